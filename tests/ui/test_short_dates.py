"""Short dates in each interface language's own style: "30 Oct 2031" in English, "30 oct 2031" in
Spanish, "30 oct. 2031" in French and "30 out 2031" in Brazilian Portuguese. Django's "M" format
capitalises the month's abbreviation in code ("30 Out 2031"), so templates name SHORT_DATE_FORMAT /
SHORT_DATETIME_FORMAT and factcheck/formats/<locale>/formats.py says how each language writes them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from apps.core.interface_language import interface_language_set
from apps.reviews.models import Rating, TaskStatus, Verdict

ROOT = Path(settings.BASE_DIR)
TEMPLATE_DATE_FORMAT = re.compile(r"""\|date:\s*(["'])(.*?)\1""")
PYTHON_DATE_FORMAT = re.compile(r"""(?:dateformat\.format|date_format)\([^)]*?,\s*(["'])(.*?)\1""")
# Letters of Django's date formats that spell a month or weekday abbreviation: how a language writes
# those is its named format's business, not a template's.
ABBREVIATIONS = re.compile(r"(?<!\\)[MbND]")

SHORT_DATES = [
    ("en", "30 Oct 2031", "30 Oct 2031 14:05"),
    ("es", "30 oct 2031", "30 oct 2031 14:05"),
    ("fr", "30 oct. 2031", "30 oct. 2031 14:05"),
    ("pt-br", "30 out 2031", "30 out 2031 14:05"),
]


def _row(page, marker):
    row = page[page.index(marker) :]
    return row[: row.index("</tr>")]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "short_date", "short_datetime"), SHORT_DATES)
def test_pages_write_short_dates_in_the_interface_languages_own_style(
    language, short_date, short_datetime, editor, editor_client, article, veto_task, toll_task, reviewer
):
    interface_language_set(user=editor, language=language)
    veto_task.assignee, veto_task.due_date = reviewer, "2031-10-30"
    veto_task.save()
    toll_task.assignee, toll_task.status = reviewer, TaskStatus.SUBMITTED
    toll_task.save()
    Verdict.objects.create(
        task=toll_task,
        rating=Rating.objects.get(scale__desk__isnull=True, label="True"),
        rationale="Three vetoes on record.",
        reviewer=reviewer,
        submitted_at="2031-10-30T14:05:00Z",
    )

    article_page = editor_client.get(reverse("articles:detail", args=[article.pk])).content.decode()
    queue = editor_client.get(reverse("reviews:queue")).content.decode()

    assert short_date in _row(article_page, f'<tr id="claim-{veto_task.claim.pk}">')
    assert f'<td class="nowrap">{short_datetime}</td>' in _row(queue, f'value="{toll_task.pk}:')


def test_templates_and_code_name_their_short_date_formats_instead_of_spelling_them():
    formats = [
        (path.relative_to(ROOT), match.group(2))
        for path in (ROOT / "templates").rglob("*")
        if path.is_file()
        for match in TEMPLATE_DATE_FORMAT.finditer(path.read_text())
    ] + [
        (path.relative_to(ROOT), match.group(2))
        for path in (ROOT / "apps").rglob("*.py")
        for match in PYTHON_DATE_FORMAT.finditer(path.read_text())
    ]

    assert [(str(path), fmt) for path, fmt in formats if ABBREVIATIONS.search(fmt) and "_FORMAT" not in fmt] == []
    # The patterns do find the formats they check.
    assert ("templates/reviews/queue.html", "SHORT_DATETIME_FORMAT") in [(str(path), fmt) for path, fmt in formats]
