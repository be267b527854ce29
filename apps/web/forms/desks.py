from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from apps.claims.models import ClaimKind
from apps.desks.models import Desk, Role, WebhookEvent, WebhookFormat
from apps.desks.selectors import desk_members
from apps.desks.webhooks import webhook_format_for_url
from apps.references.models import (
    SOURCE_RULE_MAX_KEYWORD_LENGTH,
    SOURCE_RULE_MAX_KEYWORDS,
    SourceRuleTopic,
    source_rule_keywords_validate,
)
from apps.reviews.models import Rating, RatingScale

CLAIMREVIEW_CHOICES = [("", _("None (off the true/false line)")), *[(str(v), str(v)) for v in range(5, 0, -1)]]


def _member_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": _("Choose a member."),
            "invalid_choice": _("That person is not a member of this desk."),
        },
    )


def _rating_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=None,
        error_messages={
            "required": _("Choose a rating."),
            "invalid_choice": _("That rating is not on this desk's scale."),
        },
    )


class MemberAddForm(forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=150, error_messages={"required": _("Give the username to add.")}
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.REVIEWER)

    def __init__(self, *args, **kwargs):
        # Shares the people page with AccountCreateForm: distinct ids keep each label on its input.
        kwargs.setdefault("auto_id", "add-%s")
        super().__init__(*args, **kwargs)


# The account is someone else's: the browser must not fill in the desk admin's own name or address.
_SOMEONE_ELSES = {"autocomplete": "off"}


class AccountCreateForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        error_messages={"required": _("Choose a username.")},
        widget=forms.TextInput(attrs=_SOMEONE_ELSES),
    )
    first_name = forms.CharField(
        label=_("First name"), max_length=150, required=False, widget=forms.TextInput(attrs=_SOMEONE_ELSES)
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, required=False, widget=forms.TextInput(attrs=_SOMEONE_ELSES)
    )
    # A text input that asks for the email keyboard: the stylesheet styles text inputs.
    email = forms.EmailField(
        label=_("Email"), required=False, widget=forms.TextInput(attrs={"inputmode": "email", **_SOMEONE_ELSES})
    )
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to generate one; it is shown once, to hand to the new member."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.REVIEWER)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "create-%s")
        super().__init__(*args, **kwargs)


class MemberRoleForm(forms.Form):
    member = _member_field()
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, desk: Desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = desk_members(desk=desk)


class MemberRemoveForm(forms.Form):
    member = _member_field()

    def __init__(self, *args, desk: Desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = desk_members(desk=desk)


class MemberSignInUnlockForm(forms.Form):
    member = _member_field()

    def __init__(self, *args, desk: Desk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = desk_members(desk=desk)


class TwoStepRequirementForm(forms.Form):
    requires_two_step = forms.BooleanField(
        label=_("Require two-step sign-in"),
        required=False,
        help_text=_(
            "Everyone on the desk then signs in with a code from an authenticator app after their password. "
            "Anyone without one is asked to set it up at their next page, and reaches nothing else until they do."
        ),
    )


class RatingForm(forms.Form):
    label = forms.CharField(
        label=_("Label"), max_length=100, error_messages={"required": _("Give the rating a label.")}
    )
    description = forms.CharField(label=_("Description"), max_length=500, required=False)
    claimreview_value = forms.TypedChoiceField(
        label=_("ClaimReview value"), choices=CLAIMREVIEW_CHOICES, coerce=int, empty_value=None, required=False
    )
    language_labels = forms.CharField(
        label=_("In other languages"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "es: Falso\nfr: Faux"}),
        help_text=_(
            "One language per line: its tag, a colon and the label. Exports of articles in that language use it."
        ),
    )

    def clean_language_labels(self) -> dict[str, str] | None:
        """{tag: label} from "es: Falso" lines, which the rating service checks; None (keep the ones the
        rating has) when the form did not send the field at all."""
        if "language_labels" not in self.data:
            return None
        labels = {}
        for line in self.cleaned_data["language_labels"].splitlines():
            if not line.strip():
                continue
            language, colon, label = line.partition(":")
            if not colon or not language.strip():
                raise forms.ValidationError(
                    gettext("Write each language as “es: Falso”, not “%(line)s”.") % {"line": line.strip()}
                )
            labels[language.strip()] = label.strip()
        return labels


class _OwnRatingForm(forms.Form):
    rating = _rating_field()

    def __init__(self, *args, scale: RatingScale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.filter(scale=scale)


class RatingEditForm(_OwnRatingForm, RatingForm):
    pass


class RatingMoveForm(_OwnRatingForm):
    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])

    @property
    def offset(self) -> int:
        return -1 if self.cleaned_data["direction"] == "up" else 1


