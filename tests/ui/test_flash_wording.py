"""Flash messages read as written English."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.articles.models import Article

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("articles:import")


def _messages(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def test_an_import_with_one_claim_says_claim_in_the_singular(editor_client):
    body = (
        "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, the UN said."
    )

    response = editor_client.post(IMPORT_URL, {"text": f"Vetoes at the UN\n\n{body}"})

    assert Article.objects.get().claims.count() == 1
    assert _messages(response) == [("success", "Imported “Vetoes at the UN”: 1 claim to check.")]


def test_an_import_without_claims_is_no_success_of_zero_claims(editor_client):
    body = "La Russie et la Chine ont opposé leur veto à trois résolutions du Conseil de sécurité sur la Syrie."

    response = editor_client.post(IMPORT_URL, {"text": f"Les négociations\n\n{body}"})

    assert _messages(response) == [
        ("info", "Imported “Les négociations”. No claims to check were found; add them from the text.")
    ]
    page = editor_client.get(response["Location"]).content.decode()
    assert 'aria-live="polite">No claims to check</span>' in page
    assert "0 of 0 claims checked" not in page


def test_an_added_claim_that_ends_its_sentence_gets_no_second_full_stop(editor_client, article):
    start = article.body.index("Russia")
    end = article.body.index("Syria.") + len("Syria.")

    response = editor_client.post(reverse("claims:create", args=[article.pk]), {"start": start, "end": end})

    assert _messages(response) == [
        ("success", "Claim added: “Russia and China have vetoed three UN Security Council resolutions on Syria.”")
    ]
