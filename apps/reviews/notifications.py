"""Email notifications about review work: recording them with their event, sending them, and each
person's choice of which kinds they get.

Each event records one `Notification` row per recipient inside the event's own transaction, so an
email is never lost to a crash between the event and its sending, nor sent for an event that
rolled back. The row's task is published after commit; `notifications_requeue_stale` (celery
beat) publishes again the rows whose message was lost. Sending claims the row with a conditional
UPDATE (pending -> sending), so a message delivered twice, or to two workers at once, sends one
email. A worker that dies after the SMTP server took the message but before the row says "sent"
leaves it to the sweeper, which sends it again: at least once, as for every task here.

Nobody is emailed about what they did themselves, nor without an address, while inactive, off the
task's desk, or after turning the kind off. Those checks run when the row is written and again
when it is sent, since minutes or retries may pass in between.
"""

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.claims.models import ClaimStatus
from apps.core.exceptions import ApplicationError
from apps.core.failures import Failure, failure_stored
from apps.core.interface_language import email_language_for
from apps.core.outbox import (
    MAIL_SERVER_ERRORS,
    EmailOutbox,
    outbox_email_give_up_if_exhausted,
    outbox_email_send_failed,
    outbox_requeue_stale,
)
from apps.core.site import site_url
from apps.desks.models import Membership, Role

from .models import Notification, NotificationKind, NotificationOptOut, NotificationStatus, ReviewTask, Verdict
from .selectors import OPEN_STATUSES, review_task_is_overdue

EDITOR_ROLES = (Role.ADMIN, Role.EDITOR)


class NotificationSendError(Exception):
    """The mail server refused or could not be reached; the send is tried again later."""


NOTIFICATION_OUTBOX = EmailOutbox(
    name="notification",
    status="status",
    attempts="attempts",
    error="last_error",
    error_detail="last_error_detail",
    attempts_exhausted="notification_attempts_exhausted",
    send_error=NotificationSendError,
)


# --- Preferences ----------------------------------------------------------------------------


def notification_settings_get(*, user) -> dict[str, bool]:
    """Which kinds of email the user gets: {kind: on}; every kind is on until they turn it off."""
    off = set(NotificationOptOut.objects.filter(user=user).values_list("kind", flat=True))
    return {kind: kind not in off for kind in NotificationKind.values}


@transaction.atomic
def notification_settings_update(*, user, changes: dict[str, bool]) -> dict[str, bool]:
    """Turn kinds of email on or off for the user; kinds not named keep their setting. Idempotent."""
    unknown = set(changes) - set(NotificationKind.values)
    if unknown:
        raise ApplicationError(
            _("There is no kind of email called %(kinds)s.") % {"kinds": ", ".join(sorted(unknown))},
            extra={"kinds": NotificationKind.values},
        )
    turned_on = [kind for kind, on in changes.items() if on]
    turned_off = [kind for kind, on in changes.items() if not on]
    NotificationOptOut.objects.filter(user=user, kind__in=turned_on).delete()
    NotificationOptOut.objects.bulk_create(
        [NotificationOptOut(user=user, kind=kind) for kind in turned_off], ignore_conflicts=True
    )
    return notification_settings_get(user=user)


# --- Recording, at each event -----------------------------------------------------------------


def _reachable(memberships: QuerySet[Membership], *, kind: str, actor=None) -> QuerySet[Membership]:
    memberships = (
        memberships.filter(user__is_active=True)
        .exclude(user__email="")
        .exclude(user__notification_opt_outs__kind=kind)
        .select_related("user")
    )
    if actor is not None:
        memberships = memberships.exclude(user=actor)
    return memberships


def _event_key(tasks: Iterable[ReviewTask], mark) -> str:
    """Names the event: the tasks and, per task, what changed (its verdict revision, or the time
    of an assignment), so repeating a service that did nothing new records nothing new."""
    parts = sorted(f"{task.pk}@{mark(task)}" for task in tasks)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


