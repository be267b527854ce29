"""Each download format answers with the media type and shape the OpenAPI schema documents for it.

The schema used to call every export an opaque file of any type, so clients generated from it, and
the fuzz test's schema check, read the JSON and ClaimReview exports as a string they are not."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from apps.reports.services import FORMATS
from tests.api_contract import api_schema, assert_documented
from tests.reports.test_desk_report import check

pytestmark = pytest.mark.django_db

DAY = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)


@pytest.fixture
def approved_task(desk, editor, reviewer):
    return check(
        desk, editor, reviewer, imported=DAY, assigned=DAY, submitted=DAY + dt.timedelta(hours=2),
        approved=DAY + dt.timedelta(hours=3),
    )  # fmt: skip


@pytest.mark.parametrize("export_format", sorted(FORMATS))
def test_an_article_export_answers_as_the_schema_documents_its_format(export_format, approved_task, editor_api):
    url = reverse("api:article-export", kwargs={"article_id": approved_task.claim.article_id})
    response = editor_api.get(url, {"format": export_format})

    assert response.status_code == 200
    body = assert_documented(response)
    if export_format in ("json", "claimreview"):
        assert json.loads(body)


@pytest.mark.parametrize("feed_format", ["csv", "json", "claimreview"])
def test_the_desk_fact_check_feed_answers_as_the_schema_documents_its_format(feed_format, approved_task, editor_api):
    url = reverse("api:desk-fact-checks", kwargs={"desk_slug": approved_task.claim.article.desk.slug})
    response = editor_api.get(url, {"format": feed_format})

    assert response.status_code == 200
    assert_documented(response)


def test_json_exports_are_documented_as_the_objects_they_are():
    paths = api_schema()["paths"]
    article = paths["/api/v1/articles/{article_id}/export/"]["get"]["responses"]["200"]["content"]
    feed = paths["/api/v1/desks/{desk_slug}/fact-checks/"]["get"]["responses"]["200"]["content"]

    assert article["application/json"]["schema"]["required"] == ["article", "claims"]
    assert feed["application/json"]["schema"]["type"] == "array"
    assert {FORMATS[name][0].split(";")[0] for name in FORMATS} == set(article)
