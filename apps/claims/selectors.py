import re
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.articles.models import Article
from apps.core.exceptions import ApplicationError, NotFoundError
from apps.core.ids import uuid_or_404
from apps.core.languages import language_matches
from apps.core.text import spans_overlap
from apps.desks.selectors import desk_get_for_member, desk_ids_for_user, editable_desk_ids_for_user, membership_require

from .extraction import unsupported_language_message
from .models import ArticleExtraction, Claim, ClaimFeedback, ClaimStatus, ExtractionStatus, MatchStatus


def claim_list(
    *,
    user: AbstractBaseUser,
    article: Article | UUID | str | None = None,
    status: str | None = None,
    kind: str | None = None,
    language: str | None = None,
) -> QuerySet[Claim]:
    """Claims of the user's desks, in reading order; `article`, `status`, `kind` and `language` (their
    article's, a normalized BCP 47 tag that also finds narrower tags: "pt" finds "pt-BR") narrow them."""
    claims = (
        Claim.objects.filter(article__desk_id__in=desk_ids_for_user(user=user))
        .select_related("article", "matched_claim__article", "matched_claim__review_task__verdict__rating")
        # A 2 MB body copied into every row of a list costs gigabytes; it is read on demand.
        .defer("article__body", "matched_claim__article__body")
    )
    if article is not None:
        claims = claims.filter(article_id=getattr(article, "pk", article))
    if status is not None:
        claims = claims.filter(status=status)
    if kind is not None:
        claims = claims.filter(kind=kind)
    if language is not None:
        claims = claims.filter(language_matches("article__language", language))
    return claims.order_by("article__created_at", "start", "end")


def claim_get(*, user: AbstractBaseUser, claim_id: UUID | str) -> Claim:
    """One claim of the user's desks; NotFoundError for any other (existence is not revealed)."""
    claim = claim_list(user=user).filter(pk=uuid_or_404(claim_id, not_found=_("Claim not found."))).first()
    if claim is None:
        raise NotFoundError(_("Claim not found."))
    return claim


def claim_queue_list(*, article: Article) -> QuerySet[Claim]:
    """Claims that go to reviewers: not rejected, not held back as prediction or opinion."""
    return Claim.objects.filter(article=article, status=ClaimStatus.ACTIVE).order_by("start", "end")


# A passage typed on a keyboard differs from the article's in ways nobody sees on screen: straight
# quotes and apostrophes for typographic ones, and spaces where the text has line breaks.
_SINGLE_QUOTES = "['\u2018\u2019]"
_DOUBLE_QUOTES = '["\u201c\u201d]'
_TYPED_LOOKALIKES = {
    "'": _SINGLE_QUOTES,
    "\u2018": _SINGLE_QUOTES,
    "\u2019": _SINGLE_QUOTES,
    '"': _DOUBLE_QUOTES,
    "\u201c": _DOUBLE_QUOTES,
    "\u201d": _DOUBLE_QUOTES,
}


def claim_overlapping_list(*, user: AbstractBaseUser, claim: Claim) -> list[Claim]:
    """The article's other queue claims that share text with `claim`: an editor adding a passage
    may have added a duplicate, or taken in claims already there."""
    return [
        other
        for other in claim_list(user=user, article=claim.article_id, status=ClaimStatus.ACTIVE)
        if other.pk != claim.pk and spans_overlap(other.pieces, claim.pieces)
    ]


def article_passage_span_get(*, article: Article, passage: str) -> tuple[int, int]:
    """[start, end) of `passage`, typed or pasted by an editor, in `article.body`.

    Matching ignores case, how words are spaced or broken over lines, and straight versus curly
    quotes, and takes whole words only ('act' is not found in 'fact'). ApplicationError (400)
    when the passage is empty, not in the text, or there more than once: the editor has to say
    which passage they mean.
    """
    if not passage.split():
        raise ApplicationError(_("Type or paste the passage to add as a claim."))
    return _typed_passage_span(article.body, passage, 0, len(article.body), where="article")


def claim_passage_span_get(*, claim: Claim, passage: str) -> tuple[int, int]:
    """[start, end) in the article body of `passage`, typed or pasted by an editor splitting
    `claim`: a part of the claim's own text, matched as article_passage_span_get matches."""
    if not passage.split():
        raise ApplicationError(_("Type or paste the part's passage."))
    return _typed_passage_span(claim.article.body, passage, claim.start, claim.end, where="claim")


def _typed_passage_span(body: str, passage: str, start: int, end: int, *, where: str) -> tuple[int, int]:
    """The one match of `passage` in body[start:end]; ApplicationError if none or several."""
    words = passage.split()
    pattern = r"\s+".join("".join(_TYPED_LOOKALIKES.get(char, re.escape(char)) for char in word) for word in words)
    # A passage that starts or ends inside a word would cut the article's words in two.
    if words[0][0].isalnum():
        pattern = rf"(?<!\w){pattern}"
    if words[-1][-1].isalnum():
        pattern = rf"{pattern}(?!\w)"
    matches = list(re.compile(pattern, flags=re.IGNORECASE).finditer(body, start, end))
    shown = Truncator(" ".join(words)).chars(80)
    if not matches and where == "article":
        raise ApplicationError(
            _(
                "“%(passage)s” is not in the article text. "
                "Copy the passage from the article, or type it exactly as it is written there."
            )
            % {"passage": shown}
        )
    if not matches:
        raise ApplicationError(
            _(
                "“%(passage)s” is not in the claim text. "
                "Copy the passage from the claim, or type it exactly as it is written there."
            )
            % {"passage": shown}
        )
    if len(matches) > 1:
        in_article = ngettext(
            "“%(passage)s” appears %(count)d times in the article. "
            "Add some of the words around it so that it matches only one passage.",
            "“%(passage)s” appears %(count)d times in the article. "
            "Add some of the words around it so that it matches only one passage.",
            len(matches),
        )
        in_claim = ngettext(
            "“%(passage)s” appears %(count)d times in the claim. "
            "Add some of the words around it so that it matches only one passage.",
            "“%(passage)s” appears %(count)d times in the claim. "
            "Add some of the words around it so that it matches only one passage.",
            len(matches),
        )
        raise ApplicationError(
            (in_article if where == "article" else in_claim) % {"passage": shown, "count": len(matches)}
        )
    return matches[0].start(), matches[0].end()


