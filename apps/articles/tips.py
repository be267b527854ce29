"""Reader tips: the public's intake. A desk that takes tips (`Desk.takes_tips`) has a public form;
its editors start a check from a tip (an ordinary article import) or close it, and the tipster
follows it on a page only their unguessable link opens.

Nobody signs in to send a tip, so the limits are the desk's: CSRF and a honeypot (the web form),
and at most TIPS_PER_ADDRESS_PER_HOUR tips an hour from one client address, counted in the cache
under a hash of the address. The address itself is never stored.

The one email a tipster may ask for is recorded with the change that calls for it (a check's
first published verdict, or the tip closed) and sent by a worker after commit, like the review
emails: the row is claimed (pending -> sending) before sending, so a message delivered twice
sends one email, and `tip_emails_requeue_stale` publishes again a send whose message was lost.
The address is then erased (`tip_emails_erase`, hourly): once that email is sent or has failed for
good, once the tip is closed or checked with no email waiting, and at the latest TIP_EMAIL_KEEP_DAYS
after the tip came in.
"""

import datetime as dt
import hashlib
import logging
import secrets
import unicodedata

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import EmailValidator
from django.db import transaction
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from apps.core.audit import audit_record
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.failures import Failure, failure_stored
from apps.core.ids import uuid_or_404
from apps.core.models import AuditAction
from apps.core.outbox import (
    MAIL_SERVER_ERRORS,
    EmailOutbox,
    outbox_email_give_up_if_exhausted,
    outbox_email_send_failed,
    outbox_requeue_stale,
)
from apps.core.site import site_url
from apps.desks.models import Desk
from apps.desks.selectors import editable_desk_ids_for_user, membership_require

from .models import Article, Tip, TipEmailStatus, TipStatus
from .parsing import is_storable_url

logger = logging.getLogger(__name__)

TIP_TEXT_MAX_CHARS = 2000
TIP_REASON_MAX_CHARS = 2000
TIP_LINK_MAX_CHARS = 2000
TIP_EMAIL_MAX_CHARS = 254
TIP_PUBLIC_REASON_MAX_CHARS = 1000
_RATE_WINDOW_SECONDS = 3600
# Text a person typed: letters, marks, numbers, punctuation, symbols, spaces and line breaks.
_ALLOWED_CONTROL_CHARACTERS = {"\n", "\r", "\t"}


class TipEmailSendError(Exception):
    """The mail server refused or could not be reached; the send is tried again later."""


TIP_OUTCOME_EMAIL_OUTBOX = EmailOutbox(
    name="tip email",
    status="email_status",
    attempts="email_attempts",
    error="email_error",
    error_detail="email_error_detail",
    attempts_exhausted="tip_email_attempts_exhausted",
    send_error=TipEmailSendError,
)


# --- The public form ------------------------------------------------------------------------------


def tip_desk_get(*, slug: str) -> Desk:
    """The desk that takes tips at `slug`; a desk that does not take them is as unknown as one that
    does not exist (404), so the form tells nobody which desks there are."""
    desk = None
    if "\x00" not in slug:
        desk = Desk.objects.filter(slug=slug, takes_tips=True).first()
    if desk is None:
        raise NotFoundError()
    return desk


def _client_key(client_address: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}|tips|{client_address}".encode()).hexdigest()
    return f"tips:submitted:{digest[:40]}"


def tip_rate_check(*, client_address: str | None) -> None:
    """Count one tip from `client_address` and refuse it (429) past the hourly limit. The count lives
    in the cache, under a hash of the address, for an hour from the first tip."""
    limit = settings.TIPS_PER_ADDRESS_PER_HOUR
    if not limit:
        return
    key = _client_key(client_address or "unknown")
    try:
        cache.add(key, 0, timeout=_RATE_WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=_RATE_WINDOW_SECONDS)
            count = 1
    except redis.RedisError:
        # As the API's rates: a reader's tip is not lost because the cache is down.
        logger.warning("tip rate not checked: the cache is unreachable", exc_info=True)
        return
    if count > limit:
        raise ApplicationError(
            gettext("You have sent %(limit)s tips in the last hour, the most we take from one place. Try again later.")
            % {"limit": limit},
            status=429,
        )


