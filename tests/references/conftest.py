import pytest

from apps.core import http
from tests.fakes import FakeServer, network


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    """No test in this package may reach a non-loopback address, whatever the code does."""
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(settings):
    # In-process politeness state, no waiting between requests, nothing shared between tests.
    settings.HTTP_SHARED_STATE_URL = ""
    settings.HTTP_HOST_MIN_INTERVAL_SECONDS = 0
    settings.HTTP_HOST_MIN_INTERVALS = {}
    http._local_store.clear()
    yield
    http._local_store.clear()


@pytest.fixture
def fake_server(settings):
    """Start fake upstreams on 127.0.0.1: `server = fake_server({path: handler})`."""
    servers = []

    def start(routes=None):
        server = FakeServer(routes).start()
        settings.HTTP_ALLOWED_PRIVATE_HOSTS = [*settings.HTTP_ALLOWED_PRIVATE_HOSTS, server.host]
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
