"""A reference on the claim page says in words which source found it and how much of the claim
it shares, and an unrelated reference carries no stance badge that could sway the reviewer."""

import pytest
from django.urls import reverse

from apps.references.models import Stance
from tests import factories

pytestmark = pytest.mark.django_db


def _reference_item(page, reference):
    item = page[page.index(f'id="reference-{reference.pk}"') :]
    return item[: item.index("</li>")]


def _claim_page(client, claim):
    return client.get(reverse("claims:detail", args=[claim.pk])).content.decode()


def test_a_reference_names_its_provider_and_the_share_of_claim_words(editor_client, veto_task):
    reference = factories.ReferenceFactory(
        claim=veto_task.claim,
        publisher="United Nations",
        stance=Stance.SUPPORTS,
        stance_score=0.96,
        score=13.76,
        stance_details={"coverage": 0.8},
    )

    item = _reference_item(_claim_page(editor_client, veto_task.claim), reference)

    assert "United Nations · found by Local reference library · shares 80% of the claim's key words" in item
    assert "local_library" not in item
    assert "stance score" not in item
    assert "relevance" not in item
    assert "Supports" in item


def test_a_reference_without_a_passage_gives_no_word_share(editor_client, veto_task):
    reference = factories.ReferenceFactory(claim=veto_task.claim, provider="wikipedia", stance=Stance.MENTIONS)

    item = _reference_item(_claim_page(editor_client, veto_task.claim), reference)

    assert "found by Wikipedia" in item
    assert "key words" not in item


def test_an_unrelated_reference_has_no_stance_badge(editor_client, veto_task):
    reference = factories.ReferenceFactory(claim=veto_task.claim, stance=Stance.UNRELATED)

    item = _reference_item(_claim_page(editor_client, veto_task.claim), reference)

    assert "stance--unrelated" not in item
    assert "Unrelated" not in item
