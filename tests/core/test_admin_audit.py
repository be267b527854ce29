"""Rows saved or deleted in the Django admin, outside the app's services, are recorded in the desk's
activity (and a claim's history, for a claim's rows): who, when, and each changed field's old and
new value, never a credential."""

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.audit import (
    ADMIN_TEXT_KEPT_CHARS,
    audit_admin_values,
    audit_claim_events,
    audit_desk_events,
    audit_event_summary,
)
from apps.core.models import AuditAction, AuditEvent
from apps.desks.models import Membership, WebhookEndpoint
from apps.references.models import ProviderSetting, SourceRule
from apps.reviews import services as review_services
from apps.reviews.models import Rating, RatingScale
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_desk_admin(desk):
    user = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    user.is_staff = True
    user.save()
    return user


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _latest(desk) -> AuditEvent:
    return audit_desk_events(desk_id=desk.pk).first()


def _management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


def test_a_role_changed_in_the_admin_is_in_the_desks_activity_with_old_and_new_values(desk, reviewer, root):
    membership = Membership.objects.get(user=reviewer)

    response = _client_for(root).post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": desk.pk, "user": reviewer.pk, "role": "editor"},
    )

    assert response.status_code == 302, response.content[:2000]
    event = _latest(desk)
    assert (event.action, event.actor_name, event.claim_id) == (AuditAction.ADMIN_CHANGED, "root", None)
    assert event.details["changes"] == {"role": ["reviewer", "editor"]}
    assert audit_event_summary(event) == (
        "root changed the membership \u201crachel (editor) in World desk\u201d in the Django admin: role"
    )


def test_a_member_moved_to_another_desk_in_the_admin_is_recorded_leaving_one_and_joining_the_other(
    desk, other_desk, reviewer, root
):
    membership = Membership.objects.get(user=reviewer)

    response = _client_for(root).post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": other_desk.pk, "user": reviewer.pk, "role": "reviewer"},
    )

    assert response.status_code == 302, response.content[:2000]
    for where in (desk, other_desk):
        event = _latest(where)
        assert (event.action, event.actor_name, event.desk_id) == (AuditAction.ADMIN_CHANGED, "root", where.pk)
        assert event.details["changes"] == {"desk": ["World desk", "Sports desk"]}
        assert audit_event_summary(event) == (
            "root changed the membership \u201crachel (reviewer) in Sports desk\u201d in the Django admin: desk"
        )


def test_a_member_whose_role_changes_in_the_admin_is_recorded_once(desk, reviewer, root):
    membership = Membership.objects.get(user=reviewer)

    _client_for(root).post(
        reverse("admin:desks_membership_change", args=[membership.pk]),
        {"desk": desk.pk, "user": reviewer.pk, "role": "editor"},
    )

    assert audit_desk_events(desk_id=desk.pk).filter(action=AuditAction.ADMIN_CHANGED).count() == 1


def test_people_added_and_removed_on_the_desks_admin_page_are_recorded(desk, reviewer, root):
    nadia = factories.UserFactory(username="nadia")
    rachels = Membership.objects.get(user=reviewer)
    data = {
        "name": desk.name,
        "slug": desk.slug,
        **_management("memberships", 2, 1),
        "memberships-0-id": rachels.pk,
        "memberships-0-desk": desk.pk,
        "memberships-0-user": reviewer.pk,
        "memberships-0-role": "reviewer",
        "memberships-0-DELETE": "on",
        "memberships-1-desk": desk.pk,
        "memberships-1-user": nadia.pk,
        "memberships-1-role": "editor",
    }

    response = _client_for(root).post(reverse("admin:desks_desk_change", args=[desk.pk]), data)

    assert response.status_code == 302, response.content[:3000]
    assert list(Membership.objects.filter(desk=desk).values_list("user__username", flat=True)) == ["nadia"]
    events = {event.action: event for event in audit_desk_events(desk_id=desk.pk)}
    assert set(events) == {AuditAction.ADMIN_ADDED, AuditAction.ADMIN_DELETED}, "the desk's own fields did not change"
    assert events[AuditAction.ADMIN_ADDED].details["values"] == {
        "desk": "World desk",
        "user": "nadia",
        "role": "editor",
    }
    assert events[AuditAction.ADMIN_DELETED].details["values"]["user"] == "rachel"
    assert audit_event_summary(events[AuditAction.ADMIN_DELETED]).startswith("root deleted the membership \u201crachel")


