"""Damage is found early and reported well: an empty file is refused, not re-created;
zeroed or missing pages are refused at open with the newest backup named; where the
check at open is skipped (large files), a later "malformed" error reads the same, a
backup of a damaged file leaves no half copy, and the CLI says one line with exit 1."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core import sqlite_health
from desktop.core.backups import backup_now, default_folder
from desktop.core.dashboard import compute
from desktop.core.database import open_database
from desktop.core.demo import load_demo
from desktop.core.desk import Desk
from desktop.core.errors import DatabaseDamagedError, DatabaseOpenError
from desktop.core.services import ListQuery

PAGE = 4096


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(sqlite_template, path)
    desk = Desk.open(path, user="penguji")
    load_demo(desk)
    desk.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")  # one file to damage, no WAL beside it
    conn.close()
    return path


def _copy(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "diskominfo-desk.sqlite3"
    shutil.copyfile(demo_file, path)
    return path


def _zero_middle(path: Path, pages: int = 4) -> None:
    data = bytearray(path.read_bytes())
    middle = (len(data) // PAGE // 2) * PAGE
    data[middle:middle + pages * PAGE] = bytes(pages * PAGE)
    path.write_bytes(bytes(data))


def test_an_empty_file_is_refused_not_recreated(tmp_path: Path) -> None:
    path = tmp_path / "kosong.sqlite3"
    path.touch()
    with pytest.raises(DatabaseOpenError, match="kosong"):
        open_database(path)
    assert path.stat().st_size == 0
    assert [p.name for p in tmp_path.iterdir()] == ["kosong.sqlite3"]


def test_zeroed_pages_are_refused_at_open_naming_the_newest_backup(
        demo_file: Path, tmp_path: Path) -> None:
    path = _copy(demo_file, tmp_path)
    desk = Desk.open(path, user="penguji")
    backup = backup_now(desk)  # the user's backups folder (isolated per test)
    desk.close()
    _zero_middle(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseDamagedError) as refused:
        open_database(path)
    message = str(refused.value)
    assert "rusak" in message and str(backup) in message and "\n" not in message
    assert path.read_bytes() == before
    assert backup.parent == default_folder()


def test_a_truncated_file_is_refused_at_open(demo_file: Path, tmp_path: Path) -> None:
    path = _copy(demo_file, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 8 * PAGE])
    with pytest.raises(DatabaseDamagedError, match="hilang"):
        open_database(path)


def test_damage_past_the_check_at_open_reads_as_damage_not_sql(
        demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(demo_file, tmp_path)
    _zero_middle(path, pages=12)
    monkeypatch.setattr(sqlite_health, "QUICK_CHECK_MAX_BYTES", 0)  # as for a large file
    desk = Desk.open(path, user="penguji")
    try:
        with pytest.raises(DatabaseDamagedError) as found:
            for kind in (desk.datasets, desk.apps, desk.visits, desk.agreements, desk.opd):
                kind.list(ListQuery(limit=100_000))
                kind.search("a") if hasattr(kind, "search") else None
            compute(desk)
        message = str(found.value)
        assert "rusak" in message and "SELECT" not in message and "\n" not in message
        with pytest.raises(DatabaseDamagedError):
            backup_now(desk, tmp_path / "cadangan")
        assert not list((tmp_path / "cadangan").glob("*.part*"))
        assert not list((tmp_path / "cadangan").glob("*.sqlite3"))
    finally:
        desk.close()


def test_cli_on_a_damaged_file_says_one_line_and_exits_1(
        demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    path = _copy(demo_file, tmp_path)
    _zero_middle(path)
    for command in (["dashboard"], ["list", "datasets"], ["backup"]):
        assert main(["--database", str(path), *command]) == 1
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and "rusak" in err, err
