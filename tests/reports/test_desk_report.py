"""The desk report: a desk's figures over a period, for its editors and admins (API and web page)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from apps.reports.desk_report import ReportPeriod, desk_report_build, report_period_parse
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
NOVEMBER = ReportPeriod(since=dt.date(2026, 11, 1), until=dt.date(2026, 11, 30))
CLAIM = "The harbour authority dredged four million tonnes of silt from the basin in 2019."


def _rating(label: str) -> Rating:
    return Rating.objects.get(scale__desk=None, label=label)


def _task(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


def _at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=dt.UTC)


def check(desk, editor, reviewer, *, imported, assigned=None, submitted=None, approved=None, rating="True", **article):
    """One claim taken as far as the times given: imported, assigned, submitted, approved."""
    with time_machine.travel(imported, tick=False):
        body = article.pop(
            "body", f"{CLAIM} The port's traffic doubled after that, its director said on {imported:%c}."
        )
        claim_article = factories.ArticleFactory(desk=desk, body=body, **article)
        claim = factories.ClaimFactory(article=claim_article, text=CLAIM, start=0, end=len(CLAIM))
        task = factories.ReviewTaskFactory(claim=claim)
    if assigned:
        with time_machine.travel(assigned, tick=False):
            reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer, due_date=dt.date(2026, 11, 20))
    if submitted:
        with time_machine.travel(submitted, tick=False):
            reviews.verdict_submit(
                user=reviewer,
                task=_task(task),
                rating=_rating(rating),
                rationale="The annual report lists the tonnage.",
            )
    if approved:
        with time_machine.travel(approved, tick=False):
            reviews.verdict_approve(editor=editor, task=_task(task))
    return _task(task)


@pytest.fixture
def november(desk, editor, reviewer, second_reviewer):
    """Three published checks, one submitted, one assigned and overdue, one waiting, one from October."""
    check(desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3))
    check(desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10), submitted=_at(5, 10), approved=_at(6))
    check(
        desk, editor, second_reviewer, imported=_at(5), assigned=_at(5, 9), submitted=_at(5, 11), approved=_at(7),
        rating="False",
    )  # fmt: skip
    check(desk, editor, second_reviewer, imported=_at(8), assigned=_at(8, 9), submitted=_at(8, 10))
    check(desk, editor, reviewer, imported=_at(9), assigned=_at(9, 10))
    check(desk, editor, reviewer, imported=_at(10))
    check(
        desk, editor, reviewer, imported=dt.datetime(2026, 10, 1, 9, tzinfo=dt.UTC),
        assigned=dt.datetime(2026, 10, 1, 10, tzinfo=dt.UTC), submitted=dt.datetime(2026, 10, 2, 10, tzinfo=dt.UTC),
        approved=dt.datetime(2026, 10, 3, 10, tzinfo=dt.UTC), rating="False",
    )  # fmt: skip


def test_report_counts_what_the_period_imported_found_and_published(desk, november):
    report = desk_report_build(desk=desk, period=NOVEMBER, today=dt.date(2026, 11, 28))

    assert report.articles_imported == 6
    assert report.claims_found == 6
    assert report.claims_published == 3
    counts = {rating.label: rating.count for rating in report.ratings}
    assert counts["True"] == 2
    assert counts["False"] == 1
    # Every rating of the desk's scale, in the scale's order, even those nobody gave.
    scale_order = list(Rating.objects.filter(scale__desk=None).order_by("position").values_list("label", flat=True))
    assert [rating.label for rating in report.ratings] == scale_order


def test_report_measures_median_and_90th_percentile_times(desk, november):
    report = desk_report_build(desk=desk, period=NOVEMBER, today=dt.date(2026, 11, 28))

    # Imported to first approved: 24 h, 48 h, 48 h.
    assert report.import_to_first_approval.count == 3
    assert report.import_to_first_approval.median == dt.timedelta(hours=48)
    assert report.import_to_first_approval.p90 == dt.timedelta(hours=48)
    # Assigned to submitted: 4 h, 24 h, 2 h, 1 h (the submitted verdict not approved counts too).
    assert report.assignment_to_submission.count == 4
    assert report.assignment_to_submission.median == dt.timedelta(hours=3)
    assert report.assignment_to_submission.p90 == dt.timedelta(hours=18)


def test_report_counts_open_and_overdue_work_and_each_reviewers_share(desk, november, reviewer, second_reviewer):
    report = desk_report_build(desk=desk, period=NOVEMBER, today=dt.date(2026, 11, 28))

    assert report.open_tasks == 3
    assert report.open_tasks_by_status["new"] == 1
    assert report.open_tasks_by_status["assigned"] == 1
    assert report.open_tasks_by_status["submitted"] == 1
    assert report.overdue_tasks == 1
    rows = {row.username: row for row in report.reviewers}
    assert (rows["rachel"].open_tasks, rows["rachel"].overdue_tasks) == (1, 1)
    assert (rows["rachel"].submitted, rows["rachel"].approved) == (2, 2)
    assert rows["rachel"].median_turnaround == dt.timedelta(hours=14)
    assert (rows["roger"].open_tasks, rows["roger"].submitted, rows["roger"].approved) == (0, 2, 1)
    assert rows["roger"].median_turnaround == dt.timedelta(hours=1, minutes=30)


def test_a_verdict_under_correction_counts_by_its_published_rating_and_a_correction_counts_when_approved(
    desk, editor, reviewer
):
    task = check(desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3))
    with time_machine.travel(_at(10), tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(task), note="The ministry revised the figure.")
    reviews.verdict_submit(user=reviewer, task=_task(task), rating=_rating("False"), rationale="Revised downwards.")

    report = desk_report_build(desk=desk, period=NOVEMBER)
    counts = {rating.label: rating.count for rating in report.ratings}
    assert (report.claims_published, counts["True"], counts["False"], report.corrections_published) == (1, 1, 0, 0)

    with time_machine.travel(_at(11), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(task))
    report = desk_report_build(desk=desk, period=NOVEMBER)
    counts = {rating.label: rating.count for rating in report.ratings}
    assert (report.claims_published, counts["True"], counts["False"], report.corrections_published) == (1, 0, 1, 1)


def _return_and_resubmit(editor, reviewer, task, *, returned, resubmitted, rating="True") -> ReviewTask:
    with time_machine.travel(returned, tick=False):
        reviews.verdict_return(editor=editor, task=_task(task), note="Cite the annual report itself, please.")
    with time_machine.travel(resubmitted, tick=False):
        reviews.verdict_submit(
            user=reviewer, task=_task(task), rating=_rating(rating), rationale="The annual report, page 12."
        )
    return _task(task)


def test_each_submission_counts_in_its_own_period_and_turnaround_runs_to_the_first(desk, editor, reviewer):
    # Assigned on 29 October, submitted a day later, returned, resubmitted on 2 November.
    october_task = check(
        desk, editor, reviewer, imported=dt.datetime(2026, 10, 29, 9, tzinfo=dt.UTC),
        assigned=dt.datetime(2026, 10, 29, 10, tzinfo=dt.UTC), submitted=dt.datetime(2026, 10, 30, 10, tzinfo=dt.UTC),
    )  # fmt: skip
    _return_and_resubmit(editor, reviewer, october_task, returned=dt.datetime(2026, 10, 31, 9, tzinfo=dt.UTC),
                         resubmitted=_at(2))  # fmt: skip
    # Assigned on 4 November, submitted two hours later, returned, resubmitted two days later.
    november_task = check(desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10), submitted=_at(4, 12))
    _return_and_resubmit(editor, reviewer, november_task, returned=_at(5), resubmitted=_at(6, 12))

    october = desk_report_build(desk=desk, period=ReportPeriod(since=dt.date(2026, 10, 1), until=dt.date(2026, 10, 31)))
    november = desk_report_build(desk=desk, period=NOVEMBER)

    assert {row.username: row.submitted for row in october.reviewers}["rachel"] == 1
    assert (october.assignment_to_submission.count, october.assignment_to_submission.median) == (
        1, dt.timedelta(hours=24),
    )  # fmt: skip
    # Three submissions in November; the one turnaround that began there ends at its first submission.
    assert {row.username: row.submitted for row in november.reviewers}["rachel"] == 3
    assert (november.assignment_to_submission.count, november.assignment_to_submission.median) == (
        1, dt.timedelta(hours=2),
    )  # fmt: skip
    assert {row.username: row.median_turnaround for row in november.reviewers}["rachel"] == dt.timedelta(hours=2)


def test_a_task_reassigned_after_a_return_measures_the_new_reviewers_first_submission(
    desk, editor, reviewer, second_reviewer
):
    task = check(desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14))
    with time_machine.travel(_at(3), tick=False):
        reviews.verdict_return(editor=editor, task=_task(task), note="Cite the annual report itself, please.")
    with time_machine.travel(_at(3, 10), tick=False):
        reviews.review_tasks_assign(editor=editor, tasks=[_task(task)], assignee=second_reviewer)
    with time_machine.travel(_at(3, 16), tick=False):
        reviews.verdict_submit(
            user=second_reviewer, task=_task(task), rating=_rating("False"), rationale="The annual report, page 12."
        )

    report = desk_report_build(desk=desk, period=NOVEMBER)

    rows = {row.username: row for row in report.reviewers}
    assert (rows["rachel"].submitted, rows["rachel"].median_turnaround) == (1, dt.timedelta(hours=4))
    assert (rows["roger"].submitted, rows["roger"].median_turnaround) == (1, dt.timedelta(hours=6))
    assert report.assignment_to_submission.count == 2


def test_report_takes_a_fixed_number_of_queries_whatever_the_desk_size(
    desk, editor, reviewer, django_assert_num_queries
):
    for day in range(2, 12):
        task = check(
            desk,
            editor,
            reviewer,
            imported=_at(day),
            assigned=_at(day, 10),
            submitted=_at(day, 12),
        )
        _return_and_resubmit(editor, reviewer, task, returned=_at(day, 13), resubmitted=_at(day, 14))
        with time_machine.travel(_at(day, 15), tick=False):
            reviews.verdict_approve(editor=editor, task=_task(task))
    with django_assert_num_queries(10):
        report = desk_report_build(desk=desk, period=NOVEMBER)
    assert report.claims_published == 10
    assert {row.username: row.submitted for row in report.reviewers}["rachel"] == 20


def test_period_defaults_to_the_last_30_days_and_refuses_bad_dates():
    with time_machine.travel(NOW, tick=False):
        assert report_period_parse(since=None, until=None) == ReportPeriod(dt.date(2026, 10, 30), dt.date(2026, 11, 28))
    assert report_period_parse(since=None, until=None, open_ended=True) == ReportPeriod(None, None)


# --- API ------------------------------------------------------------------------------------------


def _report_url(desk, **query) -> str:
    return reverse("api:desk-report", kwargs={"desk_slug": desk.slug}) + (
        "?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else ""
    )


def test_api_report_answers_editors_with_the_periods_figures(desk, november, editor_api):
    response = editor_api.get(_report_url(desk, since="2026-11-01", until="2026-11-30"))

    assert response.status_code == 200
    body = response.json()
    assert (body["since"], body["until"]) == ("2026-11-01", "2026-11-30")
    assert (body["articles_imported"], body["claims_published"]) == (6, 3)
    assert body["import_to_first_approval"] == {"count": 3, "median_seconds": 172800, "p90_seconds": 172800}
    assert {rating["label"]: rating["count"] for rating in body["ratings"]}["True"] == 2
    assert {row["username"]: row["approved"] for row in body["reviewers"]} == {"rachel": 2, "roger": 1}


def test_api_report_is_for_editors_and_admins_only(desk, desk_admin, reviewer_api, outsider_api):
    from rest_framework.test import APIClient

    admin_api = APIClient()
    admin_api.force_authenticate(desk_admin)
    assert admin_api.get(_report_url(desk)).status_code == 200
    refused = reviewer_api.get(_report_url(desk))
    assert refused.status_code == 403
    assert refused.json()["message"] == "Only the desk's editors can do this."
    assert outsider_api.get(_report_url(desk)).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"since": "yesterday"}, "since must be a date as YYYY-MM-DD, not 'yesterday'."),
        ({"until": "2026-13-01"}, "until must be a date as YYYY-MM-DD, not '2026-13-01'."),
        ({"since": "2026-11-10", "until": "2026-11-01"}, "since (2026-11-10) must be on or before until (2026-11-01)."),
        ({"until": "9999-12-31"}, "until must be between 1900-01-01 and 2999-12-31."),
        ({"since": "0001-01-01"}, "since must be between 1900-01-01 and 2999-12-31."),
    ],
)
def test_api_report_refuses_a_malformed_period_with_a_clear_message(desk, editor_api, query, message):
    response = editor_api.get(_report_url(desk, **query))

    assert response.status_code == 400
    assert response.json()["message"] == message


def test_api_report_and_feed_are_documented_in_openapi():
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]

    report = paths["/api/v1/desks/{desk_slug}/report/"]["get"]
    assert {parameter["name"] for parameter in report["parameters"]} >= {"since", "until"}
    assert {"200", "400", "403", "404"} <= set(report["responses"])
    feed = paths["/api/v1/desks/{desk_slug}/fact-checks/"]["get"]
    assert {parameter["name"] for parameter in feed["parameters"]} >= {"since", "until", "format"}


# --- Web page ---------------------------------------------------------------------------------------


def test_report_page_shows_the_figures_and_the_range_form(desk, november, editor, client):
    client.force_login(editor)

    response = client.get(
        reverse("reports:desk-report", args=[desk.slug]), {"since": "2026-11-01", "until": "2026-11-30"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="since" value="2026-11-01"' in page
    assert '<meter min="0" max="2" value="2"' in page
    assert "fact-checks/?format=csv&amp;since=2026-11-01&amp;until=2026-11-30" in page
    assert '<th scope="row">roger</th>' in page


def test_report_page_refuses_a_malformed_period_with_the_form_kept(desk, editor, client):
    client.force_login(editor)

    response = client.get(reverse("reports:desk-report", args=[desk.slug]), {"since": "28/11/2026"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "since must be a date as YYYY-MM-DD, not &#x27;28/11/2026&#x27;." in page
    assert 'value="28/11/2026"' in page


def test_report_page_is_refused_to_reviewers_and_hidden_from_outsiders(desk, reviewer, outsider, client):
    client.force_login(reviewer)
    assert client.get(reverse("reports:desk-report", args=[desk.slug])).status_code == 403
    client.force_login(outsider)
    assert client.get(reverse("reports:desk-report", args=[desk.slug])).status_code == 404


def test_dashboard_links_the_report_for_editors_only(desk, editor, reviewer, client):
    link = reverse("reports:desk-report", args=[desk.slug])
    client.force_login(editor)
    assert link in client.get(reverse("dashboard")).content.decode()
    client.force_login(reviewer)
    assert link not in client.get(reverse("dashboard")).content.decode()
