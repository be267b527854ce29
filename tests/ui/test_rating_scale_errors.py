"""A refused change to the rating scale is explained where it was typed, and what was typed stays
in the form: before, the page was reloaded empty with a message that named neither the rating
nor the field."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.reviews.models import Verdict
from apps.reviews.services import rating_scale_copy_default
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def scale(client, desk):
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    client.force_login(admin)
    return rating_scale_copy_default(user=admin, desk=desk)


def _input(page: str, element_id: str) -> str:
    return re.search(rf"<(?:input|textarea|select)[^>]*id=\"{element_id}\"[^>]*>", page).group(0)


def test_a_refused_new_rating_keeps_what_was_typed_with_the_reason(client, desk, scale):
    response = client.post(
        reverse("desks:rating_add", args=[desk.slug]),
        {"label": "mostly TRUE", "description": "A long description typed with care.", "claimreview_value": "4"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "The scale already has a rating called &#x27;mostly TRUE&#x27;." in page
    assert 'value="mostly TRUE"' in _input(page, "id_label")
    assert 'value="A long description typed with care."' in _input(page, "id_description")
    assert '<option value="4" selected>4</option>' in page
    assert scale.ratings.filter(label="mostly TRUE").count() == 0


@pytest.mark.parametrize(
    ("label", "reason"),
    [
        ("Mostly false", "The scale already has a rating called &#x27;Mostly false&#x27;."),
        ("", "Give the rating a label."),
    ],
)
def test_a_refused_rating_edit_is_explained_in_its_row_with_what_was_typed(
    client, desk, scale, reviewer, label, reason
):
    rating = scale.ratings.get(label="True")
    saved_description = rating.description
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    Verdict.objects.create(
        task=task, rating=rating, rationale="Because.", reviewer=reviewer, submitted_at=timezone.now()
    )

    response = client.post(
        reverse("desks:rating_edit", args=[desk.slug]),
        {"rating": rating.pk, "label": label, "description": "Reworded with care.", "claimreview_value": "5"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    label_input = _input(page, f"label-{rating.pk}")
    assert f'value="{label}"' in label_input
    assert f'aria-describedby="rating-{rating.pk}-error"' in label_input
    assert 'aria-invalid="true"' in label_input
    assert re.search(rf'id="rating-{rating.pk}-error"><p class="field-error">Not saved: {reason}</p>', page)
    assert f'id="description-{rating.pk}" rows="3" maxlength="500" aria-describedby' in page
    assert "Reworded with care.</textarea>" in page
    rating.refresh_from_db()
    assert (rating.label, rating.description) == ("True", saved_description)
    assert page.count("Not saved:") == 1
    # The row still counts the verdicts that use the rating, and so still refuses its removal.
    assert re.search(r'<td class="num">1</td>\s*<td class="nowrap">.*?aria-label="Save True"', page, re.S)
    assert 'disabled title="Verdicts use this rating; rename it instead" aria-label="Remove True"' in page
