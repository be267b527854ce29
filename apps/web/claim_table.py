"""The form above an article's claims table (the assign bar: assign the ticked claims to a reviewer,
or merge them), shared by the views it is sent to (assignment, merge) and the article page that
shows it."""

import re

from django.urls import reverse


def claim_table_page_url(request, *, article_id) -> str:
    """The article page at the page of its claims table a refused merge or assignment was sent from
    (the assign bar's form, which merges too, sends its number): where the claims the editor was
    choosing are, rather than page 1. A merge's error summary links to their checkboxes there."""
    url = reverse("articles:detail", args=[article_id])
    page = request.POST.get("page", "")
    return f"{url}?page={page}" if re.fullmatch(r"[1-9][0-9]{0,8}", page) else url
