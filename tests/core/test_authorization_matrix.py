"""Every route, every role: nobody reaches another desk's data or acts above their role.

The matrix walks Django's URL resolver, so a route nobody classified fails
`test_every_route_is_classified`. For each route it fills the path parameters with objects of
one desk (Harbour) and asks as:

- an anonymous visitor: the web sends them to log in, the API answers 401;
- each role of another desk (Mountain: admin, editor, reviewer): 404, as for an object that does
  not exist, and the answer names none of Harbour's objects;
- a Harbour member whose role is below the route's (a reviewer not assigned to the claim on
  editor, assignee and admin routes; an editor on admin routes): refused by the permission check
  (the API's 403; the web's desk settings 403; other web actions come back to their page with the
  refusal flashed, by design, see apps/web/errors.py), and no row of the database changes;
- the least role the route allows: not refused, so the refusals above come from the permission
  check and not from a parameter the fixture filled wrongly.

Unsafe methods send a body the route would accept, so a refusal is the permission check's and
not a validation error that happens to be a 4xx. An outsider's answer must also be exactly the
one for an id that names nothing (GET, the route's methods, HEAD, OPTIONS), so no answer tells
which objects exist elsewhere.

Beyond the path: Harbour's ids named in a body or a filter by Mountain's people acting on their
own desk answer as unknown ids; shared objects (desk-less library documents and source rules, the
standard scale) change from no desk; malformed ids in a path and malformed filters are a 404 or
400, never a 500 (run it with DATABASE_URL on PostgreSQL too, which refuses NUL characters).
"""

import copy
import functools
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, fields
from urllib.parse import quote

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.messages import constants as message_levels
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from apps.desks.selectors import ADMIN_ONLY_MESSAGE
from apps.reviews.models import TaskStatus
from tests import factories
from tests.module_data import rolled_back_at_the_end

pytestmark = pytest.mark.django_db

# Access classes: who may use a route's method.
PUBLIC = "public"  # anyone, logged in or not
USER = "user"  # anyone logged in; the route names no object and answers with the caller's desks only
MEMBER = "member"  # any member of the object's desk
ASSIGNEE = "assignee"  # the claim's assigned reviewer only: the review is theirs
ASSIGNEE_OR_EDITOR = "assignee or editor"  # the claim's assigned reviewer, and the desk's editors and admins
EDITOR = "editor"  # the desk's editors and admins
ADMIN = "admin"  # the desk's admins

# How a Harbour member below the route's role is refused.
FORBIDDEN = "403"  # a 403 answer (the API; the web's pages and desk settings)
FLASHED = "flashed"  # the web's actions: back to the page (302) with the refusal as an error message

# Refusals the permission checks give; a flashed message must be one of these, so a form error
# (a body the test got wrong) is not taken for a refusal.
REFUSALS = (
    "Only the desk's editors can do this.",
    "Only editors or the claim's assigned reviewer can",
    "so it takes no work from you.",
    ADMIN_ONLY_MESSAGE,
)

# Not in the matrix, each with the reason. Static files are no route to skip: WhiteNoise's
# middleware serves them before URLs are resolved.
SKIPPED_NAMESPACES = {"admin": "Django's admin: staff only, guarded by Django itself."}
SKIPPED_ROUTES = {
    "api-schema": "The OpenAPI document describes endpoints, not any desk's data.",
    "api-docs": "Swagger UI for the schema, from static files.",
    "api:not-found": "The API's catch-all answers 404 to everyone (test_unknown_api_path_is_not_found).",
    "password_reset_confirm": "The emailed link names an account by its token; tests/core/test_password_reset.py.",
}

# Answered by apps.core.health.HealthCheckMiddleware before any URL is resolved.
HEALTH_PATHS = ("/healthz", "/readyz")


@dataclass
class World:
    """One of each object on the Harbour desk, the people of both desks, and what must not leak."""

    desk: object
    other_desk: object
    people: dict
    article: object
    claim: object
    second_claim: object
    task: object
    second_task: object
    reference: object
    source_link: object
    document: object
    rating: object
    rule: object
    webhook: object
    webhook_delivery: object
    member_username: str
    tip: object

    @property
    def secrets(self) -> list[str]:
        """Text of Harbour's objects that no answer to another desk may contain."""
        return [
            self.desk.name,
            self.article.title,
            self.claim.text,
            self.second_claim.text,
            self.reference.title,
            self.source_link.label,
            self.document.title,
            self.rating.label,
            self.rule.label,
            self.webhook.secret,
            self.webhook.description,
            self.tip.text,
            *(user.username for name, user in self.people.items() if name.startswith("harbour")),
        ]


def _world_build() -> World:
    harbour = factories.DeskFactory(name="Harbour desk", slug="harbour", takes_tips=True)
    mountain = factories.DeskFactory(name="Mountain desk", slug="mountain")
    people = {}
    for desk, desk_key in ((harbour, "harbour"), (mountain, "mountain")):
        for role in ("admin", "editor", "reviewer"):
            people[f"{desk_key}_{role}"] = factories.MemberFactory(
                desk=desk, role=role, username=f"{desk_key}-{role}-zq"
            ).user
    # The claim's assignee; the reviewer above is not assigned, so assignee routes refuse them.
    people["harbour_assignee"] = factories.MemberFactory(
        desk=harbour, role="reviewer", username="harbour-assignee-zq"
    ).user

    body = (
        "The harbour authority dredged 4 million tonnes of silt from the Quillon basin in 2019. "
        "The port's container traffic doubled after the Quillon dredging, its director said."
    )
    article = factories.ArticleFactory(desk=harbour, title="Quillon basin dredging report", body=body)
    first_text = body.split(". ")[0] + "."
    claim = factories.ClaimFactory(article=article, text=first_text, start=0, end=len(first_text))
    second_start = len(first_text) + 1
    second_claim = factories.ClaimFactory(article=article, text=body[second_start:], start=second_start, end=len(body))
    django_apps.get_model("claims", "ArticleExtraction").objects.create(article=article, status="done", claim_count=2)
    task = factories.ReviewTaskFactory(claim=claim, status=TaskStatus.ASSIGNED, assignee=people["harbour_assignee"])
    second_task = factories.ReviewTaskFactory(
        claim=second_claim, status=TaskStatus.ASSIGNED, assignee=people["harbour_assignee"]
    )
    rating = factories.RatingFactory(scale=factories.RatingScaleFactory(desk=harbour), label="Quillon-true")
    webhook = django_apps.get_model("desks", "WebhookEndpoint").objects.create(
        desk=harbour,
        url="https://93.184.215.14/quillon-hook",
        description="Quillon newsroom channel",
        events=["verdict.approved"],
        secret="whsec_quillon-secret-zq",
    )
    # A failed delivery, which its desk's admins may send again.
    webhook_delivery = django_apps.get_model("desks", "WebhookDelivery").objects.create(
        endpoint=webhook, event="verdict.approved", payload={"event": "verdict.approved"}, summary="x", status="failed"
    )
    return World(
        desk=harbour,
        other_desk=mountain,
        people=people,
        article=article,
        claim=claim,
        second_claim=second_claim,
        task=task,
        second_task=second_task,
        reference=factories.ReferenceFactory(claim=claim, title="Quillon dredging records"),
        source_link=factories.SourceLinkFactory(claim=claim, label="Quillon port statistics"),
        document=factories.LibraryDocumentFactory(desk=harbour, title="Quillon basin survey"),
        rating=rating,
        rule=factories.SourceRuleFactory(desk=harbour, name="quillon-rule", label="Quillon shipping register"),
        webhook=webhook,
        webhook_delivery=webhook_delivery,
        member_username=people["harbour_editor"].username,
        # A reader's tip without a link, so starting its check imports its text and fetches nothing.
        tip=django_apps.get_model("articles", "Tip").objects.create(
            desk=harbour,
            text="The Quillon lighthouse keeper said the harbour board built it in 1871 for 3,000 pounds.",
            tracking_token="quillon-tracking-token-zq",
        ),
    )


