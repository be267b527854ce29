"""The audit trail: who did what to a desk's claims, articles and settings, and when.

Services of every stage call `audit_record` (or `audit_record_many` for a batch) inside the
transaction of the change, so a change that rolls back leaves no event. There is deliberately no
function that changes or deletes an event.
"""

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from uuid import UUID

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop, pgettext, pgettext_lazy

from .languages import language_name_for_reader
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


# --- The events in words ---------------------------------------------------------------------------
# An event is stored as its action and details, never as a sentence: each reader gets it worded in
# their language when it is shown (the claim page, the API by Accept-Language, the admin), from the
# one table below, as `apps.core.failures` words a failure from its code and values. The English
# wording is the msgid itself. A wording may change; what an action's details hold may not, since
# events are never rewritten: a detail an older event lacks is worded as nothing. Typographic marks are
# written as they are, not as \u escapes: makemessages (xgettext) would keep an escape as its letters.

AUDIT_SUMMARIES = {
    # A review assigned, or its due date changed.
    "due_date_removed": gettext_noop("%(actor)s removed the due date (was %(previous_due)s)"),
    "due_date_changed": gettext_noop("%(actor)s changed the due date to %(due)s"),
    "due_date_changed_was": gettext_noop("%(actor)s changed the due date to %(due)s (was %(previous_due)s)"),
    "review_assigned": gettext_noop("%(actor)s assigned the review to %(assignee)s"),
    "review_assigned_due": gettext_noop("%(actor)s assigned the review to %(assignee)s, due %(due)s"),
    "review_reassigned": gettext_noop("%(actor)s reassigned the review from %(previous)s to %(assignee)s"),
    "review_reassigned_due": gettext_noop(
        "%(actor)s reassigned the review from %(previous)s to %(assignee)s, due %(due)s"
    ),
    # A verdict submitted, approved, corrected.
    "verdict_submitted": gettext_noop("%(actor)s submitted the verdict: %(rating)s"),
    "verdict_resubmitted": gettext_noop("%(actor)s resubmitted the verdict: %(rating)s"),
    "verdict_resubmitted_rating_changed": gettext_noop(
        "Rating changed from %(previous)s to %(rating)s by %(actor)s, who resubmitted the verdict"
    ),
    "verdict_approved": gettext_noop("%(actor)s approved the verdict: %(rating)s"),
    "verdict_approved_bulk": gettext_noop("%(actor)s approved the verdict in a bulk approval: %(rating)s"),
    "verdict_corrected": gettext_noop("%(actor)s approved the corrected verdict: %(rating)s (was %(previous)s)"),
    "verdict_corrected_bulk": gettext_noop(
        "%(actor)s approved the corrected verdict in a bulk approval: %(rating)s (was %(previous)s)"
    ),
    "verdict_corrected_unchanged": gettext_noop(
        "%(actor)s approved the corrected verdict: %(rating)s (rating unchanged)"
    ),
    "verdict_corrected_unchanged_bulk": gettext_noop(
        "%(actor)s approved the corrected verdict in a bulk approval: %(rating)s (rating unchanged)"
    ),
    # Claims split, merged, released.
    "claim_split_into": gettext_noop("%(actor)s split this claim into %(count)s claims: %(texts)s"),
    "claim_split_from": gettext_noop("%(actor)s split %(text)s into %(count)s claims"),
    "claim_merged": gettext_noop("%(actor)s merged into this claim: %(texts)s"),
    "claim_released": gettext_noop("%(actor)s released the claim into review (it was %(previous_status)s)"),
    "fact_check_url_set": gettext_noop("%(actor)s set the published fact-check address to %(url)s"),
    "fact_check_url_cleared": gettext_noop("%(actor)s cleared the fact-check address"),
    # The desk's people.
    "member_added": gettext_noop("%(actor)s added %(username)s to the desk as %(role)s"),
    "member_added_new_account": gettext_noop("%(actor)s added %(username)s to the desk as %(role)s with a new account"),
    "member_role_changed": gettext_noop(
        "%(actor)s changed the role of %(username)s from %(previous_role)s to %(role)s"
    ),
    "member_removed": gettext_noop("%(actor)s removed %(username)s (%(role)s) from the desk"),
    # The desk's ratings, source rules and library documents changed.
    "rating_renamed": gettext_noop("%(actor)s renamed the rating %(previous)s to %(name)s"),
    "rating_renamed_and_changed": gettext_noop(
        "%(actor)s renamed the rating %(previous)s to %(name)s and changed its %(fields)s"
    ),
    "rating_changed": gettext_noop("%(actor)s changed the rating %(name)s: %(fields)s"),
    "source_rule_renamed": gettext_noop("%(actor)s renamed the source rule %(previous)s to %(name)s"),
    "source_rule_renamed_and_changed": gettext_noop(
        "%(actor)s renamed the source rule %(previous)s to %(name)s and changed its %(fields)s"
    ),
    "source_rule_changed": gettext_noop("%(actor)s changed the source rule %(name)s: %(fields)s"),
    "library_document_renamed": gettext_noop("%(actor)s renamed the library document %(previous)s to %(name)s"),
    "library_document_renamed_and_changed": gettext_noop(
        "%(actor)s renamed the library document %(previous)s to %(name)s and changed its %(fields)s"
    ),
    "library_document_changed": gettext_noop("%(actor)s changed the library document %(name)s: %(fields)s"),
    "rating_moved_up": gettext_noop(
        "%(actor)s moved the rating %(label)s up the scale, from place %(previous_place)s to %(place)s"
    ),
    "rating_moved_down": gettext_noop(
        "%(actor)s moved the rating %(label)s down the scale, from place %(previous_place)s to %(place)s"
    ),
    # The desk's webhooks.
    "webhook_added": gettext_noop("%(actor)s added the webhook %(url)s (%(format)s) for %(events)s"),
    "webhook_added_off": gettext_noop("%(actor)s added the webhook %(url)s (%(format)s, turned off) for %(events)s"),
    "webhook_secret_rotated": gettext_noop("%(actor)s replaced the signing secret of the webhook %(url)s"),
    "webhook_turned_off_after_failures": gettext_noop(
        "%(actor)s turned the webhook %(url)s off after %(failures)s failed deliveries in a row"
    ),
    "webhook_deleted": gettext_noop("%(actor)s deleted the webhook %(url)s"),
    "webhook_redelivered": gettext_noop(
        "%(actor)s sent the %(event)s delivery to the webhook %(url)s again (it was %(previous_status)s)"
    ),
    "webhook_turned_on": gettext_noop("%(actor)s turned the webhook %(url)s on"),
    "webhook_turned_off": gettext_noop("%(actor)s turned the webhook %(url)s off"),
    "webhook_changed": gettext_noop("%(actor)s changed the webhook %(url)s: %(fields)s"),
    "webhook_changed_turned_on": gettext_noop("%(actor)s changed the webhook %(url)s: %(fields)s, and turned it on"),
    "webhook_changed_turned_off": gettext_noop("%(actor)s changed the webhook %(url)s: %(fields)s, and turned it off"),
    # Accounts (site-wide).
    "password_changed": gettext_noop("%(actor)s changed the password of the %(model)s %(name)s on the account page"),
    "password_reset": gettext_noop("%(actor)s set the password of the %(model)s %(name)s from an emailed reset link"),
    "api_token_created": gettext_noop("%(actor)s created an API token for the %(model)s %(name)s"),
    "api_token_rotated": gettext_noop("%(actor)s replaced the API token of the %(model)s %(name)s"),
    "api_token_revoked": gettext_noop("%(actor)s revoked the API token of the %(model)s %(name)s"),
    "two_step_enabled": gettext_noop("%(actor)s turned two-step sign-in on for the %(model)s %(name)s"),
    "two_step_disabled": gettext_noop("%(actor)s turned two-step sign-in off for the %(model)s %(name)s"),
    "recovery_codes_regenerated": gettext_noop(
        "%(actor)s replaced the two-step recovery codes of the %(model)s %(name)s"
    ),
    "sign_in_locked": gettext_noop(
        "Sign-in to the %(model)s %(name)s locked after %(failures)s failed attempts from %(ip_address)s"
    ),
    "sign_in_unlocked": gettext_noop(
        "%(actor)s cleared the sign-in lockout of the %(model)s %(name)s (from %(addresses)s)"
    ),
    "sign_in_failures_cleared": gettext_noop(
        "%(actor)s cleared the failed sign-ins of the %(model)s %(name)s (from %(addresses)s)"
    ),
    # Rows changed in the Django admin.
    "admin_added": gettext_noop("%(actor)s added the %(model)s %(name)s in the Django admin"),
    "admin_deleted": gettext_noop("%(actor)s deleted the %(model)s %(name)s in the Django admin"),
    "admin_password_set": gettext_noop("%(actor)s set the password of the %(model)s %(name)s in the Django admin"),
    "admin_password_sign_in_off": gettext_noop(
        "%(actor)s turned password sign-in off for the %(model)s %(name)s in the Django admin"
    ),
    "admin_password_changed": gettext_noop(
        "%(actor)s changed the password of the %(model)s %(name)s in the Django admin"
    ),
    "admin_reactivated": gettext_noop("%(actor)s reactivated the %(model)s %(name)s in the Django admin"),
    "admin_deactivated": gettext_noop("%(actor)s deactivated the %(model)s %(name)s in the Django admin"),
    "admin_changed": gettext_noop("%(actor)s changed the %(model)s %(name)s in the Django admin: %(fields)s"),
    # Actions worded from their details alone, one sentence each (the key is the action).
    AuditAction.CLAIM_ADDED: gettext_noop("%(actor)s added this claim: %(text)s"),
    AuditAction.CLAIM_EDITED: gettext_noop(
        "%(actor)s changed the claim’s text from %(previous_text)s to %(text)s"  # noqa: RUF001
    ),
    AuditAction.CLAIM_REJECTED: gettext_noop("%(actor)s rejected the claim: %(reason)s"),
    AuditAction.MATCH_CONFIRMED: gettext_noop(
        "%(actor)s confirmed this claim repeats the checked claim %(matched_text)s"
    ),
    AuditAction.MATCH_DISMISSED: gettext_noop(
        "%(actor)s declined the suggestion that this claim repeats %(matched_text)s"
    ),
    AuditAction.REVIEW_STARTED: gettext_noop("%(actor)s started the review"),
    AuditAction.DRAFT_STARTED: gettext_noop("%(actor)s started a draft of the verdict"),
    AuditAction.VERDICT_RETURNED: gettext_noop("%(actor)s returned the verdict with a note: %(note)s"),
    AuditAction.VERDICT_REOPENED: gettext_noop(
        "%(actor)s reopened the approved verdict (%(rating)s) for correction: %(note)s"
    ),
    AuditAction.VERDICT_CORRECTION_WITHDRAWN: gettext_noop(
        "%(actor)s withdrew the correction opened with the note %(note)s; the verdict stands as published (%(rating)s)"
    ),
    AuditAction.EVIDENCE_ADDED: gettext_noop("%(actor)s added evidence: %(title)s (%(url)s)"),
    AuditAction.REFERENCES_REFRESHED: gettext_noop("%(actor)s asked for the references to be gathered again"),
    AuditAction.ARTICLE_IMPORTED: gettext_noop("%(actor)s imported the article %(title)s (%(how)s)"),
    AuditAction.INTAKE_RETRIED: gettext_noop(
        "%(actor)s tried finding the article’s claims again after: %(error)s"  # noqa: RUF001
    ),
    AuditAction.ARTICLE_DELETED: gettext_noop(
        "%(actor)s deleted the article %(title)s with its claims (%(claim_count)s)"
    ),
    AuditAction.ARTICLE_LANGUAGE_SET: gettext_noop(
        "%(actor)s set the article’s language to %(language_name)s (was %(previous_language_name)s)"  # noqa: RUF001
    ),
    AuditAction.RATING_SCALE_COPIED: gettext_noop(
        "%(actor)s gave the desk its own rating scale, a copy of %(copied_from)s"
    ),
    AuditAction.RATING_ADDED: gettext_noop("%(actor)s added the rating %(label)s"),
    AuditAction.RATING_REMOVED: gettext_noop("%(actor)s removed the rating %(label)s"),
    AuditAction.SOURCE_RULE_ADDED: gettext_noop("%(actor)s added the source rule %(name)s"),
    AuditAction.LIBRARY_DOCUMENT_ADDED: gettext_noop(
        "%(actor)s added %(title)s (%(url)s) to the desk’s library"  # noqa: RUF001
    ),
    AuditAction.LIBRARY_DOCUMENT_DELETED: gettext_noop(
        "%(actor)s removed %(title)s (%(url)s) from the desk’s library"  # noqa: RUF001
    ),
    AuditAction.SOURCE_RULE_DEACTIVATED: gettext_noop("%(actor)s deactivated the source rule %(name)s"),
    AuditAction.SOURCE_RULE_REACTIVATED: gettext_noop("%(actor)s reactivated the source rule %(name)s"),
    AuditAction.TIP_CHECK_STARTED: gettext_noop("%(actor)s started a check of the reader tip %(tip_text)s"),
    AuditAction.TIP_CLOSED: gettext_noop(
        "%(actor)s closed the reader tip %(tip_text)s without a check: %(public_reason)s"
    ),
    AuditAction.TIP_EMAILS_ERASED: gettext_noop(
        "%(actor)s erased the email addresses of %(count)s reader tips, no longer needed"
    ),
    "two_step_required": gettext_noop(
        "%(actor)s made two-step sign-in required for the desk’s people"  # noqa: RUF001
    ),
    "two_step_not_required": gettext_noop(
        "%(actor)s made two-step sign-in not required for the desk’s people"  # noqa: RUF001
    ),
    "tips_turned_on": gettext_noop("%(actor)s turned reader tips on"),
    "tips_turned_off": gettext_noop("%(actor)s turned reader tips off"),
    # An action this table has no sentence for: its name.
    "other": gettext_noop("%(actor)s: %(action)s"),
}

