"""The Django admin in each language of the interface but English: factcheck's sections, models, filters,
field labels and help read in that language (Django translates its own words)."""

import pytest
from django.conf import settings
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
# What the admin shows in each language: the sections (apps), some of their models, the intake filter's
# title and one of its choices, and a source rule's field labels and help (Django's label suffix included).
ADMIN_WORDS = {
    "es": {
        "sections": ("Artículos", "Afirmaciones", "Mesas", "Referencias", "Revisiones"),
        "models": ("Reglas de fuentes", "Escalas de calificaciones", "Tareas de revisión", "Eventos de auditoría"),
        "filter": "estado de la importación",
        "choice": "Buscando afirmaciones",
        "labels": (">Palabras clave:</label>", ">Plantilla de URL:</label>"),
        "help": "Cualquiera de estas palabras (sin distinguir mayúsculas); vacío significa cualquiera.",
    },
    "fr": {
        "sections": ("Articles", "Affirmations", "Rédactions", "Références", "Vérifications"),
        "models": (
            "Règles de source",
            "Échelles d\u2019évaluation",
            "Tâches de vérification",
            "Événements d\u2019audit",
        ),
        "filter": "état de l\u2019importation",
        "choice": "Recherche des affirmations en cours",
        "labels": (f">Mots-clés{NBSP}:</label>", f">Modèle d\u2019url{NBSP}:</label>"),
        "help": (
            f"N\u2019importe lequel de ces mots (sans tenir compte de la casse){NBSP}; "
            "vide signifie n\u2019importe lequel."
        ),
    },
    "pt-br": {
        "sections": ("Artigos", "Alegações", "Redações", "Referências", "Checagens"),
        "models": ("Regras de fonte", "Escalas de classificação", "Tarefas de checagem", "Eventos de auditoria"),
        "filter": "estado da importação",
        "choice": "Buscando alegações",
        "labels": (">Palavras-chave:</label>", ">Modelo de url:</label>"),
        "help": "Qualquer uma destas palavras (sem diferenciar maiúsculas e minúsculas); vazio significa qualquer uma.",
    },
}
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def test_every_language_of_the_interface_is_checked_in_the_admin():
    assert set(ADMIN_WORDS) == set(TRANSLATED_LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_admin_index_names_sections_and_models_in_the_language(root_client, language):
    page = root_client.get(reverse("admin:index"), headers={"accept-language": language}).text

    assert f'<html lang="{language}"' in page
    for name in (*ADMIN_WORDS[language]["sections"], *ADMIN_WORDS[language]["models"]):
        assert f">{name}</a>" in page


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_filters_columns_and_choices_read_in_the_language(root_client, desk, language):
    factories.ArticleFactory(desk=desk, title="Syria")

    page = root_client.get(reverse("admin:articles_article_changelist"), headers={"accept-language": language}).text

    assert ADMIN_WORDS[language]["filter"] in page
    assert f">{ADMIN_WORDS[language]['choice']}</a>" in page


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_a_change_form_labels_its_fields_and_help_in_the_language(root_client, desk, language):
    rule = factories.SourceRuleFactory(desk=desk)

    page = root_client.get(
        reverse("admin:references_sourcerule_change", args=[rule.pk]), headers={"accept-language": language}
    ).text

    for label in ADMIN_WORDS[language]["labels"]:
        assert label in page
    assert ADMIN_WORDS[language]["help"] in page
