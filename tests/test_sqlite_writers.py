"""Several writers on one database: nobody fails with "database is locked", nobody loses a save.

SQLite in WAL mode cannot let a deferred transaction that has already read upgrade to the
write lock after another process wrote: it answers "database is locked" at once, without
using the busy timeout. Every write transaction therefore begins ``BEGIN IMMEDIATE`` and
queues for the lock; reading sessions stay deferred and never queue. These tests use real
processes on one real SQLite file (and, for the optimistic lock, PostgreSQL too).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import database
from desktop.core.desk import Desk
from desktop.core.errors import DatabaseBusyError, StaleRecordError

ROOT = Path(__file__).resolve().parents[1]

# One writer process: open the file, say so, wait for the common start, create N datasets through
# the record service, print what went wrong (as counts and the first messages).
WRITER = r"""
import json, sys
from desktop.core.desk import Desk

path, opd_id, n, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
desk = Desk.open(path, user="penulis-" + tag)
print("siap", flush=True)
sys.stdin.readline()  # the common start
errors = []
for i in range(n):
    try:
        desk.datasets.create({"judul": f"Dataset {tag}-{i}", "opd_id": opd_id})
    except Exception as exc:  # counted and reported, never hidden
        errors.append(f"{type(exc).__name__}: {exc}"[:300])
