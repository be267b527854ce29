"""The two checks that hold back a person whose desk requires two-step sign-in until they set it up:
the API token authentication (apps/core/api/authentication.py) and the middleware in front of every
page and of the API with the session (apps/web/middleware.py), edge by edge."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIClient

from apps.core.api.authentication import TwoStepRequiredTokenAuthentication
from apps.core.exceptions import PermissionDeniedError
from apps.core.two_step import two_step_enable, two_step_pending_device
from tests import factories

pytestmark = pytest.mark.django_db

SET_UP_URL = settings.SITE_URL + "/account/two-step/"
# The message a refused page leaves (the set-up page's own note words it otherwise).
SET_UP_MESSAGE = "Set it up under Your account, Two-step sign-in, to continue."


def _require(desk):
    desk.requires_two_step = True
    desk.save(update_fields=["requires_two_step"])


def _set_up(user):
    device = two_step_pending_device(user=user)
    two_step_enable(user=user, code=f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}")


def _token_api(user) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return api


def _session(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- The token --------------------------------------------------------------------------------------


def test_the_token_of_a_person_who_must_set_it_up_is_refused_saying_where(desk, reviewer):
    _require(desk)
    token = Token.objects.create(user=reviewer)

    with translation.override("en"), pytest.raises(PermissionDeniedError) as refused:
        TwoStepRequiredTokenAuthentication().authenticate_credentials(token.key)

    assert refused.value.status == 403
    assert refused.value.extra == {"code": "two_step_required", "set_up_url": SET_UP_URL}
    assert refused.value.message.startswith("Your desk requires two-step sign-in.")


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "Su mesa exige"), ("fr", "Votre rédaction exige"), ("pt-br", "Sua redação exige")],
)
def test_the_tokens_refusal_is_in_the_clients_language(desk, reviewer, language, words):
    _require(desk)

    refused = _token_api(reviewer).get(reverse("api:desk-list"), HTTP_ACCEPT_LANGUAGE=language)

    assert refused.status_code == 403
    assert refused.json()["extra"] == {"code": "two_step_required", "set_up_url": SET_UP_URL}
    assert refused.json()["message"].startswith(words)


def test_an_authenticator_not_yet_confirmed_does_not_let_the_token_through(desk, reviewer):
    _require(desk)
    two_step_pending_device(user=reviewer)

    assert _token_api(reviewer).get(reverse("api:desk-list")).status_code == 403


def test_the_same_token_works_once_an_authenticator_is_confirmed(desk, reviewer):
    _require(desk)
    api = _token_api(reviewer)
    assert api.get(reverse("api:desk-list")).status_code == 403

    _set_up(reviewer)

    assert api.get(reverse("api:desk-list")).status_code == 200


def test_one_desk_requiring_it_holds_back_the_persons_work_on_every_desk(desk, other_desk, reviewer):
    factories.MemberFactory(desk=other_desk, user=reviewer)
    _require(other_desk)

    refused = _token_api(reviewer).get(reverse("api:desk-list"))

    assert refused.status_code == 403
    assert refused.json()["extra"]["code"] == "two_step_required"


def test_a_desk_not_requiring_it_lets_its_people_through(desk, other_desk, reviewer):
    _require(other_desk)

    assert _token_api(reviewer).get(reverse("api:desk-list")).status_code == 200


def test_a_switched_off_accounts_token_is_refused_as_before_not_sent_to_set_up(desk, reviewer):
    _require(desk)
    token = Token.objects.create(user=reviewer)
    get_user_model().objects.filter(pk=reviewer.pk).update(is_active=False)

    with pytest.raises(AuthenticationFailed):
        TwoStepRequiredTokenAuthentication().authenticate_credentials(token.key)


def test_an_unknown_token_is_a_401_not_a_two_step_refusal(desk):
    _require(desk)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)

    assert api.get(reverse("api:desk-list")).status_code == 401


# --- The pages and the API with the session ---------------------------------------------------------


def test_anonymous_requests_pass(desk):
    _require(desk)
    client = Client()

    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("api:desk-list")).status_code == 401


@pytest.mark.parametrize("name", ["favicon", "account:two_step", "account:password", "account:language"])
def test_the_set_up_and_what_it_needs_stay_reachable(desk, reviewer, name):
    _require(desk)

    response = _session(reviewer).get(reverse(name))

    assert response.status_code != 302 or response["Location"] != reverse("account:two_step")


@pytest.mark.parametrize("name", ["logout", "admin:logout"])
def test_signing_out_stays_possible(desk, reviewer, name):
    _require(desk)
    reviewer.is_staff = True  # the admin's sign-out is for staff
    reviewer.save(update_fields=["is_staff"])
    client = _session(reviewer)

    client.post(reverse(name))

    assert "_auth_user_id" not in client.session


def test_a_static_file_address_is_not_sent_to_the_set_up(desk, reviewer):
    _require(desk)

    response = _session(reviewer).get(settings.STATIC_URL + "css/app.css")

    assert response.status_code != 302


def test_a_page_is_sent_to_the_set_up_with_a_message_a_form_post_without_one(desk, reviewer):
    _require(desk)
    client = _session(reviewer)

    posted = client.post(reverse("account:notifications"), {})
    assert (posted.status_code, posted["Location"]) == (302, reverse("account:two_step"))
    assert SET_UP_MESSAGE not in client.get(reverse("account:two_step")).text

    page = client.get(reverse("dashboard"), follow=True)
    assert page.redirect_chain == [(reverse("account:two_step"), 302)]
    assert SET_UP_MESSAGE in page.text


def test_the_api_with_the_session_answers_the_same_json_403_as_the_token(desk, reviewer):
    _require(desk)

    refused = _session(reviewer).get(reverse("api:desk-list"), headers={"accept-language": "fr"})

    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/json"
    assert refused.json()["extra"] == {"code": "two_step_required", "set_up_url": SET_UP_URL}
    assert refused.json()["message"].startswith("Votre rédaction exige")


def test_a_person_with_two_step_on_reaches_pages_and_the_api(desk, reviewer):
    _require(desk)
    _set_up(reviewer)
    client = _session(reviewer)

    assert client.get(reverse("dashboard")).status_code == 200
    assert client.get(reverse("api:desk-list")).status_code == 200