class RatingDeleteForm(_OwnRatingForm):
    pass


def _word_list(text: str) -> list[str]:
    words = [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]
    source_rule_keywords_validate(words)
    return words


KEYWORD_LIMITS = format_lazy(
    _("At most {words} words of up to {characters} characters."),
    words=SOURCE_RULE_MAX_KEYWORDS,
    characters=SOURCE_RULE_MAX_KEYWORD_LENGTH,
)


class SourceRuleForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("Unique on this desk, e.g. “Reuters search”."))
    label = forms.CharField(
        label=_("Label"),
        max_length=300,
        help_text=_("The link text. Placeholders such as {outlet} or {year} are filled in."),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=SourceRuleTopic.choices, initial=SourceRuleTopic.OTHER)
    url_template = forms.CharField(
        label=_("URL template"),
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "https://www.example.org/search?q={query}"}),
        help_text=_(
            "An http(s) address. {query} becomes the claim's key terms, {outlet} the outlet it names, "
            "{year} the year it names (else the article's), {actor} the first person or organisation in it and "
            "{speaker} the person it is attributed to. "
            "A claim without one of the values the address uses gets no link from this rule."
        ),
    )
    reason = forms.CharField(label=_("Reason"), max_length=500, help_text=_("Shown to the reviewer: why this source."))
    kinds = forms.MultipleChoiceField(
        label=_("Claim kinds"),
        choices=ClaimKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked means every kind."),
    )
    keywords = forms.CharField(
        label=_("Keywords"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            _("One a line (or comma-separated); a claim must mention one. Empty means any claim. {limits}"),
            limits=KEYWORD_LIMITS,
        ),
    )
    excluded_keywords = forms.CharField(
        label=_("Not when the claim mentions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=format_lazy(
            _(
                "One a line (or comma-separated); a claim that mentions any of these gets no link, even if it has a "
                "keyword. E.g. “Security Council” keeps an election rule off UN votes. {limits}"
            ),
            limits=KEYWORD_LIMITS,
        ),
    )
    requires_attribution = forms.BooleanField(label=_("Only for claims that name an outlet"), required=False)
    priority = forms.IntegerField(
        label=_("Priority"), min_value=0, max_value=32767, initial=100, help_text=_("Lower comes first.")
    )

    def clean_keywords(self) -> list[str]:
        return _word_list(self.cleaned_data["keywords"])

    def clean_excluded_keywords(self) -> list[str]:
        return _word_list(self.cleaned_data["excluded_keywords"])

    @classmethod
    def initial_for(cls, rule) -> dict:
        return {
            "name": rule.name,
            "label": rule.label,
            "topic": rule.topic,
            "url_template": rule.url_template,
            "reason": rule.reason,
            "kinds": rule.kinds,
            "keywords": "\n".join(rule.keywords),
            "excluded_keywords": "\n".join(rule.excluded_keywords),
            "requires_attribution": rule.requires_attribution,
            "priority": rule.priority,
        }


class WebhookForm(forms.Form):
    url = forms.CharField(
        label="URL",
        max_length=2000,
        widget=forms.TextInput(attrs={"placeholder": "https://hooks.slack.com/services/…", "inputmode": "url"}),
        help_text=_("An http(s) address on the internet (default ports only); events are POSTed to it."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=200, required=False, help_text=_("For you: where it goes, who reads it.")
    )
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one event to send.")},
    )
    payload_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("Chosen by the address: a chat message for Slack, Google Chat or Teams, else JSON")),
            *WebhookFormat.choices,
        ],
        required=False,
        help_text=_(
            "Chat messages suit Slack and Google Chat incoming webhooks; Microsoft Teams takes the "
            "Adaptive Card of a Workflows webhook."
        ),
    )
    is_active = forms.BooleanField(label=_("Active: send events to it"), required=False, initial=True)
    # Whether the page showed the endpoint active: the desk may turn a failing one off after the
    # page was read, and "Active" left as shown must not turn it on again.
    shown_active = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("payload_format") and cleaned.get("url"):
            cleaned["payload_format"] = webhook_format_for_url(cleaned["url"])
        return cleaned

    @classmethod
    def initial_for(cls, endpoint) -> dict:
        return {
            "url": endpoint.url,
            "description": endpoint.description,
            "events": endpoint.events,
            "payload_format": endpoint.payload_format,
            "is_active": endpoint.is_active,
            "shown_active": endpoint.is_active,
        }

    def endpoint_changes(self) -> dict:
        """The cleaned fields for the endpoint services, `is_active` only when the admin changed it."""
        changes = dict(self.cleaned_data)
        if changes.pop("shown_active") == changes["is_active"]:
            del changes["is_active"]
        return changes
