"""Services a desk admin uses to give the desk its own rating scale (apps/reviews/services.py)."""

import pytest
from django.utils import timezone

from apps.core.exceptions import ApplicationError, PermissionDeniedError
from apps.reviews import services
from apps.reviews.models import Rating, RatingScale, Verdict
from apps.reviews.selectors import rating_list_with_usage, rating_scale_for_desk
from tests import factories

pytestmark = pytest.mark.django_db


def _labels(scale):
    return list(scale.ratings.order_by("position").values_list("label", flat=True))


@pytest.fixture
def own_scale(desk, desk_admin):
    return services.rating_scale_copy_default(user=desk_admin, desk=desk)


def _verdict(desk, rating, reviewer):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    return Verdict.objects.create(
        task=task, rating=rating, rationale="Because.", reviewer=reviewer, submitted_at=timezone.now()
    )


def test_copying_the_standard_scale_gives_the_desk_its_own(desk, desk_admin):
    standard = rating_scale_for_desk(desk=desk)

    scale = services.rating_scale_copy_default(user=desk_admin, desk=desk)

    assert scale.desk == desk
    assert rating_scale_for_desk(desk=desk) == scale
    assert _labels(scale) == _labels(standard)
    copied = {r.label: r.claimreview_value for r in scale.ratings.all()}
    assert copied["True"] == 5
    assert copied["Misleading"] is None
    assert standard.ratings.count() == scale.ratings.count()


def test_copying_twice_keeps_the_desks_scale(desk, desk_admin, own_scale):
    services.rating_create(user=desk_admin, desk=desk, label="Satire")

    again = services.rating_scale_copy_default(user=desk_admin, desk=desk)

    assert again == own_scale
    assert "Satire" in _labels(again)
    assert RatingScale.objects.filter(desk=desk).count() == 1


def test_editors_cannot_change_the_scale(desk, editor):
    with pytest.raises(PermissionDeniedError):
        services.rating_scale_copy_default(user=editor, desk=desk)


def test_ratings_are_added_at_the_end_with_a_claimreview_value(desk, desk_admin, own_scale):
    rating = services.rating_create(
        user=desk_admin, desk=desk, label=" Exaggerated ", description="Overstates it.", claimreview_value=2
    )

    assert (rating.label, rating.claimreview_value) == ("Exaggerated", 2)
    assert _labels(own_scale)[-1] == "Exaggerated"


def test_ratings_cannot_be_added_to_the_standard_scale(desk, desk_admin):
    with pytest.raises(ApplicationError, match="copy it to the desk"):
        services.rating_create(user=desk_admin, desk=desk, label="Satire")


@pytest.mark.parametrize("value", [0, 6])
def test_claimreview_values_outside_one_to_five_are_refused(desk, desk_admin, own_scale, value):
    with pytest.raises(ApplicationError, match="runs from 1"):
        services.rating_create(user=desk_admin, desk=desk, label="Odd", claimreview_value=value)


def test_labels_are_unique_on_a_scale_whatever_the_case(desk, desk_admin, own_scale):
    with pytest.raises(ApplicationError, match="already has a rating called 'false'"):
        services.rating_create(user=desk_admin, desk=desk, label="false")


def test_a_rating_is_renamed_and_its_value_cleared(desk, desk_admin, own_scale):
    rating = own_scale.ratings.get(label="Half true")

    updated = services.rating_update(
        user=desk_admin, rating=rating, label="Half right", description="", claimreview_value=None
    )

    rating.refresh_from_db()
    assert (rating.label, rating.claimreview_value, rating.description) == ("Half right", None, "")
    assert updated == rating


def test_renaming_to_another_ratings_label_is_refused(desk, desk_admin, own_scale):
    rating = own_scale.ratings.get(label="Half true")
    with pytest.raises(ApplicationError, match="already has"):
        services.rating_update(user=desk_admin, rating=rating, label="True", description="", claimreview_value=3)


def test_the_shared_standard_scale_is_never_edited_from_a_desk(desk, desk_admin):
    standard_rating = rating_scale_for_desk(desk=desk).ratings.get(label="True")
    with pytest.raises(ApplicationError, match="standard scale is shared"):
        services.rating_update(
            user=desk_admin, rating=standard_rating, label="Right", description="", claimreview_value=5
        )


def test_ratings_move_up_and_down_and_stop_at_the_ends(desk, desk_admin, own_scale):
    false = own_scale.ratings.get(label="False")

    services.rating_move(user=desk_admin, rating=false, offset=-1)
    assert _labels(own_scale)[3:5] == ["False", "Mostly false"]

    first = own_scale.ratings.get(label="True")
    services.rating_move(user=desk_admin, rating=first, offset=-1)
    assert _labels(own_scale)[0] == "True"
    assert list(own_scale.ratings.order_by("position").values_list("position", flat=True)) == list(range(7))


def test_a_rating_verdicts_use_cannot_be_removed(desk, desk_admin, reviewer, own_scale):
    rating = own_scale.ratings.get(label="False")
    _verdict(desk, rating, reviewer)

    with pytest.raises(ApplicationError, match="1 verdict uses “False”, so it cannot be removed; rename it instead"):
        services.rating_delete(user=desk_admin, rating=rating)

    assert Rating.objects.filter(pk=rating.pk).exists()
    assert {r.label: r.verdict_count for r in rating_list_with_usage(scale=own_scale)}["False"] == 1


def test_an_unused_rating_is_removed_and_removing_again_is_quiet(desk, desk_admin, own_scale):
    rating = own_scale.ratings.get(label="Unverifiable")

    services.rating_delete(user=desk_admin, rating=rating)
    services.rating_delete(user=desk_admin, rating=rating)

    assert "Unverifiable" not in _labels(own_scale)


def test_the_last_rating_of_a_scale_stays(desk, desk_admin, own_scale):
    *others, last = list(own_scale.ratings.all())
    for rating in others:
        services.rating_delete(user=desk_admin, rating=rating)

    with pytest.raises(ApplicationError, match="at least one rating"):
        services.rating_delete(user=desk_admin, rating=last)
