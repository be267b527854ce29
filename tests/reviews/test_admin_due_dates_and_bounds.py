"""The Django admin keeps two more of the app's rules: a review task's due date is given as the
assignment gives it (to an assigned claim, not once it is submitted or approved), and a rating
scale's ClaimReview bounds run from the worst up to the best, its ratings' values within them."""

import datetime as dt
import html

import pytest
import time_machine
from django.urls import reverse

from apps.reviews import services
from apps.reviews.models import Rating, ReviewTask
from tests import factories
from tests.admin_forms import rating_scale_admin_data

pytestmark = pytest.mark.django_db

RATIONALE = "The annual report of the ministry gives a different figure for that year."


@pytest.fixture
def scale(desk):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    return services.rating_scale_copy_default(user=admin, desk=desk)


def _task(desk) -> ReviewTask:
    return factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))


def _assigned(desk, editor, reviewer, *, due_date=None) -> ReviewTask:
    task = _task(desk)
    services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer, due_date=due_date)
    return task


def _post_due_date(client, task: ReviewTask, due_date: str):
    return client.post(reverse("admin:reviews_reviewtask_change", args=[task.pk]), {"due_date": due_date}, follow=True)


def _text(response) -> str:
    assert response.status_code == 200, response.content[:2000]
    return html.unescape(response.content.decode())


def test_an_assigned_claims_due_date_is_changed_in_the_admin(desk, editor, reviewer, root_client):
    task = _assigned(desk, editor, reviewer, due_date=dt.date(2031, 5, 1))

    _post_due_date(root_client, task, "2031-06-15")

    task.refresh_from_db()
    assert task.due_date == dt.date(2031, 6, 15)


def test_a_submitted_claims_due_date_is_not_changed_in_the_admin(desk, editor, reviewer, root_client):
    task = _assigned(desk, editor, reviewer, due_date=dt.date(2031, 5, 1))
    rating = Rating.objects.get(scale=services.rating_scale_for_desk(desk=desk), label="False")
    services.verdict_submit(user=reviewer, task=task, rating=rating, rationale=RATIONALE)

    response = _post_due_date(root_client, task, "2031-06-15")

    assert "The claim is submitted or approved, so its due date stays as it was." in _text(response)
    task.refresh_from_db()
    assert task.due_date == dt.date(2031, 5, 1)


def test_an_unassigned_claim_gets_no_due_date_in_the_admin(desk, root_client):
    task = _task(desk)

    response = _post_due_date(root_client, task, "2031-06-15")

    assert "Assign the claim first: a due date is set with its assignment." in _text(response)
    task.refresh_from_db()
    assert task.due_date is None


def test_an_unassigned_claims_due_date_may_be_cleared_in_the_admin(desk, root_client):
    task = _task(desk)
    ReviewTask.objects.filter(pk=task.pk).update(due_date=dt.date(2031, 5, 1))

    _post_due_date(root_client, task, "")

    task.refresh_from_db()
    assert task.due_date is None


@pytest.mark.parametrize("bounds", [{"best_rating": 1, "worst_rating": 5}, {"best_rating": 3, "worst_rating": 3}])
def test_a_scales_bounds_run_from_the_worst_up_to_the_best_in_the_admin(scale, root_client, bounds):
    # Ratings without ClaimReview values: nothing else would refuse the bounds.
    scale.ratings.update(claimreview_value=None)

    response = root_client.post(
        reverse("admin:reviews_ratingscale_change", args=[scale.pk]), rating_scale_admin_data(scale, **bounds)
    )

    assert "must be above the worst" in _text(response)
    scale.refresh_from_db()
    assert (scale.best_rating, scale.worst_rating) == (5, 1)


def test_a_scales_bounds_are_not_narrowed_below_its_ratings_values_in_the_admin(scale, root_client):
    response = root_client.post(
        reverse("admin:reviews_ratingscale_change", args=[scale.pk]), rating_scale_admin_data(scale, best_rating=3)
    )

    assert "The ClaimReview value runs from 1 (worst) to 3 (best), or none." in _text(response)
    scale.refresh_from_db()
    assert scale.best_rating == 5


def test_a_scales_bounds_widened_around_its_ratings_values_are_saved_in_the_admin(scale, root_client):
    response = root_client.post(
        reverse("admin:reviews_ratingscale_change", args=[scale.pk]), rating_scale_admin_data(scale, best_rating=10)
    )

    assert response.status_code == 302, response.content[:3000]
    scale.refresh_from_db()
    assert scale.best_rating == 10


def test_a_due_date_before_today_is_refused_in_the_admin(desk, editor, reviewer, root_client, settings):
    """As the app's assignment does, in the site's time zone: 05:00 UTC on 28 November is still
    the 27th in Honolulu, so the 26th has passed there and the 27th has not."""
    settings.TIME_ZONE = "Pacific/Honolulu"
    with time_machine.travel(dt.datetime(2026, 11, 28, 5, 0, tzinfo=dt.UTC), tick=False):
        task = _assigned(desk, editor, reviewer, due_date=dt.date(2026, 12, 4))

        response = _post_due_date(root_client, task, "2026-11-26")

        assert "The due date is in the past: 2026-11-26 is before today, 2026-11-27." in _text(response)
        task.refresh_from_db()
        assert task.due_date == dt.date(2026, 12, 4)

        _post_due_date(root_client, task, "2026-11-27")

        task.refresh_from_db()
        assert task.due_date == dt.date(2026, 11, 27)


def test_an_overdue_tasks_own_date_stays_valid_in_the_admin(desk, editor, reviewer, root_client):
    """Saving an overdue task unchanged, or with its own date typed again, is not a new past date."""
    with time_machine.travel(dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC), tick=False):
        task = _assigned(desk, editor, reviewer, due_date=dt.date(2026, 11, 5))

    with time_machine.travel(dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC), tick=False):
        response = _post_due_date(root_client, task, "2026-11-05")

        assert "The due date is in the past" not in _text(response)
        task.refresh_from_db()
        assert task.due_date == dt.date(2026, 11, 5)
