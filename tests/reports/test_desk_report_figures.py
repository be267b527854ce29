"""The desk report's every figure on a varied desk, pinned: how they are computed may change, what they are may not."""

import datetime as dt

import pytest
import time_machine

from apps.claims import services as claims
from apps.claims.models import ClaimStatus, MatchStatus
from apps.reports.desk_report import DeskReport, ReportPeriod, _duration_stats, desk_report_build
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories
from tests.reports.test_desk_report import _at, _rating, _return_and_resubmit, _task, check

pytestmark = pytest.mark.django_db

OCTOBER = ReportPeriod(since=dt.date(2026, 10, 1), until=dt.date(2026, 10, 31))
NOVEMBER = ReportPeriod(since=dt.date(2026, 11, 1), until=dt.date(2026, 11, 30))
WHOLE_HISTORY = ReportPeriod(since=dt.date(2000, 1, 1), until=dt.date(2026, 11, 30))
TODAY = dt.date(2026, 11, 28)


def _october(day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 10, day, hour, minute, tzinfo=dt.UTC)


def _figures(report: DeskReport) -> dict:
    """Everything the report says, as plain values."""

    def seconds(duration):
        return None if duration is None else duration.total_seconds()

    def stats(duration_stats):
        return (duration_stats.count, seconds(duration_stats.median), seconds(duration_stats.p90))

    return {
        "articles_imported": report.articles_imported,
        "claims_found": report.claims_found,
        "claims_published": report.claims_published,
        "ratings": [(rating.label, rating.count, rating.on_scale) for rating in report.ratings],
        "corrections_published": report.corrections_published,
        "import_to_first_approval": stats(report.import_to_first_approval),
        "assignment_to_submission": stats(report.assignment_to_submission),
        "open_tasks": report.open_tasks,
        "open_tasks_by_status": report.open_tasks_by_status,
        "overdue_tasks": report.overdue_tasks,
        "reviewers": [
            (
                row.username,
                row.open_tasks,
                row.overdue_tasks,
                row.submitted,
                row.approved,
                seconds(row.median_turnaround),
            )
            for row in report.reviewers
        ],
    }


def _reopen(editor, task, *, at: dt.datetime):
    with time_machine.travel(at, tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(task), note="The ministry revised the figure.")


