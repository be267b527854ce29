"""The desk's published fact-checks as one feed (CSV, JSON, ClaimReview), streamed."""

import csv
import datetime as dt
import io
import json
import re

import pytest
import time_machine
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.claims.models import MatchStatus
from apps.reports import fact_checks
from apps.reports.desk_report import ReportPeriod
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories
from tests.reports.test_desk_report import _at, _rating, _task, check

pytestmark = pytest.mark.django_db


def _feed(api, desk, **query):
    response = api.get(reverse("api:desk-fact-checks", kwargs={"desk_slug": desk.slug}), query)
    assert isinstance(response, StreamingHttpResponse) or response.status_code != 200
    return response


def _text(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def published(desk, editor, reviewer):
    """Two published checks (one in Spanish, one corrected), one submitted only, one from October."""
    first = check(
        desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3),
        title="=HYPERLINK(\"http://evil.example\")", source_url="https://news.example.org/harbour",
        fact_check_url="https://checks.example.org/harbour",
    )  # fmt: skip
    spanish = check(
        desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10), submitted=_at(4, 12), approved=_at(5),
        rating="False", title="El puerto", language="es",
    )  # fmt: skip
    check(desk, editor, reviewer, imported=_at(6), assigned=_at(6, 10), submitted=_at(6, 12))
    check(
        desk, editor, reviewer, imported=dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC),
        assigned=dt.datetime(2026, 10, 1, 10, tzinfo=dt.UTC), submitted=dt.datetime(2026, 10, 1, 11, tzinfo=dt.UTC),
        approved=dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC), title="October check",
    )  # fmt: skip
    with time_machine.travel(_at(10), tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(first), note="The ministry revised the figure.")
    reviews.verdict_submit(user=reviewer, task=_task(first), rating=_rating("False"), rationale="Revised downwards.")
    with time_machine.travel(_at(11), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(first))
    false = Rating.objects.get(scale__desk=None, label="False")
    false.language_labels = {"es": "Falso"}
    false.save()
    return first, spanish


def test_csv_has_one_row_per_published_check_with_formulas_neutralised(desk, published, editor_api):
    response = _feed(editor_api, desk, format="csv", since="2026-11-01", until="2026-11-30")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="world-fact-checks-2026-11-01-2026-11-30.csv"'
    rows = list(csv.DictReader(io.StringIO(_text(response))))
    assert [row["article_title"] for row in rows] == ['\'=HYPERLINK("http://evil.example")', "El puerto"]
    first, spanish = rows
    assert first["rating"] == "False"
    assert first["rationale"] == "Revised downwards."
    assert first["article_url"] == "https://news.example.org/harbour"
    assert first["fact_check_url"] == "https://checks.example.org/harbour"
    assert (first["reviewer"], first["approved_by"]) == ("rachel", "edith")
    assert first["first_approved_at"] == "2026-11-03T09:00:00+00:00"
    assert first["last_corrected_at"] == "2026-11-11T09:00:00+00:00"
    assert (spanish["rating"], spanish["language"], spanish["last_corrected_at"]) == ("Falso", "es", "")


def test_json_lists_every_published_check_without_a_period(desk, published, editor_api):
    response = _feed(editor_api, desk)

    assert response["Content-Type"] == "application/json"
    items = json.loads(_text(response))
    assert [item["article_title"] for item in items] == [
        "October check",
        '=HYPERLINK("http://evil.example")',
        "El puerto",
    ]
    assert items[1]["under_correction"] is False


def test_claimreview_is_a_json_ld_list_built_like_the_article_export(desk, published, editor_api):
    response = _feed(editor_api, desk, format="claimreview", since="2026-11-01")

    assert response["Content-Type"] == "application/ld+json"
    first, spanish = json.loads(_text(response))
    assert first["@type"] == "ClaimReview"
    assert first["url"] == "https://checks.example.org/harbour"
    assert (first["datePublished"], first["dateModified"]) == ("2026-11-03", "2026-11-11")
    assert first["reviewRating"]["alternateName"] == "False"
    assert (spanish["inLanguage"], spanish["reviewRating"]["alternateName"]) == ("es", "Falso")


