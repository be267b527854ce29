"""Outgoing webhooks: a desk's admins register HTTP endpoints, and the desk's events are POSTed to
them, signed.

Why `desks` owns them: an endpoint is desk configuration, managed by the desk's admins beside its
people and rules, and `desks` comes before every stage that raises events (articles, reviews), so
those stages call `webhook_event_record` directly, the way they call `audit_record`.

Delivery follows the email outbox (`apps/reviews/notifications.py`): each event writes one
`WebhookDelivery` row per subscribed endpoint inside the event's own transaction (nothing is sent
for an event that rolled back), its task is published after commit, and
`webhook_deliveries_requeue_stale` (celery beat) publishes again the rows whose message was lost.
Sending claims the row with a conditional UPDATE (pending -> sending), so a message delivered
twice sends once; a worker that dies after the endpoint answered but before the row says so sends
again, so delivery is at least once and the body's `id` lets receivers drop repeats.

Requests go through the outbound client (`apps/core/http.py`): the host is resolved once and must
be globally routable at every attempt (a name that resolved to a public address at registration
and to an internal one later is refused: DNS rebinding), redirects are not followed (the error
names where one pointed, without its query or credentials), and each attempt as a whole is capped
at WEBHOOK_TIMEOUT_SECONDS. 5xx, 429, timeouts and connection failures are tried again with
backoff; any other answer is final. An endpoint whose deliveries keep failing is turned off, with
the reason.

A 429 or 503 answer's Retry-After is honoured per delivery: the next attempt waits at least that
long (capped), and never less than the backoff. The planned time is kept on the row
(`next_attempt_at`). A wait Celery can hold (up to the backoff's maximum) is published as a retry
countdown; a longer one is not held in a worker (past the broker's visibility timeout the message
would be handed out twice) but left to the sweeper, which publishes the row once it is due.

The wait also holds the endpoint's other deliveries, in every worker (the client's hold, kept in
the shared store, Redis), but only those to the same URL: chat services limit each incoming-webhook
URL (Slack, Teams), and any receiver's limit is its credential's, so one desk's 429 from Slack does
not hold another desk's deliveries to Slack. Endpoints registered with the same URL (two formats,
or two desks given the same URL) share it, as they share its limit. A delivery follows its
endpoint's URL: when an admin changes it, a delivery waiting on the old address, or whose attempt
to the old address was in flight, waits only for what the new address asked (usually nothing).
A delivery the client holds back unsent (its URL's wait, or the spacing between its requests, is
longer than a worker sleeps) comes back when the URL is free and spends no attempt: a bulk
approval's burst to one Slack channel would otherwise use up its attempts without being sent.

Only the answer's status is used: its body is not waited for, so a receiver that takes the event
and then sends a slow or endless body neither holds a worker nor gets the event again.

A desk admin can send a finished delivery again (`webhook_delivery_redeliver`): a new row with the
same payload, so its `id` is the event's and receivers that already have it can drop it.
"""

import datetime as dt
import hashlib
import hmac
import json
import logging
import random
import secrets
import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext

from apps.core.audit import audit_record
from apps.core.exceptions import ApplicationError
from apps.core.failures import Failure, failure_from_record, failure_stored
from apps.core.http import (
    DNSResolutionError,
    FetchError,
    FetchTimeoutError,
    HostBusyError,
    HTTPStatusError,
    TooManyRedirectsError,
    TransientFetchError,
    UpstreamUnavailableError,
    fetch,
    host_hold_remaining,
    shown_url,
    target_check,
)
from apps.core.models import AuditAction
from apps.core.outbox import outbox_requeue_stale

from .models import (
    WEBHOOK_TEST_EVENT,
    Desk,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
    WebhookEvent,
    WebhookFormat,
)
from .selectors import desk_admin_require

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Factcheck-Signature"


class WebhookDeliveryRetry(Exception):
    """The endpoint could not take the delivery now (5xx, 429, timeout, connection); try again in
    `countdown` seconds. `postponed`: nothing was sent (the URL's wait), so it was no attempt."""

    def __init__(self, message: str, *, countdown: float, postponed: bool = False):
        super().__init__(message)
        self.countdown = countdown
        self.postponed = postponed


# --- Endpoints (desk admins) ------------------------------------------------------------------


def webhook_secret_generate() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def webhook_url_check(url: str) -> str:
    """The URL an endpoint may have: http(s), default ports, a host that resolves to public
    addresses only. Raises ApplicationError with the reason (a 400 naming the field)."""
    url = url.strip()
    if not url:
        raise ApplicationError(gettext("Give the endpoint's URL."), extra={"field": "url"})
    if len(url) > WebhookEndpoint._meta.get_field("url").max_length:
        raise ApplicationError(gettext("The URL is longer than 2,000 characters."), extra={"field": "url"})
    try:
        target_check(url)
    except FetchTimeoutError as error:
        # The resolver is at fault, not the URL: the same URL may well pass a moment later.
        raise ApplicationError(
            gettext("This URL could not be checked: %(reason)s Try again in a moment.") % {"reason": error.for_reader},
            extra={"field": "url"},
        ) from None
    except FetchError as error:
        raise ApplicationError(
            gettext("This URL cannot receive webhooks: %(reason)s") % {"reason": error.for_reader},
            extra={"field": "url"},
        ) from None
    return url


