"""The audit trail: who did what to a desk's claims, articles and settings, and when.

Services of every stage call `audit_record` (or `audit_record_many` for a batch) inside the
transaction of the change, so a change that rolls back leaves no event. There is deliberately no
function that changes or deletes an event.
"""

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format

from .models import AuditAction, AuditEvent


def _actor_fields(actor) -> dict[str, Any]:
    if actor is None or not actor.is_authenticated:
        return {"actor": None, "actor_name": ""}
    return {"actor": actor, "actor_name": actor.get_username()}


def _event(
    *, action: str, actor, claim=None, article=None, desk=None, details: dict | None = None, at=None
) -> AuditEvent:
    if article is None and claim is not None:
        article = claim.article
    return AuditEvent(
        occurred_at=at or timezone.now(),
        desk_id=article.desk_id if article is not None else getattr(desk, "pk", None),
        article_id=article.pk if article is not None else None,
        claim_id=claim.pk if claim is not None else None,
        action=action,
        details=details or {},
        **_actor_fields(actor),
    )


def audit_record(*, action: str, actor, claim=None, article=None, desk=None, details: dict | None = None) -> AuditEvent:
    """Record one event about a claim (its article and desk follow), about an article alone, about
    the desk's own settings (`desk` alone: its people, rating scale, source rules, webhooks), or,
    with none of them, site-wide (rows every desk shares, changed in the Django admin).

    `actor` is the user who acted, or None for the system. `details` holds what changed, old and
    new values where they matter; values must be JSON (dates are stored as ISO strings).
    """
    event = _event(action=action, actor=actor, claim=claim, article=article, desk=desk, details=details)
    event.save()
    return event


def audit_record_many(*, action: str, actor, entries: Iterable[tuple[Any, dict]]) -> list[AuditEvent]:
    """Record one event per (claim, details) in one query, for services that act on many claims at
    once. Each claim's article must be loaded already (no query is made for it)."""
    now = timezone.now()
    events = [_event(action=action, actor=actor, claim=claim, details=details, at=now) for claim, details in entries]
    return AuditEvent.objects.bulk_create(events)


@dataclass(frozen=True)
class EarlierClaim:
    """A claim, gone since, whose events belong in a later claim's history."""

    text: str  # as it was when merged away or split
    how: str  # "merged" into the later claim, or "split" into it and others


def audit_earlier_claims(*, claim_id: UUID) -> dict[UUID, EarlierClaim]:
    """The claims this one came from: those merged into it, the claim split into it and others, and
    so on back (a merge of merged claims, a split of a split part), each with its text as it was
    then. One query per step back.

    Read from the merge and split events, since a merged-away or split claim's row is deleted.
    """
    earlier: dict[UUID, EarlierClaim] = {}
    later = [claim_id]
    while later:
        events = AuditEvent.objects.filter(
            claim_id__in=later, action__in=[AuditAction.CLAIM_MERGED, AuditAction.CLAIM_SPLIT]
        ).values_list("action", "details")
        later = []
        for action, details in events:
            if action == AuditAction.CLAIM_MERGED:
                ids, texts = details.get("merged_claim_ids", []), details.get("merged_texts", [])
                sources = [(merged_id, text, "merged") for merged_id, text in zip(ids, texts, strict=False)]
            elif "from_claim_id" in details:  # a part's record of the split (the original's names no source)
                sources = [(details["from_claim_id"], details.get("from_text", ""), "split")]
            else:
                sources = []
            for source_id, text, how in sources:
                source_id = UUID(source_id)
                if source_id != claim_id and source_id not in earlier:
                    earlier[source_id] = EarlierClaim(text=text, how=how)
                    later.append(source_id)
    return earlier


