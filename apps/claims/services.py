"""Writes for claims: the intake step that extracts them, and the editor's corrections.

Every editor action is stored as ClaimFeedback (rejections and additions carry a
check-worthiness label), which the training command reads as extra examples.
"""

import datetime as dt
import time
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from apps.articles.models import Article
from apps.articles.services import article_lock_unless_intake_runs
from apps.core.audit import audit_record
from apps.core.etags import lock_at_version
from apps.core.exceptions import ApplicationError
from apps.core.languages import language_is_english
from apps.core.models import AuditAction
from apps.core.text import visible_text
from apps.desks.selectors import membership_require

from .checkworthiness import score_sentences
from .extraction import ExtractedClaim, UnsupportedLanguageError, describe_claim, extract_claims
from .matching import ClaimIndex
from .models import (
    ArticleExtraction,
    Claim,
    ClaimFeedback,
    ClaimKind,
    ClaimOrigin,
    ClaimStatus,
    ExtractionStatus,
    FeedbackAction,
    MatchStatus,
)
from .selectors import checked_claim_texts

# Review states in which the claim's wording is still free to change.
EDITABLE_TASK_STATUSES = ("new", "assigned")
# Review states with a verdict an editor is deciding on or has approved for the report.
VERDICT_TASK_STATUSES = ("submitted", "approved")


def article_claims_extract(*, article: Article) -> list[Claim]:
    """Intake step: extract the article's claims and store them.

    Runs inside the import transaction. Idempotent: an article that was already extracted
    (its claims may since have been edited, merged or rejected) keeps what it has. A non-English
    article gets no claims and an ArticleExtraction row saying why; editors can still add
    claims by hand.

    An English language an editor gave (at import or by correcting it, `Article.language_from_editor`)
    is trusted over the English check, which counts stop words that terse English can lack.

    The one exception to idempotency is an article refused as not English whose language an editor
    has since corrected to English: it is extracted then. Claims the editor added by hand meanwhile
    are kept, and an extracted claim with the same span as one of them is left out.
    """
    with transaction.atomic():
        locked = Article.objects.select_for_update().filter(pk=article.pk).first()
        extraction = ArticleExtraction.objects.filter(article=article).first()
        refused = extraction is not None and extraction.status == ExtractionStatus.UNSUPPORTED_LANGUAGE
        # A refusal is extracted again only when an editor corrects the language, so a refused
        # article tagged English is the editor's English also on rows from before the flag was kept.
        english_confirmed = language_is_english(locked.language) and (locked.language_from_editor or refused)
        corrected_after_refusal = refused and english_confirmed
        if not corrected_after_refusal and (extraction is not None or article.claims.exists()):
            return list(article.claims.all())
        started = time.perf_counter()
        try:
            extracted = extract_claims(
                article.body,
                published_on=article.published_on,
                language=locked.language,
                english_confirmed=english_confirmed,
                outlet=locked.outlet,
            )
        except UnsupportedLanguageError as error:
            ArticleExtraction.objects.create(
                article=article, status=ExtractionStatus.UNSUPPORTED_LANGUAGE, message=error.message
            )
            return []
        # Only a corrected article can have claims yet: those an editor added by hand.
        hand_made_bounds = set(article.claims.values_list("start", "end")) if corrected_after_refusal else set()
        claims = [
            _claim_from_extracted(article, item) for item in extracted if (item.start, item.end) not in hand_made_bounds
        ]
        for claim in claims:
            # The table's check constraints still guard the insert; validating them here costs a
            # query each, which made a 2,000-claim import spend most of its time in validation.
            claim.full_clean(exclude=["article", "matched_claim"], validate_unique=False, validate_constraints=False)
        Claim.objects.bulk_create(claims)
        article_claims_match(article=article, claims=claims)
        extraction = extraction or ArticleExtraction(article=article)
        extraction.status = ExtractionStatus.DONE
        extraction.message = ""
        extraction.claim_count = len(claims)
        extraction.duration_ms = round((time.perf_counter() - started) * 1000)
        extraction.save()
    return claims


