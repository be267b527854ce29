"""Each provider against a fake server on 127.0.0.1 replaying the service's documented shapes,
including its error answers: rate limited, 5xx, malformed JSON, timeouts."""

import datetime as dt
import json

import pytest
import time_machine

from apps.core.http import FetchTimeoutError, MalformedResponseError, UpstreamUnavailableError
from apps.references.providers import (
    ProviderError,
    factcheck_tools,
    gdelt,
    local_library,
    reliefweb,
    wikidata,
    wikipedia,
)
from apps.references.queries import ClaimQuery
from tests.factories import LibraryDocumentFactory
from tests.fakes import FakeResponse
from tests.fakes.wikipedia import api_handler

QUERY = ClaimQuery(
    claim_id="c1",
    desk_id=None,
    text="Russia and China have vetoed three UN Security Council resolutions aimed at isolating Assad.",
    terms=("Russia", "China", "UN Security Council", "vetoed", "three", "Assad"),
    article_date=dt.date(2012, 12, 11),
)


@pytest.fixture
def no_retries(settings):
    settings.HTTP_RETRIES = 0


# --- Wikipedia ------------------------------------------------------------------------------


def test_wikipedia_searches_then_reads_extracts(settings, fake_server):
    server = fake_server({"/w/api.php": api_handler()})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    candidates = wikipedia.search(QUERY)

    assert [c.title for c in candidates] == [
        "List of vetoed United Nations Security Council resolutions",
        "Syrian civil war",
    ]
    assert candidates[0].snippet == "List & more"
    assert "vetoed three draft resolutions" in candidates[0].text
    search, extracts = server.requests
    assert search.param("list") == "search"
    assert search.param("srsearch") == "Russia China UN Security Council vetoed three Assad"
    assert search.param("formatversion") == "2"
    assert extracts.param("prop") == "extracts"
    assert extracts.param("titles") == "List of vetoed United Nations Security Council resolutions|Syrian civil war"
    assert "factcheck" in search.headers["user-agent"]


def test_wikipedia_with_no_hits_asks_once(settings, fake_server):
    server = fake_server({"/w/api.php": api_handler(pages={})})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    assert wikipedia.search(QUERY) == []
    assert len(server.requests) == 1


def test_wikipedia_ratelimited_error_object_is_transient(settings, fake_server):
    error = {"error": {"code": "ratelimited", "info": "You've exceeded your rate limit."}}
    server = fake_server({"/w/api.php": FakeResponse.json(error)})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    with pytest.raises(ProviderError) as raised:
        wikipedia.search(QUERY)

    assert raised.value.transient
    assert "ratelimited" in str(raised.value)


def test_wikipedia_429_is_retried_then_reported(settings, fake_server, no_retries):
    server = fake_server({"/w/api.php": FakeResponse(status=429, headers={"Retry-After": "30"})})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    with pytest.raises(UpstreamUnavailableError) as raised:
        wikipedia.search(QUERY)

    assert raised.value.retry_after == 30


def test_wikipedia_5xx(settings, fake_server, no_retries):
    server = fake_server({"/w/api.php": FakeResponse(status=502, body="Bad gateway")})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    with pytest.raises(UpstreamUnavailableError):
        wikipedia.search(QUERY)


@pytest.mark.parametrize(
    "answer",
    [
        FakeResponse(body="<html>maintenance</html>", headers={"Content-Type": "text/html"}),
        FakeResponse.json(["not", "an", "object"]),
        FakeResponse.json({"query": {"search": "nope"}}),
        FakeResponse.json({"batchcomplete": True}),
    ],
)
def test_wikipedia_malformed_answers(settings, fake_server, answer):
    server = fake_server({"/w/api.php": answer})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")

    with pytest.raises((ProviderError, MalformedResponseError)):
        wikipedia.search(QUERY)


def test_wikipedia_timeout(settings, fake_server, no_retries):
    server = fake_server({"/w/api.php": FakeResponse.json({}, delay=1.5)})
    settings.WIKIPEDIA_API_URL = server.url("/w/api.php")
    settings.HTTP_TIMEOUT_SECONDS = 0.3

    with pytest.raises(FetchTimeoutError):
        wikipedia.search(QUERY)


