import datetime as dt

import django_filters
from django import forms
from django.utils.translation import gettext
from django_filters.fields import IsoDateTimeField

from apps.articles.models import Article, IntakeStatus, SourceKind, Tip, TipStatus
from apps.core.languages import LANGUAGE_CODE_MAX_LENGTH, language_code_normalize, language_matches


class UtcIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 time, handed to the database in UTC.

    Python accepts UTC offsets up to 23:59 but PostgreSQL refuses any beyond 15:59, and a time
    near the ends of years 1 and 9999 has no UTC equivalent Python can hold (SQLite's adapter
    converts to UTC): both reached the database and answered 500."""

    def to_python(self, value):
        time = super().to_python(value)
        if time is None:
            return None
        try:
            return time.astimezone(dt.UTC)
        except OverflowError:
            raise forms.ValidationError(
                gettext("This time is out of range: give one between the years 1 and 9999 in UTC."), code="invalid"
            ) from None


class UtcIsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField


class KeepDefaultOrderingFilter(django_filters.OrderingFilter):
    """An `ordering` that names no field (`?ordering=,`) keeps the default order: django-filter
    called `order_by()` with nothing, which drops every order, so pages could repeat or skip rows."""

    def filter(self, qs, value):
        if not any(value or []):
            return qs
        return super().filter(qs, value)


class LanguageTagField(forms.CharField):
    """A BCP 47 tag in its conventional case; a malformed one is a 400 naming the parameter."""

    def __init__(self, **kwargs):
        super().__init__(max_length=LANGUAGE_CODE_MAX_LENGTH, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        return language_code_normalize(value) if value else value


class LanguageFilter(django_filters.CharFilter):
    """Rows in this language or a narrower tag of it ("pt" finds "pt" and "pt-BR")."""

    field_class = LanguageTagField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(language_matches(self.field_name, value))


class ArticleFilter(django_filters.FilterSet):
    """Query parameters of the article list. A value that does not parse is a 400 naming it."""

    desk = django_filters.CharFilter(field_name="desk__slug", help_text="Desk slug.")
    source_kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    intake_status = django_filters.ChoiceFilter(choices=IntakeStatus.choices)
    published_after = django_filters.DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after this date (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before this date (YYYY-MM-DD)."
    )
    imported_after = UtcIsoDateTimeFilter(
        field_name="created_at", lookup_expr="gte", help_text="Imported at or after this ISO 8601 time."
    )
    imported_before = UtcIsoDateTimeFilter(
        field_name="created_at", lookup_expr="lt", help_text="Imported before this ISO 8601 time."
    )
    language = LanguageFilter(help_text='Only articles in this language, a BCP 47 tag ("es"; "pt" also finds "pt-BR").')
    search = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", help_text="Words the title contains (any case)."
    )
    ordering = KeepDefaultOrderingFilter(
        fields=(("created_at", "imported"), ("published_on", "published"), ("title", "title")),
        help_text="imported, published or title; prefix with - for descending. Default: -imported.",
    )

    class Meta:
        model = Article
        fields: list[str] = []


class TipFilter(django_filters.FilterSet):
    """Query parameters of the tip list. A value that does not parse is a 400 naming it."""

    desk = django_filters.CharFilter(field_name="desk__slug", help_text="Desk slug.")
    status = django_filters.ChoiceFilter(choices=TipStatus.choices)

    class Meta:
        model = Tip
        fields: list[str] = []