def article_claims_match(*, article: Article, claims: list[Claim]) -> list[Claim]:
    """Link claims to the desk's already-checked claims they repeat (see `matching`).

    Claims an editor already confirmed or dismissed a match for are left alone, so running it
    again changes nothing they decided. Returns the claims that got a match.
    """
    pool = checked_claim_texts(article=article)
    if not pool:
        return []
    index = ClaimIndex(pool)
    matched = []
    for claim in claims:
        if claim.match_status in (MatchStatus.CONFIRMED, MatchStatus.DISMISSED):
            continue
        match = index.best_match(claim.text)
        if match is None:
            continue
        claim.matched_claim_id = match.key
        claim.match_score = match.score
        claim.match_status = MatchStatus.LINKED if match.decision == "linked" else MatchStatus.SUGGESTED
        # A new version for the claim's ETag; bulk_update does not set auto_now fields.
        claim.updated_at = timezone.now()
        matched.append(claim)
    Claim.objects.bulk_update(matched, ["matched_claim", "match_score", "match_status", "updated_at"])
    return matched


def claim_match_confirm(*, claim: Claim, user: AbstractBaseUser) -> Claim:
    """An editor agrees the claim repeats its matched, already-checked claim."""
    membership_require(user=user, desk=claim.article.desk, editor=True)
    with transaction.atomic():
        # Decided on the row as it is now: another editor may have confirmed or declined it since
        # this caller read it, and that must not be done (or recorded) twice.
        current = _lock_with_match(claim)
        if current.matched_claim_id is None:
            raise ApplicationError(_("This claim has no suggested match to confirm."))
        if current.match_status != MatchStatus.CONFIRMED:
            Claim.objects.filter(pk=claim.pk).update(match_status=MatchStatus.CONFIRMED, updated_at=timezone.now())
            audit_record(action=AuditAction.MATCH_CONFIRMED, actor=user, claim=current, details=_match_details(current))
    claim.refresh_from_db()
    return claim


def claim_match_dismiss(*, claim: Claim, user: AbstractBaseUser) -> Claim:
    """An editor says the match is wrong; the link is removed and not suggested again."""
    membership_require(user=user, desk=claim.article.desk, editor=True)
    with transaction.atomic():
        current = _lock_with_match(claim)
        Claim.objects.filter(pk=claim.pk).update(
            matched_claim=None, match_score=None, match_status=MatchStatus.DISMISSED, updated_at=timezone.now()
        )
        if current.matched_claim_id is not None:
            audit_record(action=AuditAction.MATCH_DISMISSED, actor=user, claim=current, details=_match_details(current))
    claim.refresh_from_db()
    return claim


def _lock_with_match(claim: Claim) -> Claim:
    # Only the claim's own row: PostgreSQL refuses to lock the nullable side of the join to its match.
    return Claim.objects.select_for_update(of=("self",)).select_related("article", "matched_claim").get(pk=claim.pk)


def claim_reject(*, claim: Claim, user: AbstractBaseUser, reason: str) -> Claim:
    """Take a claim out of the queue with the editor's reason. Idempotent for rejected claims.

    A claim with a submitted or approved verdict is refused: rejecting it would silently take
    a checked result out of the report. So is one whose published verdict an editor reopened for
    correction: the report goes on carrying the published verdict meanwhile.
    """
    membership_require(user=user, desk=claim.article.desk, editor=True)
    reason = reason.strip()
    if not reason:
        raise ApplicationError(_("Say why the claim is rejected."), extra={"field": "reason"})
    with transaction.atomic():
        # A reviewer submitting a verdict locks this claim's row with its task, so either the
        # verdict lands first and is seen below, or the rejection does and the submit is refused.
        Claim.objects.select_for_update().filter(pk=claim.pk).first()
        updated = (
            Claim.objects.filter(pk=claim.pk)
            .exclude(status=ClaimStatus.REJECTED)
            .exclude(review_task__status__in=VERDICT_TASK_STATUSES)
            .exclude(review_task__verdict__first_approved_at__isnull=False)
            .update(status=ClaimStatus.REJECTED, rejection_reason=reason, updated_at=timezone.now())
        )
        if updated:
            _feedback(claim, user, FeedbackAction.REJECT, reason=reason, label=False)
            audit_record(action=AuditAction.CLAIM_REJECTED, actor=user, claim=claim, details={"reason": reason})
    claim.refresh_from_db()
    if claim.status != ClaimStatus.REJECTED:
        task_status, published_at = (
            Claim.objects.filter(pk=claim.pk)
            .values_list("review_task__status", "review_task__verdict__first_approved_at")
            .get()
        )
        if task_status == "approved":
            message = _("This claim has an approved verdict in the report, so it can no longer be rejected.")
        elif published_at is not None:
            message = _(
                "This claim's verdict is published and being corrected; the report keeps it meanwhile, "
                "so the claim can no longer be rejected."
            )
        else:
            message = _(
                "A verdict on this claim is waiting for approval; approve it or return it to the reviewer first."
            )
        raise ApplicationError(message, extra={"task_status": task_status}, status=409)
    return claim


