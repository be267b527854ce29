"""The daily overdue digest keeps the site's time (DJANGO_TIME_ZONE): beat sends it at
FACTCHECK_OVERDUE_DIGEST_HOUR there, and "overdue" means due before that day there, whatever
the date is in UTC at that moment."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

from apps.reviews import notifications, services
from apps.reviews.models import Notification, NotificationKind
from tests import factories

REPO_ROOT = Path(__file__).resolve().parents[2]
HONOLULU = ZoneInfo("Pacific/Honolulu")  # UTC-10 all year: far west of UTC, no summer time
ASSIGNED_TIME = dt.datetime(2026, 11, 1, 12, 0, tzinfo=HONOLULU)  # before every due date below

# The next time beat sends the digest, in UTC, after each given UTC instant.
NEXT_DIGESTS = """
import datetime as dt, json, sys
import django
django.setup()
import time_machine
from django.conf import settings
from factcheck.celery import app

schedule = settings.CELERY_BEAT_SCHEDULE["reviews-overdue-digest"]["schedule"]
schedule.app = app
answers = []
for instant in json.loads(sys.argv[1]):
    with time_machine.travel(dt.datetime.fromisoformat(instant), tick=False):
        now = app.now()
        answers.append((now + schedule.remaining_estimate(now)).astimezone(dt.UTC).isoformat())
print(json.dumps(answers))
"""


def _next_digests(tmp_path, instants: list[str], **variables) -> list[str]:
    environment = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "PYTHONPATH": str(REPO_ROOT),
        "DJANGO_SETTINGS_MODULE": "factcheck.settings",
        "DJANGO_DEBUG": "1",
        "FACTCHECK_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    result = subprocess.run(
        [sys.executable, "-c", NEXT_DIGESTS, json.dumps(instants)],
        cwd=REPO_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_beat_sends_the_digest_at_the_hour_in_the_sites_time_zone(tmp_path):
    instants = [
        "2026-11-28T09:59:00+00:00",  # 23:59 on the 27th in Honolulu, already the 28th in UTC
        "2026-11-28T10:01:00+00:00",  # 00:01 on the 28th in Honolulu
        "2026-11-28T16:59:00+00:00",  # 06:59 in Honolulu: a minute before the digest
        "2026-11-28T17:00:30+00:00",  # just after it
    ]

    honolulu = _next_digests(tmp_path, instants, DJANGO_TIME_ZONE="Pacific/Honolulu", FACTCHECK_OVERDUE_DIGEST_HOUR="7")
    utc = _next_digests(tmp_path, instants[:1], FACTCHECK_OVERDUE_DIGEST_HOUR="7")

    # 07:00 in Honolulu is 17:00 UTC: never 07:00 UTC, which is 21:00 the evening before there.
    assert honolulu == [
        "2026-11-28T17:00:00+00:00",
        "2026-11-28T17:00:00+00:00",
        "2026-11-28T17:00:00+00:00",
        "2026-11-29T17:00:00+00:00",
    ]
    assert utc == ["2026-11-29T07:00:00+00:00"]


@pytest.fixture
def honolulu(settings):
    settings.TIME_ZONE = "Pacific/Honolulu"


@pytest.fixture
def due(desk, editor, reviewer):
    """A task assigned to Rachel for each due date given; their claims' texts name the date."""

    def assign(*dates: dt.date) -> None:
        article = factories.ArticleFactory(desk=desk)
        for number, date in enumerate(dates):
            claim = factories.ClaimFactory(article=article, start=number, text=f"Due on {date.isoformat()}.")
            task = factories.ReviewTaskFactory(claim=claim)
            # Assigned while the date was ahead: a due date is never given in the past.
            with time_machine.travel(ASSIGNED_TIME, tick=False):
                services.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer, due_date=date)

    return assign


def _digest_for(user) -> tuple[str, list[str]]:
    digest = Notification.objects.get(recipient=user, kind=NotificationKind.OVERDUE_DIGEST)
    # The digest's event is its day: "overdue_digest:<recipient>:<date>".
    day = digest.dedupe_key.rsplit(":", 1)[1]
    return day, sorted(task.claim.text for task in digest.tasks.all())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("local_time", "today"),
    [
        # Just before and after midnight in Honolulu (UTC is at 10:00 on the 28th).
        (dt.datetime(2026, 11, 27, 23, 59, tzinfo=HONOLULU), dt.date(2026, 11, 27)),
        (dt.datetime(2026, 11, 28, 0, 1, tzinfo=HONOLULU), dt.date(2026, 11, 28)),
        # Just before and after midnight UTC (14:00 on the 27th in Honolulu): the day there stays.
        (dt.datetime(2026, 11, 27, 13, 59, tzinfo=HONOLULU), dt.date(2026, 11, 27)),
        (dt.datetime(2026, 11, 27, 14, 1, tzinfo=HONOLULU), dt.date(2026, 11, 27)),
        # When beat sends it: 07:00 in Honolulu.
        (dt.datetime(2026, 11, 28, 7, 0, tzinfo=HONOLULU), dt.date(2026, 11, 28)),
    ],
)
def test_the_digests_day_is_the_sites_date_either_side_of_midnight(honolulu, due, reviewer, local_time, today):
    yesterday, day_before = today - dt.timedelta(days=1), today - dt.timedelta(days=2)
    due(day_before, yesterday, today, today + dt.timedelta(days=1))

    with time_machine.travel(local_time, tick=False):
        notifications.overdue_digest_record()

    assert _digest_for(reviewer) == (
        today.isoformat(),
        [f"Due on {day_before.isoformat()}.", f"Due on {yesterday.isoformat()}."],
    )
