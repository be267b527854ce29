"""The Django admin keeps the review workflow's rules: a rating that verdicts use is not removed, a
scale keeps a rating and its labels stay unique and within its ClaimReview range, the standard scale
stays, a scale stays with its desk, and a task's assignment or a verdict (published ones, and which
rating and references it may name) changes only through the app."""

import pytest
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.reviews import services
from apps.reviews.models import Rating, RatingScale, ReviewTask, TaskStatus, Verdict
from tests import factories
from tests.admin_forms import rating_scale_admin_data

pytestmark = pytest.mark.django_db

RATIONALE = "The annual report of the ministry gives a different figure for that year."


@pytest.fixture
def scale(desk, desk_admin):
    return services.rating_scale_copy_default(user=desk_admin, desk=desk)


def _task(desk, editor, reviewer) -> ReviewTask:
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    return task


def _verdict(desk, editor, reviewer, label: str = "False") -> Verdict:
    task = _task(desk, editor, reviewer)
    rating = Rating.objects.get(scale=services.rating_scale_for_desk(desk=desk), label=label)
    return services.verdict_submit(user=reviewer, task=task, rating=rating, rationale=RATIONALE)


def _index(scale: RatingScale, label: str) -> int:
    return list(scale.ratings.order_by("position").values_list("label", flat=True)).index(label)


def _text(response) -> str:
    assert response.status_code == 200, response.content[:2000]
    return response.content.decode()


def test_a_rating_that_a_verdict_uses_is_not_removed_on_the_scales_admin_page(
    desk, scale, editor, reviewer, root_client
):
    _verdict(desk, editor, reviewer, label="False")
    data = rating_scale_admin_data(scale, **{f"ratings-{_index(scale, 'False')}-DELETE": "on"})

    response = root_client.post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    # Django's inline refuses a protected row itself (this one never failed); kept as the rule's guard.
    assert "would require deleting the following protected related objects" in _text(response)
    assert scale.ratings.filter(label="False").exists()


def test_the_scales_last_rating_is_not_removed_in_the_admin(desk, root_client):
    scale = factories.RatingScaleFactory(desk=desk)
    factories.RatingFactory(scale=scale, label="Accurate")
    data = rating_scale_admin_data(scale, **{"ratings-0-DELETE": "on"})

    response = root_client.post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    assert "A scale needs at least one rating." in _text(response)
    assert scale.ratings.count() == 1


def test_a_rating_label_the_scale_has_in_another_case_is_refused_in_the_admin(scale, root_client):
    data = rating_scale_admin_data(scale, **{f"ratings-{_index(scale, 'False')}-label": "true"})

    response = root_client.post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    assert "The scale already has a rating called &#x27;true&#x27;." in _text(response)
    assert scale.ratings.filter(label="False").exists()


def test_a_claimreview_value_outside_the_scale_is_refused_in_the_admin(scale, root_client):
    data = rating_scale_admin_data(scale, **{f"ratings-{_index(scale, 'False')}-claimreview_value": 9})

    response = root_client.post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    assert "The ClaimReview value runs from 1 (worst) to 5 (best), or none." in _text(response)
    assert scale.ratings.get(label="False").claimreview_value != 9


def test_the_standard_scale_is_not_deleted_in_the_admin(root_client):
    standard = RatingScale.objects.get(desk=None)

    response = root_client.post(
        reverse("admin:reviews_ratingscale_delete", args=[standard.pk]), {"post": "yes"}, follow=True
    )

    assert "The standard scale is shared by every desk without its own, so it cannot be deleted." in _text(response)
    assert RatingScale.objects.filter(pk=standard.pk).exists()


def test_a_scale_stays_with_its_desk_in_the_admin(scale, other_desk, root_client):
    response = root_client.post(
        reverse("admin:reviews_ratingscale_change", args=[scale.pk]), rating_scale_admin_data(scale, desk=other_desk.pk)
    )

    assert response.status_code == 302, response.content[:3000]
    scale.refresh_from_db()
    assert scale.desk_id != other_desk.pk


