"""Time bounds that hold on a slow, shared machine.

The suite runs in parallel workers beside other work, so a test can wait many times longer for a
core than the code under test needs: a wall-clock bound ("under 2 s") fails there although nothing
is wrong. What the code did is better read from CPU time, which waiting for a core does not add to:
the seconds of this process (all its threads) and of the children it has waited for. Where a test
guards against a quadratic step, it compares the CPU time of a small and a large input, so a slower
machine slows both alike.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


def cpu_seconds_used() -> float:
    """CPU seconds this process and its waited-for children have used since they started."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class CpuTime:
    seconds: float = 0.0


@contextmanager
def cpu_time() -> Iterator[CpuTime]:
    """The CPU seconds the block used, in `.seconds` once it ends."""
    measured = CpuTime()
    started = cpu_seconds_used()
    try:
        yield measured
    finally:
        measured.seconds = cpu_seconds_used() - started


def fastest_cpu_seconds(work: Callable[[], object], tries: int = 3) -> float:
    """The least CPU time of `tries` runs of `work`: a moment of contention for caches or memory
    slows one run, not the algorithm."""
    times = []
    for _ in range(tries):
        with cpu_time() as measured:
            work()
        times.append(measured.seconds)
    return min(times)


def late_wake_up_seconds() -> float:
    """How late, past a deadline, a call that waits on a timer or a socket may return on the shared machine: the
    thread must get a core back, and the request around it has its own CPU work to do. 10 s with a core to
    spare, as many times more as the one-minute load average has runnable work per core (a request with a 0.3 s
    lookup limit took 14 s at a load of 14 on 2 cores), and at most a minute. A test that checks a deadline
    cut a slow peer off allows this much past the deadline, and keeps the peer going for two minutes or more,
    so that a request with no deadline, or with a default one of 30 s in place of its own, still fails it."""
    load_per_core = os.getloadavg()[0] / (os.cpu_count() or 1)
    return min(10 * max(1.0, load_per_core), 60)


@dataclass
class Span:
    """A clock read right before a block (`before`) and right after it (`after`): whatever the block
    did, it did between the two, however long the machine kept it waiting."""

    before: Any = None
    after: Any = None


@contextmanager
def span(clock: Callable[[], Any] = time.monotonic) -> Iterator[Span]:
    """The readings of `clock` right before and right after the block."""
    measured = Span(before=clock())
    try:
        yield measured
    finally:
        measured.after = clock()


def seconds_left_bounds(seconds: float, *, started: Span, read: Span, resolution: float = 0.0) -> tuple[float, float]:
    """The least and the most a wait of `seconds`, started during `started` and read during `read`
    (both spans of the clock the code under test counts it on), can have left: exact bounds however
    long either took. `resolution`: how coarsely that clock reads (Redis's TIME in whole
    milliseconds: 0.001)."""
    return (
        seconds - (read.after - started.before) - resolution,
        seconds - (read.before - started.after) + resolution,
    )
