from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from apps.articles import services
from apps.articles.selectors import article_get
from apps.articles.tips import tips_for_article
from apps.claims.models import ClaimStatus, ExtractionStatus
from apps.claims.selectors import article_extraction_get, article_extraction_message, claim_list
from apps.claims.services import EDITABLE_TASK_STATUSES, VERDICT_TASK_STATUSES
from apps.core.exceptions import ApplicationError
from apps.core.languages import language_name_for_reader
from apps.desks.selectors import desk_for_import, desk_list_for_user, membership_get
from apps.references.selectors import article_reference_progress
from apps.reports.selectors import report_get
from apps.reviews.services import ASSIGNABLE_STATUSES
from apps.web.actions import form_action, form_page
from apps.web.article_page import refused_claim_table_form_take, refused_passage_take
from apps.web.claim_display import PositionedSegment, ShownStatus, claim_shown_status, positioned_segments
from apps.web.errors import ErrorLink, application_errors, import_rate_refusal
from apps.web.forms.articles import ArticleImportForm
from apps.web.forms.reviews import ReviewAssignForm


@form_page
@application_errors()
def article_import(request):
    # Only editors import: a reviewer gets the 403 page rather than a form that cannot work.
    default_desk = desk_for_import(user=request.user, desk_ref=None)
    desks = list(desk_list_for_user(user=request.user))
    if request.method != "POST":
        form = ArticleImportForm(desks=desks, initial={"desk": default_desk.slug})
        return render(request, "articles/import.html", {"form": form})

    form = ArticleImportForm(request.POST, request.FILES, desks=desks)
    if not form.is_valid():
        return render(request, "articles/import.html", {"form": form}, status=400)

    refusal = import_rate_refusal(request)
    if refusal is not None:
        form.add_error(None, refusal.message)
        response = render(request, "articles/import.html", {"form": form}, status=refusal.status)
        response["Retry-After"] = str(refusal.extra["retry_after"])
        return response

    data = form.cleaned_data
    upload = request.FILES.get("file")
    try:
        desk = desk_for_import(user=request.user, desk_ref=data["desk"] or default_desk.slug)
        result = services.article_import(
            desk=desk,
            user=request.user,
            text=data["text"],
            data=upload.read(services.article_upload_max_bytes() + 1) if upload is not None else None,
            filename=upload.name if upload is not None else "",
            url=data["url"],
            language=data["language"],
        )
    except ApplicationError as error:
        # A refusal is about what was handed in (the article, or a desk the user does not edit),
        # so it belongs on the form.
        form.add_error(None, error.message)
        return render(request, "articles/import.html", {"form": form}, status=error.status)

    if result.created and result.article.intake_pending:
        messages.info(
            request,
            _(
                "Imported “%(title)s”. It is a long article, so its claims are being found in the "
                "background; this page lists them as soon as they are ready."
            )
            % {"title": result.article.title},
        )
    elif result.created:
        claims = claim_list(user=request.user, article=result.article).count()
        if claims:
            imported = ngettext(
                "Imported “%(title)s”: %(count)d claim to check.",
                "Imported “%(title)s”: %(count)d claims to check.",
                claims,
            )
            messages.success(request, imported % {"title": result.article.title, "count": claims})
        else:
            messages.info(
                request,
                _("Imported “%(title)s”. No claims to check were found; add them from the text.")
                % {"title": result.article.title},
            )
    else:
        messages.info(request, _("This article was imported before; here it is."))
    return redirect("articles:detail", article_id=result.article.pk)


