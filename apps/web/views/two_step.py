"""Two-step sign-in: the login pages (the site's and the Django admin's) that ask for a code after the
password, the code page itself, and "Your account"'s page that turns it on and off.

A person who turned it on is not signed in (no `django.contrib.auth.login`) until the code page takes
a valid code: until then the session holds only who is waiting, the backend that checked their
password and where to go next, for TWO_STEP_PENDING_SECONDS. So every page that needs sign-in treats
them as signed out, with no check of its own.
"""

import time

import segno
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from apps.core.exceptions import ApplicationError
from apps.core.two_step import (
    two_step_disable,
    two_step_enable,
    two_step_is_on,
    two_step_pending_device,
    two_step_recovery_codes_left,
    two_step_recovery_codes_replace,
    two_step_required,
    two_step_secret,
    two_step_verify,
    two_step_waiting_account,
)
from apps.web.actions import form_action

PENDING_SESSION_KEY = "two_step_pending"


class TwoStepLoginView(auth_views.LoginView):
    """Django's login; for a person with two-step sign-in on, a right password leads to the code page
    instead of signing them in."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not two_step_is_on(user=user):
            return super().form_valid(form)
        self.request.session[PENDING_SESSION_KEY] = {
            "user_id": str(user.pk),
            "backend": user.backend,
            "started": time.time(),
            "next": self.get_success_url(),
            "failures": 0,
        }
        return redirect("sign_in_code")


@never_cache
def admin_login(request):
    """The Django admin's sign-in (`AdminSite.login`, with its form and template) through the two-step
    login, so that the admin asks for the code too."""
    site = admin.site
    if request.method == "GET" and site.has_permission(request):
        return redirect("admin:index")
    context = {
        **site.each_context(request),
        "title": gettext("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=site.name)
    request.current_app = site.name
    view = TwoStepLoginView.as_view(
        extra_context=context, authentication_form=AdminAuthenticationForm, template_name="admin/login.html"
    )
    return view(request)


def _pending(request) -> dict | None:
    pending = request.session[PENDING_SESSION_KEY]
    if time.time() - pending["started"] > settings.TWO_STEP_PENDING_SECONDS:
        del request.session[PENDING_SESSION_KEY]
        return None
    return pending


def _back_to_password(request, message: str):
    request.session.pop(PENDING_SESSION_KEY, None)
    messages.error(request, message)
    return redirect("login")


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def sign_in_code(request):
    """The second step: a code from the authenticator app, or a recovery code."""
    if PENDING_SESSION_KEY not in request.session:
        return redirect("login")
    pending = _pending(request)
    user = None
    if pending is not None:
        user = two_step_waiting_account(user_id=pending["user_id"])
    if user is None:
        return _back_to_password(request, gettext("Your sign-in took too long. Type your password again."))
    if request.method != "POST":
        return render(request, "registration/sign_in_code.html", {})

    device = two_step_verify(user=user, code=request.POST.get("code", ""))
    if device is not None:
        del request.session[PENDING_SESSION_KEY]
        auth_login(request, user, backend=pending["backend"])
        otp_login(request, device)
        next_url = pending["next"]
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = settings.LOGIN_REDIRECT_URL
        return redirect(next_url)

    # A wrong code is a failed sign-in for the lockout too, so that guessing codes with a known
    # password is slowed as guessing passwords is.
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    pending["failures"] += 1
    if pending["failures"] >= settings.TWO_STEP_CODE_FAILURE_LIMIT:
        return _back_to_password(request, gettext("Too many wrong codes. Type your password again."))
    request.session[PENDING_SESSION_KEY] = pending
    error = gettext("That code is not right, or it was already used. Try the code your app shows now.")
    return render(request, "registration/sign_in_code.html", {"error": error}, status=400)


# --- "Your account": turning it on and off ----------------------------------------------------------


def _qr_code_svg(device) -> str:
    # Inline markup drawn here from the otpauth:// address: no image service sees the secret.
    return segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=False)


def _two_step_page(request, *, recovery_codes: list[str] | None = None, error: str = "", status: int = 200):
    context = {
        "recovery_codes": recovery_codes or [],
        "error": error,
        "is_on": two_step_is_on(user=request.user),
        "is_required": two_step_required(user=request.user),
    }
    if context["is_on"]:
        context["codes_left"] = two_step_recovery_codes_left(user=request.user)
    else:
        device = two_step_pending_device(user=request.user)
        context.update(secret=two_step_secret(device), qr_code=_qr_code_svg(device))
    return render(request, "account/two_step.html", context, status=status)


@never_cache
@login_required
def two_step(request):
    return _two_step_page(request)


@sensitive_post_parameters("code")
@never_cache
@form_action("account:two_step")
def two_step_enable_view(request):
    try:
        device, codes = two_step_enable(user=request.user, code=request.POST.get("code", ""))
    except ApplicationError as error:
        if error.status == 409:
            messages.error(request, error.message)
            return redirect("account:two_step")
        return _two_step_page(request, error=error.message, status=error.status)
    otp_login(request, device)
    messages.success(request, gettext("Two-step sign-in is on."))
    # Rendered, not redirected: the recovery codes must not travel through the message store.
    return _two_step_page(request, recovery_codes=codes)


@sensitive_post_parameters("password")
@never_cache
@form_action("account:two_step")
def two_step_disable_view(request):
    try:
        two_step_disable(user=request.user, password=request.POST.get("password", ""))
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("account:two_step")
    messages.success(request, gettext("Two-step sign-in is off: your password alone signs you in."))
    return redirect("account:notifications")


@sensitive_post_parameters("password")
@never_cache
@form_action("account:two_step")
def two_step_recovery_codes_view(request):
    try:
        codes = two_step_recovery_codes_replace(user=request.user, password=request.POST.get("password", ""))
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("account:two_step")
    messages.success(request, gettext("Your recovery codes are replaced: the old ones no longer work."))
    return _two_step_page(request, recovery_codes=codes)
