"""The article page's forms that are sent to other views, shared by those views and the page: the
form above the claims table (the assign bar: assign the ticked claims to a reviewer, or merge them)
and the form that adds a claim by its passage. A refused one comes back as it was sent, once, for
the editor to correct: the assign bar to the page of the table it was sent from, with the same
claims ticked and the same reviewer, due date and merged wording; the passage in its field, with
the reason."""

import re

from django.urls import reverse

# The session key under which a refused form of the claims table (what it sent, and a refused merge's errors) waits
# for the article page.
REFUSED_CLAIM_TABLE_FORM_SESSION_KEY = "refused_claim_table_form"


def claim_table_page_url(request, *, article_id) -> str:
    """The article page at the page of its claims table a refused merge or assignment was sent from
    (the assign bar's form, which merges too, sends its number): where the claims the editor was
    choosing are, rather than page 1. A merge's error summary links to their checkboxes there."""
    url = reverse("articles:detail", args=[article_id])
    page = request.POST.get("page", "")
    return f"{url}?page={page}" if re.fullmatch(r"[1-9][0-9]{0,8}", page) else url


def refused_claim_table_form_keep(request, *, article, errors: list[dict] | None = None) -> None:
    """Keep the refused form of `article`'s claims table for the article page, which shows it as it
    was sent: the claims still ticked (`tasks`, review task ids), the reviewer still chosen, the due
    date and merged wording still typed. A refused merge's `errors` ({message, field: "tasks" or
    "text", claim: the id of the ticked claim it is about, or None}) go in the page's error summary;
    an assignment's reason is a message of its own."""
    request.session[REFUSED_CLAIM_TABLE_FORM_SESSION_KEY] = {
        "article": str(article.pk),
        "errors": [{"claim": None, **error} for error in errors or []],
        "tasks": request.POST.getlist("tasks"),
        "assignee": request.POST.get("assignee", ""),
        "due_date": request.POST.get("due_date", ""),
        "text": request.POST.get("text", ""),
    }


def refused_claim_table_form_take(request, *, article) -> dict | None:
    """The refused form of `article`'s claims table kept by `refused_claim_table_form_keep`, once: the article
    page shows it right after the redirect, and no article page (a reload, another article, this
    one days later) shows it again."""
    refused = request.session.pop(REFUSED_CLAIM_TABLE_FORM_SESSION_KEY, None)
    if not refused or refused.get("article") != str(article.pk):
        return None
    return refused


# The session key under which a typed passage that was refused waits for the article page.
REFUSED_PASSAGE_SESSION_KEY = "refused_passage"


def refused_passage_keep(request, *, article, passage: str, reason: str) -> None:
    request.session[REFUSED_PASSAGE_SESSION_KEY] = {"article": str(article.pk), "passage": passage, "reason": reason}


def refused_passage_take(request, *, article) -> dict | None:
    """The passage typed to add as a claim of `article` and why it was refused ({passage, reason}),
    once: the article page shows it in its field right after the redirect, and no article page
    (a reload, another article, this one days later) shows it again."""
    refused = request.session.pop(REFUSED_PASSAGE_SESSION_KEY, None)
    if not refused or refused.get("article") != str(article.pk):
        return None
    return refused
