from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The page's script keeps what was typed into the form and fills it in again (static/js/app.js).
SESSION_EXPIRED_MESSAGE = _(
    "Your session expired, so what you sent was not saved. "
    "Log in again to go back to the page: what you typed is filled in again, ready to send."
)


def _session_expired(request, page_url: str):
    messages.info(request, SESSION_EXPIRED_MESSAGE)
    return redirect_to_login(page_url)


def form_page(view):
    """`login_required` for a page that shows a form and takes it back (the import page): a form
    sent after the session expired gets the login page saying so, then the page again."""
    view_for_users = login_required(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST" and not request.user.is_authenticated:
            return _session_expired(request, request.path)
        return view_for_users(request, *args, **kwargs)

    return wrapper


def form_action(page: str, *, page_kwargs: tuple[str, ...] | None = None):
    """For views that only take a form POSTed from `page` (a URL name).

    `page` is reversed with the action's URL kwargs, or only those named in `page_kwargs`. A
    browser can only GET a URL, so the action's own URL must never be where a user lands: after
    logging in again (an expired session) they go back to `page`, and a GET of the action (the
    old login link, a reload, a pasted address) redirects there too instead of a bare 405.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            names = kwargs.keys() if page_kwargs is None else page_kwargs
            page_url = reverse(page, kwargs={name: kwargs[name] for name in names})
            if not request.user.is_authenticated:
                return _session_expired(request, page_url)
            if request.method != "POST":
                return redirect(page_url)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
