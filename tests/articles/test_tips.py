"""Reader tips: the public form, the tipster's tracking page, the editors' inbox, the API and the
outcome email."""

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from rest_framework.test import APIClient

from apps.articles import tasks as article_tasks
from apps.articles import tips
from apps.articles.models import Article, Tip, TipEmailStatus, TipStatus
from apps.core.models import AuditAction, AuditEvent
from apps.reviews import services as review_services
from apps.reviews.models import Rating, ReviewTask
from tests.api_contract import assert_documented

pytestmark = pytest.mark.django_db

CLAIM = "The new bridge cost 40 million euros, twice what the city council promised in 2019."
ARTICLE_TEXT = (
    "Bridge costs\n\nThe new bridge over the river cost 40 million euros, the mayor said on Monday. "
    "The council promised in 2019 that it would cost 20 million euros."
)


@pytest.fixture
def tip_desk(desk):
    desk.takes_tips = True
    desk.save()
    return desk


@pytest.fixture
def published(monkeypatch):
    """The ids of the tip emails published to the broker."""
    ids = []
    monkeypatch.setattr(article_tasks.tip_outcome_email_task, "delay", ids.append)
    return ids


def _submit(client, slug="world", **fields):
    data = {"text": CLAIM, "link": "", "reason": "", "email": "", "website": "", **fields}
    return client.post(reverse("tips:submit", args=[slug]), data, REMOTE_ADDR=fields.pop("addr", "203.0.113.7"))


def _tip(desk, **fields) -> Tip:
    values = {"text": ARTICLE_TEXT, "client_address": "198.51.100.1", **fields}
    return tips.tip_submit(desk=desk, **values)


# --- The desk's setting ---------------------------------------------------------------------------


def test_desk_admin_turns_tips_on_in_the_settings_and_it_is_audited(tip_desk, desk_admin):
    tip_desk.takes_tips = False
    tip_desk.save()
    client = Client()
    client.force_login(desk_admin)

    page = client.get(reverse("desks:tips_settings", args=["world"]))
    response = client.post(reverse("desks:tips_settings", args=["world"]), {"takes_tips": "on"})

    assert page.status_code == 200
    assert response.status_code == 302
    tip_desk.refresh_from_db()
    assert tip_desk.takes_tips
    event = AuditEvent.objects.get(action=AuditAction.TIPS_SETTING_CHANGED)
    assert event.desk_id == tip_desk.pk
    assert event.details["takes_tips"] is True
    assert Client().get(reverse("tips:submit", args=["world"])).status_code == 200


def test_editors_cannot_change_the_tips_setting(tip_desk, editor_client):
    response = editor_client.post(reverse("desks:tips_settings", args=["world"]), {})

    assert response.status_code == 403
    tip_desk.refresh_from_db()
    assert tip_desk.takes_tips


# --- The public form ------------------------------------------------------------------------------


def test_desk_that_takes_no_tips_answers_like_one_that_does_not_exist(desk):
    client = Client()
    closed = client.get(reverse("tips:submit", args=["world"]))
    missing = client.get(reverse("tips:submit", args=["no-such-desk"]))

    assert closed.status_code == missing.status_code == 404
    assert _submit(client).status_code == 404
    assert Tip.objects.count() == 0


def test_signed_out_reader_sends_a_tip_and_lands_on_its_tracking_page(tip_desk):
    client = Client(enforce_csrf_checks=True)
    form = client.get(reverse("tips:submit", args=["world"]))
    token = form.cookies["csrftoken"].value

    response = client.post(
        reverse("tips:submit", args=["world"]),
        {
            "text": f"  {CLAIM}  ",
            "link": "https://social.example.org/post/1",
            "reason": "Shared 10,000 times.",
            "email": "reader@example.org",
            "website": "",
            "csrfmiddlewaretoken": token,
        },
    )

    tip = Tip.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("tips:track", args=[tip.tracking_token])
    assert len(tip.tracking_token) >= 40
    assert (tip.text, tip.link, tip.reason, tip.email) == (
        CLAIM,
        "https://social.example.org/post/1",
        "Shared 10,000 times.",
        "reader@example.org",
    )
    assert tip.status == TipStatus.NEW
    assert "sign in" not in form.content.decode().lower() or "Log out" not in form.content.decode()


