"""Copying the standard scale to a desk moves the desk's verdicts onto the copied ratings, so the
desk's scale counts them and a returned verdict's revise form still starts from its rating."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.reviews import services
from apps.reviews.models import Rating, TaskStatus, Verdict
from tests import factories

pytestmark = pytest.mark.django_db


def _standard(label):
    return Rating.objects.get(scale__desk=None, label=label)


def _verdict(desk, label, reviewer, **task):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    return Verdict.objects.create(
        task=factories.ReviewTaskFactory(claim=claim, assignee=reviewer, **task),
        rating=_standard(label),
        rationale="Because.",
        reviewer=reviewer,
        submitted_at=timezone.now(),
    )


def test_the_desks_verdicts_move_to_the_copied_ratings_of_the_same_label(desk, other_desk, desk_admin, reviewer):
    true = _verdict(desk, "True", reviewer)
    mostly = _verdict(desk, "Mostly true", reviewer)
    elsewhere = _verdict(other_desk, "True", reviewer)

    scale = services.rating_scale_copy_default(user=desk_admin, desk=desk)

    for verdict in (true, mostly, elsewhere):
        verdict.refresh_from_db()
    assert (true.rating.scale, true.rating.label) == (scale, "True")
    assert (mostly.rating.scale, mostly.rating.label) == (scale, "Mostly true")
    # Another desk's verdicts stay on the standard scale that desk still uses.
    assert elsewhere.rating == _standard("True")


def test_the_ratings_page_counts_the_moved_verdicts(admin_client, desk, desk_admin, reviewer):
    _verdict(desk, "True", reviewer)

    admin_client.post(reverse("desks:rating_scale_copy", args=[desk.slug]))
    response = admin_client.get(reverse("desks:ratings", args=[desk.slug]))

    assert response.context["own_scale"]
    counts = {rating.label: rating.verdict_count for rating in response.context["ratings"]}
    assert counts["True"] == 1
    assert 'disabled title="Verdicts use this rating; rename it instead" aria-label="Remove True"' in (
        response.content.decode()
    )


def test_a_returned_verdicts_revise_form_keeps_its_rating(desk, desk_admin, reviewer):
    verdict = _verdict(desk, "Mostly true", reviewer, status=TaskStatus.RETURNED)
    services.rating_scale_copy_default(user=desk_admin, desk=desk)
    client = Client()
    client.force_login(reviewer)

    form = client.get(reverse("claims:detail", args=[verdict.task.claim.pk])).context["verdict_form"]

    assert form.initial["rating"] in {rating.pk for rating in form.fields["rating"].queryset}
    assert form.fields["rating"].queryset.get(pk=form.initial["rating"]).label == "Mostly true"
