"""Outgoing webhooks: which events make deliveries, and how a delivery reaches (or fails to reach) a
real HTTP server on 127.0.0.1."""

import datetime as dt
import hashlib
import hmac
import json
import logging
import socket
import threading
import time

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from apps.articles.services import article_import_file, article_import_text, article_intake_run
from apps.core import http
from apps.core.checks import celery_reliability_check
from apps.core.exceptions import ApplicationError
from apps.desks import tasks as desk_tasks
from apps.desks import webhooks
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent, WebhookFormat
from apps.desks.webhooks import WebhookDeliveryRetry, webhook_delivery_send, webhook_endpoint_create
from apps.reviews import services as review_services
from apps.reviews.models import Rating, ReviewTask
from tests import factories
from tests.fakes import FakeResponse, FakeServer, network
from tests.timing import late_wake_up_seconds, span

pytestmark = pytest.mark.django_db

ALL_EVENTS = list(WebhookEvent.values)
ARTICLE_TEXT = (
    "The city council approved a budget of 40 million euros for the new tram line on Tuesday. "
    "According to the mayor, the line will carry 25,000 passengers a day when it opens in 2028. "
    "The council said that the works would begin in the spring and last for about three years."
)


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    """No test here may reach a non-loopback address, whatever the code does."""
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(in_process_http_state, settings):
    settings.SITE_URL = "https://desk.example.org"


@pytest.fixture
def receiver(settings):
    """A webhook receiver on 127.0.0.1 (allowed for the tests) answering 200 unless told otherwise."""
    server = FakeServer({"/hook": FakeResponse(status=200, body="ok")}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
    yield server
    server.stop()


@pytest.fixture
def endpoint(desk, desk_admin, receiver):
    return webhook_endpoint_create(actor=desk_admin, desk=desk, url=receiver.url("/hook"), events=ALL_EVENTS)


@pytest.fixture
def published(monkeypatch):
    """The ids of the deliveries published to the broker, in order."""
    ids = []
    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "delay", ids.append)
    return ids


def _record(desk, event=WebhookEvent.VERDICT_APPROVED, data=None):
    """Record an event for the desk's webhooks; the delivery it made."""
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    webhooks.webhook_event_record(
        desk=desk, event=event, data=data or {"n": 1}, summary="Something happened.", link="https://desk.example.org/x"
    )
    return WebhookDelivery.objects.exclude(pk__in=before).get()


