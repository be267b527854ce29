import uuid

from django.utils.translation import gettext_lazy
from rest_framework import serializers

# The refusal of each non-string value JSON has, naming it by JSON's name, not Python's: one whole
# sentence per kind.
_JSON_KINDS = ((bool, "not_a_string_boolean"), ((int, float), "not_a_string_number"), (list, "not_a_string_list"))
_EXAMPLE = "0f8fad5b-d9cb-469f-a165-70867728950e"


class UUIDStringField(serializers.UUIDField):
    """An id sent as a UUID string. DRF's UUIDField also takes an integer as the UUID of that number,
    and a boolean as 0 or 1, so `{"desk": false}` named the all-zero UUID and was answered as a
    desk that does not exist (404) rather than as a value that is not an id (400)."""

    default_error_messages = {
        "not_a_string_boolean": gettext_lazy('Must be a UUID written as a string, such as "{example}"; got a boolean.'),
        "not_a_string_number": gettext_lazy('Must be a UUID written as a string, such as "{example}"; got a number.'),
        "not_a_string_list": gettext_lazy('Must be a UUID written as a string, such as "{example}"; got a list.'),
        "not_a_string": gettext_lazy('Must be a UUID written as a string, such as "{example}"; got an object.'),
    }

    def to_internal_value(self, data):
        if not isinstance(data, str | uuid.UUID):
            refusal = next((key for types, key in _JSON_KINDS if isinstance(data, types)), "not_a_string")
            self.fail(refusal, example=_EXAMPLE)
        return super().to_internal_value(data)
