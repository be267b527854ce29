"""Text and links put into the Markdown report as what they are, never as Markdown or HTML.

The report template renders with autoescape off (it is not HTML), so these filters do all the
escaping. Article text, claims and rationales are written by outsiders and reviewers; a CMS that renders
the report would otherwise run their `<script>`, follow their `[links](javascript:…)` and turn a
line starting "- " or "# " into a list or a heading.
"""

import re

from django import template

from apps.core.templatetags.links import web_url

register = template.Library()

# Markdown punctuation that means something anywhere in a line (CommonMark and GitHub's tables
# and strikethrough); `&` too, so "&lt;" in a claim stays those four characters.
INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>#|~&])")
# At the start of a line: list items, setext heading underlines and numbered list items.
LINE_START_MARKUP = re.compile(r"^([-+=])|^(\d+)([.)])", re.MULTILINE)


def _escape(text: str) -> str:
    text = INLINE_MARKUP.sub(r"\\\1", text)
    return LINE_START_MARKUP.sub(lambda match: f"\\{match[1]}" if match[1] else f"{match[2]}\\{match[3]}", text)


@register.filter
def markdown_inline(value) -> str:
    """`value` on one line (a heading, a list item, link text): line breaks become spaces."""
    return _escape(" ".join(str(value or "").split()))


@register.filter
def markdown_block(value) -> str:
    """`value` with its paragraphs, every line after the first indented two spaces so that the
    whole text stays inside the list item it starts in."""
    lines = [line.strip() for line in str(value or "").strip().splitlines()]
    return "\n  ".join(_escape(line) if line else "" for line in lines).replace("\n  \n", "\n\n")


def _web_url(value) -> str:
    """An http(s) URL with whitespace and angle brackets percent-encoded, or "" for anything else."""
    url = web_url(value)
    return re.sub(r"\s", "%20", url).replace("<", "%3C").replace(">", "%3E")


@register.filter
def markdown_autolink(value) -> str:
    """An http(s) URL as an autolink, or "" for anything else."""
    url = _web_url(value)
    return f"<{url}>" if url else ""


@register.filter
def markdown_link_destination(value) -> str:
    """An http(s) URL as the destination of a [text](destination) link, or "" for anything else.
    A parenthesis would end a bare destination early, so then it goes in angle brackets."""
    url = _web_url(value)
    return f"<{url}>" if "(" in url or ")" in url else url
