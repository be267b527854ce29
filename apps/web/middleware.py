from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.site import site_url
from apps.core.two_step import two_step_set_up_needed, two_step_setup_refusal


def method_not_allowed_page(get_response):
    """A 405 with an empty body (Django's HttpResponseNotAllowed: a GET of /logout/ or of the
    admin's logout, a bookmarked or typed form address) answered with a page that says what the
    address is for and leads back, keeping the status and its Allow header. An empty 4xx body is
    not shown by Chromium at all: it draws its own "This page isn't working" page instead, with no
    title, language or way back. Answers that carry a body (the API's JSON) are left as they are."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 405 or response.streaming or response.content:
            return response
        page = render(request, "405.html", status=405)
        page["Allow"] = response["Allow"]
        return page

    return middleware


# What a person who must set up two-step sign-in may still reach: the set-up itself, signing out, and
# the account pages they may need on the way (their password, their language), and the browser's icon.
TWO_STEP_SET_UP_ROUTES = frozenset(
    {
        "favicon",
        "account:two_step",
        "account:two_step_enable",
        "account:password",
        "account:language",
        "logout",
        "admin:logout",
    }
)


class TwoStepSetUpFirstMiddleware:
    """A signed-in person whose desk requires two-step sign-in, and who has no authenticator yet, is sent
    to set one up (pages) or refused with a 403 saying so (the API, with the session), whatever they ask
    for, until they do. Asked at every request rather than only at sign-in, so a requirement turned on
    while they are signed in applies at their next page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in TWO_STEP_SET_UP_ROUTES:
            return None
        if not two_step_set_up_needed(user=request.user):
            return None
        if request.path_info.startswith("/api/"):
            # The same body as the token's refusal (apps.core.api.authentication): a client handles both alike.
            extra = {"code": "two_step_required", "set_up_url": site_url(reverse("account:two_step"))}
            return JsonResponse({"message": two_step_setup_refusal(), "extra": extra}, status=403)
        if request.method == "GET":
            messages.info(request, two_step_setup_refusal())
        return redirect("account:two_step")
