"""The sign-in page and the error pages in French for a French browser, the 500 page included, which
Django draws without the request."""

import pytest
from django.test import Client

from tests import factories

pytestmark = pytest.mark.django_db

FRENCH = {"accept-language": "fr-FR,fr;q=0.9"}


def test_the_sign_in_page_and_a_wrong_password_are_in_french(client):
    factories.UserFactory(username="lucie")
    page = client.get("/login/", headers=FRENCH)
    assert "<h1>Se connecter</h1>" in page.text
    assert ">Mot de passe</label>" in page.text

    refused = client.post("/login/", {"username": "lucie", "password": "pas-son-mot-de-passe"}, headers=FRENCH)
    assert refused.status_code == 200
    assert '<html lang="fr">' in refused.text
    assert "Saisissez un nom d\u2019utilisateur et un mot de passe valides." in refused.text


def test_a_page_that_is_not_there_is_in_french(client, editor):
    client.force_login(editor)
    page = client.get("/no-such-page/", headers=FRENCH)
    assert page.status_code == 404
    assert '<html lang="fr">' in page.text
    assert "<h1>Introuvable</h1>" in page.text
    assert ">Retour au tableau de bord</a>" in page.text

    desk = client.get("/desks/nowhere/report/", headers=FRENCH)
    assert '<p class="lead">Rédaction introuvable.</p>' in desk.text


def test_a_server_error_is_in_french(desk_admin, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("apps.web.views.desks.desk_members", broken)
    client = Client(raise_request_exception=False)
    client.force_login(desk_admin)

    page = client.get("/desks/world/people/", headers=FRENCH)
    assert page.status_code == 500
    assert '<html lang="fr">' in page.text
    assert "<title>Erreur du serveur · factcheck</title>" in page.text
    assert "<h1>Un problème est survenu</h1>" in page.text
