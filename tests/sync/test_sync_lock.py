"""One sync at a time, and a lock that knows who holds it (issue 21, item 7).

Seen before: after kill -9 the SQLite lock row refused every sync for two minutes though
none ran, killed runs stayed ``running`` forever, a live sync waiting in retries for over
two minutes lost its lock to a second one, and a clerk's save during a pull ended in
"database is locked". Real processes, the real test catalog, both engines.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import select, text

from desktop.core.desk import Desk
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncLock, SyncRun
from desktop.sync.backoff import RetryPolicy
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.liveness import owner_gone, owner_label, parse_owner, process_alive
from desktop.sync.lock import SyncBusyError, SyncLockHolder
from desktop.sync.stale_runs import INTERRUPTED, end_interrupted_runs

from .engine_support import add_opd, make_engine

ROOT = Path(__file__).resolve().parents[2]
REAL_STALE = timedelta(minutes=2)  # the window users have: never waited out in these tests

# A sync in its own process, with the real two-minute stale window, as the CLI runs it.
SYNC_PROCESS = r"""
import sys
from datetime import timedelta
from desktop.core.desk import Desk
from desktop.sync.backoff import RetryPolicy
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.engine import SyncEngine, SyncOptions

url, catalog, token = sys.argv[1:4]
desk = Desk.open(url, user="sinkron")
client = CatalogClient(CatalogConfig(catalog, "editor", write_interval=0.0, read_timeout=120.0,
                                     retry=RetryPolicy(attempts=1)), token)
SyncEngine(desk, client, SyncOptions(page_size=5, lock_stale_after=timedelta(minutes=2))).run()
"""


def _dead_pid() -> int:
    """The pid of a process that has just ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _runs(desk: Desk) -> list[tuple[int, str, str, bool]]:
    with desk.db.session() as s:
        return [(r.id, r.mode, r.status, r.finished_at is not None)
                for r in s.scalars(select(SyncRun).order_by(SyncRun.id))]


# --------------------------------------------------------------------------- liveness
def test_a_process_is_known_alive_or_gone_on_this_host() -> None:
    assert process_alive(os.getpid()) is True
    dead = _dead_pid()
    assert process_alive(dead) is False
    host = parse_owner(owner_label())
    assert host is not None and host.pid == os.getpid()
    assert owner_gone(f"{host.host}:{dead}:abcd1234") is True
    assert owner_gone(f"{host.host}:{os.getpid()}:abcd1234") is False
    # another host's process cannot be asked about: never "gone", the heartbeat decides
    assert owner_gone(f"pc-lain:{dead}:abcd1234") is False
    assert parse_owner("fe80::1:4242:abcd1234") == parse_owner("fe80::1:4242:abcd1234")
    assert parse_owner("fe80::1:4242:abcd1234").pid == 4242  # type: ignore[union-attr]
    assert parse_owner("rusak") is None and owner_gone("rusak") is False


def test_the_lock_row_of_a_process_gone_from_this_host_is_taken_over_at_once(
        sqlite_desk: Desk) -> None:
    host = parse_owner(owner_label())
    assert host is not None
    with sqlite_desk.db.session() as s:
        s.add(SyncLock(name="sync", owner=f"{host.host}:{_dead_pid()}:dead0001",
                       heartbeat=utcnow()))  # fresh heartbeat: only the pid says it is dead
    with SyncLockHolder(sqlite_desk.db, stale_after=REAL_STALE) as holder, \
            sqlite_desk.db.session() as s:
        assert s.get(SyncLock, "sync").owner == holder.owner


def test_a_live_process_on_this_host_keeps_its_lock(sqlite_desk: Desk) -> None:
    host = parse_owner(owner_label())
    assert host is not None
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        with sqlite_desk.db.session() as s:
            s.add(SyncLock(name="sync", owner=f"{host.host}:{sleeper.pid}:live0001",
                           heartbeat=utcnow()))
        with pytest.raises(SyncBusyError) as caught:
            SyncLockHolder(sqlite_desk.db, stale_after=REAL_STALE).acquire()
        assert f"proses {sleeper.pid} di komputer ini" in str(caught.value)
    finally:
        sleeper.kill()
        sleeper.wait()


