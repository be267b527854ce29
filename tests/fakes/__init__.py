"""Fake upstream servers on 127.0.0.1 for tests and benchmarks (reusable by every app)."""

from tests.fakes.server import FakeRequest, FakeResponse, FakeServer

__all__ = ["FakeRequest", "FakeResponse", "FakeServer"]
