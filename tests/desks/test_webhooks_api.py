"""Desk admins manage their webhooks over the API and on the desk settings pages."""

import threading
import time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apps.core import http
from apps.desks.models import WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint
from apps.desks.webhooks import webhook_endpoint_create
from tests import factories
from tests.fakes import network
from tests.timing import late_wake_up_seconds

pytestmark = pytest.mark.django_db

PUBLIC_URL = "https://93.184.215.14/hooks/factcheck"
TEST_EVENT_QUEUED = (
    "A test event is queued and listed below as pending; the log refreshes itself (or use Refresh) to show "
    "whether the receiver took it."
)


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture
def endpoint(desk, desk_admin):
    return webhook_endpoint_create(actor=desk_admin, desk=desk, url=PUBLIC_URL, events=["verdict.approved"])


def _list_url(desk):
    return f"/api/v1/desks/{desk.slug}/webhooks/"


def test_an_admin_registers_a_webhook_and_gets_its_secret(desk, desk_admin_api):
    response = desk_admin_api.post(
        _list_url(desk),
        {"url": PUBLIC_URL, "events": ["verdict.approved", "article.imported"], "payload_format": "slack"},
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["url"] == PUBLIC_URL
    assert body["events"] == ["article.imported", "verdict.approved"]
    assert body["payload_format"] == "slack"
    assert body["is_active"] is True
    assert body["secret"].startswith("whsec_")
    assert body["secret"] == WebhookEndpoint.objects.get().secret
    assert "no-store" in response["Cache-Control"]
    listed = desk_admin_api.get(_list_url(desk)).json()["results"]
    assert [row["id"] for row in listed] == [body["id"]]


def test_an_admin_registers_a_teams_workflows_webhook(desk, desk_admin_api):
    response = desk_admin_api.post(
        _list_url(desk), {"url": PUBLIC_URL, "events": ["verdict.approved"], "payload_format": "teams"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["payload_format"] == "teams"
    assert WebhookEndpoint.objects.get().payload_format == "teams"


CHAT_URLS = {
    "https://hooks.slack.com/services/T0/B0/s3cret": "slack",
    "https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t": "slack",
    "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=s": "teams",
    "https://default1.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc": "teams",
    "https://contoso.webhook.office.com/webhookb2/abc": "teams",
    "https://hooks.slack.com.example.net/services/T0": "json",
    "https://receiver.example.org/factcheck": "json",
}


@pytest.fixture
def public_names(monkeypatch):
    """Every host name resolves to a public address; nothing is sent from these tests."""
    monkeypatch.setattr(http, "system_resolver", lambda host, port: ["93.184.215.14"])


@pytest.mark.parametrize(("url", "payload_format"), CHAT_URLS.items())
def test_a_webhook_registered_without_a_format_gets_the_one_its_host_takes(
    desk, desk_admin_api, public_names, url, payload_format
):
    response = desk_admin_api.post(_list_url(desk), {"url": url, "events": ["verdict.approved"]}, format="json")

    assert response.status_code == 201
    assert response.json()["payload_format"] == payload_format


def test_the_form_chooses_the_format_by_the_address_unless_the_admin_does(admin_client, desk, public_names):
    form = admin_client.get(reverse("desks:webhook_create", kwargs={"slug": desk.slug})).content.decode()
    assert '<option value="" selected>Chosen by the address' in form
    teams_url = "https://default1.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/a"

    for url, chosen in ((teams_url, ""), ("https://hooks.slack.com/services/T0/B0/x", "json")):
        admin_client.post(
            reverse("desks:webhook_create", kwargs={"slug": desk.slug}),
            {"url": url, "events": ["claim.assigned"], "payload_format": chosen, "is_active": "on"},
        )

    assert WebhookEndpoint.objects.get(url=teams_url).payload_format == "teams"
    assert WebhookEndpoint.objects.get(url="https://hooks.slack.com/services/T0/B0/x").payload_format == "json"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://10.0.0.7/hook",
            "This URL cannot receive webhooks: Refusing to fetch 10.0.0.7: it resolves to 10.0.0.7, a private address.",
        ),
        ("file:///etc/passwd", "This URL cannot receive webhooks: Only http and https URLs can be fetched, not file."),
        ("", "Give the endpoint's URL."),
    ],
)
def test_a_url_that_cannot_receive_webhooks_is_a_clear_400(desk, desk_admin_api, url, message):
    response = desk_admin_api.post(_list_url(desk), {"url": url, "events": ["verdict.approved"]}, format="json")

    assert response.status_code == 400
    if url:
        assert response.json() == {"message": message, "extra": {"field": "url"}}
    assert not WebhookEndpoint.objects.exists()


