"""Shared by the Playwright tests: one way to launch Chromium, and where screenshots go."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connections

from tests.factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = Path(os.environ.get("FACTCHECK_SCREENSHOT_DIR", tempfile.gettempdir()))
# How long a browser test waits for what the page is expected to show (Playwright's own default is 5 s): the
# suite's parallel workers, the live server and Chromium share a few cores, and under that load a page's
# progress poll (every 3 s) and the reload it triggers took more than 15 s. Only a page that never gets
# there takes this long, so a longer wait hides nothing.
SLOW_MACHINE_WAIT_MS = 60_000


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, closed afterwards with the database connections the test opened.

    Playwright's sync API keeps an asyncio loop running in the test's thread, so Django keeps
    that code's connections apart from the thread's usual ones (asgiref stores them per context
    while a loop runs), and pytest-django never closes them. Left open, one of them blocks
    dropping the PostgreSQL test database at the end of the session, so they are closed here,
    while the loop still runs. Callers set DJANGO_ALLOW_ASYNC_UNSAFE: the test's own ORM calls
    are plain synchronous code.
    """
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=SLOW_MACHINE_WAIT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


def log_in(page, base_url: str, username: str) -> None:
    """Log in through the login form and wait for the dashboard."""
    page.goto(f"{base_url}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/")


def script_errors(page) -> list[str]:
    """The page's uncaught script exceptions and console errors from now on, for a test to assert
    there were none. A response with an error status (a form refused with 400) is the page
    working as meant, so Chromium's "Failed to load resource" line for it is left out."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda line: (
            line.type == "error"
            and not line.text.startswith("Failed to load resource")
            and errors.append(f"{page.url}: {line.text}")
        ),
    )
    return errors
