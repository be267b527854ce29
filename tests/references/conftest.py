import pytest

from tests.fakes import FakeServer, network


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    """No test in this package may reach a non-loopback address, whatever the code does."""
    return network.install(monkeypatch)


@pytest.fixture(autouse=True)
def _fetch_state(in_process_http_state):
    pass


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
