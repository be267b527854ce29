"""Two requests at once, for the PostgreSQL tests of row locks and version checks."""

import threading
from collections.abc import Callable
from typing import Any

from django.db import connection


def second_waits_for_first(
    send: Callable[[str], Any], *, first: str, second: str, holding: threading.Event
) -> dict[str, Any]:
    """`send(first)` and `send(second)` in two threads, the second started once `holding` is set
    (by the first, while it holds its lock); each thread closes its own database connection.
    Returns each label's answer."""
    answers: dict[str, Any] = {}

    def run(label: str, wait_for: threading.Event | None) -> None:
        if wait_for is not None:
            wait_for.wait(5)
        try:
            answers[label] = send(label)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(first, None)), threading.Thread(target=run, args=(second, holding))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    return answers
