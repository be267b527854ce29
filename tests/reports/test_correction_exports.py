"""Exports of corrected verdicts: the published finding stands while it is corrected, and every
format tells readers of each correction once it is approved."""

import csv
import datetime as dt
import io
import json

import pytest
import time_machine

from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import Rating, ReviewTask
from tests import factories

pytestmark = pytest.mark.django_db

BODY = (
    "The harbour authority dredged four million tonnes of silt from the basin in 2019, "
    "and the port's traffic doubled after that, according to its director."
)
CLAIM = BODY[:81]
FIRST_APPROVAL = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)
REOPENED = dt.datetime(2026, 11, 10, 14, 0, tzinfo=dt.UTC)
CORRECTED = dt.datetime(2026, 11, 11, 16, 30, tzinfo=dt.UTC)
NOTE = "The ministry revised the 2019 figure to 2.5 million tonnes."


def _rating(label: str) -> Rating:
    return Rating.objects.get(scale__desk=None, label=label)


def _task(task) -> ReviewTask:
    return ReviewTask.objects.get(pk=task.pk)


@pytest.fixture
def task(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, body=BODY, title="Harbour dredging")
    claim = factories.ClaimFactory(article=article, text=CLAIM, start=0, end=len(CLAIM))
    task = factories.ReviewTaskFactory(claim=claim)
    reference = factories.ReferenceFactory(claim=claim, url="https://port.example.org/2019", title="Annual report")
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    reviews.verdict_submit(
        user=reviewer,
        task=_task(task),
        rating=_rating("True"),
        rationale="The annual report lists four million tonnes.",
        reference_ids=[reference.pk],
    )
    with time_machine.travel(FIRST_APPROVAL, tick=False):
        reviews.verdict_approve(editor=editor, task=_task(task))
    return _task(task)


@pytest.fixture
def under_correction(task, editor, reviewer):
    """Reopened, and the reviewer has already resubmitted a new verdict nobody approved yet."""
    with time_machine.travel(REOPENED, tick=False):
        reviews.verdict_reopen(editor=editor, task=_task(task), note=NOTE)
    reviews.verdict_submit(
        user=reviewer, task=_task(task), rating=_rating("Mostly false"), rationale="Unapproved new rationale."
    )
    return _task(task)


@pytest.fixture
def corrected(under_correction, editor):
    with time_machine.travel(CORRECTED, tick=False):
        reviews.verdict_approve(editor=editor, task=_task(under_correction))
    return _task(under_correction)


def _export(task, export_format):
    return report_export(report=report_build(article=task.claim.article), export_format=export_format).content


def _json_claim(task) -> dict:
    (claim,) = json.loads(_export(task, "json"))["claims"]
    return claim


# --- While under correction ---------------------------------------------------------------------


@pytest.mark.parametrize("export_format", ["html", "md"])
def test_a_verdict_under_correction_still_shows_as_published(under_correction, export_format):
    content = _export(under_correction, export_format)

    assert "True" in content
    assert "The annual report lists four million tonnes." in content
    assert "https://port.example.org/2019" in content
    assert "Mostly false" not in content
    assert "Unapproved new rationale." not in content
    assert "2 November 2026" in content


def test_json_keeps_the_published_verdict_and_says_it_is_under_correction(under_correction):
    claim = _json_claim(under_correction)

    assert (claim["rating"], claim["rationale"]) == ("True", "The annual report lists four million tonnes.")
    assert claim["status"] == "submitted"
    assert claim["under_correction"] is True
    assert claim["corrections"] == []
    assert claim["approved_at"] == claim["first_approved_at"] == "2026-11-02T09:00:00+00:00"
    assert [ref["url"] for ref in claim["cited_references"]] == ["https://port.example.org/2019"]


def test_claimreview_keeps_the_published_rating_while_it_is_corrected(under_correction):
    (item,) = json.loads(_export(under_correction, "claimreview"))

    assert item["reviewRating"]["alternateName"] == "True"
    assert item["reviewBody"] == "The annual report lists four million tonnes."
    assert item["datePublished"] == "2026-11-02"
    assert "dateModified" not in item


# --- Once the correction is approved ------------------------------------------------------------


def test_html_shows_the_correction_with_its_date_note_and_previous_rating(corrected):
    html = _export(corrected, "html")

    assert "Mostly false" in html
    assert "Unapproved new rationale." in html
    assert 'Approved <time datetime="2026-11-02">2 November 2026</time>' in html
    assert (
        '<small class="correction">Correction, <time datetime="2026-11-11">11 November 2026</time>: '
        f"{NOTE} (previously rated True)</small>"
    ) in html


def test_markdown_lists_the_correction(corrected):
    markdown = _export(corrected, "md")

    assert "- Approved: 2 November 2026\n" in markdown
    assert "- Correction, 11 November 2026: The ministry revised the 2019 figure to 2.5 million tonnes. " in markdown
    assert "(previously rated True)" in markdown


