"""A webhook endpoint that answers 429 or 503 with Retry-After is left alone for as long as it
asked (capped), never less than the backoff; the delivery log says when the next attempt is.
The endpoint is a real HTTP server on 127.0.0.1."""

import datetime as dt
import email.utils
import hashlib
import hmac
import os
import time
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.core import http
from apps.core.failures import Failure, failure_stored
from apps.desks import tasks as desk_tasks
from apps.desks import webhooks
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEvent
from apps.desks.webhooks import WebhookDeliveryRetry, webhook_delivery_send, webhook_endpoint_create
from tests import factories
from tests.fakes import FakeResponse, FakeServer, network
from tests.timing import Span, seconds_left_bounds, span

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(in_process_http_state, settings):
    # The defaults, whatever the environment says: the waits below are measured against them.
    settings.WEBHOOK_RETRY_BACKOFF_SECONDS = 30
    settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS = 600
    settings.WEBHOOK_RETRY_AFTER_MAX_SECONDS = 3600


@pytest.fixture
def receiver(settings):
    server = FakeServer({"/hook": FakeResponse(status=200, body="ok")}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
    yield server
    server.stop()


@pytest.fixture
def endpoint(desk, desk_admin, receiver):
    return webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )


def _record(desk) -> WebhookDelivery:
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    webhooks.webhook_event_record(
        desk=desk,
        event=WebhookEvent.VERDICT_APPROVED,
        data={"claim": {"id": "c1"}},
        summary="The editor approved the verdict on the tram line's budget.",
    )
    return WebhookDelivery.objects.exclude(pk__in=before).get()


def _record_all(desk) -> list[WebhookDelivery]:
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    webhooks.webhook_event_record(
        desk=desk,
        event=WebhookEvent.VERDICT_APPROVED,
        data={"claim": {"id": "c1"}},
        summary="The editor approved the verdict on the tram line's budget.",
    )
    return list(WebhookDelivery.objects.exclude(pk__in=before).select_related("endpoint"))


def _planned(seconds: float, *, after: Span) -> tuple[dt.datetime, dt.datetime]:
    """The earliest and the latest a next attempt planned `seconds` from some moment of `after` (a
    span of timezone.now) can be."""
    wait = dt.timedelta(seconds=seconds)
    return after.before + wait, after.after + wait


def _send_expecting_retry(delivery) -> float:
    with pytest.raises(WebhookDeliveryRetry) as retry:
        webhook_delivery_send(delivery_id=str(delivery.pk))
    return retry.value.countdown


def test_a_429_with_retry_after_in_seconds_waits_that_long_and_the_log_says_until_when(
    desk, endpoint, receiver, admin_client
):
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    delivery = _record(desk)

    with span(timezone.now) as sent:
        countdown = _send_expecting_retry(delivery)

    # Longer than any first backoff (at most 30 s): the endpoint's wait, not Celery's.
    assert countdown == 240
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status) == (WebhookDeliveryStatus.PENDING, 429)
    earliest, latest = _planned(240, after=sent)
    assert earliest <= delivery.next_attempt_at <= latest
    assert "It asked to wait 240 s (Retry-After)." in delivery.last_error
    page = admin_client.get(reverse("desks:webhook_edit", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk}))
    planned = timezone.localtime(delivery.next_attempt_at)
    shown = f'<time datetime="{planned.isoformat()}" title="{planned:%Y-%m-%d %H:%M:%S}">{planned:%H:%M:%S}</time>'
    assert f"next attempt {shown}" in page.content.decode()


def test_a_503_with_retry_after_as_an_http_date_waits_until_then(desk, endpoint, receiver):
    # Whole seconds, as the header has them.
    then = (timezone.now() + dt.timedelta(seconds=300)).replace(microsecond=0)
    receiver.routes["/hook"] = FakeResponse(
        status=503, headers={"Retry-After": email.utils.format_datetime(then, True)}
    )
    delivery = _record(desk)

    with span(timezone.now) as sent:
        countdown = _send_expecting_retry(delivery)

    # The seconds from when the answer came (during the send) until then.
    assert (then - sent.after).total_seconds() <= countdown <= (then - sent.before).total_seconds()
    delivery.refresh_from_db()
    # Planned from a moment after the answer came: then, or as much later as the send took.
    assert then <= delivery.next_attempt_at <= then + (sent.after - sent.before)


