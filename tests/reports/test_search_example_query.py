"""The search page's example query is in the page's language, and following it in a desk working
in that language finds its claims."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _example_query_link(page) -> str:
    empty_state = page.text.split('class="empty-state"', 1)[1]
    return unescape(re.search(r'<a href="(\?q=[^"]+)">([^<]+)</a>', empty_state).group(1))


@pytest.mark.parametrize(
    ("browser_language", "text", "other_language_text"),
    [
        (
            "es",
            "Rusia ejerció su veto en el Consejo de Seguridad contra la resolución sobre Siria.",
            "Russia used its veto in the Security Council against the resolution on Syria.",
        ),
        (
            "pt-br",
            "A Rússia usou seu veto no Conselho de Segurança contra a resolução sobre a Síria.",
            "Russia used its veto in the Security Council against the resolution on Syria.",
        ),
        (
            "en",
            "Russia used its veto in the Security Council against the resolution on Syria.",
            "Rusia ejerció su veto en el Consejo de Seguridad contra la resolución sobre Siria.",
        ),
    ],
)
def test_the_example_query_finds_claims_in_the_pages_language(
    client, desk, editor, browser_language, text, other_language_text
):
    language = {"accept-language": browser_language}
    found = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk, language=browser_language), text=text)
    factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text=other_language_text)
    client.force_login(editor)

    example = _example_query_link(client.get(reverse("search"), headers=language))
    results = client.get(reverse("search") + example, headers=language)

    assert results.status_code == 200
    assert results.context["results"].paginator.count == 1
    assert results.context["results"][0]["claim"] == found


def test_the_spanish_example_is_shown_as_typed_and_kept_whole_in_its_link(client, editor):
    client.force_login(editor)
    page = client.get(reverse("search"), headers={"accept-language": "es"})
    assert '<a href="?q=%22consejo%20de%20seguridad%22%20veto">"consejo de seguridad" veto</a>' in page.text


def test_the_portuguese_example_is_shown_as_typed_and_kept_whole_in_its_link(client, editor):
    client.force_login(editor)
    page = client.get(reverse("search"), headers={"accept-language": "pt-BR"})
    assert '<a href="?q=%22conselho%20de%20seguran%C3%A7a%22%20veto">"conselho de segurança" veto</a>' in page.text