@pytest.fixture(scope="module")
def _world_for_the_module(django_db_setup, django_db_blocker) -> World:
    """The two desks, built once for the module's 900 tests and rolled back at its end."""
    with rolled_back_at_the_end(django_db_blocker):
        yield _world_build()


@pytest.fixture
def world(_world_for_the_module, db) -> World:
    """Copies of the module's objects, so an object a test changes in memory is not the next test's."""
    shared = _world_for_the_module
    copied = {}
    for field in fields(shared):
        value = getattr(shared, field.name)
        if isinstance(value, dict):
            copied[field.name] = {key: copy.copy(item) for key, item in value.items()}
        else:
            copied[field.name] = copy.copy(value)
    return World(**copied)


@dataclass(frozen=True)
class Route:
    """How one route is guarded: the access class of each method it answers, and what to send."""

    methods: dict[str, str]
    # Which of the world's objects a router's `pk` names.
    pk: str = ""
    # A body the route would accept from the right role (unsafe methods).
    body: Callable[[World], dict] | None = None
    # Query parameters naming Harbour's objects (routes without path parameters).
    query: Callable[[World], dict] | None = None
    multipart: bool = False
    # How a Harbour member below the route's role is refused.
    refusal: str = FORBIDDEN
    # What another desk's member gets where the route names Harbour's objects only in the body
    # (`outsider_status`) or the query (`outsider_filter_status`); with path parameters it is 404.
    outsider_status: tuple[int, ...] = (404,)
    outsider_filter_status: int = 404


def _reason(w: World) -> dict:
    return {"reason": "Not a factual claim."}


def _claim_text(w: World) -> dict:
    return {"text": "The harbour authority dredged silt in 2019."}


def _split_parts(w: World) -> dict:
    return {"parts": [{"start": 0, "end": 24}, {"start": 25, "end": w.claim.end}]}


def _web_split_parts(w: World) -> dict:
    return {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-start": "0",
        "form-0-end": "24",
        "form-1-start": "25",
        "form-1-end": str(w.claim.end),
    }


def _new_rule(w: World) -> dict:
    return {
        "name": "new-rule",
        "label": "New rule",
        "topic": "other",
        "url_template": "https://example.org/search?q={query}",
        "reason": "Because.",
        "priority": 100,
    }


def _new_webhook(w: World) -> dict:
    # A public address written as one, so no name is looked up; nothing is sent from a test.
    return {"url": "https://93.184.215.15/new-hook", "events": ["claim.assigned"], "payload_format": "json"}


def _library_document(w: World) -> dict:
    return {
        "desk": str(w.desk.pk),
        "title": "Port survey",
        "url": "https://example.org/port-survey",
        "body": "The port doubled its traffic.",
    }


def _library_upload(w: World) -> dict:
    return {
        "desk": str(w.desk.pk),
        "url": "https://example.org/port-survey.txt",
        "file": SimpleUploadedFile("survey.txt", b"The port doubled its traffic.", content_type="text/plain"),
    }


def _verdict(w: World) -> dict:
    return {"rating": str(w.rating.pk), "rationale": "The records show it.", "references": []}


