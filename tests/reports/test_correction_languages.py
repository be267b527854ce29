"""A correction tells readers of an article the rating it replaced in the article's language, as every
export names the current rating: the label the desk gave for that language when it was published. The
words around it are the article's language too where the interface has it (a Spanish article's report is
in Spanish), else English."""

import csv
import io
import json

import pytest
from django.apps import apps as installed_apps
from django.urls import reverse

from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask, VerdictCorrection
from tests import factories
from tests.rating_labels import labelled_desk_scale, relabel

pytestmark = pytest.mark.django_db

BODY = (
    "La autoridad portuaria dragó cuatro millones de toneladas de limo de la dársena en 2019, "
    "y el tráfico del puerto se duplicó después, según su director."
)
CLAIM = BODY[:88]
NOTE = "El ministerio corrigió la cifra de 2019 a 2,5 millones de toneladas."
SPANISH_LABELS = {"True": "Verdadero", "Mostly false": "Mayormente falso"}


@pytest.fixture
def scale(desk, desk_admin):
    """The desk's own scale, with Spanish labels for the two ratings the correction moves between."""
    return labelled_desk_scale(desk, desk_admin, {label: {"es": spanish} for label, spanish in SPANISH_LABELS.items()})


def _task(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _corrected(desk, editor, reviewer, scale, *, language="es", close=True) -> ReviewTask:
    # Articles differ by their closing words: a desk holds each text once.
    body = f"{BODY} ({language})"
    article = factories.ArticleFactory(desk=desk, body=body, title="Dragado del puerto", language=language)
    claim = factories.ClaimFactory(article=article, text=CLAIM, start=0, end=len(CLAIM))
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer, task=_task(task), rating=scale.ratings.get(label="True"), rationale="El informe anual lo dice."
    )
    reviews.verdict_approve(editor=editor, task=_task(task))
    reviews.verdict_reopen(editor=editor, task=_task(task), note=NOTE)
    reviews.verdict_submit(
        user=reviewer, task=_task(task), rating=scale.ratings.get(label="Mostly false"), rationale="Fueron 2,5."
    )
    if close:
        reviews.verdict_approve(editor=editor, task=_task(task))
    return _task(task)


def _export(task, export_format):
    return report_export(report=report_build(article=task.claim.article), export_format=export_format).content


def test_html_and_markdown_name_the_previous_rating_in_the_articles_language(desk, editor, reviewer, scale):
    task = _corrected(desk, editor, reviewer, scale)

    assert f"{NOTE} (calificación anterior: Verdadero)</small>" in _export(task, "html")
    assert f"{NOTE} (calificación anterior: Verdadero)" in _export(task, "md")


def test_json_and_csv_name_both_ratings_of_a_correction_in_the_articles_language(desk, editor, reviewer, scale):
    task = _corrected(desk, editor, reviewer, scale)

    (claim,) = json.loads(_export(task, "json"))["claims"]
    (correction,) = claim["corrections"]
    assert (claim["rating"], correction["previous_rating"], correction["rating"]) == (
        "Mayormente falso",
        "Verdadero",
        "Mayormente falso",
    )
    (row,) = csv.DictReader(io.StringIO(_export(task, "csv")))
    assert row["corrections"].endswith(f"{NOTE} (calificación anterior: Verdadero)")


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_pdf_names_the_previous_rating_in_the_articles_language(desk, editor, reviewer, scale):
    from pypdf import PdfReader

    task = _corrected(desk, editor, reviewer, scale)

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(_export(task, "pdf"))).pages)
    assert "calificación anterior: Verdadero" in " ".join(text.split())


def test_a_regional_article_falls_back_to_its_base_language_and_another_to_the_default(desk, editor, reviewer, scale):
    mexican = _corrected(desk, editor, reviewer, scale, language="es-MX")
    german = _corrected(desk, editor, reviewer, scale, language="de")

    assert "(calificación anterior: Verdadero)" in _export(mexican, "md")
    assert "(previously rated True)" in _export(german, "md")


def test_relabelling_the_rating_later_leaves_the_published_correction_as_it_was(
    desk, editor, reviewer, scale, desk_admin
):
    task = _corrected(desk, editor, reviewer, scale)

    relabel(desk_admin, scale.ratings.get(label="True"), language_labels={"es": "Cierto"})

    assert "(calificación anterior: Verdadero)" in _export(task, "md")


def test_the_claim_page_names_the_previous_rating_in_the_articles_language(client, desk, editor, reviewer, scale):
    task = _corrected(desk, editor, reviewer, scale)
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[task.claim.pk])).content.decode()

    assert "(previously rated Verdadero)" in page
    assert '<p class="rating">Mayormente falso</p>' in page


def test_the_claim_page_names_the_finding_kept_during_a_correction_in_the_articles_language(
    client, desk, editor, reviewer, scale
):
    task = _corrected(desk, editor, reviewer, scale, close=False)
    client.force_login(editor)

    page = client.get(reverse("claims:detail", args=[task.claim.pk])).content.decode()

    assert "Reports keep the verdict as published (Verdadero, approved" in page


def test_the_migration_gives_earlier_corrections_their_ratings_language_labels(desk, editor, reviewer, scale):
    migration = __import__(
        "apps.reviews.migrations.0012_verdict_correction_rating_language_labels", fromlist=["language_labels_backfill"]
    )
    task = _corrected(desk, editor, reviewer, scale)
    VerdictCorrection.objects.update(previous_rating_language_labels={}, rating_language_labels={})

    migration.language_labels_backfill(installed_apps, None)

    correction = VerdictCorrection.objects.get(verdict__task=task)
    assert correction.previous_rating_language_labels == {"es": "Verdadero"}
    assert correction.rating_language_labels == {"es": "Mayormente falso"}
