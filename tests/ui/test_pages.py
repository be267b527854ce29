"""Server-rendered pages: who sees what, and what each page shows."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_form_logs_the_user_in_and_logout_logs_out(client, editor):
    response = client.post(reverse("login"), {"username": "edith", "password": factories.PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")

    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 302


def test_login_with_a_wrong_password_shows_an_error(client, editor):
    response = client.post(reverse("login"), {"username": "edith", "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_dashboard_lists_only_the_users_desk_articles_with_counts(
    editor_client, article, veto_task, toll_task, reviewer, other_desk
):
    factories.ArticleFactory(desk=other_desk, title="Other desk story")
    veto_task.status = "assigned"
    veto_task.assignee = reviewer
    veto_task.save()

    response = editor_client.get(reverse("dashboard"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Syria talks" in page
    assert "Other desk story" not in page
    assert [row.article.claim_count for row in response.context["rows"]] == [2]
    assert response.context["rows"][0].status_counts == [("new", "New", 1), ("assigned", "Assigned", 1)]
    assert "Import an article" in page


def test_dashboard_shows_a_reviewer_their_queue_count_and_no_import_button(
    reviewer_client, reviewer, veto_task, toll_task
):
    veto_task.status = "assigned"
    veto_task.assignee = reviewer
    veto_task.save()

    response = reviewer_client.get(reverse("dashboard"))

    assert response.context["queue_count"] == 1
    assert "Import an article" not in response.content.decode()


def test_article_page_highlights_claims_and_lists_them(editor_client, article, veto_task, toll_task):
    response = editor_client.get(reverse("articles:detail", args=[article.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<mark class="claim claim--new"') == 2
    assert reverse("claims:detail", args=[toll_task.claim.pk]) in page
    assert "Statistic / quantity" in page
    assert 'id="assign-form"' in page
    for export_format in ("html", "md", "csv", "json", "claimreview"):
        assert reverse("reports:export", args=[article.pk, export_format]) in page


def test_article_page_has_no_assign_form_for_a_reviewer(reviewer_client, article, veto_task):
    response = reviewer_client.get(reverse("articles:detail", args=[article.pk]))

    assert response.status_code == 200
    assert 'id="assign-form"' not in response.content.decode()


def test_article_of_another_desk_is_not_found(outsider_client, article):
    response = outsider_client.get(reverse("articles:detail", args=[article.pk]))

    assert response.status_code == 404
    assert "Article not found." in response.content.decode()


def test_unknown_article_is_not_found(editor_client):
    response = editor_client.get(reverse("articles:detail", args=[uuid.uuid4()]))

    assert response.status_code == 404


def test_progress_endpoint_reports_claims_with_references_gathered(editor_client, article, veto_task):
    response = editor_client.get(reverse("articles:progress", args=[article.pk]))

    assert response.status_code == 200
    progress = response.json()
    assert {"total", "done", "failed", "pending", "gathered", "finished", "label"} <= progress.keys()
    assert progress["label"] == f"References gathered for {progress['gathered']} of {progress['total']} claims"


def test_claim_page_shows_claim_in_context_with_its_references(editor_client, article, veto_task, toll_task):
    factories.ReferenceFactory(claim=toll_task.claim, title="UN casualty estimate", snippet="More than 40,000 dead.")

    response = editor_client.get(reverse("claims:detail", args=[toll_task.claim.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    # The context is the claim's own paragraph, with the claim marked.
    context = response.context["context"]
    assert (
        "".join(segment.text for segment in context) == "The conflict has killed at least 40,000 people, activists say."
    )
    assert [segment.text for segment in context if segment.keys] == [toll_task.claim.text]
    assert "UN casualty estimate" in page
    assert "More than 40,000 dead." in page
    assert "Record your verdict" not in page


def test_claim_page_shows_cues_and_quantities(editor_client, veto_task):
    response = editor_client.get(reverse("claims:detail", args=[veto_task.claim.pk]))

    page = response.content.decode()
    assert '<span class="chip">vetoed</span>' in page
    assert '<span class="chip">three = <span class="nowrap">3 resolutions</span></span>' in page


def test_claim_page_shows_resolved_dates_attribution_and_who_is_named(editor_client, veto_task):
    claim = veto_task.claim
    claim.dates = [{"text": "last Thursday", "value": "2012-12-06"}]
    claim.attribution = "Kommersant"
    claim.entities = [{"text": "Sergei Lavrov", "type": "PERSON"}]
    claim.save()

    page = editor_client.get(reverse("claims:detail", args=[claim.pk])).content.decode()

    assert '<span class="chip">last Thursday = <span class="nowrap">2012-12-06</span></span>' in page
    assert "<dt>Attributed to</dt><dd>Kommersant</dd>" in page
    assert '<span class="chip" title="PERSON">Sergei Lavrov</span>' in page


def test_claim_page_offers_the_verdict_form_only_to_the_assignee(
    reviewer_client, second_reviewer_client, reviewer, veto_task
):
    veto_task.status = "assigned"
    veto_task.assignee = reviewer
    veto_task.save()
    url = reverse("claims:detail", args=[veto_task.claim.pk])

    assignee_page = reviewer_client.get(url).content.decode()
    other_page = second_reviewer_client.get(url).content.decode()

    assert "Record your verdict" in assignee_page
    assert "Start review" in assignee_page
    assert "Record your verdict" not in other_page
    assert "Start review" not in other_page


def test_claim_of_another_desk_is_not_found(outsider_client, veto_task):
    response = outsider_client.get(reverse("claims:detail", args=[veto_task.claim.pk]))

    assert response.status_code == 404


def test_queue_lists_the_reviewers_open_tasks_only(reviewer_client, reviewer, veto_task, toll_task):
    veto_task.status = "assigned"
    veto_task.assignee = reviewer
    veto_task.save()

    response = reviewer_client.get(reverse("reviews:queue"))

    page = response.content.decode()
    assert veto_task.claim.text in page
    assert toll_task.claim.text not in page


def test_export_downloads_each_format(editor_client, article, veto_task):
    for export_format, content_type in [
        ("html", "text/html"),
        ("md", "text/markdown"),
        ("csv", "text/csv"),
        ("json", "application/json"),
        ("claimreview", "application/ld+json"),
        ("pdf", "application/pdf"),
    ]:
        response = editor_client.get(reverse("reports:export", args=[article.pk, export_format]))

        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
        assert response["Content-Disposition"].startswith("attachment; filename=")


def test_export_in_an_unknown_format_is_a_clear_400(editor_client, article):
    response = editor_client.get(reverse("reports:export", args=[article.pk, "docx"]))

    assert response.status_code == 400
    assert "Unknown export format" in response.content.decode()


def test_claim_context_of_a_long_paragraph_is_cut_at_words_around_the_claim(editor_client, desk):
    filler = " ".join(f"word{n}" for n in range(200))
    body = f"{filler} The army said 300 soldiers died. {filler}"
    start = body.index("The army")
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, body=body),
        text="The army said 300 soldiers died.",
        start=start,
        end=start + len("The army said 300 soldiers died."),
    )
    factories.ReviewTaskFactory(claim=claim)

    response = editor_client.get(reverse("claims:detail", args=[claim.pk]))
    context = response.context["context"]

    assert response.context["context_cut_before"]
    assert response.context["context_cut_after"]
    assert context[0].text.startswith("word")
    assert context[-1].text.endswith(tuple("0123456789"))
    assert [segment.text for segment in context if segment.keys] == [claim.text]


def test_split_claim_is_highlighted_by_its_own_pieces(editor_client, desk):
    body = "Russia and China resisted sanctions on Syria and vetoed three resolutions."
    article = factories.ArticleFactory(desk=desk, body=body)
    sanctions_end = body.index(" and vetoed")
    vetoes = body.index("vetoed")
    factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(
            article=article, text="Russia and China resisted sanctions on Syria.", start=0, end=sanctions_end
        )
    )
    veto_claim = factories.ClaimFactory(
        article=article,
        text="Russia and China vetoed three resolutions.",
        start=0,
        end=len(body) - 1,
        spans=[[0, 16], [vetoes, len(body) - 1]],
    )
    factories.ReviewTaskFactory(claim=veto_claim)

    response = editor_client.get(reverse("articles:detail", args=[article.pk]))

    marked = [(segment.text, segment.keys[-1].row.claim.pk) for segment in response.context["segments"] if segment.keys]
    assert marked[-1] == ("vetoed three resolutions", veto_claim.pk)


@pytest.mark.parametrize("url_name", ["articles:detail", "dashboard"])
def test_page_queries_do_not_grow_with_claims(editor_client, article, reviewer, url_name):
    def add_claims(count):
        for _ in range(count):
            factories.ReviewTaskFactory(
                claim=factories.ClaimFactory(article=article), status="assigned", assignee=reviewer
            )

    url = reverse(url_name, args=[article.pk]) if url_name != "dashboard" else reverse(url_name)
    add_claims(2)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(url)
    add_claims(6)
    with CaptureQueriesContext(connection) as many:
        editor_client.get(url)

    assert len(many) == len(few)


def test_dashboard_query_count_does_not_grow_with_articles(editor_client, desk):
    def dashboard_queries():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse("dashboard")).status_code == 200
        return len(queries)

    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    few = dashboard_queries()
    for _ in range(5):
        factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=factories.ArticleFactory(desk=desk)))
    assert dashboard_queries() == few