ROUTES: dict[str, Route] = {
    # --- Public ---------------------------------------------------------------------------------
    "login": Route({"GET": PUBLIC}),
    "logout": Route({"POST": PUBLIC}),
    "favicon": Route({"GET": PUBLIC}),
    # Reader tips: a desk that takes them has a public form, and the tipster's link is their key.
    "tips:submit": Route({"GET": PUBLIC, "POST": PUBLIC}, body=lambda w: {"text": "The lighthouse is 150 years old."}),
    "tips:track": Route({"GET": PUBLIC}),
    # A forgotten password: the same answer whatever the address (no account is named by it).
    "password_reset": Route({"GET": PUBLIC, "POST": PUBLIC}, body=lambda w: {"email": "nobody@example.org"}),
    "password_reset_done": Route({"GET": PUBLIC}),
    "admin_password_reset": Route({"GET": PUBLIC}),  # the admin sign-in page's link, to password_reset
    "password_reset_complete": Route({"GET": PUBLIC}),
    # Two-step sign-in's code page: without a pending sign-in (a right password just given) it sends the
    # visitor to the login page. The admin's sign-in goes through the same two steps.
    "sign_in_code": Route({"GET": PUBLIC, "POST": PUBLIC}),
    "admin_sign_in": Route({"GET": PUBLIC}),
    # --- Web pages ------------------------------------------------------------------------------
    "dashboard": Route({"GET": USER}),
    # The caller's own email settings, which name no desk's object: an empty form (every email off) is
    # a valid one, and the matrix's bodies are for naming Harbour's objects.
    "account:notifications": Route({"GET": USER, "POST": USER}),
    # The caller's own language: the empty choice (the browser's language) is a valid one.
    "account:language": Route({"POST": USER}),
    # The caller's own password: the old one is asked for, so a body the matrix sends is refused (400).
    "account:password": Route({"GET": USER, "POST": USER}),
    # The caller's own API token; replacing or revoking one they don't have is a message, not a refusal.
    "account:api_token": Route({"GET": USER}),
    "account:api_token_create": Route({"POST": USER}),
    "account:api_token_rotate": Route({"POST": USER}),
    "account:api_token_revoke": Route({"POST": USER}),
    # The caller's own two-step sign-in: a code or the password is asked for, so a body the matrix sends
    # is refused (400, or a message back on the page).
    "account:two_step": Route({"GET": USER}),
    "account:two_step_enable": Route({"POST": USER}),
    "account:two_step_disable": Route({"POST": USER}),
    "account:two_step_recovery_codes": Route({"POST": USER}),
    "reviews:queue": Route(
        {"GET": USER},
        query=lambda w: {"article": str(w.article.pk)},
        # The filter offers the caller's own articles; another desk's is not a choice.
        outsider_filter_status=200,
    ),
    # Searches the caller's desks only: another desk's words find nothing of Harbour's.
    "search": Route({"GET": USER}, query=lambda w: {"q": "Quillon dredged"}, outsider_filter_status=200),
    "articles:import": Route(
        {"GET": EDITOR, "POST": EDITOR},
        body=lambda w: {"desk": w.desk.slug, "text": "The lighthouse was built in 1871 by the harbour board."},
        # The form offers the caller's desks only, so another desk's slug is not a choice (400); a
        # reviewer, who imports into no desk, is refused first (403).
        outsider_status=(400, 403),
    ),
    "articles:detail": Route({"GET": MEMBER}),
    "articles:progress": Route({"GET": MEMBER}),
    "articles:intake": Route({"GET": MEMBER}),
    "articles:fact-check-url": Route(
        {"POST": EDITOR}, body=lambda w: {"fact_check_url": "https://example.org/checked"}, refusal=FLASHED
    ),
    "articles:language": Route({"POST": EDITOR}, body=lambda w: {"language": "es"}, refusal=FLASHED),
    "articles:intake-retry": Route({"POST": EDITOR}, refusal=FLASHED),
    "claims:create": Route({"POST": EDITOR}, body=lambda w: {"start": "0", "end": "24"}, refusal=FLASHED),
    "claims:merge": Route(
        {"POST": EDITOR}, body=lambda w: {"tasks": [str(w.task.pk), str(w.second_task.pk)]}, refusal=FLASHED
    ),
    "claims:detail": Route({"GET": MEMBER}),
    "claims:in-article": Route({"GET": MEMBER}),
    "claims:reject": Route({"POST": EDITOR}, body=_reason, refusal=FLASHED),
    "claims:release": Route({"POST": EDITOR}, refusal=FLASHED),
    "claims:edit": Route({"POST": EDITOR}, body=_claim_text, refusal=FLASHED),
    "claims:split": Route({"POST": EDITOR}, body=_web_split_parts, refusal=FLASHED),
    "claims:match-confirm": Route({"POST": EDITOR}, refusal=FLASHED),
    "claims:match-dismiss": Route({"POST": EDITOR}, refusal=FLASHED),
    "claims:references-refresh": Route({"POST": ASSIGNEE_OR_EDITOR}, refusal=FLASHED),
    "claims:reference-add": Route(
        {"POST": ASSIGNEE_OR_EDITOR}, body=lambda w: {"evidence-url": "https://example.org/found"}, refusal=FLASHED
    ),
    "claims:references-progress": Route({"GET": MEMBER}),
    "reviews:approve-many": Route(
        {"POST": EDITOR},
        body=lambda w: {"approve": [f"{w.task.pk}:{w.task.verdict_revision}"]},
        refusal=FLASHED,
    ),
    "reviews:assign": Route(
        {"POST": EDITOR},
        body=lambda w: {"tasks": [str(w.task.pk)], "assignee": str(w.people["harbour_reviewer"].pk)},
        refusal=FLASHED,
    ),
    "reviews:verdict": Route({"POST": ASSIGNEE}, body=_verdict, refusal=FLASHED),
    "reviews:draft": Route({"POST": ASSIGNEE}, body=_verdict, refusal=FLASHED),
    "reviews:approve": Route({"POST": EDITOR}, refusal=FLASHED),
    "reviews:return": Route({"POST": EDITOR}, body=lambda w: {"note": "Cite the records."}, refusal=FLASHED),
    "reviews:reopen": Route({"POST": EDITOR}, body=lambda w: {"note": "The count was wrong."}, refusal=FLASHED),
    "reviews:withdraw-correction": Route({"POST": EDITOR}, refusal=FLASHED),
    "reports:export": Route({"GET": MEMBER}),
    # The desk report shows every reviewer's workload: for the desk's editors and admins.
    "reports:desk-report": Route({"GET": EDITOR}),
    # The desk's reader tips: its editors and admins; a reviewer is refused with a 403 page.
    "tips:inbox": Route({"GET": EDITOR}),
    "tips:start-check": Route({"POST": EDITOR}),
    "tips:close": Route({"POST": EDITOR}, body=lambda w: {"public_reason": "An opinion."}),
    # --- Web desk settings (desk admins; the check comes before the form) -----------------------
    "desks:home": Route({"GET": ADMIN}),
    "desks:people": Route({"GET": ADMIN}),
    "desks:member_add": Route(
        {"POST": ADMIN}, body=lambda w: {"username": w.people["mountain_editor"].username, "role": "reviewer"}
    ),
    "desks:account_create": Route(
        {"POST": ADMIN}, body=lambda w: {"username": "newcomer", "role": "reviewer", "password": "x7!long-pass-phrase"}
    ),
    "desks:member_role": Route(
        {"POST": ADMIN},
        body=lambda w: {"member": str(w.desk.memberships.get(user=w.people["harbour_editor"]).pk), "role": "reviewer"},
    ),
    "desks:member_remove": Route(
        {"POST": ADMIN}, body=lambda w: {"member": str(w.desk.memberships.get(user=w.people["harbour_editor"]).pk)}
    ),
    "desks:ratings": Route({"GET": ADMIN}),
    "desks:rating_scale_copy": Route({"POST": ADMIN}),
    "desks:rating_add": Route({"POST": ADMIN}, body=lambda w: {"label": "Half true", "claimreview_value": "3"}),
    "desks:rating_edit": Route(
        {"POST": ADMIN}, body=lambda w: {"rating": str(w.rating.pk), "label": "Quite true", "claimreview_value": "4"}
    ),
    "desks:rating_move": Route({"POST": ADMIN}, body=lambda w: {"rating": str(w.rating.pk), "direction": "down"}),
    "desks:rating_delete": Route({"POST": ADMIN}, body=lambda w: {"rating": str(w.rating.pk)}),
    "desks:source_rules": Route({"GET": ADMIN}),
    "desks:source_rule_create": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_rule),
    "desks:source_rule_edit": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_rule),
    "desks:source_rule_deactivate": Route({"POST": ADMIN}),
    "desks:source_rule_reactivate": Route({"POST": ADMIN}),
    # The pages show the signing secret, so admins only, like the API below.
    "desks:sign_in": Route({"GET": ADMIN, "POST": ADMIN}, body=lambda w: {"requires_two_step": ""}),
    "desks:member_sign_in_unlock": Route(
        {"POST": ADMIN}, body=lambda w: {"member": str(w.desk.memberships.get(user=w.people["harbour_editor"]).pk)}
    ),
    "desks:tips_settings": Route({"GET": ADMIN, "POST": ADMIN}, body=lambda w: {"takes_tips": "on"}),
    "desks:webhooks": Route({"GET": ADMIN}),
    "desks:webhook_create": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_webhook),
    "desks:webhook_edit": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_webhook),
    "desks:webhook_test": Route({"POST": ADMIN}),
    "desks:webhook_rotate_secret": Route({"POST": ADMIN}),
    "desks:webhook_delete": Route({"POST": ADMIN}),
    "desks:webhook_redeliver": Route({"POST": ADMIN}),
    # --- API: articles, claims ------------------------------------------------------------------
    "api:article-import": Route(
        {"POST": EDITOR},
        body=lambda w: {"desk": w.desk.slug, "text": "The lighthouse was built in 1871 by the harbour board."},
    ),
    "api:article-list": Route({"GET": USER}),
    "api:article-detail": Route(
        {"GET": MEMBER, "PATCH": EDITOR, "DELETE": EDITOR},
        pk="article",
        body=lambda w: {"fact_check_url": "https://example.org/checked"},
    ),
    "api:article-retry-intake": Route({"POST": EDITOR}, pk="article"),
    "api:tip-list": Route(
        {"GET": USER},
        query=lambda w: {"desk": w.desk.slug},
        # The filter narrows the caller's own desks' tips: none of theirs is in Harbour.
        outsider_filter_status=200,
    ),
    "api:tip-start-check": Route({"POST": EDITOR}, pk="tip"),
    "api:tip-close": Route({"POST": EDITOR}, pk="tip", body=lambda w: {"public_reason": "An opinion."}),
    "api:claim-list": Route(
        {"GET": USER, "POST": EDITOR},
        body=lambda w: {"article": str(w.article.pk), "start": 0, "end": 24},
        query=lambda w: {"article": str(w.article.pk)},
        # The filter narrows the caller's own claims: none of theirs is in that article.
        outsider_filter_status=200,
    ),
    "api:claim-extraction": Route({"GET": MEMBER}, query=lambda w: {"article": str(w.article.pk)}),
    "api:claim-feedback": Route({"GET": EDITOR}, query=lambda w: {"desk": w.desk.slug}),
    "api:claim-detail": Route({"GET": MEMBER}, pk="claim"),
    "api:claim-history": Route({"GET": MEMBER}, pk="claim"),
    "api:claim-edit": Route({"POST": EDITOR}, pk="claim", body=_claim_text),
    "api:claim-match-confirm": Route({"POST": EDITOR}, pk="claim"),
    "api:claim-match-dismiss": Route({"POST": EDITOR}, pk="claim"),
    "api:claim-merge": Route({"POST": EDITOR}, pk="claim", body=lambda w: {"claims": [str(w.second_claim.pk)]}),
    "api:claim-reject": Route({"POST": EDITOR}, pk="claim", body=_reason),
    "api:claim-release": Route({"POST": EDITOR}, pk="claim"),
    "api:claim-split": Route({"POST": EDITOR}, pk="claim", body=_split_parts),
    # --- API: references ------------------------------------------------------------------------
    "api:claim-refresh-references": Route({"POST": ASSIGNEE_OR_EDITOR}),
    "api:claim-reference-add": Route({"POST": ASSIGNEE_OR_EDITOR}, body=lambda w: {"url": "https://example.org/found"}),
    "api:article-reference-progress": Route({"GET": MEMBER}),
    "api:reference-list": Route({"GET": USER}, query=lambda w: {"claim": str(w.claim.pk)}),
    "api:reference-detail": Route({"GET": MEMBER}, pk="reference"),
    "api:source-link-list": Route({"GET": USER}, query=lambda w: {"claim": str(w.claim.pk)}),
    "api:source-link-detail": Route({"GET": MEMBER}, pk="source_link"),
    "api:library-document-list": Route({"GET": USER, "POST": EDITOR}, body=_library_document),
    "api:library-document-upload": Route({"POST": EDITOR}, body=_library_upload, multipart=True),
    "api:library-document-detail": Route(
        {"GET": MEMBER, "PUT": EDITOR, "PATCH": EDITOR, "DELETE": EDITOR},
        pk="document",
        body=lambda w: {key: value for key, value in _library_document(w).items() if key != "desk"},
    ),
    "api:desk-source-rule-list": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_rule),
    "api:desk-source-rule-detail": Route(
        {"GET": ADMIN, "PATCH": ADMIN, "DELETE": ADMIN}, body=lambda w: {"label": "Renamed"}
    ),
    # --- API: reviews, ratings ------------------------------------------------------------------
    "api:rating-list": Route(
        {"GET": USER},
        query=lambda w: {"desk": w.desk.slug},
        # Documented: a desk the caller is not in is refused like a malformed one, saying nothing more.
        outsider_filter_status=400,
    ),
    "api:desk-rating-scale": Route(
        {"GET": MEMBER, "POST": ADMIN}, body=lambda w: {"label": "Half true", "claimreview_value": 3}
    ),
    "api:desk-rating-scale-copy-default": Route({"POST": ADMIN}),
    "api:desk-rating-detail": Route(
        {"GET": MEMBER, "PATCH": ADMIN, "DELETE": ADMIN}, body=lambda w: {"label": "Quite true"}
    ),
    "api:desk-rating-move": Route({"POST": ADMIN}, body=lambda w: {"offset": 1}),
    "api:task-list": Route(
        {"GET": USER},
        query=lambda w: {"article": str(w.article.pk)},
        # The filter narrows the caller's own tasks: none of theirs is in that article.
        outsider_filter_status=200,
    ),
    "api:task-assign": Route(
        {"POST": EDITOR},
        body=lambda w: {"task_ids": [str(w.task.pk)], "assignee": w.people["harbour_reviewer"].username},
    ),
    "api:task-detail": Route({"GET": MEMBER}, pk="task"),
    "api:task-approve": Route({"POST": EDITOR}, pk="task"),
    "api:task-return-to-reviewer": Route({"POST": EDITOR}, pk="task", body=lambda w: {"note": "Cite the records."}),
    "api:task-reopen": Route({"POST": EDITOR}, pk="task", body=lambda w: {"note": "The count was wrong."}),
    "api:task-withdraw-correction": Route({"POST": EDITOR}, pk="task"),
    "api:task-start": Route({"POST": ASSIGNEE}, pk="task"),
    "api:task-verdict": Route({"POST": ASSIGNEE}, pk="task", body=_verdict),
    # --- API: reports, desks --------------------------------------------------------------------
    "api:article-export": Route({"GET": MEMBER}),
    "api:desk-report": Route({"GET": EDITOR}),
    "api:desk-fact-checks": Route({"GET": EDITOR}),
    # Like the search page: the caller's desks only.
    "api:search": Route({"GET": USER}, query=lambda w: {"q": "Quillon dredged"}, outsider_filter_status=200),
    "api:desk-list": Route({"GET": USER}),
    # Like account:notifications: the caller's own settings; an empty PATCH changes nothing.
    "api:me-notification-settings": Route({"GET": USER, "PATCH": USER}),
    "api:desk-member-list": Route(
        {"GET": ADMIN, "POST": ADMIN},
        body=lambda w: {"username": w.people["mountain_editor"].username, "role": "reviewer"},
    ),
    "api:desk-member-detail": Route({"PATCH": ADMIN, "DELETE": ADMIN}, body=lambda w: {"role": "reviewer"}),
    # Every event of the desk, deleted articles' included: for its admins, like its people.
    "api:desk-activity": Route({"GET": ADMIN}),
    "api:desk-account-create": Route(
        {"POST": ADMIN}, body=lambda w: {"username": "newcomer", "role": "reviewer", "password": "x7!long-pass-phrase"}
    ),
    "api:desk-webhook-list": Route({"GET": ADMIN, "POST": ADMIN}, body=_new_webhook),
    "api:desk-webhook-detail": Route(
        {"GET": ADMIN, "PATCH": ADMIN, "DELETE": ADMIN}, body=lambda w: {"description": "Renamed"}
    ),
    "api:desk-webhook-deliveries": Route({"GET": ADMIN}),
    "api:desk-webhook-test": Route({"POST": ADMIN}),
    "api:desk-webhook-delivery-redeliver": Route({"POST": ADMIN}),
}