def _events_check(events: list[str]) -> list[str]:
    unknown = sorted(set(events) - set(WebhookEvent.values))
    if unknown:
        raise ApplicationError(
            gettext("There is no event called %(events)s.") % {"events": ", ".join(unknown)},
            extra={"field": "events", "events": WebhookEvent.values},
        )
    if not events:
        raise ApplicationError(gettext("Choose at least one event to send."), extra={"field": "events"})
    # In the list's own order, once each, whatever order they came in.
    return [event for event in WebhookEvent.values if event in events]


def _full_clean(endpoint: WebhookEndpoint) -> None:
    """The model's own checks, as a 400: Django's URL validator refuses some addresses that resolve
    (a host name with an underscore)."""
    try:
        endpoint.full_clean()
    except DjangoValidationError as error:
        field = next(iter(error.message_dict), None) if hasattr(error, "error_dict") else None
        problem = " ".join(error.messages)
        raise ApplicationError(
            gettext("This webhook cannot be saved: %(problem)s") % {"problem": problem}, extra={"field": field}
        ) from None


# Chat services' incoming-webhook hosts (the host or a subdomain of it), and the format each takes.
CHAT_WEBHOOK_HOSTS = {
    "hooks.slack.com": WebhookFormat.SLACK,
    "chat.googleapis.com": WebhookFormat.SLACK,
    # Teams Workflows: Power Automate's, and older ones on Logic Apps (prod-NN.<region>.logic.azure.com);
    # the retired Office 365 connectors (<tenant>.webhook.office.com) took the same Adaptive Card message.
    "api.powerplatform.com": WebhookFormat.TEAMS,
    "logic.azure.com": WebhookFormat.TEAMS,
    "webhook.office.com": WebhookFormat.TEAMS,
}


def webhook_format_for_url(url: str) -> str:
    """The format an endpoint registered without one gets: the chat message its host's service
    takes (Slack, Google Chat, Teams), else the signed JSON event. A URL that cannot be read (an
    unclosed "[") gets JSON here; the URL check then refuses it with a 400 saying why."""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    except ValueError:
        return WebhookFormat.JSON
    for chat_host, payload_format in CHAT_WEBHOOK_HOSTS.items():
        if host == chat_host or host.endswith("." + chat_host):
            return payload_format
    return WebhookFormat.JSON


def _format_check(payload_format: str) -> None:
    if payload_format not in WebhookFormat.values:
        raise ApplicationError(
            gettext("Unknown format %(format)s; choose one of %(formats)s.")
            % {"format": repr(payload_format), "formats": ", ".join(WebhookFormat.values)},
            extra={"field": "payload_format"},
        )


@transaction.atomic
def webhook_endpoint_create(
    *,
    actor,
    desk: Desk,
    url: str,
    events: list[str],
    payload_format: str | None = None,
    description: str = "",
    is_active: bool = True,
) -> WebhookEndpoint:
    """A desk admin registers an endpoint; it gets a new signing secret. Not idempotent: the same
    URL may be registered twice (say, for two formats or sets of events). Without a format, the
    URL's host chooses it (`webhook_format_for_url`)."""
    desk_admin_require(user=actor, desk=desk)
    if payload_format is None:
        payload_format = webhook_format_for_url(url)
    _format_check(payload_format)
    endpoint = WebhookEndpoint(
        desk=desk,
        url=webhook_url_check(url),
        events=_events_check(events),
        payload_format=payload_format,
        description=description.strip(),
        is_active=is_active,
        secret=webhook_secret_generate(),
        created_by=actor,
    )
    _full_clean(endpoint)
    endpoint.save()
    audit_record(
        action=AuditAction.WEBHOOK_ADDED,
        actor=actor,
        desk=desk,
        details={"webhook_id": str(endpoint.pk), **_endpoint_audit_fields(endpoint)},
    )
    return endpoint


def _endpoint_audit_fields(endpoint: WebhookEndpoint) -> dict:
    """What the audit trail keeps of an endpoint: never its secret, and its URL without the path
    (a chat service's incoming-webhook URL carries its credential there)."""
    return {
        "url": _url_without_path(endpoint.url),
        "events": list(endpoint.events),
        "payload_format": endpoint.payload_format,
        "description": endpoint.description,
        "is_active": endpoint.is_active,
    }


