"""The claim page shows what extraction read each quantity as, beside its words, as it does for dates."""

import re

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

QUANTITIES = [
    {"value": 40000, "unit": "people", "qualifier": ">=", "text": "at least 40,000 people"},
    {"value": 36, "max": 40, "unit": "people", "qualifier": "between", "text": "between 36 and 40 people"},
    {"value": 4.2, "unit": "percent", "qualifier": "=", "text": "4.2 percent"},
    {"value": 3, "unit": None, "qualifier": "~", "text": "about three"},
    {"value": 1500000000.0, "unit": "dollars", "qualifier": ">", "text": "more than $1.5 billion"},
    {"value": 0.666667, "unit": "ratio", "qualifier": ">=", "text": "at least two thirds"},
]


def _chips(html: str) -> list[str]:
    facts = html[html.index('<dl class="facts">') :].split("<div><dt>")[4]  # kind, worthiness, cues, quantities
    chips = re.findall(r'<span class="chip">(.*?)</span></span>', facts)
    return [re.sub(r"<[^>]+>", "", chip).strip() for chip in chips]


def test_each_quantity_shows_its_words_and_the_value_unit_and_bound_read_from_them(editor_client, article):
    claim = factories.ClaimFactory(article=article, quantities=QUANTITIES)

    html = editor_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert _chips(html) == [
        "at least 40,000 people = ≥ 40,000 people",
        "between 36 and 40 people = 36\u201340 people",
        "4.2 percent = 4.2 percent",
        "about three = ≈ 3",
        "more than $1.5 billion = &gt; 1,500,000,000 dollars",
        "at least two thirds = ≥ 66.7%",
    ]


def test_the_values_are_written_as_the_readers_language_writes_numbers(editor_client, article):
    claim = factories.ClaimFactory(article=article, quantities=QUANTITIES[:1])

    html = editor_client.get(reverse("claims:detail", args=[claim.pk]), headers={"accept-language": "es"}).content
    assert _chips(html.decode())[0].endswith("≥ 40\xa0000 people")  # factcheck/formats/es