# The least role each access class lets in, and the Harbour members below it.
ALLOWED_PERSON = {
    USER: "harbour_reviewer",
    MEMBER: "harbour_reviewer",
    ASSIGNEE: "harbour_assignee",
    ASSIGNEE_OR_EDITOR: "harbour_assignee",
    EDITOR: "harbour_editor",
    ADMIN: "harbour_admin",
}
REFUSED_PEOPLE = {
    ASSIGNEE: ("harbour_reviewer", "harbour_editor", "harbour_admin"),
    ASSIGNEE_OR_EDITOR: ("harbour_reviewer",),
    EDITOR: ("harbour_reviewer",),
    ADMIN: ("harbour_reviewer", "harbour_editor"),
}
OUTSIDERS = ("mountain_admin", "mountain_editor", "mountain_reviewer")
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


# --- Walking the resolver ---------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    name: str
    pattern: URLPattern
    parameters: tuple[str, ...]


def _resolved_routes() -> dict[str, Resolved]:
    routes: dict[str, Resolved] = {}

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name:
                name = f"{namespace}{entry.name}"
                routes.setdefault(name, Resolved(name, entry, tuple(entry.pattern.regex.groupindex)))

    walk(get_resolver().url_patterns, "")
    return routes


RESOLVED = _resolved_routes()