# Stored values that are words of the interface, worded again for the reader. Stored as they are
# here (a role's value, a claim's status, the English name of an import kind), so keyed by that.
_ROLES = {
    "admin": pgettext_lazy("desk role, in a sentence", "admin"),
    "editor": pgettext_lazy("desk role, in a sentence", "editor"),
    "reviewer": pgettext_lazy("desk role, in a sentence", "reviewer"),
}
_CLAIM_STATUSES = {
    "active": pgettext_lazy("claim status, in a sentence", "in the queue"),
    "held": pgettext_lazy("claim status, in a sentence", "held"),
    "rejected": pgettext_lazy("claim status, in a sentence", "rejected"),
}
_IMPORT_KINDS = {
    "Pasted text": pgettext_lazy("how an article was imported", "Pasted text"),
    "Uploaded file": pgettext_lazy("how an article was imported", "Uploaded file"),
    "Fetched URL": pgettext_lazy("how an article was imported", "Fetched URL"),
    "Command line": pgettext_lazy("how an article was imported", "Command line"),
    "Demo data": pgettext_lazy("how an article was imported", "Demo data"),
}
_DELIVERY_STATUSES = {
    "pending": pgettext_lazy("webhook delivery status, in a sentence", "pending"),
    "sending": pgettext_lazy("webhook delivery status, in a sentence", "sending"),
    "delivered": pgettext_lazy("webhook delivery status, in a sentence", "delivered"),
    "skipped": pgettext_lazy("webhook delivery status, in a sentence", "skipped"),
    "failed": pgettext_lazy("webhook delivery status, in a sentence", "failed"),
}
_WEBHOOK_FIELD_NAMES = {
    "url": pgettext_lazy("webhook field, in a sentence", "URL"),
    "events": pgettext_lazy("webhook field, in a sentence", "events"),
    "payload_format": pgettext_lazy("webhook field, in a sentence", "format"),
    "description": pgettext_lazy("webhook field, in a sentence", "description"),
}


