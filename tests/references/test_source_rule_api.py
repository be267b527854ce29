"""The desk's source rules over the API (/api/v1/desks/{slug}/source-rules/): desk admins list the
desk's own and the shared rules, add and change the desk's own, and deactivate them as the web
UI does; everyone else is refused, and another desk's rules do not exist."""

import threading
import uuid

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from apps.references import services
from apps.references.models import SOURCE_RULE_MAX_KEYWORDS, SourceRule
from tests import factories
from tests.concurrency import second_waits_for_first
from tests.core.test_api import _assert_documented, openapi  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

RULES = "/api/v1/desks/world/source-rules/"
RULE = {
    "name": "Reuters search",
    "label": "Reuters search",
    "url_template": "https://www.reuters.com/site-search/?query={query}",
    "reason": "Wire copy often carries the original figures.",
}


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def own_rule(desk, desk_admin):
    return services.source_rule_create(user=desk_admin, desk=desk, **RULE, keywords=["veto"], priority=5)


@pytest.fixture
def shared_rule(db):
    return factories.SourceRuleFactory(desk=None, name="Shared UN search", priority=0)


@pytest.fixture
def other_desks_rule(other_desk):
    return factories.SourceRuleFactory(desk=other_desk, name="Sports desk secret rule")


def _detail(rule) -> str:
    return f"{RULES}{rule.pk}/"


def _all_pages(client, path):
    rows, page = [], path
    while page:
        body = client.get(page).json()
        rows += body["results"]
        page = body["next"]
    return rows


# --- Reading ---------------------------------------------------------------------------------


def test_an_admin_lists_the_desks_own_rules_and_the_shared_ones_marked(
    desk_admin_api, own_rule, shared_rule, other_desks_rule
):
    rows = _all_pages(desk_admin_api, RULES)

    by_name = {row["name"]: row for row in rows}
    assert by_name["Reuters search"]["shared"] is False
    assert by_name["Reuters search"]["keywords"] == ["veto"]
    assert by_name["Shared UN search"]["shared"] is True
    assert "Sports desk secret rule" not in by_name
    assert {row["id"] for row in rows} == {
        str(pk) for pk in SourceRule.objects.exclude(desk__name="Sports desk").values_list("pk", flat=True)
    }
    # In the order they apply: by priority.
    priorities = [row["priority"] for row in rows]
    assert priorities == sorted(priorities)


def test_a_rule_reads_with_its_etag(desk_admin_api, own_rule, shared_rule):
    response = desk_admin_api.get(_detail(own_rule))

    assert response.status_code == 200
    assert response.json()["url_template"] == RULE["url_template"]
    assert response["ETag"]
    assert desk_admin_api.get(_detail(shared_rule)).json()["shared"] is True


def test_another_desks_rule_and_made_up_ids_are_not_found_without_naming_anything(desk_admin_api, other_desks_rule):
    for path in (_detail(other_desks_rule), f"{RULES}{uuid.uuid4()}/", f"{RULES}not-an-id/"):
        for method, body in (("get", None), ("patch", {"label": "Mine now"}), ("delete", None)):
            response = getattr(desk_admin_api, method)(path, body, format="json")
            assert response.status_code == 404, (method, path)
            assert "Sports" not in response.content.decode()

    other_desks_rule.refresh_from_db()
    assert other_desks_rule.label != "Mine now"
    assert other_desks_rule.is_active


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "target", "body"),
    [
        ("get", "list", None),
        ("post", "list", {**RULE, "name": "Another"}),
        ("get", "detail", None),
        ("patch", "detail", {"label": "Changed"}),
        ("delete", "detail", None),
    ],
)
def test_only_the_desks_admins_may_and_outsiders_see_no_desk(
    editor_api, reviewer_api, outsider_api, anonymous_api, own_rule, method, target, body
):
    path = RULES if target == "list" else _detail(own_rule)

    for client in (editor_api, reviewer_api):
        response = getattr(client, method)(path, body, format="json")
        assert response.status_code == 403, (method, path)
        assert response.json()["message"].startswith("Only the desk's admins")
    assert getattr(outsider_api, method)(path, body, format="json").status_code == 404
    assert getattr(anonymous_api, method)(path, body, format="json").status_code == 401
    own_rule.refresh_from_db()
    assert (own_rule.label, own_rule.is_active) == (RULE["label"], True)
    assert not SourceRule.objects.filter(name="Another").exists()


def test_an_admin_of_another_desk_cannot_reach_this_desks_rules(other_desk, own_rule):
    sports_admin = _client(factories.MemberFactory(desk=other_desk, role="admin", username="sal").user)

    assert sports_admin.get(RULES).status_code == 404
    assert sports_admin.patch(_detail(own_rule), {"label": "Theirs"}, format="json").status_code == 404
    assert sports_admin.get(f"/api/v1/desks/sports/source-rules/{own_rule.pk}/").status_code == 404


# --- Adding and changing -------------------------------------------------------------------------


