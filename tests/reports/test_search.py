"""Search of the desk's earlier work (apps.reports.search, the search page and GET /api/v1/search/)."""

import datetime as dt

import pytest
import yaml
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.claims.models import ClaimKind, MatchStatus
from apps.core.exceptions import ApplicationError
from apps.reports.search import EXCLUSIONS_ONLY, claim_search, search_results_load
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

pytestmark = pytest.mark.django_db


def _approve(claim, *, editor, reviewer, label="Mostly true", rationale="The records show it."):
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label=label)
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale=rationale, reference_ids=[])
    reviews.verdict_approve(editor=editor, task=task)
    return task


@pytest.fixture
def history(desk, editor, reviewer):
    """A desk with a checked veto claim, an unchecked budget claim and an article about ports."""
    vetoes = factories.ArticleFactory(
        desk=desk, title="Security Council deadlock", outlet="Harbour Herald", published_on=dt.date(2012, 12, 11)
    )
    veto = factories.ClaimFactory(article=vetoes, text="Russia and China have vetoed three UN resolutions on Syria.")
    _approve(veto, editor=editor, reviewer=reviewer, rationale="UN records list three vetoes by December 2012.")
    budget_article = factories.ArticleFactory(
        desk=desk, title="City budget", outlet="Daily Ledger", published_on=dt.date(2020, 3, 1)
    )
    budget = factories.ClaimFactory(
        article=budget_article, text="The city spent 40 million on roads.", kind=ClaimKind.STATISTIC
    )
    ports = factories.ArticleFactory(desk=desk, title="Quay traffic doubles", published_on=dt.date(2024, 5, 2))
    port = factories.ClaimFactory(article=ports, text="The port handled twice as many ships.")
    return {"veto": veto, "budget": budget, "port": port}


def _texts(claims) -> list[str]:
    return [claim.text for claim in claims]


def test_finds_by_claim_text_article_title_and_approved_rationale(history, editor):
    assert _texts(claim_search(user=editor, query="spent roads")) == [history["budget"].text]
    assert _texts(claim_search(user=editor, query="quay")) == [history["port"].text]
    assert _texts(claim_search(user=editor, query="records december")) == [history["veto"].text]
    assert _texts(claim_search(user=editor, query="harbour herald")) == [history["veto"].text]


def test_a_rationale_not_yet_approved_is_not_searched(desk, editor, reviewer):
    claim = factories.ClaimFactory(article=factories.ArticleFactory(desk=desk), text="Tariffs rose.")
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Customs ledgers.", reference_ids=[])

    assert list(claim_search(user=editor, query="ledgers")) == []


def test_every_word_must_match_and_a_minus_word_excludes(history, editor):
    assert list(claim_search(user=editor, query="russia budget")) == []
    assert _texts(claim_search(user=editor, query="city -russia -port")) == [history["budget"].text]


def test_words_left_out_narrow_the_filters(history, editor):
    since_2000 = dt.date(2000, 1, 1)

    found = claim_search(user=editor, query="-russia -port", published_after=since_2000)

    assert _texts(found) == [history["budget"].text]


def test_words_left_out_alone_are_refused_with_a_message(history, editor):
    with pytest.raises(ApplicationError) as refused:
        claim_search(user=editor, query="-russia -port")

    assert refused.value.status == 400
    assert refused.value.message == EXCLUSIONS_ONLY


@pytest.mark.parametrize("query", ["anti-vaccine", "40,000", '"anti-vaccine e-mail"', "e-mail -ferries"])
def test_a_hyphenated_word_or_a_number_with_commas_is_found(desk, editor, query):
    """The query's words are read without their punctuation; the text keeps its own between them."""
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk), text="An anti-vaccine e-mail reached 40,000 parents."
    )

    assert _texts(claim_search(user=editor, query=query)) == [claim.text]


def test_nothing_to_look_for_finds_nothing(history, editor):
    assert list(claim_search(user=editor, query="")) == []
    assert list(claim_search(user=editor, query='  " - ')) == []


