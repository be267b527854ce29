import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from apps.articles.models import Article, SourceKind
from apps.articles.parsing import ArticleInputError, ParsedArticle
from apps.articles.services import article_create, article_import_text
from apps.claims.models import Claim
from apps.references.models import ReferenceJob
from apps.reviews.models import ReviewTask
from tests.fakes import FakeResponse, FakeServer

DEMO = (
    "# Vetoes\n\nBy Jane Reporter\n\nMarch 3, 2013\n\n"
    "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, "
    "diplomats said on Monday. The United Nations says at least 70,000 people have been killed."
)


def test_import_runs_every_intake_step_and_queues_references_after_commit(
    desk, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        result = article_import_text(desk=desk, user=editor, text=DEMO)

    article = result.article
    assert result.created
    assert article.title == "Vetoes"
    assert article.byline == "Jane Reporter"
    assert article.imported_by == editor
    claims = Claim.objects.filter(article=article)
    assert claims.count() >= 2
    assert ReviewTask.objects.filter(claim__article=article).count() == claims.count()
    assert ReferenceJob.objects.filter(claim__article=article).count() == claims.count()
    assert callbacks, "reference gathering must be published after commit"


def test_same_article_twice_returns_the_existing_one(desk, editor):
    first = article_import_text(desk=desk, user=editor, text=DEMO)
    second = article_import_text(desk=desk, user=editor, text=DEMO.replace("\n\n", "\n\n\n"))
    assert not second.created
    assert second.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_api_import_pasted_text(editor_api, desk):
    response = editor_api.post("/api/v1/articles/import/", {"text": DEMO}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["created"] is True
    assert body["claim_count"] >= 2
    again = editor_api.post("/api/v1/articles/import/", {"text": DEMO}, format="json")
    assert (again.status_code, again.json()["id"], again.json()["created"]) == (200, body["id"], False)


def test_api_import_seed_upload(editor_api, desk, seed_bytes):
    upload = SimpleUploadedFile("seed.md", seed_bytes, content_type="text/markdown")
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == 201, response.json()
    assert response.json()["outlet"] == "The Moscow Times"
    assert response.json()["published_on"] == "2012-12-11"


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"text": ""}, 400, "empty"),
        ({"text": "   "}, 400, "empty"),
        ({"text": "Too short."}, 400, "too short"),
        ({}, 400, "Validation error"),
        ({"text": DEMO, "url": "https://example.org"}, 400, "Validation error"),
        ({"url": "not a url"}, 422, "Could not import"),
        ({"url": "http://169.254.169.254/latest/meta-data/"}, 422, "Could not import"),
        ({"url": "file:///etc/passwd"}, 422, "Could not import"),
        ({"url": "http://a..b.com/"}, 422, "Invalid host name"),
        ({"url": f"http://{'a' * 64}.example.org/"}, 422, "Invalid host name"),
    ],
)
def test_api_import_refuses_bad_input_and_stores_nothing(editor_api, desk, payload, status, message):
    response = editor_api.post("/api/v1/articles/import/", payload, format="json")
    assert response.status_code == status, response.content
    assert message.lower() in response.json()["message"].lower()
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, 415),
        ("binary.txt", b"\x00\x01\x02\x03" * 500, 400),
        ("empty.txt", b"", 400),
    ],
)
def test_api_import_refuses_bad_files(editor_api, desk, name, data, status):
    upload = SimpleUploadedFile(name, data)
    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")
    assert response.status_code == status, response.content
    assert response.json()["message"]
    assert Article.objects.count() == 0


def test_api_import_accepts_a_utf16_file_with_a_byte_order_mark(editor_api, desk):
    upload = SimpleUploadedFile("story.txt", DEMO.encode("utf-16"), content_type="text/plain")

    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")

    assert response.status_code == 201, response.json()
    assert response.json()["title"] == "Vetoes"


