"""The desk's rating scale over the API (/api/v1/desks/{slug}/ratings/): every member reads the
scale the desk uses; its admins copy the standard scale to the desk and add, edit, move and
remove ratings; another desk's scale does not exist."""

import threading
import uuid

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from apps.reviews import services
from apps.reviews.models import Rating, RatingScale, Verdict
from apps.reviews.selectors import rating_scale_for_desk
from tests import factories
from tests.concurrency import second_waits_for_first
from tests.core.test_api import _assert_documented, openapi  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

SCALE = "/api/v1/desks/world/ratings/"
COPY = "/api/v1/desks/world/ratings/copy-default/"
STANDARD = ["True", "Mostly true", "Half true", "Mostly false", "False", "Misleading", "Unverifiable"]


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def own_scale(desk, desk_admin):
    return services.rating_scale_copy_default(user=desk_admin, desk=desk)


def _rating(scale, label) -> Rating:
    return scale.ratings.get(label=label)


def _detail(rating) -> str:
    return f"{SCALE}{rating.pk}/"


def _labels(body) -> list[str]:
    return [rating["label"] for rating in body["ratings"]]


def _verdict(desk, rating, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    return Verdict.objects.create(
        task=task, rating=rating, rationale="Because.", reviewer=reviewer, submitted_at=timezone.now()
    )


# --- Reading ---------------------------------------------------------------------------------


def test_a_desk_on_the_standard_scale_reads_it_marked_as_shared(desk_admin_api, reviewer_api):
    for client in (desk_admin_api, reviewer_api):
        response = client.get(SCALE)

        assert response.status_code == 200
        body = response.json()
        assert (body["own"], body["name"], body["best_rating"], body["worst_rating"]) == (False, "Standard", 5, 1)
        assert _labels(body) == STANDARD
        assert body["ratings"][0]["claimreview_value"] == 5


def test_every_member_reads_the_desks_own_scale_in_order_with_its_usage(
    desk, desk_admin, editor_api, reviewer, reviewer_api, own_scale
):
    _verdict(desk, _rating(own_scale, "False"), reviewer)
    services.rating_move(user=desk_admin, rating=_rating(own_scale, "False"), offset=-4)

    for client in (editor_api, reviewer_api):
        body = client.get(SCALE).json()
        assert body["own"] is True
        assert _labels(body)[0] == "False"
        assert {rating["label"]: rating["verdict_count"] for rating in body["ratings"]}["False"] == 1


def test_a_rating_reads_with_its_etag(reviewer_api, own_scale):
    response = reviewer_api.get(_detail(_rating(own_scale, "Misleading")))

    assert response.status_code == 200
    assert (response.json()["label"], response.json()["claimreview_value"]) == ("Misleading", None)
    assert response["ETag"]


def test_another_desks_scale_and_ratings_are_not_found_without_naming_anything(desk_admin_api, other_desk, own_scale):
    sports_admin = factories.MemberFactory(desk=other_desk, role="admin", username="sal").user
    sports_scale = services.rating_scale_copy_default(user=sports_admin, desk=other_desk)
    services.rating_create(user=sports_admin, desk=other_desk, label="Sports desk secret")
    theirs = _rating(sports_scale, "Sports desk secret")

    assert desk_admin_api.get("/api/v1/desks/sports/ratings/").status_code == 404
    for path in (_detail(theirs), f"{SCALE}{uuid.uuid4()}/", f"{SCALE}not-an-id/", f"{SCALE}{theirs.pk}/move/"):
        for method, body in (("get", None), ("patch", {"label": "Ours"}), ("delete", None), ("post", {"offset": 1})):
            if path.endswith("/move/") != (method == "post"):
                continue
            response = getattr(desk_admin_api, method)(path, body, format="json")
            assert response.status_code == 404, (method, path)
            assert "Sports" not in response.content.decode()
    assert Rating.objects.filter(pk=theirs.pk, label="Sports desk secret").exists()


def test_once_copied_the_standard_ratings_are_not_the_desks(desk_admin_api, desk):
    standard = _rating(rating_scale_for_desk(desk=desk), "True")
    desk_admin_api.post(COPY)

    assert desk_admin_api.get(_detail(standard)).status_code == 404
    assert desk_admin_api.patch(_detail(standard), {"label": "Right"}, format="json").status_code == 404


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "target", "body"),
    [
        ("post", "copy", None),
        ("post", "scale", {"label": "Satire"}),
        ("patch", "rating", {"label": "Right"}),
        ("delete", "rating", None),
        ("post", "move", {"offset": 1}),
    ],
)
def test_only_the_desks_admins_change_it_and_outsiders_see_no_desk(
    editor_api, reviewer_api, outsider_api, anonymous_api, desk, own_scale, method, target, body
):
    rating = _rating(own_scale, "Unverifiable")
    path = {"copy": COPY, "scale": SCALE, "rating": _detail(rating), "move": f"{_detail(rating)}move/"}[target]

    for client in (editor_api, reviewer_api):
        response = getattr(client, method)(path, body, format="json")
        assert response.status_code == 403, (method, path)
        assert response.json()["message"].startswith("Only the desk's admins")
    assert getattr(outsider_api, method)(path, body, format="json").status_code == 404
    assert getattr(anonymous_api, method)(path, body, format="json").status_code == 401
    assert [r.label for r in own_scale.ratings.order_by("position")] == STANDARD