# --------------------------------------------------------------------------- kill -9
def test_a_sync_killed_mid_run_leaves_nothing_that_blocks_the_next(
        desk: Desk, ckan_world: CatalogWorld, catalog_client: CatalogClient) -> None:
    server = ckan_world.server
    add_opd(desk)
    server.seed_packages(12, org="diskominfo")
    server.delay(30.0, action="package_search")  # the pull hangs there: kill it mid-run
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-c", SYNC_PROCESS, desk.db.url, server.url,
                              ckan_world.editor_token], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (server.count("package_search") and any(
                status == "running" for _, _, status, _ in _runs(desk))):
            assert child.poll() is None, child.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the child sync never reached the pull"
            time.sleep(0.05)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.communicate()
    server.clear_faults()
    [(killed_id, _, status, finished)] = _runs(desk)
    assert (status, finished) == ("running", False)  # as kill -9 left it
    if desk.db.dialect == "postgresql":
        # the server drops the killed client's session (and its advisory lock) once it
        # sees the connection closed: moments, not minutes (CI once got there first)
        deadline = time.monotonic() + 10
        with desk.db.engine.connect() as conn:
            while conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = "
                                    "'advisory' AND database = (SELECT oid FROM pg_database "
                                    "WHERE datname = current_database())")).scalar():
                conn.rollback()
                assert time.monotonic() < deadline, "the killed client's lock stayed"
                time.sleep(0.05)

    started = time.monotonic()
    summary = make_engine(desk, catalog_client, lock_stale_after=REAL_STALE).run()
    assert time.monotonic() - started < 20  # not the two-minute refusal
    assert summary.pulled == 12 and summary.errors == 0
    runs = {run_id: (status, finished) for run_id, _, status, finished in _runs(desk)}
    assert runs[killed_id] == (INTERRUPTED, True)
    assert [v for k, v in runs.items() if k != killed_id] == [("ok", True)]
    if desk.db.dialect == "sqlite":
        with desk.db.session() as s:
            assert s.scalar(select(SyncLock)) is None  # released at the end


def test_runs_of_dead_processes_are_ended_and_live_ones_left(sqlite_desk: Desk) -> None:
    host = parse_owner(owner_label())
    assert host is not None
    dead = f"{host.host}:{_dead_pid()}:dead0001"
    alive = f"{host.host}:{os.getpid()}:live0001"
    with sqlite_desk.db.session() as s:
        for mode, owner in (("import", dead), ("import", alive), ("import", "pc-lain:7:x"),
                            ("sync", "pc-lain:7:y"), ("sync", None)):
            s.add(SyncRun(catalog_url="https://data.contoh.go.id", mode=mode,
                          status="running", owner=owner))
    # at start-up (no lock): only what this host can prove
    assert end_interrupted_runs(sqlite_desk.db) == 1
    assert [status for _, _, status, _ in _runs(sqlite_desk)] == [
        INTERRUPTED, "running", "running", "running", "running"]
    # a sync starting holds the lock: no other sync can be alive, imports stay as they are
    assert end_interrupted_runs(sqlite_desk.db, holding_sync_lock=True) == 2
    assert [status for _, _, status, _ in _runs(sqlite_desk)] == [
        INTERRUPTED, "running", "running", INTERRUPTED, INTERRUPTED]
    with sqlite_desk.db.session() as s:
        message = s.get(SyncRun, 1).message
    assert message and message.startswith("Terhenti sebelum selesai")


# --------------------------------------------------------------------------- retries
def test_a_live_sync_waiting_in_retries_past_the_stale_window_keeps_its_lock(
        desk: Desk, ckan_world: CatalogWorld) -> None:
    """Stale window 1 s; the catalog asks for a 3 s pause. Without a heartbeat during the
    wait the run would look dead and a second sync would take the lock over."""
    server = ckan_world.server
    add_opd(desk)
    server.seed_packages(3, org="diskominfo")
    client = CatalogClient(CatalogConfig(server.url, "editor", write_interval=0.0,
                                         retry=RetryPolicy(attempts=3, jitter=False)),
                           ckan_world.editor_token)
    server.fail(503, retry_after="3", action="package_search")
    outcome: dict[str, object] = {}

    def sync() -> None:
        try:
            outcome["summary"] = make_engine(desk, client,
                                             lock_stale_after=timedelta(seconds=1)).run()
        except Exception as exc:  # reported by the assertion below
            outcome["error"] = exc

    runner = threading.Thread(target=sync)
    runner.start()
    try:
        deadline = time.monotonic() + 20
        while server.faults.pending:  # the 503 answered: the run now waits 3 s
            assert time.monotonic() < deadline and runner.is_alive(), outcome
            time.sleep(0.02)
        time.sleep(1.6)  # well past the stale window, still inside the wait
        other = SyncLockHolder(desk.db, stale_after=timedelta(seconds=1))
        other.host = "pc-lain"  # another workstation: it can only read the heartbeat
        with pytest.raises(SyncBusyError):
            other.acquire()
        assert runner.is_alive()  # the first sync was still waiting to retry
    finally:
        runner.join(30)
        client.close()
    summary = outcome.get("summary")
    assert summary is not None, outcome.get("error")
    assert summary.pulled == 3 and summary.errors == 0  # type: ignore[attr-defined]


