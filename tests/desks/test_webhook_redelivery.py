"""A desk admin sends a past webhook delivery again, from the delivery log or the API: a new
delivery with the same event, signed afresh, recorded in the desk's activity, once however often
the button is pressed. The receiver is a real HTTP server on 127.0.0.1."""

import datetime as dt
import hashlib
import hmac
import json

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.core.audit import audit_event_summary
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditEvent
from apps.desks import tasks as desk_tasks
from apps.desks import webhooks
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEvent
from apps.desks.webhooks import webhook_delivery_redeliver, webhook_delivery_send, webhook_endpoint_create
from tests.fakes import FakeResponse, FakeServer, network

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(in_process_http_state):
    pass


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


@pytest.fixture
def published(monkeypatch):
    ids = []
    monkeypatch.setattr(desk_tasks.webhook_delivery_send_task, "delay", ids.append)
    return ids


def _failed_delivery(desk, receiver) -> WebhookDelivery:
    receiver.routes["/hook"] = FakeResponse(status=400, body="not today")
    before = set(WebhookDelivery.objects.values_list("pk", flat=True))
    webhooks.webhook_event_record(
        desk=desk,
        event=WebhookEvent.VERDICT_APPROVED,
        data={"claim": {"id": "c1"}, "approved_by": "edith"},
        summary="edith approved the verdict on the tram line's budget: True.",
        link="https://desk.example.org/claims/c1/",
    )
    delivery = WebhookDelivery.objects.exclude(pk__in=before).get()
    webhook_delivery_send(delivery_id=str(delivery.pk))
    delivery.refresh_from_db()
    assert delivery.status == WebhookDeliveryStatus.FAILED
    receiver.routes["/hook"] = FakeResponse(status=200, body="ok")
    return delivery


def _signed_with(secret: str, header: str, body: bytes) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def test_a_failed_delivery_is_sent_again_with_the_same_event_and_a_fresh_signature(
    desk, desk_admin, endpoint, receiver, published, django_capture_on_commit_callbacks
):
    failed = _failed_delivery(desk, receiver)
    published.clear()

    with django_capture_on_commit_callbacks(execute=True):
        redelivery, created = webhook_delivery_redeliver(actor=desk_admin, delivery=failed)

    assert created
    assert published == [str(redelivery.pk)]
    assert (redelivery.status, redelivery.attempts, redelivery.redelivery_of_id) == ("pending", 0, failed.pk)
    assert redelivery.payload == failed.payload
    webhook_delivery_send(delivery_id=str(redelivery.pk))
    first, again = receiver.requests_to("/hook")
    # The same event, with the same id for receivers to drop repeats by, signed when it was sent.
    assert again.body == first.body
    assert json.loads(again.body)["id"] == str(failed.pk) == again.headers["x-factcheck-delivery"]
    assert _signed_with(endpoint.secret, again.headers["x-factcheck-signature"], again.body)
    redelivery.refresh_from_db()
    assert redelivery.status == WebhookDeliveryStatus.DELIVERED
    failed.refresh_from_db()
    assert failed.status == WebhookDeliveryStatus.FAILED
    [event] = AuditEvent.objects.filter(action="webhook_redelivered")
    assert event.actor == desk_admin
    assert event.desk_id == desk.pk
    assert event.details["delivery_id"] == str(failed.pk)
    assert event.details["redelivery_id"] == str(redelivery.pk)
    assert event.details["previous_status"] == "failed"
    assert "/hook" not in event.details["url"]
    assert audit_event_summary(event) == (
        f"ada sent the verdict.approved delivery to the webhook http://{receiver.host}/\u2026 again (it was failed)"
    )


def test_asking_twice_makes_one_redelivery(desk, desk_admin, endpoint, receiver, published):
    failed = _failed_delivery(desk, receiver)

    # The clock moves only when told, so that "within the minute" holds however long a loaded machine takes.
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first, created = webhook_delivery_redeliver(actor=desk_admin, delivery=failed)
        again, created_again = webhook_delivery_redeliver(actor=desk_admin, delivery=failed)

        assert (created, created_again) == (True, False)
        assert again.pk == first.pk
        assert failed.redeliveries.count() == 1
        assert AuditEvent.objects.filter(action="webhook_redelivered").count() == 1
        # Still within the minute after it was delivered: a double click on a fast receiver.
        webhook_delivery_send(delivery_id=str(first.pk))
        clock.shift(dt.timedelta(seconds=59))
        assert webhook_delivery_redeliver(actor=desk_admin, delivery=failed)[0].pk == first.pk
    # Later, a new request is a new redelivery.
    WebhookDelivery.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(minutes=2))
    later, created_later = webhook_delivery_redeliver(actor=desk_admin, delivery=failed)
    assert created_later
    assert later.pk != first.pk


def test_the_database_refuses_a_second_redelivery_in_flight(desk, desk_admin, endpoint, receiver, published):
    failed = _failed_delivery(desk, receiver)
    webhook_delivery_redeliver(actor=desk_admin, delivery=failed)

    with pytest.raises(IntegrityError), transaction.atomic():
        WebhookDelivery.objects.create(
            endpoint=endpoint, event=failed.event, payload=failed.payload, summary=failed.summary, redelivery_of=failed
        )