@transaction.atomic
def webhook_endpoint_update(
    *,
    actor,
    endpoint: WebhookEndpoint,
    url: str | None = None,
    events: list[str] | None = None,
    payload_format: str | None = None,
    description: str | None = None,
    is_active: bool | None = None,
    rotate_secret: bool = False,
) -> WebhookEndpoint:
    """A desk admin changes an endpoint; fields left None keep their value.

    Turning an endpoint on again (it was off, by hand or after failures) clears its failure count
    and the reason it was turned off. `rotate_secret` gives it a new secret: deliveries from then
    on are signed with it, those already sent were signed with the old one.

    Deliveries still waiting are sent as the endpoint is when they go: to its new URL, in its new
    format, signed with its new secret (an admin changes these because the old ones are wrong or
    leaked, and an event held back for the old address is worth nothing to it). A new URL also
    ends the wait they were given by the old address (its backoff or Retry-After): they wait for
    what the new address asked, if anything, and are published again after commit. The endpoint's
    row lock orders this with an attempt in flight (`_next_attempt_save`).
    """
    desk_admin_require(user=actor, desk=endpoint.desk)
    current = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint.pk).first()
    if current is None:
        raise ApplicationError(gettext("That webhook was deleted."), status=404)
    before = _endpoint_audit_fields(current)
    url_before = current.url
    # An unchanged URL is not looked up again (the web form always sends it): every delivery
    # checks its address anyway.
    if url is not None and url.strip() != current.url:
        current.url = webhook_url_check(url)
    if events is not None:
        current.events = _events_check(events)
    if payload_format is not None:
        _format_check(payload_format)
        current.payload_format = payload_format
    if description is not None:
        current.description = description.strip()
    if is_active is not None:
        if is_active and not current.is_active:
            current.consecutive_failures = 0
            current.disabled_at = None
            current.disabled_reason = ""
            current.disabled_reason_detail = {}
        current.is_active = is_active
    if rotate_secret:
        current.secret = webhook_secret_generate()
    _full_clean(current)
    current.save()
    if current.url != url_before:
        _deliveries_waiting_follow_url(current)
    _endpoint_update_audit(actor=actor, endpoint=current, before=before, url_before=url_before)
    if rotate_secret:
        audit_record(
            action=AuditAction.WEBHOOK_SECRET_ROTATED,
            actor=actor,
            desk=current.desk,
            details={"webhook_id": str(current.pk), "url": _url_without_path(current.url)},
        )
    return current


def _deliveries_waiting_follow_url(endpoint: WebhookEndpoint) -> None:
    """Deliveries waiting to be tried again wait for the endpoint's (new) URL instead: at once, or
    for what is left of a Retry-After that URL gave (an endpoint with the same URL had a 429)."""
    now = timezone.now()
    next_attempt_at, enqueued_at = _next_attempt_plan(now, wait=_url_wait(endpoint.url))
    waiting = WebhookDelivery.objects.filter(
        endpoint=endpoint, status=WebhookDeliveryStatus.PENDING, next_attempt_at__gt=now
    )
    delivery_ids = list(waiting.values_list("pk", flat=True))
    # The same condition again: a row claimed since it was read is left to its worker.
    waiting.filter(pk__in=delivery_ids).update(next_attempt_at=next_attempt_at, enqueued_at=enqueued_at, updated_at=now)
    if enqueued_at is not None:
        for delivery_id in delivery_ids:
            _publish(delivery_id, countdown=(next_attempt_at - now).total_seconds())


def _endpoint_update_audit(*, actor, endpoint: WebhookEndpoint, before: dict, url_before: str) -> None:
    """Record the fields an update really changed, old and new. A new URL on the same host reads the
    same without its path, and is recorded as a change all the same."""
    after = _endpoint_audit_fields(endpoint)
    changes = {"url": [before["url"], after["url"]]} if endpoint.url != url_before else {}
    changes |= {field: [before[field], after[field]] for field in before if before[field] != after[field]}
    if changes:
        audit_record(
            action=AuditAction.WEBHOOK_CHANGED,
            actor=actor,
            desk=endpoint.desk,
            details={"webhook_id": str(endpoint.pk), "url": after["url"], "changes": changes},
        )


@transaction.atomic
def webhook_endpoint_delete(*, actor, endpoint: WebhookEndpoint) -> None:
    """A desk admin deletes an endpoint and its delivery log. Idempotent."""
    desk_admin_require(user=actor, desk=endpoint.desk)
    current = WebhookEndpoint.objects.select_for_update().filter(pk=endpoint.pk).first()
    if current is None:
        return
    details = {"webhook_id": str(current.pk), **_endpoint_audit_fields(current)}
    current.delete()
    audit_record(action=AuditAction.WEBHOOK_DELETED, actor=actor, desk=endpoint.desk, details=details)


@transaction.atomic
def webhook_test_send(*, actor, endpoint: WebhookEndpoint) -> WebhookDelivery:
    """A desk admin's "Send a test event": one `webhook.test` delivery, queued like any other
    (also to an endpoint that is off, so an admin can check it before turning it on again)."""
    desk_admin_require(user=actor, desk=endpoint.desk)
    occurrence = WebhookOccurrence(
        data={"message": "A test event sent from the desk's webhook settings.", "sent_by": actor.get_username()},
        summary=f"Test event from {endpoint.desk.name}: this webhook works.",
    )
    delivery = _delivery_new(endpoint=endpoint, event=WEBHOOK_TEST_EVENT, desk=endpoint.desk, occurrence=occurrence)
    delivery.save()
    _publish(delivery.pk)
    return delivery


