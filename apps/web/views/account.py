"""A person's own sign-in, under "Your account": their password and, signed out, a forgotten one."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from apps.web.forms.account import AccountPasswordChangeForm


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view: after the change this session stays signed in (`update_session_auth_hash`)
    and the person's other sessions are signed out at their next request."""

    form_class = AccountPasswordChangeForm
    template_name = "account/password_change.html"
    success_url = reverse_lazy("account:notifications")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, _("Your password is changed. Other browsers you were signed in on are signed out.")
        )
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
