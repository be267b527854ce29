"""The REST API's own refusals follow Accept-Language like Django's and DRF's: in Spanish for a
client that asks for it, in English for one that does not (as before)."""

import uuid

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from apps.core.exceptions import ApplicationError
from apps.reviews import services as review_services
from apps.reviews.models import TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client


def test_a_refused_body_is_a_validation_error_in_each_clients_language(editor_api, desk):
    both = {"desk": desk.slug, "text": "# Title\n\nSome text.", "url": "https://example.org/"}

    spanish = editor_api.post("/api/v1/articles/import/", both, format="json", headers=SPANISH)
    english = editor_api.post("/api/v1/articles/import/", both, format="json")

    assert spanish.status_code == english.status_code == 400
    assert spanish.json() == {
        "message": "Error de validación.",
        "extra": {"fields": {"non_field_errors": ["Envíe exactamente uno de `text`, `file` o `url`."]}},
    }
    assert english.json() == {
        "message": "Validation error.",
        "extra": {"fields": {"non_field_errors": ["Send exactly one of `text`, `file` or `url`."]}},
    }


def test_a_filter_the_api_does_not_understand_is_refused_in_spanish(editor_api):
    response = editor_api.get("/api/v1/tasks/?status=lost", headers=SPANISH)

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["status"] == f"Uno de estos valores: {', '.join(TaskStatus.values)}."


def test_a_task_that_is_not_there_is_not_found_in_spanish_whether_its_id_is_well_formed_or_not(editor_api):
    for task_id in (uuid.uuid4(), "not-an-id"):
        response = editor_api.get(f"/api/v1/tasks/{task_id}/", headers=SPANISH)
        assert response.status_code == 404
        assert response.json()["message"] == "No se encontró la tarea."
    assert editor_api.get(f"/api/v1/tasks/{uuid.uuid4()}/").json()["message"] == "Task not found."


def test_an_unknown_api_address_is_named_in_spanish_with_the_one_meant(editor_api):
    response = editor_api.get("/api/v1/tasks", headers=SPANISH)

    assert response.status_code == 404
    assert response.json()["message"] == (
        "No hay ningún punto de acceso de la API en /api/v1/tasks. ¿Quiso decir /api/v1/tasks/ (con la barra final)?"
    )


def test_a_key_the_body_may_not_have_is_refused_in_spanish(editor_api):
    response = editor_api.patch(
        "/api/v1/me/notification-settings/", {"daily_gossip": False}, format="json", headers=SPANISH
    )

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["daily_gossip"] == ["No hay ningún tipo de correo con este nombre."]


def test_an_id_sent_as_a_number_is_refused_in_spanish_naming_what_came(editor_api, desk):
    response = editor_api.post(
        "/api/v1/library-documents/",
        {"desk": 7, "title": "Minutes", "url": "https://example.org/minutes", "body": "Text."},
        format="json",
        headers=SPANISH,
    )

    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["desk"] == [
        'Debe ser un UUID escrito como cadena, como "0f8fad5b-d9cb-469f-a165-70867728950e"; se recibió un número.'
    ]


def test_an_idempotency_key_out_of_bounds_is_refused_in_spanish(editor_api, desk):
    article = factories.ArticleFactory(desk=desk)
    response = editor_api.post(
        "/api/v1/claims/",
        {"article": str(article.pk), "start": 0, "end": 10},
        format="json",
        headers={**SPANISH, "Idempotency-Key": "x" * 500},
    )

    assert response.status_code == 400
    assert response.json()["message"].startswith("La cabecera Idempotency-Key debe tener de 1 a ")


def test_a_source_rule_the_desk_refuses_is_explained_in_spanish(desk, desk_admin):
    client = APIClient()
    client.force_authenticate(desk_admin)
    rule = {
        "name": "Reuters search",
        "label": "Reuters search",
        "url_template": "https://www.reuters.com/site-search/?query={query}",
        "reason": "Wire copy often carries the original figures.",
        "kinds": ["rumour"],
    }

    response = client.post(f"/api/v1/desks/{desk.slug}/source-rules/", rule, format="json", headers=SPANISH)

    assert response.status_code == 400
    assert response.json()["message"].endswith(": Tipos de afirmación desconocidos: rumour.")


def test_an_export_format_the_desk_does_not_write_is_refused_in_spanish(editor_api, desk):
    article = factories.ArticleFactory(desk=desk)

    spanish = editor_api.get(f"/api/v1/articles/{article.pk}/export/?format=docx", headers=SPANISH)
    english = editor_api.get(f"/api/v1/articles/{article.pk}/export/?format=docx")

    assert spanish.status_code == english.status_code == 400
    assert spanish.json()["message"] == "Formato de exportación desconocido 'docx'."
    assert english.json()["message"] == "Unknown export format 'docx'."


def test_a_library_document_moved_onto_another_ones_url_is_refused_in_spanish(editor_api, desk):
    first, second = factories.LibraryDocumentFactory.create_batch(2, desk=desk)

    response = editor_api.patch(
        f"/api/v1/library-documents/{second.id}/", {"url": first.url}, format="json", headers=SPANISH
    )

    assert response.status_code == 409
    assert response.json()["message"] == "La biblioteca ya tiene un documento con esta dirección."


def test_labels_by_language_that_are_not_an_object_are_refused_in_spanish(desk_admin, desk):
    """The check the rating-scale page and the Django admin share (the API refuses a non-object before it)."""
    scale = review_services.rating_scale_copy_default(user=desk_admin, desk=desk)
    rating = scale.ratings.get(label="False")

    with translation.override("es"), pytest.raises(ApplicationError) as refused:
        review_services.rating_values_check(
            scale=scale, rating=rating, label="False", description="", claimreview_value=1, language_labels=["Falso"]
        )

    assert refused.value.message == 'Indique las etiquetas por idioma como un objeto, por ejemplo {"es": "Falso"}.'