def _unreadable(text: str) -> bool:
    """Whether `text` holds something no person types: NUL and other control characters, or the
    replacement character a wrongly decoded file leaves behind."""
    return any(
        (unicodedata.category(character) in ("Cc", "Cs", "Co") and character not in _ALLOWED_CONTROL_CHARACTERS)
        or character == "\ufffd"
        for character in text
    )


def _text_check(value: str, *, field: str, max_chars: int) -> tuple[str, list[str]]:
    """`value` stripped, and what is wrong with it: whole sentences per field, so each language words them well."""
    value = (value or "").strip()
    messages = _TEXT_MESSAGES[field]
    if not value:
        return "", [str(messages["empty"])] if "empty" in messages else []
    if _unreadable(value):
        return value, [str(messages["unreadable"])]
    if len(value) > max_chars:
        return value, [str(messages["long"]) % {"limit": f"{max_chars:,}", "count": f"{len(value):,}"}]
    return value, []


_TEXT_MESSAGES = {
    "text": {
        "empty": gettext_lazy("Write the claim or question you want checked."),
        "unreadable": gettext_lazy(
            "The claim or question holds characters that are not text; type or paste plain text."
        ),
        "long": gettext_lazy("Keep the claim or question to %(limit)s characters (it has %(count)s)."),
    },
    "reason": {
        "unreadable": gettext_lazy("Why it matters holds characters that are not text; type or paste plain text."),
        "long": gettext_lazy("Keep why it matters to %(limit)s characters (it has %(count)s)."),
    },
    "public_reason": {
        "unreadable": gettext_lazy("The reason holds characters that are not text; type or paste plain text."),
        "long": gettext_lazy("Keep the reason to %(limit)s characters (it has %(count)s)."),
    },
}


def tip_fields_check(*, text: str, link: str = "", reason: str = "", email: str = "") -> dict[str, str]:
    """The tip's fields as they are stored; an ApplicationError naming each refused field (400)."""
    problems: dict[str, list[str]] = {}
    cleaned = {}
    cleaned["text"], problems["text"] = _text_check(text, field="text", max_chars=TIP_TEXT_MAX_CHARS)
    cleaned["reason"], problems["reason"] = _text_check(reason, field="reason", max_chars=TIP_REASON_MAX_CHARS)
    cleaned["link"] = (link or "").strip()
    problems["link"] = []
    if cleaned["link"] and not is_storable_url(cleaned["link"]):
        problems["link"] = [
            gettext("Give a web address that starts with http:// or https://, of at most %(limit)s characters.")
            % {"limit": f"{TIP_LINK_MAX_CHARS:,}"}
        ]
    cleaned["email"] = (email or "").strip()
    problems["email"] = []
    if cleaned["email"]:
        try:
            EmailValidator()(cleaned["email"])
            if len(cleaned["email"]) > TIP_EMAIL_MAX_CHARS:
                raise ValidationError("too long")
        except ValidationError:
            problems["email"] = [gettext("Give an email address such as name@example.org, or leave it empty.")]
    problems = {name: messages for name, messages in problems.items() if messages}
    if problems:
        first = next(iter(problems.values()))[0]
        raise ApplicationError(first, extra={"fields": problems})
    return cleaned


def tip_submit(
    *, desk: Desk, text: str, link: str = "", reason: str = "", email: str = "", client_address: str | None
) -> Tip:
    """A member of the public sends `desk` a tip. Refused (4xx, nothing stored) when the desk does not
    take tips, a field is refused, or the address has sent its hour's tips. The page's language is
    kept, so the outcome email is written in it. Not idempotent: each call is one tip."""
    if not Desk.objects.filter(pk=desk.pk, takes_tips=True).exists():
        raise NotFoundError()
    fields = tip_fields_check(text=text, link=link, reason=reason, email=email)
    tip_rate_check(client_address=client_address)
    tip = Tip(
        desk=desk,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        tracking_token=secrets.token_urlsafe(32),
        **fields,
    )
    tip.save()
    logger.info("reader tip %s received by desk %s", tip.pk, desk.slug)
    return tip