# Deliveries still on their way: not yet delivered, skipped or given up.
UNFINISHED = (WebhookDeliveryStatus.PENDING, WebhookDeliveryStatus.SENDING)


@transaction.atomic
def webhook_delivery_redeliver(*, actor, delivery: WebhookDelivery) -> tuple[WebhookDelivery, bool]:
    """A desk admin sends a finished delivery (delivered, failed or skipped) again: a new delivery
    with the same payload (so the same `id` for receivers to drop repeats), signed when it is sent,
    recorded in the desk's activity and published after commit. Returns it and whether it is new.

    Idempotent against a double click: while an earlier redelivery of the same delivery is waiting
    or being sent, or was asked for less than WEBHOOK_REDELIVER_REPEAT_SECONDS ago, that one is
    returned and nothing is written. The original row is locked, and a partial unique constraint
    backs the check up. A delivery still being sent, or one to an endpoint that is off (except a
    test event, which is sent to endpoints that are off), is refused with 409.
    """
    desk_admin_require(user=actor, desk=delivery.endpoint.desk)
    # The endpoint's lock before the delivery's row, in the order a deletion of the endpoint takes them
    # (the endpoint, then its deliveries); locking the joined rows at once took the delivery's first.
    WebhookEndpoint.objects.select_for_update().filter(pk=delivery.endpoint_id).first()
    original = WebhookDelivery.objects.select_for_update(of=("self",)).select_related("endpoint__desk")
    original = original.filter(pk=delivery.pk).first()
    if original is None:
        raise ApplicationError(gettext("That delivery is no longer in the log."), status=404)
    endpoint = original.endpoint
    if original.status in UNFINISHED:
        raise ApplicationError(
            gettext("This delivery is still being sent; send it again once it has been delivered or has failed."),
            status=409,
            extra={"status": original.status},
        )
    if not endpoint.is_active and original.event != WEBHOOK_TEST_EVENT:
        raise ApplicationError(
            gettext("This webhook is turned off; turn it on before sending deliveries to it again."), status=409
        )
    repeat = _redelivery_in_flight(original)
    if repeat is not None:
        return repeat, False
    redelivery = WebhookDelivery(
        endpoint=endpoint,
        event=original.event,
        payload=original.payload,
        summary=original.summary,
        link=original.link,
        enqueued_at=timezone.now(),
        redelivery_of=original,
    )
    try:
        with transaction.atomic():
            redelivery.save(force_insert=True)
    except IntegrityError:
        # Another request made one between our check and insert (the lock is a no-op on SQLite).
        return _redelivery_in_flight(original), False
    audit_record(
        action=AuditAction.WEBHOOK_REDELIVERED,
        actor=actor,
        desk=endpoint.desk,
        details={
            "webhook_id": str(endpoint.pk),
            "url": _url_without_path(endpoint.url),
            "event": original.event,
            "delivery_id": str(original.pk),
            "redelivery_id": str(redelivery.pk),
            "previous_status": original.status,
        },
    )
    _publish(redelivery.pk)
    return redelivery, True


def _redelivery_in_flight(original: WebhookDelivery) -> WebhookDelivery | None:
    recent = timezone.now() - dt.timedelta(seconds=settings.WEBHOOK_REDELIVER_REPEAT_SECONDS)
    redeliveries = original.redeliveries.filter(Q(status__in=UNFINISHED) | Q(created_at__gte=recent))
    return redeliveries.order_by("-created_at").first()


# --- Recording, at each event -----------------------------------------------------------------


@dataclass(frozen=True)
class WebhookOccurrence:
    """One happening of an event: its own part of the body (`data`, JSON-able), and the one-line
    text chat endpoints show (`summary`) with `link`, an absolute URL to the page it is about."""

    data: dict
    summary: str
    link: str = ""


def webhook_event_record(*, desk: Desk, event: str, data: dict, summary: str, link: str = "") -> int:
    """Record one `event` for the desk's webhooks; see `webhook_events_record`."""
    return webhook_events_record(desk=desk, event=event, occurrences=[WebhookOccurrence(data, summary, link)])


def webhook_events_record(*, desk: Desk, event: str, occurrences: list[WebhookOccurrence]) -> int:
    """Record each occurrence of `event` for each of the desk's active endpoints subscribed to it,
    in the caller's transaction, and publish each delivery after commit. Returns how many
    deliveries were recorded. Two queries however many occurrences (a bulk approval) there are.
    """
    if not occurrences:
        return 0
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(desk_id=desk.pk, is_active=True)
        if event in endpoint.events
    ]
    deliveries = [
        _delivery_new(endpoint=endpoint, event=event, desk=desk, occurrence=occurrence)
        for endpoint in endpoints
        for occurrence in occurrences
    ]
    WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        _publish(delivery.pk)
    return len(deliveries)


