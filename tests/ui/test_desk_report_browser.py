"""An editor opens the desk report from the dashboard, picks a period and downloads its fact-checks."""

import csv
import io
from pathlib import Path

import pytest

from tests.browser import chromium, log_in, script_errors
from tests.reports.test_desk_report import _at, check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_reads_the_desk_report_for_a_period_and_downloads_its_fact_checks(
    monkeypatch, live_server, desk, editor, reviewer
):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    check(desk, editor, reviewer, imported=_at(2), assigned=_at(2, 10), submitted=_at(2, 14), approved=_at(3))
    check(desk, editor, reviewer, imported=_at(4), assigned=_at(4, 10))
    with chromium() as browser:
        page = browser.new_page(accept_downloads=True)
        errors = script_errors(page)
        log_in(page, live_server.url, editor.username)

        page.get_by_role("link", name="Report for World desk").click()
        page.wait_for_url(f"{live_server.url}/desks/{desk.slug}/report/")
        page.get_by_label("From").fill("2026-11-01")
        page.get_by_label("To").fill("2026-11-30")
        page.get_by_role("button", name="Show").click()
        page.wait_for_url(f"{live_server.url}/desks/{desk.slug}/report/?since=2026-11-01&until=2026-11-30")

        summary = page.locator("#report-summary").inner_text()
        true_bars = page.get_by_role("meter", name="True: 1 of 1").count()
        reviewer_row = page.locator("#report-reviewers tr", has_text="rachel").inner_text()
        with page.expect_download() as download_info:
            page.get_by_role("link", name="Download the period's fact-checks (CSV)").click()
        download = download_info.value
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        bad = page.goto(f"{live_server.url}/desks/{desk.slug}/report/?since=30%2F11%2F2026")
        alert = page.get_by_role("alert").inner_text()

    assert "Articles imported\t2" in summary
    assert "Claims with a verdict published (first approved)\t1" in summary
    assert true_bars == 1
    assert reviewer_row.split("\t")[:5] == ["rachel", "1", "1", "1", "1"]
    assert download.suggested_filename == "world-fact-checks-2026-11-01-2026-11-30.csv"
    assert [row["rating"] for row in rows] == ["True"]
    assert bad.status == 400
    assert alert.startswith("since must be a date as YYYY-MM-DD, not '30/11/2026'.")
    assert errors == []