def test_a_retry_after_shorter_than_the_backoff_waits_the_backoff(desk, endpoint, receiver, settings):
    settings.WEBHOOK_RETRY_BACKOFF_SECONDS = 40
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "1"})
    delivery = _record(desk)

    countdown = _send_expecting_retry(delivery)

    # The first backoff is 40 s, jittered within its upper half.
    assert 20 <= countdown <= 40


def test_retry_after_on_another_server_error_is_not_taken_as_a_wait(desk, endpoint, receiver):
    receiver.routes["/hook"] = [FakeResponse(status=500, headers={"Retry-After": "240"}), FakeResponse(status=204)]
    delivery = _record(desk)

    assert _send_expecting_retry(delivery) <= 30

    # Nor does the client hold the address for it: when the backoff is over, the next attempt is sent.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (WebhookDeliveryStatus.DELIVERED, 2)
    assert len(receiver.requests_to("/hook")) == 2


def test_a_wait_longer_than_celery_holds_is_left_to_the_sweeper_and_capped_at_an_hour(
    desk, endpoint, receiver, published_ids, django_capture_on_commit_callbacks
):
    receiver.routes["/hook"] = [FakeResponse(status=503, headers={"Retry-After": "86400"}), FakeResponse(status=204)]
    delivery = _record(desk)

    # No retry is held in a worker for an hour (past the broker's visibility timeout the message
    # would be handed out twice): the call returns.
    with span(timezone.now) as sent:
        assert webhook_delivery_send(delivery_id=str(delivery.pk)) is not None

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.PENDING
    assert delivery.enqueued_at is None
    earliest, latest = _planned(3600, after=sent)
    assert earliest <= delivery.next_attempt_at <= latest
    # A stray message for it meanwhile sends nothing.
    assert webhook_delivery_send(delivery_id=str(delivery.pk)) is None
    assert len(receiver.requests_to("/hook")) == 1
    # The sweeper leaves it alone until the hour is over, then publishes it.
    published_ids.clear()
    a_minute = dt.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert webhooks.webhook_deliveries_requeue_stale(now=delivery.next_attempt_at - a_minute) == 0
    assert published_ids == []
    with django_capture_on_commit_callbacks(execute=True):
        assert webhooks.webhook_deliveries_requeue_stale(now=delivery.next_attempt_at + a_minute) == 1
    assert published_ids == [str(delivery.pk)]
    # When its hour is over, it is sent.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    http._local_store.clear()  # the client's own hold on the host, an hour long too
    webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (WebhookDeliveryStatus.DELIVERED, 2, None)


def test_the_task_retries_after_the_wait_the_endpoint_asked_for(desk, endpoint, receiver, monkeypatch):
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "120"})
    delivery = _record(desk)
    retried = []

    def retry(**options):
        retried.append(options)
        return RuntimeError("retry published")

    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "retry", retry)

    with pytest.raises(RuntimeError, match="retry published"):
        desk_tasks.webhook_delivery_send_task.run(str(delivery.pk))

    assert [options["countdown"] for options in retried] == [120]


