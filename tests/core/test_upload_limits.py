"""The request body limit (DATA_UPLOAD_MAX_MEMORY_SIZE) admits every article the app itself
accepts (ARTICLE_MAX_BYTES of text), however a client encodes it."""

import json

import pytest

from apps.articles.models import Article

pytestmark = pytest.mark.django_db

PARAGRAPH = "Министр заявил, что в 2023 году безработица снизилась на 12 процентов. " * 10 + "\n\n"


def _article_of(size_in_bytes):
    return PARAGRAPH * (size_in_bytes // len(PARAGRAPH.encode()))


def test_the_largest_article_fits_in_json_with_escaped_characters(editor_api, desk, settings):
    text = _article_of(settings.ARTICLE_MAX_BYTES)
    # json.dumps' default (and so `requests`'s json=) writes each Cyrillic letter as a 6-byte \uXXXX.
    body = json.dumps({"text": text, "desk": desk.slug})
    assert len(body) > 2.5 * settings.ARTICLE_MAX_BYTES

    response = editor_api.post("/api/v1/articles/import/", body, content_type="application/json")

    assert response.status_code == 202, response.content[:300]
    assert Article.objects.get().body.startswith("Министр заявил")


def test_a_body_beyond_any_article_is_still_refused_before_it_is_read(editor_api, desk, settings):
    body = json.dumps({"text": _article_of(3 * settings.ARTICLE_MAX_BYTES), "desk": desk.slug})

    response = editor_api.post("/api/v1/articles/import/", body, content_type="application/json")

    assert response.status_code == 413
    assert Article.objects.count() == 0
