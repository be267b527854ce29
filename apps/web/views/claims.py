import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from apps.articles.selectors import article_get
from apps.claims import services
from apps.claims.models import ClaimStatus, MatchStatus
from apps.claims.selectors import (
    article_passage_span_get,
    claim_applied_verdict,
    claim_get,
    claim_overlapping_list,
    claim_passage_span_get,
)
from apps.core.audit import audit_claim_events, audit_earlier_claims, audit_event_summary
from apps.core.exceptions import ApplicationError
from apps.core.text import Segment, segment_spans
from apps.desks.selectors import membership_get
from apps.references import services as reference_services
from apps.references.models import Reference, Stance
from apps.references.selectors import (
    claim_references_empty_note,
    claim_references_gathering,
    reference_list,
    source_link_list,
)
from apps.reports.selectors import claim_published_verdict
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import (
    review_task_approval_queue,
    review_task_is_overdue,
    verdict_correction_list,
    verdict_draft_for_task,
)
from apps.reviews.services import SUBMITTABLE_STATUSES
from apps.web.actions import form_action
from apps.web.article_page import claim_table_page_url, refused_claim_table_form_keep, refused_passage_keep
from apps.web.claim_display import PositionedSegment, claim_shown_status, positioned_segments
from apps.web.errors import ErrorLink, application_errors, flash_form_errors, form_add_service_errors
from apps.web.forms.claims import (
    ClaimAddForm,
    ClaimMergeForm,
    ClaimRejectForm,
    ClaimSplitFormSet,
    ClaimUpdateForm,
    ReferenceAddForm,
)
from apps.web.forms.reviews import (
    CorrectionWithdrawForm,
    VerdictApproveForm,
    VerdictForm,
    VerdictReopenForm,
    VerdictReturnForm,
)

# How much of the claim's paragraph to show on each side of it.
CONTEXT_CHARS = 320

# Supporting evidence first: it is what a reviewer cites; unrelated hits last.
STANCE_ORDER = {Stance.SUPPORTS: 0, Stance.CONTRADICTS: 1, Stance.MENTIONS: 2, Stance.UNRELATED: 3}


@dataclass(frozen=True)
class Evidence:
    reference: Reference
    # The passage cut into plain and matched-word segments (key True marks a match).
    passage: list[Segment]


@login_required
@application_errors()
def claim_detail(request, claim_id):
    return _claim_page(request, claim_get(user=request.user, claim_id=claim_id))


# The claim page's history lists this many events, newest first; the API pages through all of them.
CLAIM_HISTORY_SHOWN = 100


@dataclass(frozen=True)
class HistoryEntry:
    occurred_at: dt.datetime
    summary: str
    # The text of the claim, since merged into this one, that the event happened to; "" for this claim's own.
    merged_from: str = ""
    # The text of the claim, since split into this one and others, that the event happened to.
    split_from: str = ""


def _history_entry(event, earlier_claims: dict) -> HistoryEntry:
    earlier = earlier_claims.get(event.claim_id)
    merged_from = earlier.text if earlier is not None and earlier.how == "merged" else ""
    split_from = earlier.text if earlier is not None and earlier.how == "split" else ""
    return HistoryEntry(event.occurred_at, audit_event_summary(event), merged_from, split_from)


def _history(claim) -> tuple[list[HistoryEntry], bool]:
    """The claim's latest events in plain language, those of the claims it came from (merged into it
    or split into it) included, and whether there are older ones not shown."""
    earlier = audit_earlier_claims(claim_id=claim.pk)
    events = audit_claim_events(claim_id=claim.pk, article_id=claim.article_id, earlier_claim_ids=earlier)
    events = list(events[: CLAIM_HISTORY_SHOWN + 1])
    entries = [_history_entry(event, earlier) for event in events[:CLAIM_HISTORY_SHOWN]]
    return entries, len(events) > CLAIM_HISTORY_SHOWN


# Prefixes the evidence form's field ids: the page has other forms with a title or URL.
REFERENCE_ADD_PREFIX = "evidence"