def _record(
    *, recipient, kind: str, tasks: list[ReviewTask], event_key: str, actor=None, note: str = ""
) -> Notification | None:
    """Write the row in the caller's transaction and publish it after commit; None if this event
    was recorded already."""
    if not tasks:
        return None
    notification, created = Notification.objects.get_or_create(
        dedupe_key=f"{kind}:{recipient.pk}:{event_key}",
        defaults={"recipient": recipient, "kind": kind, "actor": actor, "note": note, "enqueued_at": timezone.now()},
    )
    if not created:
        return None
    notification.tasks.set(tasks)
    _publish(notification.pk)
    return notification


def _publish(notification_id) -> None:
    from .tasks import notification_send_task

    notification_send_task.delay_on_commit(str(notification_id))


def _by_desk(tasks: Iterable[ReviewTask]) -> dict:
    grouped = defaultdict(list)
    for task in tasks:
        grouped[task.claim.article.desk_id].append(task)
    return grouped


def notify_tasks_assigned(*, editor, assignee, tasks: list[ReviewTask]) -> None:
    """Tell the reviewer about tasks newly assigned to them: one email for the whole assignment.

    `tasks` must carry `claim__article` and their `updated_at` as the assignment set it.
    """
    reachable_desk_ids = set(
        _reachable(
            Membership.objects.filter(user=assignee, desk_id__in=_by_desk(tasks)),
            kind=NotificationKind.TASK_ASSIGNED,
            actor=editor,
        ).values_list("desk_id", flat=True)
    )
    mine = [task for task in tasks if task.claim.article.desk_id in reachable_desk_ids]
    _record(
        recipient=assignee,
        kind=NotificationKind.TASK_ASSIGNED,
        tasks=mine,
        actor=editor,
        event_key=_event_key(mine, lambda task: task.updated_at.isoformat()),
    )


def notify_verdict_submitted(*, reviewer, task: ReviewTask) -> None:
    """Tell the editor who assigned the task that its verdict awaits approval.

    Only that editor: they asked for the verdict and are waiting for it, and telling every editor
    of a busy desk about every verdict would teach them to ignore the emails. If the assigning
    editor cannot be told (no longer an editor of the desk, account closed, no email address), the
    desk's editors are told instead, so a verdict never waits unseen. An assigning editor who turned
    the kind off is not replaced: they chose to look for themselves.
    """
    desk_editors = Membership.objects.filter(desk_id=task.claim.article.desk_id, role__in=EDITOR_ROLES)
    assigner = desk_editors.filter(user_id=task.assigned_by_id, user__is_active=True).exclude(user__email="")
    recipients = assigner if task.assigned_by_id and assigner.exists() else desk_editors
    event_key = _event_key([task], lambda task: task.verdict_revision)
    for membership in _reachable(recipients, kind=NotificationKind.VERDICT_SUBMITTED, actor=reviewer):
        _record(
            recipient=membership.user,
            kind=NotificationKind.VERDICT_SUBMITTED,
            tasks=[task],
            event_key=event_key,
            actor=reviewer,
        )


def notify_verdict_returned(*, editor, task: ReviewTask) -> None:
    """Tell the reviewer their verdict came back, with the editor's note as it was written."""
    _notify_assignee(editor=editor, task=task, kind=NotificationKind.VERDICT_RETURNED, note=task.editor_note)


def notify_verdict_reopened(*, editor, task: ReviewTask) -> None:
    """Tell the reviewer an editor reopened their approved verdict for correction, with the note."""
    _notify_assignee(editor=editor, task=task, kind=NotificationKind.VERDICT_REOPENED, note=task.editor_note)


def notify_correction_withdrawn(*, editor, task: ReviewTask, note: str) -> None:
    """Tell the reviewer asked to correct a verdict that the editor withdrew the correction (`note`
    is the reopening's): there is nothing to revise, and a draft they saved towards it is gone."""
    _notify_assignee(editor=editor, task=task, kind=NotificationKind.CORRECTION_WITHDRAWN, note=note)


def _notify_assignee(*, editor, task: ReviewTask, kind: str, note: str) -> None:
    if task.assignee_id is None:
        return
    membership = _reachable(
        Membership.objects.filter(desk_id=task.claim.article.desk_id, user_id=task.assignee_id),
        kind=kind,
        actor=editor,
    ).first()
    if membership is not None:
        _record(
            recipient=membership.user,
            kind=kind,
            tasks=[task],
            event_key=_event_key([task], lambda task: task.verdict_revision),
            actor=editor,
            note=note,
        )