def tip_get_by_token(*, token: str) -> Tip:
    """The tip its tracking link names; 404 for any other token."""
    tip = None
    if token and len(token) <= 64 and "\x00" not in token:
        tip = Tip.objects.select_related("desk", "article").filter(tracking_token=token).first()
    if tip is None:
        raise NotFoundError(gettext("There is no tip at this address. Check the link you kept."))
    return tip


# --- The editors' inbox ---------------------------------------------------------------------------


def tip_list(*, user, desk: Desk | None = None, status: str | None = None) -> QuerySet[Tip]:
    """The tips of the desks the user edits (or of `desk`, which they must edit: 404 outside it, 403
    for its reviewers), new ones first, then newest first."""
    if desk is not None:
        membership_require(user=user, desk=desk, editor=True)
        tips = Tip.objects.filter(desk=desk)
    else:
        tips = Tip.objects.filter(desk_id__in=editable_desk_ids_for_user(user=user))
    if status:
        tips = tips.filter(status=status)
    return tips.select_related("desk", "article").order_by(_new_first(), "-created_at")


def _new_first():
    return Case(When(status=TipStatus.NEW, then=Value(0)), default=Value(1), output_field=IntegerField())


def tip_new_count(*, user, desk: Desk) -> int:
    return Tip.objects.filter(desk=desk, status=TipStatus.NEW).count()


def tip_inbox_summary(*, user) -> dict:
    """The inbox the header links an editor to: their first desk (by name) that takes tips or has
    some, and the new tips of all such desks they edit ({"slug", "new"}); {} for anyone else. One query."""
    desks = list(
        Desk.objects.filter(pk__in=editable_desk_ids_for_user(user=user))
        .annotate(new_tips=Count("tips", filter=Q(tips__status=TipStatus.NEW)), all_tips=Count("tips"))
        .filter(Q(takes_tips=True) | Q(all_tips__gt=0))
        .order_by("name")
        .values_list("slug", "new_tips")
    )
    if not desks:
        return {}
    return {"slug": desks[0][0], "new": sum(new for _slug, new in desks)}


def tip_get(*, user, tip_id) -> Tip:
    """A tip of one of the user's desks: 404 outside them, 403 for the desk's reviewers."""
    tip = (
        Tip.objects.select_related("desk", "article")
        .filter(pk=uuid_or_404(tip_id, not_found=gettext("Tip not found.")))
        .first()
    )
    if tip is None:
        raise NotFoundError(gettext("Tip not found."))
    try:
        membership_require(user=user, desk=tip.desk, editor=True)
    except NotFoundError:
        raise NotFoundError(gettext("Tip not found.")) from None
    return tip


def tips_for_article(*, article: Article) -> list[Tip]:
    """The reader tips a check of `article` started from, for its page."""
    return list(article.reader_tips.order_by("created_at"))


def _tip_audit_text(tip: Tip) -> str:
    return tip.text if len(tip.text) <= 200 else tip.text[:199] + "\u2026"


_ALREADY_HANDLED = {
    TipStatus.NEW: gettext_lazy("This tip is new: start a check from it first."),
    TipStatus.CHECKING: gettext_lazy("This tip is already being checked."),
    TipStatus.CHECKED: gettext_lazy("This tip is already checked."),
    TipStatus.CLOSED: gettext_lazy("This tip is already closed."),
}


def _lock_open_tip(*, user, tip: Tip, allowed: tuple[str, ...]) -> Tip:
    locked = Tip.objects.select_for_update().select_related("desk").get(pk=tip.pk)
    membership_require(user=user, desk=locked.desk, editor=True)
    if locked.status not in allowed:
        raise ApplicationError(str(_ALREADY_HANDLED[locked.status]), status=409)
    return locked