def test_api_import_refuses_oversized_text(editor_api, desk, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    response = editor_api.post("/api/v1/articles/import/", {"text": "word " * 500}, format="json")
    assert response.status_code == 413
    assert "limit" in response.json()["message"]


def test_reviewers_and_outsiders_cannot_import(reviewer_api, outsider_api, desk, outsider):
    assert reviewer_api.post("/api/v1/articles/import/", {"text": DEMO}, format="json").status_code == 403
    response = outsider_api.post("/api/v1/articles/import/", {"text": DEMO, "desk": desk.slug}, format="json")
    assert response.status_code == 404
    assert Article.objects.filter(desk=desk).count() == 0


def test_articles_are_scoped_to_the_users_desks(editor_api, outsider_api, desk, editor):
    article = article_import_text(desk=desk, user=editor, text=DEMO).article
    assert editor_api.get("/api/v1/articles/").json()["count"] == 1
    assert outsider_api.get("/api/v1/articles/").json()["count"] == 0
    assert outsider_api.get(f"/api/v1/articles/{article.pk}/").status_code == 404
    assert editor_api.get(f"/api/v1/articles/{article.pk}/").json()["body"].startswith("Russia")


def test_import_command_prints_id_and_claims(desk, editor, tmp_path, capsys, seed_bytes):
    path = tmp_path / "seed.txt"
    path.write_bytes(seed_bytes)
    call_command("import_article", str(path), "--desk", desk.slug, "--user", editor.username)
    output = capsys.readouterr().out.splitlines()
    article = Article.objects.get()
    assert output[0] == str(article.pk)
    assert "claims" in output[1]
    assert any("40,000" in line for line in output[2:])


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "empty"),
        (b"\x00\xff" * 100, "bin.txt", "binary"),
        (b"x" * 100, "a.odt", "Unsupported"),
        (b"x" * 100, "a.docx", "not a readable Word document"),
    ],
)
def test_import_command_fails_with_one_line_and_stores_nothing(desk, tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_article", str(path), "--desk", desk.slug)
    assert Article.objects.count() == 0


def test_import_command_refuses_a_file_far_past_the_limit_without_reading_it_whole(desk, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(150 * 1024 * 1024)  # sparse: no disk used
    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="larger than"):
            call_command("import_article", str(path), "--desk", desk.slug)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 40 * 1024 * 1024
    assert Article.objects.count() == 0


def test_import_command_missing_file(desk):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_article", "/nonexistent/article.txt", "--desk", desk.slug)


def test_api_import_refuses_a_body_over_the_request_limit_with_json(editor_api, desk, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = editor_api.post("/api/v1/articles/import/", {"text": "word " * 5000}, format="json")
    assert response.status_code == 413
    assert "Upload a large article as a file" in response.json()["message"]
    assert Article.objects.count() == 0


@pytest.mark.parametrize("body", [b"\xff\xfe garbage", b"{not json"])
def test_api_import_malformed_json_is_a_400_with_a_message(editor_api, desk, body):
    response = editor_api.post("/api/v1/articles/import/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["message"].startswith("JSON parse error")


# --- Parsed metadata the article model would refuse ------------------------------------------


def _web_client(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def test_a_bad_original_url_line_refuses_the_import_naming_the_line(editor_api, editor, desk):
    text = DEMO + "\n\nOriginal url: http://[::1"

    api = editor_api.post("/api/v1/articles/import/", {"text": text}, format="json")
    web = _web_client(editor).post(reverse("articles:import"), {"text": text})

    assert api.status_code == 400
    assert "“Original url: http://[::1”" in api.json()["message"]
    assert "source_url" not in api.content.decode()
    assert web.status_code == 400
    assert any("Original url: http://[::1" in error for error in web.context["form"].non_field_errors())
    assert Article.objects.count() == 0


def test_an_over_long_original_url_line_refuses_the_import(editor_api, desk):
    text = DEMO + "\n\nOriginal url: https://example.org/" + "a" * 2000

    response = editor_api.post("/api/v1/articles/import/", {"text": text}, format="json")

    assert response.status_code == 400
    assert "longer than 2,000 characters" in response.json()["message"]
    assert Article.objects.count() == 0


def test_a_one_paragraph_html_page_is_imported_with_that_paragraph_as_its_body(editor, desk):
    page = "<html><body><p>The ministry said 45 percent of schools closed in 2021.</p></body></html>"

    response = _web_client(editor).post(reverse("articles:import"), {"text": page})

    assert response.status_code == 302
    assert Article.objects.get().body == "The ministry said 45 percent of schools closed in 2021."


def test_an_html_page_with_an_over_long_canonical_url_is_imported_without_it(editor_api, desk):
    long_url = "https://example.org/" + "a" * 2000
    page = (
        f'<html><head><title>Vetoes</title><link rel="canonical" href="{long_url}"></head><body><article>'
        "<p>Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011.</p>"
        "<p>The United Nations says at least 70,000 people have been killed in the conflict.</p>"
        "</article></body></html>"
    )
    upload = SimpleUploadedFile("page.html", page.encode(), content_type="text/html")

    response = editor_api.post("/api/v1/articles/import/", {"file": upload}, format="multipart")

    assert response.status_code == 201, response.json()
    assert response.json()["source_url"] == ""


def test_a_url_import_redirected_to_an_over_long_address_keeps_the_address_asked_for(editor_api, desk, settings):
    page = (
        "<html><head><title>Vetoes</title></head><body><article>"
        "<p>Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011.</p>"
        "<p>The United Nations says at least 70,000 people have been killed in the conflict.</p>"
        "</article></body></html>"
    )
    long_path = "/final-" + "a" * 2000
    with FakeServer({"/story": FakeResponse.redirect(long_path), long_path: FakeResponse.html(page)}) as server:
        _allow_fake_server(settings, server)
        response = editor_api.post("/api/v1/articles/import/", {"url": server.url("/story")}, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["source_url"] == server.url("/story")


def test_a_url_import_of_a_page_over_the_article_size_limit_is_a_413(editor_api, desk, settings):
    settings.ARTICLE_MAX_BYTES = 10_000
    paragraphs = "".join(f"<p>The ministry said exports rose {n} percent in 2011.</p>" for n in range(400))
    page = f"<html><head><title>Exports</title></head><body><article>{paragraphs}</article></body></html>"
    with FakeServer({"/story": FakeResponse.html(page)}) as server:
        _allow_fake_server(settings, server)
        response = editor_api.post("/api/v1/articles/import/", {"url": server.url("/story")}, format="json")

    assert response.status_code == 413
    assert "larger than 10,000 bytes, the limit for an imported article" in response.json()["message"]
    assert Article.objects.count() == 0


def test_a_url_import_of_a_page_heavy_with_markup_but_a_short_text_is_imported(editor_api, desk, settings):
    settings.ARTICLE_MAX_BYTES = 10_000
    script = "<script>" + "var x = 1;" * 3000 + "</script>"
    article = "<p>Russia and China have vetoed three UN Security Council resolutions on Syria.</p>"
    page = f"<html><head><title>Vetoes</title>{script}</head><body><article>{article}</article></body></html>"
    with FakeServer({"/story": FakeResponse.html(page)}) as server:
        _allow_fake_server(settings, server)
        response = editor_api.post("/api/v1/articles/import/", {"url": server.url("/story")}, format="json")

    assert response.status_code == 201
    assert Article.objects.count() == 1


def test_an_article_the_model_refuses_is_an_input_error_not_a_validation_error(desk, editor):
    parsed = ParsedArticle(title="Vetoes", body="Russia and China vetoed three resolutions.", source_url="not a url")

    with pytest.raises(ArticleInputError, match="source url: Enter a valid URL"):
        article_create(desk=desk, user=editor, parsed=parsed, source_kind=SourceKind.PASTE)
    assert Article.objects.count() == 0


def _allow_fake_server(settings, server):
    settings.HTTP_ALLOWED_PRIVATE_HOSTS = [server.host]
    settings.HTTP_ALLOWED_PORTS = [server.port]
    settings.HTTP_SHARED_STATE_URL = ""
    settings.HTTP_HOST_MIN_INTERVAL_SECONDS = 0
    settings.HTTP_RETRIES = 0
