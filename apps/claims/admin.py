from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from apps.core.admin import AuditedAdmin, LookupCheckingAdmin

from .models import ArticleExtraction, Claim, ClaimFeedback
from .services import claim_editable_check


class ReadOnlyAdmin(LookupCheckingAdmin):
    """Claims change only through the services (rejections, edits and merges leave feedback
    for training), so the admin shows them without editing."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin, AuditedAdmin):
    """Claims are only read here, and deleted while the app could still merge or split them away
    (not under review, no published verdict): a deletion is in the claim's history."""

    list_display = ["text_preview", "article", "kind", "status", "score", "attribution", "origin", "match_status"]
    list_filter = ["kind", "status", "origin", "match_status", "article__desk"]
    search_fields = ["text", "attribution", "article__title"]
    list_select_related = ["article"]

    @admin.display(description=gettext_lazy("Claim"))
    def text_preview(self, claim: Claim) -> str:
        return claim.text[:100]

    def audit_place(self, obj: Claim) -> dict:
        return {"claim": obj}

    def deletion_check(self, obj: Claim) -> None:
        claim_editable_check(claim=obj)


@admin.register(ClaimFeedback)
class ClaimFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["action", "text", "label", "user", "created_at"]
    list_filter = ["action", "label"]
    search_fields = ["text", "reason"]
    list_select_related = ["user"]


@admin.register(ArticleExtraction)
class ArticleExtractionAdmin(ReadOnlyAdmin):
    list_display = ["article", "status", "claim_count", "duration_ms", "created_at"]
    list_filter = ["status"]
    list_select_related = ["article"]
