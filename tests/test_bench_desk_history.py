"""bench/desk_history.py drops and rebuilds the database it measures: it must never be the app's."""

import pytest

from bench.desk_history import _database_urls

APP_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/factcheck"


def test_a_throw_away_database_is_measured():
    url = "postgres://postgres@127.0.0.1:5432/factcheck_scale"

    assert _database_urls(url, app_database_url=APP_DATABASE_URL) == (
        url,
        "postgres://postgres@127.0.0.1:5432/postgres",
    )


@pytest.mark.parametrize(
    "url",
    [
        APP_DATABASE_URL,
        "postgresql://postgres@127.0.0.1:5432/factcheck",
        "postgres://postgres@127.0.0.1/factcheck",
        "postgres://postgres@127.0.0.1:5432/postgres",
        "postgres://postgres@127.0.0.1:5432/",
    ],
    ids=["the app's", "the app's, spelled postgresql", "the app's, on the default port", "the server's", "none"],
)
def test_the_apps_own_or_the_servers_database_is_refused_before_anything_is_dropped(url):
    with pytest.raises(SystemExit, match="drops and rebuilds its database"):
        _database_urls(url, app_database_url=APP_DATABASE_URL)
