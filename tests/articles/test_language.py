"""Each article's language: detected at import, given or corrected by editors (audited), filtered on."""

from types import SimpleNamespace

import pytest
from django.apps import apps as installed_apps
from django.db import connection
from django.urls import reverse

from apps.articles.models import Article
from apps.claims.models import ArticleExtraction, ExtractionStatus
from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db

SPANISH = (
    "El gobierno anunció ayer que el desempleo bajó al nivel más bajo de la década, según los datos oficiales "
    "publicados por el instituto de estadística. Los sindicatos dijeron que las cifras no reflejan la realidad "
    "de los trabajadores temporales del país."
)
FRENCH = (
    "Le gouvernement a annoncé hier que le chômage a baissé à son plus bas niveau depuis dix ans, selon les "
    "chiffres officiels publiés par l'institut de statistique. Les syndicats affirment que ces chiffres ne "
    "reflètent pas la réalité des travailleurs précaires."
)
ENGLISH = (
    "The government said on Monday that unemployment had fallen to its lowest level in a decade, according "
    "to official figures published by the statistics office. The unions said that the numbers did not show "
    "what was happening to the people who work on temporary contracts."
)


def _import(api, text, **extra):
    return api.post(reverse("api:article-import"), {"desk": "world", "text": text, **extra}, format="json")


def test_an_imported_article_gets_the_language_of_its_text(editor_api):
    spanish = _import(editor_api, "# Desempleo\n\n" + SPANISH)
    english = _import(editor_api, "# Jobs\n\n" + ENGLISH)

    assert (spanish.status_code, spanish.json()["language"]) == (201, "es")
    assert (english.status_code, english.json()["language"]) == (201, "en")
    assert Article.objects.get(pk=spanish.json()["id"]).language == "es"


def test_a_text_too_short_to_tell_has_no_language(editor_api):
    response = _import(editor_api, "# Figures\n\n2,300 · 4,100 · 17% · 2012-2014 · 3.5 km · 88 · 19.")

    assert response.json()["language"] == ""


def test_the_editor_gives_the_language_at_import_in_its_conventional_case(editor_api):
    response = _import(editor_api, "# Desemprego\n\n" + SPANISH, language="PT-br")

    assert (response.status_code, response.json()["language"]) == (201, "pt-BR")


def test_an_empty_language_at_import_is_detected_from_the_text(editor_api):
    response = _import(editor_api, "# Desempleo\n\n" + SPANISH, language="")

    assert (response.status_code, response.json()["language"]) == (201, "es")


def test_a_malformed_language_at_import_is_a_400_naming_the_field(editor_api):
    response = _import(editor_api, SPANISH, language="Spanish please")

    assert response.status_code == 400
    assert "language" in str(response.json())
    assert not Article.objects.exists()


def test_the_not_english_notice_names_the_detected_language(editor_api, client, editor):
    article_id = _import(editor_api, "# Desempleo\n\n" + SPANISH).json()["id"]

    extraction = ArticleExtraction.objects.get(article_id=article_id)
    assert extraction.status == ExtractionStatus.UNSUPPORTED_LANGUAGE
    assert extraction.message.startswith(
        "This article looks Spanish; automatic claim extraction supports English only; add claims by hand"
    )
    client.force_login(editor)
    page = client.get(reverse("articles:detail", args=[article_id])).content.decode()
    assert "This article looks Spanish;" in page
    assert 'lang="es"' in page


def test_the_notice_follows_the_editors_correction(editor_api, client, editor):
    article_id = _import(editor_api, "# Desempleo\n\n" + SPANISH).json()["id"]
    editor_api.patch(reverse("api:article-detail", args=[article_id]), {"language": "ca"}, format="json")

    client.force_login(editor)
    page = client.get(reverse("articles:detail", args=[article_id])).content.decode()
    assert "This article looks Catalan;" in page
    extraction = editor_api.get(reverse("api:claim-extraction"), {"article": article_id}).json()
    assert extraction["message"].startswith("This article looks Catalan;")


def test_an_editor_corrects_the_language_over_the_api_and_it_is_audited(editor_api, desk):
    article = factories.ArticleFactory(desk=desk, language="es")

    response = editor_api.patch(reverse("api:article-detail", args=[article.pk]), {"language": "pt-br"}, format="json")

    assert (response.status_code, response.json()["language"]) == (200, "pt-BR")
    event = AuditEvent.objects.get(action=AuditAction.ARTICLE_LANGUAGE_SET)
    assert event.article_id == article.pk
    assert event.details["language"] == "pt-BR"
    assert event.details["previous_language"] == "es"
    assert audit_event_summary(event) == "edith set the article\u2019s language to Brazilian Portuguese (was Spanish)"


def test_setting_the_same_language_again_records_nothing(editor_api, desk):
    article = factories.ArticleFactory(desk=desk, language="es")

    editor_api.patch(reverse("api:article-detail", args=[article.pk]), {"language": "es"}, format="json")

    assert not AuditEvent.objects.filter(action=AuditAction.ARTICLE_LANGUAGE_SET).exists()


def test_a_malformed_correction_is_a_400_and_changes_nothing(editor_api, desk):
    article = factories.ArticleFactory(desk=desk, language="es")

    response = editor_api.patch(reverse("api:article-detail", args=[article.pk]), {"language": "e$"}, format="json")

    assert response.status_code == 400
    article.refresh_from_db()
    assert article.language == "es"


