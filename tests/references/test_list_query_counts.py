"""The references stage's lists cost the same few queries however many rows they show."""

import pytest
from django.urls import reverse

from apps.references.models import SourceLink
from tests import factories

pytestmark = pytest.mark.django_db

ROWS = 30


@pytest.fixture
def many_rows(desk):
    for number in range(ROWS):
        claim = factories.ClaimFactory(article__desk=desk)
        factories.ReferenceFactory(claim=claim)
        rule = factories.SourceRuleFactory(desk=desk)
        SourceLink.objects.create(claim=claim, rule=rule, url=f"https://example.org/{number}", label="Link")
        factories.LibraryDocumentFactory(desk=desk)
        factories.LibraryDocumentFactory(desk=None)


@pytest.mark.parametrize(
    "url_name", ["api:reference-list", "api:source-link-list", "api:library-document-list"], ids=lambda name: name[4:]
)
def test_api_lists_do_not_query_per_row(editor_api, many_rows, url_name, django_assert_max_num_queries):
    # Session/auth lookups, the user's desks, the count and the page.
    with django_assert_max_num_queries(4):
        response = editor_api.get(reverse(url_name), {"page_size": 100})

    assert response.status_code == 200
    assert response.json()["count"] >= ROWS


def test_the_source_rules_page_does_not_query_per_rule(client, desk, many_rows, django_assert_max_num_queries):
    client.force_login(factories.MemberFactory(desk=desk, role="admin", username="ada").user)

    # One of them asks whether a desk of the person's requires two-step sign-in (on every page).
    with django_assert_max_num_queries(9):
        response = client.get(reverse("desks:source_rules", args=[desk.slug]))

    assert response.status_code == 200
    assert response.content.decode().count("/source-rules/") > ROWS
