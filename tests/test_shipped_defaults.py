"""The data migrations' defaults survive the flush that ends a transactional test.

pytest-django runs transactional tests after the others, but pytest-xdist's work stealing can hand a
worker a plain test after a transactional one; that test must still find the standard rating scale
and the shipped source rules, as on a fresh database.
"""

import pytest
from django.core.management import call_command

from apps.references.models import SourceRule
from apps.reviews.models import RatingScale


@pytest.mark.django_db(transaction=True)
def test_the_flush_that_ends_a_transactional_test_puts_the_shipped_defaults_back():
    shipped_rules = SourceRule.objects.filter(desk=None).count()

    call_command("flush", interactive=False, verbosity=0)

    assert RatingScale.objects.filter(desk=None, name="Standard").exists()
    assert RatingScale.objects.get(desk=None).ratings.count() > 0
    assert SourceRule.objects.filter(desk=None).count() == shipped_rules