def claim_release(*, claim: Claim, user: AbstractBaseUser) -> Claim:
    """Put a held (prediction/opinion) or rejected claim into the review queue."""
    membership_require(user=user, desk=claim.article.desk, editor=True)
    with transaction.atomic():
        # The status it had when released, not when this caller read it.
        previous_status = Claim.objects.select_for_update().filter(pk=claim.pk).values_list("status", flat=True).get()
        released = (
            Claim.objects.filter(pk=claim.pk)
            .exclude(status=ClaimStatus.ACTIVE)
            .update(status=ClaimStatus.ACTIVE, rejection_reason="", updated_at=timezone.now())
        )
        if released:
            # Overrides an earlier rejection of the same claim in the training rows.
            _feedback(claim, user, FeedbackAction.RELEASE, label=True)
            audit_record(
                action=AuditAction.CLAIM_RELEASED, actor=user, claim=claim, details={"previous_status": previous_status}
            )
        _claims_changed(claim.article)
    claim.refresh_from_db()
    return claim


def claim_update(
    *, claim: Claim, user: AbstractBaseUser, text: str, expected_updated_at: dt.datetime | None = None
) -> Claim:
    """Reword a claim; its kind and facts are worked out again from the new text.

    With `expected_updated_at` (the version the caller read, which `claim` must be), a claim
    saved since then is refused with 412 naming its current ETag instead of overwritten; the
    row stays locked from that check to the write. Idempotent: the same text changes nothing.
    """
    membership_require(user=user, desk=claim.article.desk, editor=True)
    text = visible_text(text)
    if not text:
        raise ApplicationError(_("The claim text cannot be empty."), extra={"field": "text"})
    with transaction.atomic():
        if expected_updated_at is not None:
            lock_at_version(Claim.objects.all(), claim.pk, expected_updated_at=expected_updated_at, what="claim")
        claim_editable_check(claim=claim)
        if text == claim.text:
            return claim
        previous = claim.text
        _apply_facts(claim, text)
        claim.origin = ClaimOrigin.EDITOR
        claim.full_clean(exclude=["article", "matched_claim"])
        claim.save()
        _feedback(claim, user, FeedbackAction.EDIT, previous_text=previous)
        audit_record(
            action=AuditAction.CLAIM_EDITED, actor=user, claim=claim, details={"previous_text": previous, "text": text}
        )
        _claims_changed(claim.article)
    return claim


