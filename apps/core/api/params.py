import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from rest_framework import exceptions

from apps.core.languages import language_code_normalize


def uuid_query_param(value: str | None, name: str) -> uuid.UUID | None:
    """A query parameter that must be an id, or None when it is absent; a malformed one is a 400 naming it."""
    if value in (None, ""):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        raise exceptions.ValidationError({name: gettext("Must be a UUID.")}) from None


def language_query_param(value: str | None) -> str | None:
    """A `language` filter as a normalized BCP 47 tag, or None when it is absent; a malformed one is a 400 naming it."""
    if not value:
        return None
    try:
        return language_code_normalize(value)
    except ValidationError as error:
        raise exceptions.ValidationError({"language": error.messages}) from error
