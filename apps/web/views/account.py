"""A person's own sign-in: under "Your account" their password and API token; signed out, a forgotten
password and the page of a paused sign-in."""

import datetime as dt
import math

from axes.helpers import get_client_username
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache

from apps.core.accounts import (
    api_token_create,
    api_token_created_at,
    api_token_revoke,
    api_token_rotate,
    password_reset_rate_check,
    sign_in_lockout_ends,
)
from apps.core.client_ip import client_ip_address
from apps.core.exceptions import ApplicationError
from apps.web.actions import form_action
from apps.web.forms.account import AccountPasswordChangeForm, AccountPasswordResetForm, AccountSetPasswordForm


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view: after the change this session stays signed in (`update_session_auth_hash`)
    and the person's other sessions are signed out at their next request."""

    form_class = AccountPasswordChangeForm
    template_name = "account/password_change.html"
    success_url = reverse_lazy("account:notifications")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request, gettext("Your password is changed. Other browsers you were signed in on are signed out.")
        )
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for an email address; a worker sends a one-time link to the account that has it. The link
    is built on FACTCHECK_BASE_URL, as every email's links are, never on the Host the request names.
    Past the hourly limits (per client address, per email address) the form answers 429 and no email goes."""

    form_class = AccountPasswordResetForm
    template_name = "registration/password_reset_form.html"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        try:
            password_reset_rate_check(client_address=client_ip_address(self.request), email=form.cleaned_data["email"])
        except ApplicationError as error:
            form.add_error(None, error.message)
            response = self.render_to_response(self.get_context_data(form=form), status=error.status)
            response["Retry-After"] = str(error.extra["retry_after"])
            return response
        return super().form_valid(form)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The emailed link: a form for the new password, or, when the link is broken, used or out of
    date, a page saying so with a way to ask for another."""

    form_class = AccountSetPasswordForm
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def render_to_response(self, context, **response_kwargs):
        if not context.get("validlink") or (context.get("form") is not None and context["form"].errors):
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


def sign_in_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE), for the site's and the admin's login
    pages: 429, saying when to try again (also as Retry-After), in the reader's language."""
    username = get_client_username(request, credentials) or ""
    retry_at = sign_in_lockout_ends(username=username, ip_address=getattr(request, "axes_ip_address", None))
    wait = max(retry_at - timezone.now(), dt.timedelta(0))
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    response = render(
        request,
        "registration/locked_out.html",
        {"username": username, "retry_at": retry_at, "minutes": minutes},
        status=429,
    )
    response["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response


# --- Personal API token ---------------------------------------------------------------------------


def _api_token_page(request, *, new_key: str = "", status: int = 200):
    return render(
        request,
        "account/api_token.html",
        {
            "created_at": api_token_created_at(user=request.user),
            "new_key": new_key,
            "docs_url": reverse("api-docs"),
        },
        status=status,
    )


@never_cache
@login_required
def api_token(request):
    return _api_token_page(request)


def _api_token_action(change, *, success: str, status: int = 200):
    """A POST that creates or replaces the token renders the page with its key (never redirected: the
    key must not travel through the message store) on a page no cache keeps; one that revokes it
    redirects with a message. A refusal (the page was stale) is a message on the page."""

    @never_cache
    @form_action("account:api_token")
    def view(request):
        try:
            key = change(user=request.user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("account:api_token")
        messages.success(request, gettext(success))
        if key is None:
            return redirect("account:api_token")
        return _api_token_page(request, new_key=key, status=status)

    return view


api_token_create_view = _api_token_action(
    api_token_create, success=gettext_noop("Your API token is created."), status=201
)
api_token_rotate_view = _api_token_action(
    api_token_rotate, success=gettext_noop("Your API token is replaced: the old one no longer works.")
)
api_token_revoke_view = _api_token_action(
    api_token_revoke, success=gettext_noop("Your API token is revoked: programs using it are refused.")
)
