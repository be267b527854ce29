"""The safe fetcher: SSRF refusals (before any connection), limits, retries, politeness, cache.

Only loopback is ever really connected to: the network guard patches `socket.connect` to refuse
anything else, and refusal tests also assert that no connection was attempted at all.
"""

import gzip
import os
import socket
import threading
import time

import pytest
import urllib3

from apps.core import http
from tests.fakes import FakeResponse, FakeServer, network
from tests.timing import cpu_time, late_wake_up_seconds, seconds_left_bounds, span

PUBLIC_IP = "93.184.216.34"


@pytest.fixture(autouse=True)
def guard(monkeypatch):
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_settings(in_process_http_state, settings):
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = []


@pytest.fixture
def sleeps(monkeypatch):
    """Record waits instead of sleeping."""
    recorded = []
    monkeypatch.setattr(http, "sleep", recorded.append)
    return recorded


@pytest.fixture
def serve(settings):
    servers = []

    def start(routes=None, *, allow=True):
        server = FakeServer(routes).start()
        if allow:
            settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


class StubResolver:
    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def __call__(self, host, port):
        self.calls.append((host, port))
        answer = self.answers[host]
        return list(answer.pop(0) if answer and isinstance(answer[0], list) else answer)


@pytest.fixture
def no_connections(monkeypatch):
    """Fail the test if urllib3 even tries to open a socket."""
    attempts = []

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"connection attempted to {address}")

    monkeypatch.setattr(urllib3.util.connection, "create_connection", refuse)
    monkeypatch.setattr(urllib3.connection.connection, "create_connection", refuse)
    return attempts


# --- SSRF: refused before any connection ----------------------------------------------------

FORBIDDEN_LITERALS = [
    "http://127.0.0.1/",
    "http://127.1/",
    "http://2130706433/",
    "http://0x7f.0.0.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://0177.0.0.1/",
    "http://0.0.0.0/",
    "http://[::1]/",
    "http://[::]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
    # IPv4-compatible (deprecated, RFC 4291) and IPv4-translated (SIIT, RFC 2765) spellings.
    "http://[::127.0.0.1]/",
    "http://[::169.254.169.254]/",
    "http://[::ffff:0:10.0.0.1]/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://[ff02::1]/",
    "http://10.0.0.5/",
    "http://172.16.0.1/",
    "http://172.31.255.254/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://100.100.100.200/latest/meta-data/",
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.1.1/",
    "http://198.18.0.1/",
    "http://192.0.2.1/",
    "http://224.0.0.1/",
    "http://240.0.0.1/",
    "http://255.255.255.255/",
    "https://10.1.2.3/",
]


@pytest.mark.parametrize("url", FORBIDDEN_LITERALS)
def test_non_public_ip_literals_are_refused_before_connecting(url, no_connections, guard):
    resolver = StubResolver({})

    with pytest.raises(http.AddressNotAllowedError) as error:
        http.fetch(url, resolver=resolver)

    assert "Refusing to fetch" in str(error.value)
    assert resolver.calls == []  # literals are judged without DNS
    assert no_connections == []
    assert guard.attempts == []


@pytest.mark.parametrize(
    ("host", "answer", "reason"),
    [
        ("localhost", ["127.0.0.1"], "loopback"),
        ("localhost.", ["127.0.0.1"], "loopback"),
        ("metadata.google.internal", ["169.254.169.254"], "cloud metadata"),
        ("intranet.example.com", ["10.0.0.1"], "private"),
        ("mixed.example.com", [PUBLIC_IP, "10.0.0.1"], "private"),
        ("v6.example.com", ["2606:2800:220:1::1", "fd12::1"], "unique local"),
        ("cgnat.example.com", ["100.64.1.1"], "carrier-grade NAT"),
        ("mapped.example.com", ["::ffff:192.168.0.1"], "private"),
    ],
)
def test_host_names_resolving_to_non_public_addresses_are_refused(host, answer, reason, no_connections, guard):
    resolver = StubResolver({host.rstrip("."): answer})

    with pytest.raises(http.AddressNotAllowedError) as error:
        http.fetch(f"http://{host}/page", resolver=resolver)

    assert reason in str(error.value)
    assert len(resolver.calls) == 1
    assert no_connections == []
    assert guard.attempts == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "gopher://example.com/",
        "ftp://example.com/file",
        "dict://example.com:11211/",
        "data:text/html,hello",
        "javascript:alert(1)",
        "http://user:secret@example.com/",
        "http://example.com:6379/",
        "http://example.com:25/",
        "http://exa mple.com/",
        "http:///nohost",
        "http://example.com\x00.evil/",
    ],
)
def test_schemes_credentials_ports_and_malformed_urls_are_refused(url, no_connections):
    resolver = StubResolver({"example.com": [PUBLIC_IP]})

    with pytest.raises(http.URLNotAllowedError):
        http.fetch(url, resolver=resolver)

    assert no_connections == []