# A claim counts as checked once its verdict is approved (apps.reviews TaskStatus.APPROVED).
CHECKED_TASK_STATUS = "approved"
MATCH_POOL_LIMIT = 5000


def checked_claim_texts(*, article: Article, limit: int = MATCH_POOL_LIMIT) -> list[tuple[UUID, str]]:
    """(id, text) of the desk's checked claims in other articles, newest first: the pool a new
    claim is matched against.

    A claim is checked once its verdict is approved. One an editor reopened for correction stays in
    the pool: its verdict was published (first approved), and that finding stands in every export
    until the corrected verdict is approved (apps.reviews `verdict_reopen`)."""
    return list(
        Claim.objects.filter(article__desk_id=article.desk_id)
        .filter(Q(review_task__status=CHECKED_TASK_STATUS) | Q(review_task__verdict__first_approved_at__isnull=False))
        .exclude(article_id=article.pk)
        .order_by("-updated_at")
        .values_list("pk", "text")[:limit]
    )


@dataclass(frozen=True)
class AppliedVerdict:
    """The approved verdict that stands for a claim, and where it came from."""

    verdict: object  # apps.reviews Verdict (not imported: apps.reviews depends on this app)
    # The earlier claim whose verdict an editor confirmed applies here; None for the claim's own.
    reused_from: Claim | None = None


def claim_applied_verdict(
    *, claim: Claim, published_verdict: Callable[[Claim], object] | None = None
) -> AppliedVerdict | None:
    """The claim's own approved verdict, else the approved verdict of the earlier claim an editor
    confirmed it repeats, else None. Resolved on every read rather than copied, so a verdict the
    earlier claim loses (returned, or its claim rejected) stops applying here too.

    `published_verdict` gives a claim's own standing verdict, by default its approved verdict;
    exports pass one that also stands by a verdict reopened for correction (apps.reports).

    Reads `review_task__verdict` and `matched_claim__review_task__verdict`; select them (as
    `apps.reports.selectors.report_build` does) to keep this free of queries."""
    published_verdict = published_verdict or _approved_verdict
    own = published_verdict(claim)
    if own is not None:
        return AppliedVerdict(verdict=own)
    earlier = claim.matched_claim if claim.match_status == MatchStatus.CONFIRMED else None
    if earlier is None or earlier.status != ClaimStatus.ACTIVE:
        return None
    reused = published_verdict(earlier)
    return AppliedVerdict(verdict=reused, reused_from=earlier) if reused is not None else None


def _approved_verdict(claim: Claim):
    task = getattr(claim, "review_task", None)
    if task is None or task.status != CHECKED_TASK_STATUS:
        return None
    return getattr(task, "verdict", None)


def article_extraction_get(*, article: Article) -> ArticleExtraction | None:
    return ArticleExtraction.objects.filter(article=article).first()


def article_extraction_refused(*, article: Article) -> bool:
    """Whether automatic extraction refused the article as not English (the articles stage asks
    when an editor corrects the language to English)."""
    return ArticleExtraction.objects.filter(article=article, status=ExtractionStatus.UNSUPPORTED_LANGUAGE).exists()


def article_extraction_message(*, extraction: ArticleExtraction) -> str:
    """What the extraction's outcome tells the editor. A refusal names the article's language as it
    is now, which an editor may have corrected since the refusal was stored."""
    if extraction.status == ExtractionStatus.UNSUPPORTED_LANGUAGE:
        return unsupported_language_message(extraction.article.language)
    return extraction.message


def claim_feedback_desk_ids(*, user: AbstractBaseUser, desk_slug: str | None = None) -> list | QuerySet:
    """The desks whose editors' feedback `user` may export: the one named (404 outside it, 403 for a
    reviewer) or every desk the user edits (a subquery, not a separate query)."""
    if desk_slug:
        desk = desk_get_for_member(user=user, slug=desk_slug)
        membership_require(user=user, desk=desk, editor=True)
        return [desk.pk]
    return editable_desk_ids_for_user(user=user)


def claim_feedback_training_rows(*, desk_ids: list | QuerySet | None = None) -> list[dict[str, object]]:
    """Editors' verdicts on check-worthiness as training examples, oldest first: {"text", "label"}
    for each rejected claim (False) and each claim an editor added or released into the queue
    (True). A claim's latest verdict wins, so a rejection the editor undid is not a negative."""
    feedback = ClaimFeedback.objects.filter(label__isnull=False)
    if desk_ids is not None:
        feedback = feedback.filter(article__desk_id__in=desk_ids)
    latest: dict[object, dict[str, object]] = {}
    for pk, claim_id, text, label in feedback.order_by("created_at", "pk").values_list(
        "pk", "claim_id", "text", "label"
    ):
        latest[claim_id or pk] = {"text": text, "label": label}
    return list(latest.values())