def claim_merge(*, claims: list[Claim], user: AbstractBaseUser, text: str = "") -> Claim:
    """Merge claims of one article into the first of them (in reading order).

    The merged claim keeps every span; the others are deleted. `text` defaults to the first
    claim's text. A claim given more than once counts once.
    """
    # Left in, a repeated claim (or the claim being merged into, listed again) would be both the
    # keeper and one of the claims deleted.
    claims = list({claim.pk: claim for claim in claims}.values())
    if len(claims) < 2:
        raise ApplicationError(_("Choose at least two claims to merge."))
    if len({c.article_id for c in claims}) != 1:
        raise ApplicationError(_("Only claims of the same article can be merged."))
    membership_require(user=user, desk=claims[0].article.desk, editor=True)
    for claim in claims:
        claim_editable_check(claim=claim)
    ordered = sorted(claims, key=lambda c: (c.start, c.end))
    keeper, others = ordered[0], ordered[1:]
    with transaction.atomic():
        spans = [span for claim in ordered for span in _spans(claim)]
        previous = " | ".join(claim.text for claim in ordered)
        _apply_facts(keeper, visible_text(text) or keeper.text)
        keeper.spans = [list(span) for span in sorted({tuple(span) for span in spans})]
        keeper.start = min(s[0] for s in keeper.spans)
        keeper.end = max(s[1] for s in keeper.spans)
        keeper.score = max(claim.score for claim in ordered)
        keeper.origin = ClaimOrigin.EDITOR
        keeper.full_clean(exclude=["article", "matched_claim"])
        keeper.save()
        Claim.objects.filter(pk__in=[c.pk for c in others]).delete()
        _feedback(keeper, user, FeedbackAction.MERGE, previous_text=previous)
        audit_record(action=AuditAction.CLAIM_MERGED, actor=user, claim=keeper, details=_merge_details(keeper, others))
    return keeper


def claim_split(*, claim: Claim, user: AbstractBaseUser, parts: list[dict[str, Any]]) -> list[Claim]:
    """Replace a claim by two or more claims, each from a span of the article (and an
    optional reworded text). The original claim is deleted.

    Recorded on the original (its parts) and on each new claim (where it came from), whose history
    then holds the original's earlier events (`audit_earlier_claims`)."""
    membership_require(user=user, desk=claim.article.desk, editor=True)
    claim_editable_check(claim=claim)
    if len(parts) < 2:
        raise ApplicationError(_("A split needs at least two parts."))
    article = claim.article
    with transaction.atomic():
        created = [_split_part_claim(article, index, part) for index, part in enumerate(parts)]
        _feedback(
            claim,
            user,
            FeedbackAction.SPLIT,
            text=" | ".join(c.text for c in created),
            previous_text=claim.text,
            spans=[[c.start, c.end] for c in created],
        )
        split_details = _split_details(claim, created)  # before the delete clears the claim's id
        # The original's own history ends with its split (its id is all that is left of it); each
        # new claim's history starts with it and holds the original's earlier events.
        audit_record(
            action=AuditAction.CLAIM_SPLIT,
            actor=user,
            claim=claim,
            details={"text": claim.text, "parts": split_details["parts"]},
        )
        claim.delete()
        for new_claim in created:
            new_claim.save()
            audit_record(action=AuditAction.CLAIM_SPLIT, actor=user, claim=new_claim, details=split_details)
        _claims_changed(article)
    return created


def _split_part_claim(article: Article, index: int, part: dict[str, Any]) -> Claim:
    """The claim for one part of a split; a refusal names the part (`extra["part"]`, from 0), so a
    form can point at the part to correct."""
    try:
        return _claim_from_span(article, part["start"], part["end"], part.get("text", ""))
    except ApplicationError as error:
        raise ApplicationError(error.message, extra={**error.extra, "part": index}, status=error.status) from error


def claim_create_from_span(*, article: Article, user: AbstractBaseUser, start: int, end: int, text: str = "") -> Claim:
    """Add a claim for a passage the editor selected. Works for any language."""
    membership_require(user=user, desk=article.desk, editor=True)
    with transaction.atomic():
        # A claim added before intake finishes would make extraction think the article was done.
        locked = article_lock_unless_intake_runs(article_id=article.pk)
        if locked is None:
            raise ApplicationError(_("Article not found."), status=404)
        if locked.intake_pending:
            raise ApplicationError(
                _("This article's claims are still being found; add a claim once they are listed."), status=409
            )
        claim = _claim_from_span(article, start, end, text)
        claim.save()
        _feedback(claim, user, FeedbackAction.CREATE, label=True)
        audit_record(action=AuditAction.CLAIM_ADDED, actor=user, claim=claim, details={"text": claim.text})
        _claims_changed(article)
    return claim


def _match_details(claim: Claim) -> dict[str, Any]:
    return {"matched_claim_id": str(claim.matched_claim_id), "matched_text": claim.matched_claim.text}


