from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from apps.core.admin import AuditedAdmin, LookupCheckingAdmin

from .models import Article, Tip
from .parsing import is_storable_url
from .services import article_language_change, article_lock_unless_intake_runs

NOT_A_WEB_ADDRESS = _("Give a full http:// or https:// address of at most 2,000 characters.")
LANGUAGE_NOT_KNOWN = _("Not known")


class ArticleAdminForm(forms.ModelForm):
    # No Meta: ModelAdmin supplies the model and its fields.

    def _url_cleaned(self, name: str) -> str:
        # As the import and the fact-check address page keep them: exports and the article page link
        # both for readers to open (a URLField also takes ftp:). One left as it was is not judged again.
        url = self.cleaned_data[name]
        if url and name in self.changed_data and not is_storable_url(url):
            raise forms.ValidationError(NOT_A_WEB_ADDRESS)
        return url

    def clean_source_url(self) -> str:
        return self._url_cleaned("source_url")

    def clean_fact_check_url(self) -> str:
        return self._url_cleaned("fact_check_url")


class LanguageListFilter(admin.AllValuesFieldListFilter):
    """The languages articles are in, as the admin lists them, with "" (the detector could not tell
    and no editor said) shown as "Not known" rather than as a link with no text. Only the label
    changes: the choice still asks for language = ""."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield {**choice, "display": LANGUAGE_NOT_KNOWN} if choice["display"] == "" else choice


@admin.register(Article)
class ArticleAdmin(AuditedAdmin):
    """Articles come in through the import (paste, upload or URL), which hashes the text so a story
    imported twice is one article, detects its language and finds its claims; an article added here
    would have none of that (and a second one would clash with the first's empty hash). Here a site
    administrator mends an article's details and deletes it."""

    form = ArticleAdminForm
    list_display = ["title", "desk", "outlet", "language", "published_on", "source_kind", "intake_status", "created_at"]
    list_filter = ["desk", ("language", LanguageListFilter), "source_kind", "intake_status"]
    search_fields = ["title", "outlet", "byline", "body"]
    readonly_fields = [
        "content_hash", "imported_by", "created_at", "updated_at",
        "intake_status", "intake_queued_at", "intake_started_at", "intake_attempts", "intake_error",
        "language_from_editor",
    ]  # fmt: skip
    date_hierarchy = "created_at"

    def audit_place(self, obj: Article) -> dict:
        return {"article": obj}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list:
        # Claims point into the text by character offsets, and their reviews belong to the desk's
        # people and scale: an imported article keeps its text and its desk.
        return [*self.readonly_fields, "desk", "body"] if obj is not None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Article, form: forms.ModelForm, change: bool) -> None:
        # A language goes through the app's correction, as an editor's does: it is checked, counts as
        # the editor's, and an article refused as not English that is now English has its claims found.
        language_changed = change and "language" in form.changed_data
        language = obj.language
        if language_changed:
            obj.language = Article.objects.values_list("language", flat=True).get(pk=obj.pk)
        super().save_model(request, obj, form, change)
        if language_changed:
            article_language_change(article=obj, actor=request.user, language=language)

    # Not while a worker finds the article's claims, as in the app: it holds the row for minutes.
    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        article_lock_unless_intake_runs(article_id=obj.pk)
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        for article_id in queryset.values_list("pk", flat=True):
            article_lock_unless_intake_runs(article_id=article_id)
        super().delete_queryset(request, queryset)


@admin.register(Tip)
class TipAdmin(LookupCheckingAdmin):
    """Reader tips change only through the inbox (a check started, the tip closed), which audits it
    and emails the tipster; here they are only read. The tipster's email address is shown and
    searched only by superusers, and the tracking token, the tipster's key to their page, never."""

    list_display = ["text_preview", "desk", "status", "email_status", "created_at"]
    list_filter = ["status", "desk", "email_status"]
    search_fields = ["text", "link", "reason", "desk__name"]
    list_select_related = ["desk"]
    date_hierarchy = "created_at"
    fields = [
        "desk", "text", "link", "reason", "email", "language", "status", "article", "public_reason",
        "handled_by", "handled_at", "checked_at", "created_at", "updated_at",
        "email_status", "enqueued_at", "sending_since", "email_attempts", "email_error_shown", "email_erased_at",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("claim or question"))
    def text_preview(self, tip: Tip) -> str:
        return tip.text[:100]

    # `email_error` keeps the English text; its row words it in the admin's language.
    @admin.display(description=_("email error"))
    def email_error_shown(self, tip: Tip) -> str:
        return tip.email_error_for_reader

    def _without_email(self, request: HttpRequest, names) -> list:
        return list(names) if request.user.is_superuser else [name for name in names if name != "email"]

    def get_fields(self, request: HttpRequest, obj: Tip | None = None) -> list:
        return self._without_email(request, super().get_fields(request, obj))

    def get_readonly_fields(self, request: HttpRequest, obj: Tip | None = None) -> list:
        return self._without_email(request, super().get_readonly_fields(request, obj))

    def get_search_fields(self, request: HttpRequest) -> list:
        fields = list(super().get_search_fields(request))
        return [*fields, "email"] if request.user.is_superuser else fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Tip | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Tip | None = None) -> bool:
        return False
