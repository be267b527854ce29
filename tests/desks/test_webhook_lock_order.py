"""A delivery given up, and one sent again, take their endpoint's lock before their own row, as an admin
deleting the endpoint takes them (the endpoint, then its deliveries): in the other order the two
deadlocked, and PostgreSQL aborted one, the worker's record of the failure, the redelivery or the
admin's deletion. The endpoint is a real HTTP server on 127.0.0.1."""

import threading

import pytest
from django.db import connection

from apps.core.exceptions import ApplicationError
from apps.desks import webhooks
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint, WebhookEvent
from apps.desks.webhooks import (
    webhook_delivery_redeliver,
    webhook_delivery_send,
    webhook_endpoint_create,
    webhook_endpoint_delete,
)
from tests.fakes import FakeResponse, FakeServer, network

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture
def refusing_receiver(in_process_http_state, settings):
    server = FakeServer({"/hook": FakeResponse(status=404, body="no such hook")}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
    yield server
    server.stop()


def test_an_endpoint_deleted_while_its_delivery_is_given_up_neither_deadlocks(
    desk, desk_admin, refusing_receiver, monkeypatch
):
    endpoint = webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=refusing_receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    webhooks.webhook_event_record(
        desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={"claim": {"id": "c1"}}, summary="Approved."
    )
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    deletion_holds_endpoint = threading.Event()
    worker_holds_delivery = threading.Event()

    audit_fields = webhooks._endpoint_audit_fields

    def audit_fields_then_wait(current):
        # The deletion holds the endpoint's lock here; it deletes the deliveries once the worker has
        # written its row (or, when the worker waits for the endpoint first, a moment later).
        deletion_holds_endpoint.set()
        worker_holds_delivery.wait(2)
        return audit_fields(current)

    delivery_save = webhooks._delivery_save

    def delivery_save_then_signal(row, fields):
        saved = delivery_save(row, fields)
        worker_holds_delivery.set()
        return saved

    monkeypatch.setattr(webhooks, "_endpoint_audit_fields", audit_fields_then_wait)
    monkeypatch.setattr(webhooks, "_delivery_save", delivery_save_then_signal)
    errors = _beside_the_deletion(
        lambda: webhook_endpoint_delete(actor=desk_admin, endpoint=endpoint),
        "worker",
        lambda: webhook_delivery_send(delivery_id=str(delivery.pk)),
        deletion_holds_endpoint,
    )

    assert errors == {}
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()
    assert not WebhookDelivery.objects.filter(pk=delivery.pk).exists()


def test_an_endpoint_deleted_while_a_delivery_of_it_is_sent_again_neither_deadlocks(
    desk, desk_admin, refusing_receiver, monkeypatch
):
    endpoint = webhook_endpoint_create(
        actor=desk_admin, desk=desk, url=refusing_receiver.url("/hook"), events=[WebhookEvent.VERDICT_APPROVED]
    )
    webhooks.webhook_event_record(
        desk=desk, event=WebhookEvent.VERDICT_APPROVED, data={"claim": {"id": "c1"}}, summary="Approved."
    )
    delivery = WebhookDelivery.objects.select_related("endpoint__desk").get(endpoint=endpoint)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=WebhookDeliveryStatus.FAILED)
    deletion_holds_endpoint = threading.Event()
    audit_fields = webhooks._endpoint_audit_fields

    def audit_fields_then_pause(current):
        # The deletion holds the endpoint's lock here, while the redelivery locks what it can.
        deletion_holds_endpoint.set()
        threading.Event().wait(1)
        return audit_fields(current)

    monkeypatch.setattr(webhooks, "_endpoint_audit_fields", audit_fields_then_pause)
    errors = _beside_the_deletion(
        lambda: webhook_endpoint_delete(actor=desk_admin, endpoint=endpoint),
        "redelivery",
        lambda: webhook_delivery_redeliver(actor=desk_admin, delivery=delivery),
        deletion_holds_endpoint,
    )

    assert set(errors) == {"redelivery"}, errors
    assert isinstance(errors["redelivery"], ApplicationError)
    assert errors["redelivery"].message == "That delivery is no longer in the log."
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def _beside_the_deletion(delete, label: str, work, deletion_holds_endpoint: threading.Event) -> dict[str, Exception]:
    """Runs the endpoint's deletion and `work` in threads of their own, `work` once the deletion holds the
    endpoint's lock, and returns what each raised by its label ("deletion" or `label`)."""
    errors: dict[str, Exception] = {}

    def run(name, job, wait_for=None):
        if wait_for is not None:
            wait_for.wait(5)
        try:
            job()
        except Exception as error:  # reported by the test's assertions
            errors[name] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=("deletion", delete)),
        threading.Thread(target=run, args=(label, work, deletion_holds_endpoint)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    return errors
