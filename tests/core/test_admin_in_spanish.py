"""The Django admin names factcheck's sections and models in the reader's language (Django translates
its own words), while the audit trail of what is changed there stays in English."""

import pytest
from django.urls import reverse

from apps.core.models import AuditAction, AuditEvent
from apps.references.models import SourceRule
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


def test_the_admin_index_names_sections_and_models_in_spanish(root_client):
    page = root_client.get(reverse("admin:index"), headers=SPANISH).text

    for section in ("Artículos", "Afirmaciones", "Mesas", "Referencias", "Revisiones"):
        assert f'class="section" title="Modelos en la aplicación {section}">{section}</a>' in page
    for model in ("Reglas de fuentes", "Escalas de calificaciones", "Tareas de revisión", "Eventos de auditoría"):
        assert f">{model}</a>" in page


def test_a_change_list_is_titled_with_the_model_in_spanish(root_client, desk):
    factories.SourceRuleFactory(desk=desk)

    page = root_client.get(reverse("admin:references_sourcerule_changelist"), headers=SPANISH).text

    assert "<title>Seleccione regla de fuentes a modificar | " in page


def test_the_admin_stays_in_english_for_an_english_reader(root_client):
    page = root_client.get(reverse("admin:index"), headers={"accept-language": "en"}).text

    assert 'title="Models in the References application">References</a>' in page
    assert ">Source rules</a>" in page
    assert ">Webhook deliveries</a>" in page


def test_a_change_made_in_spanish_is_recorded_with_the_model_s_english_name(root_client, desk):
    rule = factories.SourceRuleFactory(desk=desk, name="regla", label="Regla", reason="Porque sí.")
    data = {
        "desk": desk.pk,
        "name": "regla",
        "label": "Regla nueva",
        "topic": rule.topic,
        "url_template": rule.url_template,
        "reason": rule.reason,
        "kinds": "[]",
        "keywords": "[]",
        "excluded_keywords": "[]",
        "priority": rule.priority,
        "is_active": "on",
    }

    response = root_client.post(reverse("admin:references_sourcerule_change", args=[rule.pk]), data, headers=SPANISH)

    assert response.status_code == 302, response.content[:3000]
    event = AuditEvent.objects.filter(action=AuditAction.ADMIN_CHANGED).latest("occurred_at")
    assert event.details["model"] == "source rule"
    assert SourceRule.objects.get(pk=rule.pk).label == "Regla nueva"


def test_filters_columns_and_choices_read_in_spanish(root_client, desk):
    factories.ArticleFactory(desk=desk, title="Negociaciones sobre Siria")

    page = root_client.get(reverse("admin:articles_article_changelist"), headers=SPANISH).text
    english = root_client.get(reverse("admin:articles_article_changelist"), headers={"accept-language": "en"}).text

    assert "Por estado de la importación" in page
    assert ">Buscando afirmaciones</a>" in page
    assert "By intake status" in english
    assert ">Finding claims</a>" in english


def test_a_change_form_labels_its_fields_and_help_in_spanish(root_client, desk):
    rule = factories.SourceRuleFactory(desk=desk)

    page = root_client.get(reverse("admin:references_sourcerule_change", args=[rule.pk]), headers=SPANISH).text

    assert ">Palabras clave:</label>" in page
    assert "Cualquiera de estas palabras (sin distinguir mayúsculas); vacío significa cualquiera." in page
    assert ">Plantilla de URL:</label>" in page
