"""The start-up's plain-sqlite3 reading of the Beranda gives exactly the figures of
``compute`` (any day, any expiry window, deleted and overdue records included), never
writes, reads no other schema, and loads no database layer."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from conftest import clone_demo

from desktop.core.dashboard import compute
from desktop.core.dashboard_board import BOARD_KINDS, Dashboard
from desktop.core.dashboard_quick import PLAN_FILE, quick_board
from desktop.core.dashboard_sql import plan
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.resources import resource_path

DAYS = [date(2026, 12, 6), date(2026, 2, 28), date(2028, 2, 29), date(2031, 1, 1),
        date(2019, 6, 30)]


@pytest.fixture
def demo_file(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path]:
    for url in clone_demo(request, "sqlite", tmp_path):
        yield Path(url)


def _computed(path: Path, today: date, expiry_days: int = 90) -> Dashboard:
    desk = Desk.open(path, user="penguji")
    try:
        return compute(desk, today, expiry_days=expiry_days)
    finally:
        desk.close()


def _same(quick: Dashboard | None, computed: Dashboard) -> None:
    assert quick is not None
    assert set(BOARD_KINDS) <= quick.readable  # the one user of a SQLite file reads all
    assert replace(quick, readable=computed.readable) == computed
    assert quick.tiles() == computed.tiles() and quick.charts() == computed.charts()
    assert quick.summary() == computed.summary()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_compiled_queries_are_those_of_the_dashboard() -> None:
    stored = json.loads(resource_path(*PLAN_FILE).read_text(encoding="utf-8"))
    assert stored == plan(), "run: python -m desktop.core.dashboard_sql"


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_quick_reading_gives_the_figures_of_compute(demo_file: Path, today: date) -> None:
    computed = _computed(demo_file, today)
    assert sum(computed.datasets_by_sifat.values()) > 0  # the demo has something to count
    _same(quick_board(demo_file, today), computed)


@pytest.mark.parametrize("expiry_days", [7, 90, 400])
def test_the_expiry_window_is_the_one_asked_for(demo_file: Path, expiry_days: int) -> None:
    today = date(2026, 12, 6)
    computed = _computed(demo_file, today, expiry_days)
    quick = quick_board(demo_file, today, expiry_days)
    _same(quick, computed)
    assert quick is not None and quick.expiry_days == expiry_days


def test_deleted_records_and_overdue_follow_ups_count_alike(demo_file: Path) -> None:
    today = date(2026, 12, 6)
    desk = Desk.open(demo_file, user="penguji")
    try:
        for service in (desk.apps, desk.datasets, desk.visits, desk.agreements):
            deleted = 0
            for record_id in service.ids():
                with contextlib.suppress(DeskError):  # still used by another record
                    service.delete(record_id)
                    deleted += 1
                if deleted == 3:
                    break
            assert deleted == 3
        desk.visits.create({"arah": "masuk", "tanggal_mulai": "2026-10-01",
                            "instansi": "Diskominfo <Kota> & \"Kab\"", "region_kode": "35.10",
                            "tindak_lanjut": [{"uraian": "Kirim naskah KB",
                                               "tenggat": "2026-11-01", "status": "belum"}]})
        computed = compute(desk, today)
    finally:
        desk.close()
    assert computed.follow_ups_overdue > 0 and computed.visits_by_province
    _same(quick_board(demo_file, today), computed)


def test_an_empty_register_reads_as_zeros(tmp_path: Path) -> None:
    path = tmp_path / "kosong.sqlite3"
    Desk.open(path, user="penguji").close()
    _same(quick_board(path, date(2026, 12, 6)), _computed(path, date(2026, 12, 6)))


def test_nothing_is_written_to_the_register(demo_file: Path) -> None:
    """Read-only: the file stays as it was; a WAL register gets only SQLite's own empty
    -wal and -shm beside it, as any reader's opening gives it."""
    Desk.open(demo_file, user="penguji").close()  # as a start finds it: closed, WAL on
    before = _digest(demo_file)
    assert quick_board(demo_file, date(2026, 12, 6)) is not None
    assert _digest(demo_file) == before
    beside = {p.name for p in demo_file.parent.iterdir()} - {demo_file.name}
    assert beside <= {"demo.sqlite3-wal", "demo.sqlite3-shm"}
    wal = demo_file.with_name("demo.sqlite3-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_another_schema_a_missing_or_damaged_file_is_not_read(demo_file: Path,
                                                              tmp_path: Path) -> None:
    today = date(2026, 12, 6)
    assert quick_board(tmp_path / "tidak-ada.sqlite3", today) is None
    assert not (tmp_path / "tidak-ada.sqlite3").exists()  # not created either
    junk = tmp_path / "rusak.sqlite3"
    junk.write_bytes(b"<html>bukan basis data</html>" * 200)
    assert quick_board(junk, today) is None
    with sqlite3.connect(demo_file) as conn:  # a register an older program left
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
    conn.close()
    assert quick_board(demo_file, today) is None


def test_the_quick_reading_loads_no_database_layer(demo_file: Path) -> None:
    probe = ("import sys; from datetime import date; from pathlib import Path; "
             "from desktop.core.dashboard_quick import quick_board; "
             f"board = quick_board(Path({str(demo_file)!r}), date(2026, 12, 6)); "
             "assert board is not None and sum(board.datasets_by_sifat.values()) > 0; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('sqlalchemy', 'alembic', 'psycopg')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "[]"
