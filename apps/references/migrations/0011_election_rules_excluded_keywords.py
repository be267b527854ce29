"""Keep the shipped election rules off UN votes.

The election rules of 0009 match "vote" as a substring, so "The Security Council voted 13-2 on
the resolution" got IFES ElectionGuide, IPU Parline and Wikipedia election links. A claim naming
a UN voting body, or a resolution (which also covers "draft resolution" and "UN resolution"),
is about a UN vote, which the un_votes rules already cover; those words now exclude it.

"United Nations" on its own is left out on purpose: UN-run elections and referendums (East
Timor, 1999) are elections, and the election sources are the right ones for them. The cost of
"General Assembly" is the US state legislatures of that name; a desk that checks them can edit
its own copy of the rule.

Only the shipped shared rules are touched, only while they exist and have no excluded keywords
yet, so nothing an admin set is overwritten.
"""

from django.db import migrations

ELECTION_RULES = ["ifes-electionguide", "ipu-parline", "wikipedia-election-year"]
UN_VOTE_KEYWORDS = ["Security Council", "General Assembly", "Human Rights Council", "resolution"]


def exclude_un_votes(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    for rule in SourceRule.objects.filter(name__in=ELECTION_RULES, desk__isnull=True):
        if not rule.excluded_keywords:
            rule.excluded_keywords = UN_VOTE_KEYWORDS
            rule.save(update_fields=["excluded_keywords"])


def clear_excluded_keywords(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    SourceRule.objects.filter(name__in=ELECTION_RULES, desk__isnull=True).update(excluded_keywords=[])


class Migration(migrations.Migration):
    dependencies = [("references", "0010_source_rule_excluded_keywords")]

    operations = [migrations.RunPython(exclude_un_votes, clear_excluded_keywords)]
