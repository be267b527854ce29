"""Chinese, Japanese and Korean text in the PDF report is set in Adobe's CID fonts, not printed as boxes."""

import io
from collections import defaultdict

import pytest
from pypdf import PdfReader

from apps.reports.pdf import UNICODE_FONT_DIR
from apps.reports.selectors import report_build
from apps.reports.services import report_export
from apps.reviews import services as reviews
from apps.reviews.models import Rating
from tests import factories

CHINESE = "普京表示\uff0c俄罗斯和中国否决了三项决议。"
JAPANESE = "日本の首相は「増税しない」と述べた。"
KOREAN = "윤석열 대통령은 세 번 거부했다고 말했다."
CID_FONTS = {"/STSong-Light", "/HeiseiKakuGo-W5", "/HYGothic-Medium"}


def _approved_claim(article, *, editor, reviewer, text, rationale, evidence_title):
    claim = factories.ClaimFactory(article=article, text=text, start=0, end=len(article.body))
    reference = factories.ReferenceFactory(claim=claim, url="https://example.org/un", title=evidence_title)
    task = factories.ReviewTaskFactory(claim=claim)
    reviews.review_tasks_assign(editor=editor, tasks=[task], assignee=reviewer)
    rating = Rating.objects.get(scale__desk=None, label="Mostly true")
    reviews.verdict_submit(user=reviewer, task=task, rating=rating, rationale=rationale, reference_ids=[reference.pk])
    reviews.verdict_approve(editor=editor, task=task)
    return claim


def _pdf(article) -> PdfReader:
    return PdfReader(io.BytesIO(report_export(report=report_build(article=article), export_format="pdf").content))


def _fonts(reader: PdfReader) -> set[str]:
    return {font.get_object()["/BaseFont"] for page in reader.pages for font in page["/Resources"]["/Font"].values()}


def _text_by_font(reader: PdfReader) -> dict[str, str]:
    """The text each font draws (by name, without an embedded subset's tag), all pages together, whitespace
    dropped."""
    drawn = defaultdict(str)

    def visit(text, cm, tm, font, size):
        if font is not None and text.strip():
            drawn["/" + font["/BaseFont"].split("+")[-1].lstrip("/")] += "".join(text.split())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return drawn


def _squashed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture
def cjk_article(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, title="三国否决记录", body=f"{CHINESE} {JAPANESE} {KOREAN}")
    _approved_claim(
        article,
        editor=editor,
        reviewer=reviewer,
        text=CHINESE,
        rationale="联合国记录显示三次否决。",
        evidence_title="联合国安理会否决记录",
    )
    _approved_claim(
        article,
        editor=editor,
        reviewer=reviewer,
        text=JAPANESE,
        rationale="首相の発言を確認した。",
        evidence_title="首相官邸の記録",
    )
    _approved_claim(
        article,
        editor=editor,
        reviewer=reviewer,
        text=KOREAN,
        rationale="발언을 확인했다.",
        evidence_title="대통령실 기록",
    )
    return article


def test_pdf_sets_each_language_in_its_cid_font(cjk_article):
    reader = _pdf(cjk_article)

    assert _fonts(reader) >= CID_FONTS
    drawn = _text_by_font(reader)
    # The claim, the reviewer's rationale and the evidence title, each in its language's font.
    for text in (CHINESE, "联合国记录显示三次否决。", "联合国安理会否决记录", "三国否决记录"):
        assert _squashed(text) in drawn["/STSong-Light"]
    for text in (JAPANESE, "首相の発言を確認した。", "首相官邸の記録"):
        assert _squashed(text) in drawn["/HeiseiKakuGo-W5"]
    for text in (KOREAN, "발언을 확인했다.", "대통령실 기록"):
        assert _squashed(text).rstrip(".") in drawn["/HYGothic-Medium"]


def test_pdf_text_of_cjk_claims_reads_back(cjk_article):
    text = _squashed("".join(page.extract_text() for page in _pdf(cjk_article).pages))

    for claim in (CHINESE, JAPANESE, KOREAN):
        assert _squashed(claim) in text


def test_han_beside_kana_or_hangul_elsewhere_in_the_text_is_japanese_or_korean(desk):
    # "東京" and "大韓民國" are runs of Han alone, split from the kana and Hangul by Latin text.
    japanese, korean = "東京 (Tokyo) で会談した.", "大韓民國 (Korea) 정부가 발표했다."
    article = factories.ArticleFactory(desk=desk, body=f"{japanese} {korean}")
    for text in (japanese, korean):
        start = article.body.index(text)
        factories.ReviewTaskFactory(
            claim=factories.ClaimFactory(article=article, text=text, start=start, end=start + len(text))
        )

    drawn = _text_by_font(_pdf(article))

    assert "東京" in drawn["/HeiseiKakuGo-W5"]
    assert "大韓民國" in drawn["/HYGothic-Medium"]
    assert "/STSong-Light" not in drawn


@pytest.mark.skipif(
    not (UNICODE_FONT_DIR / "DejaVuSans.ttf").is_file(),
    reason="DejaVu Sans is not installed (apt-get install fonts-dejavu-core); the PDF falls back to Helvetica",
)
def test_a_mixed_line_keeps_latin_in_dejavu_and_han_in_the_chinese_font(desk):
    body = "Putin 普京 said Russia would veto it."
    article = factories.ArticleFactory(desk=desk, body=body)
    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=body, start=0, end=len(body)))

    reader = _pdf(article)

    assert body in " ".join("".join(page.extract_text() for page in reader.pages).split())
    drawn = _text_by_font(reader)
    assert drawn["/STSong-Light"] == "普京"
    assert "Putin" in drawn["/DejaVuSans"]
    assert "saidRussia" in drawn["/DejaVuSans"]


def test_markup_in_cjk_text_is_printed_not_obeyed(desk):
    body = '<font face="Courier">普京</font> & <b>習近平</b> \uff1c注\uff1e'
    article = factories.ArticleFactory(desk=desk, title="<i>拒否権</i>", body=body)
    factories.ReviewTaskFactory(claim=factories.ClaimFactory(article=article, text=body, start=0, end=len(body)))

    reader = _pdf(article)

    text = " ".join("".join(page.extract_text() for page in reader.pages).split())
    assert body in text
    assert "<i>拒否権</i>" in text
    assert "/Courier" not in _fonts(reader)


def test_a_latin_report_references_no_cid_font(desk, editor, reviewer):
    article = factories.ArticleFactory(desk=desk, body="Russia vetoed three resolutions, «Лавров» said.")
    _approved_claim(
        article,
        editor=editor,
        reviewer=reviewer,
        text=article.body,
        rationale="Three vetoes \u2013 Σ 3.",
        evidence_title="UN veto list",
    )

    content = report_export(report=report_build(article=article), export_format="pdf").content

    assert not CID_FONTS & _fonts(PdfReader(io.BytesIO(content)))
    assert b"/CIDFontType0" not in content


def test_cjk_text_is_set_in_cid_fonts_when_the_report_falls_back_to_helvetica(desk, tmp_path, monkeypatch):
    from apps.reports import pdf

    monkeypatch.setattr(pdf, "UNICODE_FONT_DIR", tmp_path)
    article = factories.ArticleFactory(desk=desk, body=f"Putin {CHINESE}")
    factories.ReviewTaskFactory(
        claim=factories.ClaimFactory(article=article, text=article.body, start=0, end=len(article.body))
    )

    drawn = _text_by_font(_pdf(article))

    assert _squashed(CHINESE) in drawn["/STSong-Light"]
    assert "Putin" in drawn["/Helvetica"]
