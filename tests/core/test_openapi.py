import re

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator


def test_openapi_schema_is_valid_and_complete(tmp_path):
    """Generated schema validates against OpenAPI 3 and every view documents itself (no warnings)."""
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = target.read_text()
    for path in ("/api/v1/articles/import/", "/api/v1/tasks/assign/", "/api/v1/articles/{article_id}/export/"):
        assert path in schema


@pytest.mark.django_db
def test_interactive_docs_load_no_third_party_hosts(editor_api):
    schema = editor_api.get("/api/schema/")
    assert schema.status_code == 200
    docs = editor_api.get("/api/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "swagger-ui" in page
    assert "cdn." not in page
    assert "unpkg" not in page


def test_desk_settings_document_their_conflicts_and_versions():
    """Source rules and the rating scale: the 409 and 412 their services raise, and the ETag and
    If-Match headers of their writes, are in the schema client generators read."""
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    rule = paths["/api/v1/desks/{desk_slug}/source-rules/{rule_id}/"]
    rating = paths["/api/v1/desks/{desk_slug}/ratings/{rating_id}/"]

    for operation in (rule["patch"], rule["delete"], rating["patch"], rating["delete"]):
        assert "412" in operation["responses"]
        assert "If-Match" in {parameter["name"] for parameter in operation["parameters"]}
    assert "409" in rating["delete"]["responses"]
    for operation in (rule["get"], rule["patch"], rating["get"], rating["patch"]):
        assert "ETag" in operation["responses"]["200"]["headers"]
    assert {"get", "post"} <= set(paths["/api/v1/desks/{desk_slug}/source-rules/"])
    assert {"get", "post"} <= set(paths["/api/v1/desks/{desk_slug}/ratings/"])
    assert "post" in paths["/api/v1/desks/{desk_slug}/ratings/copy-default/"]
    assert "post" in paths["/api/v1/desks/{desk_slug}/ratings/{rating_id}/move/"]


def test_parameters_the_api_checks_say_what_it_accepts():
    """The extraction report's `article` is an id and an Idempotency-Key is 1 to 255 printable
    characters: documented as any string, schema-valid requests were refused with a 400."""
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]

    (article,) = paths["/api/v1/claims/extraction/"]["get"]["parameters"]
    assert article["schema"] == {"type": "string", "format": "uuid"}
    (key,) = [p for p in paths["/api/v1/claims/"]["post"]["parameters"] if p["name"] == "Idempotency-Key"]
    assert key["schema"]["minLength"] == 1
    assert key["schema"]["maxLength"] == 255
    assert re.fullmatch(key["schema"]["pattern"], "a0b1-c2d3")
    assert not re.fullmatch(key["schema"]["pattern"], "   ")
    assert not re.fullmatch(key["schema"]["pattern"], "key\x00")


def test_request_bodies_that_refuse_unknown_keys_say_so():
    """The notification settings refuse a key that names no kind of email (400), as a body of any
    ClosedSerializer refuses keys it has no field for; the schema said any key could be sent. Other
    bodies ignore keys they do not know, as DRF does, and are documented open."""
    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]

    closed = {name for name, component in components.items() if component.get("additionalProperties") is False}

    assert closed == {"PatchedNotificationSettingsRequest"}
    assert "additionalProperties" not in components["NotificationSettings"], "answers may gain kinds"
