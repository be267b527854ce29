"""Check one API answer against the OpenAPI schema drf-spectacular generates, as clients read it.

`assert_documented(response)` fails when the answer's status is not among the operation's
documented ones, its media type is not documented for that status, its body does not match the
schema documented for both, or a documented header has the wrong shape. Schemathesis's own checks
do the comparing, as in the fuzz test (tests/core/test_api_fuzz.py), here for one chosen request.
"""

import functools

import requests
import schemathesis
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from schemathesis.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.transport import Response

CONFORMANCE_CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]


@functools.cache
def api_schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


@functools.cache
def _loaded_schema():
    return schemathesis.openapi.from_dict(api_schema())


def documented_statuses(path: str, method: str) -> set[int]:
    return {int(status) for status in api_schema()["paths"][path][method.lower()]["responses"]}


def _schema_path(url_path: str) -> tuple[str, dict[str, str]]:
    """The schema's templated path (`/api/v1/articles/{id}/`) of a request's path, and its parameters."""
    parameters = {name: str(value) for name, value in resolve(url_path).kwargs.items()}
    if "pk" in parameters:  # routers name it `pk`, the schema `id`
        parameters["id"] = parameters.pop("pk")
    for template in api_schema()["paths"]:
        try:
            filled = template.format(**parameters)
        except KeyError:
            continue
        if filled == url_path:
            return template, parameters
    raise AssertionError(f"{url_path} is not an operation of the schema")


def assert_documented(response) -> bytes:
    """`response` is a Django test client's answer to an API request; returns its body (a streamed
    one can be read only once)."""
    request = response.wsgi_request
    path, parameters = _schema_path(request.path)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    prepared = requests.Request(request.method, request.build_absolute_uri()).prepare()
    answer = Response(
        status_code=response.status_code,
        headers={name.lower(): [value] for name, value in response.headers.items()},
        content=content,
        request=prepared,
        elapsed=0.0,
        verify=True,
    )
    operation = _loaded_schema()[path][request.method]
    case = operation.Case(media_type="application/json", path_parameters=parameters)
    case.validate_response(answer, checks=CONFORMANCE_CHECKS)
    return content
