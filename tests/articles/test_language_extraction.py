"""An article refused as not English has its claims found once an editor corrects its language to English."""

import threading
import time

import pytest
from django.urls import reverse

from apps.articles.models import Article, IntakeStatus
from apps.articles.services import article_import_text, article_language_set
from apps.articles.tasks import article_intake_task
from apps.claims import services as claim_services
from apps.claims.models import ArticleExtraction, Claim, ClaimOrigin, ExtractionStatus
from apps.claims.services import claim_create_from_span
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.references.models import ReferenceJob
from apps.reviews.models import ReviewTask
from tests.concurrency import second_waits_for_first

pytestmark = pytest.mark.django_db

# English, but terse: too few stop words for the English check, so extraction refuses it at import.
FIGURES = (
    "# Economy in March\n\n"
    "Unemployment fell to 4.1 percent in March, down from 4.5 percent in February, official figures showed. "
    "Inflation rose to 3.2 percent. Exports grew 12 percent, imports 8 percent. Wages climbed 5 percent. "
    "Manufacturing output dropped 2 percent. Retail sales jumped 7 percent. Housing starts slumped 9 percent. "
    "Government debt reached 98 percent of GDP."
)
SPANISH = (
    "# Desempleo\n\n"
    "El gobierno anunció ayer que el desempleo bajó al nivel más bajo de la década, según los datos oficiales "
    "publicados por el instituto de estadística. Los sindicatos dijeron que las cifras no reflejan la realidad "
    "de los trabajadores temporales del país."
)


def _refused(desk, editor, text=FIGURES, language="es"):
    article = article_import_text(desk=desk, user=editor, text=text, language=language).article
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.UNSUPPORTED_LANGUAGE
    assert not article.claims.exists()
    return article


def _patch_language(api, article, language):
    return api.patch(reverse("api:article-detail", args=[article.pk]), {"language": language}, format="json")


def test_correcting_a_refused_article_to_english_finds_its_claims_as_an_import_would(
    editor_api, desk, editor, django_capture_on_commit_callbacks
):
    article = _refused(desk, editor)

    with django_capture_on_commit_callbacks(execute=False) as published:
        response = _patch_language(editor_api, article, "en")

    assert (response.status_code, response.json()["language"], response.json()["intake_status"]) == (200, "en", "done")
    claims = Claim.objects.filter(article=article)
    assert claims.count() == 8
    assert "Inflation rose to 3.2 percent." in set(claims.values_list("text", flat=True))
    assert ReviewTask.objects.filter(claim__article=article).count() == claims.count()
    assert ReferenceJob.objects.filter(claim__article=article).count() == claims.count()
    assert published, "reference gathering is published after the correction commits"
    extraction = editor_api.get(reverse("api:claim-extraction"), {"article": article.pk}).json()
    assert (extraction["status"], extraction["claim_count"], extraction["message"]) == ("done", 8, "")
    assert AuditEvent.objects.filter(action=AuditAction.ARTICLE_LANGUAGE_SET, article_id=article.pk).count() == 1


def test_a_regional_english_tag_counts_as_english(editor_api, desk, editor):
    article = _refused(desk, editor, language="")

    _patch_language(editor_api, article, "en-GB")

    assert Claim.objects.filter(article=article).count() == 8


def test_the_article_page_lists_the_claims_found_after_the_correction(client, desk, editor):
    article = _refused(desk, editor)
    client.force_login(editor)

    page = client.post(reverse("articles:language", args=[article.pk]), {"language": "en"}, follow=True)

    html = page.content.decode()
    assert "Inflation rose to 3.2 percent." in html
    assert "automatic claim extraction supports English only" not in html


def test_claims_added_by_hand_are_kept_and_not_extracted_twice(editor_api, desk, editor):
    article = _refused(desk, editor)
    sentence = "Inflation rose to 3.2 percent."
    start = article.body.index(sentence)
    by_hand = claim_create_from_span(article=article, user=editor, start=start, end=start + len(sentence))

    _patch_language(editor_api, article, "en")

    claims = Claim.objects.filter(article=article)
    assert claims.count() == 8
    assert claims.filter(start=start, end=start + len(sentence)).get() == by_hand
    assert claims.get(pk=by_hand.pk).origin == ClaimOrigin.EDITOR
    assert ArticleExtraction.objects.get(article=article).claim_count == 7


