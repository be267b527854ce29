from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from apps.core.exceptions import ApplicationError
from apps.reports.search import claim_search, search_result_verdict, search_results_load, search_terms_parse
from apps.web.forms.search import SearchForm

SEARCH_PAGE_SIZE = 25


@login_required
def search(request):
    form = SearchForm(request.GET, user=request.user)
    page = None
    arguments = form.search_arguments() if form.is_valid() else None
    if arguments is not None:
        try:
            claims = claim_search(user=request.user, **arguments)
        except ApplicationError as error:
            form.add_error("q", error.message)
        else:
            page = Paginator(claims, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
            page.object_list = [_result(claim) for claim in search_results_load(claims=page.object_list)]
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "reports/search.html",
        {
            "form": form,
            "results": page,
            "searched": arguments is not None and any(value for value in arguments.values()),
            "terms": search_terms_parse(arguments["query"]) if arguments else None,
            "query_without_page": query_without_page.urlencode(),
        },
        status=400 if form.errors else 200,
    )


def _result(claim) -> dict:
    applied = search_result_verdict(claim)
    task = getattr(claim, "review_task", None)
    verdict = applied.verdict if applied else None
    return {
        "claim": claim,
        "task": task,
        "verdict": verdict,
        # As the exports name it: its label in the article's language (read with the page's claims).
        "rating_label": verdict.rating.label_for(claim.article.language) if verdict else "",
        "reused_from": applied.reused_from if applied else None,
        "reviewer": verdict.reviewer if verdict else (task.assignee if task else None),
    }