def test_a_member_deleted_in_the_admin_is_recorded(desk, reviewer, root):
    membership = Membership.objects.get(user=reviewer)

    response = _client_for(root).post(reverse("admin:desks_membership_delete", args=[membership.pk]), {"post": "yes"})

    assert response.status_code == 302
    event = _latest(desk)
    assert (event.action, event.details["values"]["role"]) == (AuditAction.ADMIN_DELETED, "reviewer")


def test_a_desk_admin_switching_a_search_provider_off_in_the_admin_is_recorded_without_credentials(
    desk, staff_desk_admin
):
    response = _client_for(staff_desk_admin).post(
        reverse("admin:references_providersetting_add"), {"desk": desk.pk, "provider": "google_factcheck"}
    )

    assert response.status_code == 302, response.content[:2000]
    setting = ProviderSetting.objects.get()
    assert not setting.is_enabled
    event = _latest(desk)
    assert (event.action, event.actor_name) == (AuditAction.ADMIN_ADDED, "ada")
    assert event.details["model"] == "provider setting"
    assert event.details["values"] == {"desk": "World desk", "provider": "google_factcheck", "is_enabled": False}


def test_source_rules_changed_and_deleted_in_bulk_in_the_admin_are_recorded(desk, staff_desk_admin):
    rule = factories.SourceRuleFactory(desk=desk, name="world-rule", priority=5)
    client = _client_for(staff_desk_admin)

    client.post(
        reverse("admin:references_sourcerule_changelist"),
        {
            **_management("form", 1, 1),
            "form-0-id": rule.pk,
            "form-0-is_active": "",
            "form-0-priority": 7,
            "_save": "Save",
        },
    )
    changed = _latest(desk)
    client.post(
        reverse("admin:references_sourcerule_changelist"),
        {"action": "delete_selected", "_selected_action": [rule.pk], "post": "yes"},
    )

    assert not SourceRule.objects.filter(pk=rule.pk).exists()
    assert changed.details["changes"] == {"is_active": [True, False], "priority": [5, 7]}
    deleted = _latest(desk)
    assert (deleted.action, deleted.details["name"]) == (AuditAction.ADMIN_DELETED, "world-rule")


def test_a_shared_rule_changed_by_a_site_administrator_is_recorded_site_wide_in_no_desks_activity(desk, root):
    rule = SourceRule.objects.filter(desk=None).first()

    _client_for(root).post(
        reverse("admin:references_sourcerule_changelist"),
        {
            **_management("form", 1, 1),
            "form-0-id": rule.pk,
            "form-0-is_active": "",
            "form-0-priority": 3,
            "_save": "Save",
        },
    )

    rule.refresh_from_db()
    assert not rule.is_active
    event = AuditEvent.objects.get()
    assert (event.desk_id, event.action, event.actor_name) == (None, AuditAction.ADMIN_CHANGED, "root")
    assert event.details["changes"]["is_active"] == [True, False]
    assert not audit_desk_events(desk_id=desk.pk).exists()
    site_wide = _client_for(root).get(reverse("admin:core_auditevent_changelist"), {"desk_id__isempty": "1"})
    assert f"root changed the source rule “{rule.name}” in the Django admin" in site_wide.content.decode()


def test_a_standard_scale_rating_renamed_in_the_admin_is_recorded_site_wide(root):
    standard = RatingScale.objects.get(desk=None)
    ratings = list(standard.ratings.order_by("position"))
    data = {"name": standard.name, "best_rating": standard.best_rating, "worst_rating": standard.worst_rating}
    data.update(_management("ratings", len(ratings), len(ratings)))
    for index, rating in enumerate(ratings):
        for field in ("label", "description", "claimreview_value", "position"):
            value = getattr(rating, field)
            data[f"ratings-{index}-{field}"] = "" if value is None else value
        data[f"ratings-{index}-id"] = rating.pk
        data[f"ratings-{index}-scale"] = standard.pk
        data[f"ratings-{index}-language_labels"] = "{}"
    data["ratings-0-label"] = "Accurate"

    response = _client_for(root).post(reverse("admin:reviews_ratingscale_change", args=[standard.pk]), data)

    assert response.status_code == 302, response.content[:3000]
    event = AuditEvent.objects.get()
    assert (event.desk_id, event.details["model"], event.details["changes"]) == (
        None,
        "rating",
        {"label": [ratings[0].label, "Accurate"]},
    )


