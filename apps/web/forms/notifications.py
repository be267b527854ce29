from django import forms
from django.utils.translation import gettext_lazy as _

from apps.reviews.models import NotificationKind


class NotificationSettingsForm(forms.Form):
    """Which emails the user gets: every kind is a checkbox, ticked when on."""

    kinds = forms.MultipleChoiceField(
        label=_("Email me when"),
        choices=NotificationKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Untick a kind to stop its emails. Nobody is emailed about what they did themselves."),
    )

    def changes(self) -> dict[str, bool]:
        chosen = set(self.cleaned_data["kinds"])
        return {kind: kind in chosen for kind in NotificationKind.values}
