"""Changes to a desk's settings (its rating scale, source rules and people) are in the desk's
activity (GET /api/v1/desks/{slug}/activity/): who changed what, with old and new values."""

import pytest
from django.urls import reverse

from apps.claims.services import claim_reject
from apps.core.exceptions import ApplicationError
from apps.core.models import AuditAction, AuditEvent
from apps.desks import services as desk_services
from apps.references import services as reference_services
from apps.references.models import LibraryDocument
from apps.reviews import services as review_services
from tests import factories
from tests.core.test_api import _assert_documented, openapi  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

RULE = {
    "name": "Reuters search",
    "label": "Reuters search",
    "url_template": "https://www.reuters.com/site-search/?query={query}",
    "reason": "Wire copy often carries the original figures.",
}


@pytest.fixture
def activity(desk_admin_api, desk):
    def read() -> list[dict]:
        response = desk_admin_api.get(reverse("api:desk-activity", args=[desk.slug]), {"page_size": 100})
        assert response.status_code == 200
        return response.json()["results"]

    return read


@pytest.fixture
def own_scale(desk, desk_admin):
    return review_services.rating_scale_copy_default(user=desk_admin, desk=desk)


def _rating(scale, label):
    return scale.ratings.get(label=label)


def test_a_rating_renamed_over_the_api_is_in_the_desks_activity(desk_admin_api, desk, own_scale, activity):
    rating = _rating(own_scale, "False")

    response = desk_admin_api.patch(f"/api/v1/desks/world/ratings/{rating.pk}/", {"label": "Wrong"}, format="json")

    assert response.status_code == 200
    latest = activity()[0]
    assert latest["action"] == AuditAction.RATING_CHANGED
    assert latest["actor"] == "ada"
    assert latest["summary"] == "ada renamed the rating \u201cFalse\u201d to \u201cWrong\u201d"
    assert latest["details"] == {
        "rating_id": str(rating.pk),
        "label": "Wrong",
        "changes": {"label": ["False", "Wrong"]},
    }
    assert (latest["article_id"], latest["claim_id"]) == (None, None)


def test_the_activity_with_settings_events_matches_the_schema(openapi, desk_admin_api, desk, own_scale):  # noqa: F811
    review_services.rating_update(
        user=desk.memberships.get(role="admin").user,
        rating=_rating(own_scale, "True"),
        label="Accurate",
        description="",
        claimreview_value=5,
    )

    _assert_documented(openapi, "get", desk_admin_api.get(reverse("api:desk-activity", args=[desk.slug])))


def test_every_change_to_the_rating_scale_is_recorded_and_nothing_else(desk, desk_admin, activity):
    scale = review_services.rating_scale_copy_default(user=desk_admin, desk=desk)
    review_services.rating_scale_copy_default(user=desk_admin, desk=desk)  # already copied: no event
    added = review_services.rating_create(user=desk_admin, desk=desk, label="Satire", description="A joke.")
    review_services.rating_update(
        user=desk_admin, rating=added, label="Satire", description="A joke.", claimreview_value=None
    )  # no change: no event
    review_services.rating_update(
        user=desk_admin, rating=added, label="Parody", description="A joke, openly.", claimreview_value=None
    )
    review_services.rating_update(
        user=desk_admin, rating=_rating(scale, "True"), label="True", description="", claimreview_value=5
    )
    review_services.rating_move(user=desk_admin, rating=added, offset=-1)
    review_services.rating_move(user=desk_admin, rating=_rating(scale, "True"), offset=-1)  # at the top: no event
    review_services.rating_delete(user=desk_admin, rating=added)

    summaries = [event["summary"] for event in reversed(activity())]

    assert summaries == [
        "ada gave the desk its own rating scale, a copy of \u201cStandard\u201d",
        "ada added the rating \u201cSatire\u201d",
        "ada renamed the rating \u201cSatire\u201d to \u201cParody\u201d and changed its description",
        "ada changed the rating \u201cTrue\u201d: description",
        "ada moved the rating \u201cParody\u201d up the scale, from place 8 to 7",
        "ada removed the rating \u201cParody\u201d",
    ]
    copied = AuditEvent.objects.get(action=AuditAction.RATING_SCALE_COPIED)
    assert copied.details["ratings"][:2] == ["True", "Mostly true"]
    assert copied.desk_id == desk.pk


def test_a_refused_rating_change_records_nothing(desk, desk_admin, own_scale):
    rating = _rating(own_scale, "False")
    before = AuditEvent.objects.count()

    with pytest.raises(ApplicationError):
        review_services.rating_update(
            user=desk_admin, rating=rating, label="True", description="", claimreview_value=None
        )
    with pytest.raises(ApplicationError):
        review_services.rating_create(user=desk_admin, desk=desk, label="  ")

    assert AuditEvent.objects.count() == before


def test_source_rule_changes_are_recorded_with_old_and_new_values(desk, desk_admin, activity):
    rule = reference_services.source_rule_create(user=desk_admin, desk=desk, **RULE, keywords=["veto"], priority=5)
    reference_services.source_rule_update(user=desk_admin, rule=rule, **RULE, keywords=["veto"], priority=5)
    reference_services.source_rule_update(
        user=desk_admin, rule=rule, **{**RULE, "name": "Reuters"}, keywords=["veto", "vote"], priority=5
    )
    reference_services.source_rule_deactivate(user=desk_admin, rule=rule)
    reference_services.source_rule_deactivate(user=desk_admin, rule=rule)  # already off: no event
    reference_services.source_rule_reactivate(user=desk_admin, rule=rule)

    events = list(reversed(activity()))

    assert [event["summary"] for event in events] == [
        "ada added the source rule \u201cReuters search\u201d",
        "ada renamed the source rule \u201cReuters search\u201d to \u201cReuters\u201d and changed its keywords",
        "ada deactivated the source rule \u201cReuters\u201d",
        "ada reactivated the source rule \u201cReuters\u201d",
    ]
    assert events[0]["details"]["url_template"] == RULE["url_template"]
    assert events[1]["details"]["changes"] == {
        "name": ["Reuters search", "Reuters"],
        "keywords": [["veto"], ["veto", "vote"]],
    }