def notify_verdicts_approved(*, editor, tasks: list[ReviewTask]) -> None:
    """Tell each reviewer which of their verdicts were approved: one email per reviewer, however
    many of their verdicts one approval (a bulk one) covers. `tasks` carry their `verdict`."""
    by_reviewer = defaultdict(list)
    for task in tasks:
        by_reviewer[task.verdict.reviewer_id].append(task)
    memberships = _reachable(
        Membership.objects.filter(user_id__in=by_reviewer, desk_id__in=_by_desk(tasks)),
        kind=NotificationKind.VERDICT_APPROVED,
        actor=editor,
    )
    desks_of = defaultdict(set)
    users = {}
    for membership in memberships:
        desks_of[membership.user_id].add(membership.desk_id)
        users[membership.user_id] = membership.user
    for user_id, user in users.items():
        theirs = [task for task in by_reviewer[user_id] if task.claim.article.desk_id in desks_of[user_id]]
        _record(
            recipient=user,
            kind=NotificationKind.VERDICT_APPROVED,
            tasks=theirs,
            event_key=_event_key(theirs, lambda task: task.verdict_revision),
            actor=editor,
        )


def _overdue_tasks(*, today: dt.date) -> QuerySet[ReviewTask]:
    return ReviewTask.objects.filter(
        status__in=OPEN_STATUSES, due_date__lt=today, claim__status=ClaimStatus.ACTIVE
    ).select_related("claim__article")


@transaction.atomic
def overdue_digest_record(*, today: dt.date | None = None) -> int:
    """The day's digests: each reviewer's own overdue claims, and to each editor (and admin) the
    overdue claims of their desks. One email a person a day, however often it runs. Returns how
    many were recorded."""
    today = today or timezone.localdate()
    overdue = list(_overdue_tasks(today=today))
    by_desk = _by_desk(overdue)
    memberships = _reachable(Membership.objects.filter(desk_id__in=by_desk), kind=NotificationKind.OVERDUE_DIGEST)
    digests = defaultdict(dict)
    users = {}
    for membership in memberships:
        users[membership.user_id] = membership.user
        for task in by_desk[membership.desk_id]:
            if membership.role in EDITOR_ROLES or task.assignee_id == membership.user_id:
                digests[membership.user_id][task.pk] = task
    recorded = 0
    for user_id, tasks in digests.items():
        recorded += bool(
            _record(
                recipient=users[user_id],
                kind=NotificationKind.OVERDUE_DIGEST,
                tasks=list(tasks.values()),
                event_key=today.isoformat(),
            )
        )
    return recorded


# --- Sending ----------------------------------------------------------------------------------


def notification_send(*, notification_id: str) -> Notification | None:
    """Send one recorded email. Idempotent: a row already sent, skipped or being sent by another
    worker is left alone (None).

    SMTP trouble puts the row back to pending with the error and raises `NotificationSendError`
    for the task to retry; after NOTIFICATION_MAX_ATTEMPTS the row is marked failed instead, as it
    is when claimed again after its attempts ran out without a word (apps.core.outbox).
    """
    now = timezone.now()
    claimed = Notification.objects.filter(pk=notification_id, status=NotificationStatus.PENDING).update(
        status=NotificationStatus.SENDING, sending_since=now, attempts=F("attempts") + 1, updated_at=now
    )
    if not claimed:
        return None
    notification = Notification.objects.select_related("recipient", "actor").get(pk=notification_id)
    if outbox_email_give_up_if_exhausted(notification, NOTIFICATION_OUTBOX):
        return notification
    reason = _undeliverable_reason(notification)
    tasks = [] if reason else _deliverable_tasks(notification)
    if not reason and not tasks:
        reason = Failure.of("notification_nothing_concerns")
    if reason:
        return _finish(notification, NotificationStatus.SKIPPED, error=reason)
    try:
        _message(notification, tasks).send()
    except MAIL_SERVER_ERRORS as error:
        return outbox_email_send_failed(notification, NOTIFICATION_OUTBOX, error=error)
    notification.sent_at = timezone.now()
    return _finish(notification, NotificationStatus.SENT, error="")