def test_outsiders_and_strangers_cannot_read_it(outsider_api, anonymous_api, own_scale):
    rating = _rating(own_scale, "True")
    for path in (SCALE, _detail(rating)):
        assert outsider_api.get(path).status_code == 404
        assert anonymous_api.get(path).status_code == 401


# --- Copying the standard scale --------------------------------------------------------------------


def test_copying_gives_the_desk_its_own_scale_once_and_moves_its_verdicts(desk_admin_api, desk, reviewer):
    verdict = _verdict(desk, _rating(rating_scale_for_desk(desk=desk), "False"), reviewer)

    first = desk_admin_api.post(COPY)
    again = desk_admin_api.post(COPY)

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["own"] is True
    assert _labels(first.json()) == STANDARD
    assert again.json()["id"] == first.json()["id"]
    verdict.refresh_from_db()
    assert verdict.rating.scale.desk == desk
    assert {r["label"]: r["verdict_count"] for r in again.json()["ratings"]}["False"] == 1
    assert RatingScale.objects.filter(desk=desk).count() == 1


def test_a_copy_made_by_another_request_while_this_one_waited_for_the_lock_answers_200(
    desk_admin_api, desk, desk_admin, monkeypatch
):
    """Whether the desk already had its own scale is decided under the desk lock: here another
    admin's copy commits just before this request takes the lock."""
    lock = services._lock_desk_for_scale

    def after_a_concurrent_copy(**kwargs):
        monkeypatch.setattr(services, "_lock_desk_for_scale", lock)
        services.rating_scale_copy_default(user=desk_admin, desk=desk)
        return lock(**kwargs)

    monkeypatch.setattr(services, "_lock_desk_for_scale", after_a_concurrent_copy)

    response = desk_admin_api.post(COPY)

    assert response.status_code == 200
    assert response.json()["own"] is True
    assert RatingScale.objects.filter(desk=desk).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_copies_sent_at_once_make_one_scale_and_only_the_first_answers_201(desk, desk_admin, monkeypatch):
    holding = threading.Event()
    standard_scale = services.rating_scale_for_desk

    def slow_standard_scale(**kwargs):
        holding.set()
        # The second request starts now, while this one holds the desk lock and has copied nothing.
        threading.Event().wait(1.0)
        return standard_scale(**kwargs)

    monkeypatch.setattr(services, "rating_scale_for_desk", slow_standard_scale)

    answers = second_waits_for_first(
        lambda label: _client(desk_admin).post(COPY), first="first", second="second", holding=holding
    )

    assert (answers["first"].status_code, answers["second"].status_code) == (201, 200)
    assert answers["first"].json()["id"] == answers["second"].json()["id"]
    assert RatingScale.objects.filter(desk=desk).count() == 1
    assert [r.label for r in RatingScale.objects.get(desk=desk).ratings.order_by("position")] == STANDARD


# --- Adding, editing, moving, removing ---------------------------------------------------------------


def test_an_admin_adds_a_rating_at_the_end(desk_admin_api, own_scale):
    response = desk_admin_api.post(SCALE, {"label": " Satire ", "description": "A joke."}, format="json")

    assert response.status_code == 201, response.content
    assert (response.json()["label"], response.json()["claimreview_value"], response.json()["verdict_count"]) == (
        "Satire",
        None,
        0,
    )
    assert response["ETag"]
    assert _labels(desk_admin_api.get(SCALE).json())[-1] == "Satire"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"label": "  "}, "Give the rating a label."),
        ({"label": "x" * 101}, "Keep the label under 100 characters."),
        ({"label": "Satire", "description": "x" * 501}, "Keep the description under 500 characters."),
        (
            {"label": "Satire", "claimreview_value": 9},
            "The ClaimReview value runs from 1 (worst) to 5 (best), or none.",
        ),
        ({"label": "false"}, "The scale already has a rating called 'false'."),
    ],
)
def test_a_rating_the_service_refuses_is_a_400_with_its_message(desk_admin_api, own_scale, body, message):
    response = desk_admin_api.post(SCALE, body, format="json")

    assert response.status_code == 400, response.content
    assert response.json()["message"] == message
    assert own_scale.ratings.count() == len(STANDARD)


