"""The sign-in page and the error pages in each language of the interface but English, for a browser
asking for it, the 500 page included, which Django draws without the request."""

import pytest
from django.conf import settings
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

# What each language's browser asks for, and the words of the pages it gets (Django's own refusal of a
# wrong password included).
PAGES = {
    "es": {
        "browser": "es-ES,es;q=0.9",
        "log_in": "Iniciar sesión",
        "password": "Contraseña",
        "wrong_password": "Por favor, introduzca un nombre de usuario y clave correctos.",
        "not_found": "No encontrado",
        "back": "Volver al panel",
        "no_desk": "No se encontró la mesa.",
        "server_error": "Error del servidor",
        "went_wrong": "Algo salió mal",
    },
    "fr": {
        "browser": "fr-FR,fr;q=0.9",
        "log_in": "Se connecter",
        "password": "Mot de passe",
        "wrong_password": "Saisissez un nom d\u2019utilisateur et un mot de passe valides.",
        "not_found": "Introuvable",
        "back": "Retour au tableau de bord",
        "no_desk": "Rédaction introuvable.",
        "server_error": "Erreur du serveur",
        "went_wrong": "Un problème est survenu",
    },
    "pt-br": {
        "browser": "pt-BR,pt;q=0.9",
        "log_in": "Entrar",
        "password": "Senha",
        "wrong_password": "Por favor, entre com um usuário",
        "not_found": "Não encontrado",
        "back": "Voltar ao painel",
        "no_desk": "Redação não encontrada.",
        "server_error": "Erro do servidor",
        "went_wrong": "Algo deu errado",
    },
}
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_every_language_of_the_interface_is_checked():
    assert set(PAGES) == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_sign_in_page_and_a_wrong_password_are_in_the_browsers_language(client, language):
    words = PAGES[language]
    browser = {"accept-language": words["browser"]}
    factories.UserFactory(username="lucie")
    page = client.get("/login/", headers=browser)
    assert f"<h1>{words['log_in']}</h1>" in page.text
    assert f">{words['password']}</label>" in page.text

    refused = client.post("/login/", {"username": "lucie", "password": "not-her-password"}, headers=browser)
    assert refused.status_code == 200
    assert f'<html lang="{language}">' in refused.text
    assert words["wrong_password"] in refused.text


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_page_that_is_not_there_is_in_the_browsers_language(client, editor, language):
    words = PAGES[language]
    browser = {"accept-language": words["browser"]}
    client.force_login(editor)
    page = client.get("/no-such-page/", headers=browser)
    assert page.status_code == 404
    assert f'<html lang="{language}">' in page.text
    assert f"<h1>{words['not_found']}</h1>" in page.text
    assert f">{words['back']}</a>" in page.text

    desk = client.get("/desks/nowhere/report/", headers=browser)
    assert f'<p class="lead">{words["no_desk"]}</p>' in desk.text


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_server_error_is_in_the_browsers_language(desk_admin, monkeypatch, language):
    words = PAGES[language]

    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("apps.web.views.desks.desk_members", broken)
    client = Client(raise_request_exception=False)
    client.force_login(desk_admin)

    page = client.get("/desks/world/people/", headers={"accept-language": words["browser"]})
    assert page.status_code == 500
    assert f'<html lang="{language}">' in page.text
    assert f"<title>{words['server_error']} · factcheck</title>" in page.text
    assert f"<h1>{words['went_wrong']}</h1>" in page.text
