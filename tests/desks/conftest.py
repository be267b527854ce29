import pytest
from rest_framework.test import APIClient


@pytest.fixture
def desk_admin_api(desk_admin):
    client = APIClient()
    client.force_authenticate(desk_admin)
    return client


@pytest.fixture
def admin_client(client, desk_admin):
    client.force_login(desk_admin)
    return client