def test_the_standard_scale_must_be_copied_before_it_is_changed(desk_admin_api, desk):
    standard = rating_scale_for_desk(desk=desk)

    added = desk_admin_api.post(SCALE, {"label": "Satire"}, format="json")
    edited = desk_admin_api.patch(_detail(_rating(standard, "True")), {"label": "Right"}, format="json")

    assert added.status_code == 400
    assert added.json()["message"] == "The desk uses the standard scale; copy it to the desk before adding ratings."
    assert edited.status_code == 400
    assert "copy it to your desk to change it" in edited.json()["message"]
    assert [r.label for r in standard.ratings.order_by("position")] == STANDARD


def test_a_patch_changes_only_the_fields_it_names(desk_admin_api, desk, reviewer, own_scale):
    rating = _rating(own_scale, "False")
    verdict = _verdict(desk, rating, reviewer)

    response = desk_admin_api.patch(_detail(rating), {"label": "Wrong"}, format="json")
    cleared = desk_admin_api.patch(_detail(rating), {"claimreview_value": None}, format="json")

    assert (response.status_code, cleared.status_code) == (200, 200)
    rating.refresh_from_db()
    assert (rating.label, rating.description, rating.claimreview_value) == ("Wrong", "The claim is not accurate.", None)
    assert cleared.json()["verdict_count"] == 1
    verdict.refresh_from_db()
    assert verdict.rating.label == "Wrong"


def test_renaming_to_a_label_the_scale_has_is_refused(desk_admin_api, own_scale):
    response = desk_admin_api.patch(_detail(_rating(own_scale, "False")), {"label": "TRUE"}, format="json")

    assert response.status_code == 400
    assert response.json()["message"] == "The scale already has a rating called 'TRUE'."
    assert _rating(own_scale, "False")


def test_moving_answers_the_scale_in_its_new_order(desk_admin_api, own_scale):
    rating = _rating(own_scale, "Unverifiable")

    up = desk_admin_api.post(f"{_detail(rating)}move/", {"offset": -1}, format="json")
    past_the_top = desk_admin_api.post(f"{_detail(rating)}move/", {"offset": -100}, format="json")

    assert up.status_code == 200
    assert _labels(up.json())[-2:] == ["Unverifiable", "Misleading"]
    assert _labels(past_the_top.json())[0] == "Unverifiable"
    assert [r["position"] for r in past_the_top.json()["ratings"]] == list(range(len(STANDARD)))
    assert desk_admin_api.post(f"{_detail(rating)}move/", {"offset": "up"}, format="json").status_code == 400


def test_a_move_changes_the_etags_of_both_ratings_that_swapped_places(desk_admin_api, own_scale):
    """Position is part of what a client read, so a move makes both old ETags stale (412), while
    the ratings whose place did not change keep theirs."""
    moved, swapped, untouched = (_rating(own_scale, label) for label in ("Misleading", "False", "True"))
    read = {rating.label: desk_admin_api.get(_detail(rating))["ETag"] for rating in (moved, swapped, untouched)}

    response = desk_admin_api.post(f"{_detail(moved)}move/", {"offset": -1}, format="json")

    assert response.status_code == 200
    for rating in (moved, swapped):
        stale = desk_admin_api.patch(
            _detail(rating), {"label": "Renamed"}, format="json", HTTP_IF_MATCH=read[rating.label]
        )
        assert stale.status_code == 412, rating.label
        assert desk_admin_api.get(_detail(rating))["ETag"] != read[rating.label]
    assert desk_admin_api.get(_detail(untouched))["ETag"] == read["True"]
    assert sorted(r.label for r in own_scale.ratings.all()) == sorted(STANDARD)


def test_an_unused_rating_is_removed(desk_admin_api, own_scale):
    rating = _rating(own_scale, "Unverifiable")

    response = desk_admin_api.delete(_detail(rating))

    assert response.status_code == 204
    assert not Rating.objects.filter(pk=rating.pk).exists()
    assert desk_admin_api.delete(_detail(rating)).status_code == 404


