"""A desk admin sets up a webhook in a real browser (Chromium through Playwright): registers a
receiver on 127.0.0.1, reads its signing secret, sends it a test event, watches the delivery log
follow it without a reload and sends it again from the log; an address that cannot receive
webhooks is refused on the form."""

import hashlib
import hmac
import json

import pytest

from apps.desks.models import WebhookEndpoint
from apps.desks.tasks import webhook_delivery_send_task
from tests.browser import chromium, log_in, script_errors
from tests.fakes import FakeResponse, FakeServer, network

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture
def receiver(in_process_http_state, settings):
    """A webhook receiver on 127.0.0.1, allowed for this test, answering 200."""
    server = FakeServer({"/hook": FakeResponse(status=200, body="ok")}).start()
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
    yield server
    server.stop()


@pytest.fixture
def published(monkeypatch):
    """The ids of the deliveries queued after commit; the test plays the worker."""
    ids = []
    monkeypatch.setattr(webhook_delivery_send_task, "delay_on_commit", ids.append)
    return ids


@pytest.fixture
def page(monkeypatch, live_server, desk_admin):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.script_errors = script_errors(page)
        log_in(page, live_server.url, "ada")
        yield page


def _signature_valid(secret: str, header: str, body: bytes) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts["v1"])


def test_a_desk_admin_registers_a_webhook_and_sees_its_test_event_delivered(page, live_server, receiver, published):
    from playwright.sync_api import expect

    page.get_by_role("link", name="Desk settings").click()
    page.get_by_role("navigation", name="Desk settings").get_by_role("link", name="Webhooks").click()
    expect(page.get_by_text("No webhooks yet.")).to_be_visible()
    page.get_by_role("link", name="Add a webhook").click()
    page.get_by_label("URL", exact=True).fill(receiver.url("/hook"))
    page.get_by_label("Description").fill("The newsroom's verdict feed")
    page.get_by_label("An editor approves a verdict").check()
    page.get_by_label("An editor reopens an approved verdict for correction").check()
    page.get_by_role("button", name="Add the webhook").click()

    expect(page.locator(".messages")).to_contain_text("Added the webhook.")
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["verdict.approved", "verdict.reopened"]
    secret = page.get_by_role("region", name="Signing secret").locator("code").first
    expect(secret).to_have_text(endpoint.secret)
    deliveries = page.get_by_role("region", name="Latest deliveries")
    expect(deliveries).to_contain_text("Nothing sent yet.")

    page.get_by_role("button", name="Send a test event").click()
    expect(page.locator(".messages")).to_contain_text("the log refreshes itself")
    logged = deliveries.locator("tbody tr")
    expect(logged).to_have_count(1)
    expect(logged.get_by_role("cell").nth(1)).to_have_text("webhook.test")
    expect(logged.get_by_role("cell").nth(2)).to_have_text("Pending")
    [delivery_id] = published
    webhook_delivery_send_task(delivery_id)
    # No reload: the log follows a pending delivery by itself.
    expect(logged.get_by_role("cell").nth(2)).to_contain_text("Delivered")
    expect(logged).to_have_count(1)
    expect(logged.get_by_role("cell").nth(4)).to_have_text("HTTP 200")

    # The admin sends it again from the log; it is followed the same way.
    deliveries.get_by_role("button", name="Send the webhook.test delivery").click()
    expect(page.locator(".messages")).to_contain_text("The webhook.test delivery is queued again")
    expect(logged).to_have_count(2)
    expect(logged.first.get_by_role("cell").nth(1)).to_have_text("webhook.test sent again")
    expect(logged.first.get_by_role("cell").nth(2)).to_have_text("Pending")
    webhook_delivery_send_task(published[-1])
    expect(logged.first.get_by_role("cell").nth(2)).to_contain_text("Delivered")
    assert len(receiver.requests_to("/hook")) == 2

    request, again = receiver.requests_to("/hook")
    assert json.loads(request.body)["event"] == "webhook.test"
    assert _signature_valid(endpoint.secret, request.headers["x-factcheck-signature"], request.body)
    assert again.body == request.body
    page.get_by_role("navigation", name="Desk settings").get_by_role("link", name="Webhooks").click()
    expect(page.get_by_role("link", name=receiver.url("/hook"))).to_be_visible()
    assert page.script_errors == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [("http://10.0.0.1/hook", "private address"), ("ftp://hooks.example.org/factcheck", "http")],
)
def test_an_address_that_cannot_receive_webhooks_is_refused_on_the_form(page, live_server, url, reason):
    from playwright.sync_api import expect

    page.goto(f"{live_server.url}/desks/world/webhooks/new/")
    page.get_by_label("URL", exact=True).fill(url)
    page.get_by_label("An editor approves a verdict").check()
    page.get_by_role("button", name="Add the webhook").click()

    error = page.locator("#id_url_error")
    expect(error).to_contain_text("This URL cannot receive webhooks")
    expect(error).to_contain_text(reason)
    expect(page.get_by_label("URL", exact=True)).to_have_value(url)
    assert not WebhookEndpoint.objects.exists()
    assert page.script_errors == []