@pytest.fixture
def hanging_resolver(monkeypatch, settings):
    """A resolver that never answers while the test runs (getaddrinfo has no timeout of its own);
    the lookups still waiting are let go when it ends."""
    settings.HTTP_TIMEOUT_SECONDS = 0.3
    release = threading.Event()
    looked_up = []

    def resolve(host, port):
        looked_up.append(host)
        release.wait(150)
        return ["93.184.215.14"]

    monkeypatch.setattr(http, "system_resolver", resolve)
    yield looked_up
    release.set()


@pytest.mark.parametrize("change", ["registered", "changed"])
def test_a_url_whose_name_cannot_be_looked_up_in_time_is_a_clear_400(
    desk, desk_admin_api, endpoint, hanging_resolver, change
):
    """Registering or changing a webhook URL looks its host up within the outbound client's timeout,
    as a fetch does: a resolver that hangs gets the admin an answer, not a request that never ends."""
    url = "https://hangs.example/hook"
    started = time.monotonic()
    if change == "registered":
        response = desk_admin_api.post(_list_url(desk), {"url": url, "events": ["verdict.approved"]}, format="json")
    else:
        response = desk_admin_api.patch(f"{_list_url(desk)}{endpoint.pk}/", {"url": url}, format="json")

    assert time.monotonic() - started < 0.3 + late_wake_up_seconds()
    assert hanging_resolver == ["hangs.example"]
    assert response.status_code == 400
    assert response.json() == {
        "message": "This URL could not be checked: Looking up hangs.example took too long. Try again in a moment.",
        "extra": {"field": "url"},
    }
    assert list(WebhookEndpoint.objects.values_list("url", flat=True)) == [PUBLIC_URL]


def test_a_url_django_refuses_though_its_name_resolves_is_a_400_not_a_500(desk, admin_client, monkeypatch):
    """Django's URL validator refuses an underscore in a host name that DNS may well resolve."""
    monkeypatch.setattr(http, "system_resolver", lambda host, port: ["93.184.215.14"])

    response = admin_client.post(
        reverse("desks:webhook_create", kwargs={"slug": desk.slug}),
        {"url": "https://chat_hooks.example.net/hook", "events": ["claim.assigned"], "payload_format": "json"},
    )

    assert response.status_code == 400
    assert "This webhook cannot be saved: Enter a valid URL." in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_an_unknown_event_is_a_400_naming_the_known_ones(desk, desk_admin_api):
    response = desk_admin_api.post(
        _list_url(desk), {"url": PUBLIC_URL, "events": ["verdict.approved", "claim.eaten"]}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["message"] == "There is no event called claim.eaten."
    assert "verdict.submitted" in response.json()["extra"]["events"]


def test_an_admin_changes_turns_on_again_and_rotates_the_secret(desk, desk_admin_api, endpoint):
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        is_active=False, consecutive_failures=10, disabled_reason="Turned off after 10 deliveries in a row failed."
    )
    url = f"{_list_url(desk)}{endpoint.pk}/"

    response = desk_admin_api.patch(
        url, {"is_active": True, "events": ["verdict.returned"], "rotate_secret": True}, format="json"
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["is_active"], body["consecutive_failures"], body["disabled_reason"]) == (True, 0, "")
    assert body["events"] == ["verdict.returned"]
    assert body["secret"] != endpoint.secret
    assert body["secret"].startswith("whsec_")


def test_an_admin_reads_the_delivery_log_newest_first(desk, desk_admin_api, endpoint):
    for number, status in enumerate([WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED]):
        WebhookDelivery.objects.create(
            endpoint=endpoint,
            event="verdict.approved",
            payload={"n": number},
            summary="s",
            status=status,
            attempts=number + 1,
            response_status=200 if number == 0 else 400,
            last_error="" if number == 0 else "The endpoint answered 400.",
        )

    response = desk_admin_api.get(f"{_list_url(desk)}{endpoint.pk}/deliveries/")

    assert response.status_code == 200
    rows = response.json()["results"]
    assert [(row["status"], row["response_status"], row["attempts"]) for row in rows] == [
        ("failed", 400, 2),
        ("delivered", 200, 1),
    ]
    assert rows[0]["last_error"] == "The endpoint answered 400."