def _is_api(name: str) -> bool:
    return name.startswith("api:")


def _kwargs(name: str, w: World, *, slug: str | None = None) -> dict[str, str]:
    route = ROUTES[name]
    values = {
        "article_id": str(w.article.pk),
        "claim_id": str(w.claim.pk),
        "rule_id": str(w.rule.pk),
        "rating_id": str(w.rating.pk),
        "webhook_id": str(w.webhook.pk),
        "delivery_id": str(w.webhook_delivery.pk),
        "username": w.member_username,
        "desk_slug": slug or w.desk.slug,
        "slug": slug or w.desk.slug,
        "export_format": "json",
        "tip_id": str(w.tip.pk),
        "token": w.tip.tracking_token,
    }
    if route.pk:
        values["pk"] = str(getattr(w, route.pk).pk)
    return {parameter: values[parameter] for parameter in RESOLVED[name].parameters}


# What stands in a route's path for an object that does not exist; exports name a format, kept.
UNKNOWN_VALUES = {
    "slug": "no-such-desk",
    "desk_slug": "no-such-desk",
    "username": "nobody",
    "token": "no-such-tracking-token",
}


def _unknown_url(name: str, w: World) -> str:
    """The route's URL with every object in it replaced by one that does not exist."""
    unknown = {
        parameter: value if parameter == "export_format" else UNKNOWN_VALUES.get(parameter, str(uuid.uuid4()))
        for parameter, value in _kwargs(name, w).items()
    }
    return reverse(name, kwargs=unknown)


def _query_stand_ins(w: World) -> dict[str, str]:
    """Harbour's ids and slug, each with one that names nothing (long enough to find in a text)."""
    return {
        real: stand_in for real, stand_in in {**_harbour_ids(w), w.desk.slug: "no-such-desk"}.items() if len(real) > 6
    }


def _unknown_query_url(name: str, w: World) -> str:
    """The route's URL with a filter naming nothing where it names Harbour's objects."""
    stand_ins = _query_stand_ins(w)
    query = {key: stand_ins.get(value, value) for key, value in ROUTES[name].query(w).items()}
    return (
        reverse(name, kwargs=_kwargs(name, w)) + "?" + "&".join(f"{key}={quote(value)}" for key, value in query.items())
    )


def _url(name: str, w: World, *, slug: str | None = None) -> str:
    url = reverse(name, kwargs=_kwargs(name, w, slug=slug))
    route = ROUTES[name]
    if route.query is not None:
        url += "?" + "&".join(f"{key}={quote(value)}" for key, value in route.query(w).items())
    return url


def _client(w: World, person: str | None) -> APIClient:
    client = APIClient()
    if person is not None:
        client.force_login(w.people[person])
    return client


def _request(client: APIClient, name: str, method: str, url: str, w: World):
    route = ROUTES[name]
    body = route.body(w) if route.body is not None and method in UNSAFE_METHODS else None
    call = getattr(client, method.lower())
    if method in ("GET", "HEAD", "OPTIONS"):
        return call(url)
    if route.multipart:
        return call(url, body or {}, format="multipart")
    if _is_api(name):
        return call(url, body or {}, format="json")
    return call(url, body or {})


_OWN_APPS = {"desks", "articles", "claims", "references", "reviews"}


def _snapshot() -> dict[str, list]:
    """Every row of every table the routes can change (many-to-many tables too), to compare before
    and after a refusal. Read with plain SQL: the matrix takes thousands of these, and building a
    query per model through the ORM was most of its time."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _snapshot_tables():
            # The names are the models' own tables, quoted; nothing comes from a request.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            snapshot[table] = sorted(map(repr, cursor.fetchall()))
    return snapshot


@functools.cache
def _snapshot_tables() -> tuple[str, ...]:
    models = [
        model for model in django_apps.get_models(include_auto_created=True) if model._meta.app_label in _OWN_APPS
    ]
    models.append(get_user_model())
    return tuple(sorted({model._meta.db_table for model in models}))


def _flashed_errors(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level == message_levels.ERROR]


def _text(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def _comparable(response) -> str:
    """The answer's body without what differs between any two answers (the masked CSRF token)."""
    return CSRF_TOKEN.sub("", _text(response))


def _leaked(response, w: World, request_text: str) -> list[str]:
    body = _text(response)
    return [secret for secret in w.secrets if secret in body and secret not in request_text]


def _routes_where(predicate) -> list:
    return [pytest.param(name, id=name) for name in sorted(ROUTES) if predicate(name, ROUTES[name])]


def _with_path_parameters(name: str, route: Route) -> bool:
    return bool(RESOLVED[name].parameters)


def _names_a_desk_object(name: str, route: Route) -> bool:
    """Path parameters naming a desk's objects that only its people reach; the public's tip form and
    tracking page answer anyone (tests/articles/test_tips.py has their 404s)."""
    return _with_path_parameters(name, route) and PUBLIC not in route.methods.values()


# --- The table covers every route -------------------------------------------------------------


def test_every_route_is_classified():
    """A new route fails here until someone says in ROUTES who may use it."""
    resolvable = set(RESOLVED) - set(SKIPPED_ROUTES)
    assert resolvable - set(ROUTES) == set(), "classify these new routes in ROUTES"
    assert set(ROUTES) - resolvable == set(), "these routes in ROUTES no longer exist"
    assert set(SKIPPED_ROUTES) <= set(RESOLVED), "these skipped routes no longer exist"


def _view_methods(name: str) -> set[str] | None:
    """The methods a DRF view answers, from its router actions or handlers; None for plain Django views."""
    callback = RESOLVED[name].pattern.callback
    if getattr(callback, "actions", None):
        # DRF adds "head" to a viewset's actions at its first GET, so whether it is there depends on
        # which tests ran before: HEAD follows GET, as for the other views.
        return {method.upper() for method in callback.actions if method not in ("options", "head")}
    view_class = getattr(callback, "cls", None)
    if view_class is None:
        return None
    return {
        method.upper()
        for method in view_class.http_method_names
        if method not in ("options", "head") and hasattr(view_class, method)
    }


@pytest.mark.parametrize("name", _routes_where(lambda name, route: _view_methods(name) is not None))
def test_table_lists_every_method_an_api_view_answers(name):
    assert set(ROUTES[name].methods) == _view_methods(name)


# --- Anonymous visitors -----------------------------------------------------------------------


@pytest.mark.parametrize("name", _routes_where(lambda name, route: PUBLIC not in route.methods.values()))
def test_anonymous_visitor_is_sent_to_log_in(name, world):
    client = _client(world, None)
    url = _url(name, world)
    # Every answer must leave everything as it was, so one snapshot serves them all.
    before = _snapshot()
    for method in (*ROUTES[name].methods, "HEAD", "OPTIONS"):
        response = _request(client, name, method, url, world)
        if _is_api(name):
            assert response.status_code == 401, (method, url)
        else:
            assert response.status_code == 302, (method, url)
            assert response.url.startswith(reverse("login")), (method, url)
        assert _leaked(response, world, url) == []
        assert _snapshot() == before, (method, url)


@pytest.mark.parametrize("name", _routes_where(lambda name, route: PUBLIC in route.methods.values()))
def test_public_route_answers_anonymous_visitor(name, world):
    client = _client(world, None)
    url = _url(name, world)
    for method in ROUTES[name].methods:
        response = _request(client, name, method, url, world)
        assert response.status_code in (200, 301, 302), (method, url)
        # Logging out lands on the login page; a route that needs a login sends the visitor there
        # with the page to come back to.
        assert "next=" not in response.get("Location", ""), (method, url)