def _delivery_new(
    *, endpoint: WebhookEndpoint, event: str, desk: Desk, occurrence: WebhookOccurrence
) -> WebhookDelivery:
    now = timezone.now()
    delivery = WebhookDelivery(
        endpoint=endpoint,
        event=event,
        summary=_one_line(occurrence.summary, 500),
        link=occurrence.link,
        enqueued_at=now,
    )
    delivery.payload = {
        "event": event,
        "id": str(delivery.pk),
        "created": now.isoformat(),
        "desk": desk.slug,
        "data": occurrence.data,
    }
    return delivery


def _publish(delivery_id, *, countdown: float = 0) -> None:
    from .tasks import webhook_delivery_send_task

    if countdown <= 0:
        webhook_delivery_send_task.delay_on_commit(str(delivery_id))
        return
    transaction.on_commit(lambda: webhook_delivery_send_task.apply_async((str(delivery_id),), countdown=countdown))


def _one_line(text: str, chars: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= chars else line[: chars - 1] + "\u2026"


# --- Sending ----------------------------------------------------------------------------------


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """The `X-Factcheck-Signature` value: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def webhook_request_body(delivery: WebhookDelivery, payload_format: str) -> bytes:
    if payload_format == WebhookFormat.SLACK:
        # Slack's and Google Chat's markup: <url|label> is a link, so a claim's own <, > and & are
        # escaped as they document.
        summary = delivery.summary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        message = {"text": f"{summary} <{delivery.link}|Open>" if delivery.link else summary}
    elif payload_format == WebhookFormat.TEAMS:
        message = _teams_message(delivery)
    else:
        message = delivery.payload
    return json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode()


def _teams_message(delivery: WebhookDelivery) -> dict:
    """The message a Teams Workflows webhook posts: one Adaptive Card, as Microsoft documents
    (Workflows take Adaptive Cards only), with the line and an "Open" button to the page.

    The line is a RichTextBlock's TextRun, which Teams shows as plain text: a TextBlock reads Markdown,
    and a claim quoted from an imported article could then put its own "[link](url)" in the channel
    (the Slack format escapes its markup for the same reason)."""
    line = {"type": "TextRun", "text": delivery.summary}
    card: dict = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.4",
        "body": [{"type": "RichTextBlock", "inlines": [line]}],
    }
    if delivery.link:
        card["actions"] = [{"type": "Action.OpenUrl", "title": "Open", "url": delivery.link}]
    attachment = {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
    return {"type": "message", "attachments": [attachment]}


def webhook_delivery_send(*, delivery_id: str) -> WebhookDelivery | None:
    """POST one recorded delivery. Idempotent: a row already delivered, skipped, failed or being
    sent by another worker is left alone (None).

    5xx, 429, timeouts and connection errors put the row back to pending with the error and raise
    `WebhookDeliveryRetry` for the task to retry; after WEBHOOK_MAX_ATTEMPTS, or at once for any
    other answer (4xx, a redirect, an address that is not allowed), the row is marked failed and
    counts towards turning the endpoint off.
    """
    now = timezone.now()
    # A row waiting for its next attempt is not sent early by a stray message (a repeat of an
    # earlier one); the retry planned for it, or the sweeper, sends it when it is due.
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = WebhookDelivery.objects.filter(due, pk=delivery_id, status=WebhookDeliveryStatus.PENDING).update(
        status=WebhookDeliveryStatus.SENDING, sending_since=now, attempts=F("attempts") + 1, updated_at=now
    )
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.is_active and delivery.event != WEBHOOK_TEST_EVENT:
        return _finish(delivery, WebhookDeliveryStatus.SKIPPED, error=Failure.of("webhook_endpoint_off"))
    if delivery.attempts > settings.WEBHOOK_MAX_ATTEMPTS:
        # Each earlier attempt ended without a word (its worker died): the sweeper would otherwise
        # bring it back forever.
        return _fail(delivery, error=_attempts_exhausted_reason(delivery))
    body = webhook_request_body(delivery, endpoint.payload_format)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": f"factcheck-webhooks/1.0 (+{settings.FACTCHECK_CONTACT})",
        "X-Factcheck-Event": delivery.event,
        # The event's id, as in the body: a redelivery carries the id of the delivery it repeats.
        "X-Factcheck-Delivery": str(delivery.payload.get("id", delivery.pk)),
        SIGNATURE_HEADER: webhook_signature(secret=endpoint.secret, timestamp=int(time.time()), body=body),
    }
    url = endpoint.url
    try:
        response = fetch(
            url,
            method="POST",
            headers=headers,
            body=body,
            # The whole attempt (connecting, TLS, sending, the answer's status line and headers):
            # a receiver trickling bytes, each inside the read timeout, is cut off at this time too.
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            total_timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
            # Nothing here uses the answer's body: once its status says the endpoint took the
            # delivery, a slow body must not turn that into a timeout and a second delivery.
            read_body=False,
            max_redirects=0,
            retries=0,
            rate_limit_scope=webhook_rate_limit_scope(url),
            # The client holds every request in the scope that asked to wait; no longer than this
            # delivery's own wait, or a day's Retry-After would burn every attempt on the hold.
            host_hold_max=settings.WEBHOOK_RETRY_AFTER_MAX_SECONDS,
        )
    except HostBusyError as error:
        return _attempt_postponed(delivery, url=url, wait=error.retry_after or 0.0)
    except (TransientFetchError, DNSResolutionError) as error:
        status = error.status if isinstance(error, UpstreamUnavailableError) and error.status else None
        return _attempt_failed(
            delivery,
            url=url,
            error=_error_without_path(error, url),
            response_status=status,
            retry_after=_retry_after_asked(error, status),
        )
    except HTTPStatusError as error:
        return _fail(delivery, error=Failure.of("webhook_status", status=error.status), response_status=error.status)
    except TooManyRedirectsError as error:
        target = _redirect_target_shown(error.location, url=url)
        if target is None:
            return _fail(delivery, error=Failure.of("webhook_redirect_not_a_url"))
        return _fail(delivery, error=Failure.of("webhook_redirect", target=target))
    except FetchError as error:
        return _fail(delivery, error=_error_without_path(error, endpoint.url))
    return _delivered(delivery, response_status=response.status)


def _attempts_exhausted_reason(delivery: WebhookDelivery) -> Failure | str:
    """Why a delivery claimed past its last attempt is given up: the error the last attempt that
    was made recorded, else that its attempts ran out.

    What was recorded last may say what was to happen next rather than what happened: a
    postponement (nothing was sent, the URL asked to wait) or a URL change (the next attempt goes
    to the new one). Neither is true of a delivery given up, so neither is its reason: a URL
    change gives the error it was added to, a postponement the attempts that ran out."""
    recorded = failure_from_record(delivery.last_error, delivery.last_error_detail) if delivery.last_error else ""
    if isinstance(recorded, Failure) and recorded.code == "webhook_url_changed":
        error = recorded.params.get("error")
        recorded = failure_from_record("", error) if isinstance(error, dict) else str(error or "")
    if not recorded or (isinstance(recorded, Failure) and recorded.code == "webhook_postponed"):
        return Failure.of("webhook_attempts_exhausted", attempts=delivery.attempts - 1)
    return recorded


def webhook_rate_limit_scope(url: str) -> str:
    """The outbound client's rate-limit scope of an endpoint URL (`fetch`'s `rate_limit_scope`):
    the URL itself, hashed, as the key names it in the shared store (a chat service's URL is its
    credential)."""
    return "webhook:" + hashlib.sha256(url.encode()).hexdigest()


def _url_wait(url: str) -> float:
    """Seconds before a delivery may be sent to `url`: what is left of a Retry-After it gave."""
    return host_hold_remaining(urlsplit(url).hostname or "", scope=webhook_rate_limit_scope(url))


def _next_attempt_plan(now: dt.datetime, *, wait: float) -> tuple[dt.datetime, dt.datetime | None]:
    """When a delivery's next attempt goes, `wait` seconds from `now`, and its `enqueued_at`.

    A wait Celery can hold is published with a countdown: the sweeper counts its message as lost
    WEBHOOK_STALE_SECONDS after the planned attempt. A longer one gets no message (`enqueued_at`
    None), and the sweeper publishes the row as soon as it is due."""
    next_attempt_at = now + dt.timedelta(seconds=wait)
    held_by_celery = wait <= settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS
    return next_attempt_at, next_attempt_at if held_by_celery else None


def _delivered(delivery: WebhookDelivery, *, response_status: int | None) -> WebhookDelivery:
    delivery.response_status = response_status
    delivery.delivered_at = timezone.now()
    _finish(delivery, WebhookDeliveryStatus.DELIVERED, error="")
    endpoint_failures = WebhookEndpoint.objects.filter(pk=delivery.endpoint_id).exclude(consecutive_failures=0)
    endpoint_failures.update(consecutive_failures=0)
    return delivery


def _url_without_path(url: str) -> str:
    """Where an endpoint is, for logs and errors: a chat service's incoming-webhook URL carries its
    credential in the path (Slack, Teams) or the query (Google Chat)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/\u2026"


