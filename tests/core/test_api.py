"""The OpenAPI schema describes the bodies the API really answers with: client generators build
their types from it, so an undocumented null or a list documented as a page breaks them."""

import re
import uuid
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from apps.claims import services as claim_services
from apps.reviews import services as review_services
from apps.reviews.models import Rating
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def openapi():
    return SchemaGenerator().get_schema(request=None, public=True)


def _json_schema(node):
    """OpenAPI 3.0 to JSON Schema: `nullable` becomes a null alternative, and objects refuse
    properties the schema does not name."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items() if key not in ("readOnly", "writeOnly")}
    if "$ref" in node:
        node["$ref"] = node["$ref"].replace("#/components/schemas/", "#/definitions/")
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def _assert_documented(openapi, method, response):
    path = response.wsgi_request.path
    templates = sorted(openapi["paths"], key=lambda template: template.count("{"))
    template = next(t for t in templates if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", t), path))
    documented = openapi["paths"][template][method]["responses"]
    status = str(response.status_code)
    assert status in documented, f"{method.upper()} {template} answers {status}, documented: {list(documented)}"
    schema = documented[status]["content"]["application/json"]["schema"]
    definitions = _json_schema(openapi["components"]["schemas"])
    jsonschema.validate(response.json(), {**_json_schema(schema), "definitions": definitions}, format_checker=_FORMATS)


# Formats the schema promises, checked as client generators read them: a `uri` is an absolute URL.
_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("uri")
def _is_absolute_url(value) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


@pytest.fixture
def reviewed_article(desk, editor, reviewer):
    """An article with an unassigned task, an assigned one and one with a submitted verdict."""
    article = factories.ArticleFactory(desk=desk)
    tasks = [
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, start=i, end=i + 1)) for i in range(3)
    ]
    review_services.review_tasks_assign(editor=editor, tasks=tasks[1:], assignee=reviewer)
    review_services.verdict_submit(
        user=reviewer, task=tasks[2], rating=Rating.objects.filter(scale__desk=None).first(), rationale="Records."
    )
    claim_services.claim_reject(claim=factories.ClaimFactory(article=article, start=5, end=6), user=editor, reason="x")
    return article


@pytest.mark.parametrize(
    ("path", "client"),
    [
        ("/api/v1/tasks/", "editor_api"),
        ("/api/v1/tasks/?assignee=me", "reviewer_api"),
        ("/api/v1/claims/", "editor_api"),
        ("/api/v1/claims/feedback/", "editor_api"),
        ("/api/v1/ratings/", "editor_api"),
        ("/api/v1/desks/", "editor_api"),
    ],
)
def test_list_bodies_match_the_schema(openapi, reviewed_article, request, path, client):
    response = request.getfixturevalue(client).get(path)

    assert response.status_code == 200
    _assert_documented(openapi, "get", response)


def test_task_bodies_match_the_schema_in_every_state(openapi, reviewed_article, editor_api):
    for task in reviewed_article.claims.exclude(review_task=None).values_list("review_task", flat=True):
        _assert_documented(openapi, "get", editor_api.get(f"/api/v1/tasks/{task}/"))


def test_assign_answers_the_documented_list(openapi, reviewed_article, editor_api, reviewer):
    task = reviewed_article.claims.get(review_task__status="new").review_task

    response = editor_api.post(
        "/api/v1/tasks/assign/",
        {"task_ids": [str(task.pk)], "assignee": reviewer.username, "due_date": str(timezone.localdate())},
        format="json",
    )

    assert response.status_code == 200
    _assert_documented(openapi, "post", response)


def test_filters_are_documented_on_the_lists_only(openapi):
    """The claim and task filters are query parameters of their lists, not of every action."""

    def query_parameters(path, method):
        parameters = openapi["paths"][path][method].get("parameters", [])
        return {parameter["name"] for parameter in parameters if parameter["in"] == "query"}

    assert {"article", "status", "kind"} <= query_parameters("/api/v1/claims/", "get")
    assert {"article", "status", "assignee"} <= query_parameters("/api/v1/tasks/", "get")
    assert query_parameters("/api/v1/claims/{id}/reject/", "post") == set()
    assert query_parameters("/api/v1/claims/feedback/", "get") == {"desk"}
    assert query_parameters("/api/v1/tasks/assign/", "post") == set()
    assert query_parameters("/api/v1/tasks/{id}/approve/", "post") == set()


@pytest.mark.parametrize("authorization", [None, "Token not-a-real-key", "Token two words"])
def test_missing_or_bad_credentials_are_a_401_naming_the_token_scheme(anonymous_api, authorization):
    """A client tells 'log in again' (401) from 'not allowed' (403) by the status alone."""
    if authorization:
        anonymous_api.credentials(HTTP_AUTHORIZATION=authorization)

    response = anonymous_api.get("/api/v1/claims/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert set(response.json()) == {"message", "extra"}


def test_a_logged_in_member_without_the_role_still_gets_403(reviewer_api, desk):
    assert reviewer_api.get(f"/api/v1/desks/{desk.slug}/members/").status_code == 403


@pytest.mark.parametrize(
    ("method", "path", "message"),
    [
        ("get", "/api/v1/artcles/", "There is no API endpoint at /api/v1/artcles/."),
        ("post", "/api/v1/nothing/here", "There is no API endpoint at /api/v1/nothing/here."),
        # A newline in a path segment that takes a slug: the catch-all did not match it, and the
        # site's HTML 404 page answered.
        ("get", "/api/v1/desks/a%0Ab/ratings/", "There is no API endpoint at /api/v1/desks/a\nb/ratings/."),
        (
            "post",
            "/api/v1/articles/import",
            "There is no API endpoint at /api/v1/articles/import. Did you mean /api/v1/articles/import/ "
            "(with the final slash)?",
        ),
    ],
)
def test_an_unknown_api_path_is_a_json_404(editor_api, method, path, message):
    response = getattr(editor_api, method)(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": message, "extra": {}}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_token_client_writing_to_an_unknown_api_path_gets_the_json_404(editor, method):
    """Token clients send no CSRF token; the catch-all answered their writes with the site's HTML
    "Form expired" page (a 403), hiding the hint about the final slash."""
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")

    response = getattr(client, method)("/api/v1/articles/import", {"text": "An article."}, format="json")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].endswith("Did you mean /api/v1/articles/import/ (with the final slash)?")


@pytest.mark.parametrize("path", ["/api/v1/articles/import/", "/api/v1/claims/", "/api/v1/tasks/assign/"])
@pytest.mark.parametrize("body", ["[" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_json_nested_past_the_parsers_depth_is_a_400_not_a_500(editor_api, desk, path, body):
    # Python's json module gives up with RecursionError, which DRF's parser lets through.
    response = editor_api.post(path, body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == {"message": "JSON parse error - the document is nested too deeply.", "extra": {}}


# --- Error answers: documented for the statuses each operation really returns ------------------


def test_every_operation_documents_its_common_errors_in_the_error_shape(openapi):
    error = {"$ref": "#/components/schemas/Error"}
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            expected = {"401", "403"}
            if "{" in path:
                expected.add("404")
            if "requestBody" in operation:
                expected |= {"400", "413", "415"}
            assert expected <= set(responses), f"{method.upper()} {path} documents {list(responses)}"
            for status, response in responses.items():
                if int(status) >= 400:
                    assert response["content"]["application/json"]["schema"] == error, (method, path, status)


def test_statuses_only_some_services_raise_are_documented_where_they_are(openapi):
    def statuses(path, method):
        return set(openapi["paths"][path][method]["responses"])

    assert {"409", "412"} <= statuses("/api/v1/claims/{id}/edit/", "post")
    assert {"409", "422"} <= statuses("/api/v1/claims/", "post")
    assert "409" in statuses("/api/v1/tasks/{id}/approve/", "post")
    assert "409" in statuses("/api/v1/desks/{desk_slug}/members/", "post")
    assert "412" in statuses("/api/v1/library-documents/{id}/", "patch")
    assert "409" not in statuses("/api/v1/claims/{id}/release/", "post")
    assert "400" not in statuses("/api/v1/claims/{id}/", "get")


@pytest.mark.parametrize(
    ("status", "client", "method", "path", "body"),
    [
        (400, "editor_api", "post", "/api/v1/claims/", {"start": -1}),
        (400, "editor_api", "get", "/api/v1/claims/?kind=rumour", None),
        (401, "anonymous_api", "get", "/api/v1/tasks/", None),
        (403, "reviewer_api", "get", "/api/v1/desks/world/members/", None),
        # A fixed unknown id, not a random one: parallel workers (pytest-xdist) must collect the same test ids.
        (404, "editor_api", "get", f"/api/v1/claims/{uuid.UUID(int=0x5EED)}/", None),
        (404, "editor_api", "get", "/api/v1/claims/?page=99", None),
        (404, "editor_api", "post", "/api/v1/tasks/assign/", {"task_ids": [str(uuid.uuid4())], "assignee": "rachel"}),
    ],
)
def test_error_bodies_match_the_schema(openapi, reviewed_article, request, status, client, method, path, body):
    response = getattr(request.getfixturevalue(client), method)(path, body, format="json")

    assert response.status_code == status, response.content
    _assert_documented(openapi, method, response)


@pytest.fixture
def approving_an_unsubmitted_verdict(reviewed_article, editor_api):
    task = reviewed_article.claims.get(review_task__status="assigned").review_task
    return editor_api.post(f"/api/v1/tasks/{task.pk}/approve/")


@pytest.fixture
def rejecting_a_claim_with_a_verdict(reviewed_article, editor_api):
    claim = reviewed_article.claims.get(review_task__status="submitted")
    return editor_api.post(f"/api/v1/claims/{claim.pk}/reject/", {"reason": "An opinion."}, format="json")


@pytest.fixture
def editing_with_a_stale_etag(reviewed_article, editor_api):
    claim = reviewed_article.claims.get(review_task__status="new")
    stale = editor_api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    editor_api.post(f"/api/v1/claims/{claim.pk}/edit/", {"text": "Reworded once."}, format="json")
    return editor_api.post(
        f"/api/v1/claims/{claim.pk}/edit/", {"text": "Reworded twice."}, format="json", HTTP_IF_MATCH=stale
    )


@pytest.fixture
def sending_too_large_a_body(settings, editor_api):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    return editor_api.post("/api/v1/claims/", {"text": "x" * 2000}, format="json")


@pytest.fixture
def sending_a_body_that_is_not_json(editor_api):
    return editor_api.post("/api/v1/claims/", "start=1", content_type="text/plain")


@pytest.fixture
def reusing_an_idempotency_key_for_another_claim(reviewed_article, editor_api):
    for end in (2, 3):
        response = editor_api.post(
            "/api/v1/claims/",
            {"article": str(reviewed_article.pk), "start": 0, "end": end},
            format="json",
            HTTP_IDEMPOTENCY_KEY="once",
        )
    return response


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        (409, "approving_an_unsubmitted_verdict"),
        (409, "rejecting_a_claim_with_a_verdict"),
        (412, "editing_with_a_stale_etag"),
        (413, "sending_too_large_a_body"),
        (415, "sending_a_body_that_is_not_json"),
        (422, "reusing_an_idempotency_key_for_another_claim"),
    ],
)
def test_workflow_error_bodies_match_the_schema(openapi, request, status, answer):
    response = request.getfixturevalue(answer)

    assert response.status_code == status, response.content
    _assert_documented(openapi, "post", response)


def test_a_split_answers_the_documented_plain_list(openapi, desk, editor_api):
    """The split's new claims are a plain list, not a page (the schema said a page)."""
    article = factories.ArticleFactory(desk=desk, body="Unemployment fell to 4%. Inflation rose to 3%.")
    claim = factories.ClaimFactory(article=article, start=0, end=len(article.body))

    response = editor_api.post(
        f"/api/v1/claims/{claim.pk}/split/",
        {"parts": [{"start": 0, "end": 24}, {"start": 25, "end": 46}]},
        format="json",
    )

    assert response.status_code == 201, response.content
    _assert_documented(openapi, "post", response)