def test_a_test_event_is_queued_and_shows_in_the_log(
    desk, desk_admin_api, endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = desk_admin_api.post(f"{_list_url(desk)}{endpoint.pk}/test/")

    assert response.status_code == 202
    assert response.json()["event"] == "webhook.test"
    assert response.json()["status"] == "pending"
    assert len(callbacks) == 1
    assert WebhookDelivery.objects.get().pk == WebhookDelivery.objects.get(pk=response.json()["id"]).pk


def test_an_admin_deletes_a_webhook_with_its_log(desk, desk_admin_api, endpoint):
    WebhookDelivery.objects.create(endpoint=endpoint, event="verdict.approved", payload={}, summary="s")

    response = desk_admin_api.delete(f"{_list_url(desk)}{endpoint.pk}/")

    assert response.status_code == 204
    assert not WebhookEndpoint.objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_editors_may_not_and_other_desks_see_nothing(desk, editor_api, outsider_api, endpoint):
    assert editor_api.get(_list_url(desk)).status_code == 403
    assert outsider_api.get(f"{_list_url(desk)}{endpoint.pk}/").status_code == 404
    assert outsider_api.get(f"{_list_url(desk)}not-a-uuid/").status_code == 404


def test_another_desks_webhook_is_not_found_on_yours(desk, other_desk, desk_admin_api):
    other_admin = factories.MemberFactory(desk=other_desk, role="admin", username="otto").user
    theirs = webhook_endpoint_create(actor=other_admin, desk=other_desk, url=PUBLIC_URL, events=["verdict.approved"])

    assert desk_admin_api.get(f"{_list_url(desk)}{theirs.pk}/").status_code == 404
    assert desk_admin_api.post(f"{_list_url(desk)}{theirs.pk}/test/").status_code == 404


# --- Web pages --------------------------------------------------------------------------------


def test_the_settings_pages_list_add_and_show_a_webhook(admin_client, desk, endpoint):
    page = admin_client.get(reverse("desks:webhooks", kwargs={"slug": desk.slug}))
    assert page.status_code == 200
    assert PUBLIC_URL in page.content.decode()
    assert "returned, approved or reopened for correction, a correction withdrawn)" in page.content.decode()

    response = admin_client.post(
        reverse("desks:webhook_create", kwargs={"slug": desk.slug}),
        {
            "url": "https://93.184.215.15/chat",
            "events": ["claim.assigned"],
            "payload_format": "slack",
            "is_active": "on",
        },
    )

    added = WebhookEndpoint.objects.get(url="https://93.184.215.15/chat")
    assert response.status_code == 302
    assert response["Location"] == reverse("desks:webhook_edit", kwargs={"slug": desk.slug, "webhook_id": added.pk})
    shown = admin_client.get(response["Location"]).content.decode()
    assert added.secret in shown
    assert "Latest deliveries" in shown


def test_saving_a_page_read_before_the_desk_turned_the_webhook_off_leaves_it_off(admin_client, desk, endpoint):
    edit = reverse("desks:webhook_edit", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk})
    page = admin_client.get(edit).content.decode()
    assert 'name="shown_active" value="True"' in page
    # Meanwhile its deliveries kept failing, and the desk turned it off.
    reason = "Turned off after 10 deliveries in a row failed; the last one: The endpoint answered 410."
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        is_active=False, consecutive_failures=10, disabled_at=timezone.now(), disabled_reason=reason
    )

    # The admin renames it on the page as it was shown, "Active" still ticked.
    response = admin_client.post(
        edit,
        {
            "url": endpoint.url,
            "description": "Newsroom channel",
            "events": endpoint.events,
            "payload_format": endpoint.payload_format,
            "is_active": "on",
            "shown_active": "True",
        },
    )

    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert endpoint.description == "Newsroom channel"
    assert (endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_reason) == (False, 10, reason)
    # Ticking "Active" on the page that shows it off turns it on again.
    admin_client.post(
        edit,
        {
            "url": endpoint.url,
            "events": endpoint.events,
            "payload_format": endpoint.payload_format,
            "is_active": "on",
            "shown_active": "False",
        },
    )
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_reason) == (True, 0, "")


def test_the_form_shows_why_an_address_is_refused(admin_client, desk):
    response = admin_client.post(
        reverse("desks:webhook_create", kwargs={"slug": desk.slug}),
        {"url": "http://192.168.1.20/hook", "events": ["claim.assigned"], "payload_format": "json"},
    )

    assert response.status_code == 400
    assert "a private address" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_the_page_sends_a_test_event(admin_client, desk, endpoint, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        response = admin_client.post(
            reverse("desks:webhook_test", kwargs={"slug": desk.slug, "webhook_id": endpoint.pk})
        )

    assert response.status_code == 302
    assert WebhookDelivery.objects.get().event == "webhook.test"
    # The log follows the delivery by itself while it is pending, and has a Refresh link without JavaScript.
    assert [str(message) for message in get_messages(response.wsgi_request)] == [TEST_EVENT_QUEUED]


def test_a_url_with_a_broken_address_and_no_format_is_a_400_not_a_500(desk, desk_admin_api, admin_client):
    # The host chooses the format only of a URL that can be read; this one cannot (an unclosed "[").
    broken = "https://[hooks.slack.com/services/T0/B0/x"

    response = desk_admin_api.post(_list_url(desk), {"url": broken, "events": ["verdict.approved"]}, format="json")
    page = admin_client.post(
        reverse("desks:webhook_create", kwargs={"slug": desk.slug}),
        {"url": broken, "events": ["claim.assigned"], "payload_format": "", "is_active": "on"},
    )

    assert response.status_code == 400
    assert response.json()["extra"] == {"field": "url"}
    assert page.status_code == 400
    assert "This URL cannot receive webhooks" in page.content.decode()
    assert not WebhookEndpoint.objects.exists()
