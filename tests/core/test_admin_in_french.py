"""The Django admin in French: factcheck's sections, models, filters, field labels and help read in
French (Django translates its own words)."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

FRENCH = {"accept-language": "fr"}


def test_the_admin_index_names_sections_and_models_in_french(root_client):
    page = root_client.get(reverse("admin:index"), headers=FRENCH).text

    for section in ("Articles", "Affirmations", "Rédactions", "Références", "Vérifications"):
        assert f">{section}</a>" in page
    for model in (
        "Règles de source",
        "Échelles d\u2019évaluation",
        "Tâches de vérification",
        "Événements d\u2019audit",
    ):
        assert f">{model}</a>" in page


def test_filters_columns_and_choices_read_in_french(root_client, desk):
    factories.ArticleFactory(desk=desk, title="Négociations sur la Syrie")

    page = root_client.get(reverse("admin:articles_article_changelist"), headers=FRENCH).text

    assert "état de l\u2019importation" in page
    assert ">Recherche des affirmations en cours</a>" in page


def test_a_change_form_labels_its_fields_and_help_in_french(root_client, desk):
    rule = factories.SourceRuleFactory(desk=desk)

    page = root_client.get(reverse("admin:references_sourcerule_change", args=[rule.pk]), headers=FRENCH).text

    assert ">Mots-clés\u00a0:</label>" in page
    assert (
        "N\u2019importe lequel de ces mots (sans tenir compte de la casse)\u00a0; vide signifie n\u2019importe lequel."
        in page
    )
    assert ">Modèle d\u2019url\u00a0:</label>" in page