def audit_claim_events(
    *, claim_id: UUID, article_id: UUID, earlier_claim_ids: Iterable[UUID] = ()
) -> QuerySet[AuditEvent]:
    """A claim's events and its article's own (imported, fact-check address), newest first, with
    the events of the claims it came from when their ids are given (`audit_earlier_claims`).

    A split original's own record of the split is left out of its parts' histories: each part has
    its own. The caller has checked the user may see the claim.
    """
    earlier_claim_ids = list(earlier_claim_ids)
    return (
        AuditEvent.objects.filter(
            Q(claim_id__in=[claim_id, *earlier_claim_ids]) | Q(article_id=article_id, claim_id__isnull=True)
        )
        .exclude(
            Q(action=AuditAction.CLAIM_SPLIT, claim_id__in=earlier_claim_ids) & ~Q(details__has_key="from_claim_id")
        )
        .order_by("-occurred_at", "-pk")
    )


def audit_desk_events(*, desk_id: UUID) -> QuerySet[AuditEvent]:
    """Everything recorded on a desk, newest first, deleted articles' events included. The caller
    has checked the user may see the desk's whole activity (its admins)."""
    return AuditEvent.objects.filter(desk_id=desk_id).order_by("-occurred_at", "-pk")


# --- Changes made in the Django admin ------------------------------------------------------------
# Site administrators (and desk admins with staff access) repair rows there without the app's
# services; `apps.core.admin.AuditedAdmin` records each save and deletion through these.

# Never recorded, whatever the model: the trail is read by every admin of the desk.
_NEVER_RECORDED = ("secret", "password", "token", "api_key")
# A longer text (an article's body) is kept by its start: the trail says it changed, not all of it.
ADMIN_TEXT_KEPT_CHARS = 2000


def _kept(value: Any) -> Any:
    if isinstance(value, str) and len(value) > ADMIN_TEXT_KEPT_CHARS:
        return value[: ADMIN_TEXT_KEPT_CHARS - 1] + "\u2026"
    return value


def audit_admin_values(obj: Model) -> dict[str, Any]:
    """The row's editable values as the trail keeps them: JSON, a related row by its name, and no
    field whose name says it holds a credential."""
    values: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or not field.editable or any(word in field.name for word in _NEVER_RECORDED):
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            values[field.name] = None if related is None else str(related)
        else:
            value = field.value_from_object(obj)
            if isinstance(value, dt.datetime):
                # The admin's date and time boxes show whole seconds: a save leaving a time as shown
                # drops its microseconds, which is no change anyone made.
                value = value.replace(microsecond=0)
            values[field.name] = _kept(value)
    for field in obj._meta.many_to_many:
        if field.editable and obj.pk is not None:
            values[field.name] = sorted(str(related) for related in getattr(obj, field.name).all())
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def audit_admin_details(obj: Model) -> dict[str, Any]:
    """What names a row changed in the Django admin in its events: its model, id and name. The model's
    name is its untranslated one: the trail stays in English whatever language the admin reads in."""
    return {"model": str(obj._meta.verbose_name_raw), "object_id": str(obj.pk), "name": str(obj)}


def audit_admin_saved(
    *, actor, obj: Model, before: dict[str, Any] | None, desk=None, article=None, claim=None
) -> AuditEvent | None:
    """Record a row added (`before` None: its values) or changed in the Django admin (each changed
    field's old and new value; nothing when nothing changed), on the desk, article or claim given."""
    after = audit_admin_values(obj)
    if before is None:
        details = {**audit_admin_details(obj), "values": after}
        return audit_record(
            action=AuditAction.ADMIN_ADDED, actor=actor, desk=desk, article=article, claim=claim, details=details
        )
    changes = {field: [before.get(field), value] for field, value in after.items() if before.get(field) != value}
    if not changes:
        return None
    details = {**audit_admin_details(obj), "changes": changes}
    return audit_record(
        action=AuditAction.ADMIN_CHANGED, actor=actor, desk=desk, article=article, claim=claim, details=details
    )