def _wait_over(delivery) -> None:
    """The wait planned before the delivery's next attempt is over (as when its retry runs)."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def _verify(secret: str, header: str, body: bytes) -> bool:
    """What a receiver does with X-Factcheck-Signature (the README's recipe)."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


# --- Delivery ---------------------------------------------------------------------------------


def test_a_delivery_is_signed_so_the_receiver_can_verify_it(desk, endpoint, receiver):
    delivery = _record(desk, data={"claim": {"id": "c1"}})

    webhook_delivery_send(delivery_id=str(delivery.pk))

    [request] = receiver.requests_to("/hook")
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["user-agent"].startswith("factcheck-webhooks/")
    assert request.headers["x-factcheck-event"] == "verdict.approved"
    assert _verify(endpoint.secret, request.headers["x-factcheck-signature"], request.body)
    assert not _verify("whsec_another", request.headers["x-factcheck-signature"], request.body)
    assert not _verify(endpoint.secret, request.headers["x-factcheck-signature"], request.body + b" ")
    timestamp = int(dict(p.split("=", 1) for p in request.headers["x-factcheck-signature"].split(","))["t"])
    assert abs(timestamp - timezone.now().timestamp()) < 60
    body = json.loads(request.body)
    assert body["event"] == "verdict.approved"
    assert body["id"] == str(delivery.pk) == request.headers["x-factcheck-delivery"]
    assert body["desk"] == "world"
    assert body["data"] == {"claim": {"id": "c1"}}
    assert dt.datetime.fromisoformat(body["created"]).tzinfo is not None
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == (WebhookDeliveryStatus.DELIVERED, 200, 1)


def test_a_chat_endpoint_gets_a_readable_line_with_a_link(desk, desk_admin, receiver):
    webhook_endpoint_create(
        actor=desk_admin,
        desk=desk,
        url=receiver.url("/hook"),
        events=[WebhookEvent.VERDICT_APPROVED],
        payload_format=WebhookFormat.SLACK,
    )
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    [request] = receiver.requests_to("/hook")
    assert json.loads(request.body) == {"text": "Something happened. <https://desk.example.org/x|Open>"}
    assert "x-factcheck-signature" in request.headers
    escaped = webhooks.webhook_events_record(
        desk=desk,
        event=WebhookEvent.VERDICT_APPROVED,
        occurrences=[webhooks.WebhookOccurrence(data={}, summary="Rated “Tax <5% & falling” False.")],
    )
    assert escaped == 1
    webhook_delivery_send(delivery_id=str(WebhookDelivery.objects.get(link="").pk))
    assert json.loads(receiver.requests_to("/hook")[1].body) == {"text": "Rated “Tax &lt;5% &amp; falling” False."}


def test_a_teams_workflows_endpoint_gets_an_adaptive_card_with_the_line_and_a_link(desk, desk_admin, receiver):
    endpoint = webhook_endpoint_create(
        actor=desk_admin,
        desk=desk,
        url=receiver.url("/hook"),
        events=[WebhookEvent.VERDICT_APPROVED],
        payload_format=WebhookFormat.TEAMS,
    )
    delivery = webhooks.webhook_events_record(
        desk=desk,
        event=WebhookEvent.VERDICT_APPROVED,
        occurrences=[
            webhooks.WebhookOccurrence(
                data={}, summary="Rated “Tax <5% & falling” False.", link="https://desk.example.org/x"
            )
        ],
    )
    assert delivery == 1

    webhook_delivery_send(delivery_id=str(WebhookDelivery.objects.get().pk))

    [request] = receiver.requests_to("/hook")
    assert request.headers["content-type"] == "application/json"
    assert _verify(endpoint.secret, request.headers["x-factcheck-signature"], request.body)
    message = json.loads(request.body)
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert (card["type"], card["version"]) == ("AdaptiveCard", "1.4")
    # The text as it is: a card is JSON, not Slack's <link|label> markup, and a TextRun reads no Markdown.
    line = {"type": "TextRun", "text": "Rated “Tax <5% & falling” False."}
    assert card["body"] == [{"type": "RichTextBlock", "inlines": [line]}]
    assert card["actions"] == [{"type": "Action.OpenUrl", "title": "Open", "url": "https://desk.example.org/x"}]


def test_a_teams_card_without_a_link_has_no_button(desk):
    delivery = WebhookDelivery(summary="A test event from the desk.", link="", payload={})

    card = json.loads(webhooks.webhook_request_body(delivery, WebhookFormat.TEAMS))["attachments"][0]["content"]

    assert "actions" not in card
    assert card["body"][0]["inlines"][0]["text"] == "A test event from the desk."


def test_a_teams_card_shows_markdown_in_a_claim_as_plain_text_not_as_a_link(desk):
    # A claim quoted from an imported article: in a TextBlock, Teams would render the author's link.
    summary = "Approved: “Claims are listed [here](https://phish.example/login) for **everyone**” True."
    delivery = WebhookDelivery(summary=summary, link="", payload={})

    card = json.loads(webhooks.webhook_request_body(delivery, WebhookFormat.TEAMS))["attachments"][0]["content"]

    assert not [element for element in card["body"] if element["type"] == "TextBlock"]
    assert card["body"] == [{"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": summary}]}]


def test_a_server_error_is_tried_again_and_then_delivered(desk, endpoint, receiver):
    receiver.routes["/hook"] = [FakeResponse(status=500, body="down"), FakeResponse(status=204)]
    delivery = _record(desk)

    with pytest.raises(WebhookDeliveryRetry):
        webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == (WebhookDeliveryStatus.PENDING, 500, 1)
    assert "500" in delivery.last_error

    _wait_over(delivery)
    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == (WebhookDeliveryStatus.DELIVERED, 204, 2)
    assert delivery.last_error == ""
    assert len(receiver.requests_to("/hook")) == 2
    # Both attempts carry the same event, each signed at its own time.
    first, second = receiver.requests_to("/hook")
    assert first.body == second.body


def test_too_many_requests_is_tried_again(desk, endpoint, receiver):
    receiver.routes["/hook"] = FakeResponse(status=429)
    delivery = _record(desk)

    with pytest.raises(WebhookDeliveryRetry):
        webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status) == (WebhookDeliveryStatus.PENDING, 429)


def test_the_task_retries_a_transient_failure_after_the_planned_wait(desk, endpoint, receiver, monkeypatch):
    receiver.routes["/hook"] = FakeResponse(status=502)
    delivery = _record(desk)
    retried = []

    def retry(**options):
        retried.append(options)
        return RuntimeError("retry published")

    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "retry", retry)

    with span(timezone.now) as sent, pytest.raises(RuntimeError, match="retry published"):
        desk_tasks.webhook_delivery_send_task.run(str(delivery.pk))

    delivery.refresh_from_db()
    [options] = retried
    assert isinstance(options["exc"], WebhookDeliveryRetry)
    # The first backoff (30 s), jittered within its upper half; the log shows when.
    assert 15 <= options["countdown"] <= 30
    countdown = dt.timedelta(seconds=options["countdown"])
    assert sent.before + countdown <= delivery.next_attempt_at <= sent.after + countdown
    assert desk_tasks.webhook_delivery_send_task.max_retries is not None


