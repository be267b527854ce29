"""Shared source rules for statements attributed to a person.

The sample article's statements by Vladimir Putin and Hillary Clinton arrived with no source link:
the outlet rules skip people on purpose, and no rule knew where a person's words are on record.
These rules add a news search for the speaker's words (where and when they were first reported,
which leads to the transcript or interview to cite) and the Kremlin's own transcripts for
statements by Russia's leadership. Every URL is a search for people to open; nothing here is
fetched. As in 0009, an existing rule of the same name is never overwritten. Names are compared
ignoring case, as the name constraints compare them, and a desk's own rule of the name keeps the shared
one out too: a desk never lists two rules of one name (`SourceRule.clean` refuses it).
"""

from django.db import migrations

RULES = [
    {
        "name": "speaker-statement-news-search",
        "topic": "quotes",
        "label": "News reports of {speaker} saying this",
        "url_template": "https://news.google.com/search?q=%22{speaker}%22%20{query}",
        "reason": "Where and when {speaker} said this as first reported; the transcript, interview or "
        "statement those reports name is the source to cite.",
        "kinds": [],
        "keywords": [],
        "priority": 25,
    },
    {
        "name": "kremlin-transcripts",
        "topic": "quotes",
        "label": "Kremlin: transcripts and statements",
        "url_template": "https://en.kremlin.ru/search?query={query}",
        "reason": "The Kremlin's own record of what the Russian president and his office said, dated.",
        "kinds": ["attribution", "quote"],
        "keywords": ["Putin", "Medvedev", "Peskov", "Kremlin"],
        "priority": 15,
    },
]


def create_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    for rule in RULES:
        fields = dict(rule)
        name = fields.pop("name")
        if not SourceRule.objects.filter(name__iexact=name).exists():
            SourceRule.objects.create(name=name, **fields)


def delete_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    SourceRule.objects.filter(name__in=[rule["name"] for rule in RULES], desk__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("references", "0017_source_rules_council_refugees_agreements")]

    operations = [migrations.RunPython(create_rules, delete_rules)]
