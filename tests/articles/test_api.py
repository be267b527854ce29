"""The article list's filters, and article bodies as the OpenAPI schema documents them."""

import datetime as dt

import pytest
from django.utils import timezone

from apps.articles.models import IntakeStatus, SourceKind
from tests.core.test_api import _assert_documented, openapi  # noqa: F401 (a fixture)
from tests.factories import ArticleFactory, MemberFactory

pytestmark = pytest.mark.django_db

TEXT = "# Vetoes\n\nRussia and China have vetoed three UN Security Council resolutions on Syria since October 2011."


@pytest.fixture
def articles(desk, other_desk, editor):
    MemberFactory(desk=other_desk, user=editor, role="editor")
    return {
        "veto": ArticleFactory(desk=desk, title="Vetoes at the UN", published_on=dt.date(2012, 12, 11)),
        "toll": ArticleFactory(
            desk=desk, title="Death toll rises", published_on=dt.date(2013, 3, 3), source_kind=SourceKind.URL
        ),
        "match": ArticleFactory(
            desk=other_desk, title="Cup final", published_on=None, intake_status=IntakeStatus.FAILED
        ),
    }


def _titles(response):
    assert response.status_code == 200, response.json()
    return [article["title"] for article in response.json()["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("desk=sports", ["Cup final"]),
        ("source_kind=url", ["Death toll rises"]),
        ("intake_status=failed", ["Cup final"]),
        ("published_after=2013-01-01", ["Death toll rises"]),
        ("published_before=2012-12-31", ["Vetoes at the UN"]),
        ("search=toll", ["Death toll rises"]),
        ("search=VETOES", ["Vetoes at the UN"]),
        ("desk=world&ordering=published", ["Vetoes at the UN", "Death toll rises"]),
        ("desk=world&ordering=-published", ["Death toll rises", "Vetoes at the UN"]),
        ("ordering=title", ["Cup final", "Death toll rises", "Vetoes at the UN"]),
        ("ordering=-title", ["Vetoes at the UN", "Death toll rises", "Cup final"]),
        # Naming no field keeps the default order, newest first (it was no order at all).
        ("ordering=,", ["Cup final", "Death toll rises", "Vetoes at the UN"]),
    ],
)
def test_the_article_list_filters_and_orders(editor_api, articles, query, expected):
    assert _titles(editor_api.get(f"/api/v1/articles/?{query}")) == expected


def test_the_article_list_filters_by_import_time(editor_api, articles):
    from apps.articles.models import Article

    Article.objects.filter(pk=articles["toll"].pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    since = (timezone.now() - dt.timedelta(days=1)).isoformat()

    newer = _titles(editor_api.get("/api/v1/articles/", {"imported_after": since}))
    older = _titles(editor_api.get("/api/v1/articles/", {"imported_before": since}))

    assert sorted(newer) == ["Cup final", "Vetoes at the UN"]
    assert older == ["Death toll rises"]


def test_the_import_time_filters_take_any_utc_offset(editor_api, articles):
    """Python reads offsets up to 23:59, PostgreSQL stores none beyond 15:59: this was a 500 there."""
    from apps.articles.models import Article

    Article.objects.filter(pk=articles["toll"].pk).update(created_at=dt.datetime(2020, 4, 30, tzinfo=dt.UTC))

    # 16:22:34 at +16:19 is 00:03:34 UTC.
    response = editor_api.get("/api/v1/articles/", {"imported_before": "2020-04-30T16:22:34+16:19"})

    assert response.status_code == 200
    assert _titles(response) == ["Death toll rises"]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("published_after=yesterday", "published_after"),
        ("imported_before=2012-13-01T00:00", "imported_before"),
        # Times with no UTC equivalent (before year 1, after year 9999) were a 500.
        ("imported_after=0001-01-01T00:00:00%2B05:00", "imported_after"),
        ("imported_before=9999-12-31T23:59:59-05:00", "imported_before"),
        ("source_kind=fax", "source_kind"),
        ("intake_status=lost", "intake_status"),
        ("ordering=score", "ordering"),
    ],
)
def test_a_filter_value_that_does_not_parse_is_a_400_naming_it(editor_api, articles, query, field):
    response = editor_api.get(f"/api/v1/articles/?{query}")

    assert response.status_code == 400
    assert field in response.json()["extra"]["fields"]


def test_another_newsrooms_desk_filters_to_nothing(editor_api, outsider, articles):
    assert _titles(editor_api.get("/api/v1/articles/?desk=nowhere")) == []


def test_article_bodies_match_the_schema(openapi, editor_api, articles):  # noqa: F811
    _assert_documented(openapi, "get", editor_api.get("/api/v1/articles/"))
    _assert_documented(openapi, "get", editor_api.get(f"/api/v1/articles/{articles['veto'].pk}/"))


def test_import_answers_match_the_schema_whoever_imported(
    openapi,  # noqa: F811
    editor_api,
    desk,
    settings,
    django_capture_on_commit_callbacks,
):
    created = editor_api.post("/api/v1/articles/import/", {"text": TEXT}, format="json")
    again = editor_api.post("/api/v1/articles/import/", {"text": TEXT}, format="json")
    settings.ARTICLE_INLINE_INTAKE_MAX_BYTES = 10
    with django_capture_on_commit_callbacks():
        queued = editor_api.post("/api/v1/articles/import/", {"text": TEXT + " Again."}, format="json")
    by_command = ArticleFactory(desk=desk, imported_by=None)

    assert [created.status_code, again.status_code, queued.status_code] == [201, 200, 202]
    for response in (created, again, queued):
        _assert_documented(openapi, "post", response)
    _assert_documented(openapi, "get", editor_api.get(f"/api/v1/articles/{by_command.pk}/"))


def test_refusals_match_the_schema(openapi, editor_api, desk):  # noqa: F811
    done = ArticleFactory(desk=desk)

    refusals = [
        editor_api.post(f"/api/v1/articles/{done.pk}/retry-intake/"),
        editor_api.post("/api/v1/articles/import/", {"text": TEXT, "desk": "nowhere"}, format="json"),
        editor_api.post("/api/v1/articles/import/", {"url": "http://127.0.0.1:9/story"}, format="json"),
        editor_api.post("/api/v1/articles/import/", {"text": ""}, format="json"),
    ]

    assert [response.status_code for response in refusals] == [409, 404, 422, 400]
    for response in refusals:
        _assert_documented(openapi, "post", response)