def audit_admin_deleted(
    *, actor, obj: Model, values: dict[str, Any] | None = None, desk=None, article=None, claim=None
) -> AuditEvent:
    """Record a row deleted in the Django admin with its last values (`values`, else read from
    `obj`), on the desk, article or claim given. Call it before deleting: the row's id goes with it."""
    details = {**audit_admin_details(obj), "values": audit_admin_values(obj) if values is None else values}
    return audit_record(
        action=AuditAction.ADMIN_DELETED, actor=actor, desk=desk, article=article, claim=claim, details=details
    )


def audit_admin_password_set(*, actor, account: Model, usable: bool) -> AuditEvent:
    """Record, site-wide, that an account's password was set in the Django admin (`usable`), or
    password sign-in turned off for it: that alone, never the password or its hash."""
    details = {**audit_admin_details(account), "password": "set" if usable else "sign-in turned off"}
    return audit_record(action=AuditAction.ADMIN_CHANGED, actor=actor, details=details)


def audit_account_event(*, action: str, account: Model, actor=None, details: dict | None = None) -> AuditEvent:
    """Record, site-wide, a change to an account's own way in: its password set by its owner or from
    a reset link ("set" alone), its sign-in locked, its API token created, replaced or revoked. Never
    the password, the token's key or their hashes. `actor` defaults to the account's owner."""
    details = {**audit_admin_details(account), **(details or {})}
    return audit_record(action=action, actor=account if actor is None else actor, details=details)


_ACCOUNT_SUMMARIES = {
    AuditAction.PASSWORD_CHANGED: "{actor} changed the password of {what} on the account page",
    AuditAction.PASSWORD_RESET: "{actor} set the password of {what} from an emailed reset link",
    AuditAction.API_TOKEN_CREATED: "{actor} created an API token for {what}",
    AuditAction.API_TOKEN_ROTATED: "{actor} replaced the API token of {what}",
    AuditAction.API_TOKEN_REVOKED: "{actor} revoked the API token of {what}",
    AuditAction.TWO_STEP_ENABLED: "{actor} turned two-step sign-in on for {what}",
    AuditAction.TWO_STEP_DISABLED: "{actor} turned two-step sign-in off for {what}",
    AuditAction.RECOVERY_CODES_REGENERATED: "{actor} replaced the two-step recovery codes of {what}",
}


def _account_summary(actor: str, action: str, details: dict) -> str:
    what = f"the {details.get('model')} {_quoted(details.get('name'))}"
    if action == AuditAction.SIGN_IN_LOCKED:
        return (
            f"Sign-in to {what} locked after {details.get('failures')} failed attempts from {details.get('ip_address')}"
        )
    if action == AuditAction.SIGN_IN_UNLOCKED:
        addresses = ", ".join(details.get("ip_addresses", [])) or "no known address"
        cleared = "cleared the sign-in lockout of" if details.get("locked") else "cleared the failed sign-ins of"
        return f"{actor} {cleared} {what} (from {addresses})"
    return _ACCOUNT_SUMMARIES[action].format(actor=actor, what=what)


_PASSWORD_CHANGES = {"set": "set the password of", "sign-in turned off": "turned password sign-in off for"}


def _admin_summary(actor: str, action: str, details: dict) -> str:
    what = f"the {details.get('model')} {_quoted(details.get('name'))}"
    if action == AuditAction.ADMIN_ADDED:
        return f"{actor} added {what} in the Django admin"
    if action == AuditAction.ADMIN_DELETED:
        return f"{actor} deleted {what} in the Django admin"
    if "password" in details:
        done = _PASSWORD_CHANGES.get(details["password"], "changed the password of")
        return f"{actor} {done} {what} in the Django admin"
    changes = details.get("changes", {})
    if list(changes) == ["is_active"]:
        switched = "reactivated" if changes["is_active"][1] else "deactivated"
        return f"{actor} {switched} {what} in the Django admin"
    fields = ", ".join(field.replace("_", " ") for field in changes)
    return f"{actor} changed {what} in the Django admin: {fields}"


