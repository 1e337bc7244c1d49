"""Pulled packages are written in short transactions, with a breath between them.

Every write transaction holds the database's one write lock (SQLite: ``BEGIN IMMEDIATE``)
until it commits, and a clerk's save waits for it. A fetched page of 1,000 updates took
13 s in one transaction; cut into slices of about a second it keeps a save's wait near
a second. SQLite's busy handler is not a queue, though: a waiting save polls every
≤100 ms, and a sync that begins its next slice the instant it commits would win the lock
again and again. So on SQLite the sync pauses a little longer than one poll between
slices. PostgreSQL queues row locks fairly and needs no pause.

The slice size adapts to what a package really costs: the caller tells how many of a
slice it applied (a slice of packages seen already costs nothing and says nothing), the
next slice is sized to the target at that cost, at most doubling each time. A first pull
of new datasets goes in bulk (~0.5 ms each), updates through the record service cost
~7 ms each: the same 1,000-package page is one slice or ten.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")

SQLITE_PAUSE = 0.11  # seconds: longer than the busy handler's longest sleep (100 ms)


class WriteSlices:
    def __init__(self, dialect: str, *, target: float = 1.0, first: int = 100,
                 smallest: int = 10, largest: int = 1000,
                 sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.size = first
        self.target = target
        self.smallest, self.largest = smallest, largest
        self.pause = SQLITE_PAUSE if dialect == "sqlite" else 0.0
        self._sleep = sleep
        self._monotonic = monotonic
        self._applied = 0

    def split(self, items: list[T]) -> Iterator[list[T]]:
        """Slices of ``items`` in order; the time the caller spends on each one (between
        getting it and asking for the next), with :meth:`applied`, sizes the next."""
        start = 0
        while start < len(items):
            batch = items[start:start + self.size]
            start += len(batch)
            self._applied = len(batch)
            began = self._monotonic()
            yield batch
            self._adapt(self._monotonic() - began, self._applied)
            if self.pause and start < len(items):
                self._sleep(self.pause)  # let a waiting save take the lock

    def sleep(self, seconds: float) -> None:
        """The pause's sleep (a test's clock may stand in for it)."""
        self._sleep(seconds)

    def cut(self, items: list[T]) -> list[list[T]]:
        """``items`` in slices of the current size, nothing measured: for a writer thread
        that applies them and tells the cost with :meth:`observe` (and pauses itself)."""
        size = max(1, self.size)
        return [items[start:start + size] for start in range(0, len(items), size)]

    def observe(self, took: float, applied: int) -> None:
        """A slice of ``applied`` written packages took ``took`` seconds: size the next."""
        self._adapt(took, applied)

    def applied(self, count: int) -> None:
        """How many packages of the current slice were really written (not skipped)."""
        self._applied = count

    def _adapt(self, took: float, applied: int) -> None:
        if applied <= 0:
            return  # nothing learnt about the cost of a write
        per_package = max(took / applied, 1e-6)
        wanted = round(self.target / per_package)
        self.size = max(self.smallest, min(self.largest, self.size * 2, wanted))
