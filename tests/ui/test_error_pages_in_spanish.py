"""The sign-in page and the error pages are in the visitor's language, signed in or not: a Spanish
browser gets them in Spanish, the 500 page included, which Django draws without the request."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


def test_the_sign_in_page_and_a_wrong_password_are_in_spanish(client):
    factories.UserFactory(username="lucia")
    page = client.get("/login/", headers=SPANISH)
    assert "<h1>Iniciar sesión</h1>" in page.text
    assert ">Contraseña</label>" in page.text

    refused = client.post("/login/", {"username": "lucia", "password": "not-her-password"}, headers=SPANISH)
    assert refused.status_code == 200
    assert '<html lang="es">' in refused.text
    assert "Por favor, introduzca un nombre de usuario y clave correctos." in refused.text


def test_a_page_that_is_not_there_is_in_spanish_signed_out_and_signed_in(client, editor):
    for _ in ("signed out", "signed in"):
        page = client.get("/no-such-page/", headers=SPANISH)
        assert page.status_code == 404
        assert '<html lang="es">' in page.text
        assert "<h1>No encontrado</h1>" in page.text
        assert ">Volver al panel</a>" in page.text
        client.force_login(editor)


def test_something_outside_the_desks_is_not_found_in_spanish(client, editor):
    client.force_login(editor)
    page = client.get("/desks/nowhere/report/", headers=SPANISH)
    assert page.status_code == 404
    assert "<title>No encontrado · factcheck</title>" in page.text
    assert '<p class="lead">No se encontró la mesa.</p>' in page.text


def test_a_server_error_is_in_spanish(desk_admin, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("apps.web.views.desks.desk_members", broken)
    client = Client(raise_request_exception=False)
    client.force_login(desk_admin)

    page = client.get("/desks/world/people/", headers=SPANISH)
    assert page.status_code == 500
    assert '<html lang="es">' in page.text
    assert "<title>Error del servidor · factcheck</title>" in page.text
    assert "<h1>Algo salió mal</h1>" in page.text

    english = client.get("/desks/world/people/", headers={"accept-language": "en"})
    assert '<html lang="en">' in english.text
    assert "<h1>Something went wrong</h1>" in english.text


def test_a_forms_address_opened_as_a_page_is_in_spanish(client, editor):
    client.force_login(editor)
    page = client.get("/logout/", headers=SPANISH)
    assert page.status_code == 405
    assert "<h1>No hay nada que abrir aquí</h1>" in page.text
    assert "use el botón Cerrar sesión" in page.text


def test_an_expired_form_is_in_spanish_with_what_was_typed():
    client = Client(enforce_csrf_checks=True)
    page = client.post(
        "/login/",
        {"reason": "Una previsión, no una afirmación."},
        headers={**SPANISH, "referer": "http://testserver/login/"},
    )
    assert page.status_code == 403
    assert "<h1>Este formulario ha caducado</h1>" in page.text
    assert ">Su motivo</label>" in page.text
    assert ">Volver a la página y enviarlo de nuevo</a>" in page.text