# --- ReliefWeb ------------------------------------------------------------------------------

RELIEFWEB_ANSWER = {
    "href": "https://api.reliefweb.int/v2/reports",
    "time": 12,
    "totalCount": 1,
    "count": 1,
    "data": [
        {
            "id": "540000",
            "score": 12.5,
            "href": "https://api.reliefweb.int/v2/reports/540000",
            "fields": {
                "title": "Syria: humanitarian situation report",
                "url": "https://reliefweb.int/report/syria/example",
                "body": "More than 40,000 people have been killed since March 2011.",
                "date": {"original": "2012-12-10T00:00:00+00:00"},
                "source": [{"name": "OCHA", "shortname": "OCHA"}],
            },
        }
    ],
}


def test_reliefweb_posts_the_query_with_the_approved_appname(settings, fake_server):
    server = fake_server({"/v2/reports": FakeResponse.json(RELIEFWEB_ANSWER)})
    settings.RELIEFWEB_API_URL = server.url("/v2/reports")
    settings.RELIEFWEB_APPNAME = "newsroom-factcheck-x7"

    [candidate] = reliefweb.search(QUERY)

    assert candidate.url == "https://reliefweb.int/report/syria/example"
    assert candidate.publisher == "OCHA"
    assert candidate.published_on == dt.date(2012, 12, 10)
    request = server.requests[0]
    assert request.method == "POST"
    assert request.param("appname") == "newsroom-factcheck-x7"
    body = json.loads(request.body)
    assert body["query"]["value"].startswith("Russia China")
    assert body["filter"]["field"] == "date.original"


def test_reliefweb_without_an_appname_sends_nothing(settings, fake_server):
    settings.RELIEFWEB_APPNAME = ""
    with pytest.raises(ProviderError, match="appname"):
        reliefweb.search(QUERY)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (FakeResponse(status=429), UpstreamUnavailableError),
        (FakeResponse(status=500), UpstreamUnavailableError),
        (FakeResponse.json({"error": {"status": 400}}), ProviderError),
        (FakeResponse(body="{not json"), MalformedResponseError),
    ],
)
def test_reliefweb_errors(settings, fake_server, no_retries, answer, error):
    server = fake_server({"/v2/reports": answer})
    settings.RELIEFWEB_API_URL = server.url("/v2/reports")
    settings.RELIEFWEB_APPNAME = "app"

    with pytest.raises(error):
        reliefweb.search(QUERY)


# --- Google Fact Check Tools ----------------------------------------------------------------

FACTCHECK_ANSWER = {
    "claims": [
        {
            "text": "Russia and China vetoed three UN resolutions on Syria",
            "claimant": "Politician",
            "claimDate": "2012-07-20T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Example Check", "site": "check.example.org"},
                    "url": "https://check.example.org/veto",
                    "title": "Yes, three vetoes",
                    "reviewDate": "2012-07-21T00:00:00Z",
                    "textualRating": "True",
                    "languageCode": "en",
                }
            ],
        }
    ],
    "nextPageToken": "abc",
}


def test_factcheck_tools_returns_earlier_claim_reviews(settings, fake_server):
    server = fake_server({"/v1alpha1/claims:search": FakeResponse.json(FACTCHECK_ANSWER)})
    settings.GOOGLE_FACTCHECK_API_URL = server.url("/v1alpha1/claims:search")
    settings.GOOGLE_FACTCHECK_API_KEY = "test-key"

    [candidate] = factcheck_tools.search(QUERY)

    assert candidate.url == "https://check.example.org/veto"
    assert candidate.publisher == "Example Check"
    assert "rated “True”" in candidate.snippet
    assert candidate.published_on == dt.date(2012, 7, 21)
    assert server.requests[0].param("key") == "test-key"
    assert server.requests[0].param("languageCode") == "en"


