"""references 0018 adds the shared speaker rules to a database that has rules of its own: a rule of the
same name, in any case and in any desk, is kept as it was and keeps the shipped one out."""

import importlib

import pytest
from django.apps import apps

from apps.references.models import SourceRule
from tests.factories import DeskFactory, SourceRuleFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("apps.references.migrations.0018_source_rules_for_speakers")
SHIPPED = {rule["name"] for rule in migration.RULES}


@pytest.fixture(autouse=True)
def _before_the_migration():
    SourceRule.objects.filter(name__in=SHIPPED).delete()


def test_it_adds_both_shared_rules():
    migration.create_rules(apps, None)

    assert set(SourceRule.objects.filter(name__in=SHIPPED, desk__isnull=True).values_list("name", flat=True)) == SHIPPED


def test_a_shared_rule_named_in_another_case_is_kept_and_not_doubled():
    own = SourceRuleFactory(name="Kremlin-Transcripts", label="Our Kremlin search")

    migration.create_rules(apps, None)

    assert list(SourceRule.objects.filter(name__iexact="kremlin-transcripts")) == [own]
    assert SourceRule.objects.get(pk=own.pk).label == "Our Kremlin search"
    assert SourceRule.objects.filter(name="speaker-statement-news-search", desk__isnull=True).exists()


def test_a_desks_own_rule_of_the_name_keeps_the_shared_one_out_and_stays_editable():
    desk_rule = SourceRuleFactory(desk=DeskFactory(), name="speaker-statement-news-search", label="Our search")

    migration.create_rules(apps, None)

    assert list(SourceRule.objects.filter(name__iexact="speaker-statement-news-search")) == [desk_rule]
    desk_rule.label = "Our renamed search"
    desk_rule.full_clean()
