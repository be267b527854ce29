from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from apps.articles.selectors import article_get
from apps.core.exceptions import ApplicationError
from apps.references.selectors import reference_list
from apps.reviews import services
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import (
    review_task_approval_queue,
    review_task_for_claim,
    review_task_queue,
    review_task_queue_summary,
    review_tasks_get,
)
from apps.web.actions import form_action
from apps.web.article_page import claim_table_page_url, refused_claim_table_form_keep
from apps.web.errors import application_errors, flash_form_errors
from apps.web.forms.reviews import (
    CorrectionWithdrawForm,
    ReviewAssignForm,
    ReviewQueueFilterForm,
    VerdictApproveForm,
    VerdictBulkApproveForm,
    VerdictForm,
    VerdictReopenForm,
    VerdictReturnForm,
)

# Enough for a day's work on one screen; a desk's backlog of hundreds is paged.
QUEUE_PAGE_SIZE = 50


@login_required
def review_queue(request):
    filters = ReviewQueueFilterForm(request.GET, user=request.user)
    chosen = filters.queue_filters()
    tasks = review_task_queue(user=request.user, **chosen)
    summary = review_task_queue_summary(user=request.user)
    approvals = Paginator(review_task_approval_queue(user=request.user), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("approvals_page")
    )
    # Each verdict's rating named as its claim's page and its article's exports name it: in the
    # article's language (read with the page's tasks, no query a row).
    approvals.object_list = [
        (task, task.verdict.rating.label_for(task.claim.article.language)) for task in approvals.object_list
    ]
    return render(
        request,
        "reviews/queue.html",
        {
            "filters": filters,
            "filtered": any(chosen.values()),
            "summary": summary,
            # The header counts the same work; this page has it already.
            "my_work": summary,
            "tasks": Paginator(tasks, QUEUE_PAGE_SIZE).get_page(request.GET.get("page")),
            "approvals": approvals,
            # Pager links keep the filters and the other list's page.
            "query_without_page": _without(request.GET, "page"),
            "query_without_approvals_page": _without(request.GET, "approvals_page"),
        },
    )


@form_action("reviews:queue")
@application_errors(redirect_to="reviews:queue")
def verdicts_approve(request):
    form = VerdictBulkApproveForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("reviews:queue")
    ticked = form.cleaned_data["approve"]
    # A task outside the user's desks is a 404, as on its own page.
    review_tasks_get(user=request.user, task_ids=ticked, include_out_of_review=True)
    outcome = services.verdicts_approve(editor=request.user, seen_revisions=ticked)
    if outcome.approved:
        count = len(outcome.approved)
        messages.success(
            request, ngettext("Approved %(count)d verdict.", "Approved %(count)d verdicts.", count) % {"count": count}
        )
    if outcome.changed:
        count = len(outcome.changed)
        not_approved = ngettext(
            "Not approved: %(count)d verdict, as the reviewer changed them after this list was shown; "
            "read them again: %(claims)s",
            "Not approved: %(count)d verdicts, as the reviewer changed them after this list was shown; "
            "read them again: %(claims)s",
            count,
        )
        messages.error(request, not_approved % {"count": count, "claims": _quoted_claims(outcome.changed)})
    if outcome.returned:
        count = len(outcome.returned)
        not_approved = ngettext(
            "Not approved: %(count)d verdict, as another editor returned them to the reviewer: %(claims)s",
            "Not approved: %(count)d verdicts, as another editor returned them to the reviewer: %(claims)s",
            count,
        )
        messages.error(request, not_approved % {"count": count, "claims": _quoted_claims(outcome.returned)})
    return redirect("reviews:queue")


def _quoted_claims(tasks) -> str:
    return ", ".join(_("“%(claim)s”") % {"claim": Truncator(task.claim.text).words(10)} for task in tasks)


