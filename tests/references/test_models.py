"""How a reference describes itself to people (the claim page's reference list)."""

import pytest

from tests.factories import ReferenceFactory

pytestmark = pytest.mark.django_db


def test_a_reference_names_its_provider_for_people():
    assert ReferenceFactory(provider="local_library").get_provider_display() == "Local reference library"
    assert ReferenceFactory(provider="wikipedia").get_provider_display() == "Wikipedia"


def test_relevance_for_people_is_the_share_of_the_claims_words_in_the_passage():
    reference = ReferenceFactory(score=13.76, stance_details={"coverage": 0.917, "supported_figures": [3.0]})

    assert reference.claim_word_share == 92
    assert ReferenceFactory(stance_details={}).claim_word_share is None
