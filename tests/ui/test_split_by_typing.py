"""Splitting a claim without a mouse: each part's passage is typed or pasted and looked up in the
claim, as a claim added from the article page is, instead of counting character offsets."""

import re

import pytest
from django.urls import reverse

from apps.claims.models import Claim

pytestmark = pytest.mark.django_db


def _split(client, claim, rows):
    data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": 0}
    for index, row in enumerate(rows):
        for field, value in row.items():
            data[f"form-{index}-{field}"] = value
    return client.post(reverse("claims:split", args=[claim.pk]), data)


def test_each_part_is_found_from_its_typed_passage(editor_client, article, veto_task):
    response = _split(
        editor_client,
        veto_task.claim,
        [
            {"passage": "russia and china"},
            {"passage": "have vetoed three UN Security Council resolutions", "text": "They vetoed three resolutions."},
        ],
    )

    assert response.status_code == 302
    vetoed = article.body.index("have vetoed")
    parts = Claim.objects.filter(article=article).order_by("start")
    assert [(claim.start, claim.end, claim.text) for claim in parts] == [
        (0, 16, "Russia and China"),
        (vetoed, vetoed + len("have vetoed three UN Security Council resolutions"), "They vetoed three resolutions."),
    ]


def test_a_typed_part_must_be_in_the_claim_once(editor_client, article, veto_task):
    # In the article, but in the next paragraph, not in this claim.
    response = _split(
        editor_client, veto_task.claim, [{"passage": "Russia and China"}, {"passage": "The conflict has killed"}]
    )

    page = response.content.decode()
    assert response.status_code == 400
    second = re.findall(r'<fieldset class="split-part" data-split-part>(.*?)</fieldset>', page, flags=re.S)[1]
    assert "Part 2: “The conflict has killed” is not in the claim text." in second
    assert (
        'name="form-1-passage" maxlength="5000" value="The conflict has killed" aria-invalid="true" '
        'aria-describedby="form-1-errors"' in second
    )
    assert Claim.objects.filter(article=article).count() == 1
