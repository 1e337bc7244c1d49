"""The pull's writer thread: slices applied in order, on a connection of its own.

A pull spends its time in three places: the catalog building and sending a page, this
process decoding it and checking the new datasets (Python), and the database writing
them (SQLite's C code, its commit, and the pause that lets a clerk's save in between two
slices). The first runs in the prefetching thread, the second on the engine's thread,
the third here, so the checks of slice N+1 run while slice N is being written and the
pause costs nothing the engine was waiting for.

Only this thread writes while it runs (SQLite allows one writer; the engine's thread
only reads), slices commit in the order they were handed in, and each moves the
watermark in its own transaction: a crash or a cancel loses at most the slices not
committed yet, which the next pull reads again. A cancel stops the thread before its
next slice, dropping the ones queued.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.sync.pull import PageOutcome, SlicePlan
from desktop.sync.slices import WriteSlices

_END = object()


@dataclass
class Job:
    """One slice for the writer; ``page_done``: packages walked once it is committed,
    set on a page's last slice (the engine reports progress by pages)."""

    seq: int
    plan: SlicePlan
    page_done: int | None = None


class PullWriter:
    """Apply :class:`Job` slices with ``apply`` on a thread of its own, ``depth`` ahead.

    ``after_commit`` runs on the writer's thread between two transactions (the sync
    lock's heartbeat, a write of its own on SQLite). Always :meth:`close`.
    """

    def __init__(self, apply: Callable[[SlicePlan], PageOutcome], slices: WriteSlices,
                 after_commit: Callable[[], None], *, depth: int = 1,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._apply = apply
        self._slices = slices
        self._after_commit = after_commit
        self._monotonic = monotonic
        self._todo: queue.Queue[Any] = queue.Queue(maxsize=depth)
        self._done: queue.Queue[tuple[Job, PageOutcome]] = queue.Queue()
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="sync-pull-writer",
                                        daemon=True)
        self._thread.start()

    # ------------------------------------------------------------- the engine's side
    def submit(self, job: Job, check: Callable[[], None]) -> None:
        """Queue ``job``; waits while the queue is full, calling ``check`` (a cancel)."""
        while True:
            self._raise()
            check()
            try:
                self._todo.put(job, timeout=0.05)
                return
            except queue.Full:
                continue

    def committed(self) -> list[tuple[Job, PageOutcome]]:
        """The slices committed since the last call, in order (never waits)."""
        self._raise()
        out = []
        while True:
            try:
                out.append(self._done.get_nowait())
            except queue.Empty:
                return out

    def finish(self, check: Callable[[], None]) -> list[tuple[Job, PageOutcome]]:
        """Wait until every queued slice is committed; what :meth:`committed` returns."""
        self.submit(_END, check)  # type: ignore[arg-type]
        while self._thread.is_alive():
            check()
            self._thread.join(timeout=0.05)
        return self.committed()

    def close(self) -> None:
        """Stop after the slice being written (queued ones are dropped); never raises."""
        self._stop.set()
        self._thread.join(timeout=120)

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    # ------------------------------------------------------------- the writer's side
    def _run(self) -> None:
        last_commit: float | None = None
        held = last_took = 0.0  # seconds of write lock since the last gap, the last slice's
        try:
            while not self._stop.is_set():
                try:
                    job = self._todo.get(timeout=0.05)
                except queue.Empty:
                    continue
                if job is _END:
                    return
                if last_commit is not None:
                    held = self._breathe(last_commit, held, last_took)
                if self._stop.is_set():
                    return
                began = self._monotonic()
                outcome = self._apply(job.plan)
                last_commit = self._monotonic()
                last_took = last_commit - began
                held += last_took
                self._slices.observe(last_took, outcome.pulled + outcome.conflicts)
                self._done.put((job, outcome))
                self._after_commit()
        except BaseException as error:  # handed to the engine's thread, raised there
            self._error = error

    def _breathe(self, last_commit: float, held: float, last_took: float) -> float:
        """Let a clerk's save in before the next slice when it has waited long enough;
        the write lock time held since the last gap, after this one.

        A gap of the pause's length (see ``slices``) lets a waiting save take the lock.
        Slices that follow each other without one are fine up to the slices' target
        (a save then waits about as long as for one slice of that length); the next
        slice would go past it, so it waits for the rest of a pause first. A writer that
        waited for the engine's thread that long had its gap already.
        """
        pause = self._slices.pause
        if not pause:
            return 0.0
        gap = self._monotonic() - last_commit
        if gap >= pause:
            return 0.0
        if held + last_took <= self._slices.target:
            return held
        self._slices.sleep(pause - gap)
        return 0.0
