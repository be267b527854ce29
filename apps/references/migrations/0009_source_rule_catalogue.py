"""Grow the shipped source-link rules into a catalogue by topic.

Files the rules of 0003 under their topics and adds shared rules for elections, economic
statistics, quotes and General Assembly votes. Every URL is a search or page for people to open;
nothing here is fetched. Placeholders: see `SourceRule`.
"""

from django.db import migrations

SHIPPED_TOPICS = {
    "un-sc-veto-list": "un_votes",
    "un-digital-library-drafts": "un_votes",
    "ohchr-casualties": "casualties",
    "un-news-casualties": "casualties",
    "reliefweb-casualties": "casualties",
    "outlet-coverage-search": "media",
}

# Keywords match as substrings ("vote" also finds "voted" and "voters").
ELECTION_KEYWORDS = ["election", "elected", "vote", "ballot", "turnout", "referendum", "polls"]
ECONOMY_KEYWORDS = [
    "GDP", "inflation", "unemployment", "percent", "economy", "economic", "budget", "debt", "deficit", "trade",
]  # fmt: skip
ECONOMY_KINDS = ["statistic", "comparison"]

CATALOGUE_RULES = [
    {
        "name": "un-ga-voting-records",
        "topic": "un_votes",
        "label": "UN Digital Library: General Assembly voting records",
        "url_template": "https://digitallibrary.un.org/search?ln=en&cc=Voting+Data&c=Voting+Data"
        "&fct__2=General+Assembly&p={query}",
        "reason": "How each member state voted on General Assembly resolutions. Open it yourself: the "
        "library does not allow automated downloads.",
        "kinds": [],
        "keywords": ["General Assembly"],
        "priority": 15,
    },
    {
        "name": "ifes-electionguide",
        "topic": "elections",
        "label": "IFES ElectionGuide: elections and results by country",
        "url_template": "https://www.electionguide.org/elections/",
        "reason": "Dates, turnout and official results of national elections and referendums worldwide.",
        "kinds": [],
        "keywords": ELECTION_KEYWORDS,
        "priority": 10,
    },
    {
        "name": "ipu-parline",
        "topic": "elections",
        "label": "IPU Parline: national parliaments and their elections",
        "url_template": "https://data.ipu.org/",
        "reason": "The Inter-Parliamentary Union's data on every parliament: seats, electoral system and "
        "the results of each parliamentary election.",
        "kinds": [],
        "keywords": ELECTION_KEYWORDS,
        "priority": 20,
    },
    {
        "name": "wikipedia-election-year",
        "topic": "elections",
        "label": "Wikipedia: elections of {year}",
        "url_template": "https://en.wikipedia.org/w/index.php?search={query}+{year}+election",
        "reason": "The election articles for {year} cite the official results and turnout.",
        "kinds": [],
        "keywords": ELECTION_KEYWORDS,
        "priority": 30,
    },
    {
        "name": "world-bank-data",
        "topic": "economy",
        "label": "World Bank Open Data",
        "url_template": "https://data.worldbank.org/search?q={query}",
        "reason": "Official series for GDP, inflation, debt and trade by country and year.",
        "kinds": ECONOMY_KINDS,
        "keywords": ECONOMY_KEYWORDS,
        "priority": 10,
    },
    {
        "name": "imf-search",
        "topic": "economy",
        "label": "IMF data and country reports",
        "url_template": "https://www.imf.org/en/Search#q={query}&sort=relevancy",
        "reason": "The IMF's World Economic Outlook figures and country reports state growth, inflation "
        "and debt with their dates.",
        "kinds": ECONOMY_KINDS,
        "keywords": ECONOMY_KEYWORDS,
        "priority": 20,
    },
    {
        "name": "oecd-search",
        "topic": "economy",
        "label": "OECD data and reports",
        "url_template": "https://www.oecd.org/en/search.html?q={query}",
        "reason": "Comparable statistics for OECD members: unemployment, prices, budgets and trade.",
        "kinds": ECONOMY_KINDS,
        "keywords": ECONOMY_KEYWORDS,
        "priority": 30,
    },
    {
        "name": "wikiquote-search",
        "topic": "quotes",
        "label": "Wikiquote",
        "url_template": "https://en.wikiquote.org/w/index.php?search={query}",
        "reason": "Sourced quotations, and the misattributed ones listed as disputed.",
        "kinds": ["quote"],
        "keywords": [],
        "priority": 10,
    },
    {
        "name": "wikiquote-speaker",
        "topic": "quotes",
        "label": "Wikiquote: {actor}",
        "url_template": "https://en.wikiquote.org/w/index.php?search={actor}",
        "reason": "What {actor} is on record as saying, with the source of each quotation.",
        "kinds": ["quote"],
        "keywords": [],
        "priority": 20,
    },
]


def create_catalogue(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    # Only rules still filed under the default topic: a topic an admin chose stays.
    for name, topic in SHIPPED_TOPICS.items():
        SourceRule.objects.filter(name=name, desk__isnull=True, topic="other").update(topic=topic)
    for rule in CATALOGUE_RULES:
        fields = dict(rule)
        name = fields.pop("name")
        # get_or_create: re-running migrations never overwrites what an admin edited.
        SourceRule.objects.get_or_create(name=name, defaults=fields)


def delete_catalogue(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    SourceRule.objects.filter(name__in=[rule["name"] for rule in CATALOGUE_RULES], desk__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("references", "0008_source_rule_topic")]

    operations = [migrations.RunPython(create_catalogue, delete_catalogue)]
