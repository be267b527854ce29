from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from apps.articles.models import TipStatus
from apps.articles.tips import TIP_PUBLIC_REASON_MAX_CHARS, TIP_TEXT_MAX_CHARS


class TipForm(forms.Form):
    """The public tip form. Its fields are the tip service's to judge (`tip_fields_check`), so a
    refusal reads the same from any client; the form keeps what was typed and shows where."""

    text = forms.CharField(
        label=_("The claim or question you want checked"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": TIP_TEXT_MAX_CHARS, "required": True}),
        help_text=_("Quote it as you saw or heard it. Up to 2,000 characters."),
    )
    link = forms.CharField(
        label=_("Where you saw it (optional)"),
        required=False,
        strip=False,
        widget=forms.URLInput(attrs={"placeholder": "https://", "maxlength": 2000}),
        help_text=_("A web address starting with http:// or https://."),
    )
    reason = forms.CharField(
        label=_("Why it matters, or where it is spreading (optional)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
    )
    email = forms.CharField(
        label=_("Your email (optional)"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
        help_text=_(
            "If you give it, we email you once, when your tip is checked or closed, and use it for nothing else."
        ),
    )
    # The honeypot: hidden from people (and from screen readers), filled in only by robots.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # How long the address is kept is the deployment's setting (TIP_EMAIL_KEEP_DAYS).
        days = settings.TIP_EMAIL_KEEP_DAYS
        kept = ngettext(
            "We erase it once that email is sent or your tip is closed, and at the latest %(days)s day after you "
            "send the tip.",
            "We erase it once that email is sent or your tip is closed, and at the latest %(days)s days after you "
            "send the tip.",
            days,
        ) % {"days": days}
        self.fields["email"].help_text = f"{self.fields['email'].help_text} {kept}"

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))


class TipCloseForm(forms.Form):
    public_reason = forms.CharField(
        label=_("Reason the reader will see (optional)"),
        required=False,
        max_length=TIP_PUBLIC_REASON_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TipInboxFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Show"), required=False, choices=[("", _("All tips")), *TipStatus.choices])


class TipSettingsForm(forms.Form):
    takes_tips = forms.BooleanField(
        label=_("Take tips from the public"),
        required=False,
        help_text=_("Anyone can then send the desk a claim to check at the public address below, without signing in."),
    )