def _merge_details(keeper: Claim, others: list[Claim]) -> dict[str, Any]:
    return {
        "text": keeper.text,
        "merged_claim_ids": [str(other.pk) for other in others],
        "merged_texts": [other.text for other in others],
    }


def _split_details(original: Claim, parts: list[Claim]) -> dict[str, Any]:
    # One event per new claim, each naming the claim it came from, so every part's history says so.
    return {
        "from_claim_id": str(original.pk),
        "from_text": original.text,
        "parts": [{"id": str(part.pk), "text": part.text} for part in parts],
    }


def _claims_changed(article: Article) -> None:
    """Give new or released claims what imported ones get (source links, a review task,
    reference gathering) through the later stages' steps; each is idempotent."""
    for path in settings.ARTICLE_CLAIMS_CHANGED_STEPS:
        import_string(path)(article=article)


def _claim_from_extracted(article: Article, item: ExtractedClaim) -> Claim:
    held = item.kind == ClaimKind.PREDICTION
    return Claim(
        article=article,
        text=item.text,
        start=item.start,
        end=item.end,
        kind=item.kind,
        score=item.score,
        quantities=item.quantities,
        entities=item.entities,
        cues=item.cues,
        dates=item.dates,
        attribution=item.attribution[:300],
        spans=item.spans,
        status=ClaimStatus.HELD if held else ClaimStatus.ACTIVE,
    )


def _claim_from_span(article: Article, start: int, end: int, text: str) -> Claim:
    if not (0 <= start < end <= len(article.body)):
        raise ApplicationError(
            _("The selected passage is outside the article text."),
            extra={"start": start, "end": end, "length": len(article.body)},
        )
    passage = article.body[start:end]
    if not visible_text(passage):
        raise ApplicationError(_("The selected passage is empty."))
    claim = Claim(article=article, start=start, end=end, spans=[[start, end]], origin=ClaimOrigin.EDITOR)
    _apply_facts(claim, visible_text(text) or visible_text(passage))
    claim.full_clean(exclude=["article", "matched_claim"])
    return claim


def _apply_facts(claim: Claim, text: str) -> None:
    facts = describe_claim(text, published_on=claim.article.published_on, attribution=claim.attribution)
    claim.text = text
    claim.kind = facts.kind
    claim.cues = facts.cues
    claim.quantities = facts.quantities
    claim.entities = facts.entities
    claim.dates = facts.dates
    claim.score = score_sentences([text])[0]


def _spans(claim: Claim) -> list[list[int]]:
    return [list(piece) for piece in claim.pieces]


def claim_editable_check(*, claim: Claim) -> None:
    """ApplicationError (409) once the claim is under review or its verdict is published: its
    wording, its merging, splitting or deletion would change what a reviewer is judging or a
    published fact-check."""
    # The reverse one-to-one raises an AttributeError subclass when no task exists yet.
    task = getattr(claim, "review_task", None)
    if task is not None and task.status not in EDITABLE_TASK_STATUSES:
        raise ApplicationError(
            _("This claim is already under review; return or finish the review first."),
            extra={"task_status": task.status},
            status=409,
        )
    # A verdict reopened for correction and then reassigned is "assigned" again, but its published
    # finding stands in the report: rewording, merging or splitting the claim would change or
    # delete a published fact-check.
    if (
        task is not None
        and Claim.objects.filter(pk=claim.pk, review_task__verdict__first_approved_at__isnull=False).exists()
    ):
        raise ApplicationError(
            _("This claim's verdict is published and being corrected; its wording can no longer change."),
            extra={"task_status": task.status},
            status=409,
        )


def _feedback(
    claim: Claim,
    user: AbstractBaseUser,
    action: str,
    *,
    text: str | None = None,
    previous_text: str = "",
    reason: str = "",
    spans: list[list[int]] | None = None,
    label: bool | None = None,
) -> ClaimFeedback:
    return ClaimFeedback.objects.create(
        article_id=claim.article_id,
        claim=claim,
        user=user,
        action=action,
        text=claim.text if text is None else text,
        previous_text=previous_text,
        reason=reason,
        spans=spans if spans is not None else _spans(claim),
        label=label,
    )