def test_the_task_puts_off_a_delivery_held_back_unsent_without_spending_a_retry(
    desk, endpoint, receiver, monkeypatch, settings
):
    # Celery's retries, like the attempts, are for attempts: a long burst to one URL can put a
    # delivery off more times than there are retries.
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "120"})
    first, second = _record(desk), _record(desk)
    with span() as held_from:
        _send_expecting_retry(first)
    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "retry", pytest.fail)
    published = []
    monkeypatch.setattr(
        desk_tasks.webhook_delivery_send_task,
        "apply_async",
        lambda args, countdown: published.append((args, countdown)),
    )

    with span() as put_off:
        desk_tasks.webhook_delivery_send_task.run(str(second.pk))

    [(args, countdown)] = published
    assert args == (str(second.pk),)
    least, most = seconds_left_bounds(120, started=held_from, read=put_off)
    assert least <= countdown <= most
    second.refresh_from_db()
    assert (second.status, second.attempts) == (WebhookDeliveryStatus.PENDING, 0)


def test_the_task_does_not_hold_a_wait_longer_than_the_backoffs_maximum(desk, endpoint, receiver, monkeypatch):
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "1800"})
    delivery = _record(desk)
    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "retry", pytest.fail)

    with span(timezone.now) as sent:
        desk_tasks.webhook_delivery_send_task.run(str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.PENDING
    earliest, latest = _planned(1800, after=sent)
    assert earliest <= delivery.next_attempt_at <= latest


def test_another_delivery_to_the_host_meanwhile_waits_out_the_same_retry_after(desk, endpoint, receiver):
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    first, second = _record(desk), _record(desk)
    with span() as held_from:
        _send_expecting_retry(first)

    with span() as put_off:
        countdown = _send_expecting_retry(second)

    # Not sent at all: the client holds every request to the host for the wait asked for.
    assert len(receiver.requests_to("/hook")) == 1
    least, most = seconds_left_bounds(240, started=held_from, read=put_off)
    assert least <= countdown <= most
    second.refresh_from_db()
    assert second.status == WebhookDeliveryStatus.PENDING


@pytest.fixture
def published_ids(monkeypatch):
    ids = []
    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "delay", ids.append)
    return ids


def _signed_with(secret: str, header: str, body: bytes) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def test_a_waiting_delivery_goes_to_the_new_url_at_once_signed_with_the_new_secret(
    desk, desk_admin, endpoint, receiver, published_ids, django_capture_on_commit_callbacks
):
    receiver.routes["/hook"] = FakeResponse(status=503, headers={"Retry-After": "240"})
    receiver.routes["/new-hook"] = FakeResponse(status=204)
    delivery = _record(desk)
    _send_expecting_retry(delivery)
    published_ids.clear()
    http._local_store.clear()  # the old address's hold on the host (here the same host)

    with django_capture_on_commit_callbacks(execute=True):
        endpoint = webhooks.webhook_endpoint_update(
            actor=desk_admin, endpoint=endpoint, url=receiver.url("/new-hook"), rotate_secret=True
        )

    # The old address's Retry-After does not hold it back from the new one.
    assert published_ids == [str(delivery.pk)]
    webhook_delivery_send(delivery_id=str(delivery.pk))
    [request] = receiver.requests_to("/new-hook")
    assert _signed_with(endpoint.secret, request.headers["x-factcheck-signature"], request.body)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (WebhookDeliveryStatus.DELIVERED, 2)


def test_other_edits_leave_a_waiting_delivery_to_its_wait(
    desk, desk_admin, endpoint, receiver, published_ids, django_capture_on_commit_callbacks
):
    receiver.routes["/hook"] = FakeResponse(status=503, headers={"Retry-After": "240"})
    delivery = _record(desk)
    with span(timezone.now) as sent:
        _send_expecting_retry(delivery)
    published_ids.clear()

    with django_capture_on_commit_callbacks(execute=True):
        webhooks.webhook_endpoint_update(
            actor=desk_admin, endpoint=endpoint, description="Newsroom", rotate_secret=True
        )

    assert published_ids == []
    delivery.refresh_from_db()
    earliest, _ = _planned(240, after=sent)
    assert delivery.next_attempt_at >= earliest


