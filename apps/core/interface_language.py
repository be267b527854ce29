"""The language of the pages and emails a person reads.

A signed-in person's choice is kept in their account (`AccountPreference`) and read with their
user row, which Django loads on every request anyway (`AccountPreferenceBackend`): so pages cost
no query for it, and a choice made in one browser applies on the next page in all the others.
Without a choice, Django's `LocaleMiddleware` follows the browser's Accept-Language among
`settings.LANGUAGES`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils import translation
from django.utils.translation import gettext

from apps.core.exceptions import ApplicationError
from apps.core.models import AccountPreference


def supported_interface_languages() -> dict[str, str]:
    return dict(settings.LANGUAGES)


def interface_language_get(*, user) -> str:
    """The language the person chose, or "" when they left it to their browser."""
    return AccountPreference.objects.filter(user=user).values_list("interface_language", flat=True).first() or ""


def interface_language_set(*, user, language: str) -> None:
    """Keep the person's choice of language ("" hands it back to their browser). Idempotent.
    Raises ApplicationError (400), in the active language, for a language the pages are not in."""
    languages = supported_interface_languages()
    if language and language not in languages:
        raise ApplicationError(
            gettext("%(language)s is not a language the pages are available in; choose one of %(languages)s.")
            % {"language": repr(language), "languages": ", ".join(languages)},
            extra={"field": "language", "languages": list(languages)},
        )
    AccountPreference.objects.update_or_create(user=user, defaults={"interface_language": language})


def email_language_for(user) -> str:
    """Emails can't ask a browser: they go out in the person's chosen language, else the site's."""
    return interface_language_get(user=user) or settings.LANGUAGE_CODE


def interface_language_for_text(language: str) -> str:
    """The interface language to write about a text in `language` (a BCP 47 tag; "" when not known), as
    `settings.LANGUAGES` writes it: that language, or its generic variant ("es-MX": "es"), or another variant
    of the same language ("pt" and "pt-PT": "pt-br", the only Portuguese the pages have, which a reader in
    Portugal follows far better than English), where the pages are available in it, else the site's.
    A Spanish, French or Portuguese article's report has its headings in that language; a German one's, in
    English."""
    try:
        # Django answers in the case it was asked in ("pt-BR"); the codes of LANGUAGES are lower case.
        return translation.get_supported_language_variant(language).lower()
    except LookupError:
        return settings.LANGUAGE_CODE


class AccountPreferenceBackend(ModelBackend):
    """Django's own sign-in, whose user (loaded by `AuthenticationMiddleware` on every request)
    comes with their `AccountPreference` in the same query."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("preference")
        try:
            user = users.get(pk=user_id)
        except users.model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None


def _chosen_by(user) -> str:
    if not user.is_authenticated:
        return ""
    try:
        return user.preference.interface_language
    except AccountPreference.DoesNotExist:
        return ""


class InterfaceLanguageMiddleware:
    """After `LocaleMiddleware` and `AuthenticationMiddleware`: a signed-in person's own choice wins
    over their browser's Accept-Language. Anonymous visitors keep their browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = _chosen_by(request.user)
        if chosen in supported_interface_languages():
            translation.activate(chosen)
            request.LANGUAGE_CODE = chosen
        return self.get_response(request)