def _quoted(text: Any) -> str:
    return f"\u201c{text}\u201d"


def _date(value: str | None) -> str:
    if not value:
        return ""
    # The summaries are English whatever the page's language (audit records stay English).
    with translation.override("en"):
        return date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")


def _assignment_summary(actor: str, details: dict) -> str:
    assignee, previous = details.get("assignee"), details.get("previous_assignee")
    due, previous_due = details.get("due_date"), details.get("previous_due_date")
    if assignee == previous:
        if not due:
            return f"{actor} removed the due date (was {_date(previous_due)})"
        return f"{actor} changed the due date to {_date(due)}" + (
            f" (was {_date(previous_due)})" if previous_due else ""
        )
    what = f"reassigned the review from {previous} to {assignee}" if previous else f"assigned the review to {assignee}"
    return f"{actor} {what}" + (f", due {_date(due)}" if due else "")


def _changes_summary(actor: str, what: str, name_field: str, details: dict) -> str:
    """The change in words: ada renamed the rating “False” to “Wrong” (and changed its description),
    or ada changed the source rule “UN votes”: keywords, priority."""
    changes = details.get("changes", {})
    name = _quoted(details.get(name_field))
    if name_field in changes:
        previous, _ = changes[name_field]
        renamed = f"{actor} renamed the {what} {_quoted(previous)} to {name}"
        others = [field.replace("_", " ") for field in changes if field != name_field]
        return renamed + (f" and changed its {', '.join(others)}" if others else "")
    return f"{actor} changed the {what} {name}: {', '.join(field.replace('_', ' ') for field in changes)}"


def _membership_summary(actor: str, action: str, details: dict) -> str:
    username, role = details.get("username"), details.get("role")
    if action == AuditAction.MEMBER_ADDED:
        how = " with a new account" if details.get("new_account") else ""
        return f"{actor} added {username} to the desk as {role}{how}"
    if action == AuditAction.MEMBER_ROLE_CHANGED:
        return f"{actor} changed the role of {username} from {details.get('previous_role')} to {role}"
    return f"{actor} removed {username} ({role}) from the desk"


def _submission_summary(actor: str, details: dict) -> str:
    rating, previous = details.get("rating"), details.get("previous_rating")
    if previous and previous != rating:
        return f"Rating changed from {previous} to {rating} by {actor}, who resubmitted the verdict"
    return f"{actor} {'resubmitted' if previous else 'submitted'} the verdict: {rating}"


_WEBHOOK_ACTIONS = (
    AuditAction.WEBHOOK_ADDED,
    AuditAction.WEBHOOK_CHANGED,
    AuditAction.WEBHOOK_SECRET_ROTATED,
    AuditAction.WEBHOOK_TURNED_OFF,
    AuditAction.WEBHOOK_DELETED,
    AuditAction.WEBHOOK_REDELIVERED,
)
_WEBHOOK_FIELD_NAMES = {"url": "URL", "events": "events", "payload_format": "format", "description": "description"}


def _webhook_summary(actor: str, action: str, details: dict) -> str:
    """A webhook event in words, naming the endpoint by scheme and host (all the event keeps)."""
    url = details.get("url")
    if action == AuditAction.WEBHOOK_ADDED:
        state = "" if details.get("is_active", True) else ", turned off"
        return (
            f"{actor} added the webhook {url} ({details.get('payload_format')}{state}) "
            f"for {', '.join(details.get('events', []))}"
        )
    if action == AuditAction.WEBHOOK_SECRET_ROTATED:
        return f"{actor} replaced the signing secret of the webhook {url}"
    if action == AuditAction.WEBHOOK_TURNED_OFF:
        return f"{actor} turned the webhook {url} off after {details.get('failures')} failed deliveries in a row"
    if action == AuditAction.WEBHOOK_DELETED:
        return f"{actor} deleted the webhook {url}"
    if action == AuditAction.WEBHOOK_REDELIVERED:
        return (
            f"{actor} sent the {details.get('event')} delivery to the webhook {url} again "
            f"(it was {details.get('previous_status')})"
        )
    changes = details.get("changes", {})
    changed = [_WEBHOOK_FIELD_NAMES.get(field, field) for field in changes if field != "is_active"]
    switched = ("on" if changes["is_active"][1] else "off") if "is_active" in changes else ""
    if not changed:
        return f"{actor} turned the webhook {url} {switched}"
    summary = f"{actor} changed the webhook {url}: {', '.join(changed)}"
    return summary + (f", and turned it {switched}" if switched else "")


