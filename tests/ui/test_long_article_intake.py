"""A long article's claims are found by a worker: the pages say so, update themselves, and let an
editor try again when finding them failed."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apps.articles.models import Article, IntakeStatus
from apps.articles.tasks import article_intake_task
from tests import factories
from tests.browser import chromium, log_in

TEXT = (
    "# Vetoes\n\nBy Jane Reporter\n\nMarch 3, 2013\n\n"
    "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011, "
    "diplomats said on Monday. The United Nations says at least 70,000 people have been killed."
)


@pytest.fixture
def long_articles(settings):
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 100


@pytest.mark.django_db
def test_importing_a_long_article_lands_on_its_page_saying_the_claims_are_on_their_way(
    long_articles, editor_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks():
        response = editor_client.post(reverse("articles:import"), {"text": TEXT}, follow=True)

    article = Article.objects.get()
    page = response.content.decode()
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Imported “Vetoes”. It is a long article, so its claims are being found in the background; "
        "this page lists them as soon as they are ready."
    ]
    assert "Finding claims…" in page
    assert f'data-progress-url="{reverse("articles:intake", args=[article.pk])}"' in page
    assert "Add claim from selection" not in page, "the service refuses claims added before intake is done"
    assert editor_client.get(reverse("articles:intake", args=[article.pk])).json() == {"finished": False}

    article_intake_task(str(article.pk))

    assert editor_client.get(reverse("articles:intake", args=[article.pk])).json() == {"finished": True}
    page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    assert "Finding claims…" not in page
    assert "Add claim from selection" in page
    assert "70,000 people" in page


@pytest.mark.django_db
def test_the_dashboard_says_which_articles_are_still_having_their_claims_found(editor_client, desk):
    factories.ArticleFactory(desk=desk, title="Long one", intake_status=IntakeStatus.RUNNING)
    factories.ArticleFactory(desk=desk, title="Broken one", intake_status=IntakeStatus.FAILED)

    page = editor_client.get(reverse("dashboard")).content.decode()

    assert "Finding claims…" in page
    assert "Not found" in page


@pytest.mark.django_db
def test_an_editor_can_try_a_failed_intake_again_and_a_reviewer_sees_why_it_failed(
    editor_client, reviewer_client, desk, django_capture_on_commit_callbacks
):
    article = factories.ArticleFactory(
        desk=desk, intake_status=IntakeStatus.FAILED, intake_error="Finding this article's claims failed."
    )
    detail = reverse("articles:detail", args=[article.pk])
    retry = reverse("articles:intake-retry", args=[article.pk])

    reviewer_page = reviewer_client.get(detail).content.decode()
    assert "Finding this article&#x27;s claims failed." in reviewer_page
    assert retry not in reviewer_page
    refused = reviewer_client.post(retry)
    assert refused.url == detail
    assert [str(message) for message in get_messages(refused.wsgi_request)] == ["Only the desk's editors can do this."]
    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.FAILED
    assert retry in editor_client.get(detail).content.decode()
    assert editor_client.get(retry).url == detail, "a GET of the action goes back to the page"

    with django_capture_on_commit_callbacks() as published:
        response = editor_client.post(retry, follow=True)

    assert len(published) == 1
    article.refresh_from_db()
    assert article.intake_status == IntakeStatus.QUEUED
    assert "Finding claims…" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_article_page_shows_the_claims_when_the_worker_has_found_them(monkeypatch, live_server):
    from playwright.sync_api import expect

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    desk = factories.DeskFactory(name="World desk", slug="world")
    factories.MemberFactory(desk=desk, role="editor", username="edith")
    article = factories.ArticleFactory(desk=desk, body=TEXT, intake_status=IntakeStatus.QUEUED)

    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(page, live_server.url, "edith")
        page.goto(f"{live_server.url}/articles/{article.pk}/")
        expect(page.get_by_role("status")).to_contain_text("Finding claims…")

        article_intake_task(str(article.pk))

        expect(page.locator("mark.claim").first).to_be_visible()
        expect(page.get_by_text("Finding claims…")).to_have_count(0)
