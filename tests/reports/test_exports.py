import csv
import io
import json

import pytest
from django.core.management import call_command

from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

BODY = "Russia and China have vetoed three resolutions. Officials declined to comment. =HYPERLINK(1)"


@pytest.fixture
def checked_article(desk, editor, reviewer):
    article = factories.ArticleFactory(
        desk=desk, body=BODY, title="Vetoes report", source_url="https://news.example.org/vetoes"
    )
    approved = factories.ClaimFactory(article=article, text=BODY[:47], start=0, end=47)
    pending = factories.ClaimFactory(article=article, text="=HYPERLINK(1)", start=82, end=95)
    for claim in (approved, pending):
        factories.ReviewTaskFactory(claim=claim)
    reference = factories.ReferenceFactory(claim=approved, url="https://un.org/veto", title="Veto list")
    factories.ReferenceFactory(claim=approved, url="https://example.org/lead", title="Uncited lead")
    task = approved.review_task
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(
        user=reviewer, task=task, rating=rating, rationale="Three vetoes by Dec 2012.", reference_ids=[reference.pk]
    )
    reviews.verdict_approve(editor=editor, task=task)
    return article


def test_claimreview_contains_only_approved_verdicts(checked_article):
    items = json.loads(report_export(report=report_build(article=checked_article), export_format="claimreview").content)

    assert len(items) == 1
    item = items[0]
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == BODY[:47]
    assert item["reviewRating"] == {
        "@type": "Rating", "alternateName": "Mostly true", "bestRating": 5, "worstRating": 1, "ratingValue": 4,
    }  # fmt: skip
    assert item["itemReviewed"]["appearance"]["url"] == "https://news.example.org/vetoes"
    assert item["author"]["name"] == "World desk"


def test_html_highlights_claims_and_escapes_text(checked_article):
    html = report_export(report=report_build(article=checked_article), export_format="html").content
    assert '<mark class="approved"' in html
    assert "Mostly true" in html
    assert "https://un.org/veto" in html


def test_html_marks_each_split_claim_by_its_own_words_and_shared_words_as_checked_only_if_all_are(
    desk, editor, reviewer
):
    body = "Russia and China have blocked action at the UN and have vetoed three resolutions."
    subject, blocked_end = len("Russia and China"), body.index(" and have")
    vetoed_start, vetoed_end = body.index("have vetoed"), len(body) - 1
    article = factories.ArticleFactory(desk=desk, body=body, title="Vetoes")
    blocked = factories.ClaimFactory(
        article=article, text=body[:blocked_end] + ".", start=0, end=blocked_end, spans=[[0, blocked_end]]
    )
    vetoed = factories.ClaimFactory(
        article=article,
        text="Russia and China have vetoed three resolutions.",
        start=0,
        end=vetoed_end,
        spans=[[0, subject], [vetoed_start, vetoed_end]],
    )
    for claim in (blocked, vetoed):
        factories.ReviewTaskFactory(claim=claim)
    _submit(vetoed.review_task, editor=editor, reviewer=reviewer)
    reviews.verdict_approve(editor=editor, task=vetoed.review_task)

    html = report_export(report=report_build(article=article), export_format="html").content

    assert (
        f'<mark><span id="m-{blocked.pk}"></span><span id="m-{vetoed.pk}"></span>Russia and China</mark>'
        "<mark> have blocked action at the UN</mark> and "
        '<mark class="approved">have vetoed three resolutions</mark><sup>[True]</sup>.'
    ) in html


def test_csv_has_a_row_per_claim_and_neutralises_formulas(checked_article):
    content = report_export(report=report_build(article=checked_article), export_format="csv").content
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["status"] for row in rows] == ["approved", "new"]
    assert rows[0]["rating"] == "Mostly true"
    assert rows[0]["cited_references"] == "https://un.org/veto"
    assert rows[1]["text"] == "'=HYPERLINK(1)"


def _submit(task, *, editor, reviewer, label="True"):
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label=label)
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Not yet agreed.")


