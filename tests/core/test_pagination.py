"""`page_size` is a whole number of at least 1: anything else is a 400 naming it. DRF's pagination
answered a page of the default size to `page_size=abc` or `page_size=-5`, so a client's typo went
unnoticed and it read 50 rows where it asked for another number."""

import pytest
from django.urls import reverse

from apps.core.pagination import StandardPagination
from tests import factories
from tests.api_contract import api_schema, assert_documented

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_claims(desk):
    article = factories.ArticleFactory(desk=desk)
    return [factories.ClaimFactory(article=article) for _ in range(3)]


@pytest.mark.parametrize("page_size", ["abc", "0", "-5", "2.5", "1e2", " 2", "\uff12"])
def test_a_page_size_that_is_no_whole_number_of_rows_is_a_documented_400(page_size, three_claims, editor_api):
    response = editor_api.get(reverse("api:claim-list"), {"page_size": page_size})

    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"page_size": ["Give a whole number of rows from 1 to 200."]}
    assert_documented(response)


def test_a_page_size_gives_that_many_rows(three_claims, editor_api):
    response = editor_api.get(reverse("api:claim-list"), {"page_size": "2"})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


def test_a_page_size_over_the_maximum_gives_the_maximum(three_claims, editor_api, monkeypatch):
    monkeypatch.setattr(StandardPagination, "max_page_size", 2)

    response = editor_api.get(reverse("api:claim-list"), {"page_size": "500"})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 2


def test_without_a_page_size_a_page_has_the_default_size(desk, editor_api):
    article = factories.ArticleFactory(desk=desk)
    for _ in range(51):
        factories.ClaimFactory(article=article)

    assert len(editor_api.get(reverse("api:claim-list")).json()["results"]) == 50
    assert len(editor_api.get(reverse("api:claim-list"), {"page_size": ""}).json()["results"]) == 50


def test_lists_document_the_page_size_they_accept_and_its_400():
    members = api_schema()["paths"]["/api/v1/desks/{desk_slug}/members/"]["get"]
    (page_size,) = [parameter for parameter in members["parameters"] if parameter["name"] == "page_size"]

    assert page_size["schema"] == {"type": "integer", "minimum": 1}
    assert "400" in members["responses"]
