"""Backups carry berkas: a signed PKS scan (a real PDF) attached, backed up, deleted,
restored, identical byte for byte, on SQLite (backup API) and PostgreSQL (pg_dump /
pg_restore); the SQLite backup check and restore handle 25 MB of BLOBs, and a backup
whose berkas tables were tampered with is refused like any other."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from desktop.core import attachments
from desktop.core.backup_check import check_sqlite_backup
from desktop.core.backups import backup_now, restore
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, NotFoundError
from desktop.core.migrate import HEAD_REVISION, known_revisions
from tests.test_attachments import tiny_pdf

MIB = 1024 * 1024


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_signed_pks_scan_survives_backup_delete_restore(database_url: str,
                                                          tmp_path: Path) -> None:
    if database_url.startswith("postgresql") and not _pg_tools_found():
        pytest.skip("pg_dump not found")
    scan = tiny_pdf(tmp_path / "PKS-012-2026 bertanda tangan.pdf", "PKS Nomor 012/2026")
    photo = tmp_path / "penandatanganan.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(6 * MIB + 7))  # several chunks
    with Desk.open(database_url, user="sekretariat") as desk:
        pks = desk.agreements.create({"judul": "PKS Pemanfaatan Data Kependudukan"})["id"]
        signed = attachments.add(desk, "agreements", pks, scan)
        second = attachments.add(desk, "agreements", pks, photo)
        backup = backup_now(desk, tmp_path / "cadangan")
        attachments.delete(desk, signed.id)
        attachments.delete(desk, second.id)
        with pytest.raises(NotFoundError):
            attachments.read_bytes(desk, signed.id)
        restore(desk, backup, tmp_path / "cadangan")
    with Desk.open(database_url) as desk:
        files = {f.id: f for f in attachments.list_for(desk, "agreements", pks)}
        assert set(files) == {signed.id, second.id}
        back = attachments.read_to(desk, signed.id, tmp_path / "kembali.pdf")
        assert sha(back.read_bytes()) == sha(scan.read_bytes()) == files[signed.id].sha256
        assert back.read_bytes().startswith(b"%PDF-")
        assert sha(attachments.read_bytes(desk, second.id)) == sha(photo.read_bytes())
        assert files[signed.id].pengguna == "sekretariat"


def _pg_tools_found() -> bool:
    from desktop.core.pg_tools import find_pg_tool

    try:
        find_pg_tool("pg_dump")
    except DeskError:
        return False
    return True


def test_sqlite_backup_check_and_restore_handle_25_mb_of_blobs(sqlite_desk: Desk,
                                                               tmp_path: Path) -> None:
    pks = sqlite_desk.agreements.create({"judul": "PKS Berkas Besar"})["id"]
    big = tmp_path / "pindaian besar.pdf"
    big.write_bytes(b"%PDF-1.7\n" + os.urandom(25 * MIB - 9))  # exactly the limit
    info = attachments.add(sqlite_desk, "agreements", pks, big)
    assert info.ukuran == 25 * MIB
    backup = backup_now(sqlite_desk, tmp_path / "cadangan")
    assert backup.stat().st_size > 25 * MIB
    assert check_sqlite_backup(backup, known_revisions()) == HEAD_REVISION
    attachments.delete(sqlite_desk, info.id)
    live = sqlite_desk.db.sqlite_path
    restore(sqlite_desk, backup, tmp_path / "cadangan")
    with Desk.open(live) as desk:
        assert sha(attachments.read_bytes(desk, info.id)) == sha(big.read_bytes())


def test_a_backup_with_a_planted_trigger_on_the_berkas_tables_is_refused(
        sqlite_desk: Desk, tmp_path: Path) -> None:
    pks = sqlite_desk.agreements.create({"judul": "PKS Asli"})["id"]
    info = attachments.add(sqlite_desk, "agreements", pks, tiny_pdf(tmp_path / "asli.pdf"))
    backup = backup_now(sqlite_desk, tmp_path / "cadangan")
    conn = sqlite3.connect(backup)
    conn.execute("CREATE TRIGGER ganti AFTER INSERT ON berkas_potongan BEGIN "
                 "UPDATE berkas_potongan SET data = x'00' WHERE rowid = NEW.rowid; END")
    conn.commit()
    conn.close()
    with pytest.raises(DeskError, match="trigger ganti"):
        restore(sqlite_desk, backup, tmp_path / "cadangan")
    assert sha(attachments.read_bytes(sqlite_desk, info.id)) == info.sha256


def test_after_a_postgresql_restore_the_people_still_reach_the_files(
        postgres_database: str, tmp_path: Path) -> None:
    """pg_restore runs without the dump's grants: the roles' access must come back."""
    if not _pg_tools_found():
        pytest.skip("pg_dump not found")
    from pg_logins import logins, unique_login, url_as
    from sqlalchemy import create_engine, text

    scan = tiny_pdf(tmp_path / "PKS.pdf")
    with logins(postgres_database) as made:
        login = unique_login("kerjasama")
        made.append(login)
        engine = create_engine(postgres_database, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD 'sandi-uji' "
                              "IN ROLE desk_kerjasama"))
        engine.dispose()
        with Desk.open(url_as(postgres_database, login)) as desk:
            pks = desk.agreements.create({"judul": "PKS sebelum pemulihan"})["id"]
            signed = attachments.add(desk, "agreements", pks, scan)
        with Desk.open(postgres_database) as admin:
            backup = backup_now(admin, tmp_path / "cadangan")
            restore(admin, backup, tmp_path / "cadangan")
        with Desk.open(url_as(postgres_database, login)) as desk:
            assert attachments.read_bytes(desk, signed.id) == scan.read_bytes()
            second = attachments.add(desk, "agreements", pks, scan)
            assert second.pengguna == login
