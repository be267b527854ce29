"""URL templates that the standard library cannot even split are refused like any bad template;
an unclosed IPv6 bracket was a server error on the desk's rule form."""

import pytest
from django.urls import reverse

from apps.core.exceptions import ApplicationError
from apps.references.models import SourceRule
from apps.references.services import article_source_links_attach, source_rule_url_template_check
from tests import factories

pytestmark = pytest.mark.django_db

UNSPLITTABLE = ["https://[::1/?q={query}", "https://example.org:99999/?q={query}"]


@pytest.mark.parametrize("template", UNSPLITTABLE)
def test_templates_that_cannot_be_split_are_refused(template):
    with pytest.raises(ApplicationError, match="does not make a valid web address"):
        source_rule_url_template_check(template)


@pytest.mark.parametrize("template", UNSPLITTABLE)
def test_the_desk_form_shows_the_refusal(client, desk, template):
    client.force_login(factories.MemberFactory(desk=desk, role="admin", username="ada").user)

    response = client.post(
        reverse("desks:source_rule_create", args=[desk.slug]),
        {"name": "IPv6", "label": "l", "url_template": template, "reason": "r", "topic": "other", "priority": 1},
    )

    assert response.status_code == 400
    assert "does not make a valid web address" in response.content.decode()
    assert not SourceRule.objects.filter(desk=desk).exists()


def test_a_rule_saved_earlier_with_such_a_template_fails_no_import(desk):
    SourceRule.objects.create(desk=desk, name="IPv6", label="l", url_template=UNSPLITTABLE[0], reason="r")
    claim = factories.ClaimFactory(article__desk=desk)

    article_source_links_attach(article=claim.article)

    assert not claim.source_links.filter(rule__name="IPv6").exists()
