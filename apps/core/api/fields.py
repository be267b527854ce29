import uuid

from rest_framework import serializers

# What a non-string value is called in the refusal: JSON's names, not Python's.
_JSON_KINDS = ((bool, "boolean"), ((int, float), "number"), (list, "list"), (dict, "object"))


class UUIDStringField(serializers.UUIDField):
    """An id sent as a UUID string. DRF's UUIDField also takes an integer as the UUID of that number,
    and a boolean as 0 or 1, so `{"desk": false}` named the all-zero UUID and was answered as a
    desk that does not exist (404) rather than as a value that is not an id (400)."""

    default_error_messages = {
        "not_a_string": 'Must be a UUID written as a string, such as "0f8fad5b-d9cb-469f-a165-70867728950e"; '
        "got a {kind}."
    }

    def to_internal_value(self, data):
        if not isinstance(data, str | uuid.UUID):
            kind = next((name for types, name in _JSON_KINDS if isinstance(data, types)), type(data).__name__)
            self.fail("not_a_string", kind=kind)
        return super().to_internal_value(data)
