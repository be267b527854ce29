from collections.abc import Mapping

from django.utils.translation import gettext_lazy
from rest_framework import serializers


class ClosedSerializer(serializers.Serializer):
    """A request body that may name only the serializer's fields: any other key is a 400 naming it
    (with `unknown_key_message`), where DRF would drop it unread. The schema documents the body as
    closed (`additionalProperties: false`, apps.core.api.schema), so clients generated from it
    never send such a key."""

    unknown_key_message = gettext_lazy("There is no such field.")

    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields)) if isinstance(data, Mapping) else []
        try:
            validated = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if not unknown:
                raise
            errors = dict(error.detail)
        else:
            if not unknown:
                return validated
            errors = {}
        raise serializers.ValidationError(errors | {key: [self.unknown_key_message] for key in unknown})
