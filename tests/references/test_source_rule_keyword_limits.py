"""A source rule's keyword lists have limits: every claim of every import is searched for every
keyword of every rule, and a rule with 20,000 keywords was accepted."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.references import services
from apps.references.models import SOURCE_RULE_MAX_KEYWORD_LENGTH, SOURCE_RULE_MAX_KEYWORDS, SourceRule

pytestmark = pytest.mark.django_db

RULE = {
    "name": "Reuters search",
    "label": "Reuters search",
    "url_template": "https://www.reuters.com/site-search/?query={query}",
    "reason": "Wire copy often carries the original figures.",
}
MANY_WORDS = [f"word{number}" for number in range(20_000)]


def test_a_rule_takes_the_most_keywords_of_the_longest_length(desk, desk_admin):
    words = [f"{number:03}".ljust(SOURCE_RULE_MAX_KEYWORD_LENGTH, "x") for number in range(SOURCE_RULE_MAX_KEYWORDS)]

    rule = services.source_rule_create(user=desk_admin, desk=desk, **RULE, keywords=words, excluded_keywords=words)

    assert len(rule.keywords) == len(rule.excluded_keywords) == SOURCE_RULE_MAX_KEYWORDS


@pytest.mark.parametrize("field", ["keywords", "excluded_keywords"])
def test_too_many_keywords_are_refused_naming_the_field(desk, desk_admin, field):
    with pytest.raises(
        ApplicationError, match=f"At most {SOURCE_RULE_MAX_KEYWORDS} words; this list has 20,000"
    ) as caught:
        services.source_rule_create(user=desk_admin, desk=desk, **RULE, **{field: MANY_WORDS})

    assert caught.value.status == 400
    assert list(caught.value.extra["fields"]) == [field]
    assert not SourceRule.objects.filter(desk=desk).exists()


def test_the_message_says_which_list_is_too_long(desk, desk_admin):
    with pytest.raises(ApplicationError, match=r"^Excluded keywords: At most"):
        services.source_rule_create(user=desk_admin, desk=desk, **RULE, excluded_keywords=MANY_WORDS)


def test_a_keyword_too_long_is_refused(desk, desk_admin):
    long_word = "x" * (SOURCE_RULE_MAX_KEYWORD_LENGTH + 1)

    with pytest.raises(ApplicationError, match=f"at most {SOURCE_RULE_MAX_KEYWORD_LENGTH} characters") as caught:
        services.source_rule_create(user=desk_admin, desk=desk, **RULE, keywords=["veto", long_word])

    assert list(caught.value.extra["fields"]) == ["keywords"]


def test_an_edit_past_the_limits_leaves_the_rule_as_it_was(desk, desk_admin):
    rule = services.source_rule_create(user=desk_admin, desk=desk, **RULE, keywords=["veto"])

    with pytest.raises(ApplicationError, match="At most"):
        services.source_rule_update(user=desk_admin, rule=rule, **RULE, keywords=MANY_WORDS)

    rule.refresh_from_db()
    assert rule.keywords == ["veto"]


def test_the_form_shows_too_many_keywords_beside_the_field(client, desk, desk_admin):
    client.force_login(desk_admin)

    response = client.post(
        reverse("desks:source_rule_create", args=[desk.slug]),
        {**RULE, "topic": "other", "priority": 100, "keywords": "\n".join(MANY_WORDS)},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert f'<div id="id_keywords_error"><p class="field-error">At most {SOURCE_RULE_MAX_KEYWORDS} words' in page
    assert not SourceRule.objects.filter(desk=desk).exists()


def test_the_form_shows_a_keyword_too_long_beside_the_excluded_field(client, desk, desk_admin):
    client.force_login(desk_admin)

    response = client.post(
        reverse("desks:source_rule_create", args=[desk.slug]),
        {**RULE, "topic": "other", "priority": 100, "excluded_keywords": "drill, " + "x" * 5000},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert '<div id="id_excluded_keywords_error"><p class="field-error">Each word is at most' in page


@pytest.mark.parametrize(
    "keywords",
    [json.dumps(MANY_WORDS), json.dumps(["x" * 500]), "[1, 2]", '"veto"', '{"veto": true}'],
    ids=["too many", "too long", "numbers", "a string", "an object"],
)
def test_the_django_admin_refuses_keywords_past_the_limits_or_not_a_list_of_words(desk, desk_admin, keywords):
    desk_admin.is_staff = True
    desk_admin.save()
    client = Client()
    client.force_login(desk_admin)

    response = client.post(
        reverse("admin:references_sourcerule_add"),
        {
            "desk": str(desk.pk),
            "name": "Wire",
            "label": "Wire",
            "topic": "other",
            "url_template": RULE["url_template"],
            "reason": "Because.",
            "kinds": "[]",
            "keywords": keywords,
            "excluded_keywords": "[]",
            "priority": 5,
            "is_active": "on",
        },
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["keywords"]
    assert not SourceRule.objects.filter(desk=desk).exists()