def tip_check_start(*, user, tip: Tip) -> Tip:
    """An editor starts a check from a new tip: the tip's link is imported as any article is (fetched
    through the safe fetcher), or its text when it has none, with everything an import does (claims,
    source links, references); the tip then links to the article. A link that cannot be fetched is
    refused with the import's message (4xx) and the tip stays new. Audited on the article."""
    from .services import article_import

    membership_require(user=user, desk=tip.desk, editor=True)
    if tip.status != TipStatus.NEW:
        _lock_open_tip(user=user, tip=tip, allowed=(TipStatus.NEW,))  # raises the 409
    result = article_import(desk=tip.desk, user=user, url=tip.link or None, text=tip.text)
    with transaction.atomic():
        tip = _lock_open_tip(user=user, tip=tip, allowed=(TipStatus.NEW,))
        tip.status = TipStatus.CHECKING
        tip.article = result.article
        tip.handled_by = user
        tip.handled_at = timezone.now()
        tip.save(update_fields=["status", "article", "handled_by", "handled_at", "updated_at"])
        audit_record(
            action=AuditAction.TIP_CHECK_STARTED,
            actor=user,
            article=result.article,
            details={"tip_id": str(tip.pk), "tip_text": _tip_audit_text(tip), "link": tip.link},
        )
    return tip


@transaction.atomic
def tip_close(*, user, tip: Tip, public_reason: str = "") -> Tip:
    """An editor closes a tip without a check (a new one, or one whose check found nothing to rate),
    with an optional reason the tipster is shown. Emails the tipster if they asked. Audited on the desk."""
    public_reason, problems = _text_check(public_reason, field="public_reason", max_chars=TIP_PUBLIC_REASON_MAX_CHARS)
    if problems:
        raise ApplicationError(problems[0], extra={"fields": {"public_reason": problems}})
    tip = _lock_open_tip(user=user, tip=tip, allowed=(TipStatus.NEW, TipStatus.CHECKING))
    tip.status = TipStatus.CLOSED
    tip.public_reason = public_reason
    tip.handled_by = user
    tip.handled_at = timezone.now()
    tip.save(update_fields=["status", "public_reason", "handled_by", "handled_at", "updated_at"])
    audit_record(
        action=AuditAction.TIP_CLOSED,
        actor=user,
        desk=tip.desk,
        details={"tip_id": str(tip.pk), "tip_text": _tip_audit_text(tip), "public_reason": public_reason},
    )
    _email_record(tip)
    return tip


def tips_verdict_published(*, article_ids) -> int:
    """The articles checks started from tips have a published verdict: those tips are checked, and
    their tipsters emailed. Called by the reviews stage in the approval's transaction; idempotent
    (a tip is checked once). Returns how many tips it checked."""
    tips = list(Tip.objects.select_for_update().filter(article_id__in=article_ids, status=TipStatus.CHECKING))
    now = timezone.now()
    for tip in tips:
        tip.status = TipStatus.CHECKED
        tip.checked_at = now
        tip.save(update_fields=["status", "checked_at", "updated_at"])
        _email_record(tip)
    return len(tips)


# --- The outcome email ----------------------------------------------------------------------------


def _email_record(tip: Tip) -> None:
    if not tip.email or tip.email_status:
        return
    tip.email_status = TipEmailStatus.PENDING
    tip.enqueued_at = timezone.now()
    tip.save(update_fields=["email_status", "enqueued_at", "updated_at"])
    _email_publish(tip.pk)


def _email_publish(tip_id) -> None:
    from .tasks import tip_outcome_email_task

    tip_outcome_email_task.delay_on_commit(str(tip_id))


def tip_tracking_url(tip: Tip) -> str:
    return site_url(reverse("tips:track", kwargs={"token": tip.tracking_token}))


def tip_outcome_email_send(*, tip_id: str) -> Tip | None:
    """Send a tip's outcome email. Idempotent: a row already sent, or being sent by another worker,
    is left alone (None). SMTP trouble puts it back to pending and raises `TipEmailSendError` for the
    task to retry, until NOTIFICATION_MAX_ATTEMPTS; then it is marked failed, as it is when claimed
    again after its attempts ran out without a word (apps.core.outbox)."""
    now = timezone.now()
    # An address erased meanwhile (kept no longer than TIP_EMAIL_KEEP_DAYS) is not written to.
    claimed = (
        Tip.objects.filter(pk=tip_id, email_status=TipEmailStatus.PENDING)
        .exclude(email="")
        .update(
            email_status=TipEmailStatus.SENDING,
            sending_since=now,
            email_attempts=F("email_attempts") + 1,
            updated_at=now,
        )
    )
    if not claimed:
        return None
    tip = Tip.objects.select_related("desk").get(pk=tip_id)
    if outbox_email_give_up_if_exhausted(tip, TIP_OUTCOME_EMAIL_OUTBOX):
        return tip
    try:
        _outcome_message(tip).send()
    except MAIL_SERVER_ERRORS as error:
        return outbox_email_send_failed(tip, TIP_OUTCOME_EMAIL_OUTBOX, error=error)
    tip.email_status = TipEmailStatus.SENT
    tip.email_error, tip.email_error_detail = "", {}
    tip.save(update_fields=["email_status", "email_error", "email_error_detail", "updated_at"])
    return tip