def _claim_page(
    request,
    claim,
    *,
    split_formset=None,
    split_errors: list[ErrorLink] | None = None,
    reference_add_form=None,
    status: int = 200,
):
    """The claim page; a refused split or evidence URL shows it again as typed, with its errors."""
    article = claim.article
    # Claims held back from review (predictions, opinions) have no review task.
    task = getattr(claim, "review_task", None)
    verdict = getattr(task, "verdict", None)
    references = list(reference_list(user=request.user, claim=claim))
    # A rejected or held claim keeps its task (releasing it brings the review back), but nobody
    # works on it meanwhile.
    in_review = task is not None and claim.status == ClaimStatus.ACTIVE
    is_assignee = in_review and task.assignee_id == request.user.pk
    can_edit = membership_get(user=request.user, desk=article.desk).can_edit

    verdict_form = None
    draft = None
    if is_assignee and task.status in SUBMITTABLE_STATUSES:
        draft = verdict_draft_for_task(task=task)
        initial = {"revision": task.verdict_revision}
        # The reviewer goes on from their draft, else revises the verdict they submitted.
        written = draft or verdict
        if written is not None:
            initial |= {
                "rating": written.rating_id,
                "rationale": written.rationale,
                "references": [str(reference.pk) for reference in written.cited_references.all()],
            }
        verdict_form = VerdictForm(desk=article.desk, language=article.language, references=references, initial=initial)

    corrections = verdict_correction_list(verdict=verdict) if verdict is not None else []
    open_correction = next((correction for correction in corrections if correction.is_open), None)
    # What the exports show: an earlier check whose verdict is being corrected lends its published
    # finding until the corrected one is approved.
    applied_verdict = claim_applied_verdict(claim=claim, published_verdict=claim_published_verdict)
    reused_from = applied_verdict.reused_from if applied_verdict else None
    shown_status = claim_shown_status(task=task, reused_from=reused_from)
    matched_verdict = claim_published_verdict(claim.matched_claim) if claim.matched_claim else None
    context, cut_before, cut_after = _context(claim)
    history, history_truncated = _history(claim)
    return render(
        request,
        "claims/detail.html",
        {
            "claim": claim,
            "article": article,
            "context": context,
            "context_cut_before": cut_before,
            "context_cut_after": cut_after,
            "task": task,
            "in_review": in_review,
            "overdue": in_review and review_task_is_overdue(task=task),
            "shown_status": shown_status,
            "verdict": verdict,
            # Every rating on the page is named as the exports of this article name it: in its language.
            "verdict_rating_label": verdict.rating.label_for(article.language) if verdict else "",
            # The earlier check's verdict while it is this claim's verdict.
            "reused_verdict": applied_verdict.verdict if shown_status.reused_from else None,
            "reused_rating_label": applied_verdict.verdict.rating.label_for(article.language)
            if shown_status.reused_from
            else "",
            # Set while the earlier check's verdict stands in the report, even once superseded here.
            "reused_from": reused_from,
            "source_links": source_link_list(user=request.user, claim=claim),
            "references": references,
            "evidence": _evidence(references),
            # Still gathering, nothing found, or a source failed: the editor needs to know which.
            "references_empty_note": "" if references else claim_references_empty_note(claim=claim),
            "gathering": claim_references_gathering(claim=claim),
            "matched_verdict": matched_verdict,
            "matched_rating_label": matched_verdict.rating.label_for(article.language) if matched_verdict else "",
            "can_decide_match": can_edit and claim.match_status in (MatchStatus.SUGGESTED, MatchStatus.LINKED),
            "can_edit": can_edit,
            "can_reshape": can_edit and (task is None or task.status in services.EDITABLE_TASK_STATUSES),
            "split_formset": split_formset or ClaimSplitFormSet(),
            "split_errors": split_errors or [],
            "can_refresh": can_edit or is_assignee,
            # The service refuses evidence for a rejected claim or an approved verdict; so does the page.
            "reference_add_form": (reference_add_form or ReferenceAddForm(prefix=REFERENCE_ADD_PREFIX))
            if (can_edit or is_assignee)
            and claim.status != ClaimStatus.REJECTED
            and getattr(task, "status", None) != TaskStatus.APPROVED
            else None,
            "can_start": is_assignee and task.status in (TaskStatus.ASSIGNED, TaskStatus.RETURNED),
            "verdict_form": verdict_form,
            "draft": draft,
            "can_decide": can_edit and in_review and task.status == TaskStatus.SUBMITTED,
            # Both carry the verdict revision shown, so a verdict resubmitted since is not decided unread.
            "approve_form": VerdictApproveForm(initial={"revision": task.verdict_revision}) if task else None,
            "return_form": VerdictReturnForm(initial={"revision": task.verdict_revision}) if task else None,
            "corrections": [
                (correction, correction.rating_change_for(article.language))
                for correction in corrections
                if not correction.is_open
            ],
            "open_correction": open_correction,
            "open_correction_previous_rating_label": open_correction.previous_rating_label_for(article.language)
            if open_correction
            else "",
            "reopen_form": VerdictReopenForm(initial={"revision": task.verdict_revision})
            if can_edit and in_review and task.status == TaskStatus.APPROVED
            else None,
            # The service's rule: an open correction with no corrected verdict waiting for approval.
            "withdraw_correction_form": CorrectionWithdrawForm(initial={"revision": task.verdict_revision})
            if can_edit and in_review and task.status in SUBMITTABLE_STATUSES and open_correction is not None
            else None,
            "history": history,
            "history_truncated": history_truncated,
            # Where an editor working through the approval queue goes next.
            "next_approval": review_task_approval_queue(user=request.user).exclude(claim=claim).first()
            if can_edit
            else None,
        },
        status=status,
    )