@pytest.mark.parametrize("url", ["http://a..b.com/", f"http://{'a' * 64}.example.org/", "http://.example.org/"])
def test_host_names_with_an_empty_or_over_long_label_are_refused_before_resolving(url, monkeypatch, no_connections):
    lookups = []
    monkeypatch.setattr(http.socket, "getaddrinfo", lambda *args, **kwargs: lookups.append(args) or [])

    with pytest.raises(http.URLNotAllowedError, match="Invalid host name"):
        http.fetch(url)

    assert lookups == []


def test_unresolvable_host_is_a_clear_error(no_connections):
    def resolver(host, port):
        raise http.DNSResolutionError(f"Cannot resolve {host}.")

    with pytest.raises(http.DNSResolutionError, match=r"Cannot resolve nowhere\.invalid"):
        http.fetch("http://nowhere.invalid/", resolver=resolver)


def test_connection_goes_to_the_checked_address_not_a_second_lookup(guard):
    """DNS rebinding: the first answer is public, a second lookup would say loopback."""
    resolver = StubResolver({"rebind.example.com": [[PUBLIC_IP], ["127.0.0.1"]]})

    with pytest.raises(network.NonLoopbackConnectionError):
        http.fetch("http://rebind.example.com/", resolver=resolver, retries=0)

    assert resolver.calls == [("rebind.example.com", 80)]
    assert guard.attempts == [(PUBLIC_IP, 80)]


def test_pinned_connection_keeps_the_host_header(serve, settings):
    server = serve(allow=False)
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [f"fake.test:{server.port}"]
    server.routes["/hello"] = FakeResponse.html("<p>hi</p>")
    resolver = StubResolver({"fake.test": ["127.0.0.1"]})

    response = http.fetch(f"http://fake.test:{server.port}/hello", resolver=resolver)

    assert response.content == b"<p>hi</p>"
    assert server.requests[0].headers["host"] == f"fake.test:{server.port}"


def test_redirect_from_an_allowed_host_to_loopback_is_refused(serve, settings):
    victim = serve(allow=False)
    victim.routes["/admin"] = FakeResponse(body="secret")
    settings.HTTP_ALLOWED_PORTS = [80, 443, victim.port]
    server = serve({"/go": FakeResponse.redirect(victim.url("/admin"))})

    with pytest.raises(http.AddressNotAllowedError, match="loopback"):
        http.fetch(server.url("/go"))

    assert victim.requests == []


def test_redirect_to_cloud_metadata_is_refused_before_connecting(serve, guard):
    server = serve({"/go": FakeResponse.redirect("http://169.254.169.254/latest/meta-data/")})

    with pytest.raises(http.AddressNotAllowedError, match="cloud metadata"):
        http.fetch(server.url("/go"))

    assert guard.attempts == []


def test_too_many_redirects(serve, settings):
    settings.HTTP_MAX_REDIRECTS = 3
    server = serve()
    for hop in range(5):
        server.routes[f"/r{hop}"] = FakeResponse.redirect(f"/r{hop + 1}")

    with pytest.raises(http.TooManyRedirectsError, match="more than 3"):
        http.fetch(server.url("/r0"))

    assert len(server.requests) == 4


