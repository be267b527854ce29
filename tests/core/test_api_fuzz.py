"""Property-based fuzzing of the whole REST API: no request, however malformed, gets a 5xx, and
every answer is one the schema documents.

Schemathesis reads the OpenAPI schema drf-spectacular generates and sends every operation
requests built from it, valid and invalid, through the real WSGI application with a token: as
the desk admin its coverage phase (boundary values, wrong types, missing fields, unexpected
methods) and 5 random examples, as the editor and as the reviewer 10 random examples. Path
parameters, and body fields that name other objects, are pinned to the ids of one seeded desk
(an article whose claims' tasks are new, assigned, in review, submitted, approved and reopened;
ratings, a reference, a source link and rule, a library document, a webhook and a delivery), so
requests reach view and service code instead of stopping at a 404. Generation is derandomized:
every run sends the same requests.

Each answer is checked against the operation's documentation: its status is one the operation
lists, its media type one documented for that status, its body matches the schema documented for
both (types, nullability, required fields), and documented headers (ETag, WWW-Authenticate) have
their documented shape. Whether the API accepts every request the schema allows, or refuses every
one it does not, is not checked: business rules (a due date in the past, a stale If-Match) refuse
schema-valid requests by design, and form bodies cannot say null.

Nothing leaves the machine: host names resolve to a loopback address, which the outbound client
refuses before opening a socket (article import by URL, webhook URLs), a guard fails the test on
any other connection, and tasks queued on commit never run inside the test transaction.
"""

import os
import re
import types
import uuid
from pathlib import Path

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import Constants, constants_from_module
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from apps.core import http
from apps.desks.models import Role, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint
from apps.reviews import services as reviews
from apps.reviews.models import Rating, RatingScale
from tests import factories
from tests.fakes import network
from tests.module_data import rolled_back_at_the_end

# Random examples per operation: after the coverage phase's cases for the desk admin, alone for the
# other roles. FACTCHECK_FUZZ_SCALE=20 multiplies them for a longer hunt on a developer's machine.
SCALE = int(os.environ.get("FACTCHECK_FUZZ_SCALE", "1"))
ADMIN_EXAMPLES = 5 * SCALE
ROLE_EXAMPLES = 10 * SCALE

DESK_SLUG = "world"
DESK_ID = uuid.UUID("00000000-0000-4000-8000-00000000de51")
ARTICLE_ID = uuid.UUID("00000000-0000-4000-8000-00000000a001")
CLAIM_IDS = [uuid.UUID(f"00000000-0000-4000-8000-00000000c00{n}") for n in range(1, 7)]
TASK_IDS = [uuid.UUID(f"00000000-0000-4000-8000-00000000e00{n}") for n in range(1, 7)]
RATING_IDS = [uuid.UUID(f"00000000-0000-4000-8000-00000000f00{n}") for n in range(1, 4)]
REFERENCE_ID = uuid.UUID("00000000-0000-4000-8000-000000002001")
SOURCE_LINK_ID = uuid.UUID("00000000-0000-4000-8000-000000003001")
RULE_ID = uuid.UUID("00000000-0000-4000-8000-00000000b001")
LIBRARY_DOCUMENT_ID = uuid.UUID("00000000-0000-4000-8000-000000001001")
WEBHOOK_ID = uuid.UUID("00000000-0000-4000-8000-00000000d001")
DELIVERY_ID = uuid.UUID("00000000-0000-4000-8000-00000000d101")
USERNAMES = {Role.ADMIN: "ada", Role.EDITOR: "edith", Role.REVIEWER: "rachel"}

SENTENCES = [
    "Russia and China have vetoed three United Nations Security Council resolutions on Syria since 2011.",
    "The minister said that unemployment in the country fell to 4.2 percent in the last quarter of the year.",
    "According to the health ministry, more than 12,000 people were vaccinated in the capital during the week.",
    "The new bridge over the river cost 45 million euros and was opened by the mayor in March of 2019.",
    "Officials said the company had paid no corporate tax in the country for the past five years.",
    "The city council voted by a majority of 31 to 12 to close the old coal power station by 2030.",
]


def _strings(values) -> list[str]:
    return [str(value) for value in values]


