"""The desk settings pages and the desk report read in Spanish for a Spanish browser: headings, buttons,
the choices they offer, a refused form's errors and a refusal flashed after an action."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apps.desks.models import Membership
from apps.reviews import services as review_services
from apps.reviews.models import Verdict
from apps.reviews.services import rating_scale_copy_default
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


def _page(client, url, status=200):
    response = client.get(url, headers=SPANISH)
    assert response.status_code == status
    assert '<html lang="es">' in response.text
    return response.text


def test_the_people_page_is_in_spanish(admin_client):
    page = _page(admin_client, "/desks/world/people/")

    assert "<title>Personas · World desk · factcheck</title>" in page
    assert 'aria-label="Ajustes de la mesa"' in page
    assert '<h2 id="add-heading">Añadir una cuenta existente</h2>' in page
    assert ">Crear y añadir</button>" in page
    assert ">Administrador de la mesa</option>" in page
    assert '<label for="create-password">Contraseña inicial</label>' in page
    assert 'aria-label="Quitar a ada de la mesa"' in page


def test_a_refused_account_shows_its_errors_in_spanish(admin_client):
    response = admin_client.post("/desks/world/people/create/", {"username": "", "role": "reviewer"}, headers=SPANISH)

    assert response.status_code == 400
    assert "Elija un nombre de usuario." in response.text


def test_removing_the_last_admin_is_refused_in_spanish(admin_client, desk_admin):
    membership = Membership.objects.get(user=desk_admin)
    response = admin_client.post("/desks/world/people/remove/", {"member": membership.pk}, headers=SPANISH)

    assert response.status_code == 302
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "ada es el único administrador de la mesa; haga antes administrador a otra persona."
    ]


def test_adding_someone_says_so_in_spanish(admin_client, reviewer, other_desk):
    someone = factories.MemberFactory(desk=other_desk, username="sofia").user
    response = admin_client.post(
        "/desks/world/people/add/", {"username": someone.username, "role": "editor"}, headers=SPANISH, follow=True
    )

    assert "sofia está en la mesa como Editor." in response.text


def test_the_rating_scale_page_and_its_refusals_are_in_spanish(admin_client, desk_admin, desk):
    page = _page(admin_client, "/desks/world/ratings/")
    assert ">Copiar la escala estándar a esta mesa</button>" in page

    rating_scale_copy_default(user=desk_admin, desk=desk)
    page = _page(admin_client, "/desks/world/ratings/")
    assert '<h2 id="add-rating-heading">Añadir una calificación</h2>' in page
    assert "Ninguno (fuera de la línea verdadero/falso)" in page

    response = admin_client.post("/desks/world/ratings/add/", {"label": ""}, headers=SPANISH)
    assert response.status_code == 400
    assert "Ponga una etiqueta a la calificación." in response.text

    response = admin_client.post(
        "/desks/world/ratings/add/", {"label": "Dudoso", "language_labels": "Falso"}, headers=SPANISH
    )
    assert response.status_code == 400
    assert "Escriba cada idioma como «es: Falso», no «Falso»." in response.text


def test_the_source_rules_pages_are_in_spanish(admin_client):
    page = _page(admin_client, "/desks/world/source-rules/")
    assert '<h2 id="rules-heading">Reglas de fuentes</h2>' in page
    assert ">Añadir una regla</a>" in page

    page = _page(admin_client, "/desks/world/source-rules/new/")
    assert "<h2>Añadir una regla de fuentes</h2>" in page
    assert ">Votaciones y vetos en la ONU</option>" in page
    assert "Como máximo 100 palabras de hasta 100 caracteres." in page

    response = admin_client.post("/desks/world/source-rules/new/", {"name": "", "priority": "x"}, headers=SPANISH)
    assert response.status_code == 400
    assert "Este campo es requerido." in response.text
    assert "Introduzca un número entero." in response.text


def test_the_webhook_pages_are_in_spanish(admin_client):
    page = _page(admin_client, "/desks/world/webhooks/")
    assert "Todavía no hay webhooks." in page

    page = _page(admin_client, "/desks/world/webhooks/new/")
    assert ">Añadir el webhook</button>" in page
    assert "Un editor aprueba un veredicto" in page
    assert "Activo: enviarle eventos" in page

    response = admin_client.post(
        "/desks/world/webhooks/new/", {"url": "https://hooks.example.org/x", "events": []}, headers=SPANISH
    )
    assert response.status_code == 400
    assert "Elija al menos un evento que enviar." in response.text


def test_a_desk_setting_refused_to_an_editor_is_in_spanish(client, editor):
    client.force_login(editor)
    page = _page(client, "/desks/world/people/", status=403)

    assert "<h1>No permitido</h1>" in page
    assert (
        "Solo los administradores de la mesa pueden cambiar sus personas, su escala de calificaciones y sus reglas "
        "de fuentes." in page
    )


def test_the_desk_report_is_in_spanish(client, editor):
    client.force_login(editor)
    page = _page(client, "/desks/world/report/")
    assert '<p class="eyebrow">Informe de la mesa</p>' in page
    assert '<h2 id="timing-heading">Cuánto tardan las verificaciones</h2>' in page
    assert "0 tareas abiertas (vencidas: 0)." in page

    page = _page(client, "/desks/world/report/?since=2026-13-01", status=400)
    assert (
        "since debe ser una fecha con el formato AAAA-MM-DD, no &#x27;2026-13-01&#x27;. "
        "Las cifras de abajo son de los últimos 30 días." in page
    )


def test_a_reviewer_with_open_tasks_stays_with_the_reason_in_spanish(admin_client, editor, reviewer, desk):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    membership = Membership.objects.get(user=reviewer)

    response = admin_client.post("/desks/world/people/remove/", {"member": membership.pk}, headers=SPANISH)

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "rachel aún tiene 1 tarea de revisión abierta en esta mesa; reasígnela antes."
    ]


def test_the_django_admin_refuses_in_spanish_too(desk, desk_admin, root_client):
    membership = Membership.objects.get(user=desk_admin)
    response = root_client.post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": desk.pk, "user": desk_admin.pk, "role": "editor"},
        headers=SPANISH,
        follow=True,
    )

    assert "World desk se quedaría sin administrador de la mesa; haga antes administrador a otra persona." in (
        response.text
    )


def test_a_refused_source_rule_says_why_in_spanish(admin_client):
    rule = {
        "name": "Búsqueda",
        "label": "Buscar en el archivo",
        "topic": "other",
        "url_template": "https://www.example.org/search?q={topic}",
        "reason": "El archivo del periódico.",
        "priority": "100",
    }
    response = admin_client.post("/desks/world/source-rules/new/", rule, headers=SPANISH)

    assert response.status_code == 400
    assert (
        "La plantilla de URL solo puede usar los marcadores {query}, {outlet}, {year}, {actor} y {speaker}."
        in response.text
    )


def test_the_rating_scales_refusals_are_in_spanish(admin_client, desk_admin, reviewer, desk):
    scale = rating_scale_copy_default(user=desk_admin, desk=desk)
    false = scale.ratings.get(label="False")
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    Verdict.objects.create(task=task, rating=false, rationale="Porque.", reviewer=reviewer, submitted_at=timezone.now())

    response = admin_client.post("/desks/world/ratings/add/", {"label": "True"}, headers=SPANISH)
    assert response.status_code == 400
    assert "La escala ya tiene una calificación llamada &#x27;True&#x27;." in response.text

    response = admin_client.post("/desks/world/ratings/delete/", {"rating": false.pk}, headers=SPANISH)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "1 veredicto usa «False», así que no se puede quitar; renómbrela en su lugar."
    ]
