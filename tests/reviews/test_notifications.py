"""Email notifications: who hears about which review event, once, and only if they want to."""

import datetime as dt
import json
import os
import smtplib
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import time_machine
import yaml
from django.core import mail
from django.db import connection
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.reviews import notifications, services
from apps.reviews import tasks as review_tasks
from apps.reviews.models import Notification, NotificationKind, NotificationStatus, Rating, ReviewTask
from apps.reviews.notifications import notification_settings_update
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 28)
# When the digest goes out (TIME_ZONE is UTC in the tests).
DIGEST_TIME = dt.datetime(2026, 11, 28, 7, 0, tzinfo=dt.UTC)
# When the tests' tasks are assigned: before every due date they give, which is never in the past.
ASSIGNED_TIME = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _email_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://desk.example.org"


@pytest.fixture
def article(desk):
    return factories.ArticleFactory(desk=desk, title="Council budget <b>doubles</b>")


def _task(article, n=0, text="The council spent £4m & more on roads in 2019."):
    return factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text, start=n))


def _rating():
    return Rating.objects.get(scale__desk=None, label="True")


def _assigned(act, editor, reviewer, tasks, due=TODAY):
    with time_machine.travel(ASSIGNED_TIME, tick=False):
        act(services.review_tasks_assign, editor=editor, tasks=tasks, assignee=reviewer, due_date=due)
    return [ReviewTask.objects.get(pk=task.pk) for task in tasks]


def _submitted(act, editor, reviewer, tasks):
    tasks = _assigned(act, editor, reviewer, tasks)
    for task in tasks:
        act(services.verdict_submit, user=reviewer, task=task, rating=_rating(), rationale="The records show it.")
    mail.outbox.clear()
    return [ReviewTask.objects.get(pk=task.pk) for task in tasks]


