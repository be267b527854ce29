"""Adding a claim without a mouse: the editor types or pastes the passage, the page finds it."""

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.claims.models import Claim
from tests import factories

pytestmark = pytest.mark.django_db


def _messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def _refused(client, response) -> tuple[str, str]:
    """The reason the article page gives beside the passage field, and the passage in it."""
    page = client.get(response["Location"]).content.decode()
    reason = re.search(r'<p class="field-error" id="add-claim-passage-error">(.*?)</p>', page, re.S).group(1)
    passage = re.search(r'<textarea id="add-claim-passage"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    return html.unescape(reason), html.unescape(passage)


def _add(client, article, passage):
    return client.post(reverse("claims:create", args=[article.pk]), {"start": "", "end": "", "passage": passage})


def test_editor_adds_a_claim_by_typing_its_passage(editor_client, article):
    response = _add(editor_client, article, "The conflict has killed at least 40,000 people")

    claim = Claim.objects.get(article=article)
    assert article.body[claim.start : claim.end] == "The conflict has killed at least 40,000 people"
    assert claim.text == "The conflict has killed at least 40,000 people"
    assert _messages(response) == ["Claim added: “The conflict has killed at least 40,000 people”."]


def test_a_typed_passage_matches_across_line_breaks_case_and_typographic_quotes(editor_client, desk, editor):
    body = "Title\n\nThe minister said the plan \u2018won\u2019t\nwork\u2019 before 2030."
    article = factories.ArticleFactory(desk=desk, body=body, imported_by=editor)

    _add(editor_client, article, "  the plan 'won't work'  ")

    claim = Claim.objects.get(article=article)
    assert article.body[claim.start : claim.end] == "the plan \u2018won\u2019t\nwork\u2019"


def test_a_passage_not_in_the_article_says_to_copy_it_from_the_text(editor_client, article):
    response = _add(editor_client, article, "The conflict has killed 50,000 people")

    assert response["Location"] == reverse("articles:detail", args=[article.pk])
    assert _refused(editor_client, response) == (
        "“The conflict has killed 50,000 people” is not in the article text. "
        "Copy the passage from the article, or type it exactly as it is written there.",
        "The conflict has killed 50,000 people",
    )
    assert not Claim.objects.exists()
    # Shown once: loading the page again shows the field empty.
    assert "add-claim-passage-error" not in editor_client.get(response["Location"]).content.decode()


def test_a_passage_found_twice_says_to_add_the_words_around_it(editor_client, desk, editor):
    body = "Exports rose 5%. Imports rose 5% too."
    article = factories.ArticleFactory(desk=desk, body=body, imported_by=editor)

    response = _add(editor_client, article, "rose 5%")

    assert _refused(editor_client, response) == (
        "“rose 5%” appears 2 times in the article. "
        "Add some of the words around it so that it matches only one passage.",
        "rose 5%",
    )
    assert not Claim.objects.exists()


def test_a_passage_matches_whole_words_only(editor_client, desk, editor):
    article = factories.ArticleFactory(desk=desk, body="The fact is that they act now.", imported_by=editor)

    _add(editor_client, article, "act")

    claim = Claim.objects.get(article=article)
    assert (claim.start, claim.end) == (article.body.index(" act ") + 1, article.body.index(" act ") + 4)


def test_an_empty_form_asks_for_the_passage(editor_client, article):
    response = _add(editor_client, article, "   ")

    assert _refused(editor_client, response) == ("Type or paste the passage to add as a claim.", "")
    assert not Claim.objects.exists()


def test_a_selection_s_offsets_still_add_the_selected_passage(editor_client, article):
    start = article.body.index("The conflict")

    editor_client.post(reverse("claims:create", args=[article.pk]), {"start": start, "end": start + 12, "passage": ""})

    assert Claim.objects.get(article=article).text == "The conflict"


def test_the_article_page_offers_the_passage_field_and_no_mouse_only_wording(editor_client, article):
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()

    assert "Text to add as a claim" in page
    assert 'name="passage"' in page
    assert "with the mouse" not in page
    assert "character offsets" not in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_keyboard_only_editor_adds_a_claim(monkeypatch, live_server, editor, article):
    from playwright.sync_api import expect

    from tests.browser import chromium

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("Username").fill(editor.username)
        page.get_by_label("Password").fill(factories.PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{live_server.url}/")
        page.goto(f"{live_server.url}/articles/{article.pk}/")

        page.get_by_text("Add a claim by typing or pasting its text").focus()
        page.keyboard.press("Enter")
        page.get_by_label("Text to add as a claim").fill("at least 40,000 people")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")

        expect(page.locator(".messages")).to_contain_text("Claim added: “at least 40,000 people”.")
    assert Claim.objects.filter(article=article, text="at least 40,000 people").exists()


def test_a_refused_passage_is_shown_only_on_the_page_it_was_sent_back_to(editor_client, desk, editor, article):
    other = factories.ArticleFactory(desk=desk, imported_by=editor)
    response = _add(editor_client, article, "The conflict has killed 50,000 people")

    editor_client.get(reverse("articles:detail", args=[other.pk]))  # another tab, say, loaded first
    later = editor_client.get(response["Location"]).content.decode()

    assert "add-claim-passage-error" not in later
