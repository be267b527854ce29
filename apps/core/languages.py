"""Language tags (BCP 47) as the desk stores them: an article's language, a rating's labels per language.

Only the tag's shape is checked (language, optional script, region and variants), not a registry of
every subtag: a desk may work in a language the detector does not know, and a well-formed tag the
registry lacks costs nothing. Tags are stored in their conventional case ("pt-BR", "zh-Hant").
"""

import re

from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext

LANGUAGE_CODE_MAX_LENGTH = 35
_TAG = re.compile(
    r"(?P<language>[a-z]{2,3})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|\d{3}))?"
    r"(?P<variants>(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)",
    re.IGNORECASE,
)
INVALID_MESSAGE = 'Give a language as a BCP 47 tag such as "en", "es" or "pt-BR".'


def language_code_normalize(value: str) -> str:
    """The tag in its conventional case ("PT-br" → "pt-BR"); "" stays "" (not known).

    Raises ValidationError for anything that is not a well-formed tag."""
    value = value.strip().replace("_", "-")
    if not value:
        return ""
    match = _TAG.fullmatch(value) if len(value) <= LANGUAGE_CODE_MAX_LENGTH else None
    if match is None:
        raise ValidationError(INVALID_MESSAGE, code="invalid_language")
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts) + match["variants"].lower()


def validate_language_code(value: str) -> None:
    """Model field validator: a well-formed tag in its conventional case."""
    if value and language_code_normalize(value) != value:
        raise ValidationError(INVALID_MESSAGE, code="invalid_language")


def language_name(code: str) -> str:
    """The language's English name ("pt-BR" → "Brazilian Portuguese", "es-MX" → "Spanish"), or the
    tag itself for a language Django has no name for; "" for no language."""
    if not code:
        return ""
    candidate = code.lower()
    while candidate:
        info = LANG_INFO.get(candidate)
        if info is not None:
            return info.get("name") or LANG_INFO[info["fallback"][0]]["name"]
        candidate = candidate.rpartition("-")[0]
    return code


def language_name_for_reader(code: str) -> str:
    """The language's name in the language the page is read in ("es" → "Spanish", or "Español" for
    a Spanish reader), from Django's own catalog, which names every language it knows; "" for no
    language. Audit records and exports keep `language_name`'s English."""
    name = language_name(code)
    return gettext(name) if name else ""


def language_matches(field: str, language: str) -> Q:
    """Rows whose `field` holds `language` or a narrower tag of it ("pt" finds "pt" and "pt-BR", as
    RFC 4647 basic filtering does). `language` must be normalized (`language_code_normalize`)."""
    return Q(**{field: language}) | Q(**{f"{field}__startswith": f"{language}-"})


def language_is_english(code: str) -> bool:
    """Whether the tag names English or a regional English ("en", "en-GB"); normalized tags only."""
    return code.split("-")[0] == "en"