def test_claimreview_cannot_close_a_script_element(desk, editor, reviewer, editor_api):
    check(
        desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3),
        title="</script><script>alert(1)</script>",
    )  # fmt: skip

    text = _text(_feed(editor_api, desk, format="claimreview"))

    assert "</script>" not in text
    assert json.loads(text)[0]["itemReviewed"]["appearance"]["headline"] == "</script><script>alert(1)</script>"


def test_an_empty_feed_is_still_well_formed(desk, editor_api):
    assert _text(_feed(editor_api, desk, format="csv")).startswith("claim_id,claim_text,rating,")
    assert json.loads(_text(_feed(editor_api, desk))) == []
    assert json.loads(_text(_feed(editor_api, desk, format="claimreview"))) == []


def test_unknown_format_and_bad_dates_are_refused(desk, editor_api):
    unknown = _feed(editor_api, desk, format="xlsx")
    assert unknown.status_code == 400
    assert unknown.json()["message"] == "Unknown format 'xlsx'; use csv, json or claimreview."
    bad = _feed(editor_api, desk, since="2026-02-30")
    assert bad.status_code == 400
    assert bad.json()["message"] == "since must be a date as YYYY-MM-DD, not '2026-02-30'."


def test_feed_is_for_editors_and_admins_only(desk, reviewer_api, outsider_api):
    assert _feed(reviewer_api, desk).status_code == 403
    assert _feed(outsider_api, desk).status_code == 404


def test_feed_reads_in_chunks_so_queries_do_not_grow_with_each_row(
    desk, editor, reviewer, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(fact_checks, "CHUNK_SIZE", 5)
    for day in range(2, 14):
        check(
            desk,
            editor,
            reviewer,
            imported=_at(day),
            assigned=_at(day, 10),
            submitted=_at(day, 12),
            approved=_at(day, 15),
        )
    factories.ReferenceFactory(claim=_task(check(desk, editor, reviewer, imported=_at(20))).claim)
    feed = fact_checks.fact_check_feed(desk=desk, period=ReportPeriod(None, None), feed_format="claimreview")

    # Three chunks (5, 5 and 2 rows), each read with its corrections; the ratings, read once; and the
    # empty read that ends the feed.
    with django_assert_num_queries(3 * 2 + 1 + 1):
        items = json.loads("".join(feed.pieces))
    assert len(items) == 12


@pytest.fixture
def every_kind_of_check(desk, editor, reviewer):
    """A published check with formula-looking text and a fact-check page, one under correction, one
    corrected in Spanish, a submitted one, and a later claim reusing the first's verdict."""
    published = check(
        desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3),
        title="=HYPERLINK(\"http://evil.example\")", source_url="https://news.example.org/harbour",
        fact_check_url="https://checks.example.org/harbour",
    )  # fmt: skip
    under_correction = check(
        desk, editor, reviewer, imported=_at(3), assigned=_at(3, 10), submitted=_at(3, 12), approved=_at(4),
        title="Harbour traffic",
    )  # fmt: skip
    corrected = check(
        desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10), submitted=_at(4, 12), approved=_at(5),
        title="El puerto", language="es", source_url="https://noticias.example.org/puerto",
    )  # fmt: skip
    check(desk, editor, reviewer, imported=_at(6), assigned=_at(6, 10), submitted=_at(6, 12))
    factories.ClaimFactory(
        article=factories.ArticleFactory(desk=desk, title="The same claim again"),
        text=published.claim.text,
        matched_claim=published.claim,
        match_status=MatchStatus.CONFIRMED,
    )
    with time_machine.travel(_at(7), tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(corrected), note="The ministry revised the figure.")
    reviews.verdict_submit(
        user=reviewer, task=_task(corrected), rating=_rating("False"), rationale="+40% is the ministry's figure now."
    )
    with time_machine.travel(_at(8), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(corrected))
    with time_machine.travel(_at(9), tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(under_correction), note="A reader sent a newer report.")
    reviews.verdict_submit(
        user=reviewer, task=_task(under_correction), rating=_rating("False"), rationale="Not yet approved."
    )
    false = Rating.objects.get(scale__desk=None, label="False")
    false.language_labels = {"es": "Falso"}
    false.save()
    return {"published": published.claim, "under_correction": under_correction.claim, "corrected": corrected.claim}


