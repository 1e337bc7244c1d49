"""A SQLite register on a network (shared) folder uses the rollback journal, not WAL.

The detection is given the answers a Windows machine (drive type of ``Z:``) or a Linux
mount table would give; the database tests open a real SQLite file whose folder the
mount table says is a CIFS share.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import network_share
from desktop.core.database import open_database
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.core.network_share import DRIVE_REMOTE, is_network_path

DRIVE_FIXED = 3


def drives(remote: str) -> network_share.DriveType:
    """A GetDriveTypeW stand-in: the given letters are network drives, others fixed."""
    return lambda root: DRIVE_REMOTE if root[0] in remote else DRIVE_FIXED


@pytest.mark.parametrize(("path", "expected"), [
    (r"\\fileserver\data\desk.sqlite3", True),
    ("//fileserver/data/desk.sqlite3", True),
    (r"\\?\UNC\fileserver\data\desk.sqlite3", True),
    (r"Z:\Diskominfo\desk.sqlite3", True),
    (r"z:\Diskominfo\desk.sqlite3", True),
    (r"C:\Users\budi\AppData\Local\diskominfo-desk\desk.sqlite3", False),
    (r"\\?\C:\Users\budi\desk.sqlite3", False),
    (r"\\?\Z:\Diskominfo\desk.sqlite3", True),
    ("desk.sqlite3", False),
])
def test_windows_unc_and_mapped_drives(path: str, expected: bool) -> None:
    assert is_network_path(path, platform="win32", drive_type=drives("Z")) is expected


def test_windows_drive_lookup_failing_counts_as_local() -> None:
    def broken(_root: str) -> int:
        raise OSError("no such drive")

    assert is_network_path(r"Q:\desk.sqlite3", platform="win32", drive_type=broken) is False


MOUNTS = [("/", "ext4"), ("/mnt/kantor", "cifs"), ("/mnt/kantor/lokal", "ext4"),
          ("/srv/nfs", "nfs4"), ("/home/budi/sshfs", "fuse.sshfs"), ("/mnt/kantor 2", "smb3")]


ON_LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"),
                              reason="Linux paths and /proc/mounts")


@ON_LINUX
@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/kantor/desk.sqlite3", True),
    ("/mnt/kantor/lokal/desk.sqlite3", False),  # a local disk mounted inside the share
    ("/mnt/kantorku/desk.sqlite3", False),  # a prefix of the name is not the mount
    ("/srv/nfs/a/b.sqlite3", True),
    ("/home/budi/sshfs/desk.sqlite3", True),
    ("/mnt/kantor 2/desk.sqlite3", True),
    ("/home/budi/desk.sqlite3", False),
])
def test_linux_mount_table(path: str, expected: bool) -> None:
    assert is_network_path(path, platform="linux", mounts=lambda: MOUNTS) is expected


@ON_LINUX
def test_proc_mounts_escapes_are_read(tmp_path: Path) -> None:
    """The real table of this machine parses; ``/`` is always in it."""
    table = network_share.linux_mounts()
    assert any(point == "/" for point, _ in table)


def test_other_platforms_are_local() -> None:
    assert is_network_path("/Volumes/kantor/desk.sqlite3", platform="darwin") is False


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/share`` as this machine's mount table would show a CIFS share."""
    folder = tmp_path / "share"
    folder.mkdir()
    real = network_share.linux_mounts()
    monkeypatch.setattr(network_share, "linux_mounts",
                        lambda: [*real, (str(folder.resolve()), "cifs")])
    monkeypatch.setattr(network_share, "this_platform", lambda: "linux")
    return folder


def _journal_mode(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_database_on_a_share_uses_delete_journal_and_works(share: Path) -> None:
    path = share / "desk.sqlite3"
    desk = Desk.open(path, user="penguji")
    try:
        assert desk.db.sqlite_notice is not None and "PostgreSQL" in desk.db.sqlite_notice
        with desk.db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Kominfo"})
        assert desk.opd.get(opd["id"])["nama"] == "Dinas Kominfo"
    finally:
        desk.close()
    assert _journal_mode(path) == "delete"
    assert not path.with_name(path.name + "-wal").exists()
    again = Desk.open(path, user="penguji")  # reopened: same mode, the record is there
    try:
        assert [row["nama"] for row in again.opd.list().rows] == ["Dinas Kominfo"]
    finally:
        again.close()


def test_a_wal_file_moved_onto_the_share_is_switched_to_delete(tmp_path: Path,
                                                               share: Path) -> None:
    local = tmp_path / "lokal.sqlite3"
    open_database(local).dispose()
    assert _journal_mode(local) == "wal"
    moved = share / "lokal.sqlite3"
    local.rename(moved)
    db = open_database(moved)
    db.dispose()
    assert _journal_mode(moved) == "delete"


def test_local_database_keeps_wal(tmp_path: Path) -> None:
    db = open_database(tmp_path / "lokal.sqlite3")
    try:
        assert db.sqlite_notice is None
    finally:
        db.dispose()
    assert _journal_mode(tmp_path / "lokal.sqlite3") == "wal"


def test_init_says_why_in_the_users_language(share: Path, capsys) -> None:
    path = share / "desk.sqlite3"
    assert main(["--database", str(path), "--lang", "en", "init"]) == 0
    out = capsys.readouterr().out
    set_language("id")
    assert "network folder" in out and "WAL" in out and "PostgreSQL" in out


def test_backup_and_restore_on_a_share_keep_the_delete_journal(share: Path) -> None:
    from desktop.core.backups import backup_now, restore

    path = share / "desk.sqlite3"
    desk = Desk.open(path, user="penguji")
    desk.opd.create({"kode": "1.01", "nama": "Dinas Kominfo"})
    backup = backup_now(desk, share / "cadangan")
    assert _journal_mode(backup) == "delete"  # a backup is one file, never WAL
    desk.opd.create({"kode": "1.02", "nama": "Dinas Kesehatan"})
    restore(desk, backup, share / "cadangan")
    assert _journal_mode(path) == "delete"
    assert not path.with_name(path.name + "-wal").exists()
    again = Desk.open(path, user="penguji")
    try:
        assert [row["nama"] for row in again.opd.list().rows] == ["Dinas Kominfo"]
    finally:
        again.close()


def test_restore_into_a_local_file_keeps_wal(tmp_path: Path) -> None:
    from desktop.core.backups import backup_now, restore

    path = tmp_path / "desk.sqlite3"
    desk = Desk.open(path, user="penguji")
    backup = backup_now(desk, tmp_path / "cadangan")
    restore(desk, backup, tmp_path / "cadangan")
    assert _journal_mode(path) == "wal"