def test_csv_and_json_ratings_are_only_approved_verdicts(checked_article, editor, reviewer):
    submitted = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=checked_article, start=48, end=60))
    returned = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=checked_article, start=61, end=81))
    _submit(submitted, editor=editor, reviewer=reviewer)
    _submit(returned, editor=editor, reviewer=reviewer)
    reviews.verdict_return(editor=editor, task=returned, note="Find a second source.")
    report = report_build(article=checked_article)

    rows = list(csv.DictReader(io.StringIO(report_export(report=report, export_format="csv").content)))
    claims = json.loads(report_export(report=report, export_format="json").content)["claims"]

    assert [row["status"] for row in rows] == ["approved", "submitted", "returned", "new"]
    assert [row["rating"] for row in rows] == ["Mostly true", "", "", ""]
    assert [row["rationale"] for row in rows] == ["Three vetoes by Dec 2012.", "", "", ""]
    assert [claim["rating"] for claim in claims] == ["Mostly true", "", "", ""]
    assert [claim["reviewer"] for claim in claims] == ["rachel", "", "", ""]


def test_csv_and_json_list_cited_references_apart_from_gathered_ones(checked_article):
    report = report_build(article=checked_article)

    rows = list(csv.DictReader(io.StringIO(report_export(report=report, export_format="csv").content)))
    approved = json.loads(report_export(report=report, export_format="json").content)["claims"][0]

    assert rows[0]["cited_references"] == "https://un.org/veto"
    assert set(rows[0]["gathered_references"].split()) == {"https://un.org/veto", "https://example.org/lead"}
    assert [ref["url"] for ref in approved["cited_references"]] == ["https://un.org/veto"]
    assert [ref["title"] for ref in approved["cited_references"]] == ["Veto list"]
    assert len(approved["gathered_references"]) == 2


def test_json_and_markdown_exports(checked_article):
    report = report_build(article=checked_article)
    data = json.loads(report_export(report=report, export_format="json").content)
    assert data["article"]["title"] == "Vetoes report"
    assert [claim["status"] for claim in data["claims"]] == ["approved", "new"]
    markdown = report_export(report=report, export_format="markdown").content
    assert "**Mostly true**" in markdown
    assert "[Veto list](https://un.org/veto)" in markdown


def test_export_api_downloads_and_scopes(checked_article, editor_api, outsider_api):
    response = editor_api.get(f"/api/v1/articles/{checked_article.pk}/export/?format=claimreview")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert 'filename="vetoes-report.claimreview.jsonld"' in response["Content-Disposition"]
    assert editor_api.get(f"/api/v1/articles/{checked_article.pk}/export/?format=pdfx").status_code == 400
    assert outsider_api.get(f"/api/v1/articles/{checked_article.pk}/export/?format=json").status_code == 404


def test_export_command_writes_a_file(checked_article, tmp_path):
    target = tmp_path / "report.jsonld"
    call_command("export_report", str(checked_article.pk), "--format", "claimreview", "-o", str(target))
    assert json.loads(target.read_text())[0]["reviewRating"]["alternateName"] == "Mostly true"


@pytest.mark.django_db
def test_export_command_refuses_unknown_article():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no article"):
        call_command("export_report", "00000000-0000-0000-0000-000000000000")


def test_pdf_export_is_a_pdf_with_the_verdicts(checked_article, tmp_path):
    from pypdf import PdfReader

    export = report_export(report=report_build(article=checked_article), export_format="pdf")
    assert export.content_type == "application/pdf"
    assert export.content.startswith(b"%PDF-")
    path = tmp_path / "report.pdf"
    path.write_bytes(export.content)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Vetoes report" in text
    assert "Mostly true" in text
    assert "Three vetoes by Dec 2012." in text


def test_pdf_export_command_needs_an_output_file(checked_article, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="binary"):
        call_command("export_report", str(checked_article.pk), "--format", "pdf")
    target = tmp_path / "report.pdf"
    call_command("export_report", str(checked_article.pk), "--format", "pdf", "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF-")


@pytest.fixture
def repeating_article(checked_article, desk, editor):
    """A later article repeating the checked claim; an editor confirmed the match."""
    from apps.claims.services import claim_match_confirm

    earlier = checked_article.claims.get(start=0)
    article = factories.ArticleFactory(desk=desk, body=BODY[:47], title="Vetoes again")
    claim = factories.ClaimFactory(article=article, text=BODY[:47], start=0, end=47, matched_claim=earlier)
    factories.ReviewTaskFactory(claim=claim)
    claim_match_confirm(claim=claim, user=editor)
    return article


