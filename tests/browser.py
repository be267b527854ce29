"""Shared by the Playwright tests."""

from django.db import connections


def close_playwright_loop_connections() -> None:
    """Close the database connections the test body opened while Playwright's loop ran.

    Playwright's sync API keeps an asyncio loop running in the test's thread, so Django
    keeps that code's connections apart from the thread's usual ones (asgiref stores them
    per context while a loop runs), and pytest-django never closes them. Left open, one of
    them blocks dropping the PostgreSQL test database at the end of the session. Call this
    before leaving `sync_playwright()`, while the loop still runs.
    """
    connections.close_all()
