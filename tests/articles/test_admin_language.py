"""A site administrator's change of an article's language in the Django admin is the app's correction:
checked, counted as the editor's, recorded, and an article refused as not English that is now English has
its claims found. Whether the language is the editor's is the app's to say, not a checkbox there."""

import pytest
from django.urls import reverse

from apps.articles.services import article_import_text
from apps.claims.models import ArticleExtraction, Claim, ExtractionStatus
from apps.core.models import AuditAction, AuditEvent
from tests.admin_forms import admin_change_data
from tests.articles.test_language_extraction import FIGURES

pytestmark = pytest.mark.django_db


def _refused(desk, editor, *, language):
    article = article_import_text(desk=desk, user=editor, text=FIGURES, language=language).article
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.UNSUPPORTED_LANGUAGE
    return article


def _admin_post(root_client, root, article, **changes):
    data = admin_change_data(article, user=root, **changes)
    return root_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)


@pytest.mark.parametrize(("imported_as", "corrected_to"), [("es", "en"), (None, "en-GB")])
def test_correcting_a_refused_article_to_english_in_the_admin_finds_its_claims(
    desk, editor, root, root_client, imported_as, corrected_to
):
    # None: the detector read it as English and the English check refused it; the language was not the editor's.
    article = _refused(desk, editor, language=imported_as)
    language_before = article.language

    response = _admin_post(root_client, root, article, language=corrected_to, title="Economy in March, corrected")

    assert response.status_code == 302, response.content[:3000]
    article.refresh_from_db()
    assert (article.language, article.language_from_editor) == (corrected_to, True)
    assert article.title == "Economy in March, corrected"
    assert Claim.objects.filter(article=article).count() == 8
    assert ArticleExtraction.objects.get(article=article).status == ExtractionStatus.DONE
    events = AuditEvent.objects.filter(action=AuditAction.ARTICLE_LANGUAGE_SET, article_id=article.pk)
    assert [(event.actor, event.details["previous_language"]) for event in events] == [(root, language_before)]


def test_whether_the_language_is_the_editors_is_not_ticked_in_the_admin(desk, editor, root, root_client):
    article = article_import_text(desk=desk, user=editor, text=FIGURES.replace("March", "April"), language=None).article
    assert not article.language_from_editor
    data = {**admin_change_data(article, user=root), "language_from_editor": "on"}

    response = root_client.post(reverse("admin:articles_article_change", args=[article.pk]), data)

    assert response.status_code == 302, response.content[:3000]
    article.refresh_from_db()
    assert not article.language_from_editor
