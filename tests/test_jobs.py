"""The one job protocol (``desktop.core.jobs``) and ``Desk`` as a context manager.

The token is set from one thread (a window's Cancel button, the GUI thread) and polled
from another (the worker running the sync, import or export): these tests do exactly that.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import set_language
from desktop.core.jobs import Cancelled, CancelToken, report
from desktop.sync.cancel import SyncCancelled, check_cancel


def test_a_cancel_from_another_thread_stops_the_job_at_its_next_check() -> None:
    token = CancelToken()
    started, steps = threading.Event(), []

    def job() -> None:
        started.set()
        for step in range(10_000):
            token.raise_if_cancelled()
            steps.append(step)
            if step == 5:
                stopper.start()
                stopper.join()

    stopper = threading.Thread(target=token.cancel)
    worker_error: list[BaseException] = []

    def run() -> None:
        try:
            job()
        except BaseException as exc:  # handed back to the test thread
            worker_error.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(10)
    assert started.is_set() and not worker.is_alive()
    assert token.cancelled
    assert steps == list(range(6))  # stopped at the first check after the cancel
    assert len(worker_error) == 1 and isinstance(worker_error[0], Cancelled)


def test_raise_if_cancelled_is_silent_until_cancelled_and_says_so_in_the_language() -> None:
    token = CancelToken()
    token.raise_if_cancelled()
    token.check()
    assert not token.cancelled
    token.cancel()
    with pytest.raises(Cancelled) as caught:
        token.raise_if_cancelled()
    assert isinstance(caught.value, DeskError) and caught.value.message == "Dibatalkan."
    set_language("en")
    with pytest.raises(Cancelled, match=r"^Cancelled\.$"):
        token.check()


def test_progress_goes_to_the_watcher_until_cancelled() -> None:
    seen: list[tuple[int, int, str]] = []
    token = CancelToken(lambda done, total, message: seen.append((done, total, message)))
    token.progress(1, 3, "satu")
    token.progress(2, 3)
    report(token.progress, 3, 3, "tiga")
    report(None, 4, 4, "nobody listens")  # no watcher: nothing happens, nothing raised
    assert seen == [(1, 3, "satu"), (2, 3, ""), (3, 3, "tiga")]
    token.cancel()
    with pytest.raises(Cancelled):
        token.progress(4, 3, "terlambat")
    assert len(seen) == 3


def test_the_sync_cancel_is_the_same_cancel_with_the_sync_message() -> None:
    token = CancelToken()
    check_cancel(token)
    check_cancel(None)
    token.cancel()
    with pytest.raises(SyncCancelled) as caught:
        check_cancel(token)
    assert isinstance(caught.value, Cancelled)
    assert caught.value.message == "Sinkronisasi dibatalkan."


def _sqlite_copy(tmp_path: Path, template: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template, path)
    return path


def test_a_desk_is_closed_after_its_with_block(tmp_path: Path, sqlite_template: Path) -> None:
    path = _sqlite_copy(tmp_path, sqlite_template)
    with Desk.open(path, user="penguji") as desk:
        created = desk.opd.create({"kode": "1", "nama": "Dinas Kominfo", "jenis": "dinas"})
        pool = desk.db.engine.pool
        assert pool.checkedin() >= 1  # the block used a connection and gave it back
    assert pool is not desk.db.engine.pool  # disposed: the old pool was replaced, emptied
    assert pool.checkedin() == 0
    with Desk.open(path, user="penguji") as again:  # what the block wrote is there
        assert again.opd.get(created["id"])["nama"] == "Dinas Kominfo"


def test_a_desk_is_closed_when_its_with_block_raises(tmp_path: Path,
                                                    sqlite_template: Path) -> None:
    path = _sqlite_copy(tmp_path, sqlite_template)
    pools = []
    with pytest.raises(RuntimeError, match="rusak"), Desk.open(path, user="penguji") as desk:
        desk.opd.create({"kode": "1", "nama": "Dinas Kominfo", "jenis": "dinas"})
        pools.append(desk.db.engine.pool)
        assert pools[0].checkedin() >= 1
        raise RuntimeError("rusak")
    assert pools[0] is not desk.db.engine.pool and pools[0].checkedin() == 0
