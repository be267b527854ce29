"""The import form: every way in, and every kind of bad input answered on the form with a 4xx."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from apps.articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("articles:import")


def _form_errors(response):
    return response.context["form"].non_field_errors() + [
        error for field in response.context["form"] for error in field.errors
    ]


def test_editor_sees_the_import_form(editor_client):
    response = editor_client.get(IMPORT_URL)

    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()


def test_a_reviewer_may_not_import(reviewer_client):
    response = reviewer_client.get(IMPORT_URL)

    assert response.status_code == 403
    assert "Only a desk&#x27;s editors can import articles." in response.content.decode()


def test_uploading_the_seed_creates_the_article_with_claims(editor_client, seed_bytes):
    response = editor_client.post(IMPORT_URL, {"file": SimpleUploadedFile("seed.txt", seed_bytes)})

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert article.claims.count() > 3
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Imported “{article.title}”: {article.claims.count()} claims to check."
    ]


def test_pasting_an_article_already_imported_redirects_to_it_with_a_notice(editor_client, seed_bytes):
    first = editor_client.post(IMPORT_URL, {"text": seed_bytes.decode("utf-8")})
    again = editor_client.post(IMPORT_URL, {"text": seed_bytes.decode("utf-8")})

    assert Article.objects.count() == 1
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert "This article was imported before; here it is." in [str(m) for m in get_messages(again.wsgi_request)]


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({}, 400, "Paste the article, upload a file or give a web address."),
        ({"text": "   \n  "}, 400, "The article is empty."),
        ({"text": "Too short."}, 400, "The article body is too short to check"),
        ({"url": "not a url"}, 400, "Enter a valid URL."),
        ({"text": "# A title\n\nSome text.", "url": "https://example.org/"}, 400, "Use only one of"),
    ],
)
def test_bad_pasted_input_is_explained_on_the_form(editor_client, data, status, message):
    response = editor_client.post(IMPORT_URL, data)

    assert response.status_code == status
    assert any(message in error for error in _form_errors(response))
    assert message.replace("'", "&#x27;") in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    ("filename", "content", "status", "message"),
    [
        ("empty.txt", b"", 400, "The article is empty."),
        ("binary.txt", b"\x00\x01\x02\x03" * 200, 400, "This looks like a binary file"),
        ("report.odt", b"PK\x03\x04 something", 415, "Unsupported file type .odt"),
        ("report.pdf", b"%PDF-1.4 something", 400, "This PDF could not be read"),
        ("page.html", b"<html><body><script>x()</script></body></html>", 400, "No article text"),
    ],
)
def test_bad_uploads_are_explained_on_the_form(editor_client, filename, content, status, message):
    response = editor_client.post(IMPORT_URL, {"file": SimpleUploadedFile(filename, content)})

    assert response.status_code == status
    assert any(message in error for error in _form_errors(response))
    assert not Article.objects.exists()


def test_an_upload_over_the_size_limit_is_refused_with_413(editor_client, settings, seed_bytes):
    settings.ARTICLE_MAX_BYTES = 100

    response = editor_client.post(IMPORT_URL, {"file": SimpleUploadedFile("seed.txt", seed_bytes)})

    assert response.status_code == 413
    assert any("the limit is 100 bytes" in error for error in _form_errors(response))
    assert not Article.objects.exists()


def test_pasted_text_over_the_request_limit_gets_the_400_page_with_advice(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    # Django refuses the body while the CSRF check reads it, before any view runs.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.force_login(editor)
    client.get(IMPORT_URL)

    response = client.post(IMPORT_URL, {"text": "x" * 5000, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})

    assert response.status_code == 400
    assert "imports better as an uploaded file" in response.content.decode()
    assert not Article.objects.exists()


def test_a_url_the_fetcher_refuses_is_explained_on_the_form(editor_client):
    response = editor_client.post(IMPORT_URL, {"url": "http://127.0.0.1:9/article"})

    assert 400 <= response.status_code < 500
    assert any("Could not import" in error for error in _form_errors(response))
    assert not Article.objects.exists()


def test_importing_into_a_desk_the_user_only_reviews_is_refused_on_the_form(editor_client, editor, other_desk):
    factories.MemberFactory(desk=other_desk, user=editor, role="reviewer")

    response = editor_client.post(IMPORT_URL, {"desk": other_desk.slug, "text": "# Title\n\n" + "Some text. " * 10})

    assert response.status_code == 403
    assert "Only the desk's editors can do this." in _form_errors(response)
    assert not Article.objects.exists()
