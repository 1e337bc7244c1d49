"""Issue 22, point 2: a backup on a mapped network drive, or in a folder whose name has
spaces, ``%``, ``#`` or non-ASCII letters, opens as the database it is.

The Windows forms are built from ``PureWindowsPath`` (no Windows machine here) and
checked against how SQLite parses a ``file:`` URI: an empty authority, then the path
percent-decoded. The POSIX form is opened for real, by restore."""

from __future__ import annotations

import pathlib
import sqlite3
import subprocess
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

import pytest

from desktop.core.backup_check import read_only_uri
from desktop.core.backups import backup_now, restore
from desktop.core.desk import Desk
from desktop.core.sqlite_uri import (
    absolute,
    sqlalchemy_sqlite_url,
    sqlite_file_of_url,
    sqlite_uri,
)

ODD_FOLDER = "Cadangan 100% #2 (Bu Siti) — Kopi Gayo, Pidië"


def _link(link: Path, target: Path) -> None:
    """A symbolic link (it plays a mapped drive); Windows allows one only to some users."""
    try:
        link.symlink_to(target, target_is_directory=True)
    except OSError as error:
        pytest.skip(f"no symbolic links here: {error}")


def _sqlite_reads(uri: str) -> tuple[str, str]:
    """(authority, file name) as SQLite's URI parser sees them."""
    assert uri.startswith("file:")
    parts = urlsplit(uri)
    return parts.netloc, unquote(parts.path, errors="strict")


def test_a_mapped_drive_stays_a_drive_letter_path() -> None:
    path = PureWindowsPath(r"Z:\Arsip Kominfo\cadangan\diskominfo-desk-20261204-101010.sqlite3")
    uri = sqlite_uri(path, read_only=True)
    assert uri == ("file:///Z:/Arsip%20Kominfo/cadangan/"
                   "diskominfo-desk-20261204-101010.sqlite3?mode=ro")
    authority, name = _sqlite_reads(uri)
    assert authority == ""  # SQLite refuses any authority but "" or "localhost"
    assert name == "/Z:/Arsip Kominfo/cadangan/diskominfo-desk-20261204-101010.sqlite3"


def test_a_unc_path_has_an_empty_authority_and_keeps_its_server() -> None:
    path = PureWindowsPath(r"\\fileserver\bersama\Diskominfo\x.sqlite3")
    assert path.as_uri() == "file://fileserver/bersama/Diskominfo/x.sqlite3"  # the bug
    uri = sqlite_uri(path)
    assert uri == "file:////fileserver/bersama/Diskominfo/x.sqlite3"
    authority, name = _sqlite_reads(uri)
    assert authority == ""
    assert name == "//fileserver/bersama/Diskominfo/x.sqlite3"  # a UNC path to Windows


@pytest.mark.parametrize(("raw", "expected"), [
    (r"\\?\UNC\fileserver\bersama\x.sqlite3", "file:////fileserver/bersama/x.sqlite3"),
    (r"\\?\D:\data\x.sqlite3", "file:///D:/data/x.sqlite3"),
    (r"C:\Users\budi\..\siti\x.sqlite3", "file:///C:/Users/siti/x.sqlite3"),
])
def test_long_and_unnormalised_windows_paths(raw: str, expected: str) -> None:
    assert sqlite_uri(PureWindowsPath(raw)) == expected


def test_percent_hash_question_space_and_non_ascii_are_encoded() -> None:
    path = PureWindowsPath("Z:\\") / ODD_FOLDER / "a?b.sqlite3"
    uri = sqlite_uri(path, read_only=True)
    body, _, query = uri.partition("?")
    assert query == "mode=ro"  # the only "?" left is the one that starts the query
    assert "#" not in uri and " " not in uri and uri.isascii()
    assert "%25" in body and "%23" in body and "%3F" in body  # %, #, ? themselves
    assert _sqlite_reads(body)[1] == f"/Z:/{ODD_FOLDER}/a?b.sqlite3"


def test_posix_paths_and_the_sqlalchemy_url() -> None:
    path = PurePosixPath("/home/budi") / ODD_FOLDER / "x.sqlite3"
    assert _sqlite_reads(sqlite_uri(path)) == ("", str(path))
    win = PureWindowsPath(r"Z:\data\x.sqlite3")
    assert sqlalchemy_sqlite_url(win) == r"sqlite:///Z:\data\x.sqlite3"  # plain file name
    assert absolute(PureWindowsPath(r"\\srv\share\a\..\x.db")) == PureWindowsPath(
        r"\\srv\share\x.db")