def test_an_admin_adds_a_rule_of_the_desks_own(desk_admin_api, desk):
    response = desk_admin_api.post(
        RULES, {**RULE, "kinds": ["statistic"], "keywords": ["killed", " Killed ", ""]}, format="json"
    )

    assert response.status_code == 201, response.content
    rule = SourceRule.objects.get(pk=response.json()["id"])
    assert (rule.desk, rule.kinds, rule.keywords, rule.is_active) == (desk, ["statistic"], ["killed"], True)
    assert response.json()["shared"] is False
    assert response["ETag"]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"url_template": "ftp://example.org/{query}"}, None, "The URL template must be a full http:// or https://"),
        ({"url_template": "https://{outlet}.example.org/"}, None, "Placeholders belong in the path or query string"),
        ({"url_template": "https://example.org/?q={claim}"}, None, "may only use the placeholders {query}"),
        ({"name": "  "}, None, "Give the rule a name."),
        ({"priority": 40000}, None, "The priority runs from 0 (first) to 32767."),
        ({"kinds": ["rumour"]}, "kinds", "Unknown claim kinds: rumour."),
        (
            {"keywords": [f"word{n}" for n in range(SOURCE_RULE_MAX_KEYWORDS + 1)]},
            "keywords",
            f"At most {SOURCE_RULE_MAX_KEYWORDS} words; this list has {SOURCE_RULE_MAX_KEYWORDS + 1}.",
        ),
        ({"excluded_keywords": ["x" * 101]}, "excluded_keywords", "Each word is at most 100 characters"),
    ],
)
def test_a_rule_the_service_refuses_is_a_400_with_its_message(desk_admin_api, desk, change, field, message):
    response = desk_admin_api.post(RULES, {**RULE, **change}, format="json")

    assert response.status_code == 400, response.content
    assert message in response.json()["message"]
    if field:
        assert list(response.json()["extra"]["fields"]) == [field]
    assert not SourceRule.objects.filter(desk=desk).exists()


def test_a_name_the_desk_or_a_shared_rule_already_has_is_refused(desk_admin_api, own_rule, shared_rule):
    taken = desk_admin_api.post(RULES, {**RULE, "name": "REUTERS search"}, format="json")
    shared = desk_admin_api.post(RULES, {**RULE, "name": "shared un search"}, format="json")

    assert taken.status_code == 400
    assert taken.json()["message"] == "This desk already has a source rule named 'REUTERS search'; choose another name."
    assert taken.json()["extra"]["fields"]["name"]
    assert shared.status_code == 400
    assert "A shared rule named 'shared un search' already exists" in shared.json()["message"]
    assert SourceRule.objects.filter(name__iexact="reuters search").count() == 1


def test_another_desk_may_use_the_same_name(other_desk, own_rule):
    sports_admin = _client(factories.MemberFactory(desk=other_desk, role="admin", username="sal").user)

    assert sports_admin.post("/api/v1/desks/sports/source-rules/", RULE, format="json").status_code == 201


def test_a_patch_changes_only_the_fields_it_names(desk_admin_api, own_rule):
    response = desk_admin_api.patch(_detail(own_rule), {"label": "Reuters, by keyword", "priority": 7}, format="json")

    assert response.status_code == 200, response.content
    own_rule.refresh_from_db()
    assert (own_rule.label, own_rule.priority, own_rule.keywords, own_rule.url_template) == (
        "Reuters, by keyword",
        7,
        ["veto"],
        RULE["url_template"],
    )
    assert response["ETag"] != ""


def test_a_refused_patch_keeps_the_rule(desk_admin_api, own_rule):
    response = desk_admin_api.patch(_detail(own_rule), {"label": "New", "url_template": "nope"}, format="json")

    assert response.status_code == 400
    own_rule.refresh_from_db()
    assert own_rule.label == RULE["label"]


def test_shared_rules_are_read_only(desk_admin_api, shared_rule):
    for method, body in (("patch", {"label": "Ours now"}), ("patch", {"is_active": False}), ("delete", None)):
        response = getattr(desk_admin_api, method)(_detail(shared_rule), body, format="json")
        assert response.status_code == 403, (method, body)
        assert response.json()["message"] == "Shared rules apply to every desk; a site administrator changes them."

    shared_rule.refresh_from_db()
    assert shared_rule.label != "Ours now"
    assert shared_rule.is_active


# --- Deactivating, as the web UI does ------------------------------------------------------------


def test_delete_deactivates_the_rule_and_keeps_its_links(desk_admin_api, own_rule):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=own_rule.desk))
    link = claim.source_links.create(rule=own_rule, url="https://www.reuters.com/site-search/?query=veto", label="x")

    first = desk_admin_api.delete(_detail(own_rule))
    again = desk_admin_api.delete(_detail(own_rule))

    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json()["is_active"] is False
    own_rule.refresh_from_db()
    link.refresh_from_db()
    assert own_rule.is_active is False
    assert link.rule == own_rule