def _recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def _html(message) -> str:
    (body, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return body


# --- Each event, its email, its recipients ----------------------------------------------------


def test_an_assignment_emails_the_reviewer_with_the_claim_article_due_date_and_link(act, article, editor, reviewer):
    task = _task(article)

    _assigned(act, editor, reviewer, [task])

    assert _recipients() == ["rachel@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Assigned to you: “The council spent £4m & more on roads in 2019.”"
    link = f"https://desk.example.org/claims/{task.claim_id}/"
    assert "edith assigned a claim to you for review:" in message.body
    assert "The council spent £4m & more on roads in 2019." in message.body
    assert "Article: Council budget <b>doubles</b>" in message.body
    assert "Saturday 28 November 2026" in message.body
    assert link in message.body
    assert "https://desk.example.org/account/notifications/" in message.body
    html = _html(message)
    assert f'href="{link}"' in html
    # What people wrote is escaped in the HTML part, never markup.
    assert "Council budget &lt;b&gt;doubles&lt;/b&gt;" in html
    assert "£4m &amp; more" in html


def test_a_bulk_assignment_is_one_email_and_reassignment_tells_the_new_reviewer_only(
    act, article, editor, reviewer, second_reviewer
):
    tasks = [_task(article, n) for n in range(3)]
    _assigned(act, editor, reviewer, tasks)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "3 claims assigned to you"
    mail.outbox.clear()

    _assigned(act, editor, second_reviewer, tasks[:1])

    assert _recipients() == ["roger@example.org"]
    # A new due date for work already theirs is no new assignment.
    mail.outbox.clear()
    _assigned(act, editor, second_reviewer, tasks[:1], due=TODAY + dt.timedelta(days=3))
    assert mail.outbox == []


def test_a_submitted_verdict_emails_the_editor_who_assigned_it_only(act, desk, article, editor, reviewer):
    factories.MemberFactory(desk=desk, role="editor", username="erin")
    factories.MemberFactory(desk=desk, role="admin", username="ada")
    (task,) = _assigned(act, editor, reviewer, [_task(article)])
    mail.outbox.clear()

    act(services.verdict_submit, user=reviewer, task=task, rating=_rating(), rationale="The records show it.")

    assert _recipients() == ["edith@example.org"]
    assert mail.outbox[0].subject.startswith("Verdict to approve: “The council")
    assert "rachel submitted a verdict for your approval" in mail.outbox[0].body


def test_a_verdict_whose_assigning_editor_left_the_desk_emails_the_desks_editors(act, desk, article, editor, reviewer):
    factories.MemberFactory(desk=desk, role="editor", username="erin")
    factories.MemberFactory(desk=desk, role="admin", username="ada")
    (task,) = _assigned(act, editor, reviewer, [_task(article)])
    desk.memberships.filter(user=editor).delete()
    mail.outbox.clear()

    act(services.verdict_submit, user=reviewer, task=task, rating=_rating(), rationale="The records show it.")

    assert _recipients() == ["ada@example.org", "erin@example.org"]


def test_a_verdict_whose_assigning_editor_has_no_address_emails_the_desks_editors(act, desk, article, editor, reviewer):
    factories.MemberFactory(desk=desk, role="editor", username="erin")
    (task,) = _assigned(act, editor, reviewer, [_task(article)])
    type(editor).objects.filter(pk=editor.pk).update(email="")
    mail.outbox.clear()

    act(services.verdict_submit, user=reviewer, task=task, rating=_rating(), rationale="The records show it.")

    assert _recipients() == ["erin@example.org"]


def test_a_returned_verdict_emails_the_reviewer_with_the_note(act, article, editor, reviewer):
    (task,) = _submitted(act, editor, reviewer, [_task(article)])

    act(services.verdict_return, editor=editor, task=task, note="Cite the <script>budget</script> line.\nAnd the year.")

    assert _recipients() == ["rachel@example.org"]
    message = mail.outbox[0]
    assert message.subject.startswith("Your verdict was returned: ")
    assert "edith returned your verdict. Their note:" in message.body
    assert "Cite the <script>budget</script> line.\nAnd the year." in message.body
    assert "Cite the &lt;script&gt;budget&lt;/script&gt; line.<br>And the year." in _html(message)


def test_an_approved_verdict_emails_the_reviewer(act, article, editor, reviewer):
    (task,) = _submitted(act, editor, reviewer, [_task(article)])

    act(services.verdict_approve, editor=editor, task=task)
    act(services.verdict_approve, editor=editor, task=task)  # idempotent, and tells nobody again

    assert _recipients() == ["rachel@example.org"]
    assert mail.outbox[0].subject.startswith("Your verdict was approved: ")


def test_bulk_approval_sends_one_email_per_reviewer(act, article, editor, reviewer, second_reviewer):
    rachels = _submitted(act, editor, reviewer, [_task(article, n) for n in range(5)])
    rogers = _submitted(act, editor, second_reviewer, [_task(article, n) for n in range(5, 7)])

    act(
        services.verdicts_approve,
        editor=editor,
        seen_revisions={task.pk: task.verdict_revision for task in rachels + rogers},
    )

    assert _recipients() == ["rachel@example.org", "roger@example.org"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects["rachel@example.org"] == "5 of your verdicts were approved"
    assert subjects["roger@example.org"] == "2 of your verdicts were approved"
    assert all("edith approved" in message.body for message in mail.outbox)
    rachel_email = next(message for message in mail.outbox if message.to == ["rachel@example.org"])
    assert all(f"/claims/{task.claim_id}/" in rachel_email.body for task in rachels)
    assert not any(f"/claims/{task.claim_id}/" in rachel_email.body for task in rogers)


# --- Who is never emailed ---------------------------------------------------------------------


def test_nobody_is_emailed_about_what_they_did_themselves(act, article, editor):
    (task,) = _assigned(act, editor, editor, [_task(article)])
    act(services.verdict_submit, user=editor, task=task, rating=_rating(), rationale="The records show it.")
    act(services.verdict_approve, editor=editor, task=ReviewTask.objects.get(pk=task.pk))

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_opted_out_inactive_and_addressless_people_get_nothing(act, desk, article, editor, reviewer):
    notification_settings_update(user=reviewer, changes={NotificationKind.TASK_ASSIGNED: False})
    inactive = factories.MemberFactory(desk=desk, username="ivan").user
    inactive.is_active = False
    inactive.save()
    addressless = factories.MemberFactory(desk=desk, username="nora").user
    addressless.email = ""
    addressless.save()

    for person in (reviewer, inactive, addressless):
        _assigned(act, editor, person, [_task(article)])

    assert mail.outbox == []
    # Turning one kind off leaves the others on.
    (task,) = _submitted(act, editor, reviewer, [_task(article, 9)])
    act(services.verdict_approve, editor=editor, task=task)
    assert _recipients() == ["rachel@example.org"]


def test_a_recipient_who_left_the_desk_before_the_send_gets_nothing(
    published, django_capture_on_commit_callbacks, desk, article, editor, reviewer
):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    desk.memberships.filter(user=reviewer).delete()

    notifications.notification_send(notification_id=published[0])

    assert mail.outbox == []
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.SKIPPED
    assert notification.last_error == "None of its claims concern the recipient any more."


def test_a_returned_verdict_reassigned_before_the_send_is_not_emailed_to_its_former_reviewer(
    act, published, django_capture_on_commit_callbacks, article, editor, reviewer, second_reviewer
):
    (task,) = _submitted(act, editor, reviewer, [_task(article)])
    with django_capture_on_commit_callbacks(execute=True):
        services.verdict_return(editor=editor, task=task, note="Cite the budget line.")
    (returned_id,) = published
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=second_reviewer)

    notifications.notification_send(notification_id=returned_id)

    assert mail.outbox == []
    assert Notification.objects.get(pk=returned_id).status == NotificationStatus.SKIPPED


def test_nothing_is_recorded_or_published_when_the_event_rolls_back(
    published, django_capture_on_commit_callbacks, article, editor, reviewer
):
    task = _task(article)
    (task,) = services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(user=reviewer, task=task, rating=_rating(), rationale="The records show it.")
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError, match="why"):
        services.verdict_return(editor=editor, task=task, note="  ")

    assert published == []
    assert not Notification.objects.exists()


# --- Delivery: once, retried, swept up --------------------------------------------------------


def test_a_message_delivered_twice_sends_one_email(
    published, django_capture_on_commit_callbacks, article, editor, reviewer
):
    with django_capture_on_commit_callbacks(execute=True):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)

    review_tasks.notification_send_task(published[0])
    review_tasks.notification_send_task(published[0])

    assert len(mail.outbox) == 1
    notification = Notification.objects.get()
    assert notification.status == NotificationStatus.SENT
    assert notification.sent_at is not None
    assert notification.attempts == 1