def _ids(claims) -> dict:
    return {
        f"{name}_{field}": getattr(claim, attribute)
        for name, claim in claims.items()
        for field, attribute in (("claim", "pk"), ("article", "article_id"))
    }


FEED_CSV = """\
claim_id,claim_text,rating,rationale,article_title,article_url,outlet,fact_check_url,reviewer,approved_by,\
first_approved_at,last_corrected_at,language,article_id,under_correction\r
{published_claim},{text},True,The annual report lists the tonnage.,"'=HYPERLINK(""http://evil.example"")",\
https://news.example.org/harbour,The Example Times,https://checks.example.org/harbour,rachel,edith,\
2026-11-03T09:00:00+00:00,,,{published_article},False\r
{under_correction_claim},{text},True,The annual report lists the tonnage.,Harbour traffic,,The Example Times,,rachel,\
edith,2026-11-04T09:00:00+00:00,,,{under_correction_article},True\r
{corrected_claim},{text},Falso,'+40% is the ministry's figure now.,El puerto,https://noticias.example.org/puerto,\
The Example Times,,rachel,edith,2026-11-05T09:00:00+00:00,2026-11-08T09:00:00+00:00,es,{corrected_article},False\r
"""

FEED_JSON = """\
[
{{"claim_id": "{published_claim}", "claim_text": "{text}", "rating": "True", \
"rationale": "The annual report lists the tonnage.", "article_id": "{published_article}", \
"article_title": "=HYPERLINK(\\"http://evil.example\\")", "article_url": "https://news.example.org/harbour", \
"outlet": "The Example Times", "fact_check_url": "https://checks.example.org/harbour", "reviewer": "rachel", \
"approved_by": "edith", "first_approved_at": "2026-11-03T09:00:00+00:00", "last_corrected_at": null, \
"under_correction": false, "language": ""}},
{{"claim_id": "{under_correction_claim}", "claim_text": "{text}", "rating": "True", \
"rationale": "The annual report lists the tonnage.", "article_id": "{under_correction_article}", \
"article_title": "Harbour traffic", "article_url": "", "outlet": "The Example Times", "fact_check_url": "", \
"reviewer": "rachel", "approved_by": "edith", "first_approved_at": "2026-11-04T09:00:00+00:00", \
"last_corrected_at": null, "under_correction": true, "language": ""}},
{{"claim_id": "{corrected_claim}", "claim_text": "{text}", "rating": "Falso", \
"rationale": "+40% is the ministry's figure now.", "article_id": "{corrected_article}", \
"article_title": "El puerto", "article_url": "https://noticias.example.org/puerto", \
"outlet": "The Example Times", "fact_check_url": "", "reviewer": "rachel", "approved_by": "edith", \
"first_approved_at": "2026-11-05T09:00:00+00:00", "last_corrected_at": "2026-11-08T09:00:00+00:00", \
"under_correction": false, "language": "es"}}
]
"""