@pytest.mark.parametrize("path", HEALTH_PATHS)
def test_health_probes_are_public(path, client):
    response = client.get(path)

    assert response.status_code == 200
    assert "status" in response.json()


def test_unknown_api_path_is_not_found(client):
    response = client.get("/api/v1/no-such-endpoint/")

    assert response.status_code == 404
    assert "message" in response.json()


# --- Other desks ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", _routes_where(_names_a_desk_object))
def test_other_desk_is_told_harbour_objects_do_not_exist(name, world):
    """Every role of another desk, the desk's admin included, gets 404: never the object, never
    a 403 that says it exists, never its names; and every method, HEAD and OPTIONS too, answers
    exactly as it does for an id that names nothing."""
    url = _url(name, world)
    unknown_url = _unknown_url(name, world)
    for person in OUTSIDERS:
        client = _client(world, person)  # signing in sets the person's last_login
        before = _snapshot()
        for method in ROUTES[name].methods:
            response = _request(client, name, method, url, world)
            assert response.status_code == 404, (person, method, url)
            assert _leaked(response, world, url) == [], (person, method, url)
            assert _snapshot() == before, (person, method, url)
        for method in (*ROUTES[name].methods, "HEAD", "OPTIONS"):
            response = _request(client, name, method, url, world)
            unknown = _request(client, name, method, unknown_url, world)
            assert response.status_code == unknown.status_code, (person, method, url)
            assert _comparable(response).replace(url, unknown_url) == _comparable(unknown), (person, method, url)
            assert _leaked(response, world, url) == [], (person, method, url)


@pytest.mark.parametrize(
    "name",
    _routes_where(
        lambda name, route: (
            {"desk_slug", "slug"} & set(RESOLVED[name].parameters) and len(RESOLVED[name].parameters) > 1
        )
    ),
)
def test_own_desk_in_the_path_does_not_open_another_desk_object(name, world):
    """An admin of Mountain naming their own desk with Harbour's rule, rating or member: 404."""
    url = _url(name, world, slug=world.other_desk.slug)
    client = _client(world, "mountain_admin")
    for method in ROUTES[name].methods:
        before = _snapshot()
        response = _request(client, name, method, url, world)
        assert response.status_code == 404, (method, url)
        assert _leaked(response, world, url) == [], (method, url)
        assert _snapshot() == before, (method, url)


@pytest.mark.parametrize(
    "name",
    _routes_where(
        lambda name, route: (
            not _with_path_parameters(name, route)
            and PUBLIC not in route.methods.values()
            and (route.query is not None or route.body is not None or USER in route.methods.values())
        )
    ),
)
def test_other_desk_lists_and_forms_show_nothing_of_harbour(name, world):
    """Routes without path parameters answer with the caller's desks only, and refuse Harbour's
    objects named in a filter or a body."""
    url = _url(name, world)
    route = ROUTES[name]
    for person in OUTSIDERS:
        client = _client(world, person)
        for method in route.methods:
            before = _snapshot()
            response = _request(client, name, method, url, world)
            if method == "GET" and route.query is not None:
                names_harbour = True
                assert response.status_code == route.outsider_filter_status, (person, method, url)
                unknown = _comparable(_request(client, name, method, _unknown_query_url(name, world), world))
                # The answer may repeat the filter it was sent.
                for real, stand_in in _query_stand_ins(world).items():
                    unknown = unknown.replace(stand_in, real)
                assert _comparable(response) == unknown, (person, url)
            elif method != "GET" and route.body is not None:
                names_harbour = True
                assert response.status_code in route.outsider_status, (person, method, url)
            else:
                # The caller's own lists and pages (refused where their role is too low at home).
                names_harbour = False
                assert response.status_code < 500, (person, method, url)
            assert _leaked(response, world, url) == [], (person, method, url)
            if method in UNSAFE_METHODS and names_harbour:
                assert _snapshot() == before, (person, method, url)


# --- Roles within the desk --------------------------------------------------------------------


def _refused_cases():
    cases = []
    for name in sorted(ROUTES):
        for method, access in ROUTES[name].methods.items():
            for person in REFUSED_PEOPLE.get(access, ()):
                cases.append(pytest.param(name, method, person, id=f"{name}-{method}-{person}"))
    return cases


@pytest.mark.parametrize(("name", "method", "person"), _refused_cases())
def test_role_below_the_route_is_refused_and_nothing_changes(name, method, person, world):
    route = ROUTES[name]
    url = _url(name, world)
    client = _client(world, person)
    before = _snapshot()

    response = _request(client, name, method, url, world)

    if route.refusal == FLASHED:
        assert response.status_code == 302, url
        flashed = _flashed_errors(response)
        assert any(refusal in message for message in flashed for refusal in REFUSALS), flashed
    else:
        assert response.status_code == 403, url
    assert _snapshot() == before


def _allowed_cases():
    return [
        pytest.param(name, method, id=f"{name}-{method}")
        for name in sorted(ROUTES)
        for method, access in ROUTES[name].methods.items()
        if access != PUBLIC
    ]


@pytest.mark.parametrize(("name", "method"), _allowed_cases())
def test_least_role_the_route_allows_is_let_in(name, method, world):
    """The control for the refusals above: with the same parameters and body, the right role
    gets past the permission check (a state rule such as 409 may still say no)."""
    access = ROUTES[name].methods[method]
    client = _client(world, ALLOWED_PERSON[access])
    url = _url(name, world)

    response = _request(client, name, method, url, world)

    assert response.status_code not in (401, 403, 404, 405), (url, _text(response)[:500])
    assert response.status_code < 500
    if not _is_api(name):
        flashed = _flashed_errors(response)
        assert not any(refusal in message for message in flashed for refusal in REFUSALS), flashed


# --- Malformed and unknown ids ------------------------------------------------------------------

MALFORMED_IDS = ("not-an-id", "12345", "0x1f", "%00", "' OR '1'='1", str(uuid.uuid4()))
ID_PARAMETERS = {
    "article_id",
    "claim_id",
    "rule_id",
    "rating_id",
    "pk",
    "username",
    "desk_slug",
    "slug",
    "tip_id",
    "token",
}


def _assert_malformed_ids_not_found(name: str, world: World, malformed_ids: tuple[str, ...]) -> None:
    client = _client(world, "harbour_admin")
    kwargs = _kwargs(name, world)
    valid_url = reverse(name, kwargs=kwargs)
    before = _snapshot()
    for parameter in ID_PARAMETERS & set(kwargs):
        for malformed in malformed_ids:
            url = valid_url.replace(f"/{quote(kwargs[parameter])}/", f"/{quote(malformed, safe='%')}/", 1)
            for method in ROUTES[name].methods:
                response = _request(client, name, method, url, world)
                assert response.status_code == 404, (parameter, malformed, method, url)
                assert _snapshot() == before, (parameter, malformed, method, url)


@pytest.mark.parametrize("name", _routes_where(lambda name, route: ID_PARAMETERS & set(RESOLVED[name].parameters)))
def test_malformed_or_unknown_id_is_not_found(name, world):
    """Ids are opaque: one that is malformed or names nothing is 404 for the desk's admin, never a 500."""
    _assert_malformed_ids_not_found(name, world, MALFORMED_IDS)


# --- Another desk's ids in a body -----------------------------------------------------------------


