"""Load the demo desk: people, a library of reference documents and a demo article.

Idempotent: running it again changes nothing and duplicates nothing.
"""

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from apps.articles.models import SourceKind
from apps.articles.services import article_import_text
from apps.desks.models import Role
from apps.desks.services import desk_create, membership_set
from apps.references.services import library_document_upsert

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
    return DemoDesk(desk=desk, article=result.article, logins=logins)
