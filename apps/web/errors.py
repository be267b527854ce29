from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import ngettext

from apps.core.api.throttling import ImportRateThrottle, person_rate_wait
from apps.core.exceptions import ApplicationError


def import_rate_refusal(request) -> ApplicationError | None:
    """Count one article import by the signed-in person in the API's import count (a person cannot
    import faster by switching to the web), and the 429 to answer when it is past the rate (its
    `extra["retry_after"]` the seconds to wait), else None."""
    wait = person_rate_wait(request, throttle_class=ImportRateThrottle)
    if wait is None:
        return None
    message = ngettext(
        "You have imported many articles in a short time. Nothing was imported; try again in %(seconds)s second.",
        "You have imported many articles in a short time. Nothing was imported; try again in %(seconds)s seconds.",
        wait,
    ) % {"seconds": wait}
    return ApplicationError(message, status=429, extra={"retry_after": wait})


def application_errors(redirect_to: str | None = None):
    """Show a broken domain rule (ApplicationError) to a browser user instead of a 500.

    Actions name the page they are posted from in `redirect_to`; it is reversed with the
    action's own URL kwargs, so the user lands back where they were with the message flashed
    (Post/Redirect/Get). Pages, and errors about something that does not exist or lies outside
    the user's desks (404), render the error page with the error's status instead: redirecting
    to a page that cannot be shown would only loop.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except ApplicationError as error:
                if redirect_to is None or error.status == 404:
                    return render(request, "error.html", {"error": error}, status=error.status)
                messages.error(request, error.message)
                return redirect(reverse(redirect_to, kwargs=kwargs))

        return wrapper

    return decorator


def flash_form_errors(request, form) -> None:
    """Flash a rejected action form's errors; the page it came from shows them."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def form_add_service_errors(form, error: ApplicationError) -> None:
    """Show a refused form's problems beside the fields they are about (a password the
    validators reject, a username or rule name taken), the rest above the form."""
    fields = error.extra.get("fields") or {}
    for name, problems in fields.items():
        form.add_error(name if name in form.fields else None, problems)
    if not fields:
        form.add_error(None, error.message)


@dataclass(frozen=True)
class ErrorLink:
    """An error in a form's error summary and the id of the field it is about, which it links to."""

    message: str
    field_id: str
