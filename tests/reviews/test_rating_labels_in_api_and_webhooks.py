"""The REST API and webhook events name a rating as the exports of its article do, beside the default label
they always gave: `rating` stays the default label (the search's `?rating=` filter matches it), and
`rating_label` is the label the desk gave for the article's language, as published."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from apps.desks.models import WebhookDelivery, WebhookEndpoint, WebhookEvent
from apps.reviews import services as reviews
from apps.reviews.models import ReviewTask
from tests import factories
from tests.rating_labels import labelled_desk_scale, relabel

pytestmark = pytest.mark.django_db

TEXT = "La autoridad portuaria dragó cuatro millones de toneladas de limo en 2019."
SPANISH_LABELS = {"True": "Verdadero", "False": "Falso"}


@pytest.fixture
def scale(desk, desk_admin):
    """The desk's own scale, with Spanish labels for True and False."""
    return labelled_desk_scale(desk, desk_admin, {label: {"es": spanish} for label, spanish in SPANISH_LABELS.items()})


@pytest.fixture
def endpoint(desk):
    return WebhookEndpoint.objects.create(desk=desk, url="https://hooks.example.org/in", events=WebhookEvent.values)


def _fresh(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _submitted(desk, editor, reviewer, scale, *, rating="False", language="es", text=TEXT) -> ReviewTask:
    article = factories.ArticleFactory(desk=desk, body=text, title="Dragado del puerto", language=language)
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=text, start=0, end=len(text)))
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer, task=_fresh(task), rating=scale.ratings.get(label=rating), rationale="El informe anual."
    )
    return _fresh(task)


def _published(desk, editor, reviewer, scale, **kwargs) -> ReviewTask:
    task = _submitted(desk, editor, reviewer, scale, **kwargs)
    reviews.verdict_approve(editor=editor, task=task)
    return _fresh(task)


def _corrected(desk, editor, reviewer, scale, *, close=True) -> ReviewTask:
    """Published as True, reopened, resubmitted as False and, if `close`, approved."""
    task = _published(desk, editor, reviewer, scale, rating="True")
    reviews.verdict_reopen(editor=editor, task=task, note="Fueron 2,5 millones.")
    reviews.verdict_submit(
        user=reviewer, task=_fresh(task), rating=scale.ratings.get(label="False"), rationale="Fueron 2,5."
    )
    if close:
        reviews.verdict_approve(editor=editor, task=_fresh(task))
    return _fresh(task)


def _payload(endpoint, event) -> dict:
    return WebhookDelivery.objects.filter(endpoint=endpoint, event=event).latest("created_at").payload["data"]


# --- REST API ---------------------------------------------------------------------------------


def test_a_tasks_verdict_gives_its_rating_in_the_articles_language_beside_the_default_label(
    editor_api, desk, editor, reviewer, scale
):
    spanish = _published(desk, editor, reviewer, scale, language="es-MX")
    english = _published(desk, editor, reviewer, scale, language="en", text="The port dredged four million tonnes.")

    spanish_verdict = editor_api.get(f"/api/v1/tasks/{spanish.pk}/").json()["verdict"]
    english_verdict = editor_api.get(f"/api/v1/tasks/{english.pk}/").json()["verdict"]

    assert (spanish_verdict["rating"]["label"], spanish_verdict["rating_label"]) == ("False", "Falso")
    assert (english_verdict["rating"]["label"], english_verdict["rating_label"]) == ("False", "False")
    listed = editor_api.get("/api/v1/tasks/", {"language": "es"}).json()["results"]
    assert [task["verdict"]["rating_label"] for task in listed] == ["Falso"]


def test_a_corrections_ratings_are_given_in_the_articles_language_as_they_were_published(
    editor_api, desk, desk_admin, editor, reviewer, scale
):
    task = _corrected(desk, editor, reviewer, scale)
    # Renamed after the correction was published: the correction keeps the names it was published with.
    relabel(desk_admin, scale.ratings.get(label="True"), language_labels={"es": "Cierto"})

    [correction] = editor_api.get(f"/api/v1/tasks/{task.pk}/").json()["verdict"]["corrections"]

    assert (correction["previous_rating"], correction["previous_rating_label"]) == ("True", "Verdadero")
    assert (correction["rating"], correction["rating_label"]) == ("False", "Falso")


def test_an_open_correction_gives_the_replaced_rating_and_no_corrected_one(editor_api, desk, editor, reviewer, scale):
    task = _corrected(desk, editor, reviewer, scale, close=False)

    response = editor_api.get(f"/api/v1/tasks/{task.pk}/").json()

    [correction] = response["verdict"]["corrections"]
    assert (correction["previous_rating"], correction["previous_rating_label"]) == ("True", "Verdadero")
    assert (correction["rating"], correction["rating_label"]) == (None, None)
    # The verdict being corrected, as the reviewer resubmitted it.
    assert (response["verdict"]["rating"]["label"], response["verdict"]["rating_label"]) == ("False", "Falso")


def test_the_search_gives_the_published_rating_in_the_articles_language_and_filters_by_the_default_label(
    editor_api, desk, editor, reviewer, scale
):
    _published(desk, editor, reviewer, scale, language="es")

    [result] = editor_api.get("/api/v1/search/", {"rating": "False"}).json()["results"]
    by_spanish_label = editor_api.get("/api/v1/search/", {"rating": "Falso"}).json()["results"]

    assert (result["rating"], result["rating_label"]) == ("False", "Falso")
    assert by_spanish_label == []


