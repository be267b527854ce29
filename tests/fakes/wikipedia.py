"""Replays of the MediaWiki Action API (formatversion=2), in the shapes Wikipedia returns."""

from __future__ import annotations

from tests.fakes.server import FakeRequest, FakeResponse

VETO_PAGES = {
    "List of vetoed United Nations Security Council resolutions": (
        "This is a list of draft resolutions of the United Nations Security Council that were vetoed. "
        "In 2011 and 2012 Russia and China vetoed three draft resolutions on Syria."
    ),
    "Syrian civil war": (
        "The Syrian civil war began in 2011. By the end of 2012 the United Nations estimated that more "
        "than 60,000 people had been killed."
    ),
}


def search_answer(titles: list[str]) -> dict:
    return {
        "batchcomplete": True,
        "continue": {"sroffset": len(titles), "continue": "-||"},
        "query": {
            "searchinfo": {"totalhits": len(titles)},
            "search": [
                {
                    "ns": 0,
                    "title": title,
                    "pageid": 1000 + index,
                    "size": 5000,
                    "wordcount": 800,
                    "snippet": f'<span class="searchmatch">{title.split()[0]}</span> &amp; more',
                    "timestamp": "2012-12-10T12:00:00Z",
                }
                for index, title in enumerate(titles)
            ],
        },
    }


def extracts_answer(titles: list[str], pages: dict[str, str]) -> dict:
    return {
        "batchcomplete": True,
        "query": {
            "pages": [
                {"pageid": 1000 + index, "ns": 0, "title": title, "extract": pages.get(title, "")}
                for index, title in enumerate(titles)
            ]
        },
    }


def api_handler(pages: dict[str, str] | None = None):
    """A handler for /w/api.php that answers list=search and prop=extracts from `pages`."""
    pages = VETO_PAGES if pages is None else pages

    def handle(request: FakeRequest) -> FakeResponse:
        if request.param("list") == "search":
            return FakeResponse.json(search_answer(list(pages)))
        if request.param("prop") == "extracts":
            titles = request.param("titles").split("|")
            return FakeResponse.json(extracts_answer(titles, pages))
        return FakeResponse.json({"error": {"code": "badvalue", "info": "Unrecognized value"}})

    return handle