def _finish(notification: Notification, status: str, *, error: Failure | str) -> Notification:
    """Record how a row ended; `error` is why it was not sent ("" once sent)."""
    notification.status = status
    notification.last_error, notification.last_error_detail = failure_stored(error)
    notification.save(update_fields=["status", "last_error", "last_error_detail", "sent_at", "updated_at"])
    return notification


def _undeliverable_reason(notification: Notification) -> Failure | None:
    recipient = notification.recipient
    if not recipient.is_active:
        return Failure.of("notification_recipient_closed")
    if not recipient.email:
        return Failure.of("notification_no_email")
    if NotificationOptOut.objects.filter(user=recipient, kind=notification.kind).exists():
        return Failure.of("notification_opted_out")
    return None


def _deliverable_tasks(notification: Notification) -> list[ReviewTask]:
    """The row's tasks that still concern its recipient: on a desk they are still on (as an
    editor, for editors' emails), still assigned to them (assignments, returns) or still overdue
    (digest)."""
    recipient = notification.recipient
    tasks = list(
        notification.tasks.select_related("claim__article", "assignee", "verdict__rating")
        .prefetch_related("verdict__corrections")
        .order_by(F("due_date").asc(nulls_last=True), "claim__article__created_at", "claim__start")
    )
    roles = dict(Membership.objects.filter(user=recipient, desk_id__in=_by_desk(tasks)).values_list("desk_id", "role"))
    digest_day = timezone.localdate(notification.created_at)

    def concerns_recipient(task: ReviewTask) -> bool:
        role = roles.get(task.claim.article.desk_id)
        if role is None:
            return False
        is_theirs = task.assignee_id == recipient.pk
        match notification.kind:
            case (
                NotificationKind.TASK_ASSIGNED
                | NotificationKind.VERDICT_RETURNED
                | NotificationKind.VERDICT_REOPENED
                | NotificationKind.CORRECTION_WITHDRAWN
            ):
                # A returned (or reopened) task reassigned since is the new reviewer's to revise.
                return is_theirs
            case NotificationKind.VERDICT_SUBMITTED:
                return role in EDITOR_ROLES
            case NotificationKind.OVERDUE_DIGEST:
                return (
                    task.claim.status == ClaimStatus.ACTIVE
                    and review_task_is_overdue(task=task, today=digest_day)
                    and (is_theirs or role in EDITOR_ROLES)
                )
        return True

    return [task for task in tasks if concerns_recipient(task)]


def notifications_requeue_stale(*, now: dt.datetime | None = None) -> int:
    """Publish again the emails whose message was lost (the outbox relay, `outbox_requeue_stale`),
    NOTIFICATION_STALE_SECONDS after their publish. Returns how many."""
    from .tasks import notification_send_task

    return outbox_requeue_stale(
        rows=Notification.objects.all(),
        send_task=notification_send_task,
        stale_seconds=settings.NOTIFICATION_STALE_SECONDS,
        now=now,
    )


def notifications_prune(*, now: dt.datetime | None = None) -> int:
    """Delete the outbox rows finished (sent, skipped or failed) longer than
    NOTIFICATION_KEEP_DAYS ago, so the table does not grow for ever. Returns how many."""
    now = now or timezone.now()
    finished = (NotificationStatus.SENT, NotificationStatus.SKIPPED, NotificationStatus.FAILED)
    old = Notification.objects.filter(
        status__in=finished, updated_at__lt=now - dt.timedelta(days=settings.NOTIFICATION_KEEP_DAYS)
    )
    _, deleted = old.delete()
    return deleted.get(Notification._meta.label, 0)  # not counting the rows linking them to tasks


# --- The message ------------------------------------------------------------------------------


def _one_line(text: str, chars: int) -> str:
    # Subjects and list items take no line breaks (a header with one is refused).
    return Truncator(" ".join(text.split())).chars(chars)


