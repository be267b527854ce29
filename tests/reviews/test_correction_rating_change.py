"""Whether a correction changed the rating is told by the ratings, not by their labels, and every surface that
tells a correction (each export, the claim page, chat lines, the API) follows that one rule
(`VerdictCorrection.rating_change_for`). Two ratings may share a translation: on this desk "False" and
"Mostly false" are both "Falso" in Spanish, so a correction between them names each with its default label
beside it, as the verdict form lists them ("Falso (False)"). A correction that kept the rating names no
previous rating anywhere, even where the rating was renamed while it was open."""

import csv
import io
import json

import pytest
from django.urls import reverse

from apps.core.audit import audit_event_summary
from apps.core.models import AuditAction, AuditEvent
from apps.desks import webhooks as desk_webhooks
from apps.desks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookFormat
from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask, VerdictCorrection
from tests import factories
from tests.rating_labels import labelled_desk_scale, relabel

pytestmark = pytest.mark.django_db

TEXT = "La autoridad portuaria dragó cuatro millones de toneladas de limo en 2019."
NOTE = "El ministerio corrigió la cifra de 2019."
SPANISH_LABELS = {"True": "Verdadero", "Mostly false": "Falso", "False": "Falso"}
# The correction from False to Mostly false, as every surface tells it: the claim page in the reader's
# language (English here), the exports in the article's (Spanish).
TOLD_APART = "rated Falso (Mostly false), previously rated Falso (False)"
TOLD_APART_IN_SPANISH = "calificación: Falso (Mostly false); calificación anterior: Falso (False)"
PREVIOUS_IN_SPANISH = "calificación anterior"


@pytest.fixture
def scale(desk, desk_admin):
    """The desk's own scale, where False and Mostly false share their Spanish label."""
    return labelled_desk_scale(desk, desk_admin, {label: {"es": spanish} for label, spanish in SPANISH_LABELS.items()})


@pytest.fixture
def endpoint(desk):
    return WebhookEndpoint.objects.create(desk=desk, url="https://hooks.example.org/in", events=WebhookEvent.values)


def _fresh(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _published(desk, editor, reviewer, scale, *, rating: str, number: int) -> ReviewTask:
    # Articles differ by a closing word: a desk holds each text once.
    body = f"{TEXT} ({number})"
    article = factories.ArticleFactory(desk=desk, body=body, title="Dragado del puerto", language="es")
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=TEXT, start=0, end=len(TEXT)))
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer, task=_fresh(task), rating=scale.ratings.get(label=rating), rationale="El informe anual."
    )
    reviews.verdict_approve(editor=editor, task=_fresh(task))
    reviews.verdict_reopen(editor=editor, task=_fresh(task), note=NOTE)
    return _fresh(task)


def _approved_as(task, editor, reviewer, rating, *, bulk=False) -> ReviewTask:
    reviews.verdict_submit(user=reviewer, task=_fresh(task), rating=rating, rationale="Fueron 2,5 millones.")
    if bulk:
        task = _fresh(task)
        reviews.verdicts_approve(editor=editor, seen_revisions={task.pk: task.verdict_revision})
    else:
        reviews.verdict_approve(editor=editor, task=_fresh(task))
    return _fresh(task)


@pytest.fixture
def shared(desk, editor, reviewer, scale) -> ReviewTask:
    """Published as False ("Falso"), corrected to Mostly false ("Falso" too)."""
    task = _published(desk, editor, reviewer, scale, rating="False", number=1)
    return _approved_as(task, editor, reviewer, scale.ratings.get(label="Mostly false"))


@pytest.fixture
def kept(desk, editor, reviewer, scale) -> ReviewTask:
    """Published as False, corrected (the rationale only) as False again."""
    task = _published(desk, editor, reviewer, scale, rating="False", number=2)
    return _approved_as(task, editor, reviewer, scale.ratings.get(label="False"))


def _renamed_while_corrected(desk, editor, reviewer, scale, desk_admin, *, bulk=False) -> ReviewTask:
    task = _published(desk, editor, reviewer, scale, rating="True", number=3)
    true = scale.ratings.get(label="True")
    relabel(desk_admin, true, label="Accurate")
    true.refresh_from_db()
    return _approved_as(task, editor, reviewer, true, bulk=bulk)


@pytest.fixture
def renamed(desk, editor, reviewer, scale, desk_admin) -> ReviewTask:
    """Published as True, which a desk admin renamed "Accurate" while the correction was open; corrected as
    that same rating."""
    return _renamed_while_corrected(desk, editor, reviewer, scale, desk_admin)


