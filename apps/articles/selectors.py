from django.db.models import Count, Q, QuerySet

from apps.core.exceptions import NotFoundError
from apps.core.ids import uuid_or_404
from apps.desks.selectors import desk_ids_for_user

from .models import Article


def article_list(*, user) -> QuerySet[Article]:
    return (
        Article.objects.filter(desk_id__in=desk_ids_for_user(user=user))
        .select_related("desk", "imported_by")
        .annotate(claim_count=Count("claims", distinct=True))
    )


def article_get(*, user, article_id) -> Article:
    article = (
        Article.objects.filter(
            Q(pk=uuid_or_404(article_id, what="Article")) & Q(desk_id__in=desk_ids_for_user(user=user))
        )
        .select_related("desk", "imported_by")
        .first()
    )
    if article is None:
        raise NotFoundError("Article not found.")
    return article