@login_required
@require_GET
@application_errors()
def claim_in_article(request, claim_id):
    """The claim's row on its article page: where the article page's claim actions return to."""
    claim = claim_get(user=request.user, claim_id=claim_id)
    return redirect(_in_article_url(claim.article_id, claim.pk))


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def claim_references_refresh(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    reference_services.claim_references_refresh(claim=claim, user=request.user)
    messages.success(request, _("References will be gathered again; this page shows them when done."))
    return redirect("claims:detail", claim_id=claim.pk)


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def claim_reference_add(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    form = ReferenceAddForm(request.POST, prefix=REFERENCE_ADD_PREFIX)
    if not form.is_valid():
        return _claim_page(request, claim, reference_add_form=form, status=400)
    try:
        reference, created = reference_services.claim_reference_add(
            claim=claim, user=request.user, url=form.cleaned_data["url"], title=form.cleaned_data["title"]
        )
    except ApplicationError as error:
        # A bad address is a mistake in the form: keep what was typed beside its error. Other
        # refusals (not the claim's reviewer, the verdict approved) leave no form to correct.
        if error.status != 400:
            raise
        form_add_service_errors(form, error)
        return _claim_page(request, claim, reference_add_form=form, status=400)
    if created:
        messages.success(request, _("Evidence added; tick it under “Cite references” to cite it in your verdict."))
    else:
        messages.success(request, _("This claim already has that URL among its references."))
    return redirect(reverse("claims:detail", kwargs={"claim_id": claim.pk}) + f"#reference-{reference.pk}")


@login_required
@require_GET
@application_errors()
def claim_references_progress(request, claim_id):
    """Polled by the claim page while the claim's references are gathered; it reloads when done."""
    claim = claim_get(user=request.user, claim_id=claim_id)
    return JsonResponse({"finished": not claim_references_gathering(claim=claim)})


@form_action("claims:in-article")
@application_errors(redirect_to="claims:in-article")
def claim_reject(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    form = ClaimRejectForm(request.POST)
    if form.is_valid():
        services.claim_reject(claim=claim, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Claim rejected; it is listed under “Held back and rejected”."))
    else:
        flash_form_errors(request, form)
    return redirect(_in_article_url(claim.article_id, claim.pk))


@form_action("claims:in-article")
@application_errors(redirect_to="claims:in-article")
def claim_release(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    services.claim_release(claim=claim, user=request.user)
    messages.success(request, _("Claim released into the review queue."))
    return redirect(_in_article_url(claim.article_id, claim.pk))


@form_action("claims:in-article")
@application_errors(redirect_to="claims:in-article")
def claim_update(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    form = ClaimUpdateForm(request.POST)
    if form.is_valid():
        services.claim_update(claim=claim, user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Claim text saved."))
    else:
        flash_form_errors(request, form)
    return redirect(_in_article_url(claim.article_id, claim.pk))


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def claims_merge(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    form = ClaimMergeForm(request.POST, user=request.user, article=article)
    if not form.is_valid():
        errors = [{"message": error, "field": name} for name, problems in form.errors.items() for error in problems]
        refused_claim_table_form_keep(request, article=article, errors=errors)
        return redirect(claim_table_page_url(request, article_id=article.pk))
    try:
        claim = services.claim_merge(claims=form.claims(), user=request.user, text=form.cleaned_data["text"])
    except ApplicationError as error:
        # Too few claims, or one the review has moved on from: a choice in the form to correct.
        # Not an editor (403) leaves nothing to correct.
        if error.status not in (400, 409):
            raise
        refused = {"message": error.message, "field": "tasks", "claim": _merge_refused_claim(form.claims())}
        refused_claim_table_form_keep(request, article=article, errors=[refused])
        return redirect(claim_table_page_url(request, article_id=article.pk))
    merged = len(form.cleaned_data["tasks"])
    if form.cleaned_data["text"].strip():
        messages.success(request, _("Merged %(count)d claims into one.") % {"count": merged})
    else:
        # The other claims' statements are gone from the wording a reviewer will rate.
        messages.success(
            request,
            _("Merged %(count)d claims into one, worded as the first; change the wording with “Edit or reject”.")
            % {"count": merged},
        )
    return redirect(_in_article_url(article.pk, claim.pk))


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def claim_create(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    form = ClaimAddForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("articles:detail", article_id=article.pk)
    data = form.cleaned_data
    start, end = data["start"], data["end"]
    if start is None:
        # Typed or pasted rather than selected: the editor works without a mouse. A passage the
        # article does not hold goes back into its field with the reason, to be corrected there.
        try:
            start, end = article_passage_span_get(article=article, passage=data["passage"])
        except ApplicationError as error:
            refused_passage_keep(request, article=article, passage=data["passage"], reason=error.message)
            return redirect("articles:detail", article_id=article.pk)
    claim = services.claim_create_from_span(article=article, user=request.user, start=start, end=end, text=data["text"])
    # A claim that ends its own sentence needs no second full stop after the quote.
    if claim.text.endswith((".", "!", "?")):
        added = _("Claim added: “%(text)s”") % {"text": claim.text}
    else:
        added = _("Claim added: “%(text)s”.") % {"text": claim.text}
    overlapped = claim_overlapping_list(user=request.user, claim=claim)
    messages.success(request, f"{added}{_overlap_note(overlapped)}")
    return redirect(_in_article_url(article.pk, claim.pk))


def _merge_refused_claim(claims) -> str | None:
    """The id of the first ticked claim that can no longer be merged (the one the service refused),
    or None when the refusal is about the choice as a whole (fewer than two claims)."""
    for claim in claims:
        try:
            services.claim_editable_check(claim=claim)
        except ApplicationError:
            return str(claim.pk)
    return None


def _overlap_note(overlapped: list) -> str:
    if not overlapped:
        return ""
    quoted = [_("“%(claim)s”") % {"claim": Truncator(other.text).words(8)} for other in overlapped]
    if len(quoted) == 1:
        return " " + _("It overlaps the claim %(claim)s.") % {"claim": quoted[0]}
    return " " + _("It overlaps %(count)d claims: %(others)s and %(last)s.") % {
        "count": len(quoted),
        "others": ", ".join(quoted[:-1]),
        "last": quoted[-1],
    }


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def claim_split(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    formset = ClaimSplitFormSet(request.POST)
    parts = _split_parts(formset, claim) if formset.is_valid() else None
    if parts is None:
        split_errors = _split_error_summary(formset)
        return _claim_page(request, claim, split_formset=formset, split_errors=split_errors, status=400)
    try:
        created = services.claim_split(claim=claim, user=request.user, parts=parts)
    except ApplicationError as error:
        # A part the article does not hold is a mistake in the form: keep what was typed. Other
        # refusals (not an editor, the review has moved on) leave no form to correct.
        if error.status != 400:
            raise
        return _claim_page(
            request, claim, split_formset=formset, split_errors=_split_error_summary(formset, error), status=400
        )
    messages.success(request, _("Claim split into %(count)d claims.") % {"count": len(created)})
    # The split claim is gone; its parts are on the article page.
    return redirect(_in_article_url(claim.article_id, created[0].pk))


def _split_error_summary(formset, error: ApplicationError | None = None) -> list[ErrorLink]:
    """The errors the split form's summary lists above the parts, each linked to its field: the
    formset's own (too few or too many parts) to the first part left empty, else the first part,
    and the service's refusal of a part (outside the article, empty) to that part's offsets, where
    it is shown too. Errors of a single field stay at the field alone, which takes focus itself."""
    forms = formset.forms
    unfilled = next((form for form in forms if not form.has_changed()), forms[0] if forms else None)
    # With no part sent at all there is no field: the link goes to the form.
    unfilled_field = f"{unfilled.prefix}-passage" if unfilled else "split-form"
    summary = [ErrorLink(message, unfilled_field) for message in formset.non_form_errors()]
    if error is not None:
        part = error.extra.get("part")
        if part is None:
            summary.append(ErrorLink(error.message, unfilled_field))
        else:
            form = formset.filled_forms()[part]
            form.add_error(None, error.message)
            summary.append(
                ErrorLink(
                    _("Part %(number)s: %(error)s") % {"number": forms.index(form) + 1, "error": error.message},
                    f"{form.prefix}-start",
                )
            )
    return summary


def _split_parts(formset, claim) -> list[dict] | None:
    """The parts of a valid split formset as the service takes them, a part typed or pasted looked
    up in the claim; None when one is not found there, its reason then at its passage field."""
    parts = []
    for form in formset.filled_forms():
        data = form.cleaned_data
        start, end = data["start"], data["end"]
        if start is None:
            try:
                start, end = claim_passage_span_get(claim=claim, passage=data["passage"])
            except ApplicationError as error:
                form.add_error("passage", error.message)
                continue
        parts.append({"start": start, "end": end, "text": data["text"]})
    return None if any(form.errors for form in formset.forms) else parts


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def claim_match_confirm(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    services.claim_match_confirm(claim=claim, user=request.user)
    messages.success(request, _("Match confirmed: the earlier verdict applies to this claim."))
    return redirect("claims:detail", claim_id=claim.pk)


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def claim_match_dismiss(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    services.claim_match_dismiss(claim=claim, user=request.user)
    messages.success(request, _("Match dismissed; it will not be suggested again."))
    return redirect("claims:detail", claim_id=claim.pk)


def _in_article_url(article_id, claim_id) -> str:
    """The claim's row on the article page; `claim` tells the page to show messages there."""
    return f"{reverse('articles:detail', args=[article_id])}?claim={claim_id}#claim-{claim_id}"


def _evidence(references: list[Reference]) -> list[Evidence]:
    ordered = sorted(references, key=lambda reference: STANCE_ORDER.get(reference.stance, len(STANCE_ORDER)))
    return [
        Evidence(
            reference=reference,
            passage=segment_spans(
                reference.passage, [(start, end, True) for start, end in reference.passage_highlights]
            ),
        )
        for reference in ordered
    ]


def _context(claim) -> tuple[list[PositionedSegment], bool, bool]:
    """The claim's paragraph with the pieces the claim was built from marked, and whether it
    was cut before and after: a long paragraph is cut at word boundaries, CONTEXT_CHARS either
    side of the claim."""
    body = claim.article.body
    separator = body.rfind("\n\n", 0, claim.start)
    paragraph_start = 0 if separator == -1 else separator + 2
    paragraph_end = body.find("\n\n", claim.end)
    if paragraph_end == -1:
        paragraph_end = len(body)
    window_start = max(paragraph_start, claim.start - CONTEXT_CHARS)
    window_end = min(paragraph_end, claim.end + CONTEXT_CHARS)
    if window_start > paragraph_start:
        window_start = body.find(" ", window_start, claim.start) + 1 or window_start
    if window_end < paragraph_end and (space := body.rfind(" ", claim.end, window_end)) != -1:
        window_end = space
    pieces = [(start, end, claim) for start, end in claim.pieces]
    segments = positioned_segments(body, pieces, window_start, window_end)
    return segments, window_start > paragraph_start, window_end < paragraph_end
