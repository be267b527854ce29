from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from apps.core.accounts import account_password_set, password_reset_emails_record
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


def _plain_password_help(form) -> None:
    # Django's help is an HTML list, which can't sit in the paragraph a field's help is read from.
    form.fields["new_password1"].help_text = " ".join(password_validation.password_validators_help_texts())


class AccountPasswordChangeForm(PasswordChangeForm):
    """Django's form (the old password, then the new one twice, checked against
    AUTH_PASSWORD_VALIDATORS), saving through the service so the change is in the audit trail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_password_help(self)

    def save(self, commit=True):
        account_password_set(account=self.user, password=self.cleaned_data["new_password1"], how="changed")
        return self.user


class AccountSetPasswordForm(SetPasswordForm):
    """The new password of an emailed reset link, saved through the service like a change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_password_help(self)

    def save(self, commit=True):
        account_password_set(account=self.user, password=self.cleaned_data["new_password1"], how="reset")
        return self.user


class AccountPasswordResetForm(PasswordResetForm):
    """Django's form: the same answer whether or not an account has the address, and no email to
    a switched-off account or one without password sign-in. The emails are sent by a worker
    (apps.core.accounts.password_reset_email_send), each in its recipient's language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django's words, in our catalogs so that Brazilian pages write "e-mail" as the rest of the desk's do.
        self.fields["email"].error_messages["invalid"] = _("Enter a valid email address.")

    def save(self, *args, **kwargs):
        password_reset_emails_record(accounts=list(self.get_users(self.cleaned_data["email"])))
