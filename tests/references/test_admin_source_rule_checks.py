"""The Django admin checks source rules as the desk's own form does.

It took any URL template and any JSON for the claim kinds: an unmatched brace or a number for
the kinds failed the import of every article the desk took in, and a javascript: template put
script links on claim pages. Its desk filter also listed every newsroom to every desk admin.
"""

import pytest
from django.test import Client
from django.urls import reverse

from apps.references import services
from apps.references.models import SourceLink, SourceRule
from tests import factories

pytestmark = pytest.mark.django_db

ADD = reverse("admin:references_sourcerule_add")


@pytest.fixture
def staff_desk_admin(desk):
    user = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    user.is_staff = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def _rule_form(desk, **changes):
    form = {
        "desk": str(desk.pk),
        "name": "Wire",
        "label": "Wire search",
        "topic": "other",
        "url_template": "https://example.org/search?q={query}",
        "reason": "Because.",
        "kinds": "[]",
        "keywords": "[]",
        "excluded_keywords": "[]",
        "priority": 5,
        "is_active": "on",
    }
    return {**form, **changes}


@pytest.fixture
def houla_article(desk):
    article = factories.ArticleFactory(desk=desk)
    factories.ClaimFactory(
        article=article,
        kind="statistic",
        text="Kofi Annan said 108 people were killed in Houla.",
        entities=[{"type": "PERSON", "text": "Kofi Annan"}],
    )
    return article


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("https://example.org/search?q={query", "unmatched brace"),
        ("javascript:alert({query})", "full http"),
        ("https://example.org/search?q={query.__class__}", "only use the placeholders"),
    ],
)
def test_the_admin_refuses_a_url_template_the_desk_form_refuses(staff_desk_admin, desk, template, message):
    response = staff_desk_admin.post(ADD, _rule_form(desk, url_template=template))

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["url_template"])
    assert not SourceRule.objects.filter(desk=desk).exists()


@pytest.mark.parametrize("kinds", ["5", '"statistic"', '["opinion"]'])
def test_the_admin_refuses_kinds_that_are_not_a_list_of_claim_kinds(staff_desk_admin, desk, kinds):
    response = staff_desk_admin.post(ADD, _rule_form(desk, kinds=kinds))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["kinds"]
    assert not SourceRule.objects.filter(desk=desk).exists()


def test_the_admin_still_saves_a_good_rule(staff_desk_admin, desk):
    response = staff_desk_admin.post(ADD, _rule_form(desk, kinds='["statistic"]'))

    assert response.status_code == 302
    assert SourceRule.objects.get(desk=desk).kinds == ["statistic"]


@pytest.mark.parametrize(
    "broken",
    [
        {"url_template": "https://example.org/search?q={query"},
        {"url_template": "javascript:alert({query})"},
        {"kinds": 5},
        {"keywords": "killed"},
    ],
    ids=["unmatched brace", "javascript", "kinds a number", "keywords a string"],
)
def test_a_broken_rule_saved_earlier_makes_no_links_and_fails_no_import(desk, houla_article, broken):
    fields = {"label": "Broken", "url_template": "https://example.org/?q={query}", "reason": "Because.", **broken}
    SourceRule.objects.create(desk=desk, name="Broken", **fields)
    SourceRule.objects.create(
        desk=desk, name="Good", label="Good", url_template="https://example.org/good?q={query}", reason="Because."
    )

    services.article_source_links_attach(article=houla_article)

    urls = set(SourceLink.objects.filter(claim__article=houla_article).values_list("url", flat=True))
    assert any(url.startswith("https://example.org/good?q=") for url in urls)
    assert not SourceLink.objects.filter(rule__name="Broken").exists()
    assert not any(url.startswith("javascript:") for url in urls)


def test_the_admins_desk_filter_lists_only_the_admins_desks(staff_desk_admin, desk, other_desk):
    factories.SourceRuleFactory(desk=desk)
    factories.SourceRuleFactory(desk=other_desk)

    page = staff_desk_admin.get(reverse("admin:references_sourcerule_changelist")).content.decode()

    assert desk.name in page
    assert other_desk.name not in page