def test_an_smtp_failure_is_recorded_and_retried_with_backoff(
    published, django_capture_on_commit_callbacks, article, editor, reviewer, monkeypatch
):
    from celery.exceptions import Retry

    with django_capture_on_commit_callbacks(execute=True):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    from django.core.mail.backends import locmem

    deliver = locmem.EmailBackend.send_messages
    refusals = []

    def refuse_once(self, messages):
        if not refusals:
            refusals.append(messages)
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return deliver(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", refuse_once)
    # Celery's full jitter draws the wait from 0 up to the backoff; draw the top, so the test does not
    # fail the one time in 31 that it draws 0.
    monkeypatch.setattr("celery.utils.time.random.randrange", lambda stop: stop - 1)
    retries = []
    monkeypatch.setattr(
        review_tasks.notification_send_task,
        "retry",
        lambda *args, **kwargs: retries.append(kwargs) or Retry("retry", when=kwargs.get("countdown")),
    )

    with pytest.raises(Retry):
        review_tasks.notification_send_task.run(published[0])

    notification = Notification.objects.get()
    assert (notification.status, notification.attempts) == (NotificationStatus.PENDING, 1)
    assert notification.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert mail.outbox == []
    assert len(retries) == 1
    assert retries[0]["countdown"] == 30  # autoretry's backoff, first step

    review_tasks.notification_send_task.run(published[0])

    notification.refresh_from_db()
    assert (notification.status, notification.attempts, notification.last_error) == (NotificationStatus.SENT, 2, "")
    assert len(mail.outbox) == 1


def test_an_email_that_keeps_failing_is_marked_failed_after_the_last_attempt(
    settings, published, django_capture_on_commit_callbacks, article, editor, reviewer, monkeypatch
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    with django_capture_on_commit_callbacks(execute=True):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)

    def refuse(self, messages):
        raise smtplib.SMTPRecipientsRefused({"rachel@example.org": (550, b"No such user")})

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)

    with pytest.raises(notifications.NotificationSendError):
        notifications.notification_send(notification_id=published[0])
    notifications.notification_send(notification_id=published[0])

    notification = Notification.objects.get()
    assert (notification.status, notification.attempts) == (NotificationStatus.FAILED, 2)
    assert "SMTPRecipientsRefused" in notification.last_error


