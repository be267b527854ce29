import pytest


@pytest.fixture
def admin_client(client, desk_admin):
    client.force_login(desk_admin)
    return client