# Where a redirect pointed is shown as the endpoint's own URL is: printable ASCII, the rest
# percent-encoded, so a Location header cannot put markup, line breaks or look-alike letters in it.
_SHOWN_URL_CHARACTERS = ":/[]!$&'()*+,;=-._~%"
_REDIRECT_TARGET_SHOWN_LENGTH = 200


def _redirect_target_shown(location: str, *, url: str) -> str | None:
    """Where a redirect from the endpoint at `url` pointed (the Location header, resolved), for the
    delivery's error, which desk admins read, the worker's log keeps and a turned-off endpoint gives
    as its reason: its scheme, host and path, never a user name, password, query or fragment (they
    may carry credentials). On the endpoint's own host the path is left out too: there it most
    likely repeats the endpoint's own (an http to https upgrade, a slash added), and a chat
    service's webhook path is its credential. None when the Location is not a valid URL."""
    try:
        parts = urlsplit(location)
        host = parts.hostname
    except ValueError:
        return None
    netloc = parts.netloc.rpartition("@")[2]
    if host is not None and host == urlsplit(url).hostname:
        shown = quote(urlunsplit((parts.scheme, netloc, "/", "", "")), safe=_SHOWN_URL_CHARACTERS) + "\u2026"
    else:
        shown = quote(urlunsplit((parts.scheme, netloc, parts.path, "", "")), safe=_SHOWN_URL_CHARACTERS)
    if len(shown) > _REDIRECT_TARGET_SHOWN_LENGTH:
        shown = shown[: _REDIRECT_TARGET_SHOWN_LENGTH - 1] + "\u2026"
    return shown


