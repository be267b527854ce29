"""The editors' tips inbox and the API's tip list are paged: every tip of a big backlog can be
reached, and the status filter is kept from page to page."""

import datetime as dt
import re
import secrets

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.articles.models import Tip, TipStatus
from apps.web.views.tips import TIP_INBOX_PAGE_SIZE

pytestmark = pytest.mark.django_db


def _tips(desk, count: int, *, status=TipStatus.NEW, label="Tip") -> list[Tip]:
    now = timezone.now()
    tips = Tip.objects.bulk_create(
        Tip(desk=desk, text=f"{label} {number:03d}", tracking_token=secrets.token_urlsafe(32), status=status)
        for number in range(count)
    )
    for number, tip in enumerate(tips):  # tip 000 the oldest
        Tip.objects.filter(pk=tip.pk).update(created_at=now - dt.timedelta(minutes=count - number))
    return tips


def _shown(page: str) -> list[str]:
    return re.findall(r"<p data-tip-text>([^<]+)</p>", page)


def test_the_inbox_pages_a_backlog_and_every_tip_is_on_one_page(desk, editor_client):
    _tips(desk, TIP_INBOX_PAGE_SIZE + 12)
    inbox = reverse("tips:inbox", args=[desk.slug])

    first = editor_client.get(inbox).content.decode()
    second = editor_client.get(inbox, {"page": 2}).content.decode()

    assert len(_shown(first)) == TIP_INBOX_PAGE_SIZE
    assert _shown(first)[0] == f"Tip {TIP_INBOX_PAGE_SIZE + 11:03d}"  # newest first
    assert "Page 1 of 2" in first
    assert 'href="?page=2"' in first
    assert len(_shown(second)) == 12
    assert sorted(_shown(first) + _shown(second)) == [f"Tip {n:03d}" for n in range(TIP_INBOX_PAGE_SIZE + 12)]
    assert 'href="?page=1"' in second


def test_the_status_filter_is_kept_across_pages(desk, editor_client):
    _tips(desk, TIP_INBOX_PAGE_SIZE + 3, status=TipStatus.CLOSED, label="Closed")
    _tips(desk, 5, label="New")
    inbox = reverse("tips:inbox", args=[desk.slug])

    first = editor_client.get(inbox, {"status": "closed"}).content.decode()
    second = editor_client.get(inbox, {"status": "closed", "page": 2}).content.decode()

    assert 'href="?status=closed&amp;page=2"' in first
    assert 'href="?status=closed&amp;page=1"' in second
    assert all(text.startswith("Closed") for text in _shown(first) + _shown(second))
    assert len(_shown(second)) == 3


def test_a_page_past_the_end_or_not_a_number_shows_a_page_of_tips(desk, editor_client):
    _tips(desk, 3)
    inbox = reverse("tips:inbox", args=[desk.slug])

    assert len(_shown(editor_client.get(inbox, {"page": 99}).content.decode())) == 3
    assert len(_shown(editor_client.get(inbox, {"page": "x"}).content.decode())) == 3
    assert "Page 1 of" not in editor_client.get(inbox).content.decode()  # one page: no pager


def test_the_api_list_is_paged_with_the_filter_kept(desk, editor_api):
    _tips(desk, 60, status=TipStatus.CLOSED)
    _tips(desk, 2)

    first = editor_api.get("/api/v1/tips/", {"status": "closed"}).json()
    second = editor_api.get(first["next"]).json()

    assert first["count"] == 60
    assert len(first["results"]) == 50
    assert "status=closed" in first["next"]
    assert len(second["results"]) == 10
    assert second["next"] is None
