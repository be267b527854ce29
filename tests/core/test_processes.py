"""`run_desk`'s supervisor: the web server and the worker start together and stop together."""

import signal
import sys
import threading
import time

from apps.core.processes import Supervisor
from tests.timing import late_wake_up_seconds

SLEEP = [sys.executable, "-c", "import time; time.sleep(60)"]


def _ignoring_sigterm(ready_file):
    """A child that shrugs off SIGTERM, like a worker stuck in a task; it says when it is ready."""
    code = (
        "import pathlib, signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
        "pathlib.Path(sys.argv[1]).touch(); time.sleep(60)"
    )
    return [sys.executable, "-c", code, str(ready_file)]


def _when_ready(ready_file, then):
    def wait_then_act():
        # Acting before the child ignores SIGTERM would test nothing; a busy machine can take many seconds to start
        # an interpreter, so only a child that never gets there is given up on.
        deadline = time.monotonic() + 300
        while not ready_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        then()

    thread = threading.Thread(target=wait_then_act, daemon=True)
    thread.start()
    return thread


def test_one_process_exiting_stops_the_others():
    supervisor = Supervisor({"web": SLEEP, "worker": [sys.executable, "-c", "pass"]}, poll_interval=0.05)

    assert supervisor.run() == ["worker"]
    assert supervisor.processes["web"].returncode == -signal.SIGTERM


def test_a_stop_request_terminates_every_process(tmp_path):
    ready = tmp_path / "ready"
    touch_then_sleep = [
        sys.executable,
        "-c",
        "import pathlib, sys, time; pathlib.Path(sys.argv[1]).touch(); time.sleep(60)",
    ]
    supervisor = Supervisor({"web": SLEEP, "worker": [*touch_then_sleep, str(ready)]}, poll_interval=0.05)
    _when_ready(ready, supervisor.request_stop)

    assert supervisor.run() == []
    assert {process.returncode for process in supervisor.processes.values()} == {-signal.SIGTERM}


def test_a_process_that_ignores_sigterm_is_killed_after_the_timeout(tmp_path):
    ready = tmp_path / "ready"
    supervisor = Supervisor({"worker": _ignoring_sigterm(ready)}, stop_timeout=1, poll_interval=0.05)
    _when_ready(ready, supervisor.request_stop)

    started = time.monotonic()
    supervisor.run()

    assert supervisor.processes["worker"].returncode == -signal.SIGKILL
    assert time.monotonic() - started >= 1


def test_a_second_stop_request_kills_what_is_left_at_once(tmp_path):
    ready = tmp_path / "ready"
    supervisor = Supervisor({"worker": _ignoring_sigterm(ready)}, stop_timeout=150, poll_interval=0.05)

    second_request_at = []

    def stop_twice():
        supervisor.request_stop(signal.SIGINT, None)
        time.sleep(0.3)
        second_request_at.append(time.monotonic())
        supervisor.request_stop(signal.SIGINT, None)

    _when_ready(ready, stop_twice)
    supervisor.run()

    assert supervisor.processes["worker"].returncode == -signal.SIGKILL
    # Timed from the second request, not from the start: the child's interpreter may take long to start.
    assert time.monotonic() - second_request_at[0] < late_wake_up_seconds()