def test_a_retry_after_past_the_cap_holds_the_host_no_longer_than_the_delivery_waits(desk, endpoint, receiver):
    # A day's Retry-After: the delivery waits an hour (the cap), so the client's hold on the host,
    # which every request to it obeys, must be over by then, or each later attempt is spent on it.
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "86400"})
    delivery = _record(desk)

    with span(timezone.now) as sent, span() as held_from:
        webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    earliest, latest = _planned(3600, after=sent)
    assert earliest <= delivery.next_attempt_at <= latest
    assert "It asked to wait 86400 s (Retry-After)." in delivery.last_error
    scope = webhooks.webhook_rate_limit_scope(endpoint.url)
    with span() as read:
        held = http.host_hold_remaining(urlsplit(endpoint.url).hostname, scope=scope)
    least, most = seconds_left_bounds(3600, started=held_from, read=read)
    assert least <= held <= most


# --- Whom a Retry-After holds: the endpoint's URL, not its host ------------------------------------


def test_one_desks_retry_after_does_not_hold_another_desks_deliveries_to_the_same_host(
    desk, endpoint, receiver, other_desk
):
    # Two desks' Slack webhooks are two URLs on hooks.slack.com, each with its own rate limit.
    other_admin = factories.MemberFactory(desk=other_desk, role="admin").user
    webhook_endpoint_create(
        actor=other_admin, desk=other_desk, url=receiver.url("/other-hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    receiver.routes["/other-hook"] = FakeResponse(status=204)
    _send_expecting_retry(_record(desk))

    other_delivery = _record(other_desk)
    webhook_delivery_send(delivery_id=str(other_delivery.pk))

    other_delivery.refresh_from_db()
    assert other_delivery.status == WebhookDeliveryStatus.DELIVERED
    assert len(receiver.requests_to("/other-hook")) == 1


def test_endpoints_with_the_same_url_share_its_retry_after(desk, desk_admin, endpoint, receiver):
    # The same URL registered twice (say, for two sets of events) is one credential with one limit.
    webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=endpoint.url, events=[WebhookEvent.VERDICT_APPROVED], description="Twin"
    )
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    first, second = sorted(_record_all(desk), key=lambda delivery: delivery.endpoint.description)
    with span() as held_from:
        _send_expecting_retry(first)

    with span() as put_off:
        countdown = _send_expecting_retry(second)

    assert len(receiver.requests_to("/hook")) == 1
    least, most = seconds_left_bounds(240, started=held_from, read=put_off)
    assert least <= countdown <= most


@pytest.mark.redis
def test_the_retry_after_holds_the_url_in_every_worker_through_redis(desk, endpoint, receiver, settings):
    settings.HTTP_SHARED_STATE_URL = os.environ["REDIS_URL"]
    http.shared_store().clear()
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    try:
        # Redis counts the wait on its own clock, the machine's, in whole milliseconds.
        with span(time.time) as held_from:
            _send_expecting_retry(_record(desk))
        http._local_store.clear()  # nothing of the hold is left in this process

        with span(time.time) as put_off:
            countdown = _send_expecting_retry(_record(desk))

        assert len(receiver.requests_to("/hook")) == 1
        least, most = seconds_left_bounds(240, started=held_from, read=put_off, resolution=0.001)
        assert least <= countdown <= most
        # The store names the URL only by its hash: a chat service's URL is its credential.
        scope = webhooks.webhook_rate_limit_scope(endpoint.url)
        assert http.shared_store().keys() == {f"factcheck:fetch:hold:{scope}", f"factcheck:fetch:slot:{scope}"}
        assert receiver.host not in scope
    finally:
        http.shared_store().clear()


# --- A delivery follows its endpoint's URL -------------------------------------------------------


def test_a_url_changed_while_an_attempt_is_in_flight_ends_the_old_addresss_wait(
    desk, desk_admin, endpoint, receiver, monkeypatch
):
    receiver.routes["/hook"] = FakeResponse(status=503, headers={"Retry-After": "3600"})
    receiver.routes["/new-hook"] = FakeResponse(status=204)
    delivery = _record(desk)
    real_fetch = webhooks.fetch

    def fetch_while_an_admin_changes_the_url(url, **options):
        try:
            return real_fetch(url, **options)
        finally:
            webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, url=receiver.url("/new-hook"))

    monkeypatch.setattr(webhooks, "fetch", fetch_while_an_admin_changes_the_url)

    countdown = _send_expecting_retry(delivery)

    # The old address's hour is not the new one's: the retry is at once, and goes there.
    assert countdown == 0
    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.PENDING
    assert delivery.next_attempt_at <= timezone.now()
    assert "The endpoint's URL has changed since" in delivery.last_error
    monkeypatch.setattr(webhooks, "fetch", real_fetch)
    webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (WebhookDeliveryStatus.DELIVERED, 2)
    assert len(receiver.requests_to("/new-hook")) == 1


