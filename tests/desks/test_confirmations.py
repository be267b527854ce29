"""Desk settings' destructive one-click buttons ask for confirmation (data-confirm, app.js)."""

import pytest

from apps.reviews.services import rating_scale_copy_default
from tests import factories

pytestmark = pytest.mark.django_db


def test_removing_a_member_or_a_rating_and_deactivating_a_rule_ask_first(admin_client, desk, desk_admin, reviewer):
    rating_scale_copy_default(user=desk_admin, desk=desk)
    rule = factories.SourceRuleFactory(desk=desk, name="World: Reuters")

    people = admin_client.get(f"/desks/{desk.slug}/people/").content.decode()
    ratings = admin_client.get(f"/desks/{desk.slug}/ratings/").content.decode()
    rules = admin_client.get(f"/desks/{desk.slug}/source-rules/").content.decode()

    assert 'data-confirm="Remove rachel from World desk? They lose access to its articles' in people
    assert "data-confirm=\"Remove the rating “Misleading” from this desk's scale? There is no undo" in ratings
    assert f'data-confirm="Deactivate “{rule.name}”? New articles get no links from it' in rules