def test_a_reviewer_cannot_correct_the_language(reviewer_api, desk):
    article = factories.ArticleFactory(desk=desk, language="es")

    response = reviewer_api.patch(reverse("api:article-detail", args=[article.pk]), {"language": "fr"}, format="json")

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.language == "es"


def test_an_empty_patch_is_a_400(editor_api, desk):
    article = factories.ArticleFactory(desk=desk)

    response = editor_api.patch(reverse("api:article-detail", args=[article.pk]), {}, format="json")

    assert response.status_code == 400


def test_the_article_page_corrects_the_language(client, editor, desk):
    article = factories.ArticleFactory(desk=desk, language="es")
    client.force_login(editor)

    response = client.post(reverse("articles:language", args=[article.pk]), {"language": "fr"}, follow=True)

    article.refresh_from_db()
    assert article.language == "fr"
    assert "Saved the article&#x27;s language: French." in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.ARTICLE_LANGUAGE_SET, article_id=article.pk).exists()


def test_the_article_page_refuses_a_malformed_language_with_a_message(client, editor, desk):
    article = factories.ArticleFactory(desk=desk, language="es")
    client.force_login(editor)

    response = client.post(reverse("articles:language", args=[article.pk]), {"language": "Spanish!"}, follow=True)

    article.refresh_from_db()
    assert article.language == "es"
    assert "BCP 47" in response.content.decode()


def test_the_import_form_takes_the_language(client, editor):
    client.force_login(editor)

    client.post(reverse("articles:import"), {"text": "# Chômage\n\n" + FRENCH, "language": "fr-ca"})

    assert Article.objects.get().language == "fr-CA"


def test_the_import_form_detects_the_language_when_left_empty(client, editor):
    client.force_login(editor)

    client.post(reverse("articles:import"), {"text": "# Chômage\n\n" + FRENCH, "language": ""})

    assert Article.objects.get().language == "fr"


def test_the_article_list_filters_by_language_including_narrower_tags(editor_api, desk):
    spanish = factories.ArticleFactory(desk=desk, language="es")
    mexican = factories.ArticleFactory(desk=desk, language="es-MX")
    factories.ArticleFactory(desk=desk, language="en")

    response = editor_api.get(reverse("api:article-list"), {"language": "ES"})

    assert response.status_code == 200
    assert {row["id"] for row in response.json()["results"]} == {str(spanish.pk), str(mexican.pk)}


def test_a_malformed_language_filter_is_a_400(editor_api):
    response = editor_api.get(reverse("api:article-list"), {"language": "not a language"})

    assert response.status_code == 400
    assert "language" in response.json()["extra"]["fields"]


def test_the_dashboard_filters_by_language(client, editor, desk):
    factories.ArticleFactory(desk=desk, language="es", title="Desempleo en baja")
    factories.ArticleFactory(desk=desk, language="en", title="Jobs are up")
    client.force_login(editor)

    page = client.get(reverse("dashboard"), {"language": "es"}).content.decode()

    assert "Desempleo en baja" in page
    assert "Jobs are up" not in page
    assert "Spanish (es)" in page


def test_the_dashboard_refuses_a_language_no_article_is_in(client, editor, desk):
    factories.ArticleFactory(desk=desk, language="es")
    client.force_login(editor)

    assert client.get(reverse("dashboard"), {"language": "xx"}).status_code == 400


def test_the_migration_detects_the_language_of_earlier_articles_in_batches(desk, monkeypatch):
    from importlib import import_module

    migration = import_module("apps.articles.migrations.0005_article_language_detect")
    monkeypatch.setattr(migration, "BATCH", 2)
    spanish = [factories.ArticleFactory(desk=desk, body=f"{n}. {SPANISH}") for n in range(3)]
    french = factories.ArticleFactory(desk=desk, body=FRENCH)
    short = factories.ArticleFactory(desk=desk, body="Hola.")
    corrected = factories.ArticleFactory(desk=desk, body=ENGLISH, language="en-GB")

    migration.detect(installed_apps, SimpleNamespace(connection=connection))

    languages = dict(Article.objects.values_list("pk", "language"))
    assert [languages[article.pk] for article in spanish] == ["es", "es", "es"]
    assert languages[french.pk] == "fr"
    assert languages[short.pk] == ""
    assert languages[corrected.pk] == "en-GB"


def test_the_review_queue_filters_by_language(client, desk, editor, reviewer):
    from apps.reviews.services import review_tasks_assign

    spanish = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="es"), text="Bajó el paro")
    english = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language="en"), text="Jobs rose")
    tasks = [factories.ReviewTaskFactory(claim=claim) for claim in (spanish, english)]
    review_tasks_assign(editor=editor, tasks=tasks, assignee=reviewer)
    client.force_login(reviewer)

    page = client.get(reverse("reviews:queue"), {"language": "es"})
    refused = client.get(reverse("reviews:queue"), {"language": "fr"})

    assert "Bajó el paro" in page.content.decode()
    assert "Jobs rose" not in page.content.decode()
    assert "You have no open claims in that language any more." in refused.content.decode()