def _outcome_message(tip: Tip) -> EmailMultiAlternatives:
    """The email in the language of the page the tip was written on."""
    with translation.override(tip.language or settings.LANGUAGE_CODE):
        context = {"tip": tip, "desk_name": tip.desk.name, "tracking_url": tip_tracking_url(tip)}
        if tip.status == TipStatus.CLOSED:
            subject = gettext("%(desk)s closed your tip") % {"desk": tip.desk.name}
        else:
            subject = gettext("%(desk)s checked your tip") % {"desk": tip.desk.name}
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("email/tips/outcome.txt", context),
            to=[tip.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(render_to_string("email/tips/outcome.html", context), "text/html")
    return message


def tip_emails_requeue_stale(*, now=None) -> int:
    """Beat: publish again the outcome emails whose message was lost (the outbox relay,
    `outbox_requeue_stale`), NOTIFICATION_STALE_SECONDS after their publish. Returns how many."""
    from .tasks import tip_outcome_email_task

    return outbox_requeue_stale(
        rows=Tip.objects.all(),
        send_task=tip_outcome_email_task,
        stale_seconds=settings.NOTIFICATION_STALE_SECONDS,
        now=now,
        status_field=TIP_OUTCOME_EMAIL_OUTBOX.status,
    )


# --- Keeping the tipster's address no longer than needed ---------------------------------------------


def tip_emails_erase(*, now=None) -> int:
    """Beat: erase the email addresses tipsters gave once they are no longer needed: the outcome
    email was sent or failed for good, the tip was closed or checked with no email waiting, or the
    tip came in more than TIP_EMAIL_KEEP_DAYS ago (an email still waiting then is not sent, and is
    marked failed). A send under way is left to finish; the next run erases its address.

    Idempotent: an erased address is empty and matches nothing. The tracking page keeps working (it
    needs only the token). Audited as a count per desk, never the addresses. Returns how many."""
    now = now or timezone.now()
    expired = Q(created_at__lt=now - dt.timedelta(days=settings.TIP_EMAIL_KEEP_DAYS))
    no_longer_needed = (
        Q(email_status__in=(TipEmailStatus.SENT, TipEmailStatus.FAILED))
        | Q(status__in=(TipStatus.CLOSED, TipStatus.CHECKED), email_status=TipEmailStatus.NONE)
        | (expired & ~Q(email_status=TipEmailStatus.SENDING))
    )
    erased_by_desk: dict = {}
    with transaction.atomic():
        tips = list(
            Tip.objects.select_for_update(skip_locked=True)
            .filter(no_longer_needed)
            .exclude(email="")
            .values_list("pk", "desk_id", "email_status")
        )
        waiting = [pk for pk, _desk_id, email_status in tips if email_status == TipEmailStatus.PENDING]
        reason, reason_detail = failure_stored(
            Failure.of("tip_email_address_erased", days=settings.TIP_EMAIL_KEEP_DAYS)
        )
        Tip.objects.filter(pk__in=waiting).update(
            email_status=TipEmailStatus.FAILED, email_error=reason, email_error_detail=reason_detail
        )
        Tip.objects.filter(pk__in=[pk for pk, _desk_id, _status in tips]).update(
            email="", email_erased_at=now, updated_at=now
        )
        for _pk, desk_id, _status in tips:
            erased_by_desk[desk_id] = erased_by_desk.get(desk_id, 0) + 1
        for desk in Desk.objects.filter(pk__in=erased_by_desk):
            audit_record(
                action=AuditAction.TIP_EMAILS_ERASED, actor=None, desk=desk, details={"count": erased_by_desk[desk.pk]}
            )
    if tips:
        logger.info("erased the email addresses of %s reader tips", len(tips))
    return len(tips)