def test_a_correction_that_keeps_the_rating_does_not_name_a_previous_rating(task, editor, reviewer):
    reviews.verdict_reopen(editor=editor, task=_task(task), note="A typo in the rationale.")
    reviews.verdict_submit(user=reviewer, task=_task(task), rating=_rating("True"), rationale="Fixed typo.")
    reviews.verdict_approve(editor=editor, task=_task(task))

    html = _export(task, "html")

    assert "A typo in the rationale.</small>" in html
    assert "previously rated" not in html


def test_json_lists_each_correction(corrected):
    claim = _json_claim(corrected)

    assert claim["rating"] == "Mostly false"
    assert claim["under_correction"] is False
    assert claim["first_approved_at"] == "2026-11-02T09:00:00+00:00"
    assert claim["approved_at"] == "2026-11-11T16:30:00+00:00"
    assert claim["corrections"] == [
        {
            "corrected_at": "2026-11-11T16:30:00+00:00",
            "note": NOTE,
            "previous_rating": "True",
            "previous_rationale": "The annual report lists four million tonnes.",
            "rating": "Mostly false",
            "rationale": "Unapproved new rationale.",
            "rating_changed": True,
        }
    ]


def test_csv_has_correction_columns(corrected):
    (row,) = csv.DictReader(io.StringIO(_export(corrected, "csv")))

    assert row["rating"] == "Mostly false"
    assert row["first_approved_at"] == "2026-11-02T09:00:00+00:00"
    assert row["last_corrected_at"] == "2026-11-11T16:30:00+00:00"
    assert row["under_correction"] == "False"
    assert row["corrections"] == f"2026-11-11: {NOTE} (previously rated True)"


def test_csv_marks_a_verdict_under_correction(under_correction):
    (row,) = csv.DictReader(io.StringIO(_export(under_correction, "csv")))

    assert (row["rating"], row["under_correction"], row["corrections"]) == ("True", "True", "")


def test_claimreview_keeps_the_first_publication_date_and_adds_date_modified(corrected):
    (item,) = json.loads(_export(corrected, "claimreview"))

    assert item["datePublished"] == "2026-11-02"
    assert item["dateModified"] == "2026-11-11"
    assert item["reviewRating"]["alternateName"] == "Mostly false"


def test_date_modified_is_the_latest_correction(corrected, editor, reviewer):
    later = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
    reviews.verdict_reopen(editor=editor, task=_task(corrected), note="Second correction.")
    reviews.verdict_submit(user=reviewer, task=_task(corrected), rating=_rating("False"), rationale="Third.")
    with time_machine.travel(later, tick=False):
        reviews.verdict_approve(editor=editor, task=_task(corrected))

    (item,) = json.loads(_export(corrected, "claimreview"))
    assert (item["datePublished"], item["dateModified"]) == ("2026-11-02", "2026-11-20")
    assert [c["note"] for c in _json_claim(corrected)["corrections"]] == [NOTE, "Second correction."]


@pytest.mark.skipif(not UNICODE_FONT_DIR, reason="DejaVu fonts are not installed")
def test_pdf_carries_the_correction(corrected):
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(_export(corrected, "pdf"))).pages)

    assert "Correction, 11 November 2026" in " ".join(text.split())
    assert "previously rated True" in " ".join(text.split())


def test_a_repeat_reusing_a_verdict_under_correction_keeps_the_published_one(under_correction, desk):
    text = "The harbour authority dredged four million tonnes of silt from the basin in 2019, officials said again."
    article = factories.ArticleFactory(desk=desk, body=text, title="Harbour follow-up")
    factories.ClaimFactory(
        article=article,
        text=text,
        start=0,
        end=len(text),
        matched_claim=under_correction.claim,
        match_status="confirmed",
    )

    (claim,) = json.loads(report_export(report=report_build(article=article), export_format="json").content)["claims"]

    assert (claim["rating"], claim["under_correction"]) == ("True", True)
    assert claim["verdict_reused_from"]["claim_id"] == str(under_correction.claim_id)


def _rename_on_the_desk_scale(desk, renames: dict[str, str]) -> None:
    """A desk admin gives the desk its own scale (the corrections move to its copies) and renames ratings."""
    admin = factories.MemberFactory(desk=desk, role="admin", username="ada").user
    scale = reviews.rating_scale_copy_default(user=admin, desk=desk)
    for label, new_label in renames.items():
        rating = scale.ratings.get(label=label)
        reviews.rating_update(
            user=admin,
            rating=rating,
            label=new_label,
            description=rating.description,
            claimreview_value=rating.claimreview_value,
        )


def test_renaming_a_rating_later_leaves_the_published_correction_as_it_was(corrected, desk):
    _rename_on_the_desk_scale(desk, {"True": "Accurate", "Mostly false": "Largely wrong"})

    (correction,) = _json_claim(corrected)["corrections"]
    assert (correction["previous_rating"], correction["rating"]) == ("True", "Mostly false")
    assert f"{NOTE} (previously rated True)</small>" in _export(corrected, "html")
    assert "(previously rated True)" in _export(corrected, "md")
    (row,) = csv.DictReader(io.StringIO(_export(corrected, "csv")))
    assert row["corrections"] == f"2026-11-11: {NOTE} (previously rated True)"