def _path_values(path: str, name: str) -> list[str] | None:
    """The seeded values a path parameter takes, or None to leave it to the generator."""
    by_name = {
        "desk_slug": [DESK_SLUG],
        "username": list(USERNAMES.values()),
        "article_id": [ARTICLE_ID],
        "claim_id": CLAIM_IDS,
        "rating_id": RATING_IDS,
        "rule_id": [RULE_ID],
        "webhook_id": [WEBHOOK_ID],
        "delivery_id": [DELIVERY_ID],
    }
    by_collection = {
        "articles": [ARTICLE_ID],
        "claims": CLAIM_IDS,
        "tasks": TASK_IDS,
        "references": [REFERENCE_ID],
        "source-links": [SOURCE_LINK_ID],
        "library-documents": [LIBRARY_DOCUMENT_ID],
    }
    values = by_name.get(name) or (by_collection.get(path.split("/")[3]) if name == "id" else None)
    return None if values is None else _strings(values)


# Body fields that name another object, and language tags (a shape the schema does not spell out).
BODY_VALUES = {
    "article": _strings([ARTICLE_ID]),
    "claims": _strings(CLAIM_IDS),
    "task_ids": _strings(TASK_IDS),
    "rating": _strings(RATING_IDS),
    "references": _strings([REFERENCE_ID]),
    "assignee": list(USERNAMES.values()),
    "language": ["en", "pt-BR", ""],
}


def _pin_request_bodies(components: dict) -> None:
    for name, component in components.items():
        if not name.endswith("Request"):
            continue
        for field, field_schema in component.get("properties", {}).items():
            if field == "desk":  # a slug or an id in some bodies, an id in others
                values = [str(DESK_ID)] if field_schema.get("format") == "uuid" else [DESK_SLUG, str(DESK_ID)]
            else:
                values = BODY_VALUES.get(field)
            if values is None:
                continue
            if field_schema.get("type") == "array":
                field_schema["items"] = {"type": "string", "enum": values}
            elif field_schema.get("type") == "string":
                field_schema.clear()
                field_schema.update({"type": "string", "enum": values})