def test_redirects_are_followed_and_credentials_do_not_cross_origins(serve):
    other = serve({"/final": FakeResponse.html("done")})
    server = serve({"/start": FakeResponse.redirect(other.url("/final"), status=301)})

    response = http.fetch(server.url("/start"), headers={"Authorization": "Bearer t0ken", "Cookie": "a=b"})

    assert response.final_url == other.url("/final")
    assert response.redirects == [server.url("/start")]
    assert "authorization" in server.requests[0].headers
    assert "authorization" not in other.requests[0].headers
    assert "cookie" not in other.requests[0].headers


def test_proxy_settings_in_the_environment_are_ignored(serve, guard, monkeypatch):
    monkeypatch.setenv("HTTP_PROXY", "http://10.0.0.1:3128")
    monkeypatch.setenv("http_proxy", "http://10.0.0.1:3128")
    server = serve({"/": FakeResponse.html("direct")})

    assert http.fetch(server.url("/")).content == b"direct"
    assert guard.attempts == []


def test_address_policy_table():
    assert http.address_refusal(PUBLIC_IP) is None
    assert http.address_refusal("2606:2800:220:1:248:1893:25c8:1946") is None
    assert http.address_refusal("::ffff:8.8.8.8") is None
    assert http.address_refusal("169.254.169.254") == http.AddressRefusal("cloud metadata")
    assert http.address_refusal("::ffff:127.0.0.1") == http.AddressRefusal("loopback", carries="127.0.0.1")


@pytest.fixture
def tls_server(tmp_path, settings):
    """An HTTPS server on 127.0.0.1 with a self-signed certificate for the name tls.test."""
    import shutil
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=tls.test",
         "-addext", "subjectAltName=DNS:tls.test", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers.get("Host"))
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    port = server.server_address[1]
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [f"tls.test:{port}"]
    yield port, cert, seen
    server.shutdown()
    server.server_close()


def test_tls_certificates_are_verified_for_the_host_name_not_the_pinned_ip(tls_server):
    port, _cert, seen = tls_server
    resolver = StubResolver({"tls.test": ["127.0.0.1"]})

    with pytest.raises(http.FetchConnectionError, match="TLS"):
        http.fetch(f"https://tls.test:{port}/", resolver=resolver, retries=0)

    assert seen == []


def test_tls_with_a_trusted_certificate_uses_sni_and_the_host_header(tls_server, monkeypatch):
    port, cert, seen = tls_server
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    resolver = StubResolver({"tls.test": ["127.0.0.1"]})

    response = http.fetch(f"https://tls.test:{port}/", resolver=resolver, retries=0)

    assert response.content == b"ok"
    assert seen == [f"tls.test:{port}"]


# --- Limits ---------------------------------------------------------------------------------


def test_declared_oversized_body_is_refused_before_reading(serve, settings):
    settings.HTTP_MAX_RESPONSE_BYTES = 1000
    server = serve({"/big": FakeResponse(body=b"x" * 5000)})

    with pytest.raises(http.ResponseTooLargeError, match="limit is 1000"):
        http.fetch(server.url("/big"))


def test_compression_bomb_stops_at_the_decoded_size_cap(serve, settings):
    settings.HTTP_MAX_RESPONSE_BYTES = 1024 * 1024
    bomb = b"\0" * (50 * 1024 * 1024)
    server = serve({"/bomb": FakeResponse(body=bomb, gzip_body=True)})
    assert len(gzip.compress(bomb)) < 100 * 1024

    with cpu_time() as used, pytest.raises(http.ResponseTooLargeError, match="decoded"):
        http.fetch(server.url("/bomb"))
    assert used.seconds < 5


def test_gzip_bodies_are_decoded(serve):
    server = serve({"/z": FakeResponse.html("<p>squeezed</p>", gzip_body=True)})
    assert http.fetch(server.url("/z")).content == b"<p>squeezed</p>"


def test_a_slow_drip_is_cut_at_the_total_deadline(serve, settings):
    settings.HTTP_TOTAL_TIMEOUT_SECONDS = 1.0
    # 150 s of body, each byte well inside the read timeout.
    server = serve({"/drip": FakeResponse(body=b"x" * 3000, drip_bytes_per_second=20)})

    started = time.monotonic()
    with pytest.raises(http.FetchTimeoutError):
        http.fetch(server.url("/drip"), retries=0)
    assert time.monotonic() - started < 1.0 + late_wake_up_seconds()