def test_a_retry_delay_beyond_the_brokers_visibility_timeout_is_a_configuration_error(settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CELERY_BROKER_VISIBILITY_TIMEOUT = 900
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 900}
    settings.CELERY_TASK_TIME_LIMIT = 180
    settings.CELERY_TASK_SOFT_TIME_LIMIT = 120
    settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS = 120
    settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS = 800

    assert [error.id for error in celery_reliability_check()] == ["core.E005"]


def test_a_success_with_a_long_answer_is_a_delivery_not_a_failure(desk, endpoint, receiver, settings):
    # A receiver that echoes the event back: a large bulk assignment makes a large answer.
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
    receiver.routes["/hook"] = FakeResponse(status=200, body="x" * (8 * 1024 * 1024))
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (WebhookDeliveryStatus.DELIVERED, 1, 200)
    assert delivery.delivered_at is not None
    assert delivery.last_error == ""
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures) == (True, 0)


def test_a_success_whose_answer_comes_slowly_is_delivered_once_without_waiting_for_it(
    desk, endpoint, receiver, settings
):
    # The receiver took the event (200) and then streams its answer slowly: the endpoint has it, so
    # a timeout on the answer would only send it a second time.
    # An answer taking 150 s, and a webhook time limit longer still: waiting for any of it would be seen.
    settings.WEBHOOK_TIMEOUT_SECONDS = 300
    receiver.routes["/hook"] = FakeResponse(status=200, body="x" * 3000, drip_bytes_per_second=20)
    delivery = _record(desk)

    started = time.monotonic()
    webhook_delivery_send(delivery_id=str(delivery.pk))

    assert time.monotonic() - started < late_wake_up_seconds()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (WebhookDeliveryStatus.DELIVERED, 1, 200)
    assert len(receiver.requests_to("/hook")) == 1


