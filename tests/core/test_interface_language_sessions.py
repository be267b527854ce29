"""A person's language choice reaches every browser they are signed in on at its next page, and
reading it costs a page no query of its own: it comes with the user row Django loads anyway."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.core.interface_language import interface_language_set
from apps.core.models import AccountPreference
from tests import factories

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"accept-language": "en"}


def _signed_in(user, **login) -> Client:
    client = Client()
    client.force_login(user, **login)
    return client


def test_a_choice_made_in_one_browser_applies_on_the_next_page_in_the_others():
    user = factories.UserFactory()
    laptop, phone = _signed_in(user), _signed_in(user)
    assert '<html lang="en">' in phone.get(reverse("dashboard"), headers=ENGLISH_BROWSER).text

    laptop.post(reverse("account:language"), {"language": "es"}, headers=ENGLISH_BROWSER)
    page = phone.get(reverse("dashboard"), headers=ENGLISH_BROWSER)
    assert '<html lang="es">' in page.text
    assert "Cerrar sesión" in page.text

    laptop.post(reverse("account:language"), {"language": ""}, headers=ENGLISH_BROWSER)
    assert '<html lang="en">' in phone.get(reverse("dashboard"), headers=ENGLISH_BROWSER).text


def _page_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("dashboard"), headers=ENGLISH_BROWSER)
    assert page.status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_the_choice_costs_a_page_no_query_of_its_own():
    chose, did_not = factories.UserFactory(), factories.UserFactory()
    interface_language_set(user=chose, language="es")
    chose_client, did_not_client = _signed_in(chose), _signed_in(did_not)
    for client in (chose_client, did_not_client):
        _page_queries(client)  # a first page may still set things up

    chose_queries, did_not_queries = _page_queries(chose_client), _page_queries(did_not_client)
    assert len(chose_queries) == len(did_not_queries)
    table = AccountPreference._meta.db_table
    assert [sql for sql in chose_queries if table in sql and "JOIN" not in sql] == []


def test_a_session_signed_in_before_the_preference_backend_stays_signed_in_and_gets_the_choice():
    user = factories.UserFactory()
    interface_language_set(user=user, language="es")
    client = _signed_in(user, backend="django.contrib.auth.backends.ModelBackend")
    page = client.get(reverse("dashboard"), headers=ENGLISH_BROWSER)
    assert page.status_code == 200
    assert '<html lang="es">' in page.text


def test_a_signed_out_visitor_still_gets_the_browsers_language():
    assert '<html lang="es">' in Client().get(reverse("login"), headers={"accept-language": "es"}).text
    assert '<html lang="en">' in Client().get(reverse("login"), headers=ENGLISH_BROWSER).text