def test_the_form_needs_its_csrf_token(tip_desk):
    response = Client(enforce_csrf_checks=True).post(reverse("tips:submit", args=["world"]), {"text": CLAIM})

    assert response.status_code == 403
    assert Tip.objects.count() == 0


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(tip_desk):
    response = _submit(Client(), website="https://spam.example.com")

    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert Tip.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Write the claim or question you want checked."),
        ({"text": "   \n\t "}, "Write the claim or question you want checked."),
        ({"text": "x" * 2001}, "Keep the claim or question to 2,000 characters (it has 2,001)."),
        ({"text": "PK\x03\x04\x00\x00binary"}, "holds characters that are not text"),
        ({"text": "Mojibake \ufffd\ufffd here"}, "holds characters that are not text"),
        ({"link": "javascript:alert(1)"}, "starts with http:// or https://"),
        ({"link": "ftp://files.example.org/x"}, "starts with http:// or https://"),
        ({"email": "not-an-address"}, "Give an email address such as name@example.org"),
        ({"reason": "y" * 2001}, "Keep why it matters to 2,000 characters"),
    ],
)
def test_bad_input_is_a_400_with_a_clear_message_and_keeps_what_was_typed(tip_desk, fields, message):
    response = _submit(Client(), reason=fields.pop("reason", "It spread on WhatsApp."), **fields)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "It spread on WhatsApp." in page or "y" * 100 in page
    assert Tip.objects.count() == 0


def test_one_address_may_send_five_tips_an_hour(tip_desk, settings):
    settings.TIPS_PER_ADDRESS_PER_HOUR = 5
    client = Client()
    for number in range(5):
        assert _submit(client, text=f"{CLAIM} ({number})").status_code == 302

    refused = _submit(client, text="One more claim to check.")
    elsewhere = _submit(client, text="From another place.", addr="198.51.100.9")

    assert refused.status_code == 429
    assert "the most we take from one place" in refused.content.decode()
    assert "One more claim to check." in refused.content.decode()
    assert elsewhere.status_code == 302
    assert Tip.objects.count() == 6


def test_behind_a_proxy_each_reader_is_counted_by_the_address_the_proxy_wrote(tip_desk, settings):
    settings.TIPS_PER_ADDRESS_PER_HOUR = 1
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    client = Client()

    def via_proxy(text, forwarded):
        return client.post(
            reverse("tips:submit", args=[tip_desk.slug]),
            {"text": text},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    first = via_proxy(CLAIM, "203.0.113.7")
    forged = via_proxy("A second claim from the same reader.", "198.51.100.1, 203.0.113.7")
    another_reader = via_proxy("A claim from someone else.", "198.51.100.9")

    assert [first.status_code, forged.status_code, another_reader.status_code] == [302, 429, 302]


def test_the_address_is_not_stored(tip_desk):
    _submit(Client(), addr="203.0.113.77")

    assert "203.0.113.77" not in repr(list(Tip.objects.values()))


def test_the_link_is_not_fetched_when_the_tip_is_sent(tip_desk, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("fetched")

    monkeypatch.setattr("apps.core.http.fetch", refuse)
    monkeypatch.setattr("apps.core.http.target_check", refuse)

    assert _submit(Client(), link="https://news.example.org/story").status_code == 302


# --- The tracking page ----------------------------------------------------------------------------


def test_tracking_page_shows_the_tip_and_its_state_without_signing_in(tip_desk):
    tip = _tip(tip_desk, text=CLAIM, reason="Everyone shares it.")

    response = Client().get(reverse("tips:track", args=[tip.tracking_token]))

    page = response.content.decode()
    assert response.status_code == 200
    assert CLAIM in page
    assert "Everyone shares it." in page
    assert "Received" in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_unknown_tracking_token_is_404():
    assert Client().get(reverse("tips:track", args=["not-a-real-token"])).status_code == 404


def test_tracking_page_follows_the_check_and_leaks_nothing_internal(tip_desk, editor, reviewer):
    tip = _tip(tip_desk)
    tip = tips.tip_check_start(user=editor, tip=tip)
    page = Client().get(reverse("tips:track", args=[tip.tracking_token])).content.decode()
    assert "Being checked" in page

    article = tip.article
    claims = list(article.claims.order_by("start"))
    assert claims, "the import found the tip's claims"
    task = ReviewTask.objects.get(claim=claims[0])
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    rating.language_labels = {"es": "Falso"}
    rating.save()
    review_services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="Internal rationale zq."
    )
    if len(claims) > 1:  # a second claim's verdict waits for approval: not published
        second = ReviewTask.objects.get(claim=claims[1])
        review_services.review_tasks_assign(editor=editor, tasks=[second], assignee=reviewer)
        review_services.verdict_submit(user=reviewer, task=second, rating=rating, rationale="Draft zq.")
    review_services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    Article.objects.filter(pk=article.pk).update(fact_check_url="https://desk.example.org/checks/bridge")

    tip.refresh_from_db()
    response = Client().get(reverse("tips:track", args=[tip.tracking_token]))
    page = response.content.decode()
    assert tip.status == TipStatus.CHECKED
    assert "Checked" in page
    assert claims[0].text in page
    assert ">False<" in page
    assert "https://desk.example.org/checks/bridge" in page
    for internal in (editor.username, reviewer.username, "Internal rationale zq.", "Draft zq."):
        assert internal not in page


def test_rating_is_named_in_the_article_language(tip_desk, editor, reviewer):
    tip = tips.tip_check_start(user=editor, tip=_tip(tip_desk))
    Article.objects.filter(pk=tip.article_id).update(language="es")
    task = ReviewTask.objects.filter(claim__article=tip.article).first()
    rating = Rating.objects.get(scale__desk=None, label="False")
    rating.language_labels = {"es": "Falso"}
    rating.save()
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    review_services.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="x")
    review_services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))

    page = Client().get(reverse("tips:track", args=[tip.tracking_token])).content.decode()

    assert ">Falso<" in page


