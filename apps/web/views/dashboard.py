from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from apps.articles.models import Article
from apps.articles.selectors import article_claim_counts_attach, article_languages, article_page_list
from apps.desks.selectors import membership_list_for_user
from apps.reviews.models import TaskStatus
from apps.reviews.selectors import review_status_counts_by_article, review_task_approval_queue, review_task_queue
from apps.web.forms.articles import ArticleListFilterForm

DASHBOARD_PAGE_SIZE = 25


@dataclass(frozen=True)
class DashboardRow:
    article: Article
    # (status, label, count) for each review status some of the article's claims are in.
    status_counts: list[tuple[str, str, int]]


@dataclass(frozen=True)
class DeskRow:
    name: str
    role: str
    # The desk report is for its editors and admins: the slug links to it, "" for reviewers.
    report_slug: str = ""


@login_required
def dashboard(request):
    filter_form = ArticleListFilterForm(request.GET, languages=article_languages(user=request.user))
    # A language no article is in is refused (400) rather than answered with an empty list.
    language = (filter_form.cleaned_data["language"] or None) if filter_form.is_valid() else None
    # Claims are counted for the page shown, not for every article before it.
    articles = article_page_list(user=request.user, language=language)
    page = Paginator(articles, DASHBOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = article_claim_counts_attach(articles=page.object_list)
    counts = review_status_counts_by_article(article_ids=[article.pk for article in page])
    rows = [
        DashboardRow(
            article=article,
            status_counts=[
                (status, TaskStatus(status).label, count)
                for status, count in counts.get(article.pk, {}).items()
                if count
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
            "filter_form": filter_form,
            "language": language or "",
            "desks": [
                DeskRow(name=desk.name, role=m.get_role_display(), report_slug=desk.slug if m.can_edit else "")
                for desk, m in memberships
            ],
            "can_import": any(m.can_edit for _, m in memberships),
            "queue_count": review_task_queue(user=request.user).count()
            + review_task_approval_queue(user=request.user).count(),
        },
        status=400 if filter_form.errors else 200,
    )
