"""The Django admin keeps an imported article's text and desk (its claims point into the text, and
their reviews belong to the desk) and its addresses web addresses, adds none (articles are imported),
and deletes no article while a worker finds its claims, as the app refuses it then."""

import pytest
from django.urls import reverse

from apps.articles.models import Article
from tests import factories
from tests.admin_forms import admin_change_data
from tests.articles.test_intake import intake_running_elsewhere  # noqa: F401 - a fixture

BODY = "The minister said that the new bridge over the river cost four million euros in total."


@pytest.mark.django_db
def test_an_imported_articles_text_and_desk_are_not_changed_in_the_admin(desk, other_desk, root_client):
    article = factories.ArticleFactory(desk=desk, body=BODY, title="Bridge costs")
    factories.ClaimFactory(article=article, text="The new bridge over the river cost four million euros.")

    response = root_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {
            "desk": other_desk.pk,
            "title": "Bridge costs, corrected",
            "body": "Something else entirely, which the claims no longer point into.",
            "source_kind": article.source_kind,
            "language": "en",
        },
    )

    assert response.status_code == 302, response.content[:3000]
    article.refresh_from_db()
    assert (article.title, article.desk, article.body) == ("Bridge costs, corrected", desk, BODY)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["source_url", "fact_check_url"])
@pytest.mark.parametrize("address", ["ftp://example.org/bridge.txt", "ftps://example.org/bridge.txt"])
def test_an_articles_addresses_stay_web_addresses_in_the_admin(desk, root, root_client, field, address):
    article = factories.ArticleFactory(desk=desk, body=BODY, source_url="https://example.org/bridge")

    response = root_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        admin_change_data(article, user=root, **{field: address}),
    )

    assert response.status_code == 200, response.content[:2000]
    assert "Give a full http:// or https:// address of at most 2,000 characters." in response.content.decode()
    article.refresh_from_db()
    assert (article.source_url, article.fact_check_url) == ("https://example.org/bridge", "")


@pytest.mark.django_db
def test_articles_are_not_added_in_the_admin_but_imported(desk, root_client):
    # An article added as a row had no content hash, language or claims, and a second one was a server
    # error (its empty hash clashed with the first's).
    data = {"desk": desk.pk, "title": "Bridge costs", "body": BODY, "source_kind": "paste", "language": "en"}

    first = root_client.post(reverse("admin:articles_article_add"), data)
    second = root_client.post(reverse("admin:articles_article_add"), {**data, "body": BODY + " It opened in May."})

    assert (first.status_code, second.status_code) == (403, 403)
    assert not Article.objects.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_article_is_not_deleted_in_the_admin_while_its_claims_are_found(intake_running_elsewhere, root_client):  # noqa: F811
    article = intake_running_elsewhere

    response = root_client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}, follow=True
    )

    assert "claims are being found right now; try again once they are listed." in response.content.decode()
    assert Article.objects.filter(pk=article.pk).exists()