def test_another_desk_never_sees_the_claims(history, outsider):
    assert list(claim_search(user=outsider, query="russia")) == []
    assert list(claim_search(user=outsider, approved=True)) == []


def test_filters_narrow_the_results(history, editor, reviewer):
    everything = {"published_after": dt.date(2000, 1, 1)}
    assert _texts(claim_search(user=editor, kind=ClaimKind.STATISTIC, **everything)) == [history["budget"].text]
    assert _texts(claim_search(user=editor, status="approved", **everything)) == [history["veto"].text]
    assert set(_texts(claim_search(user=editor, status="new", **everything))) == {
        history["budget"].text,
        history["port"].text,
    }
    assert _texts(claim_search(user=editor, rating="mostly TRUE")) == [history["veto"].text]
    assert list(claim_search(user=editor, rating="False")) == []
    assert _texts(claim_search(user=editor, reviewer=reviewer.username)) == [history["veto"].text]
    assert _texts(claim_search(user=editor, approved=True)) == [history["veto"].text]
    assert _texts(
        claim_search(user=editor, published_after=dt.date(2019, 1, 1), published_before=dt.date(2021, 1, 1))
    ) == [history["budget"].text]


def test_a_confirmed_repeat_carries_the_earlier_rating(history, editor, desk):
    repeat = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Later story"),
        text="Three UN resolutions on Syria were vetoed.",
        matched_claim=history["veto"],
        match_status=MatchStatus.CONFIRMED,
    )

    found = claim_search(user=editor, rating="Mostly true")

    assert set(_texts(found)) == {history["veto"].text, repeat.text}


def test_without_a_query_filters_list_newest_publication_first(history, editor):
    assert _texts(claim_search(user=editor, published_after=dt.date(2000, 1, 1))) == [
        history["port"].text,
        history["budget"].text,
        history["veto"].text,
    ]


def test_a_page_of_results_keeps_its_order_and_leaves_out_a_claim_deleted_meanwhile(
    history, editor, django_assert_num_queries
):
    page = list(claim_search(user=editor, published_after=dt.date(2000, 1, 1)))
    history["budget"].delete()

    loaded = search_results_load(claims=page)

    assert _texts(loaded) == [history["port"].text, history["veto"].text]
    with django_assert_num_queries(0):
        assert loaded[1].review_task.verdict.rating.label == "Mostly true"


def test_the_results_page_reads_a_fixed_number_of_queries(client, editor, desk):
    def queries_for(count: int) -> int:
        article = factories.ArticleFactory(desk=desk, title=f"Batch {count}")
        for number in range(count):
            factories.ClaimFactory(article=article, text=f"Batch{count} claim number {number}.")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("search"), {"q": f"batch{count}"})
        assert response.status_code == 200
        assert response.context["results"].paginator.count == count
        return len(queries)

    client.force_login(editor)
    assert queries_for(3) == queries_for(30)


def test_the_api_reads_a_fixed_number_of_queries(editor_api, editor, reviewer, desk):
    def queries_for(count: int) -> int:
        article = factories.ArticleFactory(desk=desk, title=f"Batch {count}")
        for number in range(count):
            claim = factories.ClaimFactory(article=article, text=f"Batch{count} claim number {number}.")
            _approve(claim, editor=editor, reviewer=reviewer)
        with CaptureQueriesContext(connection) as queries:
            response = editor_api.get("/api/v1/search/", {"q": f"batch{count}"})
        assert response.status_code == 200
        assert response.json()["count"] == count
        return len(queries)

    assert queries_for(3) == queries_for(30)


def test_the_page_marks_the_words_and_escapes_the_text(client, editor, desk):
    article = factories.ArticleFactory(desk=desk, title="<script>alert(1)</script> vetoes")
    factories.ClaimFactory(article=article, text="The <b>council</b> vetoed <script>x()</script> twice.")
    client.force_login(editor)

    page = client.get(reverse("search"), {"q": "council veto"}).content.decode()

    assert "<script>alert" not in page
    assert "<script>x()" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>vetoes</mark>" in page
    assert "The &lt;b&gt;<mark>council</mark>&lt;/b&gt; <mark>vetoed</mark>" in page
    assert 'role="status">1 claim found.' in page


