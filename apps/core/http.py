"""The one outbound HTTP client: every request to the outside world goes through `fetch`.

Why it is careful (issue 4 §4, research/reliability-security-performance.md §2):

- SSRF. URLs come from users (import by URL) and from other sites (search results, redirects).
  We resolve the host once, refuse the request if *any* A/AAAA answer is not globally routable,
  and connect to the exact address we checked, so a DNS answer that changes between check and
  connect ("rebinding") cannot reach an internal service. Every redirect hop goes through the
  same check. Only http/https, no credentials in URLs, default ports only, no proxies from the
  environment (urllib3 pools never read HTTP_PROXY).
- Resources. Redirects, decoded body size (compression bombs) and total time are capped.
- Politeness. A descriptive User-Agent, a per-host minimum interval shared by all workers
  through Redis, robots.txt for crawler-like fetches, retries with backoff and full jitter that
  honour Retry-After, and ETag/Last-Modified revalidation so re-checks are cheap.

Errors are `FetchError` subclasses with a message fit to show an editor; `TransientFetchError`
marks the ones worth retrying (timeouts, connection failures, 429 and 5xx).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import ipaddress
import json
import logging
import math
import random
import re
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, NamedTuple
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import urllib3
from charset_normalizer import from_bytes
from django.conf import settings

from apps.core.failures import ADDRESS_KINDS, Failure

logger = logging.getLogger(__name__)

Resolver = Callable[[str, int], list[str]]

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
HTML_CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
ROBOTS_MAX_BYTES = 500 * 1024
ROBOTS_CACHE_SECONDS = 24 * 3600
# RFC 9309: an unreachable robots.txt means "assume complete disallow"; ask again soon.
ROBOTS_UNREACHABLE_CACHE_SECONDS = 600
CACHE_MAX_BODY_BYTES = 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024


# --- Errors ---------------------------------------------------------------------------------


class FetchError(Exception):
    """A request was refused or failed; `str(error)` is a one-line reason for people, in English for
    logs and stored records. `failure` is the same reason as a code and values (apps.core.failures),
    for a record to keep and word again in the language of whoever reads it later; `for_reader` is
    the reason in the language of whoever is reading now."""

    def __init__(self, message: str, *, url: str = "", for_reader: str = "", failure: Failure | None = None):
        super().__init__(message)
        self.url = url
        self.for_reader = for_reader or message
        self.failure = failure


class URLNotAllowedError(FetchError):
    """Malformed URL, a scheme other than http/https, credentials or a non-default port."""


class AddressNotAllowedError(FetchError):
    """The host is, or resolves to, an address that is not globally routable."""


class DNSResolutionError(FetchError):
    """The host name does not resolve."""


class TooManyRedirectsError(FetchError):
    """More redirects than the caller follows; `location` is where the last one pointed, resolved
    against the URL that answered it, as the server sent it (unchecked: make it safe to show)."""

    def __init__(self, message: str, *, url: str = "", location: str = "", **kwargs: Any):
        super().__init__(message, url=url, **kwargs)
        self.location = location


class ResponseTooLargeError(FetchError):
    pass


class ContentTypeNotAllowedError(FetchError):
    pass


class RobotsDisallowedError(FetchError):
    pass


class MalformedResponseError(FetchError):
    """The body is not what the endpoint documents (e.g. plain text where JSON was promised)."""


class HTTPStatusError(FetchError):
    """A 4xx answer other than 429: asking again will not help."""

    def __init__(self, message: str, *, url: str = "", status: int = 0, **kwargs: Any):
        super().__init__(message, url=url, **kwargs)
        self.status = status


class TransientFetchError(FetchError):
    """Worth retrying later; `retry_after` is the server's own hint in seconds, if it gave one."""

    def __init__(self, message: str, *, url: str = "", retry_after: float | None = None, **kwargs: Any):
        super().__init__(message, url=url, **kwargs)
        self.retry_after = retry_after


class FetchTimeoutError(TransientFetchError):
    pass


class FetchConnectionError(TransientFetchError):
    pass


class UpstreamUnavailableError(TransientFetchError):
    """429 or 5xx."""

    def __init__(
        self, message: str, *, url: str = "", status: int = 0, retry_after: float | None = None, **kwargs: Any
    ):
        super().__init__(message, url=url, retry_after=retry_after, **kwargs)
        self.status = status


class HostBusyError(UpstreamUnavailableError):
    """No request was sent: the host (or the caller's scope) is held by a Retry-After, or its
    requests are spaced, for longer than the caller waits (`retry_after`)."""


# --- Address policy -------------------------------------------------------------------------

