"""The notification emails' HTML parts reach WCAG AAA contrast (7:1) and pass axe-core's WCAG 2.1 A
and AA rules, as Chromium shows them; an email client that keeps their inline styles shows the
same. Landmarks and a first-level heading, axe's best practices for pages, are no part of an email
and are not asked for. Every kind of email is checked: a kind added later fails here until it is."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from apps.reviews import notifications, services
from apps.reviews.models import Notification, NotificationKind, Rating, ReviewTask
from tests.ui.test_accessibility import ENHANCED_CONTRAST, _violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_A_AND_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}


def _fresh(task: ReviewTask) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


@pytest.fixture
def every_kind_of_email(editor, reviewer, veto_task, toll_task) -> list:
    """One email of each kind, sent as the desk sends them."""
    true = Rating.objects.get(scale__desk__isnull=True, label="True")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    services.review_tasks_assign(editor=editor, tasks=[veto_task, toll_task], assignee=reviewer, due_date=tomorrow)
    services.verdict_submit(user=reviewer, task=_fresh(toll_task), rating=true, rationale="The UN counts it so.")
    services.verdict_return(editor=editor, task=_fresh(toll_task), note="Cite the UN's own count, please.")
    services.verdict_submit(user=reviewer, task=_fresh(veto_task), rating=true, rationale="Three vetoes.")
    services.verdict_approve(editor=editor, task=_fresh(veto_task))
    services.verdict_reopen(editor=editor, task=_fresh(veto_task), note="Four vetoes, not three.")
    services.verdict_correction_withdraw(editor=editor, task=_fresh(veto_task))
    notifications.overdue_digest_record(today=tomorrow + dt.timedelta(days=1))
    mail.outbox.clear()
    for notification in Notification.objects.all():
        notifications.notification_send(notification_id=notification.pk)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds == set(NotificationKind.values), "a kind of email is not checked here"
    return mail.outbox


def test_every_html_email_meets_enhanced_contrast_and_passes_axe(browser, every_kind_of_email):
    page = browser.new_page()
    found = []
    for message in every_kind_of_email:
        (html, mimetype) = message.alternatives[0]
        assert mimetype == "text/html"
        page.set_content(html)
        for rules in (WCAG_A_AND_AA, ENHANCED_CONTRAST):
            found += _violations(page, message.subject, rules)

    assert not found, "\n".join(found)