def test_every_export_applies_a_confirmed_matchs_earlier_verdict(repeating_article, tmp_path):
    from pypdf import PdfReader

    report = report_build(article=repeating_article)
    reused = f"Verdict reused from the earlier check of “{BODY[:47]}” in “Vetoes report”"

    assert [row.verdict.rating.label for row in report.approved_rows] == ["Mostly true"]
    html = report_export(report=report, export_format="html").content
    assert '<span class="rating">Mostly true</span>' in html
    assert reused in html
    markdown = report_export(report=report, export_format="md").content
    assert "- Verdict: **Mostly true**" in markdown
    assert reused in markdown
    path = tmp_path / "report.pdf"
    path.write_bytes(report_export(report=report, export_format="pdf").content)
    pdf_text = " ".join("".join(page.extract_text() for page in PdfReader(path).pages).split())
    assert "Mostly true" in pdf_text
    assert "Verdict reused from the earlier check" in pdf_text
    assert "1 of 1 claims approved" in pdf_text

    csv_row = next(csv.DictReader(io.StringIO(report_export(report=report, export_format="csv").content)))
    assert csv_row["rating"] == "Mostly true"
    assert csv_row["cited_references"] == "https://un.org/veto"
    assert csv_row["verdict_reused_from_article"] == "Vetoes report"
    claim = json.loads(report_export(report=report, export_format="json").content)["claims"][0]
    assert claim["rating"] == "Mostly true"
    assert claim["verdict_reused_from"]["article_title"] == "Vetoes report"
    assert claim["verdict_reused_from"]["claim_text"] == BODY[:47]

    (item,) = json.loads(report_export(report=report, export_format="claimreview").content)
    assert item["reviewRating"]["alternateName"] == "Mostly true"
    assert item["itemReviewed"]["appearance"]["headline"] == "Vetoes again"
    assert item["isBasedOn"]["appearance"]["headline"] == "Vetoes report"


def test_exports_of_an_unmatched_or_suggested_claim_show_no_verdict(repeating_article):
    from apps.claims.models import MatchStatus

    repeating_article.claims.update(match_status=MatchStatus.SUGGESTED)
    report = report_build(article=repeating_article)

    assert report.approved_rows == []
    assert json.loads(report_export(report=report, export_format="claimreview").content) == []
    assert json.loads(report_export(report=report, export_format="json").content)["claims"][0]["rating"] == ""


def test_the_report_reads_matches_in_a_fixed_number_of_queries(repeating_article, django_assert_max_num_queries):
    earlier = repeating_article.claims.get().matched_claim
    for _ in range(3):
        factories.ClaimFactory(article=repeating_article, matched_claim=earlier, match_status="confirmed")
    with django_assert_max_num_queries(5):
        report = report_build(article=repeating_article)
        report_export(report=report, export_format="json")


def _pdf_text(export, tmp_path) -> str:
    from pypdf import PdfReader

    path = tmp_path / "report.pdf"
    path.write_bytes(export.content)
    return " ".join("".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_exports_name_review_statuses_in_words(checked_article, editor, reviewer, tmp_path):
    in_review = factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=checked_article, start=48, end=60))
    reviews.review_tasks_assign(editor=editor, tasks=[in_review], assignee=reviewer)
    reviews.review_task_start(user=reviewer, task=in_review)
    report = report_build(article=checked_article)

    html = report_export(report=report, export_format="html").content
    markdown = report_export(report=report, export_format="md").content
    pdf = _pdf_text(report_export(report=report, export_format="pdf"), tmp_path)

    assert '<span class="pending">In review</span>' in html
    assert "In_review" not in html
    assert "- Status: Approved" in markdown
    assert "- Status: In review" in markdown
    assert "- Status: New" in markdown
    assert "in_review" not in markdown
    assert "In review" in pdf
    assert "in_review" not in pdf


def test_pdf_falls_back_to_helvetica_without_the_unicode_font(checked_article, tmp_path, monkeypatch):
    from apps.reports import pdf

    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")  # one file of the family is not enough
    monkeypatch.setattr(pdf, "UNICODE_FONT_DIR", tmp_path)

    assert pdf.report_fonts(tmp_path) == pdf.LATIN_FONTS
    export = report_export(report=report_build(article=checked_article), export_format="pdf")
    assert b"/BaseFont /Helvetica" in export.content
    assert b"DejaVu" not in export.content
    assert "Mostly true" in _pdf_text(export, tmp_path)


@pytest.mark.skipif(
    not (UNICODE_FONT_DIR / "DejaVuSans.ttf").is_file(),
    reason="DejaVu Sans is not installed (apt-get install fonts-dejavu-core); the PDF falls back to Helvetica",
)
def test_pdf_keeps_cyrillic_text_with_the_unicode_font(desk, tmp_path):
    body = "Foreign Minister Sergei Lavrov («Сергей Лавров») said Russia had vetoed three resolutions."
    article = factories.ArticleFactory(desk=desk, title="Лавров: вето", body=body)
    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=body, start=0, end=len(body)))

    text = _pdf_text(report_export(report=report_build(article=article), export_format="pdf"), tmp_path)

    assert "«Сергей Лавров»" in text
    assert "Лавров: вето" in text