class _Missing(dict):
    """Fills a placeholder whose detail an older event lacks with nothing rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _said(key: str, **values: Any) -> str:
    return gettext(AUDIT_SUMMARIES[key]) % _Missing(values)


def _quoted(text: Any) -> str:
    return pgettext("a quoted text", "“%(text)s”") % {"text": text}


def _listed(items: Iterable[Any]) -> str:
    return ", ".join(str(item) for item in items)


def _worded(table: dict[str, Any], value: Any) -> Any:
    word = table.get(value) if isinstance(value, str) else None
    return value if word is None else str(word)


@lru_cache(maxsize=1)
def _models_by_raw_name() -> dict[str, type[Model]]:
    return {model._meta.verbose_name_raw: model for model in apps.get_models()}


def _model_name(raw_name: Any) -> str:
    """A model named as events keep it (its untranslated name), in the reader's language."""
    model = _models_by_raw_name().get(raw_name) if isinstance(raw_name, str) else None
    return str(model._meta.verbose_name) if model is not None else str(raw_name or "")


def _field_names(raw_model_name: str, fields: Iterable[str]) -> str:
    """Fields named as their model labels them, in the reader's language ("is active", "palabras clave")."""
    model = _models_by_raw_name().get(raw_model_name)
    names = []
    for field_name in fields:
        try:
            names.append(str(model._meta.get_field(field_name).verbose_name) if model else field_name)
        except FieldDoesNotExist:
            names.append(field_name.replace("_", " "))
    return _listed(name.replace("_", " ") for name in names)