# `not is_global` covers most of these; the explicit table guards against registry drift in
# `ipaddress` (cpython #113171) and names each range in the error message.
_DENIED_NETWORKS: list[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str]] = [
    (ipaddress.ip_network(network), reason)
    for network, reason in (
        ("0.0.0.0/8", "unspecified"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.169.254/32", "cloud metadata"),
        ("169.254.0.0/16", "link-local"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "IETF protocol assignment"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "6to4 relay"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("240.0.0.0/4", "reserved"),
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        # IPv4 addresses in IPv6 spellings that stacks with automatic tunnels or SIIT translation
        # reach as the IPv4 address (::127.0.0.1); no public service is addressed this way.
        ("::/96", "IPv4-compatible"),
        ("::ffff:0:0:0/96", "IPv4-translated"),
        ("64:ff9b:1::/48", "NAT64"),
        ("100::/64", "discard-only"),
        ("2001::/32", "Teredo"),
        ("2001:10::/28", "ORCHID"),
        ("2001:20::/28", "ORCHIDv2"),
        ("2001:db8::/32", "documentation"),
        ("fc00::/7", "unique local (private)"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
]
# Each kind above as the noun phrase a refusal names it by (apps.core.failures).
_ADDRESS_KINDS = ADDRESS_KINDS
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_UNSAFE_URL_CHARACTERS = re.compile(r"[\x00-\x20\x7f]")
_IPV4_LEGACY_LITERAL = re.compile(r"^[0-9a-fx.]+$", re.IGNORECASE)


class AddressRefusal(NamedTuple):
    """Why an address may not be contacted: its `kind` (a key of `_ADDRESS_KINDS`), and the IPv4
    address it `carries` when the address is an IPv6 spelling of that one."""

    kind: str
    carries: str | None = None

    def kind_for_reader(self) -> str:
        """The kind as a noun phrase in the reader's language: "a loopback address"."""
        return str(_ADDRESS_KINDS[self.kind])


def address_refusal(address: str) -> AddressRefusal | None:
    """Why `address` (an IP in text form) may not be contacted, or None when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv6 address can carry an IPv4 one; judge the IPv4 address it really reaches.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            inner = address_refusal(str(embedded))
            return AddressRefusal(inner.kind, carries=str(embedded)) if inner else None
    for network, kind in _DENIED_NETWORKS:
        if ip.version == network.version and ip in network:
            return AddressRefusal(kind)
    if ip.is_multicast:
        return AddressRefusal("multicast")
    if not ip.is_global:
        return AddressRefusal("not globally routable")
    return None


def _refused(
    error_class: type[FetchError],
    code: str,
    *,
    url: str,
    refusal: AddressRefusal | None = None,
    error_details: dict[str, Any] | None = None,
    **values,
) -> FetchError:
    """A refusal of `url` as the failure `code` of apps.core.failures with `values`: kept in English
    and also worded in the reader's language; `refusal` fills its %(kind)s and %(carried)s, and
    `error_details` are the error's own attributes (a status, a Retry-After)."""
    if refusal is not None:
        values.update(kind=refusal.kind, carried=refusal.carries)
    failure = Failure.of(code, **values)
    return error_class(
        failure.english(), url=url, for_reader=failure.for_reader(), failure=failure, **(error_details or {})
    )


def _ip_literal(host: str) -> str | None:
    """The IP a host spelled as a literal means, including 2130706433, 0x7f.1 and 0177.0.0.1."""
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if _IPV4_LEGACY_LITERAL.match(host):
        # inet_aton accepts exactly the shorthand forms (decimal, octal, hex, short dotted)
        # that resolvers and browsers also accept, so we judge the address they would reach.
        try:
            return socket.inet_ntoa(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _resolve_within(resolve: Resolver, host: str, port: int, *, seconds: float, url: str) -> list[str]:
    """`resolve(host, port)`, given `seconds` at most. getaddrinfo takes no timeout, and the system
    resolver's own (resolv.conf's timeout times its attempts, for each name server) can outlast a
    request's whole time, so the lookup runs in a daemon thread; when the time is up the caller gets
    a timeout and the thread is left to end when the resolver gives up (nothing waits for it, the
    interpreter's exit included)."""
    if seconds <= 0:
        raise _refused(FetchTimeoutError, "lookup_no_time", url=url, host=host)
    outcome: list[list[str] | BaseException] = []
    done = threading.Event()

    def look_up() -> None:
        try:
            outcome.append(resolve(host, port))
        except BaseException as error:  # raised again in the caller's thread
            outcome.append(error)
        finally:
            done.set()

    threading.Thread(target=look_up, name=f"resolve {host}", daemon=True).start()
    if not done.wait(seconds):
        raise _refused(FetchTimeoutError, "lookup_too_slow", url=url, host=host)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def system_resolver(host: str, port: int) -> list[str]:
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise _refused(
            DNSResolutionError,
            "lookup_failed",
            url="",
            host=host,
            reason=error.strerror,
        ) from None
    addresses: list[str] = []
    for _family, _type, _proto, _canon, sockaddr in answers:
        if sockaddr[0] not in addresses:
            addresses.append(str(sockaddr[0]))
    return addresses


@dataclass(frozen=True)
class Target:
    """A URL that passed the policy, pinned to the addresses that were checked."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    host_header: str
    addresses: tuple[str, ...]

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.host_header}"


def _allow_listed(host: str, port: int) -> bool:
    allowed = {entry.lower() for entry in settings.HTTP_ALLOWED_PRIVATE_HOSTS}
    return host in allowed or f"{host}:{port}" in allowed


def target_check(url: str, *, resolver: Resolver | None = None, resolve_timeout: float | None = None) -> Target:
    """Validate `url` and resolve its host once; raise a `FetchError` for anything refused.

    No socket is opened here, so tests can prove a refusal happens before any connection. The
    host's lookup is given `resolve_timeout` seconds, HTTP_TIMEOUT_SECONDS when left out: one that
    takes longer is a `FetchTimeoutError`. getaddrinfo has no time limit of its own, so a resolver
    that hangs would otherwise hold the caller (a web request registering a webhook URL) for as
    long as the system resolver keeps retrying.
    """
    if _UNSAFE_URL_CHARACTERS.search(url):
        raise _refused(URLNotAllowedError, "url_unsafe_characters", url=url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise _refused(URLNotAllowedError, "url_malformed", url=url, given=url[:200]) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if not scheme:
            raise _refused(
                URLNotAllowedError,
                "url_no_scheme",
                url=url,
            )
        raise _refused(
            URLNotAllowedError,
            "url_scheme",
            url=url,
            scheme=scheme,
        )
    if parts.username is not None or parts.password is not None:
        raise _refused(URLNotAllowedError, "url_credentials", url=url)
    raw_host = (parts.hostname or "").rstrip(".")
    if not raw_host:
        raise _refused(URLNotAllowedError, "url_no_host", url=url)
    # Encoding checks every label, ASCII ones included: an empty label ("a..b.com") or one over
    # 63 characters would otherwise reach getaddrinfo, which raises UnicodeError for them.
    try:
        host = raw_host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _refused(URLNotAllowedError, "url_invalid_host", url=url, host=repr(raw_host)) from None
    default_port = 443 if scheme == "https" else 80
    port = port or default_port
    allow_listed = _allow_listed(host, port)
    if port not in settings.HTTP_ALLOWED_PORTS and not allow_listed:
        raise _refused(
            URLNotAllowedError,
            "url_port",
            url=url,
            port=port,
            allowed=settings.HTTP_ALLOWED_PORTS,
        )

    literal = _ip_literal(host)
    if literal:
        addresses = [literal]
    else:
        seconds = settings.HTTP_TIMEOUT_SECONDS if resolve_timeout is None else resolve_timeout
        addresses = _resolve_within(resolver or system_resolver, host, port, seconds=seconds, url=url)
    if not addresses:
        raise _refused(DNSResolutionError, "host_no_address", url=url, host=host)
    if not allow_listed:
        for address in addresses:
            refusal = address_refusal(address)
            if refusal:
                code = "address_refused" if refusal.carries is None else "address_carrying_refused"
                shown = host if literal is None else raw_host
                raise _refused(AddressNotAllowedError, code, url=url, refusal=refusal, host=shown, address=address)
    path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
    netloc_host = f"[{host}]" if ":" in host else host
    host_header = netloc_host if port == default_port else f"{netloc_host}:{port}"
    return Target(
        url=url,
        scheme=scheme,
        host=host,
        port=port,
        path=path,
        host_header=host_header,
        addresses=tuple(addresses),
    )


# --- Shared state: rate limits, robots and the response cache ------------------------------

# Reserve the next request slot for a host atomically, using Redis's own clock so workers on
# different machines agree. Returns how long the caller must wait, in milliseconds; a wait longer
# than ARGV[3] (when not negative) reserves nothing, since that caller will not wait for it.
_RESERVE_SLOT = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local interval = tonumber(ARGV[1])
local push = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
if push > 0 then
  local until_ms = now + push
  if until_ms > next_free then
    redis.call('SET', KEYS[1], until_ms, 'PX', push + 60000)
  end
  return 0
end
local start = math.max(now, next_free)
if max_wait >= 0 and start - now > max_wait then
  return start - now
end
redis.call('SET', KEYS[1], start + interval, 'PX', start + interval - now + 60000)
return start - now
"""

# How long until the next request slot is free (0 when it is), without reserving it.
_SLOT_WAIT = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local next_free = tonumber(redis.call('GET', KEYS[1]) or '0')
return math.max(0, next_free - now)
"""


class _LocalStore:
    """In-process fallback when no Redis is configured (single-process development)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, tuple[float, Any]] = {}
        self._slots: dict[str, float] = {}

    def get(self, key: str) -> Any:
        with self._lock:
            expires, value = self._values.get(key, (0.0, None))
            return value if expires > time.monotonic() else None

    def set(self, key: str, value: Any, ttl: float) -> None:
        with self._lock:
            self._values[key] = (time.monotonic() + ttl, value)

    def reserve(self, key: str, interval: float, push: float = 0.0, max_wait: float = math.inf) -> float:
        with self._lock:
            now = time.monotonic()
            next_free = self._slots.get(key, 0.0)
            if push > 0:
                self._slots[key] = max(next_free, now + push)
                return 0.0
            start = max(now, next_free)
            if start - now <= max_wait:
                self._slots[key] = start + interval
            return start - now

    def slot_wait(self, key: str) -> float:
        with self._lock:
            return max(0.0, self._slots.get(key, 0.0) - time.monotonic())

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._slots.clear()


class _RedisStore:
    """The state in Redis, each key under `prefix` (settings.REDIS_KEY_PREFIX)."""

    def __init__(self, url: str, prefix: str = "") -> None:
        import redis

        self._client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self._prefix = prefix
        self._reserve = self._client.register_script(_RESERVE_SLOT)
        self._slot_wait = self._client.register_script(_SLOT_WAIT)

    def get(self, key: str) -> Any:
        raw = self._client.get(self._prefix + key)
        return json.loads(raw) if raw is not None else None

    def set(self, key: str, value: Any, ttl: float) -> None:
        self._client.set(self._prefix + key, json.dumps(value), ex=max(1, int(ttl)))

    def reserve(self, key: str, interval: float, push: float = 0.0, max_wait: float = math.inf) -> float:
        max_wait_ms = int(max_wait * 1000) if math.isfinite(max_wait) else -1
        wait_ms = self._reserve(keys=[self._prefix + key], args=[int(interval * 1000), int(push * 1000), max_wait_ms])
        return int(wait_ms) / 1000

    def slot_wait(self, key: str) -> float:
        return int(self._slot_wait(keys=[self._prefix + key])) / 1000

    def keys(self) -> set[str]:
        """The names of the keys this store holds, without the prefix."""
        pattern = re.sub(r"([*?\[\]\\])", r"\\\1", self._prefix) + "factcheck:fetch:*"
        return {key.decode().removeprefix(self._prefix) for key in self._client.scan_iter(pattern)}

    def clear(self) -> None:
        keys = self.keys()
        if keys:
            self._client.delete(*(self._prefix + key for key in keys))


_local_store = _LocalStore()
_redis_stores: dict[tuple[str, str], _RedisStore] = {}


def shared_store() -> _LocalStore | _RedisStore:
    url = settings.HTTP_SHARED_STATE_URL
    if not url:
        return _local_store
    where = (url, settings.REDIS_KEY_PREFIX)
    if where not in _redis_stores:
        _redis_stores[where] = _RedisStore(*where)
    return _redis_stores[where]


def _store_call(method: str, *args: Any) -> Any:
    """Call the shared store; if Redis is down, fall back to this process rather than fail."""
    store = shared_store()
    try:
        return getattr(store, method)(*args)
    except Exception as error:
        if store is _local_store:
            raise
        logger.warning("Shared fetch state unavailable (%s); using in-process state.", error)
        return getattr(_local_store, method)(*args)


def shared_state_is_shared() -> bool:
    """True when the state below lives in Redis, visible to every worker process."""
    return bool(settings.HTTP_SHARED_STATE_URL)


def shared_put(key: str, value: Any, ttl: float) -> None:
    """Keep a JSON-able value for `ttl` seconds where other workers can read it."""
    _store_call("set", key, value, ttl)


def shared_get(key: str) -> Any:
    return _store_call("get", key)


def host_min_interval(host: str) -> float:
    return float(settings.HTTP_HOST_MIN_INTERVALS.get(host, settings.HTTP_HOST_MIN_INTERVAL_SECONDS))


def _slot_key(host: str, scope: str | None) -> str:
    return f"factcheck:fetch:slot:{scope or host}"


def _hold_key(host: str, scope: str | None) -> str:
    return f"factcheck:fetch:hold:{scope or host}"


def host_slot_wait(host: str, *, scope: str | None = None) -> None:
    """Block until the next request slot of this host, or of `scope` (see `fetch`), is ours; the
    slots are shared by all workers.

    A wait longer than HTTP_RETRY_MAX_DELAY_SECONDS (a long Retry-After, or many workers queued
    on a slow-paced host) is not slept through: it raises a transient error carrying the wait,
    so the task can be retried later instead of holding a worker idle.
    """
    interval = host_min_interval(host)
    if interval <= 0 and not _store_call("get", _hold_key(host, scope)):
        return  # no spacing asked for this host, and no Retry-After hold on it
    # A caller that will not wait takes no slot: one it left empty would push every later request
    # further back, and a burst of them (a bulk approval's webhooks) would keep them all waiting.
    max_wait = settings.HTTP_RETRY_MAX_DELAY_SECONDS
    wait = _store_call("reserve", _slot_key(host, scope), interval, 0.0, max_wait)
    if wait > max_wait:
        raise _refused(
            HostBusyError, "host_busy", url="", error_details={"retry_after": wait}, host=host, seconds=f"{wait:.0f}"
        )
    if wait > 0:
        sleep(wait)


def host_back_off(host: str, seconds: float, *, scope: str | None = None) -> None:
    """Keep every worker's requests to `host`, or those of `scope`, away for `seconds` (after a 429
    or 503 with Retry-After)."""
    _store_call("reserve", _slot_key(host, scope), 0.0, seconds)
    _store_call("set", _hold_key(host, scope), True, seconds)


def host_hold_remaining(host: str, *, scope: str | None = None) -> float:
    """Seconds until a request to `host`, or of `scope`, may go (0 when it may go now)."""
    if not _store_call("get", _hold_key(host, scope)):
        return 0.0
    return _store_call("slot_wait", _slot_key(host, scope))


def sleep(seconds: float) -> None:
    """Module-level so tests can observe waits instead of sleeping."""
    time.sleep(seconds)


# --- Responses ------------------------------------------------------------------------------


@dataclass
class FetchResponse:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    from_cache: bool = False
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    def text(self) -> str:
        match = re.search(r"charset=([\w.:-]+)", self.headers.get("content-type", ""), re.IGNORECASE)
        if match:
            try:
                return self.content.decode(match.group(1), errors="replace")
            except LookupError:
                pass
        try:
            return self.content.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(self.content).best()
            return str(best) if best is not None else self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        try:
            return json.loads(self.content)
        except ValueError:
            preview = self.content[:120].decode("utf-8", errors="replace").strip()
            raise _refused(
                MalformedResponseError,
                "not_json",
                url=self.final_url,
                shown=shown_url(self.final_url),
                preview=repr(preview),
            ) from None


def shown_url(url: str) -> str:
    """A URL for messages and logs: without the query string, which may carry an API key."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        # ASCII only: "²" is a digit to str.isdigit() and no number to float(). A wait too long for
        # a float (inf) is no hint at all, and would hold the host off for ever.
        seconds = float(value)
        return seconds if math.isfinite(seconds) else None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


class _DeadlineMixin:
    """A connection whose socket is shut at `deadline` (time.monotonic()), so that a TLS handshake
    or an answer trickling in, each read inside the read timeout (headers a byte at a time), cannot
    hold a request past the total time: urllib3's timeouts bound each read, not the whole answer.
    The watch starts before connecting: the handshake happens inside `connect`, once the socket
    is set (the TCP connect itself is bounded by a connect timeout no longer than what is left)."""

    sock: Any

    def __init__(self, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline
        self._watchdog: threading.Timer | None = None

    def connect(self) -> None:
        self._watchdog = threading.Timer(max(0.0, self._deadline - time.monotonic()), self._cut)
        self._watchdog.daemon = True
        self._watchdog.start()
        super().connect()  # type: ignore[misc]

    def _cut(self) -> None:
        sock = self.sock
        if sock is not None:
            with contextlib.suppress(OSError):  # closed already
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
        super().close()  # type: ignore[misc]


class _DeadlineHTTPConnection(_DeadlineMixin, urllib3.connection.HTTPConnection):
    pass


class _DeadlineHTTPSConnection(_DeadlineMixin, urllib3.connection.HTTPSConnection):
    pass


class _DeadlineHTTPConnectionPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTPConnection


class _DeadlineHTTPSConnectionPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPSConnection


def _pool_for(target: Target, address: str, timeout: urllib3.Timeout, deadline: float) -> urllib3.HTTPConnectionPool:
    if target.scheme == "https":
        # Connect to the checked IP but verify the certificate for, and send SNI with, the name.
        return _DeadlineHTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            server_hostname=target.host,
            assert_hostname=target.host,
            deadline=deadline,
        )
    return _DeadlineHTTPConnectionPool(address, target.port, timeout=timeout, retries=False, deadline=deadline)


_BODY_TOO_SLOW = "body_too_slow"
_NO_ANSWER_IN_TIME = "no_answer_in_time"


def _read_body(response: urllib3.BaseHTTPResponse, *, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _refused(
            ResponseTooLargeError,
            "too_large_declared",
            url=url,
            shown=shown_url(url),
            size=int(declared),
            limit=max_bytes,
        )
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:
            raise _refused(FetchTimeoutError, _BODY_TOO_SLOW, url=url, shown=shown_url(url))
        # read1 returns what has arrived (a slow drip cannot hold us past the deadline) and
        # urllib3 ≥ 2.6 bounds how much one compressed chunk may expand to.
        chunk = response.read1(READ_CHUNK_BYTES)
        if not chunk:
            if time.monotonic() > deadline:
                # The connection was cut at the deadline: the end of what came, not of the body.
                raise _refused(FetchTimeoutError, _BODY_TOO_SLOW, url=url, shown=shown_url(url))
            break
        total += len(chunk)
        if total > max_bytes:
            raise _refused(ResponseTooLargeError, "too_large_sent", url=url, shown=shown_url(url), limit=max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _send_once(
    target: Target,
    *,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    timeout: float,
    deadline: float,
    max_bytes: int,
    allowed_content_types: Iterable[str] | None,
    read_body: bool = True,
) -> tuple[int, dict[str, str], bytes]:
    request_headers = {"Host": target.host_header, **headers}
    last_error: Exception | None = None
    for address in target.addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        pool_timeout = urllib3.Timeout(connect=min(5.0, timeout, remaining), read=min(timeout, remaining))
        pool = _pool_for(target, address, pool_timeout, deadline)
        try:
            response = pool.urlopen(
                method,
                target.path,
                body=body,
                headers=request_headers,
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=True,
                assert_same_host=False,
            )
        except urllib3.exceptions.NewConnectionError as error:
            last_error = error
            pool.close()
            continue
        except urllib3.exceptions.TimeoutError:
            pool.close()
            raise _refused(FetchTimeoutError, _NO_ANSWER_IN_TIME, url=target.url, host=target.host) from None
        except urllib3.exceptions.SSLError as error:
            pool.close()
            if time.monotonic() > deadline:
                # The handshake was cut at the deadline.
                raise _refused(FetchTimeoutError, _NO_ANSWER_IN_TIME, url=target.url, host=target.host) from None
            raise _refused(
                FetchConnectionError,
                "tls_error",
                url=target.url,
                host=target.host,
                error=error,
            ) from None
        except urllib3.exceptions.HTTPError as error:
            pool.close()
            if time.monotonic() > deadline:
                raise _refused(FetchTimeoutError, _NO_ANSWER_IN_TIME, url=target.url, host=target.host) from None
            raise _refused(
                FetchConnectionError,
                "connection_failed",
                url=target.url,
                host=target.host,
                error=error,
            ) from None
        try:
            if time.monotonic() > deadline:
                # The connection was cut while the headers trickled in: what came is not all of them.
                raise _refused(FetchTimeoutError, _NO_ANSWER_IN_TIME, url=target.url, host=target.host)
            response_headers = {key.lower(): value for key, value in response.headers.items()}
            status = response.status
            if status in REDIRECT_STATUSES or status == 304 or status >= 400 or not read_body:
                # Redirect and error bodies are never read: nothing decodes a body we do not use.
                return status, response_headers, b""
            if allowed_content_types is not None:
                content_type = response_headers.get("content-type", "").split(";", 1)[0].strip().lower()
                if content_type not in allowed_content_types:
                    raise _refused(
                        ContentTypeNotAllowedError,
                        "not_a_web_page" if content_type else "unknown_type",
                        url=target.url,
                        shown=shown_url(target.url),
                        type=content_type,
                    )
            try:
                content = _read_body(response, url=target.url, max_bytes=max_bytes, deadline=deadline)
            except urllib3.exceptions.TimeoutError:
                raise _refused(FetchTimeoutError, "stopped_sending", url=target.url, host=target.host) from None
            except urllib3.exceptions.HTTPError as error:
                if time.monotonic() > deadline:
                    raise _refused(
                        FetchTimeoutError, _BODY_TOO_SLOW, url=target.url, shown=shown_url(target.url)
                    ) from None
                raise _refused(
                    FetchConnectionError,
                    "reading_failed",
                    url=target.url,
                    host=target.host,
                    error=error,
                ) from None
            return status, response_headers, content
        finally:
            response.release_conn()
            pool.close()
    raise _refused(
        FetchConnectionError,
        "cannot_connect",
        url=target.url,
        host=target.host,
        error=last_error,
    )


def _cache_key(url: str) -> str:
    return "factcheck:fetch:cache:" + hashlib.sha256(url.encode()).hexdigest()


def _fetch_attempt(
    url: str,
    *,
    method: str,
    headers: dict[str, str],
    body: bytes | None,
    timeout: float,
    total_timeout: float,
    max_bytes: int,
    max_redirects: int,
    allowed_content_types: Iterable[str] | None,
    respect_robots: bool,
    use_cache: bool,
    resolver: Resolver | None,
    host_hold_max: float | None = None,
    rate_limit_scope: str | None = None,
    read_body: bool = True,
) -> FetchResponse:
    # Set when the first request goes, less the time its host's lookup took: the lookup is part of
    # the attempt, a wait for the host's slot is the pacing's, not the request's.
    deadline: float | None = None
    original_url = url
    redirects: list[str] = []
    first_origin: str | None = None
    while True:
        lookup_started = time.monotonic()
        left = total_timeout if deadline is None else deadline - lookup_started
        target = target_check(url, resolver=resolver, resolve_timeout=left)
        lookup_seconds = time.monotonic() - lookup_started
        if first_origin is None:
            first_origin = target.origin
        elif target.origin != first_origin:
            # Credentials meant for one site never travel to another one via a redirect.
            headers = {k: v for k, v in headers.items() if k.lower() not in ("authorization", "cookie")}
        if respect_robots and not robots_allowed(target, resolver=resolver):
            raise _refused(RobotsDisallowedError, "robots_refused", url=url, host=target.host, shown=shown_url(url))

        cached = _store_call("get", _cache_key(url)) if use_cache and method == "GET" else None
        request_headers = dict(headers)
        if cached:
            if cached.get("etag"):
                request_headers["If-None-Match"] = cached["etag"]
            if cached.get("last_modified"):
                request_headers["If-Modified-Since"] = cached["last_modified"]

        # The caller's scope is its URL's; a redirect leaves for another URL, paced by its host.
        scope = None if redirects else rate_limit_scope
        host_slot_wait(target.host, scope=scope)
        if deadline is None:
            deadline = time.monotonic() + total_timeout - lookup_seconds
        status, response_headers, content = _send_once(
            target,
            method=method,
            headers=request_headers,
            body=body,
            timeout=timeout,
            deadline=deadline,
            max_bytes=max_bytes,
            allowed_content_types=allowed_content_types,
            read_body=read_body,
        )
        if status in REDIRECT_STATUSES and response_headers.get("location"):
            try:
                location = urljoin(url, response_headers["location"])
            except ValueError:
                # Not a URL ("http://[::1"): the next hop's check refuses it, and an error names it.
                location = response_headers["location"]
            if len(redirects) >= max_redirects:
                raise _refused(
                    TooManyRedirectsError,
                    "too_many_redirects",
                    url=original_url,
                    error_details={"location": location},
                    shown=shown_url(original_url),
                    count=max_redirects,
                )
            redirects.append(url)
            url = location
            if status == 303 or (status in (301, 302) and method == "POST"):
                method, body = "GET", None
            continue
        if status == 304 and cached:
            return FetchResponse(
                url=original_url,
                final_url=url,
                status=200,
                headers=cached["headers"],
                content=base64.b64decode(cached["content"]),
                from_cache=True,
                redirects=redirects,
            )
        if status == 429 or status >= 500:
            retry_after = _retry_after_seconds(response_headers.get("retry-after"))
            # Only the answers Retry-After is defined for (RFC 9110, RFC 6585) hold the host: a 500
            # that sends one anyway is not asking everyone else to wait.
            if retry_after and status in (429, 503):
                hold = retry_after if host_hold_max is None else min(retry_after, host_hold_max)
                host_back_off(target.host, hold, scope=scope)
            raise _refused(
                UpstreamUnavailableError,
                "upstream_unavailable",
                url=url,
                error_details={"status": status, "retry_after": retry_after},
                host=target.host,
                status=status,
            )
        if status >= 300:
            raise _refused(
                HTTPStatusError,
                "http_status",
                url=url,
                error_details={"status": status},
                host=target.host,
                status=status,
                shown=shown_url(url),
            )

        if use_cache and method == "GET" and len(content) <= CACHE_MAX_BODY_BYTES:
            validators = {
                "etag": response_headers.get("etag"),
                "last_modified": response_headers.get("last-modified"),
            }
            if any(validators.values()):
                kept_headers = {
                    k: v for k, v in response_headers.items() if k in ("content-type", "etag", "last-modified")
                }
                entry = {**validators, "headers": kept_headers, "content": base64.b64encode(content).decode()}
                _store_call("set", _cache_key(url), entry, settings.HTTP_CACHE_SECONDS)
        return FetchResponse(
            url=original_url,
            final_url=url,
            status=status,
            headers=response_headers,
            content=content,
            redirects=redirects,
        )


def backoff_delay(attempt: int, *, base: float | None = None, cap: float | None = None) -> float:
    """Full jitter (AWS "Exponential Backoff And Jitter"): uniform in [0, base * 2**attempt]."""
    base = settings.HTTP_RETRY_BACKOFF_SECONDS if base is None else base
    cap = settings.HTTP_RETRY_MAX_DELAY_SECONDS if cap is None else cap
    return random.uniform(0, min(cap, base * 2**attempt))  # noqa: S311 - jitter, not security


def fetch(
    url: str,
    *,
    method: str = "GET",
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
    timeout: float | None = None,
    total_timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
    allowed_content_types: Iterable[str] | None = None,
    respect_robots: bool = False,
    use_cache: bool = False,
    retries: int | None = None,
    resolver: Resolver | None = None,
    host_hold_max: float | None = None,
    rate_limit_scope: str | None = None,
    read_body: bool = True,
) -> FetchResponse:
    """Fetch `url` under the policy above; raise a `FetchError` subclass on refusal or failure.

    `respect_robots` is for crawler-like fetches (documents, link checks); documented APIs and
    an editor's own "import this URL" act as a user agent and skip it. Transient failures are
    retried `retries` times in-process when the wait is short (Retry-After beyond
    HTTP_RETRY_MAX_DELAY_SECONDS is left to the caller, e.g. a Celery countdown). A caller that
    caps how long it honours a Retry-After gives the cap as `host_hold_max`, so the hold on the
    host that a 429 or 503 sets is no longer: the error still carries the server's own wait.

    The per-host spacing and a Retry-After's hold apply to the host, shared by every caller. A
    caller whose rate limit is per credential rather than per host (a webhook URL: Slack and Teams
    limit each incoming-webhook URL) names its own `rate_limit_scope`: its requests are spaced and
    held in that scope only, and its 429 holds no one else's requests to the host. The scope is a
    key in the shared store, so it should not be a secret (hash one).

    `read_body=False` returns the status and headers without waiting for the body (`content` is
    empty): for a caller that only needs to know the answer, a slow or endless body then cannot
    hold it.

    `timeout` bounds each connect and each read; `total_timeout` (HTTP_TOTAL_TIMEOUT_SECONDS unless
    given) bounds each attempt as a whole: looking up the host's address, connecting, the TLS
    handshake, sending, the answer's headers and the body read, across its redirects (a wait for
    the host's slot is not counted). A server that trickles bytes, each inside `timeout`, is cut
    off there, and a lookup that hangs is a `FetchTimeoutError` when the time is up.
    """
    if params:
        url = f"{url}{'&' if urlsplit(url).query else '?'}{urlencode(params, doseq=True)}"
    request_headers = {
        "User-Agent": settings.HTTP_USER_AGENT,
        "Accept-Encoding": "gzip, deflate",
        **(headers or {}),
    }
    retries = settings.HTTP_RETRIES if retries is None else retries
    attempt = 0
    while True:
        try:
            return _fetch_attempt(
                url,
                method=method.upper(),
                headers=request_headers,
                body=body,
                timeout=settings.HTTP_TIMEOUT_SECONDS if timeout is None else timeout,
                total_timeout=settings.HTTP_TOTAL_TIMEOUT_SECONDS if total_timeout is None else total_timeout,
                max_bytes=settings.HTTP_MAX_RESPONSE_BYTES if max_bytes is None else max_bytes,
                max_redirects=settings.HTTP_MAX_REDIRECTS if max_redirects is None else max_redirects,
                allowed_content_types=tuple(allowed_content_types) if allowed_content_types else None,
                respect_robots=respect_robots,
                use_cache=use_cache,
                resolver=resolver,
                host_hold_max=host_hold_max,
                rate_limit_scope=rate_limit_scope,
                read_body=read_body,
            )
        except TransientFetchError as error:
            if attempt >= retries:
                raise
            delay = error.retry_after if error.retry_after is not None else backoff_delay(attempt)
            if delay > settings.HTTP_RETRY_MAX_DELAY_SECONDS:
                raise
            logger.info("Retrying %s in %.1fs: %s", shown_url(url), delay, error)
            sleep(delay)
            attempt += 1


# --- robots.txt -----------------------------------------------------------------------------


def robots_allowed(target: Target, *, resolver: Resolver | None = None) -> bool:
    """RFC 9309 for our User-Agent: 4xx means allowed, 5xx or unreachable means disallowed.

    Fetched through this same guarded client (urllib.robotparser would use its own unguarded
    downloader) and cached for a day in the shared store.
    """
    key = f"factcheck:fetch:robots:{target.origin}"
    cached = _store_call("get", key)
    if cached is None:
        try:
            response = fetch(
                f"{target.origin}/robots.txt",
                max_bytes=ROBOTS_MAX_BYTES,
                retries=0,
                resolver=resolver,
            )
            cached, ttl = {"rules": response.text()}, ROBOTS_CACHE_SECONDS
        except HTTPStatusError:
            cached, ttl = {"allow": True}, ROBOTS_CACHE_SECONDS
        except FetchError:
            cached, ttl = {"allow": False}, ROBOTS_UNREACHABLE_CACHE_SECONDS
        _store_call("set", key, cached, ttl)
    if "rules" not in cached:
        return bool(cached["allow"])
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(cached["rules"].splitlines())
    return parser.can_fetch(settings.HTTP_ROBOTS_USER_AGENT, target.url)


# --- Helpers for callers --------------------------------------------------------------------


def fetch_article_html(url: str, *, resolver: Resolver | None = None) -> tuple[str, str]:
    """Fetch a web page for URL import: (decoded HTML or text, final URL after redirects).

    An editor's own import acts as a user agent, so robots.txt is not consulted. Raises a
    `FetchError` subclass whose message is a one-line reason fit for the CLI and the form.
    """
    response = fetch(url, allowed_content_types=HTML_CONTENT_TYPES, resolver=resolver)
    if b"\x00" in response.content[:1024]:
        raise _refused(
            ContentTypeNotAllowedError,
            "binary_page",
            url=url,
            shown=response.final_url,
        )
    return response.text(), response.final_url
