"""The dashboard counts an article's claims as its article page does."""

import pytest
from django.urls import reverse

from apps.claims import services as claim_services
from apps.claims.models import ClaimStatus
from apps.reviews.models import TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_dashboard_counts_only_claims_in_the_review_queue(
    editor_client, editor, reviewer, article, veto_task, toll_task
):
    toll_task.status = TaskStatus.ASSIGNED
    toll_task.assignee = reviewer
    toll_task.save()
    factories.ClaimFactory(article=article, status=ClaimStatus.HELD)
    rejected = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article))
    claim_services.claim_reject(claim=rejected.claim, user=editor, reason="An opinion")

    response = editor_client.get(reverse("dashboard"))

    [row] = response.context["rows"]
    assert row.article.claim_count == 2
    assert row.status_counts == [("new", "New", 1), ("assigned", "Assigned", 1)]
    article_page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert '<h2 id="claims-heading">Claims <span class="count">2</span></h2>' in article_page


def test_dashboard_status_pills_are_coloured_like_the_article_pages(editor_client, veto_task):
    page = editor_client.get(reverse("dashboard")).content.decode()

    assert '<span class="badge badge--new">New</span> 1' in page
