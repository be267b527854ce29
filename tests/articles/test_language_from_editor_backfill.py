"""articles 0008: an article whose language an editor corrected before the flag was kept reads as the
editor's on its page; one whose language was detected stays detected."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from apps.articles.models import Article
from apps.articles.services import article_language_set
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("apps.articles.migrations.0008_article_language_from_editor_backfill")


def test_an_article_an_editor_corrected_before_the_flag_is_the_editors(client, desk, editor):
    corrected = ArticleFactory(desk=desk, language="de")
    article_language_set(article=corrected, user=editor, language="de-DE")
    detected = ArticleFactory(desk=desk, language="es")
    # As 0007 left rows written before it: the correction is in the audit trail, the flag at its default.
    Article.objects.update(language_from_editor=False)

    migration.language_from_editor_backfill(apps, None)

    assert Article.objects.get(pk=corrected.pk).language_from_editor
    assert not Article.objects.get(pk=detected.pk).language_from_editor
    client.force_login(editor)
    page = client.get(reverse("articles:detail", args=[corrected.pk])).content.decode()
    assert "Given by an editor" in page
