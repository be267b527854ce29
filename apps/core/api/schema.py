"""OpenAPI: every operation documents the errors it can answer, in the API's one error shape.

The statuses any operation of a kind can answer are added here: 401, 403 and 429 wherever
credentials are needed, 400 where the request carries input or writes, 404 on paths naming something and on
pages, 413 and 415 where there is a body. Statuses only some services raise (409, 412, 422...)
are declared on the view with `error_response`; an error declared there with a description only
gets the error body too.

A request body that refuses keys it has no field for (`ClosedSerializer`) says so with
`additionalProperties: false`.
"""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance
from drf_spectacular.utils import OpenApiResponse, extend_schema_serializer
from rest_framework import serializers

from apps.core.api.serializers import ClosedSerializer

PAGINATION_PARAMETERS = {"page", "page_size"}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@extend_schema_serializer(component_name="Error")
class ErrorOutputSerializer(serializers.Serializer):
    """The body of every error answer."""

    message = serializers.CharField(help_text="What went wrong, safe to show to the user.")
    extra = serializers.DictField(
        help_text="Details: `fields` maps each invalid field to its problems; a 412 names the current `etag`; "
        "a 429 gives `retry_after`, in seconds."
    )


def error_response(description: str) -> OpenApiResponse:
    """An error status a view declares because its service can raise it (409, 412, 422...)."""
    return OpenApiResponse(ErrorOutputSerializer, description=description)


class ErrorDocumentingAutoSchema(AutoSchema):
    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        schema = super()._map_serializer(serializer, direction, bypass_extensions)
        if direction == "request" and isinstance(force_instance(serializer), ClosedSerializer):
            # Only requests: an answer may gain fields without breaking the clients that read it.
            schema["additionalProperties"] = False
        return schema

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None:
            return None
        responses = operation["responses"]
        for status_code, response in self._common_errors(operation).items():
            responses.setdefault(status_code, response)
        error_schema = self.resolve_serializer(ErrorOutputSerializer, "response").ref
        for status_code, response in responses.items():
            if int(status_code) >= 400 and "content" not in response:
                response["content"] = {
                    media_type: {"schema": error_schema} for media_type in self.map_renderers("media_type")
                }
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _common_errors(self, operation: dict) -> dict[str, dict]:
        query = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "query"}
        has_body = "requestBody" in operation
        errors = {}
        if has_body or query or self.method not in SAFE_METHODS:
            # Services refuse what breaks a rule with 400 unless they say otherwise.
            errors["400"] = {"description": "Invalid input, or a rule was broken; `extra.fields` names each bad field."}
        if {} not in operation.get("security", [{}]):
            errors["401"] = {
                "description": "No credentials, or a token that is not valid.",
                "headers": {"WWW-Authenticate": {"schema": {"type": "string", "enum": ["Token"]}}},
            }
            errors["403"] = {
                "description": "Your role on the desk does not allow this, or a session's CSRF check failed."
            }
            errors["429"] = {
                "description": "Too many requests from your account: wait the seconds `Retry-After` (and "
                "`extra.retry_after`) gives.",
                "headers": {"Retry-After": {"schema": {"type": "integer", "minimum": 0}}},
            }
        if "{" in self.path:
            errors["404"] = {"description": "Not found, or not on one of your desks."}
        elif query & PAGINATION_PARAMETERS:
            errors["404"] = {"description": "There is no such page."}
        if has_body:
            errors["413"] = {"description": "The request body is over the size limit (`extra.limit`, in bytes)."}
            errors["415"] = {"description": "The request body is in a format this operation does not read."}
        return errors
