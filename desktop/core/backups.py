"""Backups of the register: a consistent copy now, one a day on start, and restore.

SQLite is copied with its online backup API, so a copy taken while the window (or
another workstation process) writes is still a valid database. PostgreSQL is dumped
with ``pg_dump`` when the client tools are on the machine (found as
``desktop.core.pg_tools`` says, Windows' Program Files included); the password travels in
PGPASSWORD, never on the command line. Restoring always backs up the current database
first, so a wrong restore can itself be undone.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import make_url

from desktop.core.backup_check import check_sqlite_backup, read_only_uri
from desktop.core.backup_files import (
    AUTO,
    PREFIX,
    default_folder,
    list_backups,
)
from desktop.core.desk import Desk
from desktop.core.errors import DatabaseDamagedError, DeskError
from desktop.core.i18n import t
from desktop.core.migrate import current_revision, known_revisions, reapply_grants
from desktop.core.pg_backup_check import Reference, build_reference, check_dump
from desktop.core.pg_tools import find_pg_tool, last_line, run_tool
from desktop.core.private_files import make_private
from desktop.core.safe_write import discard, move_into_place
from desktop.core.sqlite_health import damaged_message, is_damage


def _target(folder: Path, suffix: str, automatic: bool, now: datetime) -> Path:
    stem = f"{PREFIX}-{AUTO + '-' if automatic else ''}{now:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}-{n}.{suffix}"
        n += 1
    return path


LEFTOVER_AGE = timedelta(minutes=15)  # a copy still being written is touched far more often


def clean_leftovers(folder: Path, live: Path | None = None, *,
                    older_than: timedelta = LEFTOVER_AGE) -> list[Path]:
    """Remove what a killed backup or restore left: ``*.part`` copies and their journals
    in the backup folder, scratch copies of a restore beside the live database.

    Only files untouched for ``older_than``: another process of this workstation may be
    writing one right now. Returns what was removed.
    """
    cutoff = time.time() - older_than.total_seconds()
    found: list[Path] = []
    if folder.is_dir():
        found += list(folder.glob(f"{PREFIX}-*.part*"))
    if live is not None and live.parent.is_dir():
        found += list(live.parent.glob(".restore-*.sqlite3*"))
    removed = []
    for path in found:
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # in use (Windows) or gone meanwhile: the next start tries again
    return removed


def backup_now(desk: Desk, folder: Path | None = None, *, automatic: bool = False,
               now: datetime | None = None) -> Path:
    """A consistent copy of the open database, named with date and time."""
    folder = folder or default_folder()
    clean_leftovers(folder, desk.db.sqlite_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeskError(t("Folder cadangan tidak dapat dibuat: {path} ({error})",
                          path=folder, error=exc.strerror or exc)) from exc
    make_private(folder)
    now = now or datetime.now()
    if desk.db.dialect == "sqlite":
        source = desk.db.sqlite_path
        assert source is not None
        target = _target(folder, "sqlite3", automatic, now)
        _sqlite_copy(source, target)
        return target
    target = _target(folder, "dump", automatic, now)
    _pg_dump(desk.db.url, target)
    return target


def _sqlite_copy(source: Path, target: Path) -> None:
    part = target.with_name(target.name + ".part")
    src = sqlite3.connect(source)
    dst = sqlite3.connect(part)
    try:
        src.backup(dst)  # pages copied under SQLite's own locking: writers may continue
        # a backup is one self-contained file, never WAL: opened from a read-only or
        # network folder it needs no -wal/-shm beside it
        dst.execute("PRAGMA journal_mode=DELETE")
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        dst.close()
        _remove_with_sidecars(part)  # never a half copy left behind
        if is_damage(exc):
            raise DatabaseDamagedError(damaged_message(source, str(exc))) from exc
        raise DeskError(t("Cadangan tidak dapat dibuat: {detail}", detail=exc)) from exc
    finally:
        dst.close()
        src.close()
    make_private(part)
    if ok != "ok":
        part.unlink(missing_ok=True)
        raise DeskError(t("Salinan cadangan rusak ({detail}); cadangan tidak disimpan.",
                          detail=ok))
    move_into_place(part, target)  # retried while an antivirus scans the new file


def _pg_tool(name: str) -> str:
    """The newest ``pg_dump``/``pg_restore``: a server refuses older client tools (where
    they are searched for: ``desktop.core.pg_tools``)."""
    return find_pg_tool(name)


def _pg_env_and_args(url: str) -> tuple[dict[str, str], list[str]]:
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    args = ["--host", parsed.host or "localhost", "--port", str(parsed.port or 5432),
            "--username", parsed.username or "postgres", "--no-password"]
    return env, [*args, "--dbname", parsed.database or "postgres"]


def _run(command: list[str], env: dict[str, str], *, stdin_path: Path | None = None,
         stdout_path: Path | None = None) -> None:
    # no console window on Windows; messages read as UTF-8; files opened by us
    done = run_tool(command, env, stdin_path=stdin_path, stdout_path=stdout_path)
    if done.returncode != 0:
        raise DeskError(t("{tool} gagal: {detail}", tool=Path(command[0]).name,
                          detail=last_line(done)))


def _pg_dump(url: str, target: Path) -> None:
    env, args = _pg_env_and_args(url)
    part = target.with_name(target.name + ".part")
    try:
        # row security on: the tables' owner and a superuser are not held to it (every row,
        # as before), a desk_admin login reads every row through 0008's policies; without
        # it pg_dump refuses any login the policies apply to
        _run([_pg_tool("pg_dump"), "--format=custom", "--enable-row-security", *args], env,
             stdout_path=part)
    except DeskError:
        part.unlink(missing_ok=True)
        raise
    make_private(part)
    move_into_place(part, target)


def check_backup_file(path: Path, dialect: str) -> None:
    """Refuse what is not an intact backup of this application that this version can open
    (see ``desktop.core.backup_check``: integrity, revision, exactly our schema)."""
    if not path.is_file():
        raise DeskError(t("Berkas cadangan tidak ditemukan: {path}", path=path))
    if dialect != "sqlite":
        with path.open("rb") as fh:
            magic = fh.read(5)
        if magic != b"PGDMP":
            raise DeskError(t("{name} bukan cadangan PostgreSQL (pg_dump format custom).",
                              name=path.name))
        return
    check_sqlite_backup(path, known_revisions())


def _remove_with_sidecars(path: Path) -> None:
    """Best effort (Windows: a scanner may hold a file a moment): what stays is removed
    by ``clean_leftovers`` on a later start, never a reason to fail a finished restore."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        discard(path.with_name(path.name + suffix))