@pytest.mark.skipif(
    not (UNICODE_FONT_DIR / "DejaVuSans-Bold.ttf").is_file(),
    reason="DejaVu Sans is not installed (apt-get install fonts-dejavu-core); the PDF falls back to Helvetica",
)
def test_pdf_uses_the_unicode_font_with_only_its_regular_and_bold_files(desk, tmp_path, monkeypatch):
    from apps.reports import pdf

    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):  # all that fonts-dejavu-core ships
        (fonts / name).write_bytes((UNICODE_FONT_DIR / name).read_bytes())
    monkeypatch.setattr(pdf, "UNICODE_FONT_DIR", fonts)
    body = "Foreign Minister Sergei Lavrov («Сергей Лавров») said Russia had vetoed three resolutions."
    article = factories.ArticleFactory(desk=desk, title="Лавров: вето", body=body)
    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=body, start=0, end=len(body)))

    export = report_export(report=report_build(article=article), export_format="pdf")

    assert pdf.report_fonts(fonts) != pdf.LATIN_FONTS
    assert "«Сергей Лавров»" in _pdf_text(export, tmp_path)


def _approved_claim(article, *, editor, reviewer, text, rationale):
    claim = factories.ClaimFactory(article=article, text=text, start=0, end=len(article.body))
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale=rationale)
    reviews.verdict_approve(editor=editor, task=task)
    return claim


def test_pdf_splits_a_rationale_and_a_claim_longer_than_a_page_across_pages(desk, editor, reviewer, tmp_path):
    from pypdf import PdfReader

    article = factories.ArticleFactory(desk=desk, body=BODY)
    claim_text = " ".join(f"Russia vetoed resolution {n}." for n in range(400)) + " The end of the claim."
    rationale = " ".join(f"Source {n} confirms the count." for n in range(600)) + " The end of the rationale."
    _approved_claim(article, editor=editor, reviewer=reviewer, text=claim_text, rationale=rationale)

    export = report_export(report=report_build(article=article), export_format="pdf")

    path = tmp_path / "report.pdf"
    path.write_bytes(export.content)
    assert len(PdfReader(path).pages) > 2
    text = _pdf_text(export, tmp_path)
    assert "The end of the claim." in text
    assert "The end of the rationale." in text


@pytest.mark.parametrize("url", ['https://example.org/report"x', "https://example.org/report?a=1&b='2'"])
def test_pdf_links_a_cited_reference_whose_url_has_quotes(desk, editor, reviewer, tmp_path, url):
    from pypdf import PdfReader

    article = factories.ArticleFactory(desk=desk, body=BODY)
    claim = factories.ClaimFactory(article=article, text=BODY[:47], start=0, end=47)
    reference = factories.ReferenceFactory(claim=claim, url=url, title="Central bank statement")
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale="Checked.", reference_ids=[reference.pk])
    reviews.verdict_approve(editor=editor, task=task)

    export = report_export(report=report_build(article=article), export_format="pdf")

    path = tmp_path / "report.pdf"
    path.write_bytes(export.content)
    links = [annotation.get_object()["/A"]["/URI"] for annotation in PdfReader(path).pages[0]["/Annots"]]
    assert links == [url]
    assert "Central bank statement" in _pdf_text(export, tmp_path)


def test_evidence_a_desk_member_added_is_labelled_as_theirs_in_reports(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, body=BODY)
    claim = factories.ClaimFactory(article=article, text=BODY[:47], start=0, end=47)
    task = factories.ReviewTaskFactory(claim=claim)
    found = factories.ReferenceFactory(
        claim=claim, url="https://court.example.org/filing", title="Court filing", provider="person", added_by=reviewer
    )
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="True")
    reviews.verdict_submit(
        user=reviewer, task=task, rating=rating, rationale="Filed in court.", reference_ids=[found.pk]
    )
    reviews.verdict_approve(editor=editor, task=task)
    report = report_build(article=article)

    cited = json.loads(report_export(report=report, export_format="json").content)["claims"][0]["cited_references"]
    html = report_export(report=report, export_format="html").content

    assert cited[0]["provider"] == "person"
    assert "Court filing</a> (added by a desk member)" in html