@dataclass
class OwnWork:
    """Mountain's own article, claim, task, rating and reference, for Mountain's people to act on."""

    article: object
    claim: object
    task: object
    rating: object
    reference: object


@pytest.fixture
def own_work(world) -> OwnWork:
    assignee = factories.MemberFactory(desk=world.other_desk, role="reviewer", username="mountain-assignee-zq").user
    world.people["mountain_assignee"] = assignee
    article = factories.ArticleFactory(desk=world.other_desk)
    claims = [
        factories.ClaimFactory(article=article, text=article.body[:8], start=0, end=8),
        factories.ClaimFactory(article=article, text=article.body[9:20], start=9, end=20),
    ]
    tasks = [
        factories.ReviewTaskFactory(claim=claim, status=TaskStatus.IN_REVIEW, assignee=assignee) for claim in claims
    ]
    return OwnWork(
        article=article,
        claim=claims[0],
        task=tasks[0],
        rating=factories.RatingFactory(scale=factories.RatingScaleFactory(desk=world.other_desk)),
        reference=factories.ReferenceFactory(claim=claims[0]),
    )


def _harbour_membership(w: World, person: str) -> str:
    return str(w.desk.memberships.get(user=w.people[person]).pk)


# (who, route, path kwargs on Mountain's objects, a body naming Harbour's objects)
FOREIGN_BODY_CASES = {
    "api-merge-with-harbour-claim": (
        "mountain_editor",
        "api:claim-merge",
        lambda w, o: {"pk": o.claim.pk},
        lambda w, o: {"claims": [str(w.claim.pk)]},
    ),
    "api-verdict-with-harbour-rating": (
        "mountain_assignee",
        "api:task-verdict",
        lambda w, o: {"pk": o.task.pk},
        lambda w, o: {"rating": str(w.rating.pk), "rationale": "The records show it.", "references": []},
    ),
    "api-verdict-citing-harbour-reference": (
        "mountain_assignee",
        "api:task-verdict",
        lambda w, o: {"pk": o.task.pk},
        lambda w, o: {
            "rating": str(o.rating.pk),
            "rationale": "The records show it.",
            "references": [str(w.reference.pk)],
        },
    ),
    "api-assign-to-harbour-reviewer": (
        "mountain_editor",
        "api:task-assign",
        lambda w, o: {},
        lambda w, o: {"task_ids": [str(o.task.pk)], "assignee": w.people["harbour_reviewer"].username},
    ),
    "api-assign-with-harbour-task": (
        "mountain_editor",
        "api:task-assign",
        lambda w, o: {},
        lambda w, o: {"task_ids": [str(o.task.pk), str(w.task.pk)], "assignee": w.people["mountain_reviewer"].username},
    ),
    "api-import-into-harbour-by-id": (
        "mountain_editor",
        "api:article-import",
        lambda w, o: {},
        lambda w, o: {"desk": str(w.desk.pk), "text": "The lighthouse was built in 1871 by the harbour board."},
    ),
    "web-merge-with-harbour-task": (
        "mountain_editor",
        "claims:merge",
        lambda w, o: {"article_id": o.article.pk},
        lambda w, o: {"tasks": [str(o.task.pk), str(w.task.pk)]},
    ),
    "web-verdict-with-harbour-rating": (
        "mountain_assignee",
        "reviews:verdict",
        lambda w, o: {"claim_id": o.claim.pk},
        lambda w, o: {"rating": str(w.rating.pk), "rationale": "The records show it."},
    ),
    "web-verdict-citing-harbour-reference": (
        "mountain_assignee",
        "reviews:verdict",
        lambda w, o: {"claim_id": o.claim.pk},
        lambda w, o: {
            "rating": str(o.rating.pk),
            "rationale": "The records show it.",
            "references": [str(w.reference.pk)],
        },
    ),
    "web-draft-citing-harbour-reference": (
        "mountain_assignee",
        "reviews:draft",
        lambda w, o: {"claim_id": o.claim.pk},
        lambda w, o: {"rating": str(o.rating.pk), "rationale": "Draft.", "references": [str(w.reference.pk)]},
    ),
    "web-assign-to-harbour-reviewer": (
        "mountain_editor",
        "reviews:assign",
        lambda w, o: {"article_id": o.article.pk},
        lambda w, o: {"tasks": [str(o.task.pk)], "assignee": str(w.people["harbour_reviewer"].pk)},
    ),
    "web-role-of-harbour-member": (
        "mountain_admin",
        "desks:member_role",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"member": _harbour_membership(w, "harbour_editor"), "role": "reviewer"},
    ),
    "web-remove-harbour-member": (
        "mountain_admin",
        "desks:member_remove",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"member": _harbour_membership(w, "harbour_editor")},
    ),
    "web-unlock-harbour-member": (
        "mountain_admin",
        "desks:member_sign_in_unlock",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"member": _harbour_membership(w, "harbour_editor")},
    ),
    "web-edit-harbour-rating": (
        "mountain_admin",
        "desks:rating_edit",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"rating": str(w.rating.pk), "label": "Renamed", "claimreview_value": "4"},
    ),
    "web-move-harbour-rating": (
        "mountain_admin",
        "desks:rating_move",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"rating": str(w.rating.pk), "direction": "down"},
    ),
    "web-delete-harbour-rating": (
        "mountain_admin",
        "desks:rating_delete",
        lambda w, o: {"slug": w.other_desk.slug},
        lambda w, o: {"rating": str(w.rating.pk)},
    ),
}


def _harbour_ids(w: World) -> dict[str, str]:
    """Each Harbour id or username a body may name, and what names nothing in its place."""
    ids = [w.article, w.claim, w.second_claim, w.task, w.second_task, w.reference, w.rating, w.document, w.rule, w.desk]
    ids.append(w.webhook)
    ids += list(w.desk.memberships.all())
    unknown = {str(obj.pk): str(uuid.uuid4()) for obj in ids}
    unknown.update(
        {str(user.pk): str(10_000_000 + user.pk) for key, user in w.people.items() if key.startswith("harbour")}
    )
    unknown.update(
        {user.username: f"nobody-{n}" for n, (key, user) in enumerate(w.people.items()) if key.startswith("harbour")}
    )
    return unknown


def _replaced(value, replacements: dict[str, str]):
    if isinstance(value, dict):
        return {key: _replaced(item, replacements) for key, item in value.items()}
    if isinstance(value, list):
        return [_replaced(item, replacements) for item in value]
    return replacements.get(value, value)


def _answer(client, name: str, url: str, body: dict):
    response = client.post(url, body, format="json") if _is_api(name) else client.post(url, body)
    flashed = [str(m) for m in get_messages(response.wsgi_request)]
    return response.status_code, response.get("Location", ""), flashed, _comparable(response)


@pytest.mark.parametrize("case", sorted(FOREIGN_BODY_CASES))
def test_another_desk_ids_in_a_body_answer_as_unknown_ids(case, world, own_work):
    """Acting on their own desk's objects, Mountain's people cannot reach Harbour's by naming them
    in the body: the answer is the one for ids that name nothing, and Harbour's rows stay."""
    person, name, path_kwargs, body = FOREIGN_BODY_CASES[case]
    url = reverse(name, kwargs={key: str(value) for key, value in path_kwargs(world, own_work).items()})
    harbour_body = body(world, own_work)
    replacements = _harbour_ids(world)
    # A client each: a message flashed for the first answer would otherwise show in the second.
    client, second_client = _client(world, person), _client(world, person)
    before = _snapshot()

    status, location, flashed, text = _answer(client, name, url, harbour_body)

    assert status >= 300
    assert _snapshot() == before
    answered = text + "".join(flashed)
    assert [secret for secret in world.secrets if secret in answered and secret not in repr(harbour_body)] == []
    unknown_answer = _answer(second_client, name, url, _replaced(harbour_body, replacements))
    # An answer may repeat the ids it was sent (user ids are short numbers, found in any text).
    for real, unknown in replacements.items():
        if len(real) > 8:
            text = text.replace(real, unknown)
            flashed = [message.replace(real, unknown) for message in flashed]
    assert (status, location, flashed, text) == unknown_answer