def _date(value: str | None) -> str:
    if not value:
        return ""
    return date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")


def _assignment_summary(actor: str, details: dict) -> str:
    assignee, previous = details.get("assignee"), details.get("previous_assignee")
    due, previous_due = _date(details.get("due_date")), _date(details.get("previous_due_date"))
    values = {"actor": actor, "assignee": assignee, "previous": previous, "due": due, "previous_due": previous_due}
    if assignee == previous:
        if not due:
            return _said("due_date_removed", **values)
        return _said("due_date_changed_was" if previous_due else "due_date_changed", **values)
    key = "review_reassigned" if previous else "review_assigned"
    return _said(f"{key}_due" if due else key, **values)


def _changes_summary(actor: str, what: str, name_field: str, details: dict) -> str:
    """The change in words: ada renamed the rating “False” to “Wrong” (and changed its description),
    or ada changed the source rule “UN votes”: keywords, priority. `what` is the key of the model's
    sentences and its untranslated name with "_" for " "."""
    changes = details.get("changes", {})
    name = _quoted(details.get(name_field))
    model = what.replace("_", " ")
    if name_field in changes:
        previous, _ = changes[name_field]
        others = [field for field in changes if field != name_field]
        fields = _field_names(model, others)
        key = f"{what}_renamed_and_changed" if others else f"{what}_renamed"
        return _said(key, actor=actor, previous=_quoted(previous), name=name, fields=fields)
    return _said(f"{what}_changed", actor=actor, name=name, fields=_field_names(model, changes))