def test_a_silent_server_times_out(serve):
    server = serve({"/slow": FakeResponse(body="late", delay=2)})

    with pytest.raises(http.FetchTimeoutError):
        http.fetch(server.url("/slow"), timeout=0.3, retries=0)


def test_binary_content_is_refused_before_the_body_is_read(serve):
    server = serve({"/img": FakeResponse(body=b"\x89PNG" + b"\0" * 100, headers={"Content-Type": "image/png"})})

    with pytest.raises(http.ContentTypeNotAllowedError, match="image/png"):
        http.fetch_article_html(server.url("/img"))


# --- Retries --------------------------------------------------------------------------------


def test_5xx_is_retried_with_jittered_backoff_then_succeeds(serve, sleeps, settings):
    settings.HTTP_RETRY_BACKOFF_SECONDS = 0.5
    server = serve({"/flaky": [FakeResponse(status=503), FakeResponse(status=502), FakeResponse.html("ok")]})

    response = http.fetch(server.url("/flaky"), retries=2)

    assert response.content == b"ok"
    assert len(server.requests) == 3
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 0.5
    assert 0 <= sleeps[1] <= 1.0


def test_backoff_delays_are_spread_out():
    delays = {round(http.backoff_delay(3, base=1.0, cap=100), 6) for _ in range(50)}
    assert len(delays) > 40
    assert all(0 <= delay <= 8 for delay in delays)


def test_429_honours_a_short_retry_after(serve, sleeps):
    server = serve({"/limited": [FakeResponse(status=429, headers={"Retry-After": "2"}), FakeResponse.html("ok")]})

    assert http.fetch(server.url("/limited")).content == b"ok"
    assert 2 in sleeps


def test_a_long_retry_after_is_left_to_the_caller_and_holds_off_the_host(serve, sleeps):
    server = serve({"/limited": FakeResponse(status=429, headers={"Retry-After": "120"})})

    with span() as held_from, pytest.raises(http.UpstreamUnavailableError) as error:
        http.fetch(server.url("/limited"))

    assert error.value.retry_after == 120
    assert error.value.status == 429
    assert len(server.requests) == 1
    # Every worker now keeps away from that host, for what is left of the wait, instead of asking again.
    with span() as asked_again, pytest.raises(http.UpstreamUnavailableError) as held:
        http.fetch(server.url("/limited"))
    least, most = seconds_left_bounds(120, started=held_from, read=asked_again)
    assert least <= held.value.retry_after <= most
    assert len(server.requests) == 1


def test_a_retry_after_in_a_rate_limit_scope_holds_that_scope_only(serve, sleeps):
    # Webhook URLs on one host (Slack's) each have their own limit.
    server = serve({"/a": FakeResponse(status=429, headers={"Retry-After": "120"}), "/b": FakeResponse.html("ok")})

    with span() as held_from, pytest.raises(http.UpstreamUnavailableError):
        http.fetch(server.url("/a"), retries=0, rate_limit_scope="credential-a")

    assert http.fetch(server.url("/b"), rate_limit_scope="credential-b").content == b"ok"
    assert http.fetch(server.url("/b")).content == b"ok"
    with span() as asked_again, pytest.raises(http.UpstreamUnavailableError) as held:
        http.fetch(server.url("/b"), retries=0, rate_limit_scope="credential-a")
    least, most = seconds_left_bounds(120, started=held_from, read=asked_again)
    assert least <= held.value.retry_after <= most
    assert [request.path for request in server.requests] == ["/a", "/b", "/b"]
    with span() as read:
        remaining = http.host_hold_remaining("127.0.0.1", scope="credential-a")
    least, most = seconds_left_bounds(120, started=held_from, read=read)
    assert least <= remaining <= most
    assert http.host_hold_remaining("127.0.0.1") == 0


def test_a_retry_after_on_a_500_does_not_hold_the_host(serve, sleeps):
    # RFC 9110 gives Retry-After to 503 (and RFC 6585 to 429); a 500 sending one asks no one to wait.
    broken = FakeResponse(status=500, headers={"Retry-After": "120"})
    server = serve({"/broken": broken, "/ok": FakeResponse.html("ok")})

    with pytest.raises(http.UpstreamUnavailableError) as error:
        http.fetch(server.url("/broken"), retries=0)

    assert error.value.retry_after == 120
    assert http.fetch(server.url("/ok")).content == b"ok"
    assert http.host_hold_remaining("127.0.0.1") == 0