def test_the_page_without_a_query_explains_itself(client, editor):
    client.force_login(editor)

    response = client.get(reverse("search"))

    assert response.status_code == 200
    assert "Type a few words from a claim" in response.content.decode()


def test_the_page_pages_and_keeps_the_query(client, editor, desk):
    article = factories.ArticleFactory(desk=desk)
    for number in range(30):
        factories.ClaimFactory(article=article, text=f"Ferry claim {number}.")
    client.force_login(editor)

    page = client.get(reverse("search"), {"q": "ferry", "kind": "event"}).content.decode()

    assert "30 claims found, page 1 of 2" in page
    assert "?q=ferry&amp;kind=event&amp;page=2" in page


def test_the_page_refuses_a_bad_filter_and_a_nul_with_a_400(client, editor):
    client.force_login(editor)

    assert client.get(reverse("search"), {"q": "a", "kind": "nonsense"}).status_code == 400
    assert client.get(reverse("search"), {"q": "a\x00b"}).status_code == 400
    assert client.get(reverse("search"), {"q": "a", "published_after": "yesterday"}).status_code == 400


def test_the_page_explains_why_words_left_out_alone_find_nothing(client, editor, history):
    client.force_login(editor)

    refused = client.get(reverse("search"), {"q": "-russia"})
    filtered = client.get(reverse("search"), {"q": "-russia", "approved": "on"})

    assert refused.status_code == 400
    assert refused.context["form"].errors["q"] == [EXCLUSIONS_ONLY]
    assert "Add a word to look for, or choose a filter" in refused.content.decode()
    assert filtered.status_code == 200
    assert filtered.context["results"].paginator.count == 0


def test_the_header_has_a_labelled_search_box(client, editor):
    client.force_login(editor)

    page = client.get(reverse("dashboard")).content.decode()

    assert 'role="search"' in page
    assert '<label for="header-search-q" class="visually-hidden">Search claims</label>' in page
    # The search page has its own box, described by the syntax help; the header's would repeat it.
    search_page = client.get(reverse("search")).content.decode()
    assert "header-search-q" not in search_page
    assert 'aria-describedby="id_q_helptext"' in search_page


def test_the_api_searches_the_callers_desks_only(history, editor_api, outsider_api):
    mine = editor_api.get("/api/v1/search/", {"q": "vetoed"}).json()
    theirs = outsider_api.get("/api/v1/search/", {"q": "vetoed"}).json()

    assert [result["text"] for result in mine["results"]] == [history["veto"].text]
    assert mine["results"][0]["rating"] == "Mostly true"
    assert mine["results"][0]["article"]["title"] == "Security Council deadlock"
    assert theirs["count"] == 0


def test_the_api_filters(history, editor_api):
    response = editor_api.get("/api/v1/search/", {"approved": "true", "published_before": "2015-01-01"})

    assert [result["text"] for result in response.json()["results"]] == [history["veto"].text]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "nonsense"},
        {"status": "done"},
        {"approved": "perhaps"},
        {"published_after": "2024-13-01"},
        {"published_after": "2024-02-01", "published_before": "2024-01-01"},
        {"q": "a\x00b"},
        {"rating": "a\x00b"},
        {"q": "word " * 200},
    ],
)
def test_the_api_refuses_bad_input_with_a_400(editor_api, params):
    response = editor_api.get("/api/v1/search/", params)

    assert response.status_code == 400
    assert response.json()["message"] == "Validation error."