def _membership_summary(actor: str, action: str, details: dict) -> str:
    values = {
        "actor": actor,
        "username": details.get("username"),
        "role": _worded(_ROLES, details.get("role")),
        "previous_role": _worded(_ROLES, details.get("previous_role")),
    }
    if action == AuditAction.MEMBER_ADDED:
        return _said("member_added_new_account" if details.get("new_account") else "member_added", **values)
    if action == AuditAction.MEMBER_ROLE_CHANGED:
        return _said("member_role_changed", **values)
    return _said("member_removed", **values)


def _submission_summary(actor: str, details: dict) -> str:
    rating, previous = details.get("rating"), details.get("previous_rating")
    if previous and previous != rating:
        return _said("verdict_resubmitted_rating_changed", actor=actor, rating=rating, previous=previous)
    return _said("verdict_resubmitted" if previous else "verdict_submitted", actor=actor, rating=rating)


def _correction_summary(actor: str, details: dict) -> str:
    rating, previous = details.get("rating"), details.get("previous_rating")
    # Events recorded before `rating_changed` was kept are read as they always were, by their labels.
    changed = details["rating_changed"] if "rating_changed" in details else bool(previous and previous != rating)
    key = "verdict_corrected" if changed else "verdict_corrected_unchanged"
    return _said(f"{key}_bulk" if details.get("bulk") else key, actor=actor, rating=rating, previous=previous)


_WEBHOOK_ACTIONS = (
    AuditAction.WEBHOOK_ADDED,
    AuditAction.WEBHOOK_CHANGED,
    AuditAction.WEBHOOK_SECRET_ROTATED,
    AuditAction.WEBHOOK_TURNED_OFF,
    AuditAction.WEBHOOK_DELETED,
    AuditAction.WEBHOOK_REDELIVERED,
)


