"""Run a few long-lived child processes together, and stop them together.

`run_desk` uses this for the web server and the Celery worker. Signals only set flags, so
a second Ctrl-C (or a service manager's SIGTERM arriving on top of the terminal's SIGINT)
can never interrupt the shutdown half-way and leave a worker running with nobody to stop it.
"""

import subprocess
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Supervisor:
    commands: dict[str, list[str]]
    stop_timeout: float = 15.0
    poll_interval: float = 0.5
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    stop_requested: threading.Event = field(default_factory=threading.Event)
    force_requested: threading.Event = field(default_factory=threading.Event)

    def request_stop(self, *_signal_args: object) -> None:
        """Ask for a graceful stop; asked again while stopping, kill what is left at once.

        Takes the (signum, frame) a signal handler receives, so it can be installed as one.
        """
        if self.stop_requested.is_set():
            self.force_requested.set()
        self.stop_requested.set()

    def run(self) -> list[str]:
        """Start every command and wait until one exits or a stop is requested.

        Returns the names of the processes that exited by themselves (empty after a stop
        request). Every process has exited when this returns.
        """
        try:
            for name, command in self.commands.items():
                self.processes[name] = subprocess.Popen(command)  # noqa: S603 - our own commands
            while not self.stop_requested.wait(self.poll_interval):
                exited = [name for name, process in self.processes.items() if process.poll() is not None]
                if exited:
                    return exited
            return []
        finally:
            self._stop_all()

    def _stop_all(self) -> None:
        running = [process for process in self.processes.values() if process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + self.stop_timeout
        while (
            any(process.poll() is None for process in running)
            and time.monotonic() < deadline
            and not self.force_requested.is_set()
        ):
            time.sleep(0.1)
        for process in running:
            if process.poll() is None:
                process.kill()
            process.wait()
