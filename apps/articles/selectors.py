from collections.abc import Iterable

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from apps.core.exceptions import NotFoundError
from apps.core.ids import uuid_or_404
from apps.core.languages import language_matches
from apps.desks.selectors import desk_ids_for_user

from .models import Article


def article_list(*, user) -> QuerySet[Article]:
    """The user's desks' articles, newest first, each with `claim_count`: its claims in the review
    queue, as the article page counts them (held back and rejected claims are listed apart there)."""
    # A subquery, not a join and GROUP BY: SQLite groups by every selected column, the body
    # included, so a 2 MB article with 7,000 claims took minutes to count.
    in_queue = (
        _claims_in_queue()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return _articles_of(user).annotate(claim_count=Coalesce(Subquery(in_queue), 0))


def article_page_list(*, user, language: str | None = None) -> QuerySet[Article]:
    """The user's desks' articles, newest first, for lists shown a page at a time: without their
    bodies, and without `claim_count`, which `article_claim_counts_attach` adds to the page.
    `language` (a normalized BCP 47 tag) keeps the articles in it or a narrower tag ("pt": "pt-BR").

    PostgreSQL works out the columns of a SELECT for every row an OFFSET skips, and sorts them
    all: a late page of a desk's history counted the claims of every article before it, and
    sorted their bodies on disk."""
    articles = _articles_of(user).defer("body")
    if language:
        articles = articles.filter(language_matches("language", language))
    return articles


def article_languages(*, user) -> list[str]:
    """The languages the user's desks' articles are in, for language filters; "" (not known) left out."""
    return list(
        Article.objects.filter(desk_id__in=desk_ids_for_user(user=user))
        .exclude(language="")
        .order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )


def article_claim_counts_attach(*, articles: Iterable[Article]) -> list[Article]:
    """The articles, each given `claim_count` as `article_list` counts it, in one query."""
    articles = list(articles)
    counts = dict(
        _claims_in_queue()
        .filter(article_id__in=[article.pk for article in articles])
        .order_by()
        .values("article")
        .annotate(count=Count("pk"))
        .values_list("article", "count")
    )
    for article in articles:
        article.claim_count = counts.get(article.pk, 0)
    return articles


def _articles_of(user) -> QuerySet[Article]:
    return (
        Article.objects.filter(desk_id__in=desk_ids_for_user(user=user))
        .select_related("desk", "imported_by")
        .order_by("-created_at")
    )


def _claims_in_queue() -> QuerySet:
    # Articles come before claims in the workflow and do not import them
    # (tests/core/test_layering.py): the model comes from the relation, and "active" is
    # ClaimStatus.ACTIVE spelled out.
    claim_model = Article._meta.get_field("claims").related_model
    return claim_model.objects.filter(status="active")


def article_get(*, user, article_id) -> Article:
    article = (
        article_list(user=user).filter(pk=uuid_or_404(article_id, not_found=gettext("Article not found."))).first()
    )
    if article is None:
        raise NotFoundError(gettext("Article not found."))
    return article


def article_get_unscoped(*, article_id) -> Article:
    """Any article, for the operator's command line (which has no user to scope by)."""
    article = (
        Article.objects.filter(pk=uuid_or_404(article_id, not_found=gettext("Article not found.")))
        .select_related("desk")
        .first()
    )
    if article is None:
        raise NotFoundError(gettext("There is no article with id %(id)s.") % {"id": article_id})
    return article