def _error_without_path(error: FetchError, url: str) -> Failure | str:
    # The client names the URL (without its query) in some messages; they reach the worker's log,
    # the task's retry and the desk's admins.
    shown, without_path = shown_url(url), _url_without_path(url)
    if error.failure is None:
        return str(error).replace(shown, without_path)
    params = {
        name: value.replace(shown, without_path) if isinstance(value, str) else value
        for name, value in error.failure.params.items()
    }
    return Failure(error.failure.code, params)


def _finish(delivery: WebhookDelivery, status: str, *, error: Failure | str) -> WebhookDelivery:
    delivery.status = status
    _error_set(delivery, error)
    delivery.next_attempt_at = None
    _delivery_save(
        delivery,
        ["status", "last_error", "last_error_detail", "response_status", "delivered_at", "next_attempt_at"],
    )
    return delivery


def _error_set(delivery: WebhookDelivery, error: Failure | str) -> None:
    """The delivery's error: English for logs and the admin's search, its detail for each reader."""
    text, delivery.last_error_detail = failure_stored(error)
    delivery.last_error = text[:1000]


def _delivery_save(delivery: WebhookDelivery, fields: list[str]) -> bool:
    """Save `fields` of the row; False when the row is gone: an admin deleted its endpoint (and so
    its deliveries) while it was being sent, and there is nothing left to record."""
    delivery.updated_at = timezone.now()
    values = {field: getattr(delivery, field) for field in [*fields, "updated_at"]}
    return WebhookDelivery.objects.filter(pk=delivery.pk).update(**values) == 1


def _retry_after_asked(error: FetchError, status: int | None) -> float | None:
    """The wait the endpoint asked for: Retry-After on a 429 or 503 (the answers RFC 9110 and RFC
    6585 give it to). A wait the client's hold imposed, with nothing sent, is `_attempt_postponed`'s."""
    if not isinstance(error, TransientFetchError) or error.retry_after is None:
        return None
    return error.retry_after if status in (429, 503) else None


def webhook_retry_delay(*, attempt: int, retry_after: float | None = None) -> float:
    """Seconds to wait after failed attempt number `attempt` (from 1): exponential backoff from
    WEBHOOK_RETRY_BACKOFF_SECONDS up to WEBHOOK_RETRY_BACKOFF_MAX_SECONDS, jittered within its upper
    half so that deliveries failed together do not come back together; or the endpoint's
    Retry-After, capped at WEBHOOK_RETRY_AFTER_MAX_SECONDS, when that is longer."""
    backoff = min(
        settings.WEBHOOK_RETRY_BACKOFF_MAX_SECONDS, settings.WEBHOOK_RETRY_BACKOFF_SECONDS * 2 ** (attempt - 1)
    )
    backoff = random.uniform(backoff / 2, backoff)  # noqa: S311 - jitter, not security
    if retry_after is None:
        return backoff
    return max(backoff, min(retry_after, settings.WEBHOOK_RETRY_AFTER_MAX_SECONDS))


