from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.interface_language import supported_interface_languages


class InterfaceLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of pages and emails"),
        required=False,
        help_text=_("Your browser's language is used until you choose."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each language is named in itself, so a person who can't read the current one finds theirs.
        self.fields["language"].choices = [("", _("Browser's language")), *supported_interface_languages().items()]