@pytest.fixture
def varied_desk(desk, editor, reviewer, second_reviewer):
    """Two months of work by three reviewers: returns and resubmissions, a reassignment, corrections
    closed and open, a reused verdict, a rejected claim, a scale replaced midway and open work."""
    third = factories.MemberFactory(desk=desk, role="reviewer", username="tessa").user
    factories.MemberFactory(desk=desk, role="reviewer", username="idle")
    # October: published checks with odd minutes, so medians and 90th percentiles interpolate.
    for day, (who, rating) in enumerate(
        [(reviewer, "True"), (second_reviewer, "False"), (third, "Mostly true"), (reviewer, "False")], start=2
    ):
        check(
            desk, editor, who, imported=_october(day), assigned=_october(day, 10, 7 * day),
            submitted=_october(day + 1, 8, 11 * day), approved=_october(day + 2, 11, 3 * day), rating=rating,
        )  # fmt: skip
    # Returned in October, resubmitted in November, approved there.
    straddling = check(
        desk, editor, reviewer, imported=_october(20), assigned=_october(20, 11), submitted=_october(21, 15, 30)
    )
    _return_and_resubmit(editor, reviewer, straddling, returned=_october(22), resubmitted=_at(2, 16))
    with time_machine.travel(_at(3), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(straddling))
    # Returned, reassigned to another reviewer, submitted by them and approved.
    reassigned = check(desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10), submitted=_at(4, 15))
    with time_machine.travel(_at(5), tick=False):
        reviews.verdict_return(editor=editor, task=_task(reassigned), note="Cite the annual report itself, please.")
    with time_machine.travel(_at(5, 10), tick=False):
        reviews.review_tasks_assign(editor=editor, tasks=[_task(reassigned)], assignee=third)
    # A due-date change only: not a new assignment.
    with time_machine.travel(_at(5, 12), tick=False):
        reviews.review_tasks_assign(
            editor=editor, tasks=[_task(reassigned)], assignee=third, due_date=dt.date(2026, 12, 1)
        )
    with time_machine.travel(_at(5, 17), tick=False):
        reviews.verdict_submit(
            user=third, task=_task(reassigned), rating=_rating("Mostly false"), rationale="The annual report, page 12."
        )
    with time_machine.travel(_at(6), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(reassigned))
    # Corrected: reopened and approved again as False a day later.
    first = check(
        desk, editor, second_reviewer, imported=_at(7), assigned=_at(7, 9), submitted=_at(7, 11), approved=_at(8)
    )
    _reopen(editor, first, at=_at(9))
    with time_machine.travel(_at(9, 13), tick=False):
        reviews.verdict_submit(
            user=second_reviewer, task=_task(first), rating=_rating("False"), rationale="Revised downwards."
        )
    with time_machine.travel(_at(10), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(first))
    # Under correction, resubmitted but not approved: counts by the rating published.
    pending = check(desk, editor, third, imported=_at(11), assigned=_at(11, 9), submitted=_at(11, 20), approved=_at(12))
    _reopen(editor, pending, at=_at(13))
    with time_machine.travel(_at(13, 15), tick=False):
        reviews.verdict_submit(user=third, task=_task(pending), rating=_rating("False"), rationale="Revised downwards.")
    # Under correction, not resubmitted yet.
    reopened = check(
        desk, editor, reviewer, imported=_at(14), assigned=_at(14, 9), submitted=_at(14, 10), approved=_at(15),
        rating="Mostly false",
    )  # fmt: skip
    _reopen(editor, reopened, at=_at(16))
    # A later claim repeating an earlier check: its verdict is reused, not a new check.
    repeat = check(desk, editor, reviewer, imported=_at(17))
    repeat.claim.matched_claim = first.claim
    repeat.claim.match_score = 0.97
    repeat.claim.match_status = MatchStatus.SUGGESTED
    repeat.claim.save()
    claims.claim_match_confirm(claim=repeat.claim, user=editor)
    # Open work: submitted, assigned and overdue, assigned and due later, new, and a rejected claim.
    check(desk, editor, second_reviewer, imported=_at(18), assigned=_at(18, 9), submitted=_at(18, 12))
    check(desk, editor, third, imported=_at(19), assigned=_at(19, 9))
    later = check(desk, editor, reviewer, imported=_at(19, 10))
    with time_machine.travel(_at(20), tick=False):
        reviews.review_tasks_assign(editor=editor, tasks=[later], assignee=reviewer, due_date=dt.date(2026, 12, 4))
    check(desk, editor, reviewer, imported=_at(21))
    rejected = check(desk, editor, second_reviewer, imported=_at(19, 12), assigned=_at(19, 13))
    rejected.claim.status = ClaimStatus.REJECTED
    rejected.claim.save()
    # The desk replaces the default scale: earlier ratings are off its scale, a later check is on it.
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    reviews.rating_scale_copy_default(user=admin, desk=desk)
    last = check(desk, editor, second_reviewer, imported=_at(19, 14), assigned=_at(19, 15))
    with time_machine.travel(_at(23, 18), tick=False):
        reviews.verdict_submit(
            user=second_reviewer,
            task=_task(last),
            rating=Rating.objects.get(scale__desk=desk, label="True"),
            rationale="The annual report lists the tonnage.",
        )
    with time_machine.travel(_at(24), tick=False):
        reviews.verdict_approve(editor=editor, task=_task(last))
    # Another desk's work never counts.
    other = factories.DeskFactory(name="Other desk", slug="other")
    other_editor = factories.MemberFactory(desk=other, role="editor", username="otto").user
    check(other, other_editor, factories.MemberFactory(desk=other, role="reviewer", username="olga").user,
          imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3))  # fmt: skip