def test_patch_reactivates_and_deactivates(desk_admin_api, own_rule):
    desk_admin_api.delete(_detail(own_rule))

    response = desk_admin_api.patch(_detail(own_rule), {"is_active": True}, format="json")

    assert response.status_code == 200
    assert response.json()["is_active"] is True
    both = desk_admin_api.patch(_detail(own_rule), {"is_active": False, "label": "Paused"}, format="json")
    own_rule.refresh_from_db()
    assert both.status_code == 200
    assert (own_rule.is_active, own_rule.label) == (False, "Paused")


# --- Concurrency: If-Match ---------------------------------------------------------------------------


def test_a_write_with_a_stale_etag_is_refused_and_saves_nothing(desk_admin_api, own_rule):
    stale = desk_admin_api.get(_detail(own_rule))["ETag"]
    desk_admin_api.patch(_detail(own_rule), {"label": "First admin's"}, format="json")

    patched = desk_admin_api.patch(_detail(own_rule), {"label": "Second admin's"}, format="json", HTTP_IF_MATCH=stale)
    deleted = desk_admin_api.delete(_detail(own_rule), HTTP_IF_MATCH=stale)

    for response in (patched, deleted):
        assert response.status_code == 412
        assert response.json()["extra"]["etag"] == desk_admin_api.get(_detail(own_rule))["ETag"]
    own_rule.refresh_from_db()
    assert (own_rule.label, own_rule.is_active) == ("First admin's", True)


def test_a_write_with_the_current_etag_goes_ahead(desk_admin_api, own_rule):
    current = desk_admin_api.get(_detail(own_rule))["ETag"]

    patched = desk_admin_api.patch(_detail(own_rule), {"label": "Mine"}, format="json", HTTP_IF_MATCH=current)
    deleted = desk_admin_api.delete(_detail(own_rule), HTTP_IF_MATCH=patched["ETag"])

    assert (patched.status_code, deleted.status_code) == (200, 200)
    assert deleted.json()["is_active"] is False


def test_a_rule_saved_between_the_read_and_the_write_is_not_overwritten(desk_admin_api, own_rule, monkeypatch):
    """Another admin saves just after this request read the rule: the fields this PATCH left out
    would be written back as read, so it is refused (412) even without If-Match."""
    update = services.source_rule_update

    def after_a_concurrent_save(**kwargs):
        SourceRule.objects.filter(pk=own_rule.pk).update(keywords=["theirs"], updated_at=timezone.now())
        return update(**kwargs)

    monkeypatch.setattr(services, "source_rule_update", after_a_concurrent_save)

    response = desk_admin_api.patch(_detail(own_rule), {"label": "Mine"}, format="json")

    assert response.status_code == 412
    assert response.json()["message"].startswith("The source rule has changed since you read it")
    own_rule.refresh_from_db()
    assert own_rule.label == RULE["label"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_admins_saving_one_version_at_once_save_once(desk, desk_admin, own_rule, monkeypatch):
    """Both read the same ETag; the rule row lock makes the second wait for the first's commit,
    see the new version and refuse (412) instead of overwriting it."""
    stale = _client(desk_admin).get(_detail(own_rule))["ETag"]
    holding = threading.Event()
    update = services.source_rule_update

    def slow_update(**kwargs):
        rule = update(**kwargs)
        holding.set()
        # The second request starts now, while this transaction still holds the row lock.
        threading.Event().wait(1.0)
        return rule

    monkeypatch.setattr(services, "source_rule_update", slow_update)

    def patch(label):
        return _client(desk_admin).patch(_detail(own_rule), {"label": label}, format="json", HTTP_IF_MATCH=stale)

    answers = second_waits_for_first(patch, first="First", second="Second", holding=holding)

    assert (answers["First"].status_code, answers["Second"].status_code) == (200, 412)
    own_rule.refresh_from_db()
    assert own_rule.label == "First"


# --- The answers are the documented ones ----------------------------------------------------------


def test_the_answers_match_the_schema(openapi, desk_admin_api, editor_api, own_rule, shared_rule):  # noqa: F811
    stale = desk_admin_api.get(_detail(own_rule))["ETag"]
    answers = [
        ("get", desk_admin_api.get(RULES)),
        ("get", desk_admin_api.get(_detail(own_rule))),
        ("post", desk_admin_api.post(RULES, {**RULE, "name": "Second"}, format="json")),
        ("post", desk_admin_api.post(RULES, {**RULE, "url_template": "nope"}, format="json")),
        ("post", desk_admin_api.post(RULES, {**RULE, "keywords": "veto"}, format="json")),
        ("patch", desk_admin_api.patch(_detail(own_rule), {"label": "Changed"}, format="json")),
        ("patch", desk_admin_api.patch(_detail(own_rule), {"label": "Again"}, format="json", HTTP_IF_MATCH=stale)),
        ("patch", desk_admin_api.patch(_detail(shared_rule), {"label": "Ours"}, format="json")),
        ("delete", desk_admin_api.delete(_detail(own_rule))),
        ("delete", desk_admin_api.delete(f"{RULES}{uuid.uuid4()}/")),
        ("get", editor_api.get(RULES)),
    ]

    assert [response.status_code for _, response in answers] == [200, 200, 201, 400, 400, 200, 412, 403, 200, 404, 403]
    for method, response in answers:
        _assert_documented(openapi, method, response)