def test_closed_tip_shows_the_editors_public_reason(tip_desk, editor):
    tip = tips.tip_close(user=editor, tip=_tip(tip_desk), public_reason="This is an opinion, not a fact.")

    page = Client().get(reverse("tips:track", args=[tip.tracking_token])).content.decode()

    assert "Closed without a check" in page
    assert "This is an opinion, not a fact." in page
    assert editor.username not in page


# --- The inbox ------------------------------------------------------------------------------------


def test_inbox_lists_new_tips_first_for_editors(tip_desk, editor_client, editor):
    older = _tip(tip_desk, text="An older tip, new still.")
    closed = tips.tip_close(user=editor, tip=_tip(tip_desk, text="A closed tip."))
    newest = _tip(tip_desk, text="The newest tip.", link="https://example.org/where")

    response = editor_client.get(reverse("tips:inbox", args=["world"]))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.index("The newest tip.") < page.index("An older tip, new still.") < page.index("A closed tip.")
    assert "https://example.org/where" in page
    assert older
    assert closed
    assert newest
    assert ">Tips" in page  # the header's link, with the count of new tips


def test_reviewers_and_outsiders_cannot_see_tips(tip_desk, reviewer_client, outsider):
    tip = _tip(tip_desk)
    outsider_client = Client()
    outsider_client.force_login(outsider)

    assert reviewer_client.get(reverse("tips:inbox", args=["world"])).status_code == 403
    assert outsider_client.get(reverse("tips:inbox", args=["world"])).status_code == 404
    response = outsider_client.post(reverse("tips:close", args=["sports", tip.pk]), {})
    assert response.status_code == 404
    tip.refresh_from_db()
    assert tip.status == TipStatus.NEW
    assert ARTICLE_TEXT[:30] not in reviewer_client.get(reverse("dashboard")).content.decode()


def test_start_a_check_imports_the_tip_as_an_article_and_audits_it(tip_desk, editor_client, editor):
    tip = _tip(tip_desk)

    response = editor_client.post(reverse("tips:start-check", args=["world", tip.pk]))

    tip.refresh_from_db()
    assert tip.status == TipStatus.CHECKING
    assert response.status_code == 302
    assert response.url == reverse("articles:detail", args=[tip.article_id])
    assert tip.article.imported_by == editor
    assert tip.article.claims.exists()
    assert AuditEvent.objects.filter(action=AuditAction.TIP_CHECK_STARTED, article_id=tip.article_id).exists()
    article_page = editor_client.get(response.url).content.decode()
    assert "From a reader tip." in article_page

    again = editor_client.post(reverse("tips:start-check", args=["world", tip.pk]), follow=True)
    assert "already being checked" in again.content.decode()


