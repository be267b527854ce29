import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string

from apps.desks.models import Desk

from .models import Article, SourceKind
from .parsing import (
    ArticleInputError,
    ParsedArticle,
    content_hash,
    is_storable_url,
    parse_html,
    parse_pasted,
    parse_upload,
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
) -> ImportResult:
    """Import whichever the editor handed in: an uploaded file's bytes, a URL, or pasted text."""
    if data is not None:
        return article_import_file(desk=desk, user=user, data=data, filename=filename)
    if url:
        return article_import_url(desk=desk, user=user, url=url)
    return article_import_text(desk=desk, user=user, text=text or "")


def article_import_text(*, desk: Desk, user, text: str, source_kind: str = SourceKind.PASTE) -> ImportResult:
    """Import pasted text, Markdown or HTML. See `article_create` for side effects."""
    parsed = parse_pasted(text, max_bytes=settings.ARTICLE_MAX_BYTES)
    return article_create(desk=desk, user=user, parsed=parsed, source_kind=source_kind)


def article_import_file(
    *, desk: Desk, user, data: bytes, filename: str, source_kind: str = SourceKind.UPLOAD
) -> ImportResult:
    """Import an uploaded .txt, .md or .html file. See `article_create` for side effects."""
    parsed = parse_upload(data, filename=filename, max_bytes=settings.ARTICLE_MAX_BYTES)
    return article_create(desk=desk, user=user, parsed=parsed, source_kind=source_kind, original_filename=filename)


def article_import_url(*, desk: Desk, user, url: str) -> ImportResult:
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
            f"Could not import {url}: the page is larger than {limit:,} bytes.", extra={"limit": limit}, status=413
        ) from error
    except FetchError as error:
        raise ArticleInputError(f"Could not import {url}: {error}", status=422) from error
    # A redirect can end on an address too long to keep; the one the editor gave names the page too.
    parsed = parse_html(html, url=final_url if is_storable_url(final_url) else url)
    limit = settings.ARTICLE_MAX_BYTES
    if len(parsed.body.encode()) > limit:
        raise ArticleInputError(
            f"Could not import {url}: its text is larger than {limit:,} bytes, the limit for an imported article.",
            extra={"limit": limit},
            status=413,
        )
    return article_create(desk=desk, user=user, parsed=parsed, source_kind=SourceKind.URL)


def article_create(
    *,
    desk: Desk,
    user,
    parsed: ParsedArticle,
    source_kind: str,
    original_filename: str = "",
) -> ImportResult:
    """Store a parsed article and run the intake steps (claims, source links, review tasks,
    reference jobs) in one transaction, so a failing step leaves nothing behind.

    Idempotent per desk: the same body imported again returns the existing article.
    Reference gathering is queued by an intake step and published only after commit.
    """
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
                content_hash=digest,
                source_kind=source_kind,
                original_filename=original_filename[:255],
                imported_by=user if user is not None and user.is_authenticated else None,
            )
            try:
                article.full_clean(exclude=["content_hash"])
            except ValidationError as error:
                raise _article_input_error(error) from error
            article.save()
            for step in intake_steps():
                step(article=article)
    except IntegrityError:
        # A concurrent import of the same body won the race; theirs is the article.
        existing = Article.objects.filter(desk=desk, content_hash=digest).first()
        if existing is None:
            raise
        return ImportResult(article=existing, created=False)
    logger.info("imported article %s into desk %s", article.pk, desk.slug)
    return ImportResult(article=article, created=True)


def _article_input_error(error: ValidationError) -> ArticleInputError:
    """The parsers keep every field within the model's rules; should one slip through, say which
    part of the article was refused instead of naming model fields the editor never sent."""
    problems = [
        " ".join(messages)
        if name == NON_FIELD_ERRORS
        else f"{Article._meta.get_field(name).verbose_name}: {' '.join(messages)}"
        for name, messages in error.message_dict.items()
    ]
    return ArticleInputError("The article could not be stored (" + "; ".join(problems) + ").")


def intake_steps():
    return [import_string(path) for path in settings.ARTICLE_INTAKE_STEPS]


@transaction.atomic
def article_delete(*, article: Article) -> None:
    article.delete()
