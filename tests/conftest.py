import os

import pytest
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def desk(db):
    return factories.DeskFactory(name="World desk", slug="world")


@pytest.fixture
def other_desk(db):
    return factories.DeskFactory(name="Sports desk", slug="sports")


@pytest.fixture
def editor(desk):
    return factories.MemberFactory(desk=desk, role="editor", username="edith").user


@pytest.fixture
def reviewer(desk):
    return factories.MemberFactory(desk=desk, role="reviewer", username="rachel").user


@pytest.fixture
def second_reviewer(desk):
    return factories.MemberFactory(desk=desk, role="reviewer", username="roger").user


@pytest.fixture
def outsider(other_desk):
    return factories.MemberFactory(desk=other_desk, role="editor", username="oscar").user


def _client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def editor_api(editor):
    return _client_for(editor)


@pytest.fixture
def reviewer_api(reviewer):
    return _client_for(reviewer)


@pytest.fixture
def outsider_api(outsider):
    return _client_for(outsider)


@pytest.fixture
def anonymous_api():
    return APIClient()


SEED_DIR = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "seed")


@pytest.fixture
def seed_bytes():
    """The sample article, read from ../shared/seed (never copied into the project)."""
    directory = os.environ.get("FACTCHECK_SEED_DIR", SEED_DIR)
    names = sorted(n for n in os.listdir(directory) if n.endswith(".txt"))
    with open(os.path.join(directory, names[0]), "rb") as handle:
        return handle.read()