def test_a_tasks_assignee_is_not_changed_in_the_admin(desk, editor, reviewer, outsider, root_client):
    task = _task(desk, editor, reviewer)

    response = root_client.post(
        reverse("admin:reviews_reviewtask_change", args=[task.pk]),
        {"assignee": outsider.pk, "due_date": "2031-05-01", "editor_note": "", "verdict_revision": 7},
    )

    assert response.status_code == 302, response.content[:3000]
    task.refresh_from_db()
    assert (task.assignee, str(task.due_date), task.verdict_revision) == (reviewer, "2031-05-01", 0)


def test_a_verdict_cannot_take_a_rating_of_another_desks_scale_in_the_admin(
    desk, other_desk, editor, reviewer, root_client
):
    verdict = _verdict(desk, editor, reviewer)
    foreign = factories.RatingFactory(scale=factories.RatingScaleFactory(desk=other_desk), label="Nonsense")

    response = root_client.post(
        reverse("admin:reviews_verdict_change", args=[verdict.pk]),
        {"rating": foreign.pk, "rationale": RATIONALE, "corrections-TOTAL_FORMS": 0, "corrections-INITIAL_FORMS": 0},
    )

    assert "That rating is not on this desk&#x27;s scale." in _text(response)
    verdict.refresh_from_db()
    assert verdict.rating.label == "False"


def test_a_published_verdict_is_not_rerated_in_the_admin(desk, editor, reviewer, root_client):
    verdict = _verdict(desk, editor, reviewer)
    services.verdict_approve(editor=editor, task=verdict.task)
    true = Rating.objects.get(scale=verdict.rating.scale, label="True")

    response = root_client.post(
        reverse("admin:reviews_verdict_change", args=[verdict.pk]),
        {"rating": true.pk, "rationale": "Rewritten.", "corrections-TOTAL_FORMS": 0, "corrections-INITIAL_FORMS": 0},
    )

    assert response.status_code == 302, response.content[:3000]
    verdict.refresh_from_db()
    assert (verdict.rating.label, verdict.rationale) == ("False", RATIONALE)


def test_a_verdict_is_not_deleted_in_the_admin(desk, editor, reviewer, root_client):
    verdict = _verdict(desk, editor, reviewer)

    response = root_client.post(
        reverse("admin:reviews_verdict_delete", args=[verdict.pk]), {"post": "yes"}, follow=True
    )

    assert "A verdict is deleted only with its claim" in _text(response)
    assert Verdict.objects.filter(pk=verdict.pk).exists()


def test_a_claim_under_review_is_not_deleted_in_the_admin(desk, editor, reviewer, root_client):
    verdict = _verdict(desk, editor, reviewer)
    claim = verdict.task.claim
    assert verdict.task.status == TaskStatus.SUBMITTED

    response = root_client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}, follow=True)

    assert "This claim is already under review; return or finish the review first." in _text(response)
    assert Verdict.objects.filter(pk=verdict.pk).exists()


def test_two_new_ratings_whose_labels_differ_only_in_case_are_refused_in_the_admin(scale, root_client):
    data = rating_scale_admin_data(scale)
    count = data["ratings-TOTAL_FORMS"]
    for index, label in enumerate(["Disputed", "DISPUTED"], start=count):
        data |= {f"ratings-{index}-scale": scale.pk, f"ratings-{index}-label": label}
        data |= {f"ratings-{index}-description": "", f"ratings-{index}-position": index}
        data |= {f"ratings-{index}-claimreview_value": "", f"ratings-{index}-language_labels": "{}"}
    data["ratings-TOTAL_FORMS"] = count + 2

    response = root_client.post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    assert "The scale already has a rating called &#x27;DISPUTED&#x27;." in _text(response)
    assert not scale.ratings.filter(label__iexact="disputed").exists()