def test_a_relative_path_is_made_absolute_without_resolving_links(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "nyata"
    real.mkdir()
    _link(tmp_path / "tautan", real)  # a mapped drive is, to resolve(), a link
    monkeypatch.chdir(tmp_path)
    assert sqlite_uri(Path("tautan/x.sqlite3")) == (tmp_path / "tautan/x.sqlite3").as_uri()


def test_a_real_backup_in_an_oddly_named_folder_is_restored(
        sqlite_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite_desk.opd.create({"kode": "9.0001", "nama": "Dinas Kopi Gayo", "jenis": "dinas"})
    folder = tmp_path / ODD_FOLDER
    backup = backup_now(sqlite_desk, folder)
    assert backup.parent == folder
    conn = sqlite3.connect(read_only_uri(backup), uri=True)
    try:
        assert conn.execute("SELECT nama FROM perangkat_daerah").fetchall() == [
            ("Dinas Kopi Gayo",)]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("DELETE FROM perangkat_daerah")
    finally:
        conn.close()
    sqlite_desk.opd.create({"kode": "9.0002", "nama": "Sesudah cadangan", "jenis": "dinas"})
    live = sqlite_desk.db.sqlite_path

    original = pathlib.Path.resolve

    def no_resolve(self: Path, strict: bool = False) -> Path:
        if str(tmp_path) in str(self):  # the program's own files may be resolved
            raise AssertionError(f"resolve() of {self}: a mapped drive would become UNC")
        return original(self, strict)

    monkeypatch.setattr(pathlib.Path, "resolve", no_resolve)
    safety = restore(sqlite_desk, backup, tmp_path / ODD_FOLDER / "pengaman")
    monkeypatch.undo()
    again = Desk.open(live)
    try:
        assert [r["nama"] for r in again.opd.list().rows] == ["Dinas Kopi Gayo"]
    finally:
        again.close()
    assert safety.is_file() and ODD_FOLDER in str(safety)


def test_backup_and_restore_on_both_engines_never_pass_the_folder_on_a_command_line(
        desk: Desk, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
        ) -> None:
    """pg_dump/pg_restore on Windows read their command line in the ANSI code page: a
    folder named outside it reached them as ``?``. The dump goes to, and the archive
    comes from, a file the program opened itself."""
    commands: list[list[str]] = []
    real_run, real_popen = subprocess.run, subprocess.Popen

    def run(command: list[str], *args: object, **kwargs: object) -> object:
        commands.append([str(c) for c in command])
        return real_run(command, *args, **kwargs)  # type: ignore[call-overload]

    def popen(command: list[str], *args: object, **kwargs: object) -> object:
        commands.append([str(c) for c in command])
        return real_popen(command, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(subprocess, "Popen", popen)
    desk.opd.create({"kode": "9.0001", "nama": "Dinas Kopi Gayo", "jenis": "dinas"})
    backup = backup_now(desk, tmp_path / ODD_FOLDER)
    desk.opd.create({"kode": "9.0002", "nama": "Sesudah cadangan", "jenis": "dinas"})
    restore(desk, backup, tmp_path / ODD_FOLDER)
    again = Desk.open(database_url)
    try:
        assert [r["nama"] for r in again.opd.list().rows] == ["Dinas Kopi Gayo"]
    finally:
        again.close()
    tools = [c for c in commands if Path(c[0]).name.startswith(("pg_dump", "pg_restore"))]
    if desk.db.dialect == "postgresql":
        assert {Path(c[0]).stem for c in tools} == {"pg_dump", "pg_restore"}
    else:
        assert tools == []
    assert not [c for c in tools if any(ODD_FOLDER in part for part in c)]


def test_a_portable_folder_is_named_as_the_user_sees_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A portable copy on a mapped drive stays on Z:, not its UNC target (a link plays
    the mapped drive here)."""
    from desktop.core import paths

    real = tmp_path / "server" / "share"
    real.mkdir(parents=True)
    _link(tmp_path / "Z", real)
    monkeypatch.setenv(paths.PORTABLE_ENV, str(tmp_path / "Z"))
    assert paths.portable_dir() == tmp_path / "Z"
    assert paths.default_database_path() == tmp_path / "Z" / "data" / "diskominfo-desk.sqlite3"


@pytest.mark.parametrize("folder", [ODD_FOLDER, "Laporan 100%41 %%"])
def test_the_sqlalchemy_url_reads_back_as_the_same_file(tmp_path: Path, folder: str) -> None:
    from sqlalchemy.engine import make_url

    path = tmp_path / folder / "diskominfo-desk.sqlite3"
    assert make_url(sqlalchemy_sqlite_url(path)).database == str(path)
    win = PureWindowsPath("Z:\\") / folder / "x.sqlite3"
    assert make_url(sqlalchemy_sqlite_url(win)).database == str(win)
    posix = PurePosixPath("/srv") / f"{folder} ?x" / "x.sqlite3"  # "?": POSIX names only
    assert make_url(sqlalchemy_sqlite_url(posix)).database == str(posix)
    for named in (path, win, posix):  # and back to the file (the start's quick Beranda)
        assert str(sqlite_file_of_url(sqlalchemy_sqlite_url(named))) == str(named)
    path.parent.mkdir()
    desk = Desk.open(path, user="penguji")  # the register itself lives in that folder
    try:
        desk.opd.create({"kode": "9.0001", "nama": "Dinas Kopi Gayo", "jenis": "dinas"})
        assert desk.db.sqlite_path == path
    finally:
        desk.close()
    assert path.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # no mangled twin


@pytest.mark.parametrize("url", ["postgresql+psycopg://desk@server/desk", "sqlite://",
                                 "sqlite:///:memory:", "sqlite:///x.db?mode=ro"])
def test_a_url_that_is_not_a_plain_sqlite_file_names_no_file(url: str) -> None:
    assert sqlite_file_of_url(url) is None
