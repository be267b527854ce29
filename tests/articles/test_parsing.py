import datetime as dt

import pytest

from apps.articles.parsing import ArticleInputError, content_hash, parse_pasted, parse_upload

LIMIT = 100_000


def test_seed_header_lines_are_recognised(seed_bytes):
    parsed = parse_upload(seed_bytes, filename="seed.txt", max_bytes=LIMIT)

    assert parsed.title == "Moscow Rejects Washington Pressure to Seek Assad's Exit, Report Says"
    assert parsed.byline == "The Moscow Times"
    assert parsed.outlet == "The Moscow Times"
    assert parsed.published_on == dt.date(2012, 12, 11)
    assert parsed.source_url.startswith("https://www.themoscowtimes.com/2012/12/11/")


def test_seed_body_keeps_the_story_and_drops_header_and_url_lines(seed_bytes):
    body = parse_upload(seed_bytes, filename="seed.md", max_bytes=LIMIT).body

    assert body.startswith("Russia resisted new U.S. appeals")
    assert body.endswith("were not available for comment on the Kommersant report.")
    assert "Original url" not in body
    assert "December 11, 2012" not in body
    assert "\n\n" in body


def test_markdown_links_and_emphasis_become_plain_text():
    text = "# Title here\n\nThe [UN](https://un.org) said **forty** people died in the *north* region today."
    parsed = parse_pasted(text, max_bytes=LIMIT)
    assert parsed.body == "The UN said forty people died in the north region today."


@pytest.mark.parametrize(
    "mark",
    ["\u200b", "\u200e", "\u200f", "\u202b", "\u2060", "\u200b\u200e"],
    ids=["zero-width space", "LRM", "RLM", "RLE", "word joiner", "two"],
)
def test_invisible_marks_copied_before_header_lines_do_not_hide_them(mark):
    # Copying from web pages and word processors leaves such marks at the start of lines.
    text = (
        f"{mark}# Vetoes at the UN\n\n{mark}By Jane Reporter\n\n{mark}March 3, 2013{mark}\n\n"
        "Russia and China have vetoed three UN Security Council resolutions on Syria since October 2011."
    )

    parsed = parse_pasted(text, max_bytes=LIMIT)

    assert (parsed.title, parsed.byline, parsed.published_on) == (
        "Vetoes at the UN",
        "Jane Reporter",
        dt.date(2013, 3, 3),
    )
    assert parsed.body.startswith("Russia and China")


def test_html_upload_is_sanitised_and_main_text_extracted():
    html = (
        b"<html><head><title>Vetoes at the UN</title><script>alert('x')</script></head><body>"
        b"<nav>Home | World</nav><article><h1>Vetoes at the UN</h1>"
        b"<p>Russia and China vetoed a third Security Council draft resolution on Syria on Thursday, "
        b"diplomats said.</p><p onclick='evil()'>The draft had threatened sanctions against the "
        b"government in Damascus if it did not withdraw heavy weapons from towns.</p></article></body></html>"
    )
    parsed = parse_upload(html, filename="story.html", max_bytes=LIMIT)

    assert parsed.title == "Vetoes at the UN"
    assert "vetoed a third Security Council draft resolution" in parsed.body
    assert "alert" not in parsed.body
    assert "evil" not in parsed.body


def test_latin1_file_is_decoded():
    text = "# Café report\n\nThe café in Zürich served 1,200 customers on Saturday, the owner said."
    parsed = parse_upload(text.encode("latin-1"), filename="story.txt", max_bytes=LIMIT)
    assert "Zürich" in parsed.body


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_decoded(encoding):
    text = "# Café report\n\nThe café in Zürich served 1,200 customers on Saturday, the owner said."
    data = text.encode(encoding)
    if encoding.endswith(("-le", "-be")):
        data = "\ufeff".encode(encoding) + data

    parsed = parse_upload(data, filename="story.txt", max_bytes=LIMIT)

    assert parsed.title == "Café report"
    assert parsed.body == "The café in Zürich served 1,200 customers on Saturday, the owner said."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_files_without_a_byte_order_mark_are_decoded_not_called_binary(encoding):
    # Some Windows and Java tools save UTF-16 without the mark: a NUL in every other byte of Latin text.
    text = "# Café report\n\nThe café in Zürich served 1,200 customers on Saturday, the owner said."

    parsed = parse_upload(text.encode(encoding), filename="story.txt", max_bytes=LIMIT)

    assert parsed.title == "Café report"
    assert parsed.body == "The café in Zürich served 1,200 customers on Saturday, the owner said."


def test_a_binary_file_with_nuls_in_every_other_byte_is_still_binary():
    data = b"\x01\x00\x02\x00\x03\x00\x04\x00" * 100

    with pytest.raises(ArticleInputError, match="binary"):
        parse_upload(data, filename="a.txt", max_bytes=LIMIT)


def test_a_file_marked_utf16_that_is_not_is_refused_with_advice():
    with pytest.raises(ArticleInputError, match="Save it as UTF-8") as caught:
        parse_upload(
            b"\xff\xfe" + "Some text long enough to be an article.".encode("utf-16-le") + b"\x00",
            filename="a.txt",
            max_bytes=LIMIT,
        )
    assert caught.value.status == 400


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"", "a.txt", "empty"),
        (b"   \n\n  ", "a.txt", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "a.txt", "binary"),
        (b"x" * (LIMIT + 1), "a.txt", "limit"),
        (b"Some text that is long enough to be an article body, really it is.", "a.rtf", "Unsupported"),
        (b"Some text that is long enough to be an article body, really it is.", "a.pdf", "not a PDF"),
        (b"Some text that is long enough to be an article body, really it is.", "noextension", "Unsupported"),
        (b"Too short.", "a.txt", "too short"),
        (b"<html><body><script>x()</script></body></html>", "a.html", "No article text"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message(data, filename, message):
    with pytest.raises(ArticleInputError, match=message) as caught:
        parse_upload(data, filename=filename, max_bytes=LIMIT)
    assert 400 <= caught.value.status < 500


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("Russia  vetoed\n\nthree drafts.") == content_hash("russia vetoed three drafts.")
    assert content_hash("Russia vetoed three drafts.") != content_hash("Russia vetoed two drafts.")
