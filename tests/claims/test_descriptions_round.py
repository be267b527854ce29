"""Definite descriptions round: a claim that opens with "The president", "The party" or "The company" names who or
what the article meant, so that it can be read, checked and matched alone."""

import pytest

from apps.claims.extraction import extract_claims


def _texts(body):
    return [claim.text for claim in extract_claims(body)]


@pytest.mark.parametrize(
    ("body", "named"),
    [
        pytest.param(
            "President Trump lashed out at the capital city's Democratic mayor Muriel Bowser on Twitter, accusing "
            'her of "not doing her job". The president has claimed widespread voter fraud with mail-in ballots.',
            "President Trump has claimed widespread voter fraud with mail-in ballots.",
            id="the one president the article titled",
        ),
        pytest.param(
            "On Sunday in Argentina's National Congress, President of Argentina Alberto Fernández announced he is to "
            "send a bill to the congress which aims to legalise abortion. The president had previously called it "
            '"a matter of public health".',
            'President Alberto Fernández had previously called it "a matter of public health".',
            id="a post that names its country before the name",
        ),
        pytest.param(
            "On Monday, Judge Victor Marrero issued a ruling against President Donald Trump finding that prosecutors "
            "could view his tax records. The president's legal team appealed the decision to the Second Circuit "
            "Court of Appeals.",
            "President Donald Trump's legal team appealed the decision to the Second Circuit Court of Appeals.",
            id="a possessive keeps its form",
        ),
        pytest.param(
            "The Bread and Roses Party ticket of Jerome Segal for president secured a spot on the ballot in Vermont "
            "in July. The party had already achieved qualified status in Maryland.",
            "The Bread and Roses Party had already achieved qualified status in Maryland.",
            id="the one party the sentence before names",
        ),
        pytest.param(
            "Collins/Parker was not the Prohibition Party's original 2020 presidential ticket. In November 2018, "
            "the party nominated a ticket of Bayes for President and Gammon for Vice President. Bayes withdrew in "
            "March 2019. The party finally settled on the Collins/Parker ticket later that month.",
            "The Prohibition Party finally settled on the Collins/Parker ticket later that month.",
            id="the one party named last in the paragraph, as a possessive",
        ),
        pytest.param(
            "The Constitution Party was founded in 1991 as the U.S. Taxpayers Party. It changed to its current name "
            "in 1999. The party advocates states' rights, gun rights, limited government, protectionism, and "
            "non-interventionism.",
            "The Constitution Party advocates states' rights, gun rights, limited government, protectionism, and "
            "non-interventionism.",
            id="not a party named as what another was founded as",
        ),
        pytest.param(
            "The three deceased were reportedly PG&E contract employees. The company said power was restored by "
            "20:21 following delays caused by warm weather at the time.",
            "PG&E said power was restored by 20:21 following delays caused by warm weather at the time.",
            id="a company by its own name",
        ),
    ],
)
def test_an_opening_description_names_the_one_it_stands_for(body, named):
    assert named in _texts(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        pytest.param(
            "President Trump met President Vladimir Putin in Helsinki on Monday. The president has claimed "
            "widespread voter fraud with mail-in ballots.",
            "The president has claimed widespread voter fraud with mail-in ballots.",
            id="two presidents titled",
        ),
        pytest.param(
            "Former US Vice President Joe Biden and former President Barack Obama spoke in Ohio on Monday. The "
            "president has claimed widespread voter fraud with mail-in ballots.",
            "The president has claimed widespread voter fraud with mail-in ballots.",
            id="a vice president and a former president are not the president",
        ),
        pytest.param(
            "Scotland's highest civil court sat on Wednesday. The only court with higher authority is "
            "the Supreme Court of the United Kingdom.\n\nThe court had been petitioned by Joanna Cherry and 78 "
            "co-petitioners for a ruling on the prorogation of parliament.",
            "The court had been petitioned by Joanna Cherry and 78 co-petitioners for a ruling on the prorogation "
            "of parliament.",
            id="a court named as what another is",
        ),
        pytest.param(
            "The party has expanded its ballot access since 2016.\n\nThe party was founded in 2011 as the Christian "
            "Democratic Party. It changed to its current name ahead of the 2016 presidential election. The party is "
            'based on Roman Catholic social teachings, advocating for social justice, environmentalism, and "a '
            'consistent life ethic" including opposition to abortion, euthanasia, and capital punishment.',
            "The party is based on Roman Catholic social teachings, advocating for social justice, environmentalism, "
            'and "a consistent life ethic" including opposition to abortion, euthanasia, and capital punishment.',
            id="a party named as what it was founded as",
        ),
        pytest.param(
            "There was a 4.2% swing against the Labor Party in the state of Queensland at the previous federal "
            "election.\n\nWikinews spoke to Craig Farquharson, who is running for the Liberal Democrats. Liberal "
            'Democrats describes itself as standing for "individual liberty". The party has two elected officials, '
            "who sit in the Victorian Legislative Council.",
            "The party has two elected officials, who sit in the Victorian Legislative Council.",
            id="a party named only in the paragraph before",
        ),
        pytest.param(
            "The Libertarian Party and the Green Party held their conventions online in May. The party had already "
            "nominated Jo Jorgensen for president at the virtual convention.",
            "The party had already nominated Jo Jorgensen for president at the virtual convention.",
            id="two parties named",
        ),
        pytest.param(
            "Germany banned Iranian airline Mahan Air in January. The Federal Aviation Office of Germany suspended "
            "its permit on Monday. The company had flown 40 flights a week to Germany.",
            "The company had flown 40 flights a week to Germany.",
            id="a public body is no company",
        ),
    ],
)
def test_an_opening_description_stays_where_what_it_stands_for_is_not_sure(body, kept):
    assert kept in _texts(body)


def test_the_claim_keeps_the_description_s_place_in_the_article():
    body = (
        "The Bread and Roses Party ticket of Jerome Segal for president secured a spot on the ballot in Vermont in "
        "July. The party had already achieved qualified status in Maryland."
    )

    claim = next(c for c in extract_claims(body) if "Maryland" in c.text)

    assert body[claim.start : claim.end] == "The party had already achieved qualified status in Maryland."