def test_changes_to_the_desks_people_are_recorded(desk, desk_admin, reviewer, activity):
    factories.UserFactory(username="nadia")
    desk_services.membership_add(actor=desk_admin, desk=desk, username="nadia", role="reviewer")
    desk_services.membership_add(actor=desk_admin, desk=desk, username="nadia", role="reviewer")  # already: no event
    desk_services.membership_account_create(actor=desk_admin, desk=desk, username="newbie", role="editor")
    membership = desk.memberships.get(user__username="nadia")
    desk_services.membership_role_change(actor=desk_admin, membership=membership, role="editor")
    desk_services.membership_role_change(actor=desk_admin, membership=membership, role="editor")  # no change
    desk_services.membership_remove(actor=desk_admin, membership=desk.memberships.get(user=reviewer))

    summaries = [event["summary"] for event in reversed(activity())]

    assert summaries == [
        "ada added nadia to the desk as reviewer",
        "ada added newbie to the desk as editor with a new account",
        "ada changed the role of nadia from reviewer to editor",
        "ada removed rachel (reviewer) from the desk",
    ]


def test_settings_events_stay_out_of_claim_histories(editor_api, desk, desk_admin, editor, own_scale):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk))
    claim_reject(claim=claim, user=editor, reason="Opinion.")
    review_services.rating_create(user=desk_admin, desk=desk, label="Satire")

    history = editor_api.get(reverse("api:claim-history", args=[claim.pk])).json()["results"]

    assert [event["action"] for event in history] == [AuditAction.CLAIM_REJECTED]


def test_people_set_up_without_an_admin_are_recorded_as_the_systems_doing(desk, activity):
    nadia = factories.UserFactory(username="nadia")
    desk_services.membership_set(desk=desk, user=nadia, role="reviewer")
    desk_services.membership_set(desk=desk, user=nadia, role="reviewer")  # unchanged: no event
    desk_services.membership_set(desk=desk, user=nadia, role="editor")

    latest_two = [event["summary"] for event in reversed(activity()[:2])]

    assert latest_two == [
        "The system added nadia to the desk as reviewer",
        "The system changed the role of nadia from reviewer to editor",
    ]
    assert AuditEvent.objects.filter(action=AuditAction.MEMBER_ADDED, details__username="nadia").count() == 1


@pytest.mark.parametrize("through", ["api", "pages"])
def test_people_changed_through_the_api_or_the_pages_are_in_the_desks_activity(
    through, client, desk_admin_api, desk, desk_admin, reviewer, activity
):
    factories.UserFactory(username="nadia")
    client.force_login(desk_admin)
    members = f"/api/v1/desks/{desk.slug}/members/"
    if through == "api":
        assert desk_admin_api.post(members, {"username": "nadia", "role": "reviewer"}).status_code == 201
        assert desk_admin_api.patch(f"{members}nadia/", {"role": "editor"}, format="json").status_code == 200
        assert desk_admin_api.delete(f"{members}rachel/").status_code == 204
    else:
        client.post(reverse("desks:member_add", args=[desk.slug]), {"username": "nadia", "role": "reviewer"})
        nadia = desk.memberships.get(user__username="nadia")
        client.post(reverse("desks:member_role", args=[desk.slug]), {"member": nadia.pk, "role": "editor"})
        client.post(
            reverse("desks:member_remove", args=[desk.slug]), {"member": desk.memberships.get(user=reviewer).pk}
        )

    summaries = [event["summary"] for event in reversed(activity()[:3])]

    assert summaries == [
        "ada added nadia to the desk as reviewer",
        "ada changed the role of nadia from reviewer to editor",
        "ada removed rachel (reviewer) from the desk",
    ]


def test_library_documents_added_changed_replaced_and_removed_are_recorded(desk, editor, activity):
    document = reference_services.library_document_create(
        user=editor,
        desk=desk,
        title="Casualty update",
        publisher="UN News",
        url="https://news.un.org/en/story/2012/12/casualties",
        published_on=None,
        body="At least 40,000 people have been killed since March 2011.",
    )
    reference_services.library_document_update(user=editor, document=document, title="Casualty update, December")
    reference_services.library_document_update(user=editor, document=document, title="Casualty update, December")
    reference_services.library_document_import(
        user=editor,
        desk=desk,
        filename="update.txt",
        data=b"At least 42,000 people have been killed since March 2011, the UN said on Friday.",
        url="https://news.un.org/en/story/2012/12/casualties",
        title="Casualty update, December",
        publisher="UN News",
    )
    reference_services.library_document_delete(user=editor, document=LibraryDocument.objects.get(pk=document.pk))

    events = list(reversed(activity()))

    name, url = editor.username, "https://news.un.org/en/story/2012/12/casualties"
    assert [event["summary"] for event in events] == [
        f"{name} added \u201cCasualty update\u201d ({url}) to the desk\u2019s library",
        f"{name} renamed the library document \u201cCasualty update\u201d to \u201cCasualty update, December\u201d",
        f"{name} changed the library document \u201cCasualty update, December\u201d: text length",
        f"{name} removed \u201cCasualty update, December\u201d ({url}) from the desk\u2019s library",
    ]
    assert events[0]["details"]["text_length"] == len("At least 40,000 people have been killed since March 2011.")
    assert "body" not in events[0]["details"]
