"""Changes to a desk's webhook endpoints are in the desk's activity (GET /api/v1/desks/{slug}/activity/):
who pointed the desk's events where, with old and new values, never the signing secret and never a
URL's path (a chat service's incoming-webhook URL carries its credential there)."""

import json

import pytest
from django.urls import reverse

from apps.core.models import AuditAction, AuditEvent
from apps.desks.models import WebhookEndpoint, WebhookEvent
from apps.desks.webhooks import webhook_delivery_send, webhook_endpoint_create, webhook_event_record
from tests.core.test_api import _assert_documented, openapi  # noqa: F401 (a fixture)
from tests.fakes import FakeResponse, FakeServer, network

pytestmark = pytest.mark.django_db

CHAT_URL = "https://93.184.215.14/services/T0001/B0001/s3cretPathToken"
OTHER_CHAT_URL = "https://93.184.215.14/services/T0001/B0002/an0therPathToken"


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture
def activity(desk_admin_api, desk):
    def read() -> list[dict]:
        response = desk_admin_api.get(reverse("api:desk-activity", args=[desk.slug]), {"page_size": 100})
        assert response.status_code == 200
        return list(reversed(response.json()["results"]))

    return read


def _webhooks_url(desk, endpoint_id=None) -> str:
    return f"/api/v1/desks/{desk.slug}/webhooks/" + (f"{endpoint_id}/" if endpoint_id else "")


def _no_secret_or_path_recorded(*secrets: str) -> None:
    recorded = json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))
    for secret in secrets:
        assert secret not in recorded
    assert "PathToken" not in recorded


def test_registering_changing_rotating_and_deleting_a_webhook_is_in_the_desks_activity(desk, desk_admin_api, activity):
    created = desk_admin_api.post(
        _webhooks_url(desk), {"url": CHAT_URL, "events": ["verdict.approved"], "payload_format": "slack"}, format="json"
    ).json()
    first_secret = created["secret"]
    endpoint_url = _webhooks_url(desk, created["id"])
    desk_admin_api.patch(
        endpoint_url, {"url": OTHER_CHAT_URL, "events": ["verdict.approved", "verdict.reopened"]}, format="json"
    )
    desk_admin_api.patch(endpoint_url, {"is_active": False}, format="json")
    desk_admin_api.patch(endpoint_url, {"is_active": False, "description": ""}, format="json")
    rotated = desk_admin_api.patch(endpoint_url, {"rotate_secret": True}, format="json").json()
    assert desk_admin_api.delete(endpoint_url).status_code == 204

    events = activity()
    assert [event["action"] for event in events] == [
        "webhook_added",
        "webhook_changed",
        "webhook_changed",
        "webhook_secret_rotated",
        "webhook_deleted",
    ]
    assert [event["summary"] for event in events] == [
        "ada added the webhook https://93.184.215.14/\u2026 (slack) for verdict.approved",
        "ada changed the webhook https://93.184.215.14/\u2026: URL, events",
        "ada turned the webhook https://93.184.215.14/\u2026 off",
        "ada replaced the signing secret of the webhook https://93.184.215.14/\u2026",
        "ada deleted the webhook https://93.184.215.14/\u2026",
    ]
    assert all(event["actor"] == "ada" and event["article_id"] is None for event in events)
    assert events[1]["details"]["changes"] == {
        "url": ["https://93.184.215.14/\u2026", "https://93.184.215.14/\u2026"],
        "events": [["verdict.approved"], ["verdict.approved", "verdict.reopened"]],
    }
    assert events[2]["details"]["changes"] == {"is_active": [True, False]}
    assert events[0]["details"]["webhook_id"] == created["id"]
    _no_secret_or_path_recorded(first_secret, rotated["secret"])


def test_a_refused_webhook_change_records_nothing(desk, desk_admin, desk_admin_api):
    endpoint = webhook_endpoint_create(actor=desk_admin, desk=desk, url=CHAT_URL, events=["verdict.approved"])

    response = desk_admin_api.patch(_webhooks_url(desk, endpoint.pk), {"events": ["claim.eaten"]}, format="json")

    assert response.status_code == 400
    assert list(AuditEvent.objects.values_list("action", flat=True)) == [AuditAction.WEBHOOK_ADDED]


def test_the_desk_turning_a_failing_webhook_off_is_in_its_activity(desk, desk_admin, settings, activity):
    server = FakeServer({"/services/T1/B1/s3cretPathToken": FakeResponse(status=410)}).start()
    try:
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
        settings.HTTP_HOST_MIN_INTERVAL_SECONDS = 0
        settings.WEBHOOK_DISABLE_AFTER_FAILURES = 2
        endpoint = webhook_endpoint_create(
            actor=desk_admin,
            desk=desk,
            url=server.url("/services/T1/B1/s3cretPathToken"),
            events=[WebhookEvent.VERDICT_APPROVED],
        )
        for _ in range(3):
            webhook_event_record(desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={}, summary="x")
        for delivery in endpoint.deliveries.order_by("enqueued_at"):
            webhook_delivery_send(delivery_id=str(delivery.pk))
    finally:
        server.stop()

    assert not WebhookEndpoint.objects.get(pk=endpoint.pk).is_active
    turned_off = [event for event in activity() if event["action"] == "webhook_turned_off"]
    assert len(turned_off) == 1
    assert turned_off[0]["actor"] == ""
    assert turned_off[0]["summary"] == (
        f"The system turned the webhook http://{server.host}/\u2026 off after 2 failed deliveries in a row"
    )
    assert turned_off[0]["details"]["reason"].endswith("The endpoint answered 410.")
    _no_secret_or_path_recorded(endpoint.secret)


def test_the_activity_with_webhook_events_matches_the_schema(openapi, desk, desk_admin, desk_admin_api):  # noqa: F811
    endpoint = webhook_endpoint_create(actor=desk_admin, desk=desk, url=CHAT_URL, events=["verdict.approved"])
    desk_admin_api.patch(_webhooks_url(desk, endpoint.pk), {"rotate_secret": True}, format="json")

    _assert_documented(openapi, "get", desk_admin_api.get(reverse("api:desk-activity", args=[desk.slug])))