def test_factcheck_tools_no_match_is_an_empty_object(settings, fake_server):
    server = fake_server({"/v1alpha1/claims:search": FakeResponse.json({})})
    settings.GOOGLE_FACTCHECK_API_URL = server.url("/v1alpha1/claims:search")
    settings.GOOGLE_FACTCHECK_API_KEY = "test-key"

    assert factcheck_tools.search(QUERY) == []


def test_factcheck_tools_needs_a_key(settings):
    settings.GOOGLE_FACTCHECK_API_KEY = ""
    with pytest.raises(ProviderError, match="API key"):
        factcheck_tools.search(QUERY)


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (FakeResponse(status=429), UpstreamUnavailableError),
        (FakeResponse(status=503), UpstreamUnavailableError),
        (FakeResponse.json({"claims": {"oops": 1}}), ProviderError),
        (FakeResponse(body="<html>", headers={"Content-Type": "text/html"}), MalformedResponseError),
    ],
)
def test_factcheck_tools_errors(settings, fake_server, no_retries, answer, error):
    server = fake_server({"/v1alpha1/claims:search": answer})
    settings.GOOGLE_FACTCHECK_API_URL = server.url("/v1alpha1/claims:search")
    settings.GOOGLE_FACTCHECK_API_KEY = "test-key"

    with pytest.raises(error):
        factcheck_tools.search(QUERY)


# --- GDELT ----------------------------------------------------------------------------------

GDELT_ANSWER = {
    "articles": [
        {
            "url": "https://news.example.com/syria-veto",
            "url_mobile": "",
            "title": "Russia, China veto Syria resolution",
            "seendate": "20121206T101500Z",
            "socialimage": "",
            "domain": "news.example.com",
            "language": "English",
            "sourcecountry": "United Kingdom",
        }
    ]
}


@pytest.fixture
def in_december_2012():
    with time_machine.travel(dt.datetime(2012, 12, 20, tzinfo=dt.UTC), tick=True):
        yield


def test_gdelt_searches_around_the_article_date(settings, fake_server, in_december_2012):
    server = fake_server({"/api/v2/doc/doc": FakeResponse.json(GDELT_ANSWER)})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")

    [candidate] = gdelt.search(QUERY)

    assert candidate.published_on == dt.date(2012, 12, 6)
    assert candidate.publisher == "news.example.com"
    request = server.requests[0]
    assert request.param("mode") == "ArtList"
    assert request.param("startdatetime") == "20121111000000"
    assert request.param("enddatetime") == "20121218235959"
    assert '"UN Security Council"' in request.param("query")
    assert "UN " not in request.param("query").replace('"UN Security Council"', "")


def test_gdelt_is_not_asked_about_stories_older_than_its_three_month_window(settings, fake_server):
    server = fake_server({"/api/v2/doc/doc": FakeResponse.json(GDELT_ANSWER)})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")

    assert gdelt.search(QUERY) == []
    assert server.requests == []


def test_gdelt_plain_text_over_limit_answer_with_200_is_transient(settings, fake_server, in_december_2012):
    notice = "Please limit requests to one every 5 seconds or contact kalev.leetaru5@gmail.com."
    server = fake_server({"/api/v2/doc/doc": FakeResponse(body=notice, headers={"Content-Type": "text/html"})})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")

    with pytest.raises(ProviderError) as raised:
        gdelt.search(QUERY)

    assert raised.value.transient


def test_gdelt_no_match_is_an_empty_object(settings, fake_server, in_december_2012):
    server = fake_server({"/api/v2/doc/doc": FakeResponse.json({})})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")

    assert gdelt.search(QUERY) == []


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (FakeResponse(status=429, body="slow down"), UpstreamUnavailableError),
        (FakeResponse(status=500), UpstreamUnavailableError),
        (FakeResponse(body="{broken json"), MalformedResponseError),
        (FakeResponse.json({"articles": "none"}), ProviderError),
    ],
)
def test_gdelt_errors(settings, fake_server, no_retries, answer, error, in_december_2012):
    server = fake_server({"/api/v2/doc/doc": answer})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")

    with pytest.raises(error):
        gdelt.search(QUERY)