def test_a_caller_that_does_not_read_the_body_does_not_wait_for_it(serve, settings):
    # A body taking 150 s to come, and a total time longer still: reading any of it would be seen.
    settings.HTTP_TOTAL_TIMEOUT_SECONDS = 300
    server = serve({"/slow": FakeResponse(status=200, body="x" * 3000, drip_bytes_per_second=20)})

    started = time.monotonic()
    response = http.fetch(server.url("/slow"), read_body=False)

    assert time.monotonic() - started < late_wake_up_seconds()
    assert (response.status, response.content) == (200, b"")


@pytest.mark.parametrize("retry_after", ["\u00b2", "9" * 400])
def test_a_retry_after_that_is_no_number_of_seconds_is_ignored_not_a_crash(serve, sleeps, retry_after):
    # "²" passes str.isdigit() but not float(); 400 nines make an infinite wait, which would hold
    # the host off for ever.
    limited = FakeResponse(status=429, headers={"Retry-After": retry_after})
    server = serve({"/limited": [limited, FakeResponse.html("ok")]})

    assert http.fetch(server.url("/limited")).content == b"ok"
    assert len(server.requests) == 2
    assert all(wait < 60 for wait in sleeps)


def test_a_long_wait_for_a_busy_host_is_not_slept_through(settings, sleeps):
    # Minutes apart, not seconds: the slots are counted from the first request, however long the
    # machine takes between the calls.
    settings.HTTP_HOST_MIN_INTERVALS = {"paced.example": 600.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 1000

    with span() as first_slot_taken:
        http.host_slot_wait("paced.example")
    http.host_slot_wait("paced.example")
    with span() as asked, pytest.raises(http.UpstreamUnavailableError) as error:
        http.host_slot_wait("paced.example")

    assert len(sleeps) == 1
    least, most = seconds_left_bounds(1200, started=first_slot_taken, read=asked)
    assert least <= error.value.retry_after <= most
    assert error.value.retry_after > settings.HTTP_RETRY_MAX_DELAY_SECONDS


def test_a_caller_refused_a_slot_it_would_not_wait_for_does_not_push_back_the_next_one(settings, sleeps):
    settings.HTTP_HOST_MIN_INTERVALS = {"paced.example": 400.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 1000
    with span() as first_slot_taken:
        http.host_slot_wait("paced.example")
    for _ in range(2):
        http.host_slot_wait("paced.example")  # slots in 400 s and in 800 s

    for _ in range(3):
        with span() as asked, pytest.raises(http.HostBusyError) as busy:
            http.host_slot_wait("paced.example")
        # Each is told the same 1200 s from the first: the slot none of them took is still the next free one.
        least, most = seconds_left_bounds(1200, started=first_slot_taken, read=asked)
        assert least <= busy.value.retry_after <= most


def _trickling_server(head: bytes, trickle: bytes, *, seconds_per_byte: float) -> socket.socket:
    """A server on 127.0.0.1 that sends `head` at once, then `trickle` a byte at a time: each read
    is quick, the whole slow."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve_one() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(head)
            for byte in trickle:
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(seconds_per_byte)

    threading.Thread(target=serve_one, daemon=True).start()
    return listener


@pytest.mark.parametrize(
    ("head", "trickle"),
    # 150 s of trickle, far past the deadline and the time allowed past it.
    [
        (b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 1500 + b"\r\nContent-Length: 2\r\n\r\nok"),
        # Cut at the deadline, a body without a length would look complete: it is a timeout all the same.
        (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n", b"a" * 1500),
    ],
    ids=["headers", "body-without-length"],
)
def test_an_answer_trickling_in_is_cut_at_the_total_time(settings, head, trickle):
    # Every byte comes well inside the read timeout; the total time still bounds the request.
    settings.HTTP_TOTAL_TIMEOUT_SECONDS = 1
    with _trickling_server(head, trickle, seconds_per_byte=0.1) as listener:
        host = f"127.0.0.1:{listener.getsockname()[1]}"
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [host]
        started = time.monotonic()
        with pytest.raises(http.FetchTimeoutError):
            http.fetch(f"http://{host}/slow", retries=0, timeout=5)

    assert time.monotonic() - started < 1 + late_wake_up_seconds()


def test_4xx_is_not_retried(serve, sleeps):
    server = serve({"/missing": FakeResponse(status=404)})

    with pytest.raises(http.HTTPStatusError) as error:
        http.fetch(server.url("/missing"))

    assert error.value.status == 404
    assert len(server.requests) == 1
    assert sleeps == []


def test_api_keys_in_query_strings_stay_out_of_error_messages(serve):
    server = serve({"/api": FakeResponse(status=403)})

    with pytest.raises(http.HTTPStatusError) as error:
        http.fetch(server.url("/api"), params={"key": "SECRET-KEY"})

    assert "SECRET-KEY" not in str(error.value)


def test_malformed_json_is_a_clear_error(serve):
    server = serve({"/json": FakeResponse(body="Please limit requests", headers={"Content-Type": "text/plain"})})

    with pytest.raises(http.MalformedResponseError, match="Please limit requests"):
        http.fetch(server.url("/json")).json()


# --- Politeness and cache -------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_minimum_interval(serve, sleeps, settings):
    # Minutes, so that the first request, however slowly it goes, is over well within the interval.
    settings.HTTP_HOST_MIN_INTERVALS = {"127.0.0.1": 300.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 600
    server = serve({"/": FakeResponse.html("ok")})

    with span() as first:
        http.fetch(server.url("/"))
    with span() as second:
        http.fetch(server.url("/"))

    assert len(sleeps) == 1
    least, most = seconds_left_bounds(300, started=first, read=second)
    assert least <= sleeps[0] <= most


def test_user_agent_names_the_app_and_a_contact(serve, settings):
    server = serve({"/": FakeResponse.html("ok")})
    http.fetch(server.url("/"))
    user_agent = server.requests[0].headers["user-agent"]
    assert user_agent == settings.HTTP_USER_AGENT
    assert "factcheck" in user_agent
    assert "@" in user_agent


@pytest.mark.parametrize(
    ("robots", "allowed"),
    [
        (FakeResponse(body="User-agent: *\nDisallow: /private\n", headers={"Content-Type": "text/plain"}), False),
        (FakeResponse(status=404), True),
        (FakeResponse(status=503), False),
    ],
)
def test_robots_txt_is_honoured_when_asked(serve, robots, allowed):
    server = serve({"/robots.txt": robots, "/private/page": FakeResponse.html("page")})

    if allowed:
        assert http.fetch(server.url("/private/page"), respect_robots=True, retries=0).content == b"page"
    else:
        with pytest.raises(http.RobotsDisallowedError):
            http.fetch(server.url("/private/page"), respect_robots=True, retries=0)
        assert server.requests_to("/private/page") == []


def test_robots_txt_is_fetched_once_and_cached(serve):
    server = serve({"/robots.txt": FakeResponse(body="User-agent: *\nAllow: /\n"), "/a": FakeResponse.html("a")})

    http.fetch(server.url("/a"), respect_robots=True)
    http.fetch(server.url("/a"), respect_robots=True)

    assert len(server.requests_to("/robots.txt")) == 1


def test_etag_revalidation_serves_the_cached_body(serve):
    def page(request):
        if request.headers.get("if-none-match") == '"v1"':
            return FakeResponse(status=304, headers={"ETag": '"v1"'})
        return FakeResponse.html("version one", headers={"ETag": '"v1"'})

    server = serve({"/doc": page})

    first = http.fetch(server.url("/doc"), use_cache=True)
    second = http.fetch(server.url("/doc"), use_cache=True)

    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.content == b"version one"
    assert server.requests[1].headers["if-none-match"] == '"v1"'


def test_last_modified_revalidation(serve):
    stamp = "Tue, 11 Dec 2012 10:00:00 GMT"

    def page(request):
        if request.headers.get("if-modified-since") == stamp:
            return FakeResponse(status=304)
        return FakeResponse.html("text", headers={"Last-Modified": stamp})

    server = serve({"/doc": page})
    http.fetch(server.url("/doc"), use_cache=True)
    assert http.fetch(server.url("/doc"), use_cache=True).from_cache


# --- URL import helper ----------------------------------------------------------------------


def test_fetch_article_html_returns_text_and_final_url(serve):
    page = "<html><head><title>Ünïcode</title></head><body>Body</body></html>"
    server = serve({"/old": FakeResponse.redirect("/new"), "/new": FakeResponse.html(page)})

    html, final_url = http.fetch_article_html(server.url("/old"))

    assert html == page
    assert final_url == server.url("/new")


def test_fetch_article_html_refuses_private_addresses_with_a_one_line_reason():
    with pytest.raises(http.FetchError) as error:
        http.fetch_article_html("http://192.168.0.10/article")
    assert "\n" not in str(error.value)


# --- Shared state in Redis ------------------------------------------------------------------


@pytest.mark.redis
def test_a_slot_refused_through_redis_is_not_taken(settings, sleeps):
    settings.HTTP_SHARED_STATE_URL = os.environ["REDIS_URL"]
    settings.HTTP_HOST_MIN_INTERVALS = {"shared.example": 600.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 1000
    http.shared_store().clear()
    try:
        # Redis counts the slots on its own clock, the machine's, in whole milliseconds.
        with span(time.time) as first_slot_taken:
            http.host_slot_wait("shared.example")
        http.host_slot_wait("shared.example")
        for _ in range(2):
            with span(time.time) as asked, pytest.raises(http.HostBusyError) as busy:
                http.host_slot_wait("shared.example")
            least, most = seconds_left_bounds(1200, started=first_slot_taken, read=asked, resolution=0.001)
            assert least <= busy.value.retry_after <= most
    finally:
        http.shared_store().clear()


@pytest.mark.redis
def test_each_redis_key_prefix_keeps_its_own_shared_state(settings, sleeps):
    settings.HTTP_SHARED_STATE_URL = os.environ["REDIS_URL"]
    settings.HTTP_HOST_MIN_INTERVALS = {"prefixed.example": 600.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 1  # a taken slot is refused rather than waited for
    # Under this process's own prefix: a parallel test worker has one (tests/conftest.py).
    desk_a, desk_b = f"{settings.REDIS_KEY_PREFIX}desk-a:", f"{settings.REDIS_KEY_PREFIX}desk-b:"
    settings.REDIS_KEY_PREFIX = desk_a
    store_a = http.shared_store()
    store_a.clear()
    try:
        http.shared_put("factcheck:fetch:robots:prefixed.example", {"allowed": True}, 60)
        http.host_slot_wait("prefixed.example")
        names = {"factcheck:fetch:robots:prefixed.example", "factcheck:fetch:slot:prefixed.example"}
        assert store_a.keys() == names
        assert {key.decode() for key in store_a._client.scan_iter(f"{desk_a}*")} == {desk_a + name for name in names}

        settings.REDIS_KEY_PREFIX = desk_b
        assert http.shared_get("factcheck:fetch:robots:prefixed.example") is None
        http.host_slot_wait("prefixed.example")  # desk A's slot does not hold desk B
        http.shared_store().clear()
        assert sleeps == []

        settings.REDIS_KEY_PREFIX = desk_a
        assert http.shared_get("factcheck:fetch:robots:prefixed.example") == {"allowed": True}
        with pytest.raises(http.HostBusyError):
            http.host_slot_wait("prefixed.example")
    finally:
        store_a.clear()


@pytest.mark.redis
def test_rate_limit_slots_are_shared_through_redis(settings, sleeps):
    settings.HTTP_SHARED_STATE_URL = os.environ["REDIS_URL"]
    settings.HTTP_HOST_MIN_INTERVALS = {"shared.example": 300.0}
    settings.HTTP_RETRY_MAX_DELAY_SECONDS = 600
    http.shared_store().clear()

    with span(time.time) as first:
        http.host_slot_wait("shared.example")
    with span(time.time) as second:
        http.host_slot_wait("shared.example")

    assert len(sleeps) == 1
    least, most = seconds_left_bounds(300, started=first, read=second, resolution=0.001)
    assert least <= sleeps[0] <= most
    http.shared_store().clear()
