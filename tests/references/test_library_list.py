"""The reference library's list answers each body's start and length, not the bodies (up to
2,000,000 characters each), and does not read them from the database; the document keeps its body."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from apps.references.models import LibraryDocument
from tests import factories

LIST = reverse("api:library-document-list")
# Two bytes each in UTF-8: the excerpt and length count characters, not bytes.
BODY = "Résolution du Conseil de sécurité. " * 20


def _detail(document) -> str:
    return reverse("api:library-document-detail", args=[document.pk])


def _rows(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def document(desk):
    return factories.LibraryDocumentFactory(desk=desk, title="Resolution", body=BODY)


def test_list_rows_have_the_bodys_start_and_length_instead_of_the_body(document, editor_api):
    (row,) = _rows(editor_api.get(LIST))

    assert "body" not in row
    assert row["body_excerpt"] == BODY[:300]
    assert row["body_length"] == len(BODY) == 700
    assert row["title"] == "Resolution"
    assert row["id"] == str(document.pk)


def test_the_document_keeps_its_whole_body_and_etag(document, editor_api):
    response = editor_api.get(_detail(document))

    assert response.status_code == 200
    assert response.json()["body"] == BODY
    assert "body_excerpt" not in response.json()
    etag = response["ETag"]
    stale = editor_api.patch(_detail(document), {"title": "Renamed"}, format="json", HTTP_IF_MATCH='"stale"')
    assert stale.status_code == 412
    fresh = editor_api.patch(_detail(document), {"title": "Renamed"}, format="json", HTTP_IF_MATCH=etag)
    assert fresh.status_code == 200
    assert fresh["ETag"] != etag


@pytest.mark.parametrize("value", ["1", "true"])
def test_full_text_lists_whole_bodies(document, editor_api, value):
    (row,) = _rows(editor_api.get(LIST, {"full_text": value}))

    assert row == editor_api.get(_detail(document)).json()


@pytest.mark.parametrize("value", ["0", "false", ""])
def test_full_text_off_lists_excerpts(document, editor_api, value):
    (row,) = _rows(editor_api.get(LIST, {"full_text": value}))

    assert "body" not in row
    assert row["body_length"] == len(BODY)


def test_a_full_text_value_that_is_not_a_boolean_is_a_400(document, editor_api):
    response = editor_api.get(LIST, {"full_text": "everything"})

    assert response.status_code == 400
    assert "full_text" in response.json()["extra"]["fields"]


def test_a_short_or_empty_body_is_its_own_excerpt(desk, editor_api):
    factories.LibraryDocumentFactory(desk=desk, title="A", body="Short.")
    factories.LibraryDocumentFactory(desk=desk, title="B", body="")

    rows = _rows(editor_api.get(LIST))

    assert [(row["body_excerpt"], row["body_length"]) for row in rows] == [("Short.", 6), ("", 0)]


def test_the_list_still_shows_only_the_users_desks_and_the_shared_documents(desk, other_desk, editor_api):
    ours = factories.LibraryDocumentFactory(desk=desk)
    shared = factories.LibraryDocumentFactory(desk=None)
    factories.LibraryDocumentFactory(desk=other_desk)

    assert {row["id"] for row in _rows(editor_api.get(LIST))} == {str(ours.pk), str(shared.pk)}


def _assert_the_list_reads_no_whole_body(editor_api):
    big = "x" * 2_000_000
    factories.LibraryDocumentFactory(desk=None, title="Big", body=big)

    with CaptureQueriesContext(connection) as queries:
        rows = _rows(editor_api.get(LIST))

    body = f"{connection.ops.quote_name(LibraryDocument._meta.db_table)}.{connection.ops.quote_name('body')}"
    reads = [query["sql"] for query in queries if body in query["sql"]]
    assert reads
    for sql in reads:
        # The column appears only as a function's argument (the excerpt and the length).
        assert sql.count(body) == sql.count(f"({body}"), sql
    assert (rows[0]["body_excerpt"], rows[0]["body_length"]) == (big[:300], 2_000_000)


def test_the_list_reads_no_whole_body_from_the_database(db, editor_api):
    _assert_the_list_reads_no_whole_body(editor_api)


@pytest.mark.postgres
def test_the_list_reads_no_whole_body_from_postgresql(db, editor_api, document):
    _assert_the_list_reads_no_whole_body(editor_api)
    row = next(row for row in _rows(editor_api.get(LIST)) if row["id"] == str(document.pk))
    assert (row["body_excerpt"], row["body_length"]) == (BODY[:300], len(BODY))


def test_the_schema_documents_excerpt_rows_and_full_text():
    openapi = SchemaGenerator().get_schema(request=None, public=True)
    schemas = openapi["components"]["schemas"]
    operation = openapi["paths"]["/api/v1/library-documents/"]["get"]

    (full_text,) = [parameter for parameter in operation["parameters"] if parameter["name"] == "full_text"]
    assert full_text["schema"]["type"] == "boolean"
    page = schemas[operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]]
    row = schemas[page["properties"]["results"]["items"]["$ref"].split("/")[-1]]
    shapes = [schemas[shape["$ref"].split("/")[-1]]["properties"] for shape in row["oneOf"]]
    assert [("body" in shape, "body_excerpt" in shape, "body_length" in shape) for shape in shapes] == [
        (False, True, True),
        (True, False, False),
    ]
    detail = openapi["paths"]["/api/v1/library-documents/{id}/"]["get"]["responses"]["200"]
    assert "body" in schemas[detail["content"]["application/json"]["schema"]["$ref"].split("/")[-1]]["properties"]
    assert "ETag" in detail["headers"]