def test_heartbeats_from_several_threads_at_once_are_safe(sqlite_desk: Desk) -> None:
    holder = SyncLockHolder(sqlite_desk.db, stale_after=timedelta(seconds=0.2)).acquire()
    errors: list[BaseException] = []
    time.sleep(0.1)  # past the beat interval

    def beat() -> None:
        try:
            for _ in range(5):
                holder.heartbeat()
                time.sleep(0.03)
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=beat) for _ in range(6)]
    with sqlite_desk.db.session() as s:
        before = s.get(SyncLock, "sync").heartbeat
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    with sqlite_desk.db.session() as s:
        row = s.get(SyncLock, "sync")
        assert row.owner == holder.owner and row.heartbeat > before
    holder.release()
    assert errors == []


# --------------------------------------------------------------------------- clerk + pull
def test_a_clerks_saves_during_a_pull_both_complete(
        desk: Desk, ckan_world: CatalogWorld, catalog_client: CatalogClient) -> None:
    server = ckan_world.server
    add_opd(desk)
    clerk_opd = add_opd(desk, "Dinas Kesehatan", "1.02.01")
    server.seed_packages(120, org="diskominfo")
    server.delay(0.1, times=40, action="package_search")  # pages keep coming for a while
    engine_desk = Desk.open(desk.db.url, user="sinkron")  # the sync's own connections
    outcome: dict[str, object] = {}

    def sync() -> None:
        try:
            outcome["summary"] = make_engine(engine_desk, catalog_client, page_size=10,
                                             prefetch=False, push=False).run()
        except Exception as exc:  # reported by the assertion below
            outcome["error"] = exc

    runner = threading.Thread(target=sync)
    record = desk.datasets.create({"judul": "Catatan petugas", "opd_id": clerk_opd})
    runner.start()
    saved, failures = 0, []
    try:
        while runner.is_alive():
            try:
                desk.datasets.create({"judul": f"Disimpan saat tarik {saved}",
                                      "opd_id": clerk_opd})
                record = desk.datasets.update(record["id"], {"satuan": f"v{saved}"},
                                              expected_version=record["version"])
                saved += 1
            except Exception as exc:  # every failure is the clerk's lost work: count it
                failures.append(exc)
            time.sleep(0.02)  # a person, not a loop
    finally:
        runner.join(60)
        engine_desk.close()
    assert failures == []
    assert saved >= 3  # the saves really overlapped the pull
    summary = outcome.get("summary")
    assert summary is not None, outcome.get("error")
    assert summary.pulled == 120 and summary.errors == 0  # type: ignore[attr-defined]
    assert desk.datasets.count() == 120 + 1 + saved


def test_pull_slices_follow_the_real_cost_of_a_write_and_pause_on_sqlite() -> None:
    """Skipped packages (seen already) say nothing about the cost; 10 ms updates give
    slices of about the one-second target; SQLite pauses between slices, PostgreSQL not."""
    from desktop.sync.slices import SQLITE_PAUSE, WriteSlices

    pauses: list[float] = []
    clock = [0.0]
    slices = WriteSlices("sqlite", target=0.2, sleep=pauses.append, monotonic=lambda: clock[0])
    sizes = []
    for batch in slices.split(list(range(1000))):
        sizes.append(len(batch))
        if batch[0] < 300:
            slices.applied(0)  # the overlap: seen already, skipped in no time
        else:
            clock[0] += 0.01 * len(batch)  # 10 ms per update
    assert sizes[:3] == [100, 100, 100]  # no growth from skipped slices
    assert max(sizes[3:]) <= 100 and sizes[-2] == 20  # 0.2 s at 10 ms each
    assert sum(sizes) == 1000 and pauses == [SQLITE_PAUSE] * (len(sizes) - 1)  # not after the last
    assert list(WriteSlices("postgresql", sleep=pauses.append).split([1, 2])) == [[1, 2]]
    assert len(pauses) == len(sizes) - 1  # PostgreSQL queues fairly: no pause
