"""Fourth kinds round: more past forms that tell what happened, findings told in the passive or by an autopsy, and
small counts after "the" that name known things rather than count (sentences from the Wikinews corpus)."""

import pytest

from apps.claims.extraction import describe_claim
from apps.claims.models import ClaimKind


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Trump flew above the rally on his Marine One helicopter on his way to West Point, New York.", "flew"),
        (
            "Conyers served as the chair of the Judiciary Committee while the Democratic party controlled the House.",
            "served",
        ),
        ("Jacques Chirac served as President of France for twelve years.", "served"),
        (
            "Numerous iconic rock musicians paid tribute to the guitarist following the announcement of his death.",
            "paid",
        ),
        (
            "Prime Minister Johnson was questioned about the case while speaking to the press at a hospital.",
            "questioned",
        ),
        ("Wiranto survived the attack.", "survived"),
        ("Imus later apologized for the comment.", "apologized"),
        ("The band reunited in 2005 for several London and New York concerts.", "reunited"),
    ],
)
def test_more_past_forms_tell_what_happened(text, cue):
    facts = describe_claim(text)
    assert facts.kind == ClaimKind.EVENT
    assert cue in facts.cues


def test_a_survivor_in_an_obituary_is_no_event():
    assert describe_claim("Al-Quaety is survived by three children and his pregnant wife.").kind != ClaimKind.EVENT


@pytest.mark.parametrize(
    "text",
    [
        "The Bread and Roses Party stands for the right to employment, paid vacation, and a shortened work week.",
        "CentOS offered compatibility with Red Hat Enterprise Linux, Red Hat's paid operating system.",
    ],
)
def test_paid_before_a_benefit_or_a_product_describes_it(text):
    assert "paid" not in describe_claim(text).cues


@pytest.mark.parametrize(
    "text",
    [
        "They were found statistically less likely to commit suicide and to own guns.",
        "A similar volcanic eruption in Alaska in 2008 was found to be associated with an increase in the local salmon "
        "population.",
        "An autopsy determined the elephant was pregnant before she was cremated.",
        "The court determined Zhukovskyy's driving history rendered him a danger to himself or to the public.",
        "From this, they concluded that warm water was reaching the ice sheets in the same places every year as well.",
    ],
)
def test_findings_in_the_passive_or_by_an_inquiry_are_reported(text):
    assert describe_claim(text).kind == ClaimKind.ATTRIBUTION


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # found somewhere or in some state: what happened, not a finding
        ("Ivan was found under rubble, still in his cot after having been trapped for hours.", ClaimKind.EVENT),
        ("All but one victim was found dismembered in large planters at a house.", ClaimKind.EVENT),
        # what a court found is its ruling
        (
            "In finding Pierluisi was improperly sworn in as governor, the Supreme Court also found unconstitutional a "
            "2005 law permitting an appointee as secretary of state to succeed to the governorship.",
            ClaimKind.EVENT,
        ),
    ],
)
def test_what_was_found_somewhere_is_no_finding(text, kind):
    assert describe_claim(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "The distinction between the two records is the use of male pacesetters.",
        "The two main threats to the food sources of this colony are climate change and fisheries.",
        "The three best performers in this contest are awarded the opportunity to study for free.",
    ],
)
def test_a_small_count_after_the_names_known_things(text):
    assert describe_claim(text).kind == ClaimKind.OTHER


@pytest.mark.parametrize(
    "text",
    [
        "Two other Independent presidential candidates qualified for the Oklahoma ballot.",
        "The trial was one of three facing Avenatti.",
        "Between the two blasts, at least 20 were killed.",
    ],
)
def test_counts_of_their_own_stay_statistics(text):
    assert describe_claim(text).kind == ClaimKind.STATISTIC
