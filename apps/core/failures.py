"""Failures of background work (an article's intake, a reference job, a webhook delivery, a
fetch), worded for whoever reads them, in their language, long after they happened.

A failure is a code from `FAILURE_MESSAGES` and the values its message names. Where it is stored,
its English wording is stored too: logs, the admin's search and support read that, and it stays
the same whatever language the worker ran in. The code and values are stored beside it
(`Failure.detail`), and a page or an API answer words them again in its reader's language
(`failure_for_reader`). A row stored before it had a detail shows its stored English text.

A value may itself be a failure's detail (a delivery's error followed by the wait it was asked
for), or a list of them (each source's error in a reference job), worded in the same language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_noop, pgettext_lazy

logger = logging.getLogger(__name__)

# Each kind of address the fetcher refuses to contact, as the noun phrase a refusal names it by, in
# whole phrases ("a loopback address"); a failure's `kind` value is one of these keys.
ADDRESS_KINDS = {
    "unspecified": pgettext_lazy("kind of IP address", "an unspecified address"),
    "private": pgettext_lazy("kind of IP address", "a private address"),
    "carrier-grade NAT": pgettext_lazy("kind of IP address", "a carrier-grade NAT address"),
    "loopback": pgettext_lazy("kind of IP address", "a loopback address"),
    "cloud metadata": pgettext_lazy("kind of IP address", "a cloud metadata address"),
    "link-local": pgettext_lazy("kind of IP address", "a link-local address"),
    "IETF protocol assignment": pgettext_lazy("kind of IP address", "an IETF protocol assignment address"),
    "documentation": pgettext_lazy("kind of IP address", "a documentation address"),
    "6to4 relay": pgettext_lazy("kind of IP address", "a 6to4 relay address"),
    "benchmarking": pgettext_lazy("kind of IP address", "a benchmarking address"),
    "multicast": pgettext_lazy("kind of IP address", "a multicast address"),
    "reserved": pgettext_lazy("kind of IP address", "a reserved address"),
    "IPv4-compatible": pgettext_lazy("kind of IP address", "an IPv4-compatible address"),
    "IPv4-translated": pgettext_lazy("kind of IP address", "an IPv4-translated address"),
    "NAT64": pgettext_lazy("kind of IP address", "a NAT64 address"),
    "discard-only": pgettext_lazy("kind of IP address", "a discard-only address"),
    "Teredo": pgettext_lazy("kind of IP address", "a Teredo address"),
    "ORCHID": pgettext_lazy("kind of IP address", "an ORCHID address"),
    "ORCHIDv2": pgettext_lazy("kind of IP address", "an ORCHIDv2 address"),
    "unique local (private)": pgettext_lazy("kind of IP address", "a unique local (private) address"),
    "site-local": pgettext_lazy("kind of IP address", "a site-local address"),
    "not globally routable": pgettext_lazy("kind of IP address", "an address that is not globally routable"),
}

# The one table of failure messages. A code is stable (the API gives it to clients): a message's
# wording may change, its code may not be reused for another meaning.
FAILURE_MESSAGES = {
    # The outbound client (apps.core.http): refusals and failures of a request.
    "lookup_no_time": gettext_noop("No time was left to look up %(host)s."),
    "lookup_too_slow": gettext_noop("Looking up %(host)s took too long."),
    "lookup_failed": gettext_noop("Cannot resolve %(host)s: %(reason)s."),
    "url_unsafe_characters": gettext_noop("The URL contains spaces or control characters."),
    "url_malformed": gettext_noop("Malformed URL: %(given)s"),
    "url_no_scheme": gettext_noop("Only http and https URLs can be fetched, and this one names no scheme."),
    "url_scheme": gettext_noop("Only http and https URLs can be fetched, not %(scheme)s."),
    "url_credentials": gettext_noop("URLs with a user name or password are not fetched."),
    "url_no_host": gettext_noop("The URL has no host."),
    "url_invalid_host": gettext_noop("Invalid host name %(host)s."),
    "url_port": gettext_noop("Port %(port)s is not allowed; only %(allowed)s."),
    "host_no_address": gettext_noop("%(host)s has no address."),
    "address_refused": gettext_noop("Refusing to fetch %(host)s: it resolves to %(address)s, %(kind)s."),
    "address_carrying_refused": gettext_noop(
        "Refusing to fetch %(host)s: it resolves to %(address)s, which carries %(carried)s, %(kind)s."
    ),
    "body_too_slow": gettext_noop("%(shown)s took too long to send its body."),
    "no_answer_in_time": gettext_noop("%(host)s did not answer in time."),
    "stopped_sending": gettext_noop("%(host)s stopped sending."),
    "tls_error": gettext_noop("TLS error with %(host)s: %(error)s"),
    "connection_failed": gettext_noop("Connection to %(host)s failed: %(error)s"),
    "reading_failed": gettext_noop("Reading from %(host)s failed: %(error)s"),
    "cannot_connect": gettext_noop("Cannot connect to %(host)s: %(error)s"),
    "not_a_web_page": gettext_noop("%(shown)s is %(type)s, not a web page."),
    "unknown_type": gettext_noop("%(shown)s is of unknown type, not a web page."),
    "binary_page": gettext_noop("%(shown)s is binary, not a web page."),
    "too_many_redirects": gettext_noop("%(shown)s redirected more than %(count)s times."),
    "upstream_unavailable": gettext_noop("%(host)s answered %(status)s."),
    "http_status": gettext_noop("%(host)s answered %(status)s for %(shown)s."),
    "host_busy": gettext_noop("%(host)s is busy for another %(seconds)ss."),
    "too_large_declared": gettext_noop("%(shown)s is %(size)s bytes; the limit is %(limit)s."),
    "too_large_sent": gettext_noop("%(shown)s sent more than %(limit)s bytes (decoded)."),
    "robots_refused": gettext_noop("%(host)s's robots.txt does not allow fetching %(shown)s."),
    "not_json": gettext_noop("Expected JSON from %(shown)s, got: %(preview)s"),
    # An article's intake (apps.articles).
    "intake_time_limit": gettext_noop("Finding this article's claims took longer than %(minutes)s minutes."),
    "intake_internal_error": gettext_noop("Finding this article's claims failed with an internal error."),
    "intake_attempts_exhausted": gettext_noop(
        "Finding this article's claims stopped after %(attempts)s attempts; "
        "each ended without finishing (the worker was stopped or ran out of memory)."
    ),
    # A claim's reference job (apps.references).
    "reference_job_gave_up": gettext_noop("Gave up after %(attempts)s attempts (the worker crashed or timed out)."),
    "reference_providers_to_retry": gettext_noop("Providers to retry: %(providers)s"),
    "reference_provider_failed": gettext_noop("%(provider)s: %(error)s"),
    "reference_provider_unknown": gettext_noop("Unknown provider."),
    "reference_provider_failures": gettext_noop("%(failures)s"),
    # A review email (apps.reviews), not sent.
    "notification_recipient_closed": gettext_noop("The recipient's account is closed."),
    "notification_no_email": gettext_noop("The recipient has no email address."),
    "notification_opted_out": gettext_noop("The recipient turned this kind of email off."),
    "notification_nothing_concerns": gettext_noop("None of its claims concern the recipient any more."),
    "notification_attempts_exhausted": gettext_noop("Stopped after %(attempts)s attempts."),
    # A tip's outcome email (apps.articles), not sent.
    "tip_email_attempts_exhausted": gettext_noop("Stopped after %(attempts)s attempts."),
    "tip_email_address_erased": gettext_noop("Not sent: the address was erased %(days)s days after the tip."),
    # A password reset email (apps.core.accounts), not sent.
    "password_reset_email_attempts_exhausted": gettext_noop("Stopped after %(attempts)s attempts."),
    # A webhook delivery (apps.desks).
    "webhook_endpoint_off": gettext_noop("The endpoint was turned off before sending."),
    "webhook_attempts_exhausted": gettext_noop("Stopped after %(attempts)s attempts."),
    "webhook_status": gettext_noop("The endpoint answered %(status)s."),
    "webhook_redirect": gettext_noop(
        "The endpoint answered with a redirect to %(target)s; webhooks do not follow redirects."
    ),
    "webhook_redirect_not_a_url": gettext_noop(
        "The endpoint answered with a redirect to an address that is not a valid URL; webhooks do not follow redirects."
    ),
    "webhook_retry_after": gettext_noop("%(error)s It asked to wait %(seconds)s s (Retry-After)."),
    "webhook_url_changed": gettext_noop(
        "%(error)s The endpoint's URL has changed since; the next attempt goes to the new one."
    ),
    "webhook_turned_off": gettext_noop(
        "Turned off after %(count)s deliveries in a row failed; the last one: %(error)s"
    ),
    "webhook_postponed": gettext_noop(
        "Not sent yet: requests to this URL wait another %(seconds)s s (its Retry-After, or the spacing "
        "between requests)."
    ),
}


def _plain(value: Any) -> Any:
    """A value as JSON keeps it: numbers, text, None, nested details; anything else as its text."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Failure):
        return value.detail
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return str(value)


