"""Data a whole test module shares, built once instead of once a test."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back_at_the_end(django_db_blocker) -> Iterator[None]:
    """Run a module-scoped fixture's setup inside a transaction rolled back when the module ends.

    Each test then runs in a savepoint inside it (pytest-django's `db` fixture), so what one test
    changes, a request that deletes the shared article say, is undone before the next test.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        try:
            yield
        finally:
            transaction.set_rollback(True)
