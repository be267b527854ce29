from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from apps.reports.search import SearchTerms, search_highlights

register = template.Library()


@register.simple_tag
def highlight(text: str, terms: SearchTerms | None) -> SafeString:
    """`text` escaped, with the searched words in <mark>: every piece of the user's text is escaped
    before the marks are put around it, so no markup in a claim or a query reaches the page."""
    if not terms:
        return escape(text)
    pieces, position = [], 0
    for start, end in search_highlights(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append(format_html("<mark>{}</mark>", text[start:end]))
        position = end
    pieces.append(escape(text[position:]))
    # Every piece is escaped text or a mark built by format_html.
    return mark_safe("".join(pieces))