def _seeded_schema() -> dict:
    document = SchemaGenerator().get_schema(request=None, public=True)
    _pin_request_bodies(document["components"]["schemas"])
    for path, operations in document["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                values = _path_values(path, parameter["name"]) if parameter["in"] == "path" else None
                if values is not None:
                    parameter["schema"] = {"type": "string", "enum": values}
    return document


SCHEMA = _seeded_schema()
schema = schemathesis.openapi.from_dict(SCHEMA)

# A path parameter given another operation's literal segment (a claim id "extraction", an article id
# "import") makes a request to that operation: its answer is that operation's, not this one's.
_TEMPLATES = sorted(SCHEMA["paths"], key=lambda template: template.count("{"))
_TEMPLATE_PATTERNS = [(template, re.compile(re.sub(r"\{[^}]+\}", "[^/]+", template))) for template in _TEMPLATES]


def _operation_answering(path: str) -> str | None:
    return next((template for template, pattern in _TEMPLATE_PATTERNS if pattern.fullmatch(path)), None)


def _app_constants() -> Constants:
    """Hypothesis also draws the string and number literals of the project's loaded modules, so the
    requests sent would depend on which modules other tests loaded first. Pinned to those of every
    module in apps/ and factcheck/, read from the files, a run sends the same requests whatever ran
    before it. Hypothesis has no setting for this; these are its internals, which is one more reason
    requirements-dev.txt pins its version."""
    constants = Constants()
    root = Path(__file__).resolve().parents[2]
    for path in sorted([*root.joinpath("apps").rglob("*.py"), *root.joinpath("factcheck").rglob("*.py")]):
        module = types.ModuleType(".".join(path.relative_to(root).with_suffix("").parts))
        module.__file__ = str(path)
        constants |= constants_from_module(module)
    return constants


APP_CONSTANTS = _app_constants()


def _seed_desk() -> dict[str, str]:
    desk = factories.DeskFactory(id=DESK_ID, name="World desk", slug=DESK_SLUG)
    users = {
        role: factories.MemberFactory(desk=desk, role=role, username=username).user
        for role, username in USERNAMES.items()
    }
    editor, reviewer = users[Role.EDITOR], users[Role.REVIEWER]
    scale = RatingScale.objects.create(desk=desk, name="World desk scale")
    ratings = [
        Rating.objects.create(id=rating_id, scale=scale, label=label, claimreview_value=value, position=position)
        for position, (rating_id, label, value) in enumerate(
            zip(RATING_IDS, ["True", "Misleading", "False"], [5, 3, 1], strict=True)
        )
    ]
    article = factories.ArticleFactory(id=ARTICLE_ID, desk=desk, body=" ".join(SENTENCES))
    tasks = []
    start = 0
    for claim_id, task_id, sentence in zip(CLAIM_IDS, TASK_IDS, SENTENCES, strict=True):
        claim = factories.ClaimFactory(
            id=claim_id, article=article, text=sentence, start=start, end=start + len(sentence)
        )
        tasks.append(factories.ReviewTaskFactory(id=task_id, claim=claim))
        start += len(sentence) + 1
    factories.ReferenceFactory(id=REFERENCE_ID, claim=tasks[3].claim)
    factories.SourceLinkFactory(id=SOURCE_LINK_ID, claim=tasks[3].claim)
    factories.SourceRuleFactory(id=RULE_ID, desk=desk)
    factories.LibraryDocumentFactory(id=LIBRARY_DOCUMENT_ID, desk=desk)
    # Made directly: the service would resolve the URL's host.
    endpoint = WebhookEndpoint.objects.create(
        id=WEBHOOK_ID, desk=desk, url="https://hooks.example.org/factcheck", events=["verdict.approved"], secret="s"
    )
    WebhookDelivery.objects.create(
        id=DELIVERY_ID,
        endpoint=endpoint,
        event="verdict.approved",
        payload={"event": "verdict.approved"},
        summary="A verdict was approved.",
        status=WebhookDeliveryStatus.FAILED,
    )

    reviews.review_tasks_assign(editor=editor, tasks=tasks[1:], assignee=reviewer)
    for task in tasks[2:]:
        reviews.review_task_start(user=reviewer, task=task)
    for task in tasks[3:]:
        reviews.verdict_submit(user=reviewer, task=task, rating=ratings[2], rationale=SENTENCES[0])
    for task in tasks[4:]:
        reviews.verdict_approve(editor=editor, task=task)
    reviews.verdict_reopen(editor=editor, task=tasks[5], note="The figure was corrected by the ministry on Monday.")
    return {role: Token.objects.create(user=user).key for role, user in users.items()}


@pytest.fixture(scope="module")
def tokens(django_db_setup, django_db_blocker):
    """One seeded desk for the module, rolled back at its end."""
    with rolled_back_at_the_end(django_db_blocker):
        yield _seed_desk()


@pytest.fixture
def application(tokens, db, monkeypatch, settings):
    # Hundreds of requests per operation would spend the rate limits and leave the rest 429s.
    settings.API_RATES = {}
    # As Django's test client does: closing "old" connections at each request would close the
    # connection that holds the test transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    monkeypatch.setattr(http, "system_resolver", lambda host, port: ["127.0.0.1"])
    monkeypatch.setattr(providers, "_get_local_constants", lambda: APP_CONSTANTS)
    providers.CONSTANTS_CACHE.cache.clear()
    guard = network.install(monkeypatch)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        providers.CONSTANTS_CACHE.cache.clear()
    assert guard.attempts == []


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


def _call_as(role, case, application, tokens):
    response = case.call(app=application, headers={"Authorization": f"Token {tokens[role]}"})
    own_answer = _operation_answering(case.formatted_path) in (case.path, None)
    case.validate_response(response, checks=CHECKS if own_answer else [not_a_server_error])


# Derandomized (every run sends the same requests), without shrinking (a failure is reported as
# found, and the run keeps to its time).
FUZZ = {"derandomize": True, "database": None, "deadline": None, "suppress_health_check": list(HealthCheck)}


@schema.parametrize()
@settings(max_examples=ADMIN_EXAMPLES, phases=[Phase.explicit, Phase.generate], **FUZZ)
def test_every_answer_to_a_desk_admin_is_documented_and_no_server_error(case, application, tokens):
    """The coverage phase's cases (explicit examples) run as the desk admin only, who may do
    everything an editor may: they are most of the requests, and the same for every role."""
    _call_as(Role.ADMIN, case, application, tokens)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER])
@schema.parametrize()
@settings(max_examples=ROLE_EXAMPLES, phases=[Phase.generate], **FUZZ)
def test_every_answer_to_an_editor_or_reviewer_is_documented_and_no_server_error(case, role, application, tokens):
    _call_as(role, case, application, tokens)
