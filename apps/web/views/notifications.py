from django.contrib import messages
from django.shortcuts import redirect, render

from apps.reviews.notifications import notification_settings_get, notification_settings_update
from apps.web.actions import form_page
from apps.web.forms.notifications import NotificationSettingsForm


@form_page
def notification_settings(request):
    current = notification_settings_get(user=request.user)
    # Bound on POST even with nothing ticked: an empty form turns every email off.
    form = NotificationSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"kinds": [kind for kind, on in current.items() if on]},
    )
    if request.method == "POST" and form.is_valid():
        notification_settings_update(user=request.user, changes=form.changes())
        messages.success(request, "Saved which emails you get.")
        return redirect("account:notifications")
    return render(request, "account/notifications.html", {"form": form}, status=400 if form.errors else 200)
