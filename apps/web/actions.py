from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

SESSION_EXPIRED_MESSAGE = (
    "Your session expired, so what you sent was not saved. Log in again to go back to the page and send it again."
)


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
                messages.info(request, SESSION_EXPIRED_MESSAGE)
                return redirect_to_login(page_url)
            if request.method != "POST":
                return redirect(page_url)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
