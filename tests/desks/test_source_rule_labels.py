"""The source-rule pages name claim kinds as the rest of the app does, and the kind checkboxes
are one group with a legend."""

import re

import pytest

from apps.references.models import SourceRule

pytestmark = pytest.mark.django_db

RULES = "/desks/world/source-rules/"


def test_the_rule_list_shows_kind_labels_not_codes(admin_client, desk):
    SourceRule.objects.create(
        desk=desk,
        name="Casualty counts",
        label="Counts",
        url_template="https://example.org/?q={query}",
        reason="Why.",
        kinds=["statistic", "event"],
    )

    page = admin_client.get(RULES).content.decode()

    assert '<span class="chip">Statistic / quantity</span><span class="chip">Event / action</span>' in page
    assert '<span class="chip">statistic</span>' not in page


def test_the_claim_kinds_are_a_fieldset_with_a_legend(admin_client):
    page = admin_client.get(f"{RULES}new/").content.decode()

    group = re.search(r'<fieldset class="field">\s*<legend>Claim kinds</legend>(.*?)</fieldset>', page, re.S)
    assert group is not None
    assert group.group(1).count('<label class="check"><input type="checkbox" name="kinds"') == 8
    assert "None ticked means every kind." in group.group(1)
    assert '<label for="">' not in page
