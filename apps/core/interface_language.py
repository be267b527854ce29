"""The language of the pages and emails a person reads.

A signed-in person's choice is kept in their account (`AccountPreference`) and, so that pages
cost no query, copied into their session when they sign in or choose. Without a choice,
Django's `LocaleMiddleware` follows the browser's Accept-Language among `settings.LANGUAGES`.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils import translation

from apps.core.models import AccountPreference

SESSION_KEY = "interface_language"


def supported_interface_languages() -> dict[str, str]:
    return dict(settings.LANGUAGES)


def interface_language_get(*, user) -> str:
    """The language the person chose, or "" when they left it to their browser."""
    return AccountPreference.objects.filter(user=user).values_list("interface_language", flat=True).first() or ""


def interface_language_set(*, user, language: str, session=None) -> None:
    if language and language not in supported_interface_languages():
        raise ValidationError(f"{language!r} is not a language the pages are available in.")
    AccountPreference.objects.update_or_create(user=user, defaults={"interface_language": language})
    if session is not None:
        session[SESSION_KEY] = language


def email_language_for(user) -> str:
    """Emails can't ask a browser: they go out in the person's chosen language, else the site's."""
    return interface_language_get(user=user) or settings.LANGUAGE_CODE


def interface_language_for_text(language: str) -> str:
    """The interface language to write about a text in `language` (a BCP 47 tag; "" when not known): that
    language, or its generic variant ("es-MX": "es"), where the pages are available in it, else the site's.
    A Spanish or French article's report has its headings in that language; a German one's, in English."""
    try:
        return translation.get_supported_language_variant(language)
    except LookupError:
        return settings.LANGUAGE_CODE


@receiver(user_logged_in, dispatch_uid="interface_language_to_session")
def _copy_choice_to_session(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = interface_language_get(user=user)


class InterfaceLanguageMiddleware:
    """After `LocaleMiddleware` and the user's session: a signed-in person's own choice wins
    over their browser's Accept-Language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
        if chosen and chosen in supported_interface_languages() and request.user.is_authenticated:
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
