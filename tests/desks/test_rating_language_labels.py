"""Desk admins give each rating a label per language, over the API and on the rating-scale page; each
change is in the desk's activity like any other rating change."""

import pytest

from apps.core.models import AuditAction, AuditEvent
from apps.reviews import services as review_services

pytestmark = pytest.mark.django_db

RATINGS = "/desks/world/ratings/"


@pytest.fixture
def own_scale(desk, desk_admin):
    return review_services.rating_scale_copy_default(user=desk_admin, desk=desk)


def _detail(rating) -> str:
    return f"/api/v1/desks/world/ratings/{rating.pk}/"


def test_an_admin_gives_labels_per_language_over_the_api(desk_admin_api, own_scale):
    rating = own_scale.ratings.get(label="False")

    response = desk_admin_api.patch(
        _detail(rating), {"language_labels": {"ES": " Falso ", "fr": "Faux", "pt-br": ""}}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["language_labels"] == {"es": "Falso", "fr": "Faux"}
    rating.refresh_from_db()
    assert (rating.label, rating.language_labels) == ("False", {"es": "Falso", "fr": "Faux"})
    scale = desk_admin_api.get("/api/v1/desks/world/ratings/").json()
    assert next(r for r in scale["ratings"] if r["label"] == "False")["language_labels"] == rating.language_labels


def test_the_change_is_in_the_desks_activity_with_old_and_new_labels(desk_admin_api, own_scale):
    rating = own_scale.ratings.get(label="False")
    desk_admin_api.patch(_detail(rating), {"language_labels": {"es": "Falso"}}, format="json")

    desk_admin_api.patch(_detail(rating), {"language_labels": {"es": "Falsa"}}, format="json")

    latest = desk_admin_api.get("/api/v1/desks/world/activity/").json()["results"][0]
    assert latest["action"] == AuditAction.RATING_CHANGED
    assert latest["details"]["changes"] == {"language_labels": [{"es": "Falso"}, {"es": "Falsa"}]}
    assert latest["summary"] == "ada changed the rating \u201cFalse\u201d: language labels"


def test_a_patch_without_labels_keeps_them(desk_admin_api, own_scale):
    rating = own_scale.ratings.get(label="False")
    desk_admin_api.patch(_detail(rating), {"language_labels": {"es": "Falso"}}, format="json")

    desk_admin_api.patch(_detail(rating), {"label": "Wrong"}, format="json")

    rating.refresh_from_db()
    assert (rating.label, rating.language_labels) == ("Wrong", {"es": "Falso"})


@pytest.mark.parametrize(
    "labels",
    [
        {"Spanish please": "Falso"},
        {"es": "x" * 101},
        ["es", "Falso"],
        {"es": ["Falso"]},
        {"ES": "Falso", "es": "Falsa"},
        {"es": "Falso\nverdadero"},
    ],
)
def test_bad_labels_are_a_400_and_change_nothing(desk_admin_api, own_scale, labels):
    rating = own_scale.ratings.get(label="False")

    response = desk_admin_api.patch(_detail(rating), {"language_labels": labels}, format="json")

    assert response.status_code == 400
    rating.refresh_from_db()
    assert rating.language_labels == {}
    assert not AuditEvent.objects.filter(action=AuditAction.RATING_CHANGED).exists()


def test_a_new_rating_can_come_with_its_labels(desk_admin_api, own_scale):
    response = desk_admin_api.post(
        "/api/v1/desks/world/ratings/", {"label": "Satire", "language_labels": {"es": "Sátira"}}, format="json"
    )

    assert response.status_code == 201
    assert own_scale.ratings.get(label="Satire").language_labels == {"es": "Sátira"}


def test_a_reviewer_cannot_change_the_labels(reviewer_api, own_scale):
    rating = own_scale.ratings.get(label="False")

    response = reviewer_api.patch(_detail(rating), {"language_labels": {"es": "Falso"}}, format="json")

    assert response.status_code in (403, 404)
    rating.refresh_from_db()
    assert rating.language_labels == {}


def test_the_ratings_page_edits_the_labels_one_language_a_line(admin_client, own_scale):
    rating = own_scale.ratings.get(label="False")
    fields = {"rating": rating.pk, "label": "False", "description": rating.description, "claimreview_value": "1"}

    admin_client.post(f"{RATINGS}edit/", {**fields, "language_labels": "es: Falso\r\n\r\nfr : Faux"})

    rating.refresh_from_db()
    assert rating.language_labels == {"es": "Falso", "fr": "Faux"}
    page = admin_client.get(RATINGS).content.decode()
    assert "es: Falso\nfr: Faux</textarea>" in page
    assert AuditEvent.objects.filter(action=AuditAction.RATING_CHANGED).exists()


def test_the_ratings_page_refuses_a_line_without_a_colon_and_keeps_what_was_typed(admin_client, own_scale):
    rating = own_scale.ratings.get(label="False")
    fields = {"rating": rating.pk, "label": "False", "description": rating.description, "claimreview_value": "1"}

    response = admin_client.post(f"{RATINGS}edit/", {**fields, "language_labels": "es Falso"})

    assert response.status_code == 400
    assert "Write each language as" in response.content.decode()
    assert "es Falso</textarea>" in response.content.decode()
    rating.refresh_from_db()
    assert rating.language_labels == {}