def test_the_reports_figures_for_two_months_and_the_whole_history(desk, varied_desk):
    figures = {
        name: _figures(desk_report_build(desk=desk, period=period, today=TODAY))
        for name, period in (("october", OCTOBER), ("november", NOVEMBER), ("whole history", WHOLE_HISTORY))
    }

    assert figures == EXPECTED


OPEN_WORK = {
    "open_tasks": 7,
    "open_tasks_by_status": {"assigned": 2, "in_review": 0, "new": 2, "returned": 1, "submitted": 2},
    "overdue_tasks": 2,
}

# Worked out by the report as it read every row into Python (before its counts moved into SQL).
EXPECTED = {
    "october": {
        "articles_imported": 5,
        "claims_found": 5,
        "claims_published": 4,
        "ratings": [
            ("True", 1, True),
            ("Mostly true", 1, True),
            ("Half true", 0, True),
            ("Mostly false", 0, True),
            ("False", 2, True),
            ("Misleading", 0, True),
            ("Unverifiable", 0, True),
        ],
        "corrections_published": 0,
        "import_to_first_approval": (4, 180630.0, 180846.0),
        "assignment_to_submission": (5, 80160.0, 93720.0),
        **OPEN_WORK,
        "reviewers": [
            ("idle", 0, 0, 0, 0, None),
            ("rachel", 2, 1, 3, 2, 80400.0),
            ("roger", 0, 0, 1, 1, 79920.0),
            ("tessa", 1, 1, 1, 1, 80160.0),
        ],
    },
    "november": {
        "articles_imported": 11,
        "claims_found": 10,
        "claims_published": 6,
        "ratings": [
            ("True", 3, True),
            ("Mostly true", 0, True),
            ("Half true", 0, True),
            ("Mostly false", 2, True),
            ("False", 1, True),
            ("Misleading", 0, True),
            ("Unverifiable", 0, True),
        ],
        "corrections_published": 1,
        "import_to_first_approval": (6, 129600.0, 811800.0),
        "assignment_to_submission": (7, 18000.0, 166320.0),
        **OPEN_WORK,
        "reviewers": [
            ("idle", 0, 0, 0, 0, None),
            ("rachel", 2, 1, 3, 2, 10800.0),
            ("roger", 0, 0, 4, 2, 10800.0),
            ("tessa", 1, 1, 3, 2, 32400.0),
        ],
    },
    "whole history": {
        "articles_imported": 16,
        "claims_found": 15,
        "claims_published": 10,
        "ratings": [
            ("True", 4, True),
            ("Mostly true", 1, True),
            ("Half true", 0, True),
            ("Mostly false", 2, True),
            ("False", 3, True),
            ("Misleading", 0, True),
            ("Unverifiable", 0, True),
        ],
        "corrections_published": 1,
        "import_to_first_approval": (10, 180450.0, 493560.0),
        "assignment_to_submission": (12, 59640.0, 100380.0),
        **OPEN_WORK,
        "reviewers": [
            ("idle", 0, 0, 0, 0, None),
            ("rachel", 2, 1, 6, 4, 79680.0),
            ("roger", 0, 0, 5, 3, 45360.0),
            ("tessa", 1, 1, 4, 3, 39600.0),
        ],
    },
}


def test_import_to_first_approval_read_at_its_ranks_matches_every_duration_read(desk, editor, reviewer):
    """The median and 90th percentile from the few rows the query picks, as from all the durations,
    for odd and even counts and percentiles between ranks and on one."""
    durations = []
    for count in range(1, 13):
        imported = _october(count)
        approved = imported + dt.timedelta(hours=count * 7 % 11 + 1, minutes=count * 13 % 60, seconds=count % 2 * 30)
        check(desk, editor, reviewer, imported=imported, assigned=imported, submitted=imported, approved=approved)
        durations.append(approved - imported)

        report = desk_report_build(desk=desk, period=OCTOBER, today=TODAY)

        assert report.import_to_first_approval == _duration_stats(durations)
