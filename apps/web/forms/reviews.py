from django import forms

from apps.desks.models import Desk, Role
from apps.desks.selectors import desk_members
from apps.reviews.selectors import rating_list_for_desk, review_task_list


class ReviewAssignForm(forms.Form):
    tasks = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Tick at least one claim to assign."},
    )
    assignee = forms.ModelChoiceField(
        label="Reviewer",
        queryset=None,
        to_field_name="user_id",
        empty_label="Choose a reviewer…",
        error_messages={"required": "Choose a reviewer.", "invalid_choice": "Choose a reviewer of this desk."},
    )
    due_date = forms.DateField(label="Due", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, user, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = review_task_list(user=user, article_id=article.pk)
        self.fields["tasks"].error_messages["invalid_choice"] = "A ticked claim is not in this article."
        self.fields["assignee"].queryset = desk_members(desk=article.desk, role=Role.REVIEWER)
        self.fields["assignee"].label_from_instance = lambda membership: membership.user.get_username()


def _revision_field() -> forms.IntegerField:
    # The task's verdict revision the page was shown with (apps.reviews ReviewTask.verdict_revision);
    # left out, as by a page from before the field existed, the services skip the staleness check.
    return forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class VerdictForm(forms.Form):
    revision = _revision_field()
    rating = forms.ModelChoiceField(
        queryset=None, empty_label="Choose a rating…", error_messages={"required": "Choose a rating."}
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Explain the verdict in the rationale."},
        help_text="What the evidence shows, in words a reader can follow.",
    )
    references = forms.MultipleChoiceField(label="Cite references", required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, desk: Desk, references, draft: bool = False, **kwargs):
        """`draft`: the form is being saved as a draft, which needs neither rating nor rationale."""
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = rating_list_for_desk(desk=desk)
        self.fields["rating"].required = not draft
        self.fields["rationale"].required = not draft
        self.fields["references"].choices = [
            (str(reference.pk), reference.title or reference.url) for reference in references
        ]


class VerdictApproveForm(forms.Form):
    revision = _revision_field()


class VerdictReturnForm(forms.Form):
    revision = _revision_field()
    note = forms.CharField(
        label="Note to the reviewer",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Tell the reviewer why the verdict is returned."},
    )
