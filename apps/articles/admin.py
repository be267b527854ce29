from django.contrib import admin

from apps.core.admin import AuditedAdmin

from .models import Article


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    list_display = ["title", "desk", "outlet", "published_on", "source_kind", "intake_status", "created_at"]
    list_filter = ["desk", "source_kind", "intake_status"]
    search_fields = ["title", "outlet", "byline", "body"]
    readonly_fields = [
        "content_hash", "imported_by", "created_at", "updated_at",
        "intake_status", "intake_queued_at", "intake_started_at", "intake_attempts", "intake_error",
    ]  # fmt: skip
    date_hierarchy = "created_at"

    def audit_place(self, obj: Article) -> dict:
        return {"article": obj}
