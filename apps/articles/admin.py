from django.contrib import admin

from .models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "desk", "outlet", "published_on", "source_kind", "created_at"]
    list_filter = ["desk", "source_kind"]
    search_fields = ["title", "outlet", "byline", "body"]
    readonly_fields = ["content_hash", "imported_by", "created_at", "updated_at"]
    date_hierarchy = "created_at"
