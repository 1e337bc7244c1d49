"""Backups: consistent while writing, restore brings back the exact records, daily ones
rotate, and what is not a backup is refused without touching the live database."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.backups import (
    backup_now,
    check_backup_file,
    daily_backup,
    list_backups,
    restore,
)
from desktop.core.desk import Desk
from desktop.core.errors import DeskError


def _opd(desk: Desk, n: int) -> dict:
    return desk.opd.create({"kode": f"9.{n:04d}", "nama": f"Dinas Uji {n}", "jenis": "dinas"})


def _state(desk: Desk) -> list[tuple]:
    return sorted((r["kode"], r["nama"], r["version"]) for r in desk.opd.list().rows)


def test_a_backup_taken_while_another_connection_writes_is_a_valid_database(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    for n in range(50):
        _opd(sqlite_desk, n)
    writer = Desk.open(sqlite_desk.db.sqlite_path, user="penulis")
    stop = threading.Event()
    written: list[int] = []

    def keep_writing() -> None:
        n = 1000
        while not stop.is_set():
            _opd(writer, n)
            written.append(n)
            n += 1

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        while len(written) < 20:
            threading.Event().wait(0.01)
        copies = [backup_now(sqlite_desk, tmp_path / "cadangan") for _ in range(3)]
    finally:
        stop.set()
        thread.join()
        writer.close()
    for copy in copies:
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            count = conn.execute("SELECT count(*) FROM perangkat_daerah").fetchone()[0]
        finally:
            conn.close()
        assert 50 + 20 <= count <= 50 + len(written)  # every committed row of that moment
    assert [b.path for b in list_backups(tmp_path / "cadangan")] == sorted(copies,
                                                                           reverse=True)


def test_restore_brings_back_the_exact_records_and_keeps_a_safety_copy(
        desk: Desk, database_url: str, tmp_path: Path) -> None:
    for n in range(5):
        _opd(desk, n)
    before = _state(desk)
    backup = backup_now(desk, tmp_path / "cadangan #1 (Budi Santoso)")  # as on Windows
    first = desk.opd.list().rows[0]
    desk.opd.update(first["id"], {"nama": "Sudah diubah"}, expected_version=first["version"])
    desk.opd.delete(desk.opd.list().rows[1]["id"])
    _opd(desk, 99)
    changed = _state(desk)
    assert changed != before
    safety = restore(desk, backup, tmp_path / "cadangan")
    again = Desk.open(database_url, user="penguji")
    try:
        assert _state(again) == before
        history = again.opd.history(first["id"])
        assert [h["aksi"] for h in history] == ["create"]  # the audit log is the backup's too
    finally:
        again.close()
    assert safety.exists() and safety != backup
    restore(Desk.open(database_url), safety, tmp_path / "cadangan")  # and back again
    undone = Desk.open(database_url)
    try:
        assert _state(undone) == changed
    finally:
        undone.close()


def test_what_is_not_a_backup_is_refused_and_nothing_changes(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    _opd(sqlite_desk, 1)
    before = _state(sqlite_desk)
    page = tmp_path / "bukan.sqlite3"
    page.write_text("<html>500</html>")
    with pytest.raises(DeskError, match="bukan cadangan basis data"):
        restore(sqlite_desk, page, tmp_path / "cadangan")
    foreign = tmp_path / "lain.sqlite3"
    sqlite3.connect(foreign).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(DeskError, match="bukan cadangan basis data"):
        restore(sqlite_desk, foreign, tmp_path / "cadangan")
    newer = tmp_path / "baru.sqlite3"
    shutil.copyfile(backup_now(sqlite_desk, tmp_path / "x"), newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_dari_masa_depan'")
    conn.commit()
    conn.close()
    with pytest.raises(DeskError, match="versi Diskominfo Desk yang lebih baru"):
        restore(sqlite_desk, newer, tmp_path / "cadangan")
    with pytest.raises(DeskError, match="tidak ditemukan"):
        check_backup_file(tmp_path / "hilang.sqlite3", "sqlite")
    assert _state(sqlite_desk) == before
    assert not (tmp_path / "cadangan").exists()  # refused before any safety copy


def test_daily_backup_once_a_day_and_only_the_newest_are_kept(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "cadangan"
    manual = backup_now(sqlite_desk, folder)
    start = datetime.now()
    made = []
    for day in range(5):
        when = start + timedelta(days=day)
        path = daily_backup(sqlite_desk, keep=3, folder=folder, today=when)
        assert path is not None and when.strftime("%Y%m%d") in path.name
        made.append(path)
        assert daily_backup(sqlite_desk, keep=3, folder=folder, today=when) is None
    daily = [b.path for b in list_backups(folder) if b.automatic]
    assert daily == list(reversed(made[-3:]))
    assert manual.exists()  # retention never removes a backup someone made on purpose


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_backups_are_custom_dumps_and_other_files_are_refused(
        desk: Desk, tmp_path: Path) -> None:
    _opd(desk, 1)
    dump = backup_now(desk, tmp_path)
    assert dump.suffix == ".dump" and dump.read_bytes()[:5] == b"PGDMP"
    script = tmp_path / "x.dump"
    script.write_text("DROP TABLE perangkat_daerah;")
    with pytest.raises(DeskError, match="bukan cadangan PostgreSQL"):
        restore(desk, script, tmp_path)
    assert desk.opd.count() == 1


def test_cli_backup_then_restore(database_url: str, tmp_path: Path, capsys) -> None:
    from desktop.cli import main

    base = ["--database", database_url, "--user", "cli"]
    desk = Desk.open(database_url)
    _opd(desk, 7)
    desk.close()
    assert main([*base, "backup", str(tmp_path / "cadangan")]) == 0
    written = Path(capsys.readouterr().out.split("Cadangan ditulis: ", 1)[1].strip())
    assert written.is_file()
    desk = Desk.open(database_url)
    _opd(desk, 8)
    desk.close()
    assert main([*base, "restore", str(written)]) == 0
    assert "Basis data sebelumnya dicadangkan ke" in capsys.readouterr().out
    desk = Desk.open(database_url)
    try:
        assert [r["kode"] for r in desk.opd.list().rows] == ["9.0007"]
    finally:
        desk.close()
    assert main([*base, "restore", str(tmp_path / "tidak-ada.sqlite3")]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
