"""How an article came in (SourceKind) reads in the reader's language in the admin, while the stored
value, the API's value and the audit trail's English label stay as they were."""

import pytest
from django.urls import reverse
from django.utils import translation

from apps.articles.models import SourceKind
from apps.articles.services import article_import_text
from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db

BODY = "# Vetoes\n\nThe Security Council met 12 times in 2023. Russia vetoed four resolutions on Syria."


@pytest.mark.parametrize(
    ("language", "label"), [("es", "Texto pegado"), ("fr", "Texte collé"), ("pt-br", "Texto colado")]
)
def test_the_admin_lists_and_filters_the_source_kind_in_the_readers_language(root_client, desk, language, label):
    factories.ArticleFactory(desk=desk, source_kind=SourceKind.PASTE)

    page = root_client.get(reverse("admin:articles_article_changelist"), headers={"accept-language": language}).text

    assert f">{label}</a>" in page  # the filter's choice
    assert f">{label}</td>" in page  # the column
    assert "Pasted text" not in page


def test_the_label_follows_the_active_language():
    with translation.override("fr"):
        assert str(SourceKind.UPLOAD.label) == "Fichier importé"
    with translation.override("en"):
        assert str(SourceKind.UPLOAD.label) == "Uploaded file"


def test_stored_and_api_values_are_unchanged(desk, editor, editor_api):
    with translation.override("es"):
        article = article_import_text(desk=desk, user=editor, text=BODY).article

    article.refresh_from_db()
    assert article.source_kind == "paste"
    response = editor_api.get(reverse("api:article-detail", args=[article.pk]), headers={"accept-language": "fr"})
    assert response.json()["source_kind"] == "paste"


def test_the_audit_trail_keeps_the_english_label_whatever_the_importers_language(desk, editor):
    with translation.override("es"):
        article_import_text(desk=desk, user=editor, text=BODY)

    event = AuditEvent.objects.get(action=AuditAction.ARTICLE_IMPORTED)
    assert event.details["how"] == "Pasted text"
    with translation.override("es"):
        assert "(texto pegado)" in audit_event_summary(event)