FEED_CLAIMREVIEW = """\
[
{{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "2026-11-03", \
"author": {{"@type": "Organization", "name": "World desk"}}, "claimReviewed": "{text}", \
"itemReviewed": {{"@type": "Claim", "appearance": {{"@type": "CreativeWork", \
"headline": "=HYPERLINK(\\"http://evil.example\\")", "url": "https://news.example.org/harbour"}}, \
"author": {{"@type": "Organization", "name": "The Example Times"}}, "datePublished": "2012-12-11"}}, \
"reviewRating": {{"@type": "Rating", "alternateName": "True", "bestRating": 5, "worstRating": 1, \
"ratingValue": 5}}, "reviewBody": "The annual report lists the tonnage.", \
"url": "https://checks.example.org/harbour"}},
{{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "2026-11-04", \
"author": {{"@type": "Organization", "name": "World desk"}}, "claimReviewed": "{text}", \
"itemReviewed": {{"@type": "Claim", "appearance": {{"@type": "CreativeWork", "headline": "Harbour traffic"}}, \
"author": {{"@type": "Organization", "name": "The Example Times"}}, "datePublished": "2012-12-11"}}, \
"reviewRating": {{"@type": "Rating", "alternateName": "True", "bestRating": 5, "worstRating": 1, \
"ratingValue": 5}}, "reviewBody": "The annual report lists the tonnage."}},
{{"@context": "https://schema.org", "@type": "ClaimReview", "datePublished": "2026-11-05", \
"author": {{"@type": "Organization", "name": "World desk"}}, "claimReviewed": "{text}", \
"itemReviewed": {{"@type": "Claim", "appearance": {{"@type": "CreativeWork", "headline": "El puerto", \
"url": "https://noticias.example.org/puerto"}}, "author": {{"@type": "Organization", \
"name": "The Example Times"}}, "datePublished": "2012-12-11"}}, "reviewRating": {{"@type": "Rating", \
"alternateName": "Falso", "bestRating": 5, "worstRating": 1, "ratingValue": 1}}, \
"reviewBody": "+40% is the ministry's figure now.", "inLanguage": "es", "dateModified": "2026-11-08"}}
]
"""


def test_every_format_of_the_feed_reads_exactly_as_published(desk, every_kind_of_check, editor_api):
    ids = _ids(every_kind_of_check)
    text = every_kind_of_check["published"].text

    csv_text = _text(_feed(editor_api, desk, format="csv"))
    json_text = _text(_feed(editor_api, desk, format="json"))
    claimreview_text = _text(_feed(editor_api, desk, format="claimreview"))

    assert csv_text == FEED_CSV.format(text=text, **ids)
    assert json_text == FEED_JSON.format(text=text, **ids)
    assert claimreview_text == FEED_CLAIMREVIEW.format(text=text, **ids)


def test_chunks_follow_one_another_through_checks_published_at_the_same_moment(
    desk, editor, reviewer, editor_api, monkeypatch
):
    monkeypatch.setattr(fact_checks, "CHUNK_SIZE", 2)
    tasks = [
        check(desk, editor, reviewer, imported=_at(2, hour), assigned=_at(2, 10), submitted=_at(2, 12))
        for hour in range(5)
    ]
    with time_machine.travel(_at(3), tick=False):
        for task in tasks:
            reviews.verdict_approve(editor=editor, task=_task(task))

    items = json.loads(_text(_feed(editor_api, desk)))

    assert [item["claim_id"] for item in items] == sorted(str(task.claim_id) for task in tasks)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plan")
def test_a_later_chunk_starts_at_its_place_in_the_first_approval_index(desk, published, monkeypatch):
    """Each chunk reads its own rows: the keyset's range starts an index scan where the last chunk
    ended, so a desk's hundredth chunk costs what its first does (bench/fact_check_feed.py)."""
    monkeypatch.setattr(fact_checks, "CHUNK_SIZE", 1)
    with CaptureQueriesContext(connection) as queries:
        list(fact_checks.desk_fact_check_rows(desk=desk, period=ReportPeriod(None, None)))
    chunks = [query["sql"] for query in queries.captured_queries if 'FROM "claims_claim"' in query["sql"]]

    with connection.cursor() as cursor:
        # The planner reads the tables' statistics, which tests run before in this database (another
        # parallel worker's order) would have left otherwise: these rows' own, undone with the test.
        cursor.execute('ANALYZE "claims_claim", "reviews_reviewtask", "reviews_verdict", "articles_article"')
        # A test's few rows would be read whole and sorted whatever the indexes: ask for the plan of a
        # large desk, where reading the index in order beats sorting.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {chunks[1]}")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    # An index scan, or a bitmap one where the planner expects few rows, that starts at the range.
    assert re.search(r"Index Scan (using|on) verdict_first_approved_at", plan), plan
    assert re.search(r"Index Cond: .*first_approved_at >= ", plan), plan