def _webhook_summary(actor: str, action: str, details: dict) -> str:
    """A webhook event in words, naming the endpoint by scheme and host (all the event keeps). Event
    names stay as they are: they are the identifiers a receiver matches on."""
    values = {"actor": actor, "url": details.get("url")}
    if action == AuditAction.WEBHOOK_ADDED:
        key = "webhook_added" if details.get("is_active", True) else "webhook_added_off"
        return _said(key, format=details.get("payload_format"), events=_listed(details.get("events", [])), **values)
    if action == AuditAction.WEBHOOK_SECRET_ROTATED:
        return _said("webhook_secret_rotated", **values)
    if action == AuditAction.WEBHOOK_TURNED_OFF:
        return _said("webhook_turned_off_after_failures", failures=details.get("failures"), **values)
    if action == AuditAction.WEBHOOK_DELETED:
        return _said("webhook_deleted", **values)
    if action == AuditAction.WEBHOOK_REDELIVERED:
        status = _worded(_DELIVERY_STATUSES, details.get("previous_status"))
        return _said("webhook_redelivered", event=details.get("event"), previous_status=status, **values)
    changes = details.get("changes", {})
    changed = [_worded(_WEBHOOK_FIELD_NAMES, field) for field in changes if field != "is_active"]
    switched = ("on" if changes["is_active"][1] else "off") if "is_active" in changes else ""
    if not changed:
        return _said(f"webhook_turned_{switched}", **values)
    key = f"webhook_changed_turned_{switched}" if switched else "webhook_changed"
    return _said(key, fields=_listed(changed), **values)


_ACCOUNT_SUMMARIES = {
    AuditAction.PASSWORD_CHANGED: "password_changed",
    AuditAction.PASSWORD_RESET: "password_reset",
    AuditAction.API_TOKEN_CREATED: "api_token_created",
    AuditAction.API_TOKEN_ROTATED: "api_token_rotated",
    AuditAction.API_TOKEN_REVOKED: "api_token_revoked",
    AuditAction.TWO_STEP_ENABLED: "two_step_enabled",
    AuditAction.TWO_STEP_DISABLED: "two_step_disabled",
    AuditAction.RECOVERY_CODES_REGENERATED: "recovery_codes_regenerated",
}


def _row_named(actor: str, details: dict) -> dict[str, Any]:
    """The values naming a row an account or admin event is about: its model and its name."""
    return {"actor": actor, "model": _model_name(details.get("model")), "name": _quoted(details.get("name"))}


def _account_summary(actor: str, action: str, details: dict) -> str:
    values = _row_named(actor, details)
    if action == AuditAction.SIGN_IN_LOCKED:
        return _said("sign_in_locked", failures=details.get("failures"), ip_address=details.get("ip_address"), **values)
    if action == AuditAction.SIGN_IN_UNLOCKED:
        addresses = ", ".join(details.get("ip_addresses", [])) or gettext("no known address")
        key = "sign_in_unlocked" if details.get("locked") else "sign_in_failures_cleared"
        return _said(key, addresses=addresses, **values)
    return _said(_ACCOUNT_SUMMARIES[action], **values)


_PASSWORD_CHANGES = {"set": "admin_password_set", "sign-in turned off": "admin_password_sign_in_off"}


def _admin_summary(actor: str, action: str, details: dict) -> str:
    values = _row_named(actor, details)
    if action == AuditAction.ADMIN_ADDED:
        return _said("admin_added", **values)
    if action == AuditAction.ADMIN_DELETED:
        return _said("admin_deleted", **values)
    if "password" in details:
        return _said(_PASSWORD_CHANGES.get(details["password"], "admin_password_changed"), **values)
    changes = details.get("changes", {})
    if list(changes) == ["is_active"]:
        return _said("admin_reactivated" if changes["is_active"][1] else "admin_deactivated", **values)
    return _said("admin_changed", fields=_field_names(details.get("model"), changes), **values)


def _claim_split_summary(actor: str, details: dict) -> str:
    parts = details.get("parts", [])
    if "from_claim_id" not in details:  # the original's own record
        texts = "; ".join(_quoted(part.get("text")) for part in parts)
        return _said("claim_split_into", actor=actor, count=len(parts), texts=texts)
    return _said("claim_split_from", actor=actor, text=_quoted(details.get("from_text")), count=len(parts))


