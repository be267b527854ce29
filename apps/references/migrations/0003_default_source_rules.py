"""Ship the default source-link rules (editable afterwards in the admin).

{query} is the claim's key terms and {outlet} the publication a claim is attributed to, both
URL-encoded. The UN Digital Library forbids automated downloads without approval, so it only
ever appears here, as a search link for people.
"""

from django.db import migrations

VETO_KEYWORDS = ["veto", "vetoed", "vetoes", "vetoing", "Security Council"]
CASUALTY_KEYWORDS = [
    "killed", "dead", "deaths", "death toll", "died", "casualties", "fatalities", "lives",
]  # fmt: skip

DEFAULT_RULES = [
    {
        "name": "un-sc-veto-list",
        "label": "UN Security Council veto list (Dag Hammarskjöld Library)",
        "url_template": "https://research.un.org/en/docs/sc/quick/veto",
        "reason": "The UN library's list of every vetoed draft resolution, with date, document symbol "
        "and the members that cast the veto.",
        "kinds": ["event"],
        "keywords": VETO_KEYWORDS,
        "priority": 10,
    },
    {
        "name": "un-digital-library-drafts",
        "label": "UN Digital Library: draft resolutions and voting records",
        "url_template": "https://digitallibrary.un.org/search?ln=en&p={query}",
        "reason": "The UN's own records of the draft resolutions, meetings and votes. Open it yourself: "
        "the library does not allow automated downloads.",
        "kinds": ["event"],
        "keywords": VETO_KEYWORDS,
        "priority": 20,
    },
    {
        "name": "ohchr-casualties",
        "label": "UN Human Rights Office (OHCHR)",
        "url_template": "https://www.ohchr.org/en/search?query={query}",
        "reason": "OHCHR publishes the UN's documented casualty counts and how they were compiled.",
        "kinds": ["statistic"],
        "keywords": CASUALTY_KEYWORDS,
        "priority": 10,
    },
    {
        "name": "un-news-casualties",
        "label": "UN News",
        "url_template": "https://news.un.org/en/search/{query}",
        "reason": "UN News reports the figures UN officials give, with their dates.",
        "kinds": ["statistic"],
        "keywords": CASUALTY_KEYWORDS,
        "priority": 20,
    },
    {
        "name": "reliefweb-casualties",
        "label": "ReliefWeb situation reports (UN OCHA)",
        "url_template": "https://reliefweb.int/updates?search={query}",
        "reason": "Humanitarian situation reports carry casualty figures with their source agency and date.",
        "kinds": ["statistic"],
        "keywords": CASUALTY_KEYWORDS,
        "priority": 30,
    },
    {
        "name": "outlet-coverage-search",
        "label": "Find the {outlet} report",
        "url_template": "https://duckduckgo.com/?q=%22{outlet}%22+{query}",
        "reason": "The claim is attributed to {outlet}; check what the outlet actually published.",
        "kinds": [],
        "keywords": [],
        "requires_attribution": True,
        "priority": 40,
    },
]


def create_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    for rule in DEFAULT_RULES:
        fields = dict(rule)
        name = fields.pop("name")
        # get_or_create: re-running migrations never overwrites what a desk admin edited.
        SourceRule.objects.get_or_create(name=name, defaults=fields)


def delete_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    SourceRule.objects.filter(name__in=[rule["name"] for rule in DEFAULT_RULES], desk__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("references", "0002_evidence_archive_link_status")]

    operations = [migrations.RunPython(create_rules, delete_rules)]