def _trickling_receiver(first: bytes, trickle: bytes) -> socket.socket:
    """A receiver on 127.0.0.1 that reads the request (or a TLS ClientHello), sends `first` at
    once, then `trickle` a byte every 50 ms: each read is quick, the whole slow."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve_one() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(first)
            for byte in trickle:
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.05)

    threading.Thread(target=serve_one, daemon=True).start()
    return listener


@pytest.mark.parametrize(
    ("scheme", "first", "trickle"),
    [
        # 150 s of trickle or more, far past the webhook's limit and the time allowed past it.
        # A TLS record header whose 3,000 bytes of handshake then come one at a time.
        ("https", b"\x16\x03\x03\x0b\xb8", b"\x00" * 3000),
        ("http", b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 3000 + b"\r\nContent-Length: 0\r\n\r\n"),
    ],
    ids=["tls-handshake", "headers"],
)
def test_an_attempt_is_cut_off_at_the_webhook_timeout_however_the_bytes_trickle(
    desk, desk_admin, settings, scheme, first, trickle
):
    # Each byte comes well inside the read timeout; the attempt as a whole still ends at the
    # webhook's own time limit, not the client's 30 s default for fetching pages.
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    settings.HTTP_TOTAL_TIMEOUT_SECONDS = 30
    with _trickling_receiver(first, trickle) as listener:
        host = f"127.0.0.1:{listener.getsockname()[1]}"
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [host]
        webhook_endpoint_create(actor=desk_admin, desk=desk, url=f"{scheme}://{host}/hook", events=ALL_EVENTS)
        delivery = _record(desk)

        started = time.monotonic()
        with pytest.raises(WebhookDeliveryRetry):
            webhook_delivery_send(delivery_id=str(delivery.pk))
        took = time.monotonic() - started

    assert took < 0.5 + late_wake_up_seconds()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (WebhookDeliveryStatus.PENDING, 1)
    assert delivery.last_error == "127.0.0.1 did not answer in time."


def test_the_wait_for_the_urls_next_slot_is_not_part_of_the_attempts_time(desk, endpoint, receiver, settings):
    # Deliveries to one URL are spaced; the second waits its turn, then has the whole time to answer.
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    settings.HTTP_HOST_MIN_INTERVAL_SECONDS = 0.8
    first, second = _record(desk), _record(desk)

    webhook_delivery_send(delivery_id=str(first.pk))
    webhook_delivery_send(delivery_id=str(second.pk))

    second.refresh_from_db()
    assert second.status == WebhookDeliveryStatus.DELIVERED
    assert len(receiver.requests_to("/hook")) == 2


def test_a_client_error_is_not_tried_again(desk, endpoint, receiver):
    receiver.routes["/hook"] = FakeResponse(status=400, body="bad")
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status, delivery.attempts) == (WebhookDeliveryStatus.FAILED, 400, 1)
    assert delivery.last_error == "The endpoint answered 400."
    assert len(receiver.requests_to("/hook")) == 1
    # A second message for the same row sends nothing more.
    assert webhook_delivery_send(delivery_id=str(delivery.pk)) is None
    assert len(receiver.requests_to("/hook")) == 1


def test_a_redirect_is_not_followed(desk, endpoint, receiver):
    receiver.routes["/hook"] = FakeResponse.redirect(receiver.url("/elsewhere"))
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    assert "redirect" in delivery.last_error
    assert receiver.requests_to("/elsewhere") == []


@pytest.mark.parametrize(
    ("location", "named"),
    [
        # Where a moved receiver went; never the user name, password, query or fragment it carries.
        ("https://ops:hunter2@hooks.example.net/v2/in?token=SECRET#top", "https://hooks.example.net/v2/in"),
        ("//hooks.example.net:8443/in", "http://hooks.example.net:8443/in"),
        # Markup, spaces and letters beyond ASCII are percent-encoded (a tab dropped, as URL parsers do); a
        # length is capped.
        (
            'https://evil.example/<b onclick="x">\tcaf\u00e9',
            "https://evil.example/%3Cb%20onclick=%22x%22%3Ecaf%C3%A9",
        ),
        ("https://evil.example/" + "a" * 500, "https://evil.example/" + "a" * 178 + "\u2026"),
        ("http://[::1", "an address that is not a valid URL"),
        ("javascript:alert(1)", "javascript:alert(1)"),
    ],
    ids=["credentials", "scheme-relative", "markup", "long", "not-a-url", "not-the-web"],
)
def test_a_redirect_refused_names_where_it_pointed_made_safe(desk, endpoint, receiver, location, named):
    receiver.routes["/hook"] = FakeResponse.redirect(location)
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    assert delivery.last_error == f"The endpoint answered with a redirect to {named}; webhooks do not follow redirects."


@pytest.mark.parametrize("path", ["/hook/", "/elsewhere?token=SECRET"])
def test_a_redirect_on_the_endpoints_own_host_names_the_host_not_the_path(desk, endpoint, receiver, path, caplog):
    # The path there most likely repeats the endpoint's own, a chat service's credential (a slash
    # added, an http to https upgrade): the error goes to the worker's log and the desk's activity.
    receiver.routes["/hook"] = FakeResponse.redirect(path)
    delivery = _record(desk)

    with caplog.at_level(logging.INFO, logger="apps.desks.webhooks"):
        webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.last_error == (
        f"The endpoint answered with a redirect to http://{receiver.host}/\u2026; webhooks do not follow redirects."
    )
    assert "/hook/" not in caplog.text
    assert "SECRET" not in caplog.text


def test_a_delivery_gives_up_after_the_last_attempt_and_records_why(desk, endpoint, receiver, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    receiver.routes["/hook"] = FakeResponse(status=503)
    delivery = _record(desk)

    for _ in range(2):
        with pytest.raises(WebhookDeliveryRetry):
            webhook_delivery_send(delivery_id=str(delivery.pk))
        _wait_over(delivery)
    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (WebhookDeliveryStatus.FAILED, 3, 503)
    assert "503" in delivery.last_error
    assert len(receiver.requests_to("/hook")) == 3
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 1


def test_a_delivery_whose_sends_keep_dying_is_given_up_after_the_last_attempt(
    desk, endpoint, receiver, settings, monkeypatch
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    delivery = _record(desk)

    def dies(*args, **kwargs):
        raise RuntimeError("the worker was stopped")  # not the endpoint's trouble: nothing is recorded

    sweep_at = timezone.now()
    with monkeypatch.context() as patched:
        patched.setattr(webhooks, "fetch", dies)
        for _attempt in range(3):
            with pytest.raises(RuntimeError):
                webhook_delivery_send(delivery_id=str(delivery.pk))
            # Left "sending", it is taken back by the sweeper once the task's time limit is long past.
            sweep_at += dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + settings.WEBHOOK_STALE_SECONDS + 1)
            assert webhooks.webhook_deliveries_requeue_stale(now=sweep_at) == 1

    webhook_delivery_send(delivery_id=str(delivery.pk))

    assert receiver.requests_to("/hook") == []
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_error) == (WebhookDeliveryStatus.FAILED, "Stopped after 3 attempts.")
    with translation.override("pt-br"):
        assert delivery.last_error_for_reader == "Interrompido depois de 3 tentativas."
    assert webhooks.webhook_deliveries_requeue_stale(now=sweep_at + dt.timedelta(days=1)) == 0


def test_a_connection_refused_is_tried_again(desk, desk_admin, settings):
    closed = FakeServer().start()
    closed.stop()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [closed.host]
    webhook_endpoint_create(actor=desk_admin, desk=desk, url=closed.url("/hook"), events=ALL_EVENTS)
    delivery = _record(desk)

    with pytest.raises(WebhookDeliveryRetry):
        webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.PENDING
    assert delivery.response_status is None
    assert "connect" in delivery.last_error.lower()


def test_the_worker_log_and_its_retries_never_show_a_chat_webhooks_credential_path(
    desk, desk_admin, receiver, settings, caplog
):
    # Slack's and Teams' incoming-webhook URLs are their credential.
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.5
    receiver.routes["/services/T0/B0/s3cret"] = FakeResponse(status=200, delay=1)
    webhook_endpoint_create(actor=desk_admin, desk=desk, url=receiver.url("/services/T0/B0/s3cret"), events=ALL_EVENTS)
    delivery = _record(desk)
    caplog.set_level(logging.INFO, logger="apps.desks.webhooks")

    with pytest.raises(WebhookDeliveryRetry) as retry:
        webhook_delivery_send(delivery_id=str(delivery.pk))
    _wait_over(delivery)
    webhook_delivery_send(delivery_id=str(delivery.pk))

    assert "did not answer in time" in str(retry.value)
    assert "turned off" in caplog.text
    assert "s3cret" not in str(retry.value)
    assert "s3cret" not in caplog.text
    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    assert "s3cret" not in delivery.last_error


def test_an_endpoint_that_keeps_failing_is_turned_off_with_the_reason(desk, endpoint, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    receiver.routes["/hook"] = FakeResponse(status=410)
    for _ in range(3):
        webhook_delivery_send(delivery_id=str(_record(desk).pk))

    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert endpoint.disabled_at is not None
    assert endpoint.disabled_reason == (
        "Turned off after 3 deliveries in a row failed; the last one: The endpoint answered 410."
    )
    # Events from now on make no delivery for it.
    assert webhooks.webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="x") == 0


def test_a_success_starts_the_count_of_failures_again(desk, endpoint, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 3
    receiver.routes["/hook"] = [FakeResponse(status=400), FakeResponse(status=400), FakeResponse(status=200)]
    for _ in range(3):
        webhook_delivery_send(delivery_id=str(_record(desk).pk))
    receiver.routes["/hook"] = FakeResponse(status=400)
    for _ in range(2):
        webhook_delivery_send(delivery_id=str(_record(desk).pk))

    endpoint.refresh_from_db()
    assert endpoint.is_active
    assert endpoint.consecutive_failures == 2


def test_turning_an_endpoint_on_again_clears_its_failures(desk, desk_admin, endpoint, receiver, settings):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
    receiver.routes["/hook"] = FakeResponse(status=400)
    webhook_delivery_send(delivery_id=str(_record(desk).pk))

    endpoint = webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, is_active=True)

    assert (endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_reason) == (True, 0, "")


def test_a_delivery_for_an_endpoint_turned_off_meanwhile_is_skipped(desk, desk_admin, endpoint, receiver):
    delivery = _record(desk)
    webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, is_active=False)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.SKIPPED
    assert receiver.requests == []


@pytest.mark.parametrize("answer", [200, 503, 400])
def test_an_endpoint_deleted_while_its_delivery_is_sent_leaves_the_worker_nothing_to_record(
    desk, desk_admin, endpoint, receiver, monkeypatch, answer
):
    receiver.routes["/hook"] = FakeResponse(status=answer)
    delivery = _record(desk)
    post = webhooks.fetch

    def admin_deletes_the_endpoint_meanwhile(url, **kwargs):
        webhooks.webhook_endpoint_delete(actor=desk_admin, endpoint=endpoint)
        return post(url, **kwargs)

    monkeypatch.setattr(webhooks, "fetch", admin_deletes_the_endpoint_meanwhile)

    # No retry for a row that is gone, and no crash on saving it.
    webhook_delivery_send(delivery_id=str(delivery.pk))

    assert len(receiver.requests_to("/hook")) == 1
    assert not WebhookDelivery.objects.exists()
    assert not WebhookEndpoint.objects.exists()


def test_a_test_event_reaches_an_endpoint_and_its_failure_does_not_count(
    desk, desk_admin, endpoint, receiver, settings, published, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_DISABLE_AFTER_FAILURES = 1
    with django_capture_on_commit_callbacks(execute=True):
        delivery = webhooks.webhook_test_send(actor=desk_admin, endpoint=endpoint)
    assert published == [str(delivery.pk)]

    webhook_delivery_send(delivery_id=published[0])

    [request] = receiver.requests_to("/hook")
    body = json.loads(request.body)
    assert (body["event"], body["data"]["sent_by"]) == ("webhook.test", "ada")
    receiver.routes["/hook"] = FakeResponse(status=404)
    webhook_delivery_send(delivery_id=str(webhooks.webhook_test_send(actor=desk_admin, endpoint=endpoint).pk))
    endpoint.refresh_from_db()
    assert endpoint.is_active


# --- Addresses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/hook", "loopback"),
        ("http://10.1.2.3/hook", "private"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata"),
        ("http://[::1]/hook", "loopback"),
        ("http://2130706433/hook", "loopback"),
        ("ftp://93.184.215.14/hook", "Only http and https"),
        ("https://93.184.215.14:8443/hook", "Port 8443 is not allowed"),
        ("https://user:secret@93.184.215.14/hook", "user name or password"),
    ],
)
def test_an_address_that_is_not_on_the_internet_is_refused_at_registration(desk, desk_admin, url, reason):
    with pytest.raises(ApplicationError) as refused:
        webhook_endpoint_create(actor=desk_admin, desk=desk, url=url, events=ALL_EVENTS)

    assert refused.value.status == 400
    assert refused.value.message.startswith("This URL cannot receive webhooks:")
    assert reason in refused.value.message
    assert refused.value.extra == {"field": "url"}
    assert not WebhookEndpoint.objects.exists()


def test_saving_an_endpoint_with_its_url_unchanged_does_not_look_the_name_up_again(desk, desk_admin, monkeypatch):
    answers = {"hooks.example.net": ["93.184.215.14"]}

    def resolve(host, port):
        if host not in answers:
            raise http.DNSResolutionError(f"Cannot resolve {host}: Name or service not known.")
        return answers[host]

    monkeypatch.setattr(http, "system_resolver", resolve)
    endpoint = webhook_endpoint_create(
        actor=desk_admin, desk=desk, url="https://hooks.example.net/hook", events=ALL_EVENTS
    )
    answers.clear()

    endpoint = webhooks.webhook_endpoint_update(
        actor=desk_admin, endpoint=endpoint, url="https://hooks.example.net/hook", description="Newsroom channel"
    )

    assert endpoint.description == "Newsroom channel"
    with pytest.raises(ApplicationError, match=r"Cannot resolve other\.example\.net"):
        webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, url="https://other.example.net/hook")


def test_a_name_that_resolves_to_an_internal_address_at_delivery_is_refused(
    desk, desk_admin, receiver, settings, monkeypatch, network_guard
):
    """DNS rebinding: public when registered, loopback when delivered; the check uses the answer
    the connection would use, so the server on 127.0.0.1 never hears of it."""
    settings.HTTP_ALLOWED_PORTS = [80, 443, receiver.port]
    answers = {"hooks.example.net": "93.184.215.14"}
    monkeypatch.setattr(http, "system_resolver", lambda host, port: [answers[host]])
    webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=f"http://hooks.example.net:{receiver.port}/hook", events=ALL_EVENTS
    )
    answers["hooks.example.net"] = "127.0.0.1"
    delivery = _record(desk)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    assert "resolves to 127.0.0.1, a loopback address" in delivery.last_error
    assert receiver.requests == []
    assert network_guard.connections == []


# --- Events ----------------------------------------------------------------------------------


def _events(endpoint) -> list[str]:
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint).order_by("created_at")
    return list(deliveries.values_list("event", flat=True))


def _submit(task, reviewer, rationale="The council's minutes show it."):
    rating = Rating.objects.get(scale__desk=None, label="True")
    return review_services.verdict_submit(user=reviewer, task=task, rating=rating, rationale=rationale)


def test_an_imported_article_is_announced_once_with_its_claims(desk, editor, endpoint):
    result = article_import_text(desk=desk, user=editor, text=ARTICLE_TEXT)
    article_import_text(desk=desk, user=editor, text=ARTICLE_TEXT)

    [delivery] = WebhookDelivery.objects.filter(endpoint=endpoint)
    assert delivery.event == "article.imported"
    article = delivery.payload["data"]["article"]
    assert article["id"] == str(result.article.pk)
    assert article["claim_count"] == result.article.claims.count() > 0
    assert article["language"] == "en"
    assert article["url"] == f"https://desk.example.org/articles/{result.article.pk}/"
    assert delivery.payload["data"]["imported_by"] == "edith"
    assert delivery.link == article["url"]


def test_a_long_article_is_announced_when_its_worker_has_found_the_claims(desk, editor, endpoint):
    imported = article_import_file(
        desk=desk, user=editor, data=ARTICLE_TEXT.encode(), filename="tram.txt", intake_inline=False
    )
    assert _events(endpoint) == []

    article_intake_run(article_id=str(imported.article.pk))
    article_intake_run(article_id=str(imported.article.pk))

    assert _events(endpoint) == ["article.imported"]


def test_each_review_step_is_announced_once(desk, editor, reviewer, endpoint):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    _submit(task, reviewer)
    review_services.verdict_return(editor=editor, task=task, note="Cite the minutes.")
    _submit(task, reviewer, "The minutes of 4 March show it.")
    review_services.verdict_approve(editor=editor, task=task)
    review_services.verdict_approve(editor=editor, task=task)

    assert _events(endpoint) == [
        "claim.assigned",
        "verdict.submitted",
        "verdict.returned",
        "verdict.submitted",
        "verdict.approved",
    ]
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint)
    returned = deliveries.get(event="verdict.returned").payload["data"]
    assert (returned["note"], returned["returned_by"], returned["reviewer"]) == ("Cite the minutes.", "edith", "rachel")
    approved = deliveries.get(event="verdict.approved").payload["data"]
    assert approved["claim"]["id"] == str(task.claim_id)
    assert approved["verdict"] == {
        "rating": "True",
        "rating_label": "True",
        "rationale": "The minutes of 4 March show it.",
        "reviewer": "rachel",
    }
    assert approved["approved_by"] == "edith"
    assigned = deliveries.get(event="claim.assigned").payload["data"]
    assert (assigned["assignee"], [claim["id"] for claim in assigned["claims"]]) == ("rachel", [str(task.claim_id)])


def test_reopening_a_published_verdict_for_correction_is_announced_with_the_published_finding(
    desk, editor, reviewer, endpoint
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    _submit(task, reviewer)
    review_services.verdict_approve(editor=editor, task=task)

    review_services.verdict_reopen(editor=editor, task=task, note="The budget was 40 million, not 14.")

    reopened = WebhookDelivery.objects.get(endpoint=endpoint, event="verdict.reopened")
    data = reopened.payload["data"]
    assert (data["reopened_by"], data["note"]) == ("edith", "The budget was 40 million, not 14.")
    assert data["previous"] == {"rating": "True", "rating_label": "True", "rationale": "The council's minutes show it."}
    assert data["claim"]["id"] == str(task.claim_id)


def test_withdrawing_a_correction_is_announced_with_the_finding_that_stands(desk, editor, reviewer, endpoint):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    _submit(task, reviewer)
    review_services.verdict_approve(editor=editor, task=task)
    review_services.verdict_reopen(editor=editor, task=task, note="Reopened on the wrong claim.")

    review_services.verdict_correction_withdraw(editor=editor, task=task)

    withdrawn = WebhookDelivery.objects.get(endpoint=endpoint, event="verdict.correction_withdrawn")
    data = withdrawn.payload["data"]
    assert (data["withdrawn_by"], data["note"]) == ("edith", "Reopened on the wrong claim.")
    assert data["verdict"] == {
        "rating": "True",
        "rating_label": "True",
        "rationale": "The council's minutes show it.",
        "reviewer": "rachel",
    }
    assert (data["claim"]["id"], data["claim"]["review_status"]) == (str(task.claim_id), "approved")


def test_a_bulk_approval_announces_each_verdict_once(desk, editor, reviewer, endpoint):
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=f"Claim {n}.", start=n))
        for n in range(3)
    ]
    review_services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    for task in tasks:
        _submit(task, reviewer)
    shown = {task.pk: task.verdict_revision for task in ReviewTask.objects.filter(pk__in=[t.pk for t in tasks])}

    review_services.verdicts_approve(editor=editor, seen_revisions=shown)
    review_services.verdicts_approve(editor=editor, seen_revisions=shown)

    approved = WebhookDelivery.objects.filter(endpoint=endpoint, event="verdict.approved")
    assert sorted(d.payload["data"]["claim"]["id"] for d in approved) == sorted(str(t.claim_id) for t in tasks)
    assert len({d.payload["id"] for d in approved}) == 3


def _bulk_approval_queries(desk, editor, reviewer, count: int) -> int:
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=f"Claim {n}.", start=n))
        for n in range(count)
    ]
    review_services.review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    for task in tasks:
        _submit(task, reviewer)
    shown = dict(ReviewTask.objects.filter(pk__in=[t.pk for t in tasks]).values_list("pk", "verdict_revision"))
    with CaptureQueriesContext(connection) as queries:
        review_services.verdicts_approve(editor=editor, seen_revisions=shown)
    return len(queries)


def test_a_bulk_approval_records_its_deliveries_in_a_constant_number_of_queries(desk, editor, reviewer, endpoint):
    assert _bulk_approval_queries(desk, editor, reviewer, 2) == _bulk_approval_queries(desk, editor, reviewer, 8)
    assert WebhookDelivery.objects.filter(event="verdict.approved").count() == 10


def test_an_endpoint_hears_only_the_events_it_chose_and_only_its_desk(desk, other_desk, editor, reviewer, receiver):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    other_admin = factories.MemberFactory(desk=other_desk, role="admin", username="otto").user
    approvals = webhook_endpoint_create(
        actor=admin, desk=desk, url=receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    elsewhere = webhook_endpoint_create(
        actor=other_admin, desk=other_desk, url=receiver.url("/hook"), events=ALL_EVENTS
    )
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    _submit(task, reviewer)
    review_services.verdict_approve(editor=editor, task=task)

    assert _events(approvals) == ["verdict.approved"]
    assert _events(elsewhere) == []


def test_nothing_is_recorded_or_sent_when_the_event_rolls_back(
    desk, editor, reviewer, endpoint, receiver, published, django_capture_on_commit_callbacks
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    recorded_inside = []

    def assign_then_fail():
        with transaction.atomic():
            review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
            recorded_inside.extend(_events(endpoint))
            raise ApplicationError("Something later in the request failed.")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        assign_then_fail()

    assert recorded_inside == ["claim.assigned"]

    assert not WebhookDelivery.objects.exists()
    assert published == []
    assert receiver.requests == []


def test_a_delivery_is_published_only_after_its_event_commits(
    desk, editor, reviewer, endpoint, published, django_capture_on_commit_callbacks
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
        assert published == []

    assert callbacks
    assert published == [str(WebhookDelivery.objects.get(endpoint=endpoint).pk)]


# --- The outbox ----------------------------------------------------------------------------


def test_lost_messages_are_published_again_and_old_deliveries_pruned(
    desk, endpoint, published, settings, django_capture_on_commit_callbacks
):
    stale = _record(desk)
    fresh = _record(desk)
    long_ago = timezone.now() - dt.timedelta(seconds=settings.WEBHOOK_STALE_SECONDS + 60)
    WebhookDelivery.objects.filter(pk=stale.pk).update(enqueued_at=long_ago)
    published.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert webhooks.webhook_deliveries_requeue_stale() == 1
    assert published == [str(stale.pk)]

    WebhookDelivery.objects.filter(pk=stale.pk).update(
        status=WebhookDeliveryStatus.DELIVERED,
        updated_at=timezone.now() - dt.timedelta(days=settings.WEBHOOK_DELIVERY_KEEP_DAYS + 1),
    )
    assert webhooks.webhook_deliveries_prune() == 1
    assert list(WebhookDelivery.objects.values_list("pk", flat=True)) == [fresh.pk]


def _reopened_and_resubmitted(desk, editor, reviewer, text="The budget was 14 million euros."):
    task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text=text)
    )
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    _submit(task, reviewer)
    review_services.verdict_approve(editor=editor, task=task)
    correction = review_services.verdict_reopen(editor=editor, task=task, note="The budget was 40 million, not 14.")
    false = Rating.objects.get(scale__desk=None, label="False")
    review_services.verdict_submit(
        user=reviewer, task=ReviewTask.objects.get(pk=task.pk), rating=false, rationale="The minutes say 40 million."
    )
    return ReviewTask.objects.get(pk=task.pk), correction


def test_approving_a_corrected_verdict_is_announced_as_a_correction(desk, editor, reviewer, endpoint):
    task, correction = _reopened_and_resubmitted(desk, editor, reviewer)

    review_services.verdict_approve(editor=editor, task=task)

    first, corrected = WebhookDelivery.objects.filter(endpoint=endpoint, event="verdict.approved").order_by(
        "enqueued_at", "created_at"
    )
    assert first.payload["data"]["correction"] is None
    assert corrected.payload["data"]["correction"] == {
        "note": "The budget was 40 million, not 14.",
        "previous_rating": "True",
        "previous_rating_label": "True",
        "reopened_at": correction.reopened_at.isoformat(),
        "rating_changed": True,
    }
    assert corrected.payload["data"]["verdict"]["rating"] == "False"
    assert corrected.summary.startswith("edith approved the corrected verdict on \u201cThe budget was 14 million")
    assert corrected.summary.endswith(": False (was True).")
    slack = json.loads(webhooks.webhook_request_body(corrected, WebhookFormat.SLACK))
    assert "approved the corrected verdict" in slack["text"]


def test_a_bulk_approval_announces_a_corrected_verdict_as_a_correction(desk, editor, reviewer, endpoint):
    corrected_task, _ = _reopened_and_resubmitted(desk, editor, reviewer)
    fresh_task = factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text="The tram opens in 2028.")
    )
    review_services.review_tasks_assign(editor=editor, tasks=[fresh_task], assignee=reviewer)
    _submit(fresh_task, reviewer)
    shown = dict(
        ReviewTask.objects.filter(pk__in=[corrected_task.pk, fresh_task.pk]).values_list("pk", "verdict_revision")
    )

    review_services.verdicts_approve(editor=editor, seen_revisions=shown)

    approvals = WebhookDelivery.objects.filter(endpoint=endpoint, event="verdict.approved").order_by("enqueued_at")
    by_claim = {delivery.payload["data"]["claim"]["id"]: delivery for delivery in approvals}
    corrected = by_claim[str(corrected_task.claim_id)]
    assert corrected.payload["data"]["correction"]["previous_rating"] == "True"
    assert "approved the corrected verdict on" in corrected.summary
    assert by_claim[str(fresh_task.claim_id)].payload["data"]["correction"] is None
    assert "approved the verdict on" in by_claim[str(fresh_task.claim_id)].summary