def test_a_rating_in_use_is_refused_with_409_and_the_count(desk_admin_api, desk, reviewer, own_scale):
    rating = _rating(own_scale, "False")
    _verdict(desk, rating, reviewer)
    _verdict(desk, rating, reviewer)

    response = desk_admin_api.delete(_detail(rating))

    assert response.status_code == 409
    assert response.json() == {
        "message": "2 verdicts use “False”, so it cannot be removed; rename it instead.",
        "extra": {"verdict_count": 2},
    }
    assert Rating.objects.filter(pk=rating.pk).exists()


def test_a_rating_only_a_published_correction_names_is_refused_with_409_saying_so(
    desk_admin_api, desk, editor, reviewer, own_scale
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "True"), rationale="The report gives this figure."
    )
    services.verdict_approve(editor=editor, task=task)
    services.verdict_reopen(editor=editor, task=task, note="The report was revised since.")
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "False"), rationale="The revised report does not."
    )
    services.verdict_approve(editor=editor, task=task)
    rating = _rating(own_scale, "True")

    response = desk_admin_api.delete(_detail(rating))

    # No verdict uses it (the scale says 0), so "1 verdict uses it" would send the admin looking for one.
    assert desk_admin_api.get(SCALE).json()["ratings"][0]["verdict_count"] == 0
    assert response.status_code == 409
    assert response.json() == {
        "message": "1 published correction names “True”, so it cannot be removed; rename it instead.",
        "extra": {"verdict_count": 0, "correction_count": 1},
    }
    assert Rating.objects.filter(pk=rating.pk).exists()


def test_a_rating_only_a_verdict_being_corrected_was_published_with_is_refused_saying_so(
    desk_admin_api, desk, editor, reviewer, own_scale
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "True"), rationale="The report gives this figure."
    )
    services.verdict_approve(editor=editor, task=task)
    services.verdict_reopen(editor=editor, task=task, note="The report was revised since.")
    # The reviewer rates it anew; until an editor approves that, the exports still say "True".
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "False"), rationale="The revised report does not."
    )
    rating = _rating(own_scale, "True")

    response = desk_admin_api.delete(_detail(rating))

    # No correction is published yet: the open one keeps the finding the exports show meanwhile.
    assert response.status_code == 409
    assert response.json() == {
        "message": "1 verdict being corrected is published with “True”, so it cannot be removed; rename it instead.",
        "extra": {"verdict_count": 0, "correction_count": 1},
    }
    assert Rating.objects.filter(pk=rating.pk).exists()


def test_a_rating_a_verdict_uses_and_a_published_correction_names_is_refused_naming_both(
    desk_admin_api, desk, editor, reviewer, own_scale
):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "True"), rationale="The report gives this figure."
    )
    services.verdict_approve(editor=editor, task=task)
    services.verdict_reopen(editor=editor, task=task, note="The rationale misquoted the report.")
    services.verdict_submit(
        user=reviewer, task=task, rating=_rating(own_scale, "True"), rationale="The report gives this figure exactly."
    )
    services.verdict_approve(editor=editor, task=task)

    response = desk_admin_api.delete(_detail(_rating(own_scale, "True")))

    assert response.status_code == 409
    assert response.json() == {
        "message": "1 verdict uses “True” and 1 published correction names it, so it cannot be removed; "
        "rename it instead.",
        "extra": {"verdict_count": 1, "correction_count": 1},
    }


def test_the_last_rating_stays(desk_admin_api, desk_admin, own_scale):
    *others, last = list(own_scale.ratings.order_by("position"))
    for rating in others:
        services.rating_delete(user=desk_admin, rating=rating)

    response = desk_admin_api.delete(_detail(last))

    assert response.status_code == 400
    assert response.json()["message"] == "A scale needs at least one rating."


# --- Concurrency: If-Match ---------------------------------------------------------------------------


def test_a_write_with_a_stale_etag_is_refused_and_saves_nothing(desk_admin_api, own_scale):
    rating = _rating(own_scale, "Unverifiable")
    stale = desk_admin_api.get(_detail(rating))["ETag"]
    desk_admin_api.patch(_detail(rating), {"description": "First admin's."}, format="json")

    patched = desk_admin_api.patch(_detail(rating), {"label": "Second admin's"}, format="json", HTTP_IF_MATCH=stale)
    deleted = desk_admin_api.delete(_detail(rating), HTTP_IF_MATCH=stale)

    for response in (patched, deleted):
        assert response.status_code == 412
        assert response.json()["message"].startswith("The rating has changed since you read it")
        assert response.json()["extra"]["etag"] == desk_admin_api.get(_detail(rating))["ETag"]
    rating.refresh_from_db()
    assert (rating.label, rating.description) == ("Unverifiable", "First admin's.")