def test_start_a_check_imports_the_tips_link_when_it_has_one(tip_desk, editor, monkeypatch):
    fetched = []

    def fake_fetch(url):
        fetched.append(url)
        html = f"<html><head><title>Story</title></head><body><article><p>{ARTICLE_TEXT}</p></article></body></html>"
        return html, url

    monkeypatch.setattr("apps.core.http.fetch_article_html", fake_fetch)
    tip = _tip(tip_desk, link="https://news.example.org/bridge")

    tip = tips.tip_check_start(user=editor, tip=tip)

    assert fetched == ["https://news.example.org/bridge"]
    assert tip.article.source_url == "https://news.example.org/bridge"


def test_close_with_a_reason_is_audited(tip_desk, editor_client):
    tip = _tip(tip_desk)

    response = editor_client.post(reverse("tips:close", args=["world", tip.pk]), {"public_reason": "Not checkable."})

    tip.refresh_from_db()
    assert response.status_code == 302
    assert (tip.status, tip.public_reason) == (TipStatus.CLOSED, "Not checkable.")
    event = AuditEvent.objects.get(action=AuditAction.TIP_CLOSED)
    assert event.desk_id == tip_desk.pk
    assert event.details["public_reason"] == "Not checkable."


def test_another_desks_slug_does_not_open_a_tip(tip_desk, other_desk, outsider):
    tip = _tip(tip_desk)
    client = Client()
    client.force_login(outsider)

    assert client.post(reverse("tips:start-check", args=["sports", tip.pk])).status_code == 404


# --- The outcome email ----------------------------------------------------------------------------


def test_email_is_sent_once_when_closed_in_the_language_the_tip_was_written_in(
    tip_desk, editor, published, django_capture_on_commit_callbacks
):
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    _submit(client, email="lectora@example.org")
    tip = Tip.objects.get()
    assert tip.language == "es"

    with django_capture_on_commit_callbacks(execute=True):
        tips.tip_close(user=editor, tip=tip, public_reason="Es una opinión.")
    for tip_id in published:
        tips.tip_outcome_email_send(tip_id=tip_id)
        tips.tip_outcome_email_send(tip_id=tip_id)  # delivered twice: sent once

    (message,) = mail.outbox
    assert message.to == ["lectora@example.org"]
    assert "cerró" in message.subject
    assert "Es una opinión." in message.body
    assert reverse("tips:track", args=[tip.tracking_token]) in message.body


def test_email_is_sent_when_the_check_publishes_a_verdict(
    tip_desk, editor, reviewer, published, django_capture_on_commit_callbacks
):
    tip = _tip(tip_desk, email="reader@example.org")
    tip = tips.tip_check_start(user=editor, tip=tip)
    task = ReviewTask.objects.filter(claim__article=tip.article).first()
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="False")
    review_services.verdict_submit(user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=rating, rationale="x")

    with django_capture_on_commit_callbacks(execute=True):
        review_services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
    for tip_id in published:
        tips.tip_outcome_email_send(tip_id=tip_id)

    (message,) = mail.outbox
    assert "checked your tip" in message.subject
    tip.refresh_from_db()
    assert tip.email_status == "sent"


