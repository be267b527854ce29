"""Shared source rules for the claims of the sample article that had no suggestion.

"Russia and China have blocked action against Damascus at the United Nations" (no veto named),
"The number of refugees registered in neighbouring countries has passed 500,000" and "Brahimi has
built his mediation on the declaration agreed in Geneva on June 30" arrived with no source link.
These rules add the Security Council's meetings of the claim's year, UNHCR's refugee data, and the
UN's records of peace agreements and declarations. Every URL is a page or search for people to
open; nothing here is fetched. As in 0009, an existing rule of the same name is never overwritten.
"""

from django.db import migrations, models

REFUGEE_KEYWORDS = ["refugee", "asylum seeker", "asylum-seeker", "displaced", "displacement"]
# Substrings: "accord" alone would match "according to".
AGREEMENT_KEYWORDS = [
    "declaration", "communiqué", "communique", "peace agreement", "peace deal", "peace plan", "peace accord",
    "peace talks", "ceasefire", "cease-fire", "truce", "armistice",
]  # fmt: skip
NOT_AGREEMENTS = ["state of emergency", "declaration of emergency", "declaration of independence", "tax declaration"]

RULES = [
    {
        "name": "un-sc-meetings-of-the-year",
        "topic": "un_votes",
        "label": "UN Security Council meetings of {year} (Dag Hammarskjöld Library)",
        "url_template": "https://research.un.org/en/docs/sc/quick/meetings/{year}",
        "reason": "Every Security Council meeting of {year}: its subject, the document symbols and what was "
        "decided or vetoed.",
        "kinds": [],
        "keywords": ["Security Council", "at the United Nations"],
        "priority": 12,
    },
    {
        "name": "unhcr-operational-data-portal",
        "topic": "refugees",
        "label": "UNHCR Operational Data Portal: refugee situations",
        "url_template": "https://data.unhcr.org/en/situations",
        "reason": "UNHCR's counts of registered refugees for each crisis, by country of asylum and date.",
        "kinds": [],
        "keywords": REFUGEE_KEYWORDS,
        "priority": 10,
    },
    {
        "name": "unhcr-refugee-data-finder",
        "topic": "refugees",
        "label": "UNHCR Refugee Data Finder",
        "url_template": "https://www.unhcr.org/refugee-statistics/",
        "reason": "UNHCR's yearly statistics of refugees, asylum-seekers and displaced people by country.",
        "kinds": [],
        "keywords": REFUGEE_KEYWORDS,
        "priority": 20,
    },
    {
        "name": "un-peacemaker-agreements",
        "topic": "agreements",
        "label": "UN Peacemaker: peace agreements and communiqués",
        "url_template": "https://peacemaker.un.org/",
        "reason": "The UN's collection of peace agreements, declarations and communiqués, with their texts "
        "and dates.",
        "kinds": [],
        "keywords": AGREEMENT_KEYWORDS,
        "excluded_keywords": NOT_AGREEMENTS,
        "priority": 10,
    },
    {
        "name": "un-digital-library-agreements",
        "topic": "agreements",
        "label": "UN Digital Library: the agreement as a UN document",
        "url_template": "https://digitallibrary.un.org/search?ln=en&p={query}",
        "reason": "Declarations and communiqués of UN-led talks are circulated as UN documents. Open it "
        "yourself: the library does not allow automated downloads.",
        "kinds": [],
        "keywords": AGREEMENT_KEYWORDS,
        "excluded_keywords": NOT_AGREEMENTS,
        "priority": 20,
    },
]


def create_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    for rule in RULES:
        fields = dict(rule)
        name = fields.pop("name")
        SourceRule.objects.get_or_create(name=name, desk__isnull=True, defaults=fields)


def delete_rules(apps, schema_editor):
    SourceRule = apps.get_model("references", "SourceRule")
    SourceRule.objects.filter(name__in=[rule["name"] for rule in RULES], desk__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("references", "0016_reference_added_by_person")]

    operations = [
        migrations.AlterField(
            model_name="sourcerule",
            name="topic",
            field=models.CharField(
                choices=[
                    ("un_votes", "UN votes and vetoes"),
                    ("casualties", "Casualty figures"),
                    ("elections", "Elections"),
                    ("economy", "Economic statistics"),
                    ("quotes", "Quotes"),
                    ("media", "Media coverage"),
                    ("refugees", "Refugees and displacement"),
                    ("agreements", "Agreements and declarations"),
                    ("other", "Other"),
                ],
                default="other",
                max_length=20,
            ),
        ),
        migrations.RunPython(create_rules, delete_rules),
    ]
