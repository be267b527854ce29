"""The pages editors and reviewers work in, read in Spanish: headings, buttons, the words of a
refused form and a refusal from the workflow, and the words the page's script shows."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.claims.models import ArticleExtraction, ExtractionStatus
from apps.reviews import services as reviews
from apps.reviews.models import Rating, TaskStatus
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = {"accept-language": "es"}


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _assigned(task, reviewer):
    task.assignee = reviewer
    task.status = TaskStatus.ASSIGNED
    task.save()
    return task


def test_the_dashboard_in_spanish(editor_client, article, veto_task):
    page = editor_client.get(reverse("dashboard"), headers=SPANISH)

    assert "<h1>Panel</h1>" in page.text
    assert "Importar un artículo" in page.text
    assert '<h2 id="articles-heading">Artículos</h2>' in page.text
    assert "Estado de la revisión" in page.text
    assert '<span class="badge badge--new">Nueva</span>' in page.text
    assert '<span class="role">Editor</span>' in page.text


def test_the_dashboard_names_the_articles_languages_in_spanish(editor_client, desk, article):
    article.language = "en"
    article.save()
    factories.ArticleFactory(desk=desk, title="Negociaciones sobre Siria", language="pt-BR")

    page = editor_client.get(reverse("dashboard"), headers=SPANISH)

    assert 'aria-label="Filtrar los artículos"' in page.text
    assert '<option value="" selected>Cualquier idioma</option>' in page.text
    assert '<option value="pt-BR">Portugués de Brasil (pt-BR)</option>' in page.text
    assert '<option value="en">Inglés (en)</option>' in page.text


def test_the_import_page_and_its_refusal_in_spanish(editor_client):
    page = editor_client.get(reverse("articles:import"), headers=SPANISH)
    assert "<h1>Importar un artículo</h1>" in page.text
    assert "Pegue el artículo" in page.text
    assert '<button type="submit" class="button">Importar</button>' in page.text

    refused = editor_client.post(reverse("articles:import"), {"text": "", "url": ""}, headers=SPANISH)

    assert refused.status_code == 400
    assert "Pegue el artículo, suba un archivo o indique una dirección web." in refused.text


def test_the_article_page_in_spanish(editor_client, article, veto_task):
    page = editor_client.get(reverse("articles:detail", args=[article.pk]), headers=SPANISH)

    assert '<h2 id="claims-heading">Afirmaciones <span' in page.text
    assert '<button type="submit" class="button">Asignar</button>' in page.text
    assert "Fusionar las marcadas" in page.text
    assert "Editar o rechazar" in page.text
    assert 'data-confirm="¿Rechazar esta afirmación?' in page.text
    # The article's own text keeps its language; the words read out beside it follow the page's.
    assert '<span class="visually-hidden" lang="es" data-not-text> (afirmación 1: ' in page.text


def test_a_passage_the_article_does_not_hold_is_refused_in_spanish(editor_client, article):
    refused = editor_client.post(
        reverse("claims:create", args=[article.pk]),
        {"start": "", "end": "", "passage": "Nothing like this is in it"},
        headers=SPANISH,
        follow=True,
    )

    assert "«Nothing like this is in it» no está en el texto del artículo." in refused.text


def test_the_claim_page_of_a_reviewer_in_spanish(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    page = reviewer_client.get(reverse("claims:detail", args=[veto_task.claim.pk]), headers=SPANISH)

    assert '<h2 id="context-heading">En contexto</h2>' in page.text
    assert '<h2 id="verdict-form-heading">Registre su veredicto</h2>' in page.text
    assert '<button type="submit" class="button">Enviar veredicto</button>' in page.text
    assert "Empezar la revisión" in page.text
    assert "Elija una calificación…" in page.text
    assert "Lo que muestran las pruebas, con palabras que un lector pueda seguir." in page.text
    assert '<span class="badge badge--assigned">Asignada</span>' in page.text
    # What the page's script says when it fills in what was typed before a reload.
    assert 'data-keep-typed="Lo que escribió aquí antes de que la página se volviera a cargar' in page.text


def test_a_verdict_without_a_rationale_is_refused_in_spanish(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")

    refused = reviewer_client.post(
        reverse("reviews:verdict", args=[veto_task.claim.pk]),
        {"rating": rating.pk, "rationale": ""},
        headers=SPANISH,
    )

    assert _messages(refused) == ["Explique el veredicto en la justificación."]


def test_approving_a_verdict_not_yet_sent_is_refused_in_spanish(editor_client, veto_task):
    refused = editor_client.post(reverse("reviews:approve", args=[veto_task.claim.pk]), headers=SPANISH)

    assert _messages(refused) == ["Solo se puede aprobar un veredicto enviado."]


def test_the_split_form_gives_its_script_spanish_words(editor_client, veto_task):
    page = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk]), headers=SPANISH)

    assert '<h2 id="split-heading">Dividir en partes</h2>' in page.text
    assert 'data-part-legend="Parte {number}"' in page.text
    assert 'data-part-added="{part} añadida: «{text}», caracteres {start} a {end}."' in page.text
    assert "<legend>Parte 1</legend>" in page.text


def test_a_refused_split_names_the_part_in_spanish(editor_client, veto_task):
    refused = editor_client.post(
        reverse("claims:split", args=[veto_task.claim.pk]),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-start": "0",
            "form-0-end": "10",
            "form-1-start": "20",
            "form-1-end": "5",
        },
        headers=SPANISH,
    )

    assert refused.status_code == 400
    assert "Parte 2: Un pasaje debe terminar después de empezar." in refused.text


def test_the_queue_in_spanish(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)

    page = reviewer_client.get(reverse("reviews:queue"), headers=SPANISH)

    assert "<h1>Mi cola</h1>" in page.text
    assert "Afirmaciones por verificar" in page.text
    assert "Ninguna vencida" in page.text
    assert "Solo las vencidas" in page.text
    assert "Todas las abiertas" in page.text


def test_a_queue_filter_for_an_article_no_longer_there_is_refused_in_spanish(reviewer_client, reviewer, veto_task):
    _assigned(veto_task, reviewer)
    elsewhere = factories.ArticleFactory()

    refused = reviewer_client.get(reverse("reviews:queue"), {"article": elsewhere.pk}, headers=SPANISH)

    assert "Ya no tiene afirmaciones abiertas en ese artículo." in refused.text


def test_the_search_page_and_its_refusal_in_spanish(editor_client, veto_task):
    page = editor_client.get(reverse("search"), {"q": "vetoed"}, headers=SPANISH)
    assert "<h1>Buscar</h1>" in page.text
    assert '<h2 id="results-heading">Resultados</h2>' in page.text
    assert "1 afirmación encontrada." in page.text

    refused = editor_client.get(
        reverse("search"), {"published_after": "2025-02-01", "published_before": "2025-01-01"}, headers=SPANISH
    )

    assert refused.status_code == 400
    assert "Elija una fecha igual o posterior a la primera." in refused.text
    assert "Corrija la búsqueda de arriba para ver resultados." in refused.text


def test_the_pages_stay_in_english_for_an_english_reader(editor_client, article, veto_task):
    page = editor_client.get(reverse("articles:detail", args=[article.pk]), headers={"accept-language": "en"})

    assert '<h2 id="claims-heading">Claims <span' in page.text
    assert '<span class="visually-hidden" lang="en" data-not-text> (claim 1: ' in page.text


def test_a_search_for_left_out_words_alone_is_refused_in_spanish(editor_client, veto_task):
    refused = editor_client.get(reverse("search"), {"q": "-russia"}, headers=SPANISH)

    assert refused.status_code == 400
    assert "Añada una palabra que buscar o elija un filtro" in refused.text


def test_the_notice_of_an_article_in_another_language_is_in_spanish(editor_client, desk):
    article = factories.ArticleFactory(desk=desk, title="Desempleo", language="fr")
    ArticleExtraction.objects.create(article=article, status=ExtractionStatus.UNSUPPORTED_LANGUAGE)

    page = editor_client.get(reverse("articles:detail", args=[article.pk]), headers=SPANISH)

    assert (
        "<strong>Sin afirmaciones automáticas:</strong> Idioma detectado del artículo: Francés; la extracción "
        "automática de afirmaciones solo admite inglés; añada las afirmaciones a mano desde el texto del artículo."
    ) in page.text
    assert "Todavía no hay afirmaciones: añádalas desde el texto del artículo." in page.text


def test_a_file_the_import_cannot_read_is_refused_in_spanish(editor_client):
    upload = SimpleUploadedFile("notes.odt", b"PK\x03\x04 not an article", content_type="application/octet-stream")

    refused = editor_client.post(reverse("articles:import"), {"file": upload}, headers=SPANISH)

    assert refused.status_code == 415
    assert "Tipo de archivo no admitido: .odt. Suba un archivo .txt, .md, .html, .docx o .pdf." in refused.text


def test_the_approval_queue_names_its_submitted_column_in_spanish(editor_client, reviewer, toll_task):
    _assigned(toll_task, reviewer)
    rating = Rating.objects.get(scale__desk__isnull=True, label="True")
    reviews.verdict_submit(user=reviewer, task=toll_task, rating=rating, rationale="La ONU lo cuenta así.")

    page = editor_client.get(reverse("reviews:queue"), headers=SPANISH)
    english = editor_client.get(reverse("reviews:queue"), headers={"accept-language": "en"})

    # When the verdict was sent: one verdict's date, not the desk report's count of verdicts sent ("Enviados").
    assert '<th scope="col">Enviado</th></tr></thead>' in page.text
    assert '<th scope="col">Submitted</th></tr></thead>' in english.text