def _without(query, name: str) -> str:
    query = query.copy()
    query.pop(name, None)
    return query.urlencode()


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def article_tasks_assign(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    form = ReviewAssignForm(request.POST, user=request.user, article=article)
    if not form.is_valid():
        flash_form_errors(request, form)
        refused_claim_table_form_keep(request, article=article)
        return redirect(claim_table_page_url(request, article_id=article.pk))
    assignee = form.cleaned_data["assignee"].user
    try:
        tasks = services.review_tasks_assign(
            editor=request.user,
            tasks=form.cleaned_data["tasks"],
            assignee=assignee,
            due_date=form.cleaned_data["due_date"],
        )
    except ApplicationError as error:
        # A claim the review has moved on from, or a due date in the past: a choice to correct on
        # the page of the table it was made on. Not an editor (403) leaves nothing to correct.
        if error.status not in (400, 409):
            raise
        messages.error(request, error.message)
        refused_claim_table_form_keep(request, article=article)
        return redirect(claim_table_page_url(request, article_id=article.pk))
    assigned = ngettext(
        "Assigned %(count)d claim to %(reviewer)s.", "Assigned %(count)d claims to %(reviewer)s.", len(tasks)
    )
    messages.success(request, assigned % {"count": len(tasks), "reviewer": assignee.get_username()})
    return redirect("articles:detail", article_id=article.pk)


def _bound_verdict_form(request, task, *, draft: bool = False) -> VerdictForm:
    references = reference_list(user=request.user, claim=task.claim)
    article = task.claim.article
    return VerdictForm(request.POST, desk=article.desk, language=article.language, references=references, draft=draft)


def _verdict_fields(form: VerdictForm) -> dict:
    """The sent verdict as the review services take it (submitting and saving a draft alike)."""
    data = form.cleaned_data
    return {
        "rating": data["rating"],
        "rationale": data["rationale"],
        "reference_ids": data["references"],
        "seen_revision": data["revision"],
    }


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_submit(request, claim_id):
    task = review_task_for_claim(user=request.user, claim_id=claim_id)
    form = _bound_verdict_form(request, task)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("claims:detail", claim_id=claim_id)
    rationale = form.cleaned_data["rationale"]
    try:
        services.verdict_submit(user=request.user, task=task, **_verdict_fields(form))
    except ApplicationError as error:
        # The claim can be rejected or reassigned, or the verdict changed, while the reviewer
        # writes: hand back what they wrote, since the page they return to may no longer hold a
        # verdict form, or holds the verdict as it is now.
        messages.error(request, error.message)
        if rationale.strip():
            messages.info(
                request,
                _("Your rationale was not recorded; here it is to keep: “%(rationale)s”")
                % {"rationale": rationale.strip()},
            )
        return redirect("claims:detail", claim_id=claim_id)
    messages.success(request, _("Verdict submitted for the editor's approval."))
    return redirect("claims:detail", claim_id=claim_id)


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_draft_save(request, claim_id):
    task = review_task_for_claim(user=request.user, claim_id=claim_id)
    form = _bound_verdict_form(request, task, draft=True)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("claims:detail", claim_id=claim_id)
    rationale = form.cleaned_data["rationale"]
    starting = task.status in (TaskStatus.ASSIGNED, TaskStatus.RETURNED)
    try:
        draft = services.verdict_draft_save(user=request.user, task=task, **_verdict_fields(form))
    except ApplicationError as error:
        messages.error(request, error.message)
        if rationale.strip():
            messages.info(
                request,
                _("Your draft was not saved; here is its rationale to keep: “%(rationale)s”")
                % {"rationale": rationale.strip()},
            )
        return redirect("claims:detail", claim_id=claim_id)
    if draft is not None:
        messages.success(request, _("Draft saved. The editor sees nothing until you submit the verdict."))
    elif starting:
        messages.success(request, _("Review started."))
    else:
        messages.success(request, _("Nothing is written in the form, so no draft is kept."))
    return redirect("claims:detail", claim_id=claim_id)


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_approve(request, claim_id):
    task = review_task_for_claim(user=request.user, claim_id=claim_id)
    form = VerdictApproveForm(request.POST)
    if form.is_valid():
        services.verdict_approve(editor=request.user, task=task, seen_revision=form.cleaned_data["revision"])
        messages.success(request, _("Verdict approved."))
    else:
        flash_form_errors(request, form)
    return redirect("claims:detail", claim_id=claim_id)


def _send_editor_note(request, claim_id, form_class, send, *, sent: str, not_kept: str):
    """An editor's note to a verdict's reviewer (a return, a reopening). When the verdict moved on meanwhile
    the page they go back to has no form for it, so the refused note is handed back to keep (`not_kept`
    says so, with the note as %(note)s)."""
    task = review_task_for_claim(user=request.user, claim_id=claim_id)
    form = form_class(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("claims:detail", claim_id=claim_id)
    note = form.cleaned_data["note"]
    try:
        send(editor=request.user, task=task, note=note, seen_revision=form.cleaned_data["revision"])
    except ApplicationError as error:
        messages.error(request, error.message)
        messages.info(request, not_kept % {"note": note.strip()})
        return redirect("claims:detail", claim_id=claim_id)
    messages.success(request, sent)
    return redirect("claims:detail", claim_id=claim_id)


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_return(request, claim_id):
    return _send_editor_note(
        request,
        claim_id,
        VerdictReturnForm,
        services.verdict_return,
        sent=_("Verdict returned to the reviewer."),
        not_kept=_("Your note was not sent; here it is to keep: “%(note)s”"),
    )


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_reopen(request, claim_id):
    return _send_editor_note(
        request,
        claim_id,
        VerdictReopenForm,
        services.verdict_reopen,
        sent=_(
            "Verdict reopened for correction and returned to its reviewer. Reports keep the verdict as published "
            "until the corrected one is approved."
        ),
        not_kept=_("Your note was not recorded; here it is to keep: “%(note)s”"),
    )


@form_action("claims:detail")
@application_errors(redirect_to="claims:detail")
def verdict_correction_withdraw(request, claim_id):
    task = review_task_for_claim(user=request.user, claim_id=claim_id)
    form = CorrectionWithdrawForm(request.POST)
    if form.is_valid():
        services.verdict_correction_withdraw(
            editor=request.user, task=task, seen_revision=form.cleaned_data["revision"]
        )
        messages.success(request, _("Correction withdrawn. The verdict stands as published and is approved again."))
    else:
        flash_form_errors(request, form)
    return redirect("claims:detail", claim_id=claim_id)
