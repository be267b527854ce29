from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from apps.core.interface_language import interface_language_get, interface_language_set
from apps.reviews.notifications import notification_settings_get, notification_settings_update
from apps.web.actions import form_action, form_page
from apps.web.forms.account import InterfaceLanguageForm
from apps.web.forms.notifications import NotificationSettingsForm


def _account_page(request, *, notifications_form=None, language_form=None):
    if notifications_form is None:
        current = notification_settings_get(user=request.user)
        notifications_form = NotificationSettingsForm(initial={"kinds": [kind for kind, on in current.items() if on]})
    if language_form is None:
        language_form = InterfaceLanguageForm(initial={"language": interface_language_get(user=request.user)})
    refused = notifications_form.errors or language_form.errors
    return render(
        request,
        "account/notifications.html",
        {"form": notifications_form, "language_form": language_form},
        status=400 if refused else 200,
    )


@form_page
def notification_settings(request):
    if request.method != "POST":
        return _account_page(request)
    # Bound even with nothing ticked: an empty form turns every email off.
    form = NotificationSettingsForm(request.POST)
    if form.is_valid():
        notification_settings_update(user=request.user, changes=form.changes())
        messages.success(request, _("Saved which emails you get."))
        return redirect("account:notifications")
    return _account_page(request, notifications_form=form)


@form_action("account:notifications")
def interface_language(request):
    form = InterfaceLanguageForm(request.POST)
    if not form.is_valid():
        return _account_page(request, language_form=form)
    language = form.cleaned_data["language"]
    interface_language_set(user=request.user, language=language)
    # The confirmation is read on the next page, which is already in the chosen language.
    with translation.override(language or translation.get_language_from_request(request)):
        messages.success(request, _("Saved the language of your pages and emails."))
    return redirect("account:notifications")
