from django.contrib import admin

from .models import ArticleExtraction, Claim, ClaimFeedback


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["text_preview", "article", "kind", "status", "score", "attribution", "origin"]
    list_filter = ["kind", "status", "origin", "article__desk"]
    search_fields = ["text", "attribution", "article__title"]
    raw_id_fields = ["article", "matched_claim"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="Claim")
    def text_preview(self, claim: Claim) -> str:
        return claim.text[:100]


@admin.register(ClaimFeedback)
class ClaimFeedbackAdmin(admin.ModelAdmin):
    list_display = ["action", "text", "label", "user", "created_at"]
    list_filter = ["action", "label"]
    search_fields = ["text", "reason"]
    raw_id_fields = ["article", "claim", "user"]


@admin.register(ArticleExtraction)
class ArticleExtractionAdmin(admin.ModelAdmin):
    list_display = ["article", "status", "claim_count", "duration_ms", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["article"]