def audit_event_summary(event: AuditEvent) -> str:
    """The event in plain language, as the claim page and the API show it. Not HTML: whatever
    users wrote is quoted as it is, so callers escape it like any other text."""
    actor = event.actor_name or "The system"
    details = event.details
    action = event.action
    if action == AuditAction.REVIEW_ASSIGNED:
        return _assignment_summary(actor, details)
    if action == AuditAction.VERDICT_SUBMITTED:
        return _submission_summary(actor, details)
    if action == AuditAction.CLAIM_SPLIT:
        parts = details.get("parts", [])
        if "from_claim_id" not in details:  # the original's own record
            texts = "; ".join(_quoted(part.get("text")) for part in parts)
            return f"{actor} split this claim into {len(parts)} claims: {texts}"
        return f"{actor} split {_quoted(details.get('from_text'))} into {len(parts)} claims"
    if action == AuditAction.CLAIM_MERGED:
        merged = "; ".join(_quoted(text) for text in details.get("merged_texts", []))
        return f"{actor} merged into this claim: {merged}"
    if action == AuditAction.CLAIM_RELEASED:
        return f"{actor} released the claim into review (it was {details.get('previous_status')})"
    if action == AuditAction.VERDICT_APPROVED:
        how = " in a bulk approval" if details.get("bulk") else ""
        return f"{actor} approved the verdict{how}: {details.get('rating')}"
    if action == AuditAction.VERDICT_CORRECTED:
        how = " in a bulk approval" if details.get("bulk") else ""
        rating, previous = details.get("rating"), details.get("previous_rating")
        # Events recorded before `rating_changed` was kept are read as they always were, by their labels.
        changed = details["rating_changed"] if "rating_changed" in details else bool(previous and previous != rating)
        change = f"{rating} (was {previous})" if changed else f"{rating} (rating unchanged)"
        return f"{actor} approved the corrected verdict{how}: {change}"
    if action == AuditAction.FACT_CHECK_URL_SET:
        url = details.get("url")
        return (
            f"{actor} set the published fact-check address to {url}"
            if url
            else f"{actor} cleared the fact-check address"
        )
    if action in (AuditAction.MEMBER_ADDED, AuditAction.MEMBER_ROLE_CHANGED, AuditAction.MEMBER_REMOVED):
        return _membership_summary(actor, action, details)
    if action == AuditAction.RATING_CHANGED:
        return _changes_summary(actor, "rating", "label", details)
    if action == AuditAction.SOURCE_RULE_CHANGED:
        return _changes_summary(actor, "source rule", "name", details)
    if action == AuditAction.LIBRARY_DOCUMENT_CHANGED:
        return _changes_summary(actor, "library document", "title", details)
    if action in _WEBHOOK_ACTIONS:
        return _webhook_summary(actor, action, details)
    if action in (AuditAction.ADMIN_ADDED, AuditAction.ADMIN_CHANGED, AuditAction.ADMIN_DELETED):
        return _admin_summary(actor, action, details)
    if action in (AuditAction.SIGN_IN_LOCKED, AuditAction.SIGN_IN_UNLOCKED) or action in _ACCOUNT_SUMMARIES:
        return _account_summary(actor, action, details)
    if action == AuditAction.RATING_MOVED:
        way = "up" if details.get("position", 0) < details.get("previous_position", 0) else "down"
        return (
            f"{actor} moved the rating {_quoted(details.get('label'))} {way} the scale, "
            f"from place {details.get('previous_position', 0) + 1} to {details.get('position', 0) + 1}"
        )
    templates = {
        AuditAction.CLAIM_ADDED: "{actor} added this claim: {text}",
        AuditAction.CLAIM_EDITED: "{actor} changed the claim\u2019s text from {previous_text} to {text}",
        AuditAction.CLAIM_REJECTED: "{actor} rejected the claim: {reason}",
        AuditAction.MATCH_CONFIRMED: "{actor} confirmed this claim repeats the checked claim {matched_text}",
        AuditAction.MATCH_DISMISSED: "{actor} declined the suggestion that this claim repeats {matched_text}",
        AuditAction.REVIEW_STARTED: "{actor} started the review",
        AuditAction.DRAFT_STARTED: "{actor} started a draft of the verdict",
        AuditAction.VERDICT_RETURNED: "{actor} returned the verdict with a note: {note}",
        AuditAction.VERDICT_REOPENED: "{actor} reopened the approved verdict ({rating}) for correction: {note}",
        AuditAction.VERDICT_CORRECTION_WITHDRAWN: "{actor} withdrew the correction opened with the note {note}; "
        "the verdict stands as published ({rating})",
        AuditAction.EVIDENCE_ADDED: "{actor} added evidence: {title} ({url})",
        AuditAction.REFERENCES_REFRESHED: "{actor} asked for the references to be gathered again",
        AuditAction.ARTICLE_IMPORTED: "{actor} imported the article {title} ({how})",
        AuditAction.INTAKE_RETRIED: "{actor} tried finding the article\u2019s claims again after: {error}",
        AuditAction.ARTICLE_DELETED: "{actor} deleted the article {title} with its claims ({claim_count})",
        AuditAction.ARTICLE_LANGUAGE_SET: "{actor} set the article\u2019s language to {language_name} "
        "(was {previous_language_name})",
        AuditAction.RATING_SCALE_COPIED: "{actor} gave the desk its own rating scale, a copy of {copied_from}",
        AuditAction.RATING_ADDED: "{actor} added the rating {label}",
        AuditAction.RATING_REMOVED: "{actor} removed the rating {label}",
        AuditAction.SOURCE_RULE_ADDED: "{actor} added the source rule {name}",
        AuditAction.LIBRARY_DOCUMENT_ADDED: "{actor} added {title} ({url}) to the desk\u2019s library",
        AuditAction.LIBRARY_DOCUMENT_DELETED: "{actor} removed {title} ({url}) from the desk\u2019s library",
        AuditAction.SOURCE_RULE_DEACTIVATED: "{actor} deactivated the source rule {name}",
        AuditAction.SOURCE_RULE_REACTIVATED: "{actor} reactivated the source rule {name}",
        AuditAction.TIP_CHECK_STARTED: "{actor} started a check of the reader tip {tip_text}",
        AuditAction.TIP_CLOSED: "{actor} closed the reader tip {tip_text} without a check: {public_reason}",
        AuditAction.TIPS_SETTING_CHANGED: "{actor} turned reader tips {state}",
        AuditAction.TIP_EMAILS_ERASED: "{actor} erased the email addresses of {count} reader tips, no longer needed",
        AuditAction.TWO_STEP_REQUIREMENT_CHANGED: "{actor} made two-step sign-in {state} for the desk\u2019s people",
    }
    quoted_fields = (
        "text",
        "tip_text",
        "public_reason",
        "previous_text",
        "reason",
        "matched_text",
        "note",
        "title",
        "name",
        "label",
        "copied_from",
    )
    values = {key: _quoted(value) if key in quoted_fields else value for key, value in details.items()}
    template = templates.get(action, "{actor}: " + event.get_action_display())
    return template.format_map(_Missing(values, actor=actor))


class _Missing(dict):
    """Fills a placeholder whose detail an older event lacks with nothing rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""