def _rating_moved_summary(actor: str, details: dict) -> str:
    place, previous_place = details.get("position", 0), details.get("previous_position", 0)
    return _said(
        "rating_moved_up" if place < previous_place else "rating_moved_down",
        actor=actor,
        label=_quoted(details.get("label")),
        place=place + 1,
        previous_place=previous_place + 1,
    )


def _language_names(details: dict) -> dict[str, Any]:
    """The article's languages by name in the reader's language; an older event's stored English
    names when it kept no tags."""
    names = {}
    for key in ("language", "previous_language"):
        if key in details:
            names[f"{key}_name"] = language_name_for_reader(details[key]) or pgettext("no language", "not known")
    return names


# Details whose values are users' own texts, shown quoted.
_QUOTED_FIELDS = (
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


def audit_event_summary(event: AuditEvent) -> str:
    """The event in plain language, in the reader's language (the active one), as the claim page,
    the API and the admin show it. Not HTML: whatever users wrote is quoted as it is, so callers
    escape it like any other text."""
    actor = event.actor_name or gettext("The system")
    details = event.details
    action = event.action
    if action == AuditAction.REVIEW_ASSIGNED:
        return _assignment_summary(actor, details)
    if action == AuditAction.VERDICT_SUBMITTED:
        return _submission_summary(actor, details)
    if action == AuditAction.CLAIM_SPLIT:
        return _claim_split_summary(actor, details)
    if action == AuditAction.CLAIM_MERGED:
        merged = "; ".join(_quoted(text) for text in details.get("merged_texts", []))
        return _said("claim_merged", actor=actor, texts=merged)
    if action == AuditAction.CLAIM_RELEASED:
        status = _worded(_CLAIM_STATUSES, details.get("previous_status"))
        return _said("claim_released", actor=actor, previous_status=status)
    if action == AuditAction.VERDICT_APPROVED:
        key = "verdict_approved_bulk" if details.get("bulk") else "verdict_approved"
        return _said(key, actor=actor, rating=details.get("rating"))
    if action == AuditAction.VERDICT_CORRECTED:
        return _correction_summary(actor, details)
    if action == AuditAction.FACT_CHECK_URL_SET:
        url = details.get("url")
        return _said("fact_check_url_set" if url else "fact_check_url_cleared", actor=actor, url=url)
    if action in (AuditAction.MEMBER_ADDED, AuditAction.MEMBER_ROLE_CHANGED, AuditAction.MEMBER_REMOVED):
        return _membership_summary(actor, action, details)
    if action == AuditAction.RATING_CHANGED:
        return _changes_summary(actor, "rating", "label", details)
    if action == AuditAction.SOURCE_RULE_CHANGED:
        return _changes_summary(actor, "source_rule", "name", details)
    if action == AuditAction.LIBRARY_DOCUMENT_CHANGED:
        return _changes_summary(actor, "library_document", "title", details)
    if action in _WEBHOOK_ACTIONS:
        return _webhook_summary(actor, action, details)
    if action in (AuditAction.ADMIN_ADDED, AuditAction.ADMIN_CHANGED, AuditAction.ADMIN_DELETED):
        return _admin_summary(actor, action, details)
    if action in (AuditAction.SIGN_IN_LOCKED, AuditAction.SIGN_IN_UNLOCKED) or action in _ACCOUNT_SUMMARIES:
        return _account_summary(actor, action, details)
    if action == AuditAction.RATING_MOVED:
        return _rating_moved_summary(actor, details)
    if action == AuditAction.TIPS_SETTING_CHANGED:
        return _said("tips_turned_on" if details.get("takes_tips") else "tips_turned_off", actor=actor)
    if action == AuditAction.TWO_STEP_REQUIREMENT_CHANGED:
        return _said("two_step_required" if details.get("requires_two_step") else "two_step_not_required", actor=actor)
    values = {key: _quoted(value) if key in _QUOTED_FIELDS else value for key, value in details.items()}
    if action == AuditAction.ARTICLE_IMPORTED:
        values["how"] = _worded(_IMPORT_KINDS, details.get("how"))
    if action == AuditAction.ARTICLE_LANGUAGE_SET:
        values.update(_language_names(details))
    if action not in AUDIT_SUMMARIES:
        return _said("other", actor=actor, action=event.get_action_display())
    return _said(action, **{**values, "actor": actor})