def _subject(notification: Notification, tasks: list[ReviewTask]) -> str:
    count = len(tasks)
    # Quoted as the reader's language quotes («…» in Spanish and French).
    claim = _("“%(claim)s”") % {"claim": _one_line(tasks[0].claim.text, 60)}
    match notification.kind:
        case NotificationKind.TASK_ASSIGNED:
            if count == 1:
                return _("Assigned to you: %(claim)s") % {"claim": claim}
            return ngettext("%(count)s claim assigned to you", "%(count)s claims assigned to you", count) % {
                "count": count
            }
        case NotificationKind.VERDICT_SUBMITTED:
            return _("Verdict to approve: %(claim)s") % {"claim": claim}
        case NotificationKind.VERDICT_RETURNED:
            return _("Your verdict was returned: %(claim)s") % {"claim": claim}
        case NotificationKind.VERDICT_REOPENED:
            return _("Your approved verdict was reopened for correction: %(claim)s") % {"claim": claim}
        case NotificationKind.CORRECTION_WITHDRAWN:
            return _("Correction withdrawn, nothing to revise: %(claim)s") % {"claim": claim}
        case NotificationKind.VERDICT_APPROVED:
            if count == 1:
                return _("Your verdict was approved: %(claim)s") % {"claim": claim}
            return ngettext(
                "%(count)s of your verdicts was approved", "%(count)s of your verdicts were approved", count
            ) % {"count": count}
    return _("Overdue claims: %(count)s") % {"count": count}


def _name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


VERDICT_KINDS = (
    NotificationKind.VERDICT_SUBMITTED,
    NotificationKind.VERDICT_RETURNED,
    NotificationKind.VERDICT_APPROVED,
    NotificationKind.VERDICT_REOPENED,
    NotificationKind.CORRECTION_WITHDRAWN,
)


def _task_context(task: ReviewTask, *, kind: str) -> dict:
    context = {
        "claim": _one_line(task.claim.text, 200),
        "article_title": task.claim.article.title,
        "due_date": task.due_date,
        "assignee": _name(task.assignee),
        "url": site_url(reverse("claims:detail", kwargs={"claim_id": task.claim_id})),
    }
    if kind in VERDICT_KINDS and hasattr(task, "verdict"):
        context.update(_verdict_rating_context(task.verdict, kind=kind, language=task.claim.article.language))
    return context


def _verdict_rating_context(verdict: Verdict, *, kind: str, language: str) -> dict:
    """The rating an email about a verdict names, in the article's language as the claim page, the approval
    queue and the exports name it (whatever language the email is in): the rating a reopened verdict was
    published with, else the verdict's. An approval that closed a correction says whether the rating changed.
    `verdict` carries its `rating` and `corrections`."""
    corrections = list(verdict.corrections.all())
    latest = corrections[-1] if corrections else None
    if kind == NotificationKind.VERDICT_REOPENED and latest is not None:
        return {"rating": latest.previous_rating_label_for(language)}
    # Approving a corrected verdict closes its correction at the approval's own moment.
    if kind == NotificationKind.VERDICT_APPROVED and latest is not None and latest.corrected_at == verdict.approved_at:
        rating_change = latest.rating_change_for(language)
        rating = rating_change.rating if rating_change else verdict.rating.label_for(language)
        return {"rating": rating, "corrected": True, "rating_change": rating_change}
    return {"rating": verdict.rating.label_for(language)}


def _message(notification: Notification, tasks: list[ReviewTask]) -> EmailMultiAlternatives:
    """The email in its recipient's language (`email_language_for`); ratings stay in the article's."""
    recipient = notification.recipient
    with translation.override(email_language_for(recipient)):
        kind = notification.kind
        task_contexts = [(task, _task_context(task, kind=kind)) for task in tasks]
        context = {
            "recipient_name": recipient.get_short_name() or recipient.get_username(),
            "actor_name": _name(notification.actor),
            "tasks": [task_context for _task, task_context in task_contexts],
            # The digest: the recipient's own overdue work first, then the rest of their desks'.
            "own_tasks": [task_context for task, task_context in task_contexts if task.assignee_id == recipient.pk],
            "desk_tasks": [task_context for task, task_context in task_contexts if task.assignee_id != recipient.pk],
            "note": notification.note,
            "queue_url": site_url(reverse("reviews:queue")),
            "settings_url": site_url(reverse("account:notifications")),
            "kind_label": str(NotificationKind(kind).label),
        }
        template = f"email/reviews/{kind}"
        message = EmailMultiAlternatives(
            subject=_subject(notification, tasks),
            body=render_to_string(f"{template}.txt", context),
            to=[recipient.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
