"""Every API route refuses anonymous callers: generated from the URL resolver, so a new
endpoint is covered the day it is added."""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories


def _api_routes(patterns=None, prefix=""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/v1/") and pattern.name != "not-found":
            # The catch-all that answers unknown paths is no endpoint to guard.
            yield route


# An id no object has. Fixed, not random: parallel workers (pytest-xdist) must all collect the same
# test ids.
UNKNOWN_ID = str(uuid.UUID(int=0x5EED))


def _concrete(route: str) -> str:
    path = re.sub(r"\^|\$|\\Z", "", route)
    path = re.sub(r"\(\?P<[^>]+>[^)]+\)", UNKNOWN_ID, path)
    path = re.sub(r"<[^>]+>", UNKNOWN_ID, path)
    path = path.replace("\\.", ".").replace("\\", "")
    return "/" + path


ROUTES = sorted({_concrete(route) for route in _api_routes()})


def test_the_api_has_routes():
    assert len(ROUTES) >= 10


@pytest.mark.django_db
@pytest.mark.parametrize("path", ROUTES)
@pytest.mark.parametrize("method", ["get", "post", "delete"])
def test_anonymous_callers_are_refused_everywhere(anonymous_api, path, method):
    response = getattr(anonymous_api, method)(path)
    assert response.status_code in (401, 403, 405), (path, method, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("path", [p for p in ROUTES if "{" not in p])
def test_outsiders_never_get_a_server_error_or_another_desks_data(outsider_api, desk, path):
    article = factories.ArticleFactory(desk=desk)
    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article))
    response = outsider_api.get(path)
    assert response.status_code < 500, (path, response.status_code)
    if response.status_code == 200 and isinstance(response.json(), dict) and "count" in response.json():
        assert response.json()["count"] == 0, path