@login_required
@application_errors()
def article_detail(request, article_id):
    report = report_get(user=request.user, article_id=article_id)
    article = report.article
    can_edit = membership_get(user=request.user, desk=article.desk).can_edit
    extraction = article_extraction_get(article=article)
    # Held (prediction/opinion) and rejected claims stay off the queue; the report holds only
    # the queue's claims, so they are listed on their own, in reading order.
    set_aside = sorted(
        [
            *claim_list(user=request.user, article=article, status=ClaimStatus.HELD),
            *claim_list(user=request.user, article=article, status=ClaimStatus.REJECTED),
        ],
        key=lambda claim: (claim.start, claim.end),
    )
    # Claim actions come back to the claim's row (?claim=…#claim-…), far down a long page; their
    # message goes in that row rather than at the top, out of view.
    message_claim = next(
        (
            claim
            for claim in [*(row.claim for row in report.rows), *set_aside]
            if str(claim.pk) == request.GET.get("claim")
        ),
        None,
    )
    claim_rows = _claim_rows(report)
    segments = _highlighted(report.article.body, claim_rows)
    claim_page = _claim_table_page(claim_rows, request.GET.get("page"), message_claim)
    refused_form = refused_claim_table_form_take(request, article=article) if can_edit else None
    return render(
        request,
        "articles/detail.html",
        {
            "article": article,
            "report": report,
            "claim_rows": claim_rows,
            "claim_page": claim_page,
            "segments": segments,
            "has_overlaps": any(len(segment.keys) > 1 for segment in segments),
            "set_aside": set_aside,
            "message_claim": message_claim,
            "extraction_notice": _extraction_notice(extraction),
            "language_name": language_name_for_reader(article.language),
            "can_edit": can_edit,
            "refused_passage": refused_passage_take(request, article=article) if can_edit else None,
            "refused_form": refused_form,
            "merge_errors": _merge_error_summary(refused_form, claim_page),
            "assign_form": _assign_form(request, article, refused_form) if can_edit else None,
            "assignable_statuses": ASSIGNABLE_STATUSES,
            "editable_statuses": EDITABLE_TASK_STATUSES,
            "verdict_statuses": VERDICT_TASK_STATUSES,
            "progress": article_reference_progress(article=article),
            "reader_tips": tips_for_article(article=article),
        },
    )


