"""An article's report reads in the article's language where the interface has it (settings.LANGUAGES),
else in English, whoever downloads it and however (a page, the API, `manage.py export_report`): its
headings and fixed words are translated, the ratings named as the desk named them for that language. The
CSV, JSON and ClaimReview keep their field names, for the programs that read them."""

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from apps.core.interface_language import interface_language_for_text
from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask
from tests import factories
from tests.rating_labels import labelled_desk_scale

pytestmark = pytest.mark.django_db

APPROVED_AT = dt.datetime(2026, 11, 11, 10, 0, tzinfo=dt.UTC)
BODY = "El puerto dragó cuatro millones de toneladas en 2019. El tráfico se duplicó. Fin del texto."
CHECKED = BODY[:53]
PENDING = "El tráfico se duplicó."


@pytest.fixture
def scale(desk, desk_admin):
    return labelled_desk_scale(desk, desk_admin, {"False": {"es": "Falso", "fr": "Faux", "pt": "Falsa"}})


def _article(desk, editor, reviewer, scale, *, language: str):
    """An article of two claims, one with an approved verdict citing one reference, one not yet reviewed."""
    article = factories.ArticleFactory(
        desk=desk,
        body=f"{BODY} ({language})",
        title="Dragado del puerto",
        outlet="Diario del Puerto",
        published_on=dt.date(2026, 11, 2),
        source_url="https://noticias.example.org/puerto",
        language=language,
    )
    checked = factories.ClaimFactory(article=article, text=CHECKED, start=0, end=len(CHECKED))
    pending = factories.ClaimFactory(article=article, text=PENDING, start=54, end=54 + len(PENDING))
    for claim in (checked, pending):
        factories.ReviewTaskFactory(claim=claim)
    reference = factories.ReferenceFactory(claim=checked, url="https://puerto.example.org/informe", title="Informe")
    reviews.review_tasks_assign(editor=editor, tasks=[checked.review_task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer,
        task=ReviewTask.objects.get(claim=checked),
        rating=scale.ratings.get(label="False"),
        rationale="Fueron 2,5 millones.",
        reference_ids=[reference.pk],
    )
    with time_machine.travel(APPROVED_AT, tick=False):
        reviews.verdict_approve(editor=editor, task=ReviewTask.objects.get(claim=checked))
    return article


@pytest.fixture
def spanish(desk, editor, reviewer, scale):
    return _article(desk, editor, reviewer, scale, language="es")


@pytest.fixture
def english(desk, editor, reviewer, scale):
    return _article(desk, editor, reviewer, scale, language="en")


@pytest.fixture
def french(desk, editor, reviewer, scale):
    return _article(desk, editor, reviewer, scale, language="fr")


@pytest.fixture
def portuguese(desk, editor, reviewer, scale):
    return _article(desk, editor, reviewer, scale, language="pt-BR")


def _export(article, export_format):
    return report_export(report=report_build(article=article), export_format=export_format).content


def _pdf_text(article) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(_export(article, "pdf"))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_a_spanish_articles_html_report_is_in_spanish(spanish):
    html = _export(spanish, "html")

    assert '<html lang="es">' in html
    assert "<title>Verificación: Dragado del puerto</title>" in html
    assert "2 de noviembre de 2026" in html
    assert '">original</a>' in html
    assert "Verificado por World desk · 1 de 2 afirmaciones aprobadas" in html
    assert '<th scope="col">Afirmación</th><th scope="col">Veredicto</th><th scope="col">Pruebas</th>' in html
    assert '<span class="rating">Falso</span>' in html
    assert 'Aprobado el <time datetime="2026-11-11">11 de noviembre de 2026</time>' in html
    for english_words in ("Fact-check", "Checked by", "claims approved", ">Claim<", ">Evidence<", "Approved <time"):
        assert english_words not in html


def test_a_spanish_articles_markdown_report_is_in_spanish(spanish):
    markdown = _export(spanish, "md")

    assert markdown.startswith("# Verificación: Dragado del puerto\n\nDiario del Puerto, 2 de noviembre de 2026 — ")
    assert "\nVerificado por World desk: 1 de 2 afirmaciones aprobadas.\n" in markdown
    assert "- Veredicto: **Falso**\n" in markdown
    assert "- Justificación: Fueron 2,5 millones.\n" in markdown
    assert "- Aprobado: 11 de noviembre de 2026\n" in markdown
    assert "- Prueba: [Informe](https://puerto.example.org/informe)\n" in markdown
    assert "- Tipo: " in markdown
    assert "- Estado: " in markdown
    for english_words in ("Fact-check", "Checked by", "Kind:", "Status:", "Verdict:", "Rationale:", "Evidence:"):
        assert english_words not in markdown


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_a_spanish_articles_pdf_report_is_in_spanish(spanish):
    text = _pdf_text(spanish)

    assert "Verificación: Dragado del puerto" in text
    assert "Verificado por World desk: 1 de 2 afirmaciones aprobadas." in text
    assert "Afirmación Veredicto Pruebas" in text
    assert "Aprobado el 11 de noviembre de 2026" in text
    assert "Fact-check" not in text


def test_an_english_articles_report_is_as_it_was(english):
    html = _export(english, "html")
    markdown = _export(english, "md")

    assert '<html lang="en">' in html
    assert "<title>Fact-check: Dragado del puerto</title>" in html
    assert "Checked by World desk · 1 of 2 claims approved" in html
    assert '<th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Evidence</th>' in html
    assert 'Approved <time datetime="2026-11-11">11 November 2026</time>' in html
    assert markdown.startswith("# Fact-check: Dragado del puerto\n\nDiario del Puerto, 2 November 2026 — ")
    assert "\nChecked by World desk: 1 of 2 claims approved.\n" in markdown
    assert "- Verdict: **False**\n- Rationale: Fueron 2,5 millones.\n- Approved: 11 November 2026\n" in markdown
    assert "- Evidence: [Informe](https://puerto.example.org/informe)\n" in markdown


def test_a_french_articles_html_report_is_in_french(french):
    html = _export(french, "html")

    assert '<html lang="fr">' in html
    assert "<title>Vérification des faits\u00a0: Dragado del puerto</title>" in html
    assert "2 novembre 2026" in html
    assert "Vérifié par World desk · 1 sur 2 affirmations approuvées" in html
    assert '<th scope="col">Affirmation</th><th scope="col">Verdict</th><th scope="col">Éléments de preuve</th>' in html
    assert '<span class="rating">Faux</span>' in html
    assert 'Approuvé le <time datetime="2026-11-11">11 novembre 2026</time>' in html
    for english_words in ("Fact-check", "Checked by", "claims approved", ">Claim<", ">Evidence<", "Approved <time"):
        assert english_words not in html


def test_a_french_articles_markdown_report_is_in_french(french):
    markdown = _export(french, "md")

    assert markdown.startswith(
        "# Vérification des faits\u00a0: Dragado del puerto\n\nDiario del Puerto, 2 novembre 2026 — "
    )
    assert "\nVérifié par World desk\u00a0: 1 sur 2 affirmations approuvées.\n" in markdown
    assert "- Verdict\u00a0: **Faux**\n" in markdown
    assert "- Justification\u00a0: Fueron 2,5 millones.\n" in markdown
    assert "- Date d\u2019approbation\u00a0: 11 novembre 2026\n" in markdown
    assert "- Élément de preuve\u00a0: [Informe](https://puerto.example.org/informe)\n" in markdown
    for english_words in ("Fact-check", "Checked by", "Kind:", "Status:", "Verdict:", "Rationale:", "Evidence:"):
        assert english_words not in markdown


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_a_french_articles_pdf_report_is_in_french(french):
    text = _pdf_text(french)

    assert "Vérification des faits" in text
    assert "Vérifié par World desk" in text
    assert "Affirmation Verdict Éléments de preuve" in text
    assert "Approuvé le 11 novembre 2026" in text
    assert "Fact-check" not in text


def test_a_brazilian_articles_html_report_is_in_portuguese(portuguese):
    html = _export(portuguese, "html")

    # Month names in lower case, as Brazilians write them (locale_overrides/, not Django's catalog).

    assert '<html lang="pt-br">' in html
    assert "<title>Checagem: Dragado del puerto</title>" in html
    assert "2 de novembro de 2026" in html
    assert "Checado por World desk · 1 de 2 alegações aprovadas" in html
    assert '<th scope="col">Alegação</th><th scope="col">Veredito</th><th scope="col">Evidências</th>' in html
    assert '<span class="rating">Falsa</span>' in html
    assert 'Aprovado em <time datetime="2026-11-11">11 de novembro de 2026</time>' in html
    for english_words in ("Fact-check", "Checked by", "claims approved", ">Claim<", ">Evidence<", "Approved <time"):
        assert english_words not in html


def test_a_brazilian_articles_markdown_report_is_in_portuguese(portuguese):
    markdown = _export(portuguese, "md")

    assert markdown.startswith("# Checagem: Dragado del puerto\n\nDiario del Puerto, 2 de novembro de 2026 — ")
    assert "\nChecado por World desk: 1 de 2 alegações aprovadas.\n" in markdown
    assert "- Veredito: **Falsa**\n" in markdown
    assert "- Justificativa: Fueron 2,5 millones.\n" in markdown
    assert "- Aprovado em: 11 de novembro de 2026\n" in markdown
    assert "- Evidência: [Informe](https://puerto.example.org/informe)\n" in markdown
    for english_words in ("Fact-check", "Checked by", "Kind:", "Status:", "Verdict:", "Rationale:", "Evidence:"):
        assert english_words not in markdown


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_a_brazilian_articles_pdf_report_is_in_portuguese(portuguese):
    text = _pdf_text(portuguese)

    assert "Checagem: Dragado del puerto" in text
    assert "Checado por World desk: 1 de 2 alegações aprovadas." in text
    assert "Alegação Veredito Evidências" in text
    assert "Aprovado em 11 de novembro de 2026" in text
    assert "Fact-check" not in text


@pytest.mark.parametrize(
    ("language", "interface"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("fr", "fr"),
        ("fr-CA", "fr"),
        ("en-GB", "en"),
        ("pt-BR", "pt-br"),
        ("pt-br", "pt-br"),
        # Portuguese from anywhere else reads the Brazilian interface rather than English.
        ("pt", "pt-br"),
        ("pt-PT", "pt-br"),
        ("pt-AO", "pt-br"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_a_text_is_written_about_in_its_language_or_its_base_language_else_english(language, interface):
    assert interface_language_for_text(language) == interface


def test_every_way_of_exporting_writes_the_report_in_the_articles_language_not_the_readers(
    client, editor, editor_api, spanish, english, tmp_path
):
    """The page and the API follow the article, not the reader's Accept-Language; the command, no reader."""
    client.force_login(editor)
    for article, readers_language in ((spanish, "en"), (english, "es")):
        expected = _export(article, "md")
        page = client.get(
            reverse("reports:export", args=[article.pk, "md"]), headers={"accept-language": readers_language}
        )
        api = editor_api.get(
            f"/api/v1/articles/{article.pk}/export/?format=md", headers={"accept-language": readers_language}
        )
        target = tmp_path / f"{article.language}.md"
        call_command("export_report", str(article.pk), "--format", "md", "-o", str(target))

        assert page.content.decode() == expected
        assert api.content.decode() == expected
        assert target.read_text(encoding="utf-8") == expected
    assert "Verificado por" in _export(spanish, "md")
    assert "Checked by" in _export(english, "md")


def test_machine_readable_exports_keep_their_field_names(spanish):
    (claim,) = [claim for claim in json.loads(_export(spanish, "json"))["claims"] if claim["text"] == CHECKED]
    assert {"rating", "rationale", "status", "corrections", "cited_references"} <= set(claim)
    assert claim["rating"] == "Falso"
    header = _export(spanish, "csv").splitlines()[0]
    assert header.startswith("claim_id,text,kind,score,start,end,status,rating,rationale,")
    (item,) = json.loads(_export(spanish, "claimreview"))
    assert item["reviewRating"]["alternateName"] == "Falso"
    assert item["inLanguage"] == "es"