def test_a_waiting_delivery_moved_to_a_url_that_asked_to_wait_waits_for_it(
    desk, desk_admin, endpoint, receiver, published_ids, django_capture_on_commit_callbacks, monkeypatch
):
    # Another endpoint on the new URL was told to wait four minutes; the old URL asked for an hour.
    busy = webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=receiver.url("/busy-hook"), events=[WebhookEvent.CLAIM_ASSIGNED]
    )
    receiver.routes["/busy-hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    receiver.routes["/hook"] = FakeResponse(status=503, headers={"Retry-After": "3600"})
    webhooks.webhook_event_record(desk=desk, event=WebhookEvent.CLAIM_ASSIGNED, data={}, summary="Desk renamed today.")
    with span() as held_from:
        _send_expecting_retry(WebhookDelivery.objects.get(endpoint=busy))
    delivery = _record(desk)
    webhook_delivery_send(delivery_id=str(delivery.pk))
    published_ids.clear()
    countdowns = []
    monkeypatch.setattr(
        desk_tasks.webhook_delivery_send_task,
        "apply_async",
        lambda args, countdown: countdowns.append((args, countdown)),
    )

    with span() as moved, span(timezone.now) as moved_at, django_capture_on_commit_callbacks(execute=True):
        webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, url=receiver.url("/busy-hook"))

    delivery.refresh_from_db()
    least, most = seconds_left_bounds(240, started=held_from, read=moved)
    assert moved_at.before + dt.timedelta(seconds=least) <= delivery.next_attempt_at
    assert delivery.next_attempt_at <= moved_at.after + dt.timedelta(seconds=most)
    # Published with that countdown, not at once (an attempt spent on the hold).
    assert published_ids == []
    [(args, countdown)] = countdowns
    assert args == (str(delivery.pk),)
    assert least <= countdown <= most


# --- A delivery held back, with nothing sent, spends no attempt ---------------------------------