@login_required
@require_GET
@application_errors()
def article_intake_progress(request, article_id):
    """Polled by the article page while a long article's claims are found; it reloads when done."""
    article = article_get(user=request.user, article_id=article_id)
    return JsonResponse({"finished": not article.intake_pending})


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def article_intake_retry(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    # Finding an article's claims again costs what an import does, and the API counts it as one.
    refusal = import_rate_refusal(request)
    if refusal is not None:
        raise refusal
    services.article_intake_retry(article=article, user=request.user)
    messages.success(request, _("Finding this article's claims again; this page lists them when they are ready."))
    return redirect("articles:detail", article_id=article.pk)


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def article_language(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    services.article_language_set(article=article, user=request.user, language=request.POST.get("language", ""))
    name = language_name_for_reader(article.language)
    saved = (
        _("Saved the article's language: %(name)s.") % {"name": name} if name else _("Cleared the article's language.")
    )
    if article.intake_pending:
        saved += " " + _("Finding its claims now; this page lists them when they are ready.")
    messages.success(request, saved)
    return redirect("articles:detail", article_id=article.pk)


@form_action("articles:detail")
@application_errors(redirect_to="articles:detail")
def article_fact_check_url(request, article_id):
    article = article_get(user=request.user, article_id=article_id)
    services.article_fact_check_url_set(article=article, user=request.user, url=request.POST.get("fact_check_url", ""))
    if article.fact_check_url:
        messages.success(request, _("Saved where the fact-check is published; ClaimReview exports now link to it."))
    else:
        messages.success(request, _("Cleared the fact-check's address."))
    return redirect("articles:detail", article_id=article.pk)


@login_required
@require_GET
@application_errors()
def article_progress(request, article_id):
    """Polled by the article page while reference gathering runs."""
    article = article_get(user=request.user, article_id=article_id)
    return JsonResponse(article_reference_progress(article=article))


@dataclass(frozen=True)
class ClaimRow:
    """A row of the claims table, which the article text marks in its status's colour; where
    claims overlap, the text names each by its number in the table."""

    number: int
    row: object  # apps.reports ReportRow
    status: ShownStatus


# The text marks every claim; the table, with its forms, lists them a page at a time, so a
# book-length article (7,000 claims) is not one page of 30 MB that takes half a minute to render.
CLAIM_TABLE_PAGE_SIZE = 200


def _claim_table_page(claim_rows: list[ClaimRow], page: str | None, message_claim) -> Page:
    """The asked-for page of the claims table; without one, the page holding the claim an action
    came back to (its row carries the action's message)."""
    paginator = Paginator(claim_rows, CLAIM_TABLE_PAGE_SIZE)
    if page is None and message_claim is not None:
        index = next((i for i, claim_row in enumerate(claim_rows) if claim_row.row.claim.pk == message_claim.pk), 0)
        page = str(index // CLAIM_TABLE_PAGE_SIZE + 1)
    return paginator.get_page(page)


def _assign_form(request, article, refused: dict | None) -> ReviewAssignForm:
    """The form above the claims table; after a refusal, with the reviewer and due date it was sent with."""
    initial = {"assignee": refused["assignee"], "due_date": refused["due_date"]} if refused else None
    return ReviewAssignForm(user=request.user, article=article, initial=initial)


def _merge_error_summary(refused: dict | None, claim_page: Page) -> list[ErrorLink]:
    """A refused merge's errors for the summary above the claims table, each linked to the control
    it is about (the GOV.UK error summary): the merged wording; the checkbox of the claim the
    service refused, named by its number; else the first claim still ticked on this page, or the
    first that can be ticked."""
    if not refused:
        return []
    tickable = [
        claim_row
        for claim_row in claim_page
        if getattr(claim_row.row.claim, "review_task", None) and claim_row.row.status in ASSIGNABLE_STATUSES
    ]
    ticked = [claim_row for claim_row in tickable if str(claim_row.row.claim.review_task.pk) in refused["tasks"]]
    first = next(iter(ticked or tickable), None)
    by_claim = {str(claim_row.row.claim.pk): claim_row for claim_row in tickable}
    summary = []
    for error in refused["errors"]:
        about = by_claim.get(error["claim"] or "")
        if error["field"] == "text":
            summary.append(ErrorLink(error["message"], "merge-text"))
        elif about is not None:
            summary.append(
                ErrorLink(
                    _("Claim %(number)s: %(error)s") % {"number": about.number, "error": error["message"]},
                    f"select-{about.row.claim.pk}",
                )
            )
        else:
            summary.append(ErrorLink(error["message"], f"select-{first.row.claim.pk}" if first else "assign-form"))
    return summary


def _claim_rows(report) -> list[ClaimRow]:
    return [
        ClaimRow(
            number=number,
            row=row,
            status=claim_shown_status(task=getattr(row.claim, "review_task", None), reused_from=row.reused_from),
        )
        for number, row in enumerate(report.rows, start=1)
    ]


def _highlighted(body: str, claim_rows: list[ClaimRow]) -> list[PositionedSegment]:
    """The body cut into plain text and claim pieces, each knowing its offsets in the body (for
    "Add claim from selection") and every claim covering it. A split claim is marked by the
    pieces it was built from ("Russia and China … have vetoed"), not its whole covering span, and
    text two claims share is marked for both, so no claim vanishes inside another's highlight."""
    pieces = [(start, end, claim_row) for claim_row in claim_rows for start, end in claim_row.row.claim.pieces]
    return positioned_segments(body, pieces, 0, len(body))


def _extraction_notice(extraction) -> str:
    """Why the extractor found nothing, when it refused the article (a language it cannot read)."""
    if extraction is None or extraction.status != ExtractionStatus.UNSUPPORTED_LANGUAGE:
        return ""
    return article_extraction_message(extraction=extraction)
