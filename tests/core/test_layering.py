"""Dependencies flow one way along the workflow: an app imports only the apps before it."""

import re
from pathlib import Path

APPS_IN_WORKFLOW_ORDER = ["core", "desks", "articles", "claims", "references", "reviews", "reports", "demo", "web"]
APPS_DIR = Path(__file__).resolve().parents[2] / "apps"
IMPORT = re.compile(r"^\s*(?:from|import) apps\.(\w+)", re.MULTILINE)


def test_every_app_is_placed_in_the_workflow_order():
    on_disk = {path.parent.name for path in APPS_DIR.glob("*/apps.py")}
    assert on_disk == set(APPS_IN_WORKFLOW_ORDER)


def test_no_app_imports_a_later_stage():
    rank = {app: position for position, app in enumerate(APPS_IN_WORKFLOW_ORDER)}
    backwards = []
    for path in sorted(APPS_DIR.rglob("*.py")):
        app = path.relative_to(APPS_DIR).parts[0]
        for imported in IMPORT.findall(path.read_text(encoding="utf-8")):
            if rank[imported] > rank[app]:
                backwards.append(f"{path.relative_to(APPS_DIR)} imports apps.{imported}")
    assert backwards == []


WEB_VIEWS_DIR = APPS_DIR / "web" / "views"
# Absolute or relative: `from apps.web.views.claims import ...`, `from .claims import ...`.
VIEW_MODULE_IMPORT = re.compile(r"^\s*(?:(?:from|import) apps\.web\.views\b|from \.).*$", re.MULTILINE)


def test_web_views_do_not_import_each_other():
    """What two pages share (the claims table's form, how a claim is shown, error summaries) lives in a
    module of apps/web that both import, so a view module never depends on another one."""
    crossings = []
    for path in sorted(WEB_VIEWS_DIR.glob("*.py")):
        for match in VIEW_MODULE_IMPORT.findall(path.read_text(encoding="utf-8")):
            crossings.append(f"{path.name}: {match.strip()}")
    assert crossings == []