@pytest.fixture
def renamed_in_bulk(desk, editor, reviewer, scale, desk_admin) -> ReviewTask:
    """As `renamed`, the corrected verdict approved from the editor's approval list."""
    return _renamed_while_corrected(desk, editor, reviewer, scale, desk_admin, bulk=True)


def _export(task, export_format):
    return report_export(report=report_build(article=task.claim.article), export_format=export_format).content


def _pdf_text(task) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(_export(task, "pdf"))).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def _claim_page(client, editor, task) -> str:
    client.force_login(editor)
    return client.get(reverse("claims:detail", args=[task.claim_id])).content.decode()


def _corrected_audit_event(task) -> AuditEvent:
    return AuditEvent.objects.get(claim_id=task.claim_id, action=AuditAction.VERDICT_CORRECTED)


def _corrected_approval(endpoint) -> WebhookDelivery:
    return (
        WebhookDelivery.objects.filter(endpoint=endpoint, event=WebhookEvent.VERDICT_APPROVED)
        .order_by("created_at")
        .last()
    )


# --- The rule -------------------------------------------------------------------------------------


def test_ratings_sharing_a_translation_are_told_apart_by_their_default_labels(shared):
    correction = VerdictCorrection.objects.get(verdict__task=shared)

    assert correction.rating_changed
    change = correction.rating_change_for("es")
    assert (change.previous, change.rating, change.text) == ("Falso (False)", "Falso (Mostly false)", TOLD_APART)
    # In English the labels differ: no default label beside them.
    assert correction.rating_change_for("en").text == "previously rated False"


def test_a_rating_renamed_while_its_correction_was_open_is_not_a_changed_rating(renamed):
    correction = VerdictCorrection.objects.get(verdict__task=renamed)

    assert (correction.previous_rating_label, correction.rating_label) == ("True", "Accurate")
    assert not correction.rating_changed
    assert correction.rating_change_for("es") is None


# --- Exports ----------------------------------------------------------------------------------------


def test_html_and_markdown_tell_apart_two_ratings_sharing_a_translation(shared):
    assert f"{NOTE} ({TOLD_APART_IN_SPANISH})</small>" in _export(shared, "html")
    assert f"{NOTE} ({TOLD_APART_IN_SPANISH})" in _export(shared, "md")


def test_csv_names_the_previous_rating_though_it_shares_the_new_ones_translation(shared):
    (row,) = csv.DictReader(io.StringIO(_export(shared, "csv")))

    assert row["rating"] == "Falso"
    assert row["corrections"].endswith(f"{NOTE} ({TOLD_APART_IN_SPANISH})")


def test_json_says_the_rating_changed_and_keeps_the_labels_as_published(shared, kept):
    (claim,) = json.loads(_export(shared, "json"))["claims"]
    (correction,) = claim["corrections"]
    assert (correction["previous_rating"], correction["rating"], correction["rating_changed"]) == (
        "Falso",
        "Falso",
        True,
    )
    (claim,) = json.loads(_export(kept, "json"))["claims"]
    assert claim["corrections"][0]["rating_changed"] is False


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_pdf_tells_apart_two_ratings_sharing_a_translation(shared, kept):
    assert f"({TOLD_APART_IN_SPANISH})" in _pdf_text(shared)
    assert PREVIOUS_IN_SPANISH not in _pdf_text(kept)


def test_claimreview_rates_the_corrected_verdict_by_its_own_value(shared, scale):
    (item,) = json.loads(_export(shared, "claimreview"))

    assert item["reviewRating"]["alternateName"] == "Falso"
    assert item["reviewRating"]["ratingValue"] == scale.ratings.get(label="Mostly false").claimreview_value
    assert "dateModified" in item


@pytest.mark.parametrize("export_format", ["html", "md", "csv"])
def test_no_export_names_a_previous_rating_where_the_correction_kept_it(kept, renamed, export_format):
    assert PREVIOUS_IN_SPANISH not in _export(kept, export_format)
    assert PREVIOUS_IN_SPANISH not in _export(renamed, export_format)


# --- The claim page -----------------------------------------------------------------------------------


def test_the_claim_page_tells_apart_two_ratings_sharing_a_translation(client, editor, shared):
    assert f"({TOLD_APART})" in _claim_page(client, editor, shared)


def test_the_claim_page_names_no_previous_rating_where_the_correction_kept_it(client, editor, kept, renamed):
    assert "previously rated" not in _claim_page(client, editor, kept)
    assert "previously rated" not in _claim_page(client, editor, renamed)


# --- Chat lines -------------------------------------------------------------------------------------------