def test_the_api_refuses_words_left_out_alone_and_says_why(history, editor_api):
    refused = editor_api.get("/api/v1/search/", {"q": "-russia -quay"})
    filtered = editor_api.get("/api/v1/search/", {"q": "-russia -quay", "kind": "statistic"})

    assert refused.status_code == 400
    assert refused.json() == {
        "message": EXCLUSIONS_ONLY,
        "extra": {"fields": {"q": [EXCLUSIONS_ONLY]}, "query": "-russia -quay"},
    }
    assert [result["text"] for result in filtered.json()["results"]] == [history["budget"].text]


def test_the_api_needs_a_login(anonymous_api):
    assert anonymous_api.get("/api/v1/search/", {"q": "veto"}).status_code == 401


def test_the_schema_documents_the_search_and_its_errors(editor_api):
    schema = yaml.safe_load(editor_api.get("/api/schema/").content)

    operation = schema["paths"]["/api/v1/search/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} >= {
        "q",
        "kind",
        "status",
        "rating",
        "reviewer",
        "approved",
        "published_after",
        "published_before",
        "page",
    }
    assert {"200", "400", "401"} <= set(operation["responses"])


@pytest.mark.postgres
def test_postgresql_reads_the_query_as_a_web_search(history, editor, desk):
    factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Assembly"),
        text="The council held a vote after the security review.",
    )

    assert _texts(claim_search(user=editor, query="veto")) == [history["veto"].text]
    assert _texts(claim_search(user=editor, query="vetoes")) == [history["veto"].text]
    assert _texts(claim_search(user=editor, query='"security council"')) == [history["veto"].text]
    assert _texts(claim_search(user=editor, query="security -russia")) == [
        "The council held a vote after the security review."
    ]
    assert set(_texts(claim_search(user=editor, query="quay or roads"))) == {
        history["port"].text,
        history["budget"].text,
    }
    # Words from different fields: the claim's text and its approved verdict's rationale.
    assert _texts(claim_search(user=editor, query="syria records")) == [history["veto"].text]
    # Exclusions narrow the filters, reading each filtered claim's whole document.
    assert set(_texts(claim_search(user=editor, query="-russia -quay", status="new"))) == {
        history["budget"].text,
        "The council held a vote after the security review.",
    }
    # A stop word is no word to look for: with exclusions alone, the search is refused.
    with pytest.raises(ApplicationError):
        claim_search(user=editor, query="the -russia")
    # Stop words alone are ignored by PostgreSQL: nothing to look for.
    assert list(claim_search(user=editor, query="the of")) == []


@pytest.mark.postgres
@pytest.mark.parametrize("query", ["anti-vaccine", "e-mail", '"anti-vaccine e-mail"', "anti-vaccine or ferries"])
def test_postgresql_finds_hyphenated_words(desk, editor, query):
    """The parser reads "e-mail" as the compound and its parts; the index's candidates must keep
    them as the query has them, not parse the parsed lexemes again into a longer phrase."""
    claim = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk), text="An anti-vaccine e-mail reached 40,000 parents."
    )

    assert _texts(claim_search(user=editor, query=query)) == [claim.text]


@pytest.mark.postgres
def test_postgresql_ranks_the_claims_own_words_first(desk, editor):
    in_title = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Ferry timetable", published_on=dt.date(2025, 1, 1)),
        text="Boats left on time.",
    )
    in_text = factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="Harbour", published_on=dt.date(2010, 1, 1)),
        text="The ferry carried 300 people.",
    )

    assert _texts(claim_search(user=editor, query="ferry")) == [in_text.text, in_title.text]


def test_the_page_offers_only_the_callers_desks_ratings_and_people(client, editor, reviewer, outsider, other_desk):
    factories.RatingFactory(scale=factories.RatingScaleFactory(desk=other_desk), label="Mountain-only rating")
    client.force_login(editor)

    form = client.get(reverse("search")).context["form"]
    refused = client.get(reverse("search"), {"rating": "Mountain-only rating"})

    assert "Mostly true" in dict(form.fields["rating"].choices)
    assert "Mountain-only rating" not in dict(form.fields["rating"].choices)
    assert set(dict(form.fields["reviewer"].choices)) == {"", editor.username, reviewer.username}
    assert refused.status_code == 400