def test_the_sweeper_publishes_an_unsent_email_whose_message_was_lost(
    settings, published, django_capture_on_commit_callbacks, article, editor, reviewer
):
    # The publish after commit is lost: the row is there, no message is.
    with django_capture_on_commit_callbacks(execute=False):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    notification = Notification.objects.get()
    assert published == []
    now = notification.enqueued_at + dt.timedelta(seconds=settings.NOTIFICATION_STALE_SECONDS - 1)

    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_requeue_stale(now=now) == 0
    later = notification.enqueued_at + dt.timedelta(seconds=settings.NOTIFICATION_STALE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_requeue_stale(now=later) == 1

    assert published == [str(notification.pk)]
    notifications.notification_send(notification_id=published[0])
    assert _recipients() == ["rachel@example.org"]
    # Sent rows are never picked up again.
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_requeue_stale(now=later + dt.timedelta(days=1)) == 0


def test_the_sweeper_takes_back_an_email_whose_worker_died_while_sending(
    settings, published, django_capture_on_commit_callbacks, article, editor, reviewer
):
    with django_capture_on_commit_callbacks(execute=False):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    notification = Notification.objects.get()
    since = notification.enqueued_at
    Notification.objects.update(status=NotificationStatus.SENDING, sending_since=since)
    limit = settings.CELERY_TASK_TIME_LIMIT + settings.NOTIFICATION_STALE_SECONDS

    with django_capture_on_commit_callbacks(execute=True):
        assert notifications.notifications_requeue_stale(now=since + dt.timedelta(seconds=limit - 1)) == 0
        assert notifications.notifications_requeue_stale(now=since + dt.timedelta(seconds=limit + 1)) == 1

    notifications.notification_send(notification_id=published[0])
    assert _recipients() == ["rachel@example.org"]


def test_an_email_whose_sends_keep_dying_is_given_up_after_the_last_attempt(
    settings, published, django_capture_on_commit_callbacks, article, editor, reviewer
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    # Three workers died while sending it; the sweeper put it back each time.
    Notification.objects.update(attempts=3)

    notifications.notification_send(notification_id=published[0])

    assert mail.outbox == []
    notification = Notification.objects.get()
    assert (notification.status, notification.last_error) == (NotificationStatus.FAILED, "Stopped after 3 attempts.")


def test_beat_runs_the_sweeper_the_daily_digest_and_the_pruning(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "apps.reviews.tasks.notifications_requeue_stale_task" in tasks
    assert "apps.reviews.tasks.overdue_digest_task" in tasks
    assert "apps.reviews.tasks.notifications_prune_task" in tasks
    assert review_tasks.notification_send_task.acks_late
    assert review_tasks.notification_send_task.autoretry_for == (notifications.NotificationSendError,)


# --- The daily digest -------------------------------------------------------------------------


def test_the_digest_lists_exactly_the_overdue_tasks(act, desk, other_desk, article, editor, reviewer, second_reviewer):
    yesterday = TODAY - dt.timedelta(days=1)
    rachels_overdue = _assigned(act, editor, reviewer, [_task(article, 0, "Overdue claim one.")], due=yesterday)
    _assigned(act, editor, reviewer, [_task(article, 1, "Due today, not overdue.")], due=TODAY)
    _assigned(act, editor, reviewer, [_task(article, 2, "No due date at all.")], due=None)
    rogers_overdue = _assigned(act, editor, second_reviewer, [_task(article, 3, "Overdue claim two.")], due=yesterday)
    (done,) = _submitted(act, editor, reviewer, [_task(article, 4, "Submitted before its due date.")])
    ReviewTask.objects.filter(pk=done.pk).update(due_date=yesterday)
    # Another desk's overdue work goes to that desk's people only.
    stranger = factories.MemberFactory(desk=other_desk, username="sam").user
    other_article = factories.ArticleFactory(desk=other_desk)
    other_editor = factories.MemberFactory(desk=other_desk, role="editor", username="olga").user
    _assigned(act, other_editor, stranger, [_task(other_article, 0, "Elsewhere overdue.")], due=yesterday)
    mail.outbox.clear()

    with time_machine.travel(DIGEST_TIME):
        act(notifications.overdue_digest_record)

    emails = {message.to[0]: message for message in mail.outbox}
    assert sorted(emails) == [
        "edith@example.org",
        "olga@example.org",
        "rachel@example.org",
        "roger@example.org",
        "sam@example.org",
    ]
    rachel = emails["rachel@example.org"].body
    assert "Overdue claim one." in rachel
    for absent in ("Due today", "No due date", "Overdue claim two.", "Submitted before", "Elsewhere"):
        assert absent not in rachel
    assert emails["rachel@example.org"].subject == "Overdue claims: 1"
    edith = emails["edith@example.org"]
    assert edith.subject == "Overdue claims: 2"
    assert "On your desks (2)" in edith.body
    assert "Reviewer: rachel" in edith.body
    assert "Reviewer: roger" in edith.body
    assert all(f"/claims/{task.claim_id}/" in edith.body for task in rachels_overdue + rogers_overdue)
    assert "Elsewhere" not in edith.body
    assert "Elsewhere overdue." in emails["sam@example.org"].body
    assert "Overdue claim" not in emails["olga@example.org"].body

    # Run again the same day: nobody gets a second digest.
    mail.outbox.clear()
    with time_machine.travel(DIGEST_TIME):
        act(notifications.overdue_digest_record)
    assert mail.outbox == []


def test_a_digest_turned_off_is_not_sent(act, article, editor, reviewer):
    _assigned(act, editor, reviewer, [_task(article)], due=TODAY - dt.timedelta(days=2))
    notification_settings_update(user=reviewer, changes={NotificationKind.OVERDUE_DIGEST: False})
    notification_settings_update(user=editor, changes={NotificationKind.OVERDUE_DIGEST: False})
    mail.outbox.clear()

    with time_machine.travel(DIGEST_TIME):
        act(notifications.overdue_digest_record)

    assert mail.outbox == []


# --- Preferences: the page and the API --------------------------------------------------------


def test_the_settings_page_shows_each_kind_and_saves_the_choice(client, reviewer):
    client.force_login(reviewer)
    url = reverse("account:notifications")

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    assert "<legend>Email me when</legend>" in html
    assert html.count('type="checkbox"') == len(NotificationKind.values)
    assert html.count("checked") == len(NotificationKind.values)
    assert "rachel@example.org" in html
    assert f'href="{url}" aria-current="page"' in html  # reachable from the header

    response = client.post(url, {"kinds": [NotificationKind.TASK_ASSIGNED, NotificationKind.VERDICT_RETURNED]})

    assert response.status_code == 302
    assert notifications.notification_settings_get(user=reviewer) == {
        "task_assigned": True,
        "verdict_submitted": False,
        "verdict_returned": True,
        "verdict_approved": False,
        "verdict_reopened": False,
        "correction_withdrawn": False,
        "overdue_digest": False,
    }
    client.post(url, {})
    assert not any(notifications.notification_settings_get(user=reviewer).values())


def test_the_settings_page_refuses_an_unknown_kind_and_keeps_the_settings(client, reviewer):
    client.force_login(reviewer)

    response = client.post(reverse("account:notifications"), {"kinds": ["newsletter"]})

    assert response.status_code == 400
    assert all(notifications.notification_settings_get(user=reviewer).values())


def test_the_settings_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(reverse("account:notifications"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_api_reads_and_patches_the_settings(reviewer_api, reviewer):
    url = "/api/v1/me/notification-settings/"

    assert reviewer_api.get(url).json() == dict.fromkeys(NotificationKind.values, True)

    response = reviewer_api.patch(url, {"overdue_digest": False}, format="json")

    assert response.status_code == 200
    assert response.json() == {**dict.fromkeys(NotificationKind.values, True), "overdue_digest": False}
    assert reviewer_api.get(url).json()["overdue_digest"] is False


def test_the_api_refuses_unknown_kinds_and_non_booleans(reviewer_api, reviewer):
    url = "/api/v1/me/notification-settings/"

    for body in ({"newsletter": False}, {"task_assigned": "maybe"}):
        response = reviewer_api.patch(url, body, format="json")
        assert response.status_code == 400, body
        assert "message" in response.json()
    assert all(notifications.notification_settings_get(user=reviewer).values())


def test_the_api_names_each_unknown_kind_beside_the_other_problems(reviewer_api, reviewer):
    response = reviewer_api.patch(
        "/api/v1/me/notification-settings/", {"newsletter": False, "task_assigned": "maybe"}, format="json"
    )

    assert response.status_code == 400
    fields = response.json()["extra"]["fields"]
    assert fields["newsletter"] == ["There is no kind of email by this name."]
    assert fields["task_assigned"] == ["Must be a valid boolean."]
    assert all(notifications.notification_settings_get(user=reviewer).values())


def test_the_api_refuses_anonymous_callers(anonymous_api):
    assert anonymous_api.get("/api/v1/me/notification-settings/").status_code == 401
    assert anonymous_api.patch("/api/v1/me/notification-settings/", {}, format="json").status_code == 401


def test_the_schema_documents_the_settings_endpoint(editor_api):
    schema = yaml.safe_load(editor_api.get("/api/schema/").content)

    operations = schema["paths"]["/api/v1/me/notification-settings/"]
    assert {"get", "patch"} <= set(operations)
    assert set(schema["components"]["schemas"]["NotificationSettings"]["properties"]) == set(NotificationKind.values)


# --- Configuration ----------------------------------------------------------------------------

REPO_ROOT = Path(__file__).resolve().parents[2]
READ_EMAIL_SETTINGS = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps({name: str(getattr(s, name, '')) for name in ("
    "'EMAIL_BACKEND', 'EMAIL_FILE_PATH', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_USE_TLS', 'EMAIL_HOST_USER', "
    "'DEFAULT_FROM_EMAIL', 'SITE_URL')}))"
)


def _email_settings_under(tmp_path, **variables) -> dict:
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DJANGO_DEBUG": "1",
        "FACTCHECK_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", READ_EMAIL_SETTINGS],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_without_email_url_mail_is_written_to_files_under_var(tmp_path):
    configured = _email_settings_under(tmp_path)

    assert configured["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert configured["EMAIL_FILE_PATH"] == str(tmp_path / "var" / "mail")
    assert configured["SITE_URL"] == "http://127.0.0.1:8000"


def test_email_url_configures_smtp_and_the_sender_and_base_url_are_read(tmp_path):
    configured = _email_settings_under(
        tmp_path,
        EMAIL_URL="smtp+tls://desk:s3cret@mail.example.org:587",
        DEFAULT_FROM_EMAIL="Desk <desk@example.org>",
        FACTCHECK_BASE_URL="https://factcheck.example.org/",
    )

    assert configured["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (configured["EMAIL_HOST"], configured["EMAIL_PORT"]) == ("mail.example.org", "587")
    assert (configured["EMAIL_USE_TLS"], configured["EMAIL_HOST_USER"]) == ("True", "desk")
    assert configured["DEFAULT_FROM_EMAIL"] == "Desk <desk@example.org>"
    assert configured["SITE_URL"] == "https://factcheck.example.org"
    assert _email_settings_under(tmp_path, EMAIL_URL="consolemail://")["EMAIL_BACKEND"] == (
        "django.core.mail.backends.console.EmailBackend"
    )


# --- Two workers at once (PostgreSQL) ---------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_sending_the_same_email_send_it_once(published, desk, editor, reviewer, monkeypatch):
    article = factories.ArticleFactory(desk=desk)
    services.review_tasks_assign(editor=editor, tasks=[_task(article)], assignee=reviewer)
    (notification_id,) = published
    sent = []
    start = threading.Barrier(2)

    def send_slowly(self, messages):
        # Long enough for the other worker to be at the same row.
        time.sleep(0.2)
        sent.extend(messages)
        return len(messages)

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", send_slowly)

    def worker():
        try:
            start.wait()
            notifications.notification_send(notification_id=notification_id)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(sent) == 1
    assert Notification.objects.get().status == NotificationStatus.SENT


def test_finished_outbox_rows_are_pruned_after_the_keep_period_and_unsent_ones_never(settings, desk, reviewer):
    settings.NOTIFICATION_KEEP_DAYS = 90
    now = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)

    def row(key, status, days_ago):
        notification = Notification.objects.create(
            recipient=reviewer, kind=NotificationKind.TASK_ASSIGNED, dedupe_key=key, status=status
        )
        Notification.objects.filter(pk=notification.pk).update(updated_at=now - dt.timedelta(days=days_ago))
        return key

    row("old-sent", NotificationStatus.SENT, 91)
    row("old-failed", NotificationStatus.FAILED, 120)
    kept = {
        row("recent-sent", NotificationStatus.SENT, 89),
        row("old-pending", NotificationStatus.PENDING, 200),
        row("old-sending", NotificationStatus.SENDING, 200),
    }

    assert notifications.notifications_prune(now=now) == 2
    assert set(Notification.objects.values_list("dedupe_key", flat=True)) == kept
