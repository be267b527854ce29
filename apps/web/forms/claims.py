"""Forms for the editor's claim corrections on the article and claim pages.

They only check the shape of what was posted; the services decide what is allowed
(who may edit, which passages exist, whether the review has moved on).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.reviews.selectors import review_task_list

# The API accepts the same number of parts (ClaimSplitInputSerializer).
MAX_SPLIT_PARTS = 20


class ClaimRejectForm(forms.Form):
    reason = forms.CharField(max_length=1000, error_messages={"required": _("Say why the claim is rejected.")})


class ReferenceAddForm(forms.Form):
    """Evidence a reviewer or editor found themselves; the service judges the address."""

    url = forms.CharField(
        label=_("URL"),
        max_length=2000,
        widget=forms.URLInput,
        error_messages={"required": _("Give the address (URL) of the evidence.")},
        help_text=_("Where anyone can read it: an official record, a court filing, a report."),
    )
    title = forms.CharField(
        label=_("Title (optional)"), max_length=500, required=False, help_text=_("Empty: the URL stands for it.")
    )


class ClaimUpdateForm(forms.Form):
    text = forms.CharField(max_length=2000, error_messages={"required": _("The claim text cannot be empty.")})


class ClaimMergeForm(forms.Form):
    # The article page's checkboxes tick review tasks (they drive bulk assignment too); every
    # claim in the queue has exactly one task, so a task stands for its claim.
    tasks = forms.ModelMultipleChoiceField(
        queryset=None,
        error_messages={
            "required": _("Tick at least two claims to merge."),
            "invalid_choice": _("A ticked claim is not in this article."),
            "invalid_pk_value": _("A ticked claim is not in this article."),
        },
    )
    # Empty keeps the first ticked claim's wording (the service's default).
    text = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, user, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tasks"].queryset = review_task_list(user=user, article_id=article.pk)

    def claims(self):
        return [task.claim for task in self.cleaned_data["tasks"]]


class ClaimSpanForm(forms.Form):
    """A passage of the article body as [start, end) character offsets, with optional wording."""

    start = forms.IntegerField(
        min_value=0,
        error_messages={"required": _("Give the passage's start."), "min_value": _("Offsets start at 0.")},
    )
    end = forms.IntegerField(
        min_value=1,
        error_messages={"required": _("Give the passage's end."), "min_value": _("The end must be after the start.")},
    )
    # Empty means the passage itself.
    text = forms.CharField(required=False, max_length=2000)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and end <= start:
            raise forms.ValidationError(_("A passage must end after it starts."))
        return data


class ClaimAddForm(ClaimSpanForm):
    """The article page's new claim: a selection's offsets, which the page's script fills in,
    or else a passage the editor typed or pasted, for keyboard and touch users. A passage that is
    empty, missing from the article or in it twice is refused by the lookup, not here."""

    passage = forms.CharField(required=False, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].required = False
        self.fields["end"].required = False

    def clean(self):
        data = super().clean()
        if data.get("passage"):
            return data
        offsets_given = not (data.get("start") is None and data.get("end") is None and not self.errors)
        for name in ("start", "end"):
            if offsets_given and data.get(name) is None and name not in self.errors:
                self.add_error(name, self.fields[name].error_messages["required"])
        return data


class ClaimPartForm(ClaimAddForm):
    """A part of a claim being split: a selection's offsets, which the page's script fills in, or
    else its passage, typed or pasted, which is looked up in the claim (keyboard and touch users)."""

    def clean(self):
        data = super().clean()
        if not data.get("passage") and data.get("start") is None and not self.errors:
            self.add_error("passage", _("Select the part in the claim's context, or type or paste it."))
        return data


class BaseClaimSplitFormSet(forms.BaseFormSet):
    default_error_messages = {
        # Django puts the formset's min_num and max_num in as "num".
        "too_few_forms": _("A split needs at least two parts."),
        "too_many_forms": _("A split has at most %(num)d parts."),
    }

    def filled_forms(self) -> list[ClaimPartForm]:
        """The parts' forms in the order given; rows left empty are skipped."""
        return [form for form in self.forms if form.cleaned_data]


ClaimSplitFormSet = forms.formset_factory(
    ClaimPartForm,
    formset=BaseClaimSplitFormSet,
    extra=0,
    min_num=2,
    validate_min=True,
    max_num=MAX_SPLIT_PARTS,
    validate_max=True,
)