def test_a_delivery_held_back_by_its_urls_retry_after_spends_no_attempt(desk, endpoint, receiver, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    first, second = _record(desk), _record(desk)
    with span() as held_from:
        _send_expecting_retry(first)

    for _ in range(3):
        with span() as put_off:
            countdown = _send_expecting_retry(second)
        least, most = seconds_left_bounds(240, started=held_from, read=put_off)
        assert least <= countdown <= most
        second.refresh_from_db()
        assert (second.status, second.attempts) == (WebhookDeliveryStatus.PENDING, 0)
        assert second.last_error.startswith("Not sent yet: requests to this URL wait another")
        WebhookDelivery.objects.filter(pk=second.pk).update(next_attempt_at=timezone.now())

    # When the wait is over, it is sent: its first attempt.
    http._local_store.clear()
    receiver.routes["/hook"] = FakeResponse(status=204)
    webhook_delivery_send(delivery_id=str(second.pk))
    second.refresh_from_db()
    assert (second.status, second.attempts) == (WebhookDeliveryStatus.DELIVERED, 1)
    assert len(receiver.requests_to("/hook")) == 2


def test_a_delivery_put_off_and_then_lost_by_its_workers_is_given_up_as_out_of_attempts_not_as_put_off(
    desk, endpoint, receiver, settings, monkeypatch, admin_client
):
    # Put off by its URL's Retry-After (nothing sent), then each attempt's worker dies without a
    # word: what was recorded last says it waits for the URL, which is no reason to give it up.
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.routes["/hook"] = FakeResponse(status=429, headers={"Retry-After": "240"})
    first, second = _record(desk), _record(desk)
    _send_expecting_retry(first)
    _send_expecting_retry(second)
    second.refresh_from_db()
    assert second.last_error_detail["code"] == "webhook_postponed"
    WebhookDelivery.objects.filter(pk=second.pk).update(next_attempt_at=timezone.now())

    def dies(*args, **kwargs):
        raise RuntimeError("the worker was stopped")

    monkeypatch.setattr(webhooks, "fetch", dies)
    sweep_at = timezone.now()
    for _attempt in range(2):
        with pytest.raises(RuntimeError):
            webhook_delivery_send(delivery_id=str(second.pk))
        sweep_at += dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + settings.WEBHOOK_STALE_SECONDS + 1)
        assert webhooks.webhook_deliveries_requeue_stale(now=sweep_at) >= 1
    webhook_delivery_send(delivery_id=str(second.pk))

    second.refresh_from_db()
    assert (second.status, second.attempts) == (WebhookDeliveryStatus.FAILED, 3)
    assert (second.last_error, second.last_error_code) == ("Stopped after 2 attempts.", "webhook_attempts_exhausted")
    page = admin_client.get(
        reverse("desks:webhook_edit", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk}),
        headers={"accept-language": "es"},
    ).content.decode()
    assert "Detenido tras 2 intentos." in page
    assert "Aún no enviado" not in page


def test_a_delivery_given_up_after_its_url_changed_gives_the_error_not_the_plan_for_the_new_url(
    desk, endpoint, settings
):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    delivery = _record(desk)
    answered_503 = Failure.of("upstream_unavailable", host="127.0.0.1", status=503)
    text, detail = failure_stored(Failure.of("webhook_url_changed", error=answered_503))
    # Its second attempt's worker died after the first's failure was recorded.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(attempts=2, last_error=text, last_error_detail=detail)

    webhook_delivery_send(delivery_id=str(delivery.pk))

    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    assert (delivery.last_error, delivery.last_error_detail) == failure_stored(answered_503)


def test_a_burst_to_one_paced_url_is_put_off_in_order_without_spending_attempts(
    desk, endpoint, receiver, settings, monkeypatch
):
    # A bulk approval: one event each, to one URL whose requests are spaced 3 minutes apart, by a
    # worker that sleeps up to 6 minutes for a slot (sleeping recorded, not done). Minutes, not
    # seconds: the slots are counted from the first send, however long the sends take.
    settings.HTTP_HOST_MIN_INTERVALS = {"127.0.0.1": 180.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 360
    monkeypatch.setattr(http, "sleep", lambda seconds: None)
    deliveries = [_record(desk) for _ in range(5)]

    countdowns = []
    reads = []
    with span() as first_slot_taken:
        webhook_delivery_send(delivery_id=str(deliveries[0].pk))
    for delivery in deliveries[1:]:
        try:
            with span() as read:
                webhook_delivery_send(delivery_id=str(delivery.pk))
        except WebhookDeliveryRetry as retry:
            countdowns.append(retry.countdown)
            reads.append(read)

    # Three went (now, in 3 min, in 6 min). The others come back for the next free slot, 9 minutes
    # from the first, both of them: the one put off first took no slot, which would push the
    # second's back by another 3 minutes.
    assert len(receiver.requests_to("/hook")) == 3
    assert len(countdowns) == 2
    for countdown, read in zip(countdowns, reads, strict=True):
        least, most = seconds_left_bounds(540, started=first_slot_taken, read=read)
        assert least <= countdown <= most
    assert [delivery.attempts for delivery in WebhookDelivery.objects.filter(status="pending")] == [0, 0]
