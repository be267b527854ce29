from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.core.text import Segment, segment_spans
from apps.core.views import application_errors
from apps.desks.selectors import membership_get
from apps.references import services as reference_services
from apps.references.selectors import reference_list, source_link_list
from apps.reviews.forms import VerdictForm, VerdictReturnForm
from apps.reviews.models import TaskStatus
from apps.reviews.services import SUBMITTABLE_STATUSES

from .selectors import claim_get

# How much of the claim's paragraph to show on each side of it.
CONTEXT_CHARS = 320


@login_required
@application_errors()
def claim_detail(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    article = claim.article
    # Claims held back from review (predictions, opinions) have no review task.
    task = getattr(claim, "review_task", None)
    verdict = getattr(task, "verdict", None)
    references = list(reference_list(user=request.user, claim=claim))
    is_assignee = task is not None and task.assignee_id == request.user.pk
    can_edit = membership_get(user=request.user, desk=article.desk).can_edit

    verdict_form = None
    if is_assignee and task.status in SUBMITTABLE_STATUSES:
        initial = {}
        if verdict is not None:
            initial = {
                "rating": verdict.rating_id,
                "rationale": verdict.rationale,
                "references": [str(reference.pk) for reference in verdict.cited_references.all()],
            }
        verdict_form = VerdictForm(desk=article.desk, references=references, initial=initial)

    return render(
        request,
        "claims/detail.html",
        {
            "claim": claim,
            "article": article,
            "context": _context(claim),
            "task": task,
            "verdict": verdict,
            "source_links": source_link_list(user=request.user, claim=claim),
            "references": references,
            "can_edit": can_edit,
            "can_refresh": can_edit or is_assignee,
            "can_start": is_assignee and task.status in (TaskStatus.ASSIGNED, TaskStatus.RETURNED),
            "verdict_form": verdict_form,
            "can_decide": can_edit and task is not None and task.status == TaskStatus.SUBMITTED,
            "return_form": VerdictReturnForm(),
        },
    )


@login_required
@require_POST
@application_errors(redirect_to="claims:detail")
def claim_references_refresh(request, claim_id):
    claim = claim_get(user=request.user, claim_id=claim_id)
    reference_services.claim_references_refresh(claim=claim, user=request.user)
    messages.success(request, "References will be gathered again; this page shows them when done.")
    return redirect("claims:detail", claim_id=claim.pk)


def _context(claim) -> list[Segment]:
    """The claim's paragraph with the pieces the claim was built from marked; a long paragraph
    is cut at word boundaries, CONTEXT_CHARS either side of the claim."""
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
    pieces = [(start - window_start, end - window_start, claim) for start, end in _pieces(claim)]
    segments = segment_spans(body[window_start:window_end], pieces)
    if window_start > paragraph_start:
        segments.insert(0, Segment("…"))
    if window_end < paragraph_end:
        segments.append(Segment("…"))
    return segments


def _pieces(claim) -> list[tuple[int, int]]:
    return [(start, end) for start, end in claim.spans] or [(claim.start, claim.end)]
