from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.core.admin import AuditedAdmin, EveryDeskRecordAdmin
from apps.core.audit import audit_admin_deleted

from .models import Desk, Membership, WebhookDelivery, WebhookEndpoint


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["user"]


@admin.register(Desk)
class DeskAdmin(AuditedAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def audit_place(self, obj: Desk) -> dict:
        return {"desk": obj}


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "desk", "role"]
    list_filter = ["role", "desk"]
    search_fields = ["user__username", "desk__name"]

    def audit_place(self, obj: Membership) -> dict:
        return {"desk": obj.desk}


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(EveryDeskRecordAdmin):
    """Every desk's webhook endpoints, for a site administrator to see where events go and why one
    was turned off; desk admins manage their own in the desk settings. The secret is not shown."""

    list_display = ["url", "desk", "payload_format", "is_active", "consecutive_failures", "created_at"]
    list_filter = ["is_active", "payload_format", "desk"]
    search_fields = ["url", "description", "desk__slug"]
    exclude = ["secret"]
    readonly_fields = [field.name for field in WebhookEndpoint._meta.fields if field.name != "secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(EveryDeskRecordAdmin):
    """The webhook outbox of every desk: what was sent where, and why something failed; rows are
    written and sent by the workflow, never here."""

    list_display = ["event", "endpoint", "status", "attempts", "response_status", "created_at", "delivered_at"]
    list_filter = ["status", "event"]
    search_fields = ["=endpoint__id", "endpoint__url", "last_error"]
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Django's own account admin. Deleting an account takes it off its desks, which each desk's
    activity records, as it records a member removed in the app."""

    def _memberships_record_deleted(self, request: HttpRequest, users: QuerySet) -> None:
        for membership in Membership.objects.filter(user__in=users).select_related("desk", "user"):
            audit_admin_deleted(actor=request.user, obj=membership, desk=membership.desk)

    def delete_model(self, request: HttpRequest, obj) -> None:
        with transaction.atomic():
            self._memberships_record_deleted(request, User.objects.filter(pk=obj.pk))
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        with transaction.atomic():
            self._memberships_record_deleted(request, queryset)
            super().delete_queryset(request, queryset)
