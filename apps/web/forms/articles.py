from django import forms
from django.utils.translation import gettext_lazy as _

from apps.core.languages import LANGUAGE_CODE_MAX_LENGTH, language_code_normalize, language_name_for_reader
from apps.desks.models import Desk


class ArticleListFilterForm(forms.Form):
    """The dashboard's article list filter, read from GET so a filtered list can be linked."""

    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, languages: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            ("", _("Any language")),
            *((code, f"{language_name_for_reader(code)} ({code})") for code in languages),
        ]


class ArticleImportForm(forms.Form):
    """Exactly one of pasted text, an uploaded file or a URL. What the article itself must look
    like (size, encoding, file type, structure) is the import service's to judge."""

    desk = forms.ChoiceField(label=_("Desk"), required=False)
    text = forms.CharField(
        label=_("Paste the article"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "placeholder": _("# Title\nBy …\n\nArticle text")}),
        help_text=_("Plain text, Markdown or HTML."),
    )
    file = forms.FileField(
        label=_("…or upload a file"),
        required=False,
        allow_empty_file=True,
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".txt,.md,.markdown,.html,.htm,.docx,.pdf,"
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
            }
        ),
        help_text=_(
            "Text (.txt, .md), a web page (.html), a Word document (.docx) or a PDF with a text layer. "
            "Save old .doc files as .docx first."
        ),
    )
    url = forms.URLField(
        label=_("…or import from a web address"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    language = forms.CharField(
        label=_("Language"),
        required=False,
        max_length=LANGUAGE_CODE_MAX_LENGTH,
        help_text=_("Leave empty to detect it from the text, or give a tag such as en, es or pt-BR."),
    )

    def __init__(self, *args, desks: list[Desk], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["desk"].choices = [(desk.slug, desk.name) for desk in desks]
        # A single desk needs no choice; the import service picks the editor's desk.
        if len(desks) < 2:
            self.fields["desk"].widget = forms.HiddenInput()

    def clean_language(self) -> str | None:
        """The tag in its conventional case; None (detect it) when left empty."""
        return language_code_normalize(self.cleaned_data["language"]) or None

    def clean(self):
        cleaned = super().clean()
        given = [name for name in ("text", "file", "url") if cleaned.get(name) not in (None, "")]
        if not given and not self.errors:
            raise forms.ValidationError(_("Paste the article, upload a file or give a web address."))
        if len(given) > 1:
            raise forms.ValidationError(_("Use only one of pasted text, a file or a web address."))
        return cleaned