def test_a_write_with_the_current_etag_goes_ahead(desk_admin_api, own_scale):
    rating = _rating(own_scale, "Unverifiable")
    current = desk_admin_api.get(_detail(rating))["ETag"]

    patched = desk_admin_api.patch(_detail(rating), {"label": "Unproven"}, format="json", HTTP_IF_MATCH=current)
    deleted = desk_admin_api.delete(_detail(rating), HTTP_IF_MATCH=patched["ETag"])

    assert (patched.status_code, deleted.status_code) == (200, 204)


def test_a_rating_saved_between_the_read_and_the_write_is_not_overwritten(desk_admin_api, own_scale, monkeypatch):
    """The fields this PATCH leaves out would be written back as read, so a rating another admin
    saved meanwhile is refused (412) even without If-Match."""
    rating = _rating(own_scale, "Unverifiable")
    update = services.rating_update

    def after_a_concurrent_save(**kwargs):
        Rating.objects.filter(pk=rating.pk).update(description="Theirs.", updated_at=timezone.now())
        return update(**kwargs)

    monkeypatch.setattr(services, "rating_update", after_a_concurrent_save)

    response = desk_admin_api.patch(_detail(rating), {"label": "Unproven"}, format="json")

    assert response.status_code == 412
    rating.refresh_from_db()
    assert rating.label == "Unverifiable"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_admins_saving_one_version_at_once_save_once(desk, desk_admin, own_scale, monkeypatch):
    """Both read the same ETag; the desk row lock makes the second wait for the first's commit,
    see the new version and refuse (412) instead of overwriting it."""
    rating = _rating(own_scale, "Unverifiable")
    stale = _client(desk_admin).get(_detail(rating))["ETag"]
    holding = threading.Event()
    fields_check = services._rating_fields_check

    def slow_fields_check(**kwargs):
        holding.set()
        # The second request starts now, while this one holds the desk lock and has not saved.
        threading.Event().wait(1.0)
        return fields_check(**kwargs)

    monkeypatch.setattr(services, "_rating_fields_check", slow_fields_check)

    def patch(label):
        return _client(desk_admin).patch(_detail(rating), {"label": label}, format="json", HTTP_IF_MATCH=stale)

    answers = second_waits_for_first(patch, first="First", second="Second", holding=holding)

    assert (answers["First"].status_code, answers["Second"].status_code) == (200, 412)
    rating.refresh_from_db()
    assert rating.label == "First"


# --- The answers are the documented ones ----------------------------------------------------------


def test_the_answers_match_the_schema(openapi, desk_admin_api, reviewer_api, desk, reviewer):  # noqa: F811
    answers = [
        ("get", desk_admin_api.get(SCALE)),
        ("post", desk_admin_api.post(SCALE, {"label": "Satire"}, format="json")),
    ]
    answers += [("post", desk_admin_api.post(COPY)), ("post", desk_admin_api.post(COPY))]
    scale = rating_scale_for_desk(desk=desk)
    false, true = _rating(scale, "False"), _rating(scale, "True")
    _verdict(desk, false, reviewer)
    stale = desk_admin_api.get(_detail(true))["ETag"]
    answers += [
        ("get", desk_admin_api.get(_detail(false))),
        ("post", desk_admin_api.post(SCALE, {"label": "Satire"}, format="json")),
        ("post", desk_admin_api.post(SCALE, {"label": "True"}, format="json")),
        ("patch", desk_admin_api.patch(_detail(true), {"description": "Right."}, format="json")),
        ("patch", desk_admin_api.patch(_detail(true), {"label": "Right"}, format="json", HTTP_IF_MATCH=stale)),
        ("post", desk_admin_api.post(f"{_detail(true)}move/", {"offset": 1}, format="json")),
        ("delete", desk_admin_api.delete(_detail(false))),
        ("delete", desk_admin_api.delete(f"{SCALE}{uuid.uuid4()}/")),
        ("patch", reviewer_api.patch(_detail(false), {"label": "Wrong"}, format="json")),
    ]

    assert [response.status_code for _, response in answers] == [
        200, 400, 201, 200, 200, 201, 400, 200, 412, 200, 409, 404, 403
    ]  # fmt: skip
    for method, response in answers:
        _assert_documented(openapi, method, response)