desk.close()
print(json.dumps({"errors": len(errors), "first": errors[:3]}))
"""


@pytest.fixture
def sqlite_file(tmp_path: Path, sqlite_template: Path) -> Path:
    path = tmp_path / "bersama.sqlite3"
    shutil.copyfile(sqlite_template, path)
    return path


def _opd(desk: Desk, kode: str = "2.16.01") -> str:
    return str(desk.opd.create({"kode": kode, "nama": "Dinas Komunikasi dan Informatika"})["id"])


def _run_writers(path: Path, processes: int, each: int) -> list[dict[str, object]]:
    desk = Desk.open(path, user="penguji")
    opd_id = _opd(desk)
    desk.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), opd_id, str(each),
                                  str(n)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
                for n in range(processes)]
    for child in children:  # all opened the file: now all write at once
        assert child.stdout is not None and child.stdout.readline().strip() == "siap"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("mulai\n")
        child.stdin.flush()
    results = []
    for child in children:
        out, err = child.communicate(timeout=240)
        assert child.returncode == 0, err[-2000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _stored(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM dataset").fetchone()[0])


def test_four_processes_creating_at_once_store_every_record(sqlite_file: Path) -> None:
    results = _run_writers(sqlite_file, processes=4, each=100)
    assert [r["errors"] for r in results] == [0, 0, 0, 0], [r["first"] for r in results]
    assert _stored(sqlite_file) == 400


@pytest.mark.slow
def test_four_processes_creating_500_each_store_2000(sqlite_file: Path) -> None:
    """The probe of the hardening issue at full size (417 of 2,000 before the fix)."""
    results = _run_writers(sqlite_file, processes=4, each=500)
    assert [r["errors"] for r in results] == [0, 0, 0, 0], [r["first"] for r in results]
    assert _stored(sqlite_file) == 2000


# ------------------------------------------------------------------ one record, two saves
@pytest.fixture
def two_desks(database_url: str) -> Iterator[tuple[Desk, Desk]]:
    """Two workstations on one database: separate engines, separate connections."""
    first, second = Desk.open(database_url, user="ani"), Desk.open(database_url, user="budi")
    yield first, second
    first.close()
    second.close()


def test_two_simultaneous_saves_of_one_record_the_loser_is_told_it_changed(
        two_desks: tuple[Desk, Desk]) -> None:
    ani, budi = two_desks
    record = ani.datasets.create({"judul": "Jumlah Puskesmas", "opd_id": _opd(ani)})
    version = record["version"]
    ani_saved = threading.Event()
    outcome: dict[str, object] = {}

    def ani_saves() -> None:
        # Ani's save is under way (written, not yet committed) when Budi presses Save
        with ani.db.session() as s:
            ani.datasets.update(record["id"], {"satuan": "unit"}, expected_version=version,
                                session=s)
            ani_saved.set()
            time.sleep(0.5)

    def budi_saves() -> None:
        ani_saved.wait(10)
        try:
            budi.datasets.update(record["id"], {"satuan": "buah"}, expected_version=version)
            outcome["budi"] = "saved"
        except Exception as exc:  # the assertion names whatever it was
            outcome["budi"] = exc

    threads = [threading.Thread(target=ani_saves), threading.Thread(target=budi_saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    loser = outcome["budi"]
    assert isinstance(loser, StaleRecordError), repr(loser)
    assert "telah diubah oleh pengguna lain" in str(loser)
    stored = budi.datasets.get(record["id"])
    assert stored["satuan"] == "unit" and stored["version"] == version + 1


# ------------------------------------------------------------------ waiting, and its limit
def _hold_write_lock(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE sync_setting SET value = value")  # a writer mid-transaction
    return conn


def test_a_save_waits_for_another_processs_write_instead_of_failing(sqlite_file: Path) -> None:
    desk = Desk.open(sqlite_file, user="penguji")
    opd_id = _opd(desk)
    holder = _hold_write_lock(sqlite_file)
    threading.Timer(1.0, holder.commit).start()  # a pull page that takes a second
    started = time.monotonic()
    desk.datasets.create({"judul": "Disimpan saat halaman tarik berjalan", "opd_id": opd_id})
    waited = time.monotonic() - started
    holder.close()
    desk.close()
    assert waited >= 0.8  # it really waited in the busy handler...
    assert _stored(sqlite_file) == 1  # ...and then saved


def test_reading_never_waits_for_a_writer(sqlite_file: Path) -> None:
    desk = Desk.open(sqlite_file, user="penguji")
    desk.datasets.create({"judul": "Sudah ada", "opd_id": _opd(desk)})
    holder = _hold_write_lock(sqlite_file)
    try:
        started = time.monotonic()
        rows = desk.datasets.list().rows
        hits = desk.search("Sudah")
        assert time.monotonic() - started < 1.0
    finally:
        holder.rollback()
        holder.close()
        desk.close()
    assert [r["judul"] for r in rows] == ["Sudah ada"] and hits


def test_a_read_session_refuses_to_write(sqlite_desk: Desk) -> None:
    from desktop.core.models import PerangkatDaerah

    with pytest.raises(RuntimeError), sqlite_desk.db.read_session() as s:
        s.add(PerangkatDaerah(kode="9", nama="Tidak pernah tersimpan"))
        s.flush()
    assert sqlite_desk.opd.count() == 0


@pytest.fixture
def quick_give_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short busy timeout and two attempts, so giving up takes a fraction of a second."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 150)
    monkeypatch.setattr(database, "BEGIN_ATTEMPTS", 2)


def test_a_write_lock_held_too_long_gives_a_clear_message_and_saves_nothing(
        sqlite_file: Path, quick_give_up: None) -> None:
    desk = Desk.open(sqlite_file, user="penguji")
    opd_id = _opd(desk)
    holder = _hold_write_lock(sqlite_file)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusyError) as caught:
            desk.datasets.create({"judul": "Tidak tersimpan", "opd_id": opd_id})
        assert time.monotonic() - started >= 0.25  # both attempts waited
    finally:
        holder.rollback()
        holder.close()
    message = str(caught.value)
    assert message.startswith("Basis data sedang dipakai proses lain")
    assert "SQL" not in message and "INSERT" not in message and "sqlite3" not in message
    desk.datasets.create({"judul": "Tersimpan setelah bebas", "opd_id": opd_id})  # usable
    desk.close()
    assert _stored(sqlite_file) == 1


def test_the_cli_says_the_database_is_busy_in_one_line(
        sqlite_file: Path, quick_give_up: None, capsys: pytest.CaptureFixture[str]) -> None:
    holder = _hold_write_lock(sqlite_file)
    try:
        code = main(["--database", str(sqlite_file), "demo"])
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Basis data sedang dipakai proses lain" in err
    assert "SQL" not in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow  # four interpreters starting: ~10 s on a loaded machine
def test_four_cli_imports_at_once_all_succeed_quietly(sqlite_file: Path, tmp_path: Path) -> None:
    """Three of four such imports ended with exit 70 and raw SQL before."""
    files = []
    for k in range(4):
        path = tmp_path / f"opd{k}.csv"
        rows = "".join(f"{k}.{i},Dinas {k} nomor {i}\n" for i in range(50))
        path.write_text("Kode,Nama\n" + rows, encoding="utf-8")
        files.append(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [subprocess.Popen([sys.executable, "-m", "desktop", "--database", str(sqlite_file),
                                  "import", "opd", str(path)], cwd=ROOT, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for path in files]
    outcomes = [(child.wait(timeout=120), *child.communicate()) for child in children]
    assert [code for code, _out, _err in outcomes] == [0, 0, 0, 0], outcomes
    assert all(err == "" for _code, _out, err in outcomes), outcomes
    with sqlite3.connect(sqlite_file) as conn:
        assert conn.execute("SELECT count(*) FROM perangkat_daerah").fetchone()[0] == 200
