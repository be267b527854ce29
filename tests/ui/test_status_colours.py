"""The article text's highlights tell review statuses apart, in the colours of the legend."""

import re
from pathlib import Path

from django.conf import settings

from apps.reviews.models import TaskStatus


def _backgrounds() -> dict[str, str]:
    """{selector: background} for every rule of the stylesheet that sets a background."""
    css = re.sub(r"/\*.*?\*/", "", (Path(settings.BASE_DIR) / "static/css/app.css").read_text(), flags=re.S)
    backgrounds = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css):
        colour = re.search(r"background:\s*([^;]+);", body)
        if colour:
            for selector in selectors.split(","):
                backgrounds[selector.strip()] = colour.group(1).strip()
    return backgrounds


def test_each_review_status_has_its_own_highlight_in_its_badges_colour():
    backgrounds = _backgrounds()

    highlights = {status: backgrounds.get(f"mark.claim--{status}") for status in TaskStatus.values}
    badges = {status: backgrounds[f".badge--{status}"] for status in TaskStatus.values}

    assert highlights == badges
    assert len(set(highlights.values())) == len(TaskStatus.values)