def test_the_search_gives_a_verdict_under_correction_as_published(editor_api, desk, editor, reviewer, scale):
    _corrected(desk, editor, reviewer, scale, close=False)

    [result] = editor_api.get("/api/v1/search/", {"q": "dragó"}).json()["results"]

    assert (result["rating"], result["rating_label"]) == ("True", "Verdadero")


def test_a_repeat_gives_the_earlier_verdicts_rating_in_its_own_articles_language(
    editor_api, desk, editor, reviewer, scale
):
    earlier = _published(desk, editor, reviewer, scale, language="en", text="The port dredged four million tonnes.")
    article = factories.ArticleFactory(desk=desk, body=TEXT, title="Dragado otra vez", language="es")
    repeat = factories.ClaimFactory(
        article=article, text=TEXT, start=0, end=len(TEXT), matched_claim=earlier.claim, match_status="suggested"
    )

    matched = editor_api.get(f"/api/v1/claims/{repeat.pk}/").json()["matched_claim"]
    listed = editor_api.get("/api/v1/claims/", {"article": article.pk}).json()["results"]

    assert matched["verdict"] == {"rating": "False", "rating_label": "Falso", "rationale": "El informe anual."}
    assert [claim["matched_claim"]["verdict"]["rating_label"] for claim in listed] == ["Falso"]


def test_the_schema_documents_the_labels_in_the_articles_language():
    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]

    assert "rating_label" in components["VerdictOutput"]["properties"]
    assert {"previous_rating_label", "rating_label"} <= set(components["VerdictCorrectionOutput"]["properties"])
    assert "rating_label" in components["SearchResult"]["properties"]
    assert "rating_label" in components["MatchedVerdict"]["properties"]


# --- Webhooks ---------------------------------------------------------------------------------


def test_webhook_events_give_the_verdicts_rating_in_the_articles_language(desk, editor, reviewer, scale, endpoint):
    _published(desk, editor, reviewer, scale)

    for event in (WebhookEvent.VERDICT_SUBMITTED, WebhookEvent.VERDICT_APPROVED):
        verdict = _payload(endpoint, event)["verdict"]
        assert (verdict["rating"], verdict["rating_label"]) == ("False", "Falso"), event


def test_webhook_events_of_a_correction_give_the_replaced_rating_in_the_articles_language(
    desk, editor, reviewer, scale, endpoint
):
    _corrected(desk, editor, reviewer, scale)

    previous = _payload(endpoint, WebhookEvent.VERDICT_REOPENED)["previous"]
    approved = _payload(endpoint, WebhookEvent.VERDICT_APPROVED)
    assert (previous["rating"], previous["rating_label"]) == ("True", "Verdadero")
    assert (approved["correction"]["previous_rating"], approved["correction"]["previous_rating_label"]) == (
        "True",
        "Verdadero",
    )
    assert (approved["verdict"]["rating"], approved["verdict"]["rating_label"]) == ("False", "Falso")


def test_a_withdrawn_correction_gives_the_rating_that_stands_in_the_articles_language(
    desk, editor, reviewer, scale, endpoint
):
    task = _published(desk, editor, reviewer, scale, rating="True")
    reviews.verdict_reopen(editor=editor, task=task, note="Reabierta por error.")

    reviews.verdict_correction_withdraw(editor=editor, task=_fresh(task))

    verdict = _payload(endpoint, WebhookEvent.VERDICT_CORRECTION_WITHDRAWN)["verdict"]
    assert (verdict["rating"], verdict["rating_label"]) == ("True", "Verdadero")


# --- Chat lines -------------------------------------------------------------------------------


def _summary(endpoint, event) -> str:
    return WebhookDelivery.objects.filter(endpoint=endpoint, event=event).latest("created_at").summary


def test_chat_lines_name_the_rating_as_the_claim_page_does_in_the_articles_language(
    desk, editor, reviewer, scale, endpoint
):
    _published(desk, editor, reviewer, scale)

    assert _summary(endpoint, WebhookEvent.VERDICT_SUBMITTED).endswith(" Falso: waiting for approval.")
    assert _summary(endpoint, WebhookEvent.VERDICT_APPROVED).endswith(": Falso.")


def test_the_chat_line_of_a_corrected_approval_names_both_ratings_in_the_articles_language(
    desk, editor, reviewer, scale, endpoint
):
    _corrected(desk, editor, reviewer, scale)

    summary = _summary(endpoint, WebhookEvent.VERDICT_APPROVED)
    assert summary.startswith("edith approved the corrected verdict on")
    assert summary.endswith(": Falso (was Verdadero).")


def test_the_chat_line_of_a_withdrawn_correction_names_the_rating_that_stands_in_the_articles_language(
    desk, editor, reviewer, scale, endpoint
):
    task = _published(desk, editor, reviewer, scale, rating="True")
    reviews.verdict_reopen(editor=editor, task=task, note="Reabierta por error.")

    reviews.verdict_correction_withdraw(editor=editor, task=_fresh(task))

    assert _summary(endpoint, WebhookEvent.VERDICT_CORRECTION_WITHDRAWN).endswith("stands as published: Verdadero.")
