"""Find a damaged SQLite file early, and say so in words that lead to the backup.

A file with zeroed pages in the middle still opens, and the damage surfaced much later
as a multi-line SQL error in whatever touched those pages (the Beranda, a backup that
left a 170 MB ``.part``). So at open: a 0-byte file is refused (it is not a register,
and quietly turning it into an empty one hides the loss), the header and the page count
it declares are checked against the file, and ``PRAGMA quick_check`` runs where it is
cheap (files up to ``QUICK_CHECK_MAX_BYTES``; a larger file gets the header check, and
any later "malformed" error is turned into the same message by ``desktop.core.database``).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.core.errors import DatabaseDamagedError, DatabaseOpenError
from desktop.core.i18n import t
from desktop.core.sqlite_uri import sqlite_uri

HEADER = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024  # ~0.1-0.3 s of quick_check on a laptop
DAMAGE_WORDS = ("malformed", "disk image", "corrupt")  # "not a database": not ours at all


def is_damage(error: BaseException | None) -> bool:
    """An error SQLite raises for a damaged file (not for a busy or missing one)."""
    return isinstance(error, sqlite3.DatabaseError) and any(
        word in str(error) for word in DAMAGE_WORDS)


def newest_backup(path: Path) -> Path | None:
    """The newest backup this application made of a register (its backups folder, or the
    copies made beside the file before an upgrade)."""
    from desktop.core.backup_files import default_folder, list_backups

    found = [b.path for b in list_backups(default_folder())]
    found += sorted(path.parent.glob(f"{path.stem}.sebelum-upgrade-*{path.suffix}"),
                    reverse=True)
    return found[0] if found else None


def _first_finding(detail: str) -> str:
    """One line of SQLite's report (quick_check lists pages, one per line)."""
    lines = [line.strip() for line in detail.splitlines()
             if line.strip() and not line.strip().startswith("***")]
    return (lines[0] if lines else detail.strip())[:160]


def damaged_message(path: Path, detail: str) -> str:
    backup = newest_backup(path)
    detail = _first_finding(detail)
    if backup is not None:
        return t("Berkas basis data {path} rusak ({detail}). Tutup aplikasi, lalu pulihkan "
                 "cadangan terbaru: {backup} (diskominfo-desk restore \"{backup}\").",
                 path=path, detail=detail, backup=backup)
    return t("Berkas basis data {path} rusak ({detail}), dan belum ada cadangannya. Jangan "
             "menulis ke berkas ini; salin berkasnya dan minta bantuan bagian TI.",
             path=path, detail=detail)


def check_sqlite_file(path: Path) -> None:
    """Refuse an existing file that is empty or visibly damaged; a missing one is fine
    (it is created)."""
    if not path.exists():
        return
    size = path.stat().st_size
    if size == 0:
        raise DatabaseOpenError(t(
            "Berkas basis data {path} kosong (0 byte): isinya hilang, misalnya karena listrik "
            "padam saat menyalin. Tidak dibuat ulang. Pulihkan cadangan, atau hapus berkas "
            "itu bila memang ingin memulai register baru.", path=path))
    with path.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(HEADER):
        return  # not SQLite at all: the open that follows names it as such
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the declared page count is current
    wal = path.with_name(path.name + "-wal")
    if valid and pages and page_size and pages * page_size > size and not (
            wal.exists() and wal.stat().st_size):
        raise DatabaseDamagedError(damaged_message(
            path, t("{missing} byte terakhir hilang", missing=pages * page_size - size)))
    if size <= QUICK_CHECK_MAX_BYTES:
        quick_check(path)


def quick_check(path: Path) -> None:
    """``PRAGMA quick_check`` on a read-only connection (nothing written, WAL honoured)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, read_only=True), uri=True)
    except sqlite3.Error:
        return  # unreadable: the open that follows says why
    try:
        rows = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise DatabaseDamagedError(damaged_message(path, str(exc))) from exc
        return
    finally:
        conn.close()
    if rows != ["ok"]:
        raise DatabaseDamagedError(damaged_message(path, "; ".join(rows[:2])))