def test_a_new_scale_is_added_with_its_ratings_in_the_admin(root_client):
    desk = factories.DeskFactory()

    response = root_client.post(reverse("admin:reviews_ratingscale_add"), _new_scale_form(desk))

    assert response.status_code == 302, response.content[:2000]
    scale = RatingScale.objects.get(desk=desk)
    assert sorted(scale.ratings.values_list("label", flat=True)) == ["Accurate", "Inaccurate"]


def _new_scale_form(desk) -> dict:
    data = {
        "desk": desk.pk,
        "name": "Our own scale",
        "best_rating": 3,
        "worst_rating": 1,
        "ratings-TOTAL_FORMS": 2,
        "ratings-INITIAL_FORMS": 0,
        "ratings-MIN_NUM_FORMS": 0,
        "ratings-MAX_NUM_FORMS": 1000,
    }
    for index, (label, value) in enumerate([("Accurate", 3), ("Inaccurate", 1)]):
        data |= {f"ratings-{index}-label": label, f"ratings-{index}-claimreview_value": value}
        data |= {f"ratings-{index}-description": "", f"ratings-{index}-position": index}
        data |= {f"ratings-{index}-language_labels": "{}"}
    return data


def test_a_scale_is_not_added_in_the_admin_for_a_desk_whose_reviews_use_the_standard_scale(
    desk, editor, reviewer, root_client
):
    verdict = _verdict(desk, editor, reviewer, label="False")

    response = root_client.post(reverse("admin:reviews_ratingscale_add"), _new_scale_form(desk))

    page = _text(response)
    assert "World desk&#x27;s reviews are rated on the standard scale. Copy it to the desk" in page
    # The page comes back as a form with an error does, with what was typed.
    assert 'value="Our own scale"' in page
    assert 'value="Accurate"' in page
    assert 'value="Inaccurate"' in page
    assert not RatingScale.objects.filter(desk=desk).exists()
    verdict.refresh_from_db()
    assert verdict.rating.scale.desk_id is None


def test_a_scale_is_added_in_the_admin_for_a_desk_with_no_reviews_rated_yet(desk, root_client):
    response = root_client.post(reverse("admin:reviews_ratingscale_add"), _new_scale_form(desk))

    assert response.status_code == 302, response.content[:2000]
    assert RatingScale.objects.get(desk=desk).name == "Our own scale"


def test_a_second_standard_scale_is_not_added_in_the_admin(root_client):
    # Desks without their own scale rate on the one with no desk: with two, which one is unsaid.
    standard = RatingScale.objects.get(desk__isnull=True)
    data = {
        "name": "Another standard",
        "best_rating": 5,
        "worst_rating": 1,
        "ratings-TOTAL_FORMS": 1,
        "ratings-INITIAL_FORMS": 0,
        "ratings-MIN_NUM_FORMS": 0,
        "ratings-MAX_NUM_FORMS": 1000,
        "ratings-0-label": "Accurate",
        "ratings-0-description": "",
        "ratings-0-claimreview_value": "",
        "ratings-0-position": 0,
        "ratings-0-language_labels": "{}",
    }

    response = root_client.post(reverse("admin:reviews_ratingscale_add"), data)

    assert "There is already a standard scale" in _text(response)
    assert list(RatingScale.objects.filter(desk__isnull=True)) == [standard]


def test_a_verdict_mended_in_the_admin_is_not_approved_from_a_page_read_before(desk, editor, reviewer, root_client):
    verdict = _verdict(desk, editor, reviewer)
    seen = ReviewTask.objects.get(pk=verdict.task_id).verdict_revision

    response = root_client.post(
        reverse("admin:reviews_verdict_change", args=[verdict.pk]),
        {
            "rating": verdict.rating.pk,
            "rationale": "Mended by the site administrator.",
            "corrections-TOTAL_FORMS": 0,
            "corrections-INITIAL_FORMS": 0,
        },
    )

    assert response.status_code == 302, response.content[:3000]
    with pytest.raises(ApplicationError) as refused:
        services.verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=verdict.task_id), seen_revision=seen)
    assert refused.value.status == 409