def test_reference_and_source_link_bodies_match_the_schema(openapi, desk, editor_api):
    """Before the Internet Archive has a snapshot, archive_url is empty (documented as a `uri`, it
    was not one), and a UN document's link has no source rule (documented as never null)."""
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    reference = factories.ReferenceFactory(claim=claim)
    link = factories.SourceLinkFactory(claim=claim, rule=None)

    for path in (
        f"/api/v1/references/?claim={claim.pk}",
        f"/api/v1/references/{reference.pk}/",
        f"/api/v1/source-links/?claim={claim.pk}",
        f"/api/v1/source-links/{link.pk}/",
    ):
        response = editor_api.get(path)

        assert response.status_code == 200
        _assert_documented(openapi, "get", response)


def test_library_bodies_match_the_schema(openapi, desk, editor_api):
    """The list's rows (excerpts, or whole documents with full_text=1) and the document."""
    document = factories.LibraryDocumentFactory(desk=desk)
    factories.LibraryDocumentFactory(desk=None, publisher="", published_on=None, body="")

    for path in (
        "/api/v1/library-documents/",
        "/api/v1/library-documents/?full_text=1",
        f"/api/v1/library-documents/{document.pk}/",
    ):
        response = editor_api.get(path)

        assert response.status_code == 200
        _assert_documented(openapi, "get", response)
