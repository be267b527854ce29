"""The one table of failures of background work: each code worded in every interface language,
values that are failures themselves worded in the same language, and a detail that cannot be
worded falling back to the stored English text."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import to_locale

from apps.core.failures import FAILURE_MESSAGES, Failure, failure_code, failure_for_reader, failure_stored


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_every_failure_is_worded_in_every_interface_language(language):
    catalog = polib.pofile(str(Path(settings.BASE_DIR) / "locale" / to_locale(language) / "LC_MESSAGES" / "django.po"))
    worded = {entry.msgid for entry in catalog if entry.msgctxt is None and entry.translated()}

    assert [code for code, message in FAILURE_MESSAGES.items() if message not in worded] == []


def test_a_failure_is_stored_in_english_and_worded_for_each_reader():
    failure = Failure.of("upstream_unavailable", host="api.example.org", status=503)

    assert failure_stored(failure) == (
        "api.example.org answered 503.",
        {"code": "upstream_unavailable", "params": {"host": "api.example.org", "status": 503}},
    )
    with translation.override("es"):
        assert failure_for_reader(failure.detail, "stored") == "api.example.org respondió 503."


def test_failures_inside_a_failure_and_in_a_list_are_worded_in_the_same_language():
    each = [
        Failure.of("reference_provider_failed", provider="wikipedia", error=Failure.of("url_no_host")),
        Failure.of("reference_provider_failed", provider="gdelt", error="GDELT answered in plain text."),
    ]
    detail = {"code": "reference_provider_failures", "params": {"failures": [failure.detail for failure in each]}}
    address = Failure.of("address_refused", host="x.example", address="10.0.0.1", kind="private")

    with translation.override("fr"):
        assert failure_for_reader(detail, "stored") == (
            "wikipedia\u00a0: L\u2019URL n\u2019a pas d\u2019hôte.; gdelt\u00a0: GDELT answered in plain text."
        )
        assert "une adresse privée" in failure_for_reader(address.detail, "stored")
    assert "a private address" in address.english()


def test_plain_values_in_a_list_read_as_a_list():
    failure = Failure.of("url_port", port=8080, allowed=[80, 443])

    assert failure.english() == "Port 8080 is not allowed; only 80, 443."


@pytest.mark.parametrize(
    "detail",
    [{}, None, {"code": "gone_since"}, {"code": "webhook_status", "params": {}}, {"code": "webhook_status"}],
)
def test_a_detail_that_cannot_be_worded_gives_the_stored_text(detail):
    assert failure_for_reader(detail, "The endpoint answered 400.") == "The endpoint answered 400."


def test_the_code_of_a_stored_failure():
    assert failure_code({"code": "webhook_status", "params": {"status": 400}}) == "webhook_status"
    assert failure_code({}) == failure_code(None) == ""


def test_an_unknown_code_is_refused_where_it_is_raised():
    with pytest.raises(ValueError, match="no_such_code"):
        Failure.of("no_such_code")
