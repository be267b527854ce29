"""The address lookup is part of a fetch attempt's total time: a resolver that hangs (getaddrinfo has
no timeout of its own) ends as a timeout when the total is up, and a slow lookup leaves the request
only what remains of it. Before, the attempt's time started after the lookup, however long it took."""

import threading
import time

import pytest

from apps.core import http
from tests.fakes import FakeResponse, FakeServer, network
from tests.timing import late_wake_up_seconds


@pytest.fixture(autouse=True)
def _fetch_settings(in_process_http_state, monkeypatch):
    network.install(monkeypatch)


@pytest.fixture
def slow_lookups(monkeypatch):
    """getaddrinfo answering 127.0.0.1 after `delay` seconds (set by the test), by default far
    longer than a test waits: the lookups still waiting are let go when it ends."""
    release = threading.Event()
    lookups = {"delay": 150.0, "started": []}
    real_getaddrinfo = http.socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host == "127.0.0.1":
            # The connection to the checked address: no lookup.
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups["started"].append(host)
        release.wait(lookups["delay"])
        return [(http.socket.AF_INET, http.socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(http.socket, "getaddrinfo", getaddrinfo)
    yield lookups
    release.set()


def test_a_hanging_lookup_is_a_timeout_when_the_total_time_is_up(slow_lookups):
    started = time.monotonic()
    with pytest.raises(http.FetchTimeoutError, match=r"Looking up hangs\.example took too long\.") as error:
        http.fetch("https://hangs.example/page", total_timeout=0.3, retries=0)

    assert 0.25 < time.monotonic() - started < 0.3 + late_wake_up_seconds()
    assert slow_lookups["started"] == ["hangs.example"]
    assert error.value.url == "https://hangs.example/page"
    # Transient: a later try (a Celery retry, the next webhook attempt) may find the resolver well.
    assert isinstance(error.value, http.TransientFetchError)


# 0.8 s of lookup and answer fit in 30 s however busy the machine; they never fit in 0.6 s.
@pytest.mark.parametrize(("total", "answered"), [(0.6, False), (30.0, True)], ids=["total used up", "time left"])
def test_the_lookups_time_is_taken_from_the_total(slow_lookups, settings, total, answered):
    slow_lookups["delay"] = 0.4
    with FakeServer({"/late": FakeResponse(body="late", delay=0.4)}) as server:
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [f"slow-dns.example:{server.port}"]
        url = f"http://slow-dns.example:{server.port}/late"

        if answered:
            assert http.fetch(url, total_timeout=total, timeout=5, retries=0).content == b"late"
        else:
            # 0.4 s looking up and 0.4 s waiting for the answer do not fit in 0.6 s.
            started = time.monotonic()
            with pytest.raises(http.FetchTimeoutError):
                http.fetch(url, total_timeout=total, timeout=5, retries=0)
            assert time.monotonic() - started < 0.6 + late_wake_up_seconds()
