"""The pull's writer thread: slices commit in the order handed in, on the writer's own
thread; an error there is raised on the engine's thread; a close drops what is queued;
on SQLite a clerk's save gets a gap once the slices held the lock for the target."""

from __future__ import annotations

import threading

import pytest

from desktop.sync.cancel import SyncCancelled
from desktop.sync.pull import PageOutcome, SlicePlan
from desktop.sync.pull_writer import Job, PullWriter
from desktop.sync.slices import SQLITE_PAUSE, WriteSlices


def _job(seq: int, page_done: int | None = None) -> Job:
    return Job(seq, SlicePlan([{"id": str(seq), "metadata_modified": f"2026-01-0{seq}"}],
                              f"2026-01-0{seq}"), page_done)


def _nothing() -> None:
    return None


def test_slices_commit_in_order_on_the_writers_thread() -> None:
    threads: list[str] = []
    applied: list[str] = []

    def apply(plan: SlicePlan) -> PageOutcome:
        threads.append(threading.current_thread().name)
        applied.append(plan.last)
        return PageOutcome(pulled=1)

    writer = PullWriter(apply, WriteSlices("postgresql"), _nothing)
    try:
        for seq in range(1, 6):
            writer.submit(_job(seq, page_done=seq), _nothing)
        done = writer.finish(_nothing)
    finally:
        writer.close()
    assert applied == [f"2026-01-0{n}" for n in range(1, 6)]
    assert [job.seq for job, _ in done] == [1, 2, 3, 4, 5]
    assert set(threads) == {"sync-pull-writer"}


def test_an_error_on_the_writer_is_raised_on_the_engines_thread() -> None:
    def apply(plan: SlicePlan) -> PageOutcome:
        raise RuntimeError("disk full")

    writer = PullWriter(apply, WriteSlices("postgresql"), _nothing)
    try:
        writer.submit(_job(1), _nothing)
        with pytest.raises(RuntimeError, match="disk full"):
            writer.finish(_nothing)
    finally:
        writer.close()


def test_a_cancel_stops_after_the_slice_being_written_and_drops_the_queued_one() -> None:
    started, release = threading.Event(), threading.Event()
    applied: list[int] = []

    def apply(plan: SlicePlan) -> PageOutcome:
        started.set()
        release.wait(5)
        applied.append(int(plan.page[0]["id"]))
        return PageOutcome(pulled=1)

    cancelled = threading.Event()

    def check() -> None:
        if cancelled.is_set():
            raise SyncCancelled()

    writer = PullWriter(apply, WriteSlices("postgresql"), _nothing)
    try:
        writer.submit(_job(1), check)
        assert started.wait(5)
        writer.submit(_job(2), check)  # queued behind the one being written
        cancelled.set()
        with pytest.raises(SyncCancelled):  # a full queue waits, checking the cancel
            writer.submit(_job(3), check)
        release.set()
    finally:
        writer.close()
    assert applied == [1]


def test_on_sqlite_a_gap_comes_once_the_slices_held_the_lock_for_the_target() -> None:
    clock = [0.0]
    pauses: list[float] = []

    def sleep(seconds: float) -> None:
        pauses.append(seconds)
        clock[0] += seconds

    def apply(plan: SlicePlan) -> PageOutcome:
        clock[0] += 0.3  # each slice holds the write lock 0.3 s
        return PageOutcome(pulled=100)

    slices = WriteSlices("sqlite", target=1.0, sleep=sleep, monotonic=lambda: clock[0])
    writer = PullWriter(apply, slices, _nothing, depth=10, monotonic=lambda: clock[0])
    try:
        for seq in range(1, 9):
            writer.submit(_job(seq), _nothing)
        writer.finish(_nothing)
    finally:
        writer.close()
    # 0.3 + 0.3 + 0.3 held, a fourth would pass 1 s: a pause; so twice in eight slices
    assert pauses == [pytest.approx(SQLITE_PAUSE)] * 2


def test_a_heartbeat_runs_between_transactions_on_the_writers_thread() -> None:
    beats: list[str] = []
    writer = PullWriter(lambda plan: PageOutcome(), WriteSlices("postgresql"),
                        lambda: beats.append(threading.current_thread().name))
    try:
        writer.submit(_job(1), _nothing)
        writer.submit(_job(2), _nothing)
        writer.finish(_nothing)
    finally:
        writer.close()
    assert beats == ["sync-pull-writer"] * 2
