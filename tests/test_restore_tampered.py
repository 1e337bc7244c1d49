"""Restore trusts nothing in a SQLite backup: each tampered file is refused before the live
database is touched (its bytes unchanged, no safety copy taken), and an intact backup of
an older schema revision is still accepted."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from desktop.core.backup_check import check_sqlite_backup, reference_schema
from desktop.core.backups import backup_now, restore
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import set_language
from desktop.core.migrate import HEAD_REVISION, alembic_config, known_revisions


def _fingerprint(desk: Desk) -> tuple[str, list[tuple]]:
    """The live file's bytes (after a checkpoint, so the WAL is empty) and its rows."""
    path = desk.db.sqlite_path
    assert path is not None
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    rows = sorted((r["kode"], r["nama"], r["version"]) for r in desk.opd.list().rows)
    return hashlib.sha256(path.read_bytes()).hexdigest(), rows


def _good_backup(desk: Desk, tmp_path: Path) -> Path:
    for n in range(3):
        desk.opd.create({"kode": f"9.{n:04d}", "nama": f"Dinas Uji {n}", "jenis": "dinas"})
    made = backup_now(desk, tmp_path / "dibuat")
    copy = tmp_path / "cadangan.sqlite3"
    shutil.copyfile(made, copy)
    return copy


def _execute(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _extra_trigger(path: Path) -> None:
    _execute(path, "CREATE TRIGGER pwned AFTER INSERT ON perangkat_daerah BEGIN "
                   "UPDATE dataset SET judul = 'PWNED'; END")


def _extra_view(path: Path) -> None:
    _execute(path, "CREATE VIEW semua AS SELECT * FROM perangkat_daerah")


def _extra_table(path: Path) -> None:
    _execute(path, "CREATE TABLE catatan_lain (isi TEXT)")


def _missing_table(path: Path) -> None:
    _execute(path, "DROP TABLE sync_conflict")


def _changed_column(path: Path) -> None:
    _execute(path, "ALTER TABLE perangkat_daerah ADD COLUMN rahasia TEXT")


def _mislabelled(path: Path) -> None:
    _execute(path, "UPDATE alembic_version SET version_num = '0003'")


def _two_versions(path: Path) -> None:
    _execute(path, "INSERT INTO alembic_version VALUES ('0002')")


def _zeroed_tail(path: Path) -> None:
    _execute(path, "CREATE TABLE IF NOT EXISTS x_pad (a)", "DROP TABLE x_pad")
    data = bytearray(path.read_bytes())
    cut = min(64 * 1024, len(data) // 2)
    data[-cut:] = bytes(cut)
    path.write_bytes(bytes(data))


def _zeroed_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle:middle + 3 * page] = bytes(3 * page)
    path.write_bytes(bytes(data))


TAMPERED: dict[str, tuple[Callable[[Path], None], str]] = {
    "extra trigger": (_extra_trigger, "trigger pwned"),
    "extra view": (_extra_view, "view semua"),
    "extra table": (_extra_table, "table catatan_lain"),
    "missing table": (_missing_table, "table sync_conflict"),
    "changed column": (_changed_column, "table perangkat_daerah"),
    "mislabelled revision": (_mislabelled, "0003"),
    "two revisions": (_two_versions, "bukan cadangan"),
    "zeroed tail": (_zeroed_tail, "rusak"),
    "zeroed pages in the middle": (_zeroed_middle, "rusak"),
}


@pytest.mark.parametrize("case", sorted(TAMPERED))
def test_a_tampered_backup_is_refused_and_the_live_database_is_byte_identical(
        sqlite_desk: Desk, tmp_path: Path, case: str) -> None:
    tamper, says = TAMPERED[case]
    backup = _good_backup(sqlite_desk, tmp_path)
    tamper(backup)
    before = _fingerprint(sqlite_desk)
    with pytest.raises(DeskError) as refused:
        restore(sqlite_desk, backup, tmp_path / "pengaman")
    assert says in str(refused.value)
    assert "cadangan.sqlite3" in str(refused.value)
    assert _fingerprint(sqlite_desk) == before
    assert not (tmp_path / "pengaman").exists()  # refused before the safety backup
    assert not list(sqlite_desk.db.sqlite_path.parent.glob(".restore-*"))  # type: ignore[union-attr]


def test_a_foreign_schema_labelled_with_our_revision_is_refused(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    foreign = tmp_path / "asing.sqlite3"
    _execute(foreign, "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)",
             "INSERT INTO alembic_version VALUES ('0004')", "CREATE TABLE dataset (judul TEXT)")
    before = _fingerprint(sqlite_desk)
    with pytest.raises(DeskError, match="tidak sama dengan skema"):
        restore(sqlite_desk, foreign, tmp_path / "pengaman")
    assert _fingerprint(sqlite_desk) == before


def test_an_intact_backup_restores_and_the_refusal_reads_in_english(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    backup = _good_backup(sqlite_desk, tmp_path)
    assert check_sqlite_backup(backup, known_revisions()) == HEAD_REVISION
    _extra_trigger(backup)
    set_language("en")
    with pytest.raises(DeskError, match="does not match the schema"):
        restore(sqlite_desk, backup, tmp_path / "pengaman")
    set_language("id")


def test_an_intact_backup_of_an_older_revision_is_accepted(tmp_path: Path) -> None:
    from alembic import command

    older = tmp_path / "lama.sqlite3"
    engine = create_engine(f"sqlite:///{older}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
    engine.dispose()
    assert check_sqlite_backup(older, known_revisions()) == "0003"
    assert reference_schema("0003") != reference_schema(HEAD_REVISION)


def test_restoring_a_verified_backup_brings_back_its_records(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    backup = _good_backup(sqlite_desk, tmp_path)
    sqlite_desk.opd.create({"kode": "9.9999", "nama": "Sesudah Cadangan", "jenis": "dinas"})
    live = sqlite_desk.db.sqlite_path
    assert live is not None
    safety = restore(sqlite_desk, backup, tmp_path / "pengaman")
    assert safety.exists()
    reopened = Desk.open(live, user="penguji")
    try:
        names = sorted(r["nama"] for r in reopened.opd.list().rows)
    finally:
        reopened.close()
    assert names == ["Dinas Uji 0", "Dinas Uji 1", "Dinas Uji 2"]


def test_leftovers_of_killed_backups_and_restores_are_cleaned_on_the_next_backup(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    import os
    import time

    folder = tmp_path / "cadangan"
    folder.mkdir()
    live = sqlite_desk.db.sqlite_path
    assert live is not None
    old = [folder / "diskominfo-desk-20261201-101010.sqlite3.part",
           folder / "diskominfo-desk-20261201-101010.sqlite3.part-journal",
           folder / "diskominfo-desk-harian-20261201-090000.dump.part",
           live.parent / ".restore-abcd1234.sqlite3",
           live.parent / ".restore-abcd1234.sqlite3-wal"]
    fresh = folder / "diskominfo-desk-20261204-101010.sqlite3.part"  # being written now
    mine = folder / "catatan.part"  # not ours: never touched
    for path in [*old, fresh, mine]:
        path.write_bytes(b"x" * 10)
    hour_ago = time.time() - 3600
    for path in [*old, mine]:
        os.utime(path, (hour_ago, hour_ago))
    made = backup_now(sqlite_desk, folder)
    assert made.exists()
    assert [p for p in old if p.exists()] == []
    assert fresh.exists() and mine.exists()