def test_no_email_without_an_address(tip_desk, editor, published, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        tips.tip_close(user=editor, tip=_tip(tip_desk))

    assert published == []
    assert mail.outbox == []


# --- The API --------------------------------------------------------------------------------------


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def test_api_lists_tips_with_filters(tip_desk, editor_api, editor):
    _tip(tip_desk, text="First tip.")
    tips.tip_close(user=editor, tip=_tip(tip_desk, text="Closed tip."))

    response = editor_api.get("/api/v1/tips/", {"desk": "world", "status": "new"})

    assert_documented(response)
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["First tip."]
    assert "email" not in response.json()["results"][0]
    assert "tracking_token" not in response.json()["results"][0]
    assert editor_api.get("/api/v1/tips/", {"status": "bogus"}).status_code == 400


def test_api_start_check_and_close(tip_desk, editor_api):
    tip = _tip(tip_desk)
    other = _tip(tip_desk, text="Another.")

    started = editor_api.post(f"/api/v1/tips/{tip.pk}/start-check/")
    closed = editor_api.post(f"/api/v1/tips/{other.pk}/close/", {"public_reason": "Opinion."}, format="json")
    again = editor_api.post(f"/api/v1/tips/{other.pk}/close/", {}, format="json")

    assert_documented(started)
    assert_documented(closed)
    assert_documented(again)
    assert started.status_code == 200
    assert started.json()["status"] == "checking"
    assert started.json()["article"]
    assert closed.status_code == 200
    assert closed.json()["public_reason"] == "Opinion."
    assert again.status_code == 409


def test_api_reviewers_are_refused_and_outsiders_told_nothing(tip_desk, reviewer, outsider):
    tip = _tip(tip_desk)
    reviewer_api, outsider_api = APIClient(), APIClient()
    reviewer_api.force_authenticate(reviewer)
    outsider_api.force_authenticate(outsider)

    assert reviewer_api.get("/api/v1/tips/").json()["results"] == []
    assert reviewer_api.post(f"/api/v1/tips/{tip.pk}/close/", {}, format="json").status_code == 403
    assert outsider_api.post(f"/api/v1/tips/{tip.pk}/close/", {}, format="json").status_code == 404
    assert outsider_api.get("/api/v1/tips/", {"desk": "world"}).json()["results"] == []


def test_a_link_that_cannot_be_fetched_is_flashed_and_the_tip_stays_new(tip_desk, editor_client, monkeypatch):
    from apps.core.http import FetchError

    def unreachable(url):
        raise FetchError("connection refused", url=url, for_reader="the site did not answer")

    monkeypatch.setattr("apps.core.http.fetch_article_html", unreachable)
    tip = _tip(tip_desk, link="https://news.example.org/gone")

    response = editor_client.post(reverse("tips:start-check", args=["world", tip.pk]), follow=True)

    tip.refresh_from_db()
    assert tip.status == TipStatus.NEW
    assert "the site did not answer" in response.content.decode()
    assert Article.objects.count() == 0


def test_a_mail_server_failure_is_retried_and_a_lost_message_requeued(
    tip_desk, editor, published, django_capture_on_commit_callbacks, monkeypatch, settings
):
    import datetime as dt
    import smtplib

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True):
        tip = tips.tip_close(user=editor, tip=_tip(tip_desk, email="reader@example.org"))
    (tip_id,) = published

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
        with pytest.raises(tips.TipEmailSendError):
            tips.tip_outcome_email_send(tip_id=tip_id)
    tip.refresh_from_db()
    assert tip.email_status == "pending"
    assert "gone" in tip.email_error

    published.clear()
    later = timezone.now() + dt.timedelta(seconds=settings.NOTIFICATION_STALE_SECONDS + 1)
    with django_capture_on_commit_callbacks(execute=True):
        assert tips.tip_emails_requeue_stale(now=later) == 1
    assert published == [str(tip.pk)] or published == [tip.pk]
    tips.tip_outcome_email_send(tip_id=tip_id)
    assert len(mail.outbox) == 1


def test_an_email_whose_sends_keep_dying_is_given_up_after_the_last_attempt(
    tip_desk, editor, published, django_capture_on_commit_callbacks, monkeypatch, settings
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    with django_capture_on_commit_callbacks(execute=True):
        tip = tips.tip_close(user=editor, tip=_tip(tip_desk, email="reader@example.org"))
    sends = []

    def dies(self, *args, **kwargs):
        sends.append(self.to)
        raise RuntimeError("the worker was stopped")  # not the mail server's error: nothing is recorded

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", dies)
    sweep_at = timezone.now()
    for _attempt in range(3):
        with pytest.raises(RuntimeError):
            tips.tip_outcome_email_send(tip_id=str(tip.pk))
        # Left "sending", it is taken back by the sweeper once the task's time limit is long past.
        sweep_at += dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + settings.NOTIFICATION_STALE_SECONDS + 1)
        assert tips.tip_emails_requeue_stale(now=sweep_at) == 1

    assert tips.tip_outcome_email_send(tip_id=str(tip.pk)) is not None

    assert len(sends) == 3
    assert mail.outbox == []
    tip.refresh_from_db()
    assert (tip.email_status, tip.email_error) == (TipEmailStatus.FAILED, "Stopped after 3 attempts.")
    with translation.override("es"):
        assert tip.email_error_for_reader == "Detenido tras 3 intentos."
    assert tips.tip_emails_requeue_stale(now=sweep_at + dt.timedelta(days=1)) == 0


def test_an_unreachable_cache_lets_the_tip_through(tip_desk, settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }

    response = _submit(Client())

    assert response.status_code == 302
    assert Tip.objects.count() == 1
    assert "cache is unreachable" in caplog.text
