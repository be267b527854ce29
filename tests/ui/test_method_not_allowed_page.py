"""A form's address opened as a page (a GET of /logout/, of the admin's logout) is answered with a
page that says what the address is for and leads back, not an empty 405 that Chromium replaces
with its own "This page isn't working". The status and its Allow header stay."""

import pytest

pytestmark = pytest.mark.django_db


def test_opening_the_logout_address_explains_itself_and_offers_the_way_to_log_out(client, editor):
    client.force_login(editor)

    response = client.get("/logout/")

    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"
    page = response.content.decode()
    assert "<title>Nothing to open here · factcheck</title>" in page
    assert "To log out, use the Log out button at the top of this page." in page
    assert 'action="/logout/"' in page  # the header's Log out button


def test_the_admin_logout_address_offers_the_same_way_to_log_out(root_client):
    response = root_client.get("/admin/logout/")

    assert response.status_code == 405
    page = response.content.decode()
    assert "Nothing was changed." in page
    assert "To log out, use the Log out button at the top of this page." in page


def test_a_form_address_opened_signed_out_leads_back_without_the_log_out_hint(client):
    response = client.get("/logout/")

    assert response.status_code == 405
    page = response.content.decode()
    assert "Nothing was changed." in page
    assert "Log out" not in page
    assert '<a href="/">Back to the dashboard</a>' in page


def test_the_api_keeps_its_own_405_answer(editor_api):
    response = editor_api.delete("/api/v1/articles/")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
