import datetime as dt
import logging
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from apps.core.audit import audit_record
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.failures import Failure
from apps.core.languages import language_code_normalize, language_is_english, language_name
from apps.core.models import AuditAction
from apps.core.site import site_url
from apps.desks.models import Desk, WebhookEvent
from apps.desks.selectors import membership_require
from apps.desks.webhooks import webhook_event_record

from .language import language_detect
from .models import Article, IntakeStatus, SourceKind
from .parsing import (
    ArticleInputError,
    ParsedArticle,
    content_hash,
    is_storable_url,
    parse_html,
    parse_pasted,
    parse_upload,
    upload_max_bytes,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool


def article_import(
    *,
    desk: Desk,
    user,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "",
    url: str | None = None,
    language: str | None = None,
) -> ImportResult:
    """Import whichever the editor handed in: an uploaded file's bytes, a URL, or pasted text.
    `language` is the editor's BCP 47 tag for it; None detects it from the text."""
    if data is not None:
        return article_import_file(desk=desk, user=user, data=data, filename=filename, language=language)
    if url:
        return article_import_url(desk=desk, user=user, url=url, language=language)
    return article_import_text(desk=desk, user=user, text=text or "", language=language)


def article_upload_max_bytes() -> int:
    """The largest uploaded file an import accepts. Views read one byte more than this, so that a
    larger file is refused without being read into memory whole."""
    return upload_max_bytes(settings.ARTICLE_MAX_BYTES)


def article_import_text(
    *, desk: Desk, user, text: str, source_kind: str = SourceKind.PASTE, language: str | None = None
) -> ImportResult:
    """Import pasted text, Markdown or HTML. See `article_create` for side effects."""
    parsed = parse_pasted(text, max_bytes=settings.ARTICLE_MAX_BYTES)
    return article_create(desk=desk, user=user, parsed=parsed, source_kind=source_kind, language=language)


def article_import_file(
    *,
    desk: Desk,
    user,
    data: bytes,
    filename: str,
    source_kind: str = SourceKind.UPLOAD,
    intake_inline: bool | None = None,
    language: str | None = None,
) -> ImportResult:
    """Import an uploaded .txt, .md, .html, .docx or .pdf file. See `article_create` for side effects."""
    parsed = parse_upload(data, filename=filename, max_bytes=settings.ARTICLE_MAX_BYTES)
    return article_create(
        desk=desk,
        user=user,
        parsed=parsed,
        source_kind=source_kind,
        original_filename=filename,
        intake_inline=intake_inline,
        language=language,
    )


def article_import_url(
    *, desk: Desk, user, url: str, intake_inline: bool | None = None, language: str | None = None
) -> ImportResult:
    """Fetch a web page through the safe fetcher and import its main text.

    A refused or failed fetch raises ArticleInputError and stores nothing. The page may be as
    large as the fetcher allows (news pages carry much markup and script); its main text is
    held to the same limit as an uploaded article, before any claim extraction.
    """
    from apps.core.http import FetchError, ResponseTooLargeError, fetch_article_html

    try:
        html, final_url = fetch_article_html(url)
    except ResponseTooLargeError as error:
        limit = settings.HTTP_MAX_RESPONSE_BYTES
        raise ArticleInputError(
            _("Could not import %(url)s: the page is larger than %(limit)s bytes.")
            % {"url": url, "limit": f"{limit:,}"},
            extra={"limit": limit},
            status=413,
        ) from error
    except FetchError as error:
        raise ArticleInputError(
            _("Could not import %(url)s: %(error)s") % {"url": url, "error": error.for_reader}, status=422
        ) from error
    # A redirect can end on an address too long to keep; the one the editor gave names the page too.
    parsed = parse_html(html, url=final_url if is_storable_url(final_url) else url)
    limit = settings.ARTICLE_MAX_BYTES
    if len(parsed.body.encode()) > limit:
        raise ArticleInputError(
            _("Could not import %(url)s: its text is larger than %(limit)s bytes, the limit for an imported article.")
            % {"url": url, "limit": f"{limit:,}"},
            extra={"limit": limit},
            status=413,
        )
    return article_create(
        desk=desk, user=user, parsed=parsed, source_kind=SourceKind.URL, intake_inline=intake_inline, language=language
    )


def article_create(
    *,
    desk: Desk,
    user,
    parsed: ParsedArticle,
    source_kind: str,
    original_filename: str = "",
    intake_inline: bool | None = None,
    language: str | None = None,
) -> ImportResult:
    """Store a parsed article and run the intake steps (claims, source links, review tasks,
    reference jobs) in one transaction, so a failing step leaves nothing behind.

    An article over ARTICLE_INLINE_INTAKE_MAX_BYTES (or any, with `intake_inline=False`) is
    stored with its intake queued instead, and a worker runs the steps (`article_intake_run`),
    so the import returns in moments whatever the article's length.

    `language` is the editor's BCP 47 tag for the article (a malformed one is a 400); None detects
    it from the text, and "" says it is not known. An editor's English is trusted the way a later
    correction to English is: claim extraction skips its own English check (`language_from_editor`).

    Idempotent per desk: the same body imported again returns the existing article, language and all.
    Reference gathering is queued by an intake step and published only after commit.
    """
    if intake_inline is None:
        intake_inline = len(parsed.body.encode()) <= settings.ARTICLE_INLINE_INTAKE_MAX_BYTES
    language_from_editor = language is not None
    language = _language_check(language) if language_from_editor else language_detect(parsed.body)
    digest = content_hash(parsed.body)
    existing = Article.objects.filter(desk=desk, content_hash=digest).first()
    if existing is not None:
        return ImportResult(article=existing, created=False)
    try:
        with transaction.atomic():
            article = Article(
                desk=desk,
                title=parsed.title,
                byline=parsed.byline,
                outlet=parsed.outlet,
                published_on=parsed.published_on,
                source_url=parsed.source_url,
                body=parsed.body,
                language=language,
                language_from_editor=language_from_editor,
                content_hash=digest,
                source_kind=source_kind,
                original_filename=original_filename[:255],
                imported_by=user if user is not None and user.is_authenticated else None,
                intake_status=IntakeStatus.DONE if intake_inline else IntakeStatus.QUEUED,
                intake_queued_at=None if intake_inline else timezone.now(),
            )
            try:
                article.full_clean(exclude=["content_hash"])
            except ValidationError as error:
                raise _article_input_error(error) from error
            article.save()
            audit_record(
                action=AuditAction.ARTICLE_IMPORTED, actor=user, article=article, details=_import_details(article)
            )
            if intake_inline:
                _intake_steps_run(article)
                _webhook_article_imported(article)
            else:
                _intake_publish(article.pk)
    except IntegrityError:
        # A concurrent import of the same body won the race; theirs is the article.
        existing = Article.objects.filter(desk=desk, content_hash=digest).first()
        if existing is None:
            raise
        return ImportResult(article=existing, created=False)
    logger.info("imported article %s into desk %s", article.pk, desk.slug)
    return ImportResult(article=article, created=True)


def _import_details(article: Article) -> dict:
    return {
        "title": article.title,
        # English whatever the importer's language: the audit trail words it for each reader (apps.core.audit).
        "how": _english_label(SourceKind(article.source_kind).label),
        "filename": article.original_filename,
        "url": article.source_url,
        "language": article.language,
    }


def _english_label(label) -> str:
    with translation.override(None):
        return str(label)


def _language_check(language: str) -> str:
    """The editor's language tag in its conventional case; a 400 naming the field when malformed."""
    try:
        return language_code_normalize(language)
    except ValidationError as error:
        raise ApplicationError(error.messages[0], extra={"fields": {"language": error.messages}}) from error


def _article_input_error(error: ValidationError) -> ArticleInputError:
    """The parsers keep every field within the model's rules; should one slip through, say which
    part of the article was refused instead of naming model fields the editor never sent."""
    problems = [
        " ".join(messages)
        if name == NON_FIELD_ERRORS
        else f"{Article._meta.get_field(name).verbose_name}: {' '.join(messages)}"
        for name, messages in error.message_dict.items()
    ]
    return ArticleInputError(_("The article could not be stored (%(problems)s).") % {"problems": "; ".join(problems)})


def _webhook_article_imported(article: Article) -> None:
    """Tell the desk's webhooks an article is in with its claims found (once its intake is done,
    in the intake's transaction)."""
    claim_count = article.claims.count()
    url = site_url(reverse("articles:detail", kwargs={"article_id": article.pk}))
    importer = article.imported_by.get_username() if article.imported_by_id else None
    webhook_event_record(
        desk=article.desk,
        event=WebhookEvent.ARTICLE_IMPORTED,
        data={
            "article": {
                "id": str(article.pk),
                "title": article.title,
                "outlet": article.outlet,
                "source_url": article.source_url,
                "claim_count": claim_count,
                "url": url,
                "language": article.language,
            },
            "imported_by": importer,
        },
        summary=f"Imported “{article.title or 'Untitled article'}”: {claim_count} claims found.",
        link=url,
    )


def intake_steps():
    return [import_string(path) for path in settings.ARTICLE_INTAKE_STEPS]


def _intake_steps_run(article: Article) -> None:
    for step in intake_steps():
        step(article=article)


def _intake_publish(article_id) -> None:
    from .tasks import article_intake_task

    article_intake_task.delay_on_commit(str(article_id))


def article_intake_run(*, article_id: str) -> Article | None:
    """Run a queued article's intake steps on a worker. Idempotent: an article whose intake is
    done, failed or gone is left alone, so a message delivered twice does nothing the second time.

    The steps run in one transaction, so a worker that dies part-way leaves no half-made claims;
    the article stays `running` until `article_intakes_requeue_stale` publishes it again, and
    after ARTICLE_INTAKE_MAX_ATTEMPTS starts it is marked failed rather than tried forever.
    Extraction is deterministic, so an error is recorded as a failure, not retried.

    The `article.imported` webhook event is recorded with the first intake that finishes. The run an
    editor's correction to English starts (`article_language_set`) records none: the article was
    imported, and announced, when extraction refused it; the claims found now reach webhooks as
    they are assigned (`claim.assigned`).
    """
    if not _intake_start(article_id):
        return None
    try:
        with transaction.atomic():
            article = Article.objects.select_for_update().filter(pk=article_id).first()
            if article is None or article.intake_status != IntakeStatus.RUNNING:
                return article
            # A stored refusal was written by an earlier intake that finished, in the transaction that
            # announced the import; it stays until this run replaces it, also when a run fails and is retried.
            imported_before = import_string(settings.ARTICLE_EXTRACTION_REFUSED_CHECK)(article=article)
            _intake_steps_run(article)
            article.intake_status = IntakeStatus.DONE
            article.intake_error = ""
            article.intake_error_detail = {}
            article.save(update_fields=["intake_status", "intake_error", "intake_error_detail", "updated_at"])
            if not imported_before:
                _webhook_article_imported(article)
    except SoftTimeLimitExceeded:
        minutes = settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS // 60
        return _intake_fail(article_id, Failure.of("intake_time_limit", minutes=minutes))
    except Exception:
        logger.exception("intake of article %s failed", article_id)
        return _intake_fail(article_id, Failure.of("intake_internal_error"))
    logger.info("intake of article %s done", article_id)
    return article


def _intake_start(article_id: str) -> bool:
    """Mark a queued (or stale running) intake as running and count the attempt; False when
    there is nothing to run."""
    with transaction.atomic():
        # A running intake holds the row for minutes; a second delivery of its message leaves at
        # once instead of keeping a worker waiting behind it.
        article = Article.objects.select_for_update(skip_locked=True).filter(pk=article_id).first()
        if article is None or not article.intake_pending:
            return False
        if article.intake_attempts >= settings.ARTICLE_INTAKE_MAX_ATTEMPTS:
            _intake_fail(article_id, Failure.of("intake_attempts_exhausted", attempts=article.intake_attempts))
            return False
        article.intake_status = IntakeStatus.RUNNING
        article.intake_started_at = timezone.now()
        article.intake_attempts += 1
        article.save(update_fields=["intake_status", "intake_started_at", "intake_attempts", "updated_at"])
    return True


def _intake_fail(article_id: str, failure: Failure) -> Article | None:
    Article.objects.filter(pk=article_id).update(
        intake_status=IntakeStatus.FAILED,
        intake_error=failure.english()[:500],
        intake_error_detail=failure.detail,
        updated_at=timezone.now(),
    )
    return Article.objects.filter(pk=article_id).first()


@transaction.atomic
def article_intake_retry(*, article: Article, user) -> Article:
    """Queue a failed intake again (an editor's "Try again"), with a fresh count of attempts."""
    membership_require(user=user, desk=article.desk, editor=True)
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.intake_status != IntakeStatus.FAILED:
        raise ApplicationError(_("Only an article whose claims could not be found can be tried again."), status=409)
    audit_record(
        action=AuditAction.INTAKE_RETRIED, actor=user, article=article, details={"error": article.intake_error}
    )
    _intake_queue_again(article)
    return article


def _intake_queue_again(article: Article) -> None:
    """Queue the article's intake for a worker, with a fresh count of attempts (in the caller's
    transaction, which holds the row); the task is published after commit."""
    article.intake_status = IntakeStatus.QUEUED
    article.intake_queued_at = timezone.now()
    article.intake_attempts = 0
    article.intake_error = ""
    article.intake_error_detail = {}
    article.save(
        update_fields=[
            "intake_status",
            "intake_queued_at",
            "intake_attempts",
            "intake_error",
            "intake_error_detail",
            "updated_at",
        ]
    )
    _intake_publish(article.pk)


def article_intakes_requeue_stale(*, now: dt.datetime | None = None) -> int:
    """Publish again the intakes whose message was lost (the outbox relay). Returns how many.

    Queued intakes older than ARTICLE_INTAKE_STALE_SECONDS lost their publish (a crash between
    commit and publish, or the broker was down). Running ones older than the task's time limit
    lost their worker. Publishing again is safe: `article_intake_run` is idempotent and counts
    attempts.
    """
    now = now or timezone.now()
    stale_queued = now - dt.timedelta(seconds=settings.ARTICLE_INTAKE_STALE_SECONDS)
    stale_running = now - dt.timedelta(
        seconds=settings.ARTICLE_INTAKE_TIME_LIMIT_SECONDS + settings.ARTICLE_INTAKE_STALE_SECONDS
    )
    stale = Article.objects.filter(
        Q(intake_status=IntakeStatus.QUEUED, intake_queued_at__lt=stale_queued)
        | Q(intake_status=IntakeStatus.QUEUED, intake_queued_at__isnull=True)
        | Q(intake_status=IntakeStatus.RUNNING, intake_started_at__lt=stale_running)
    )
    article_ids = list(stale.values_list("pk", flat=True)[:100])
    Article.objects.filter(pk__in=article_ids, intake_status=IntakeStatus.QUEUED).update(intake_queued_at=now)
    for article_id in article_ids:
        _intake_publish(article_id)
    return len(article_ids)


def article_lock_unless_intake_runs(*, article_id) -> Article | None:
    """Lock the article row for a change, in the caller's transaction; a 409 at once while a worker
    finds its claims, which holds the row until it is done (minutes for a long article), rather
    than a request waiting that long."""
    try:
        return Article.objects.select_for_update(nowait=True).filter(pk=article_id).first()
    except DatabaseError as error:
        raise ApplicationError(
            _("This article's claims are being found right now; try again once they are listed."), status=409
        ) from error


@transaction.atomic
def article_fact_check_url_set(*, article: Article, user, url: str) -> Article:
    """Record (or, with "", clear) the address of the desk's published fact-check of `article`."""
    membership_require(user=user, desk=article.desk, editor=True)
    url = url.strip()
    if url and not is_storable_url(url):
        raise ApplicationError(
            _("Give the fact-check's address as a full http:// or https:// URL of at most 2,000 characters."),
            extra={"fields": {"fact_check_url": [_("Enter a valid http(s) URL.")]}},
        )
    locked = article_lock_unless_intake_runs(article_id=article.pk)
    if locked is None:
        raise NotFoundError(_("Article not found."))
    # Compared with the stored address, not the one this caller read: another editor may have set it since.
    if url != locked.fact_check_url:
        details = {"url": url, "previous_url": locked.fact_check_url}
        audit_record(action=AuditAction.FACT_CHECK_URL_SET, actor=user, article=article, details=details)
    article.fact_check_url = url
    article.save(update_fields=["fact_check_url", "updated_at"])
    return article


@transaction.atomic
def article_language_set(*, article: Article, user, language: str) -> Article:
    """An editor corrects the article's language (a BCP 47 tag; "" for not known). A real change is
    recorded in the article's audit trail with the old and new language.

    Claims already found are kept, whatever the language. The language counts as the editor's from
    then on (`language_from_editor`), so extraction trusts an English one over its English check.
    An article that extraction refused as not English and that an editor now says is English goes
    through intake again, as at import: inline, or queued for a worker when it is long
    (`intake_status` says which), and without announcing its import again. That holds when the stored
    language already said English (the detector read it as English, the stop-word check refused it):
    saving it again is the editor's confirmation. Intake keeps the claims an editor added by hand meanwhile.
    """
    membership_require(user=user, desk=article.desk, editor=True)
    return article_language_change(article=article, actor=user, language=language)


@transaction.atomic
def article_language_change(*, article: Article, actor, language: str) -> Article:
    """`article_language_set` for a caller that has already checked `actor` may change it: a site
    administrator in the Django admin (Django checks the admin's permission), who is no desk's editor."""
    language = _language_check(language)
    locked = article_lock_unless_intake_runs(article_id=article.pk)
    if locked is None:
        raise NotFoundError(_("Article not found."))
    # Compared with the stored language, not the one this caller read: another editor may have set it since.
    changed = language != locked.language
    if changed:
        details = {
            "language": language,
            "previous_language": locked.language,
            "language_name": language_name(language) or "not known",
            "previous_language_name": language_name(locked.language) or "not known",
        }
        audit_record(action=AuditAction.ARTICLE_LANGUAGE_SET, actor=actor, article=article, details=details)
    article.language = language
    article.language_from_editor = True
    article.save(update_fields=["language", "language_from_editor", "updated_at"])
    if (
        language_is_english(language)
        and locked.intake_status == IntakeStatus.DONE
        and import_string(settings.ARTICLE_EXTRACTION_REFUSED_CHECK)(article=locked)
    ):
        _intake_run_again(article)
    return article


def _intake_run_again(article: Article) -> None:
    """Run the intake steps for an article already imported, the way its import would have: inline
    when short, else queued for a worker (in the caller's transaction, which holds the row)."""
    if len(article.body.encode()) <= settings.ARTICLE_INLINE_INTAKE_MAX_BYTES:
        _intake_steps_run(article)
        return
    _intake_queue_again(article)


@transaction.atomic
def article_delete(*, article: Article, user=None) -> None:
    """Delete an article with its claims. `user` is who asked (None: the system).

    The audit events of the article and its claims are kept: they name ids, not rows, and the desk
    must still be able to say who did what to a fact-check it published before the deletion.
    """
    article_lock_unless_intake_runs(article_id=article.pk)
    details = {"title": article.title, "claim_count": article.claims.count()}
    audit_record(action=AuditAction.ARTICLE_DELETED, actor=user, article=article, details=details)
    article.delete()
