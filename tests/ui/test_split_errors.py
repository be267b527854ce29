"""A refused split shows the claim page again with the parts as typed and each error at its part."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _split(client, claim, rows):
    data = {"form-TOTAL_FORMS": len(rows), "form-INITIAL_FORMS": 0}
    for index, row in enumerate(rows):
        for field, value in row.items():
            data[f"form-{index}-{field}"] = value
    return client.post(reverse("claims:split", args=[claim.pk]), data)


def _part(page, number):
    parts = re.findall(r'<fieldset class="split-part" data-split-part>(.*?)</fieldset>', page, flags=re.S)
    return parts[number - 1]


def test_an_unfinished_split_names_the_part_to_fix_and_keeps_what_was_typed(editor_client, veto_task):
    response = _split(
        editor_client,
        veto_task.claim,
        [{"start": 0, "end": 16, "text": "Russia and China act together."}, {"start": "", "end": "", "text": ""}],
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert '<details class="card split" id="split" open>' in page
    first, second = _part(page, 1), _part(page, 2)
    assert "field-error" not in first
    assert 'name="form-0-start" min="0" value="0"' in first
    assert 'name="form-0-end" min="1" value="16"' in first
    assert 'value="Russia and China act together."' in first
    assert "Part 2: Select the part in the claim&#x27;s context, or type or paste it." in second


def test_a_part_outside_the_article_is_explained_above_the_parts_as_typed(editor_client, veto_task):
    response = _split(editor_client, veto_task.claim, [{"start": 0, "end": 16}, {"start": 20, "end": 99_999}])

    page = response.content.decode()
    assert response.status_code == 400
    errors = re.search(r'<div class="form-errors" role="alert">(.*?)</div>', page, flags=re.S).group(1)
    assert '<a href="#form-1-start">Part 2: The selected passage is outside the article text.</a>' in errors
    assert 'name="form-1-end" min="1" value="99999"' in _part(page, 2)
    assert "Part 2: The selected passage is outside the article text." in _part(page, 2)