@dataclass(frozen=True)
class Failure:
    """A failure as a code of `FAILURE_MESSAGES` and the values its message names."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, code: str, **params: Any) -> Failure:
        if code not in FAILURE_MESSAGES:
            raise ValueError(f"Unknown failure code {code!r}.")
        return cls(code, {name: _plain(value) for name, value in params.items()})

    @property
    def detail(self) -> dict[str, Any]:
        """What is stored beside the English text (a JSONField)."""
        return {"code": self.code, "params": self.params}

    def for_reader(self) -> str:
        """The failure in the active language."""
        return _worded(self.detail)

    def english(self) -> str:
        """The failure in English, for logs and stored records."""
        with translation.override("en"):
            return self.for_reader()


def _worded(detail: dict[str, Any]) -> str:
    message = gettext(FAILURE_MESSAGES[detail["code"]])
    params = detail.get("params") or {}
    if "%(" not in message:
        return message
    return message % {name: _value_worded(name, value) for name, value in params.items()}


def _value_worded(name: str, value: Any) -> Any:
    if name == "kind" and value in ADDRESS_KINDS:
        return str(ADDRESS_KINDS[value])
    if isinstance(value, dict) and "code" in value:
        return _worded(value)
    if isinstance(value, list):
        # Failures are sentences of their own; plain values (ports) read as a list.
        separator = "; " if any(isinstance(item, dict) and "code" in item for item in value) else ", "
        return separator.join(str(_value_worded(name, item)) for item in value)
    return value


def failure_for_reader(detail: dict[str, Any] | None, stored: str) -> str:
    """A stored failure in the reader's language: its detail worded in the active language, or the
    `stored` text as it is when there is no detail (a row from before details were kept) or the
    detail cannot be worded (a code since removed)."""
    if not detail or detail.get("code") not in FAILURE_MESSAGES:
        return stored
    try:
        return _worded(detail)
    except (KeyError, TypeError, ValueError):
        logger.warning("failure detail %r cannot be worded; showing its stored text", detail)
        return stored


def failure_code(detail: dict[str, Any] | None) -> str:
    """A stored failure's code, or "" when it has none."""
    return str((detail or {}).get("code") or "")


def failure_stored(failure: Failure | str) -> tuple[str, dict[str, Any]]:
    """What a row stores of a failure: its English text and its detail. A failure known only as
    English text (an error raised without a code) is stored with an empty detail, and shown as it is."""
    if isinstance(failure, Failure):
        return failure.english(), failure.detail
    return failure, {}


def failure_from_record(text: str, detail: dict[str, Any] | None) -> Failure | str:
    """A stored failure again, to be carried on or stored elsewhere: its detail when it has a known
    code, else its text."""
    if detail and detail.get("code") in FAILURE_MESSAGES:
        return Failure(detail["code"], dict(detail.get("params") or {}))
    return text


def fetch_error_failure(error: Exception) -> Failure | str:
    """A failed request's failure (`FetchError.failure`), or its English text when it carries none."""
    return getattr(error, "failure", None) or str(error)