def test_a_rating_renamed_inline_on_the_scales_admin_page_is_recorded(desk, staff_desk_admin, root):
    scale = review_services.rating_scale_copy_default(user=staff_desk_admin, desk=desk)
    ratings = list(scale.ratings.order_by("position"))
    data = {"name": scale.name, "desk": desk.pk, "best_rating": scale.best_rating, "worst_rating": scale.worst_rating}
    data.update(_management("ratings", len(ratings), len(ratings)))
    for index, rating in enumerate(ratings):
        for field in ("label", "description", "claimreview_value", "position"):
            value = getattr(rating, field)
            data[f"ratings-{index}-{field}"] = "" if value is None else value
        data[f"ratings-{index}-id"] = rating.pk
        data[f"ratings-{index}-scale"] = scale.pk
    data["ratings-0-label"] = "Accurate"

    response = _client_for(root).post(reverse("admin:reviews_ratingscale_change", args=[scale.pk]), data)

    assert response.status_code == 302, response.content[:3000]
    event = _latest(desk)
    assert (event.action, event.details["model"]) == (AuditAction.ADMIN_CHANGED, "rating")
    assert event.details["changes"] == {"label": ["True", "Accurate"]}
    assert RatingScale.objects.filter(desk=desk).count() == 1


def test_a_verdict_changed_in_the_admin_is_in_the_claims_history(desk, editor, reviewer, root):
    task = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    review_services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    standard = Rating.objects.filter(scale__desk=None)
    verdict = review_services.verdict_submit(
        user=reviewer, task=task, rating=standard.get(label="True"), rationale="The annual report says so."
    )

    report = factories.ReferenceFactory(claim=task.claim, title="Annual report 2019")

    response = _client_for(root).post(
        reverse("admin:reviews_verdict_change", args=[verdict.pk]),
        {
            "rating": standard.get(label="False").pk,
            "rationale": "The annual report says so.",
            "cited_references": [report.pk],
            **_management("corrections", 0, 0),
        },
    )

    assert response.status_code == 302, response.content[:3000]
    cited, rated = audit_claim_events(claim_id=task.claim_id, article_id=task.claim.article_id)[:2]
    assert (rated.action, rated.claim_id, rated.actor_name) == (AuditAction.ADMIN_CHANGED, task.claim_id, "root")
    assert rated.details["changes"] == {"rating": ["True", "False"]}
    assert cited.details["changes"] == {"cited_references": [[], ["Annual report 2019"]]}


def test_credentials_are_never_among_the_recorded_values(desk):
    endpoint = WebhookEndpoint(desk=desk, url="https://hooks.example.org/x", secret="s3cret-value")

    values = audit_admin_values(endpoint)

    assert "secret" not in values
    assert "s3cret-value" not in str(values)


def test_an_account_deleted_in_the_admin_is_recorded_as_leaving_each_of_its_desks(desk, other_desk, reviewer, root):
    factories.MemberFactory(desk=other_desk, user=reviewer, role="editor")

    response = _client_for(root).post(reverse("admin:auth_user_delete", args=[reviewer.pk]), {"post": "yes"})

    assert response.status_code == 302, response.content[:2000]
    for where, role in ((desk, "reviewer"), (other_desk, "editor")):
        event = _latest(where)
        assert (event.action, event.actor_name) == (AuditAction.ADMIN_DELETED, "root")
        assert (event.details["model"], event.details["values"]["user"]) == ("membership", "rachel")
        assert event.details["values"]["role"] == role


def test_a_claim_deleted_in_the_admin_is_in_the_desks_activity_with_its_text(desk, root):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text="The bridge cost four million.")
    claim_id = claim.pk

    response = _client_for(root).post(reverse("admin:claims_claim_delete", args=[claim_id]), {"post": "yes"})

    assert response.status_code == 302
    event = _latest(desk)
    assert (event.action, event.claim_id, event.article_id) == (AuditAction.ADMIN_DELETED, claim_id, claim.article_id)
    assert event.details["values"]["text"] == "The bridge cost four million."


def test_a_long_text_is_kept_by_its_start(desk):
    article = factories.ArticleFactory(desk=desk, body="The council met again. " * 200)

    body = audit_admin_values(article)["body"]

    assert len(body) == ADMIN_TEXT_KEPT_CHARS
    assert body.startswith("The council met again.")
    assert body.endswith("\u2026")
