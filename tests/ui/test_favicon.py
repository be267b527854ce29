"""Every page names an icon and /favicon.ico leads to it, so browsers stop logging a 404 per page."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_link_the_icon(client, editor_client):
    icon = f'<link rel="icon" href="{static("img/favicon.svg")}" type="image/svg+xml">'

    assert icon in client.get(reverse("login")).content.decode()
    assert icon in editor_client.get(reverse("dashboard")).content.decode()


def test_the_icon_is_a_static_file():
    path = finders.find("img/favicon.svg")

    assert path is not None
    with open(path, encoding="utf-8") as handle:
        assert handle.read().startswith("<svg")


def test_favicon_ico_redirects_to_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == static("img/favicon.svg")
