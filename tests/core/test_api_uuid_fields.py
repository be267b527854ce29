"""An id in a request body is a UUID written as a string. DRF's UUIDField also took a number as the
UUID of that number and a boolean as 0 or 1: `{"desk": false}` named the all-zero UUID and was
answered 404, as if it were an id of nothing, instead of a 400 saying the value is no id."""

import importlib
import inspect
import uuid
from pathlib import Path

import pytest
from rest_framework import serializers

from apps.core.api.fields import UUIDStringField
from tests import factories

APPS_DIR = Path(__file__).resolve().parents[2] / "apps"
SOME_ID = str(uuid.uuid4())


@pytest.fixture
def assigned_task(desk, reviewer):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    return factories.ReviewTaskFactory(claim=claim, assignee=reviewer, status="in_review")


def _requests(task):
    """(who sends it, method, path, body with `value` where an id goes, the field named in the error)."""
    claim = task.claim
    return {
        "claim create": ("editor", "post", "/api/v1/claims/", {"article": "VALUE", "start": 0, "end": 6}, "article"),
        "claim merge": ("editor", "post", f"/api/v1/claims/{claim.pk}/merge/", {"claims": ["VALUE"]}, "claims"),
        "task assign": (
            "editor",
            "post",
            "/api/v1/tasks/assign/",
            {"task_ids": ["VALUE"], "assignee": "rachel"},
            "task_ids",
        ),
        "verdict rating": (
            "reviewer",
            "post",
            f"/api/v1/tasks/{task.pk}/verdict/",
            {"rating": "VALUE", "rationale": "Vetoed four times."},
            "rating",
        ),
        "verdict references": (
            "reviewer",
            "post",
            f"/api/v1/tasks/{task.pk}/verdict/",
            {"rating": SOME_ID, "rationale": "Vetoed four times.", "references": ["VALUE"]},
            "references",
        ),
        "library document desk": (
            "editor",
            "post",
            "/api/v1/library-documents/",
            {"desk": "VALUE", "title": "UN record", "url": "https://example.org/un", "body": "Vetoed."},
            "desk",
        ),
    }


def _with_value(body: dict, value) -> dict:
    def put(field):
        return [value] if field == ["VALUE"] else value if field == "VALUE" else field

    return {key: put(field) for key, field in body.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "request_name",
    ["claim create", "claim merge", "task assign", "verdict rating", "verdict references", "library document desk"],
)
@pytest.mark.parametrize(("value", "kind"), [(False, "boolean"), (True, "boolean"), (1, "number"), (0, "number")])
def test_a_number_or_boolean_where_an_id_goes_is_a_400_naming_the_field(
    editor_api, reviewer_api, assigned_task, request_name, value, kind
):
    sender, method, path, body, field = _requests(assigned_task)[request_name]
    client = {"editor": editor_api, "reviewer": reviewer_api}[sender]

    response = getattr(client, method)(path, _with_value(body, value), format="json")

    assert response.status_code == 400, response.json()
    problems = response.json()["extra"]["fields"][field]
    message = problems["0"][0] if isinstance(problems, dict) else problems[0]
    assert message == (
        f'Must be a UUID written as a string, such as "0f8fad5b-d9cb-469f-a165-70867728950e"; got a {kind}.'
    )


def _serializer_classes():
    for path in sorted(APPS_DIR.glob("*/api/*.py")):
        module = importlib.import_module(".".join(path.relative_to(APPS_DIR.parent).with_suffix("").parts))
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, serializers.BaseSerializer) and cls.__module__ == module.__name__:
                yield cls


def _writable_fields(fields, prefix: str):
    for name, field in fields.items():
        if field.read_only:
            continue
        while isinstance(field, serializers.ListField | serializers.DictField | serializers.ListSerializer):
            field = field.child
        if isinstance(field, serializers.Serializer):
            yield from _writable_fields(field.fields, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", field


def test_every_id_field_the_api_declares_takes_only_strings():
    """A guard for serializers to come: a field of DRF's own UUIDField takes numbers again. Output
    serializers' fields are held to it too: they cannot be told from input ones by their class, and
    read the same either way."""
    lenient = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _serializer_classes()
        for name, field in _writable_fields(cls().fields, "")
        if isinstance(field, serializers.UUIDField) and not isinstance(field, UUIDStringField)
    ]

    assert lenient == []
