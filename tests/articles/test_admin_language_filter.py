"""The article list's language filter names the articles whose language is not known ("") instead of
offering a link with no text, and that choice still lists exactly them."""

import lxml.html
import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def _language_choices(response) -> dict[str, str]:
    page = lxml.html.fromstring(response.content)
    links = page.xpath('//details[@data-filter-title="language"]//li/a')
    return {link.text_content().strip(): link.get("href") for link in links}


def test_articles_with_no_language_are_offered_as_not_known_and_that_choice_lists_only_them(desk, root_client):
    factories.ArticleFactory(desk=desk, title="Spanish report", language="es")
    factories.ArticleFactory(desk=desk, title="Unknown-language report", language="")
    changelist = reverse("admin:articles_article_changelist")

    choices = _language_choices(root_client.get(changelist))
    listed = root_client.get(f"{changelist}{choices['Not known']}")

    assert sorted(choices) == ["All", "Not known", "es"]
    assert "Unknown-language report" in listed.text
    assert "Spanish report" not in listed.text
    assert listed.context["cl"].result_count == 1
