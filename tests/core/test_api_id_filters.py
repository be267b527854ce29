"""List filters that take an id say so in the OpenAPI schema: `?article=` on claims and tasks and
`?claim=` on references and source links were documented as any string, so a schema-valid request
(`?article=latest`) was refused, and generated clients offered a free-text field."""

import pytest
from django.urls import reverse

from tests import factories
from tests.api_contract import api_schema, assert_documented

ID_FILTERS = [
    ("/api/v1/claims/", "article"),
    ("/api/v1/tasks/", "article"),
    ("/api/v1/references/", "claim"),
    ("/api/v1/source-links/", "claim"),
]


@pytest.mark.parametrize(("path", "name"), ID_FILTERS)
def test_id_filters_are_documented_as_uuids(path, name):
    (parameter,) = [p for p in api_schema()["paths"][path]["get"]["parameters"] if p["name"] == name]

    assert parameter["in"] == "query"
    assert parameter["schema"] == {"type": "string", "format": "uuid"}


@pytest.mark.django_db
@pytest.mark.parametrize("list_name", ["api:claim-list", "api:task-list"])
def test_an_article_filter_that_is_no_id_is_a_documented_400_naming_it(list_name, editor_api):
    response = editor_api.get(reverse(list_name), {"article": "latest"})

    assert response.status_code == 400
    assert response.json()["extra"]["fields"] == {"article": "Must be a UUID."}
    assert_documented(response)


@pytest.mark.django_db
@pytest.mark.parametrize("list_name", ["api:claim-list", "api:task-list"])
def test_an_article_filter_lists_that_articles_rows(list_name, desk, editor_api):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    factories.ReviewTaskFactory(claim=claim)
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))

    response = editor_api.get(reverse(list_name), {"article": str(claim.article_id)})

    assert response.status_code == 200
    assert len(response.json()["results"]) == 1
    assert_documented(response)
