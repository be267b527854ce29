from uuid import UUID

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.languages import language_name_for_reader
from apps.desks.models import Desk, Role
from apps.desks.selectors import desk_members
from apps.reviews.selectors import OPEN_STATUSES, rating_list_for_desk, review_task_list, review_task_queue_articles
from apps.reviews.services import CORRECTION_NOTE_REQUIRED

# Users are numbered by the database's 64-bit integers (BigAutoField).
_USER_ID_MIN, _USER_ID_MAX = -(2**63), 2**63 - 1


class _DeskMemberByUserIdField(forms.ModelChoiceField):
    """A desk membership chosen by its user's id. A hand-edited number outside the database's
    integers names nobody: SQLite cannot even be asked about it (it raises OverflowError)."""

    def to_python(self, value):
        if value not in self.empty_values:
            try:
                in_range = _USER_ID_MIN <= int(value) <= _USER_ID_MAX
            except (TypeError, ValueError):
                in_range = False
            if not in_range:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ReviewAssignForm(forms.Form):
    tasks = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one claim to assign.")},
    )
    assignee = _DeskMemberByUserIdField(
        label=_("Reviewer"),
        queryset=None,
        to_field_name="user_id",
        empty_label=_("Choose a reviewer…"),
        error_messages={"required": _("Choose a reviewer."), "invalid_choice": _("Choose a reviewer of this desk.")},
    )
    due_date = forms.DateField(label=_("Due"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = review_task_list(user=user, article_id=article.pk)
        self.fields["tasks"].error_messages["invalid_choice"] = _("A ticked claim is not in this article.")
        self.fields["assignee"].queryset = desk_members(desk=article.desk, role=Role.REVIEWER)
        self.fields["assignee"].label_from_instance = lambda membership: membership.user.get_username()


def _revision_field(form: str) -> forms.IntegerField:
    # The task's verdict revision the page was shown with (apps.reviews ReviewTask.verdict_revision);
    # left out, as by a page from before the field existed, the services skip the staleness check.
    # Its id names the form: a claim page holds several of these forms, and ids must be unique.
    return forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput(attrs={"id": f"{form}-revision"}))


class VerdictForm(forms.Form):
    revision = _revision_field("verdict")
    rating = forms.ModelChoiceField(
        queryset=None, empty_label=_("Choose a rating…"), error_messages={"required": _("Choose a rating.")}
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Explain the verdict in the rationale.")},
        help_text=_("What the evidence shows, in words a reader can follow."),
    )
    references = forms.MultipleChoiceField(
        label=_("Cite references"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, desk: Desk, language: str, references, draft: bool = False, **kwargs):
        """`language`: the article's (a BCP 47 tag), which the ratings are named in; `draft`: the form is
        being saved as a draft, which needs neither rating nor rationale."""
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = rating_list_for_desk(desk=desk)
        self.fields["rating"].label_from_instance = lambda rating: rating.choice_label_for(language)
        self.fields["rating"].required = not draft
        self.fields["rationale"].required = not draft
        self.fields["references"].choices = [
            (str(reference.pk), reference.title or reference.url) for reference in references
        ]


class VerdictApproveForm(forms.Form):
    revision = _revision_field("approve")


class VerdictReturnForm(forms.Form):
    revision = _revision_field("return")
    note = forms.CharField(
        label=_("Note to the reviewer"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tell the reviewer why the verdict is returned.")},
    )


class VerdictReopenForm(forms.Form):
    revision = _revision_field("reopen")
    note = forms.CharField(
        label=_("Why does the verdict need correcting?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _(CORRECTION_NOTE_REQUIRED)},
        help_text=_(
            "Published with the correction, with its date. The reviewer gets the verdict back with this note; "
            "reports keep the verdict as published until the corrected one is approved."
        ),
    )


class CorrectionWithdrawForm(forms.Form):
    revision = _revision_field("withdraw-correction")


class ReviewQueueFilterForm(forms.Form):
    """Narrows a reviewer's queue; every field empty shows all their open work."""

    status = forms.ChoiceField(
        required=False, choices=[("", _("All open"))] + [(status.value, status.label) for status in OPEN_STATUSES]
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    article = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label=_("All articles"),
        error_messages={"invalid_choice": _("You have no open claims in that article any more.")},
    )
    language = forms.ChoiceField(
        required=False, error_messages={"invalid_choice": _("You have no open claims in that language any more.")}
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        articles = review_task_queue_articles(user=user)
        self.fields["article"].queryset = articles
        self.fields["article"].label_from_instance = lambda article: article.title
        languages = sorted({language for language in articles.values_list("language", flat=True) if language})
        self.fields["language"].choices = [
            ("", _("All languages")),
            *((code, f"{language_name_for_reader(code)} ({code})") for code in languages),
        ]

    def queue_filters(self) -> dict:
        """Keyword arguments for `review_task_queue`; none for a form that does not validate."""
        if not self.is_valid():
            return {}
        article = self.cleaned_data["article"]
        return {
            "status": self.cleaned_data["status"] or None,
            "overdue_only": self.cleaned_data["overdue"],
            "article_id": article.pk if article else None,
            "language": self.cleaned_data["language"] or None,
        }


class TickedVerdictsField(forms.Field):
    """Ticked rows of the approval list, each sent as "<task id>:<verdict revision shown>"; cleaned to
    {task id: revision}."""

    widget = forms.MultipleHiddenInput
    default_error_messages = {
        "required": _("Tick at least one verdict to approve."),
        "invalid": _("The list of verdicts was not understood; reload the page and tick them again."),
    }

    def to_python(self, value) -> dict[UUID, int]:
        ticked: dict[UUID, int] = {}
        for item in value or ():
            task_id, _separator, revision = str(item).partition(":")
            try:
                ticked[UUID(task_id)] = int(revision)
            except ValueError:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        return ticked


class VerdictBulkApproveForm(forms.Form):
    approve = TickedVerdictsField()