def _private_copy(path: Path, folder: Path) -> Path:
    """The backup copied (page by page, read-only) to a scratch file beside the live
    database: the file verified is the file restored, even if the original changes."""
    handle, name = tempfile.mkstemp(prefix=".restore-", suffix=".sqlite3", dir=folder)
    os.close(handle)  # an open handle would keep Windows from deleting the scratch copy
    scratch = Path(name)
    try:
        src = sqlite3.connect(read_only_uri(path), uri=True)
        dst = sqlite3.connect(scratch)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm beside the scratch
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError as exc:
        _remove_with_sidecars(scratch)
        if "not a database" in str(exc):
            raise DeskError(t("{name} bukan cadangan basis data Diskominfo Desk.",
                              name=path.name)) from exc
        raise DeskError(t("{name} rusak ({detail}); tidak dipulihkan.",
                          name=path.name, detail=exc)) from exc
    return scratch


def restore(desk: Desk, path: Path, folder: Path | None = None) -> Path:
    """Put a backup in place of the open database; returns the safety backup taken first.

    The Desk's connections are closed: open the database again afterwards.
    """
    path = Path(path)
    if desk.db.dialect == "sqlite":
        live = desk.db.sqlite_path
        assert live is not None
        if not path.is_file():
            raise DeskError(t("Berkas cadangan tidak ditemukan: {path}", path=path))
        verified = _private_copy(path, live.parent)
        try:
            check_sqlite_backup(verified, known_revisions(), name=path.name)
            safety = backup_now(desk, folder)
            desk.close()
            src = sqlite3.connect(read_only_uri(verified), uri=True)
            dst = sqlite3.connect(live)
            try:
                mode = dst.execute("PRAGMA journal_mode").fetchone()[0]
                src.backup(dst)  # page by page into the live file, its WAL and locks honoured
                # the backup's header carries its own journal mode: the live file keeps
                # its own (DELETE on a network folder, see desktop.core.network_share)
                dst.execute(f"PRAGMA journal_mode={mode}")
            finally:
                dst.close()
                src.close()
        finally:
            _remove_with_sidecars(verified)
        return safety
    check_backup_file(path, desk.db.dialect)
    _check_pg_dump(desk, path)
    safety = backup_now(desk, folder)
    url = desk.db.url
    desk.close()
    env, args = _pg_env_and_args(url)
    # as the application's own role: no owners or grants of the dump's server are replayed
    _run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", "--exit-on-error", *args], env, stdin_path=path)
    # ...so the office's people get their rights again from the migrations (0008)
    from desktop.core.database import create_database_engine

    engine = create_database_engine(url)
    try:
        reapply_grants(engine)
    finally:
        engine.dispose()
    return safety


_PG_REFERENCES: dict[tuple[str, str], Reference] = {}


def _check_pg_dump(desk: Desk, path: Path) -> str:
    """Everything in the dump must be this application's schema at its revision (see
    ``desktop.core.pg_backup_check``); checked before the safety backup and the restore."""
    url = desk.db.url
    with desk.db.engine.connect() as conn:
        live_revision = current_revision(conn)
    env, _ = _pg_env_and_args(url)

    def args_for(database: str) -> list[str]:
        return _pg_env_and_args(make_url(url).set(database=database).render_as_string(
            hide_password=False))[1]

    def reference_for(revision: str) -> Reference:
        key = (make_url(url).set(database="").render_as_string(hide_password=True), revision)
        if key not in _PG_REFERENCES:
            _PG_REFERENCES[key] = build_reference(
                url, revision, dump_tool=_pg_tool("pg_dump"),
                restore_tool=_pg_tool("pg_restore"), env=env, args_for=args_for,
                live_revision=live_revision)
        return _PG_REFERENCES[key]

    return check_dump(path, known=known_revisions(), restore_tool=_pg_tool("pg_restore"),
                      reference_for=reference_for)


def daily_backup(desk: Desk, keep: int, folder: Path | None = None,
                 today: datetime | None = None) -> Path | None:
    """Back up once a day (on start); keep the newest ``keep`` daily backups."""
    folder = folder or default_folder()
    clean_leftovers(folder, desk.db.sqlite_path)  # on every start, not only once a day
    now = today or datetime.now()
    daily = [b for b in list_backups(folder) if b.automatic]
    made = None
    if not any(b.when.date() == now.date() for b in daily):
        made = backup_now(desk, folder, automatic=True, now=now)
        daily = [b for b in list_backups(folder) if b.automatic]
    for old in daily[max(keep, 1):]:
        discard(old.path)  # one open elsewhere (Windows) goes on a later day
    return made
