"""Load the demo desk: people, a library of reference documents and a demo article.

Idempotent: running it again changes nothing and duplicates nothing.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from apps.articles.models import SourceKind
from apps.articles.services import article_import_text
from apps.desks.models import Role
from apps.desks.services import desk_create, membership_set
from apps.references.services import library_document_upsert
from apps.reviews.models import ReviewTask
from apps.reviews.selectors import rating_scale_for_desk
from apps.reviews.services import review_task_start, review_tasks_assign, verdict_approve, verdict_submit

CONTENT_DIR = Path(__file__).parent / "content"
DEMO_PEOPLE = [
    ("editor", Role.EDITOR, "Edna", "Editor"),
    ("reviewer1", Role.REVIEWER, "Ravi", "Reviewer"),
    ("reviewer2", Role.REVIEWER, "Rosa", "Reviewer"),
    ("deskadmin", Role.ADMIN, "Dana", "Admin"),
]
# Known passwords so the README can name them; demo accounts exist only where the demo is loaded.
DEMO_PASSWORD_SUFFIX = "-demo-2012"  # noqa: S105


@dataclass(frozen=True)
class DemoReview:
    """How far the demo takes one claim's review, so each screen of the workflow has something on it."""

    claim_words: str  # words that pick the claim out of the demo article's
    reviewer: str
    stage: str  # "assigned", "in_review", "submitted" or "approved"
    due_in_days: int
    rating: str = ""
    rationale: str = ""


DEMO_REVIEWS = [
    DemoReview(
        "vetoed three",
        "reviewer1",
        "approved",
        due_in_days=0,
        rating="True",
        rationale="The UN library's list of Security Council vetoes records three draft resolutions on Syria "
        "that Russia and China vetoed: S/2011/612 on 4 October 2011, S/2012/77 on 4 February 2012 and "
        "S/2012/538 on 19 July 2012 (research.un.org/en/docs/sc/quick/veto).",
    ),
    DemoReview(
        "40,000",
        "reviewer1",
        "submitted",
        due_in_days=1,
        rating="Mostly true",
        rationale="The Syrian Observatory for Human Rights counted more than 40,000 dead in November 2012, but "
        "the figure is the Observatory's, not the UN's. The UN's own analysis, published in January 2013, "
        "listed 59,648 people killed by the end of November 2012, so \u201cmore than 40,000\u201d holds.",
    ),
    DemoReview("refugees", "reviewer2", "in_review", due_in_days=2),
    DemoReview("Geneva", "reviewer1", "assigned", due_in_days=3),
]


@dataclass(frozen=True)
class DemoDesk:
    desk: object
    article: object
    logins: list[tuple[str, str, str]]


@transaction.atomic
def demo_desk_load() -> DemoDesk:
    desk = desk_create(name="Demo world desk", slug="demo")
    User = get_user_model()
    logins = []
    editor = None
    for username, role, first, last in DEMO_PEOPLE:
        password = f"{username}{DEMO_PASSWORD_SUFFIX}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        membership_set(desk=desk, user=user, role=role)
        logins.append((username, password, role))
        if role == Role.EDITOR:
            editor = user

    for document in json.loads((CONTENT_DIR / "library.json").read_text(encoding="utf-8")):
        library_document_upsert(
            desk=desk,
            title=document["title"],
            publisher=document.get("publisher", ""),
            url=document["url"],
            published_on=dt.date.fromisoformat(document["published_on"]) if document.get("published_on") else None,
            body=document["body"],
        )

    result = article_import_text(
        desk=desk,
        user=editor,
        text=(CONTENT_DIR / "article.md").read_text(encoding="utf-8"),
        source_kind=SourceKind.DEMO,
    )
    if result.created:
        _demo_reviews_play(article=result.article, editor=editor)
    return DemoDesk(desk=desk, article=result.article, logins=logins)


def _demo_reviews_play(*, article, editor) -> None:
    """Take a few of the demo article's claims through the review, with the app's own services, so a
    first look shows a reviewer's queue, a verdict waiting for approval and a published one."""
    User = get_user_model()
    ratings = {rating.label: rating for rating in rating_scale_for_desk(desk=article.desk).ratings.all()}
    tasks = list(ReviewTask.objects.filter(claim__article=article).select_related("claim"))
    today = timezone.localdate()
    for review in DEMO_REVIEWS:
        task = next((task for task in tasks if review.claim_words in task.claim.text), None)
        if task is None:
            continue  # the extractor no longer finds this claim: the rest of the demo still loads
        reviewer = User.objects.get(username=review.reviewer)
        (task,) = review_tasks_assign(
            editor=editor, tasks=[task], assignee=reviewer, due_date=today + dt.timedelta(days=review.due_in_days)
        )
        if review.stage == "assigned":
            continue
        task = review_task_start(user=reviewer, task=task)
        # A desk that renamed its scale's ratings (the demo loaded again after its article was
        # deleted) may have no rating of that label: the review stays in progress.
        rating = ratings.get(review.rating)
        if review.stage == "in_review" or rating is None:
            continue
        verdict_submit(user=reviewer, task=task, rating=rating, rationale=review.rationale)
        if review.stage == "approved":
            verdict_approve(editor=editor, task=ReviewTask.objects.get(pk=task.pk))