# --- Shared objects ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SharedCase:
    person: str
    name: str
    method: str
    kwargs: Callable[[World, object], dict]
    body: Callable[[World], dict] | None = None


def _shared_objects(world: World) -> dict:
    """What every desk reads and none changes: a desk-less library document and source rule, and
    a rating of the standard scale (Mountain has no scale of its own)."""
    return {
        "document": factories.LibraryDocumentFactory(desk=None, title="Shared harbour charter"),
        "rule": factories.SourceRuleFactory(desk=None, name="shared-rule"),
        "rating": django_apps.get_model("reviews", "Rating").objects.filter(scale__desk=None).first(),
    }


SHARED_CASES = (
    [
        SharedCase("harbour_editor", "api:library-document-detail", method, lambda w, s: {"pk": s["document"].pk}, body)
        for method, body in (
            ("PUT", lambda w: {"title": "Mine now", "url": "https://example.org/mine", "body": "Mine."}),
            ("PATCH", lambda w: {"title": "Mine now"}),
            ("DELETE", None),
        )
    ]
    + [
        SharedCase(
            "harbour_admin",
            "api:desk-source-rule-detail",
            method,
            lambda w, s: {"desk_slug": w.desk.slug, "rule_id": s["rule"].pk},
            body,
        )
        for method, body in (("PATCH", lambda w: {"label": "Mine now"}), ("DELETE", None))
    ]
    + [
        SharedCase(
            "mountain_admin",
            "api:desk-rating-detail",
            method,
            lambda w, s: {"desk_slug": w.other_desk.slug, "rating_id": s["rating"].pk},
            body,
        )
        for method, body in (("PATCH", lambda w: {"label": "Mine now"}), ("DELETE", None))
    ]
    + [
        SharedCase(
            "mountain_admin",
            "api:desk-rating-move",
            "POST",
            lambda w, s: {"desk_slug": w.other_desk.slug, "rating_id": s["rating"].pk},
            lambda w: {"offset": 1},
        ),
        SharedCase(
            "harbour_admin",
            "desks:source_rule_deactivate",
            "POST",
            lambda w, s: {"slug": w.desk.slug, "rule_id": s["rule"].pk},
        ),
        SharedCase(
            "harbour_admin",
            "desks:source_rule_edit",
            "POST",
            lambda w, s: {"slug": w.desk.slug, "rule_id": s["rule"].pk},
            _new_rule,
        ),
    ]
)


@pytest.mark.parametrize("case", [pytest.param(case, id=f"{case.name}-{case.method}") for case in SHARED_CASES])
def test_no_desk_changes_what_every_desk_shares(case, world):
    shared = _shared_objects(world)
    url = reverse(case.name, kwargs={key: str(value) for key, value in case.kwargs(world, shared).items()})
    client = _client(world, case.person)
    body = case.body(world) if case.body else {}
    before = _snapshot()

    if _is_api(case.name):
        response = getattr(client, case.method.lower())(url, body, format="json")
    else:
        response = client.post(url, body)

    if response.status_code == 302 and not _is_api(case.name):
        # A web action: back to its page with the refusal flashed.
        assert _flashed_errors(response), url
    else:
        assert 400 <= response.status_code < 500, url
    assert _snapshot() == before


# The query parameters each route reads (request.GET, query_params, filter sets).
FILTERS = {
    "api:article-list": ("desk", "search", "source_kind", "intake_status", "published_after", "ordering", "page"),
    "api:claim-list": ("article", "status", "kind", "page"),
    "api:tip-list": ("desk", "status", "page"),
    "tips:inbox": ("status", "page"),
    "api:claim-extraction": ("article",),
    "api:claim-feedback": ("desk",),
    "api:claim-history": ("page",),
    "api:desk-activity": ("page",),
    "api:task-list": ("article", "assignee", "status", "page"),
    "api:rating-list": ("desk",),
    "api:library-document-list": ("full_text", "page"),
    "api:reference-list": ("claim", "page"),
    "api:source-link-list": ("claim", "page"),
    "api:article-export": ("format",),
    "api:desk-report": ("since", "until"),
    "api:desk-fact-checks": ("since", "until", "format"),
    "reports:desk-report": ("since", "until"),
    "api:search": (
        "q",
        "kind",
        "status",
        "rating",
        "reviewer",
        "approved",
        "published_after",
        "published_before",
        "page",
    ),
    "search": ("q", "kind", "status", "rating", "reviewer", "approved", "published_after", "published_before", "page"),
    "articles:detail": ("claim", "page"),
    "reviews:queue": ("article", "status", "overdue", "page", "approvals_page"),
    "dashboard": ("page",),
}


def test_filters_list_every_query_the_matrix_sends():
    assert {name for name, route in ROUTES.items() if route.query is not None} <= set(FILTERS)


def _assert_malformed_filter_refused(name: str, key: str, world: World, malformed_values: tuple[str, ...]) -> None:
    client = _client(world, "harbour_admin")
    path = reverse(name, kwargs=_kwargs(name, world))
    for malformed in malformed_values:
        url = f"{path}?{key}={quote(malformed, safe='%')}"
        response = _request(client, name, "GET", url, world)
        assert response.status_code in (200, 400, 404), url


@pytest.mark.parametrize(
    ("name", "key"), [pytest.param(name, key, id=f"{name}-{key}") for name in FILTERS for key in FILTERS[name]]
)
def test_malformed_filter_is_refused_not_a_server_error(name, key, world):
    """A filter that names nothing, or cannot be parsed, is a 400 or 404 (or an empty page), never a 500."""
    _assert_malformed_filter_refused(name, key, world, MALFORMED_IDS)


# Slugs and usernames are compared as text; PostgreSQL refuses text holding a NUL character.
NAME_PARAMETERS = {"username", "desk_slug", "slug"}
NAME_FILTERS = [
    ("api:claim-feedback", "desk"),
    ("api:rating-list", "desk"),
    ("api:tip-list", "desk"),
    ("api:task-list", "assignee"),
    ("api:search", "q"),
    ("api:search", "rating"),
    ("api:search", "reviewer"),
    ("search", "q"),
    ("search", "reviewer"),
]


@pytest.mark.postgres
def test_nul_character_in_a_desk_or_user_name_is_not_a_server_error_on_postgresql(world):
    """A NUL character names no desk or account: 404 in a path, 400/404 in a filter (it was a 500
    on PostgreSQL for a member's username, the feedback export's and rating list's desk, and the
    task list's assignee)."""
    for name in sorted(ROUTES):
        if NAME_PARAMETERS & set(RESOLVED[name].parameters):
            _assert_malformed_ids_not_found(name, world, ("%00", "a%00b"))
    for name, key in NAME_FILTERS:
        _assert_malformed_filter_refused(name, key, world, ("%00", "a%00b"))