def test_gdelt_timeout(settings, fake_server, no_retries, in_december_2012):
    server = fake_server({"/api/v2/doc/doc": FakeResponse.json({}, delay=1.5)})
    settings.GDELT_API_URL = server.url("/api/v2/doc/doc")
    settings.HTTP_TIMEOUT_SECONDS = 0.3

    with pytest.raises(FetchTimeoutError):
        gdelt.search(QUERY)


# --- Local library --------------------------------------------------------------------------


@pytest.mark.django_db
def test_local_library_narrows_by_key_terms(desk):
    veto = LibraryDocumentFactory(body="Russia and China vetoed three draft resolutions on Syria.")
    LibraryDocumentFactory(body="Football results from the weekend.", title="Sport")
    query = ClaimQuery(**{**QUERY.__dict__, "desk_id": str(desk.id)})

    urls = [candidate.url for candidate in local_library.search(query)]

    assert urls == [veto.url]


# --- Wikidata -------------------------------------------------------------------------------

TOLL_QUERY = ClaimQuery(
    claim_id="c2",
    desk_id=None,
    text="The Syrian civil war has killed at least 40,000 people.",
    terms=("Syrian civil war", "40,000", "killed"),
    numbers=(40000.0,),
)


def _wikidata(request):
    if request.param("action") == "wbsearchentities":
        return FakeResponse.json(
            {
                "searchinfo": {"search": request.param("search")},
                "search": [
                    {
                        "id": "Q28468",
                        "label": "Syrian civil war",
                        "description": "armed conflict in Syria",
                        "concepturi": "http://www.wikidata.org/entity/Q28468",
                        "url": "//www.wikidata.org/wiki/Q28468",
                    }
                ],
                "success": 1,
            }
        )
    return FakeResponse.json(
        {
            "entities": {
                "Q28468": {
                    "labels": {"en": {"language": "en", "value": "Syrian civil war"}},
                    "claims": {
                        "P1120": [
                            {
                                "mainsnak": {
                                    "datavalue": {"value": {"amount": "+59648", "unit": "1"}, "type": "quantity"}
                                },
                                "qualifiers": {"P585": [{"datavalue": {"value": {"time": "+2012-11-30T00:00:00Z"}}}]},
                                "rank": "normal",
                            }
                        ]
                    },
                }
            },
            "success": 1,
        }
    )


def test_wikidata_turns_quantity_statements_into_comparable_text(settings, fake_server):
    server = fake_server({"/w/api.php": _wikidata})
    settings.WIKIDATA_API_URL = server.url("/w/api.php")

    [candidate] = wikidata.search(TOLL_QUERY)

    assert candidate.url == "https://www.wikidata.org/wiki/Q28468"
    assert "The number of deaths is 59,648 people as of 2012-11." in candidate.text
    assert server.requests[0].param("search") == "Syrian civil war killed"
    assert server.requests[1].param("ids") == "Q28468"


def test_wikidata_is_not_asked_about_claims_without_figures(settings, fake_server):
    server = fake_server({"/w/api.php": _wikidata})
    settings.WIKIDATA_API_URL = server.url("/w/api.php")

    assert wikidata.search(QUERY) == []
    assert server.requests == []


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (FakeResponse(status=429, headers={"Retry-After": "5"}), UpstreamUnavailableError),
        (FakeResponse(status=503), UpstreamUnavailableError),
        (FakeResponse.json({"error": {"code": "maxlag", "info": "Waiting for replicas"}}), ProviderError),
        (FakeResponse.json({"search": "nope"}), ProviderError),
        (FakeResponse(body="<html>", headers={"Content-Type": "text/html"}), MalformedResponseError),
    ],
)
def test_wikidata_errors(settings, fake_server, no_retries, answer, error):
    server = fake_server({"/w/api.php": answer})
    settings.WIKIDATA_API_URL = server.url("/w/api.php")

    with pytest.raises(error):
        wikidata.search(TOLL_QUERY)
