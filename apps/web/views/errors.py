from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _

# The free-text fields of the app's forms, which take the longest to write again.
TYPED_FIELDS = {
    "rationale": _("Your rationale"),
    "note": _("Your note to the reviewer"),
    "reason": _("Your reason"),
    "text": _("Your claim text"),
}


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent with an outdated token (the user logged out and in again
    in another tab, or the page was open for too long).

    Django's own page is unstyled and leads nowhere. This one says the form expired, links back
    to the page it was sent from and shows what was typed into it. Both only when the browser
    says the form came from this site: a forged cross-site form could otherwise put its text on
    our page.
    """
    referer = request.META.get("HTTP_REFERER", "")
    from_this_site = url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    typed = []
    if from_this_site:
        typed = [
            (label, request.POST[name].strip())
            for name, label in TYPED_FIELDS.items()
            if request.POST.get(name, "").strip()
        ]
    return render(
        request,
        "403_csrf.html",
        {"back_url": referer if from_this_site else reverse("dashboard"), "typed": typed},
        status=403,
    )
