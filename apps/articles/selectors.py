from django.db.models import Count, QuerySet

from apps.core.exceptions import NotFoundError
from apps.core.ids import uuid_or_404
from apps.desks.selectors import desk_ids_for_user

from .models import Article


def article_list(*, user) -> QuerySet[Article]:
    return (
        Article.objects.filter(desk_id__in=desk_ids_for_user(user=user))
        .select_related("desk", "imported_by")
        .annotate(claim_count=Count("claims", distinct=True))
        .order_by("-created_at")
    )


def article_get(*, user, article_id) -> Article:
    article = article_list(user=user).filter(pk=uuid_or_404(article_id, what="Article")).first()
    if article is None:
        raise NotFoundError("Article not found.")
    return article
