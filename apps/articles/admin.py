from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.core.admin import AuditedAdmin

from .models import Article
from .services import article_lock_unless_intake_runs


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    list_display = ["title", "desk", "outlet", "language", "published_on", "source_kind", "intake_status", "created_at"]
    list_filter = ["desk", "language", "source_kind", "intake_status"]
    search_fields = ["title", "outlet", "byline", "body"]
    readonly_fields = [
        "content_hash", "imported_by", "created_at", "updated_at",
        "intake_status", "intake_queued_at", "intake_started_at", "intake_attempts", "intake_error",
    ]  # fmt: skip
    date_hierarchy = "created_at"

    def audit_place(self, obj: Article) -> dict:
        return {"article": obj}

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list:
        # Claims point into the text by character offsets, and their reviews belong to the desk's
        # people and scale: an imported article keeps its text and its desk.
        return [*self.readonly_fields, "desk", "body"] if obj is not None else self.readonly_fields

    # Not while a worker finds the article's claims, as in the app: it holds the row for minutes.
    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        article_lock_unless_intake_runs(article_id=obj.pk)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for article_id in queryset.values_list("pk", flat=True):
            article_lock_unless_intake_runs(article_id=article_id)
        super().delete_queryset(request, queryset)