def test_a_delivery_skipped_while_the_endpoint_was_off_is_sent_once_it_is_on_again(
    desk, desk_admin, endpoint, receiver, published
):
    webhooks.webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="Approved.")
    skipped = WebhookDelivery.objects.get()
    webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, is_active=False)
    webhook_delivery_send(delivery_id=str(skipped.pk))
    skipped.refresh_from_db()
    assert skipped.status == WebhookDeliveryStatus.SKIPPED

    with pytest.raises(ApplicationError) as refused:
        webhook_delivery_redeliver(actor=desk_admin, delivery=skipped)
    assert refused.value.status == 409
    assert "turned off" in refused.value.message

    webhooks.webhook_endpoint_update(actor=desk_admin, endpoint=endpoint, is_active=True)
    redelivery, _ = webhook_delivery_redeliver(actor=desk_admin, delivery=skipped)
    webhook_delivery_send(delivery_id=str(redelivery.pk))
    assert len(receiver.requests_to("/hook")) == 1


def test_a_delivery_still_on_its_way_is_not_sent_again(desk, desk_admin, endpoint, published):
    webhooks.webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="Approved.")
    pending = WebhookDelivery.objects.get()

    with pytest.raises(ApplicationError) as refused:
        webhook_delivery_redeliver(actor=desk_admin, delivery=pending)

    assert refused.value.status == 409
    assert refused.value.extra == {"status": "pending"}
    assert WebhookDelivery.objects.count() == 1


def test_only_the_desks_admins_may_send_a_delivery_again(desk, editor, endpoint, receiver, published):
    failed = _failed_delivery(desk, receiver)

    with pytest.raises(ApplicationError) as refused:
        webhook_delivery_redeliver(actor=editor, delivery=failed)

    assert refused.value.status == 403
    assert not failed.redeliveries.exists()


# --- API -------------------------------------------------------------------------------------


def _redeliver_url(desk, endpoint, delivery_id) -> str:
    return f"/api/v1/desks/{desk.slug}/webhooks/{endpoint.pk}/deliveries/{delivery_id}/redeliver/"


def test_the_api_redelivers_and_answers_a_repeat_with_the_same_delivery(
    desk, desk_admin_api, endpoint, receiver, published
):
    failed = _failed_delivery(desk, receiver)

    response = desk_admin_api.post(_redeliver_url(desk, endpoint, failed.pk))
    repeat = desk_admin_api.post(_redeliver_url(desk, endpoint, failed.pk))

    assert response.status_code == 202
    body = response.json()
    assert (body["status"], body["redelivery_of"], body["next_attempt_at"]) == ("pending", str(failed.pk), None)
    assert body["payload"]["id"] == str(failed.pk)
    assert repeat.status_code == 200
    assert repeat.json()["id"] == body["id"]
    listed = desk_admin_api.get(f"/api/v1/desks/{desk.slug}/webhooks/{endpoint.pk}/deliveries/").json()["results"]
    assert [row["redelivery_of"] for row in listed] == [str(failed.pk), None]


@pytest.mark.parametrize("delivery_id", ["not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_the_api_answers_404_for_a_delivery_that_is_not_the_endpoints(
    desk, desk_admin_api, endpoint, published, delivery_id
):
    response = desk_admin_api.post(_redeliver_url(desk, endpoint, delivery_id))

    assert response.status_code == 404
    assert response.json()["message"] == "Delivery not found."


def test_the_api_refuses_a_delivery_still_being_sent_with_409(desk, desk_admin_api, endpoint, published):
    webhooks.webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="Approved.")

    response = desk_admin_api.post(_redeliver_url(desk, endpoint, WebhookDelivery.objects.get().pk))

    assert response.status_code == 409
    assert "still being sent" in response.json()["message"]


# --- The delivery log page ---------------------------------------------------------------------


def _page(desk, endpoint) -> str:
    return reverse("desks:webhook_edit", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk})


def test_the_log_offers_send_again_for_finished_deliveries_and_the_button_queues_one(
    desk, admin_client, endpoint, receiver, published, django_capture_on_commit_callbacks
):
    failed = _failed_delivery(desk, receiver)
    action = reverse(
        "desks:webhook_redeliver", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk, "delivery_id": failed.pk}
    )
    assert action in admin_client.get(_page(desk, endpoint)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(action)
    again = admin_client.post(action)

    assert response.status_code == 302
    assert response["Location"] == _page(desk, endpoint)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The verdict.approved delivery is queued again and listed below as pending."
    ]
    # The first message was never shown (no page between the clicks), so both are waiting.
    assert [str(m) for m in get_messages(again.wsgi_request)][-1] == (
        "The verdict.approved delivery was just sent again; that redelivery is listed below."
    )
    redelivery = failed.redeliveries.get()
    assert published[-1] == str(redelivery.pk)
    page = admin_client.get(_page(desk, endpoint)).content.decode()
    assert "sent again" in page
    # A pending delivery has no button of its own, and the log follows it by itself.
    assert f"/deliveries/{redelivery.pk}/redeliver/" not in page
    assert 'id="deliveries" data-live-log>' in page


def test_the_page_flashes_why_a_delivery_cannot_be_sent_again(desk, admin_client, endpoint, published):
    webhooks.webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="Approved.")
    pending = WebhookDelivery.objects.get()
    action = reverse(
        "desks:webhook_redeliver", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk, "delivery_id": pending.pk}
    )

    response = admin_client.post(action)

    assert response.status_code == 302
    assert response["Location"] == _page(desk, endpoint)
    [message] = [str(m) for m in get_messages(response.wsgi_request)]
    assert message.startswith("This delivery is still being sent")


def test_a_log_with_nothing_pending_does_not_refresh_itself(desk, admin_client, endpoint, receiver, published):
    _failed_delivery(desk, receiver)

    page = admin_client.get(_page(desk, endpoint)).content.decode()

    assert 'id="deliveries">' in page
    assert "Refresh</a>" in page