def test_correcting_again_or_away_from_english_keeps_the_claims(editor_api, desk, editor):
    article = _refused(desk, editor)
    _patch_language(editor_api, article, "en")
    found = set(Claim.objects.filter(article=article).values_list("pk", flat=True))

    _patch_language(editor_api, article, "en-US")
    _patch_language(editor_api, article, "es")
    _patch_language(editor_api, article, "en")

    assert set(Claim.objects.filter(article=article).values_list("pk", flat=True)) == found
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.DONE


def test_correcting_an_extracted_article_to_english_extracts_nothing_more(editor_api, desk, editor):
    english = (
        "# Vetoes\n\nRussia and China have vetoed three UN Security Council resolutions on Syria since October "
        "2011, diplomats said on Monday. The United Nations says at least 70,000 people have been killed."
    )
    article = article_import_text(desk=desk, user=editor, text=english, language="fr").article
    found = set(article.claims.values_list("pk", flat=True))
    assert found

    _patch_language(editor_api, article, "en")

    assert set(Claim.objects.filter(article=article).values_list("pk", flat=True)) == found


def test_a_correction_to_another_language_leaves_a_refused_article_alone(editor_api, desk, editor):
    article = _refused(desk, editor, text=SPANISH, language="")

    _patch_language(editor_api, article, "ca")

    assert not Claim.objects.filter(article=article).exists()
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.UNSUPPORTED_LANGUAGE


def test_a_long_article_corrected_to_english_goes_to_the_worker(
    settings, editor_api, desk, editor, django_capture_on_commit_callbacks
):
    article = _refused(desk, editor)
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100

    with django_capture_on_commit_callbacks() as published:
        response = _patch_language(editor_api, article, "en")

    assert response.json()["intake_status"] == IntakeStatus.QUEUED
    assert len(published) == 1, "the intake task is published once, after commit"
    assert not Claim.objects.filter(article=article).exists()
    # A hand-made claim now would make the extraction think the article was done.
    add = editor_api.post(reverse("api:claim-list"), {"article": str(article.pk), "start": 0, "end": 20}, format="json")
    assert add.status_code == 409

    article_intake_task(str(article.pk))
    article_intake_task(str(article.pk))

    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.DONE
    assert Claim.objects.filter(article=article).count() == 8
    assert ReviewTask.objects.filter(claim__article=article).count() == 8


def test_two_corrections_to_english_extract_once(desk, editor):
    article = _refused(desk, editor)
    stale_copy = Article.objects.get(pk=article.pk)

    article_language_set(article=article, user=editor, language="en")
    article_language_set(article=stale_copy, user=editor, language="en-GB")

    assert Claim.objects.filter(article=article).count() == 8


def test_the_article_page_says_a_long_articles_claims_are_being_found(settings, client, desk, editor):
    article = _refused(desk, editor)
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100
    client.force_login(editor)

    page = client.post(reverse("articles:language", args=[article.pk]), {"language": "en"}, follow=True)

    assert "Finding its claims now; this page lists them when they are ready." in page.content.decode()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_correction_while_the_first_finds_the_claims_is_refused_and_claims_are_found_once(
    desk, editor, monkeypatch
):
    article = _refused(desk, editor)
    extracting = threading.Event()
    extract = claim_services.extract_claims

    def slow_extract(*args, **kwargs):
        extracting.set()
        time.sleep(0.5)
        return extract(*args, **kwargs)

    monkeypatch.setattr(claim_services, "extract_claims", slow_extract)

    def correct(language):
        try:
            article_language_set(article=Article.objects.get(pk=article.pk), user=editor, language=language)
            return "saved"
        except ApplicationError as error:
            return error.status

    answers = second_waits_for_first(correct, first="en", second="en-GB", holding=extracting)

    assert answers == {"en": "saved", "en-GB": 409}
    assert Claim.objects.filter(article=article).count() == 8
    assert Article.objects.get(pk=article.pk).language == "en"


def test_confirming_english_finds_the_claims_of_a_refused_article_already_detected_as_english(editor_api, desk, editor):
    # The detector reads FIGURES as English; the English check, counting stop words, refuses it.
    article = _refused(desk, editor, language=None)
    assert article.language == "en"

    response = _patch_language(editor_api, article, "en")

    assert response.status_code == 200
    assert Claim.objects.filter(article=article).count() == 8
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.DONE
    # Nothing changed, so nothing is recorded as a correction.
    assert not AuditEvent.objects.filter(action=AuditAction.ARTICLE_LANGUAGE_SET, article_id=article.pk).exists()
