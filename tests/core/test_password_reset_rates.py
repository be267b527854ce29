"""Requests for a new-password link are limited per client address and per email address (counted in
the cache, whether or not an account has the address): past either limit the form answers 429 with
Retry-After and a message in the reader's language, and no email is recorded."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.core import tasks as core_tasks
from apps.core.models import PasswordResetEmail
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def published(monkeypatch):
    ids: list[str] = []
    # Published at once: the test's transaction never commits (the after-commit step has its own test).
    monkeypatch.setattr(core_tasks.password_reset_email_send_task, "delay_on_commit", ids.append)
    return ids


def _ask(email, *, address="203.0.113.7", language="en"):
    return Client(headers={"accept-language": language}).post(
        reverse("password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_the_defaults_are_five_an_hour_per_client_and_three_per_email_address():
    assert settings.PASSWORD_RESETS_PER_CLIENT_PER_HOUR == 5
    assert settings.PASSWORD_RESETS_PER_EMAIL_PER_HOUR == 3


def test_the_fourth_request_for_one_address_is_refused_and_sends_nothing(published):
    factories.UserFactory(email="ada@example.org")
    answers = [_ask("ada@example.org", address=f"203.0.113.{n}") for n in range(1, 5)]

    assert [answer.status_code for answer in answers] == [302, 302, 302, 429]
    refused = answers[-1]
    assert "Too many requests for a new password link" in refused.text
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert len(published) == 3
    assert PasswordResetEmail.objects.count() == 3


def test_an_address_no_account_has_is_refused_alike():
    factories.UserFactory(email="ada@example.org")
    known = [_ask("ada@example.org", address=f"198.51.100.{n}").status_code for n in range(4)]
    unknown = [_ask("nobody@example.org", address=f"192.0.2.{n}").status_code for n in range(4)]
    assert known == unknown == [302, 302, 302, 429]


def test_the_sixth_request_from_one_client_is_refused(published):
    factories.UserFactory(email="person5@example.org")
    answers = [_ask(f"person{n}@example.org").status_code for n in range(6)]
    assert answers == [302] * 5 + [429]
    assert published == []  # the one account asked after the limit: nothing recorded
    assert _ask("person0@example.org", address="203.0.113.8").status_code == 302  # another client goes on


def test_the_refusal_is_in_the_readers_language():
    for _ in range(3):
        _ask("ada@example.org", address="192.0.2.50")
    refused = _ask("ada@example.org", address="192.0.2.51", language="es")
    assert refused.status_code == 429
    assert "Demasiadas solicitudes" in refused.text


def test_a_limit_of_zero_turns_it_off(settings):
    settings.PASSWORD_RESETS_PER_CLIENT_PER_HOUR = 0
    settings.PASSWORD_RESETS_PER_EMAIL_PER_HOUR = 0
    assert {_ask("ada@example.org").status_code for _ in range(8)} == {302}


def test_a_malformed_address_is_not_counted():
    for _ in range(6):
        assert _ask("not an address").status_code == 400
    assert _ask("ada@example.org").status_code == 302