def _attempt_failed(
    delivery: WebhookDelivery,
    *,
    url: str,
    error: Failure | str,
    response_status: int | None,
    retry_after: float | None,
) -> WebhookDelivery:
    """A transient failure of the attempt to `url`: plan the next attempt (`_next_attempt_save`),
    unless this was the last one."""
    delivery.response_status = response_status
    logger.info("webhook delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, failure_stored(error)[0])
    if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        return _fail(delivery, error=error, response_status=response_status)
    wait = webhook_retry_delay(attempt=delivery.attempts, retry_after=retry_after)
    if retry_after is not None:
        error = Failure.of("webhook_retry_after", error=error, seconds=f"{retry_after:.0f}")
    return _next_attempt_save(delivery, url=url, wait=wait, error=error)


def _attempt_postponed(delivery: WebhookDelivery, *, url: str, wait: float) -> WebhookDelivery:
    """Nothing was sent: requests to the URL wait (its Retry-After, or the spacing between them)
    longer than a worker sleeps. It was no attempt, so it is not counted as one: a burst of
    deliveries to one URL (a bulk approval) would otherwise use up their attempts unsent."""
    delivery.attempts -= 1
    error = Failure.of("webhook_postponed", seconds=f"{wait:.0f}")
    return _next_attempt_save(delivery, url=url, wait=wait, error=error, postponed=True)


def _next_attempt_save(
    delivery: WebhookDelivery, *, url: str, wait: float, error: Failure | str, postponed: bool = False
) -> WebhookDelivery:
    """Put the delivery back to pending, to be tried again at `url` in `wait` seconds.

    Raises WebhookDeliveryRetry with the wait, for the task to retry after, when Celery can hold
    it; after planning a longer wait it returns, and the sweeper publishes the row when
    `next_attempt_at` comes. When the endpoint's URL changed since the attempt began, the old
    address's wait is not kept: the next attempt waits only for the new one's.
    """
    with transaction.atomic():
        # The endpoint's lock, as an edit takes it: either the edit comes after, and finds this row
        # waiting (`_deliveries_waiting_follow_url`), or it came first, and its URL is read here.
        current_url = (
            WebhookEndpoint.objects.select_for_update()
            .filter(pk=delivery.endpoint_id)
            .values_list("url", flat=True)
            .first()
        )
        if current_url is not None and current_url != url:
            wait = _url_wait(current_url)
            error = Failure.of("webhook_url_changed", error=error)
        delivery.status = WebhookDeliveryStatus.PENDING
        delivery.next_attempt_at, delivery.enqueued_at = _next_attempt_plan(timezone.now(), wait=wait)
        _error_set(delivery, error)
        saved = _delivery_save(
            delivery,
            [
                "status",
                "attempts",
                "enqueued_at",
                "next_attempt_at",
                "last_error",
                "last_error_detail",
                "response_status",
            ],
        )
    if saved and delivery.enqueued_at is not None:
        raise WebhookDeliveryRetry(delivery.last_error, countdown=wait, postponed=postponed)
    return delivery


@transaction.atomic
def _fail(delivery: WebhookDelivery, *, error: Failure | str, response_status: int | None = None) -> WebhookDelivery:
    """Give the delivery up, and turn its endpoint off once too many deliveries in a row failed.

    Test events do not count: an admin trying an endpoint out should not turn it off.
    """
    # The endpoint's lock before the delivery's row, in the order an edit or a deletion of the endpoint
    # takes them (the endpoint, then its deliveries): the other order deadlocks with a deletion.
    endpoint = WebhookEndpoint.objects.select_for_update().filter(pk=delivery.endpoint_id).first()
    delivery.response_status = response_status
    _finish(delivery, WebhookDeliveryStatus.FAILED, error=error)
    logger.warning(
        "webhook delivery %s failed after %s attempts: %s", delivery.pk, delivery.attempts, delivery.last_error
    )
    if delivery.event == WEBHOOK_TEST_EVENT or endpoint is None:
        return delivery
    endpoint.consecutive_failures += 1
    fields = ["consecutive_failures", "updated_at"]
    if endpoint.is_active and endpoint.consecutive_failures >= settings.WEBHOOK_DISABLE_AFTER_FAILURES:
        endpoint.is_active = False
        endpoint.disabled_at = timezone.now()
        reason = Failure.of(
            "webhook_turned_off",
            count=endpoint.consecutive_failures,
            error=failure_from_record(delivery.last_error[:500], delivery.last_error_detail),
        )
        endpoint.disabled_reason, endpoint.disabled_reason_detail = failure_stored(reason)
        fields += ["is_active", "disabled_at", "disabled_reason", "disabled_reason_detail"]
        logger.warning("webhook endpoint %s (%s) turned off", endpoint.pk, _url_without_path(endpoint.url))
        audit_record(
            action=AuditAction.WEBHOOK_TURNED_OFF,
            actor=None,
            desk=endpoint.desk,
            details={
                "webhook_id": str(endpoint.pk),
                "url": _url_without_path(endpoint.url),
                "failures": endpoint.consecutive_failures,
                "reason": endpoint.disabled_reason,
            },
        )
    endpoint.save(update_fields=fields)
    return delivery


def webhook_deliveries_requeue_stale(*, now: dt.datetime | None = None) -> int:
    """Publish again the deliveries whose message was lost (the outbox relay, `outbox_requeue_stale`),
    WEBHOOK_STALE_SECONDS after their publish. Returns how many.

    A row waiting out a long Retry-After has no message (`enqueued_at` None): it is left alone
    until its `next_attempt_at`, and then published at once."""
    from .tasks import webhook_delivery_send_task

    now = now or timezone.now()
    return outbox_requeue_stale(
        rows=WebhookDelivery.objects.exclude(next_attempt_at__gt=now),
        send_task=webhook_delivery_send_task,
        stale_seconds=settings.WEBHOOK_STALE_SECONDS,
        now=now,
    )


def webhook_deliveries_prune(*, now: dt.datetime | None = None) -> int:
    """Delete deliveries finished longer than WEBHOOK_DELIVERY_KEEP_DAYS ago. Returns how many."""
    now = now or timezone.now()
    finished = (WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.SKIPPED, WebhookDeliveryStatus.FAILED)
    cutoff = now - dt.timedelta(days=settings.WEBHOOK_DELIVERY_KEEP_DAYS)
    deleted, _ = WebhookDelivery.objects.filter(status__in=finished, updated_at__lt=cutoff).delete()
    return deleted