def test_the_chat_line_tells_apart_two_ratings_sharing_a_translation(endpoint, shared):
    delivery = _corrected_approval(endpoint)
    line = "Falso (Mostly false) (was Falso (False))."

    assert delivery.summary.endswith(f": {line}")
    slack = json.loads(desk_webhooks.webhook_request_body(delivery, WebhookFormat.SLACK))
    assert line in slack["text"]
    teams = json.loads(desk_webhooks.webhook_request_body(delivery, WebhookFormat.TEAMS))
    assert teams["attachments"][0]["content"]["body"][0]["inlines"][0]["text"].endswith(line)


def test_the_chat_line_of_a_rating_renamed_while_corrected_says_it_is_unchanged(endpoint, renamed):
    assert _corrected_approval(endpoint).summary.endswith(": Verdadero (rating unchanged).")


def test_the_webhook_says_whether_the_correction_changed_the_rating(endpoint, desk, editor, reviewer, scale):
    task = _published(desk, editor, reviewer, scale, rating="False", number=1)
    _approved_as(task, editor, reviewer, scale.ratings.get(label="Mostly false"))
    assert _corrected_approval(endpoint).payload["data"]["correction"]["rating_changed"] is True

    task = _published(desk, editor, reviewer, scale, rating="False", number=2)
    _approved_as(task, editor, reviewer, scale.ratings.get(label="False"))
    assert _corrected_approval(endpoint).payload["data"]["correction"]["rating_changed"] is False


def test_the_webhook_of_a_rating_renamed_while_corrected_says_it_did_not_change(endpoint, renamed):
    correction = _corrected_approval(endpoint).payload["data"]["correction"]

    assert (correction["previous_rating"], correction["rating_changed"]) == ("True", False)


# --- Audit trail ----------------------------------------------------------------------------------------------


def test_the_audit_trail_says_a_rating_renamed_while_corrected_is_unchanged(editor_api, renamed):
    event = _corrected_audit_event(renamed)

    assert (event.details["previous_rating"], event.details["rating"]) == ("True", "Accurate")
    assert event.details["rating_changed"] is False
    history = editor_api.get(reverse("api:claim-history", args=[renamed.claim_id])).json()["results"]
    summaries = [entry["summary"] for entry in history if entry["action"] == AuditAction.VERDICT_CORRECTED]
    assert summaries == ["edith approved the corrected verdict: Accurate (rating unchanged)"]


def test_a_bulk_approval_records_a_rating_renamed_while_corrected_as_unchanged(renamed_in_bulk):
    event = _corrected_audit_event(renamed_in_bulk)

    assert event.details["rating_changed"] is False
    assert (
        audit_event_summary(event)
        == "edith approved the corrected verdict in a bulk approval: Accurate (rating unchanged)"
    )


def test_the_audit_trail_names_the_previous_rating_where_the_correction_changed_it(shared, kept):
    changed, unchanged = _corrected_audit_event(shared), _corrected_audit_event(kept)

    assert changed.details["rating_changed"] is True
    assert audit_event_summary(changed) == "edith approved the corrected verdict: Mostly false (was False)"
    assert unchanged.details["rating_changed"] is False
    assert audit_event_summary(unchanged) == "edith approved the corrected verdict: False (rating unchanged)"


@pytest.mark.parametrize(
    ("rating", "previous", "summary"),
    [
        ("Accurate", "True", "edith approved the corrected verdict: Accurate (was True)"),
        ("False", "False", "edith approved the corrected verdict: False (rating unchanged)"),
    ],
)
def test_audit_events_recorded_before_rating_changed_was_kept_read_as_they_did(rating, previous, summary):
    # Audit records are never rewritten: an older event, without `rating_changed`, is told by its labels.
    event = AuditEvent(
        action=AuditAction.VERDICT_CORRECTED,
        actor_name="edith",
        details={"rating": rating, "previous_rating": previous, "rationale_changed": True, "note": NOTE},
    )

    assert audit_event_summary(event) == summary


# --- API ----------------------------------------------------------------------------------------------------


def test_the_api_says_whether_the_rating_changed_and_keeps_the_raw_labels(editor_api, shared, renamed):
    [changed] = editor_api.get(f"/api/v1/tasks/{shared.pk}/").json()["verdict"]["corrections"]
    [unchanged] = editor_api.get(f"/api/v1/tasks/{renamed.pk}/").json()["verdict"]["corrections"]

    assert (changed["previous_rating"], changed["previous_rating_label"]) == ("False", "Falso")
    assert (changed["rating"], changed["rating_label"], changed["rating_changed"]) == ("Mostly false", "Falso", True)
    assert (unchanged["previous_rating"], unchanged["rating"], unchanged["rating_changed"]) == (
        "True",
        "Accurate",
        False,
    )
