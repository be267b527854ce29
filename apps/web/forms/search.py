from django import forms
from django.utils.translation import gettext_lazy as _

from apps.articles.selectors import article_languages
from apps.claims.models import ClaimKind
from apps.core.languages import language_name_for_reader
from apps.reports.search import (
    QUERY_MAX_LENGTH,
    REVIEW_STATUSES,
    search_rating_labels,
    search_reviewer_usernames,
)

FILTER_NAMES = ("kind", "status", "rating", "reviewer", "published_after", "published_before")


class SearchForm(forms.Form):
    """The search page's query and filters, read from GET so a search can be linked and bookmarked."""

    q = forms.CharField(
        label=_("Search claims"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_('Every word must match. Put a phrase in "quotes"; a minus before a word leaves it out (-russia).'),
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any kind")), *ClaimKind.choices])
    status = forms.ChoiceField(
        label=_("Review status"), required=False, choices=[("", _("Any status")), *REVIEW_STATUSES.choices]
    )
    rating = forms.ChoiceField(label=_("Approved rating"), required=False)
    reviewer = forms.ChoiceField(label=_("Reviewer"), required=False)
    published_after = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    published_before = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    approved = forms.BooleanField(label=_("Approved verdicts only"), required=False)
    language = forms.ChoiceField(label=_("Article language"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [
            ("", _("Any rating")),
            *((label, label) for label in search_rating_labels(user=user)),
        ]
        self.fields["language"].choices = [
            ("", _("Any language")),
            *((code, f"{language_name_for_reader(code)} ({code})") for code in article_languages(user=user)),
        ]
        self.fields["reviewer"].choices = [
            ("", _("Anyone")),
            *((username, username) for username in search_reviewer_usernames(user=user)),
        ]

    def clean(self):
        cleaned = super().clean()
        after, before = cleaned.get("published_after"), cleaned.get("published_before")
        if after and before and after > before:
            self.add_error("published_before", _("Choose a date on or after the first one."))
        return cleaned

    def search_arguments(self) -> dict:
        """The valid query and filters as `apps.reports.search.claim_search` arguments; empty ones left out."""
        return {
            "query": self.cleaned_data.get("q") or "",
            **{name: self.cleaned_data[name] or None for name in (*FILTER_NAMES, "language")},
            "approved": bool(self.cleaned_data.get("approved")),
        }
