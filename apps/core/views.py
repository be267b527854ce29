from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.articles.models import Article
from apps.articles.selectors import article_list
from apps.core.exceptions import ApplicationError
from apps.desks.selectors import membership_list_for_user
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import review_status_counts_by_article, review_task_queue

DASHBOARD_PAGE_SIZE = 25


def application_errors(redirect_to: str | None = None):
    """Show a broken domain rule (ApplicationError) to a browser user instead of a 500.

    Actions name the page they are posted from in `redirect_to`; it is reversed with the
    action's own URL kwargs, so the user lands back where they were with the message flashed
    (Post/Redirect/Get). Pages, and errors about something that does not exist or lies outside
    the user's desks (404), render the error page with the error's status instead: redirecting
    to a page that cannot be shown would only loop.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except ApplicationError as error:
                if redirect_to is None or error.status == 404:
                    return render(request, "error.html", {"error": error}, status=error.status)
                messages.error(request, error.message)
                return redirect(reverse(redirect_to, kwargs=kwargs))

        return wrapper

    return decorator


def flash_form_errors(request, form) -> None:
    """Flash a rejected action form's errors; the page it came from shows them."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@dataclass(frozen=True)
class DashboardRow:
    article: Article
    # (label, count) for each review status some of the article's claims are in.
    status_counts: list[tuple[str, int]]


@dataclass(frozen=True)
class DeskRow:
    name: str
    role: str


@login_required
def dashboard(request):
    # The claim-count annotation groups rows, and Django drops Meta.ordering from grouped queries.
    articles = article_list(user=request.user).order_by("-created_at")
    page = Paginator(articles, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = review_status_counts_by_article(article_ids=[article.pk for article in page])
    rows = [
        DashboardRow(
            article=article,
            status_counts=[
                (TaskStatus(status).label, count) for status, count in counts.get(article.pk, {}).items() if count
            ],
        )
        for article in page
    ]
    memberships = [(m.desk, m) for m in membership_list_for_user(user=request.user)]
    return render(
        request,
        "core/dashboard.html",
        {
            "page": page,
            "rows": rows,
            "desks": [DeskRow(name=desk.name, role=m.get_role_display()) for desk, m in memberships],
            "can_import": any(m.can_edit for _, m in memberships),
            "queue_count": review_task_queue(user=request.user).count(),
        },
    )
