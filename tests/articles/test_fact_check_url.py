"""Where the desk published its fact-check: ClaimReview's `url`, set by editors."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.articles.services import article_fact_check_url_set
from apps.core.exceptions import ApplicationError, PermissionDeniedError
from apps.reports.selectors import report_build
from apps.reports.services import claimreview_items, report_as_dict
from apps.reviews.models import Rating, TaskStatus, Verdict
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "https://news.example.org/fact-checks/syria-vetoes"


@pytest.fixture
def approved_article(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk)
    task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=article, start=0, end=10), status=TaskStatus.APPROVED, assignee=reviewer
    )
    Verdict.objects.create(
        task=task,
        reviewer=reviewer,
        rating=Rating.objects.filter(scale__desk=None).first(),
        rationale="UN records.",
        submitted_at=timezone.now(),
        approved_at=timezone.now(),
        approved_by=editor,
    )
    return article


def test_claimreview_links_each_verdict_to_the_published_fact_check(approved_article, editor):
    assert "url" not in claimreview_items(report_build(article=approved_article))[0]

    article_fact_check_url_set(article=approved_article, user=editor, url=f"  {PAGE} ")

    (item,) = claimreview_items(report_build(article=approved_article))
    assert item["url"] == PAGE
    assert report_as_dict(report_build(article=approved_article))["article"]["fact_check_url"] == PAGE


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "news.example.org/page", "ftp://example.org/x", "https://" + "a" * 2000]
)
def test_only_a_web_address_is_accepted(approved_article, editor, url):
    with pytest.raises(ApplicationError, match="full http:// or https:// URL"):
        article_fact_check_url_set(article=approved_article, user=editor, url=url)

    approved_article.refresh_from_db()
    assert approved_article.fact_check_url == ""


def test_reviewers_cannot_set_it(approved_article, reviewer):
    with pytest.raises(PermissionDeniedError):
        article_fact_check_url_set(article=approved_article, user=reviewer, url=PAGE)


def test_editors_set_and_clear_it_through_the_api(approved_article, editor_api, reviewer_api):
    url = f"/api/v1/articles/{approved_article.pk}/"

    assert reviewer_api.patch(url, {"fact_check_url": PAGE}, format="json").status_code == 403
    response = editor_api.patch(url, {"fact_check_url": PAGE}, format="json")
    assert (response.status_code, response.json()["fact_check_url"]) == (200, PAGE)
    export = editor_api.get(f"/api/v1/articles/{approved_article.pk}/export/?format=claimreview")
    assert json.loads(export.content)[0]["url"] == PAGE
    refused = editor_api.patch(url, {"fact_check_url": "not a url"}, format="json")
    assert refused.status_code == 400
    assert "fact_check_url" in refused.json()["extra"]["fields"]
    assert editor_api.patch(url, {"fact_check_url": ""}, format="json").json()["fact_check_url"] == ""
    assert editor_api.put(url, {"fact_check_url": PAGE}, format="json").status_code == 405


def test_editors_set_it_on_the_article_page(approved_article, editor, reviewer, client):
    client.force_login(editor)
    detail = reverse("articles:detail", args=[approved_article.pk])

    response = client.post(reverse("articles:fact-check-url", args=[approved_article.pk]), {"fact_check_url": PAGE})

    assert response.url == detail
    page = client.get(detail).content.decode()
    assert f"Published fact-check: {PAGE}" in page
    client.force_login(reviewer)
    page = client.get(detail).content.decode()
    assert f'<a href="{PAGE}" rel="noopener noreferrer">{PAGE}</a>' in page
    assert 'name="fact_check_url"' not in page
