"""Opening the database: SQLite in the user's data folder by default, PostgreSQL by URL.

One schema, two engines. The choice comes from ``--database``, else the environment
variable ``DISKOMINFO_DESK_DATABASE``, else the default file.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from desktop.core.database_url import resolve_database_url
from desktop.core.errors import DatabaseBusyError, DatabaseDamagedError, DatabaseOpenError
from desktop.core.i18n import t
from desktop.core.migrate import upgrade_database

READ_ONLY = "desk_read_only"  # execution option of :meth:`Database.read_session`
BUSY_TIMEOUT_MS = 5000  # SQLite waits this long for the write lock, per attempt...
BEGIN_ATTEMPTS = 4  # ...this many times (20 s in all) before the user is told
log = logging.getLogger(__name__)


def _masked(url: str) -> str:
    """A URL as it may be shown: whatever stands between ``user:`` and ``@`` hidden."""
    import re

    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # pysqlite's own transaction handling breaks SAVEPOINT (releasing the outermost one
    # commits) and always begins deferred: let SQLAlchemy emit BEGIN itself (see
    # ``_sqlite_begin``), so a spreadsheet import can roll back one row (a savepoint) or
    # everything, and a write transaction takes the write lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    """``BEGIN IMMEDIATE`` for a unit of work, a plain (deferred) ``BEGIN`` for a reading one.

    Why: in WAL mode a deferred transaction that has read and then writes must upgrade
    to the write lock; if another process wrote in between, SQLite answers "database is
    locked" at once, without waiting for the busy timeout (waiting could not help: the
    snapshot it read is already stale). Taking the write lock at BEGIN makes writers
    queue in the busy handler instead. Only the BEGIN is retried here: nothing has been
    read or written yet, so trying again is always safe.
    """
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
        return
    for attempt in range(1, BEGIN_ATTEMPTS + 1):
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            return
        except DatabaseBusyError:
            if attempt == BEGIN_ATTEMPTS:
                raise
            log.info("SQLite write lock busy for %d ms; attempt %d of %d", BUSY_TIMEOUT_MS,
                     attempt, BEGIN_ATTEMPTS)


def _is_busy(error: BaseException | None) -> bool:
    """SQLITE_BUSY / SQLITE_LOCKED, whatever pysqlite's wording for the statement."""
    text_ = str(error or "")
    return isinstance(error, sqlite3.OperationalError) and (
        "database is locked" in text_ or "database table is locked" in text_
        or "database is busy" in text_)


def _sqlite_handle_error(context: ExceptionContext) -> None:
    """A busy database becomes :class:`DatabaseBusyError`, a damaged one
    :class:`DatabaseDamagedError` naming the newest backup (readable messages, never SQL)."""
    if _is_busy(context.original_exception):
        raise DatabaseBusyError(busy_message()) from context.sqlalchemy_exception
    from desktop.core.sqlite_health import damaged_message, is_damage

    if is_damage(context.original_exception) and context.engine is not None:
        path = Path(context.engine.url.database or "")
        raise DatabaseDamagedError(damaged_message(
            path, str(context.original_exception))) from context.sqlalchemy_exception


def _pg_handle_error(context: ExceptionContext) -> None:
    """A write the person's role may not make (SQLSTATE 42501: a grant or a row policy of
    migration 0008) becomes :class:`PermissionRefusedError` naming what was refused."""
    from desktop.core.refused_write import is_refusal, permission_refused

    if is_refusal(context.original_exception):
        raise permission_refused(context.original_exception, context.statement
                                 ) from context.sqlalchemy_exception


def busy_message() -> str:
    return t("Basis data sedang dipakai proses lain (misalnya sinkronisasi atau impor) dan "
             "tidak kunjung bebas; tidak ada yang tersimpan. Coba lagi sebentar lagi.")


_open_units = threading.local()  # per thread: how many units of work each Database has open


@dataclass
class Database:
    """An open, migrated database: the engine and its session factory."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    backup_made: str | None = None
    # why this SQLite file does not use WAL (it is on a network folder), for the user
    sqlite_notice: str | None = None
    _readers: sessionmaker[Session] | None = field(default=None, repr=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> Path | None:
        if self.dialect != "sqlite":
            return None
        name = make_url(self.url).database
        return Path(name) if name and name != ":memory:" else None

    @property
    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error.

        On SQLite a unit of work takes the write lock at BEGIN. One opened while this
        thread already holds another (a service called inside a caller's session) would
        wait for a lock its own thread holds, for the whole busy timeout, and then blame
        "another process": it begins deferred instead, so its reads work at once.
        """
        depth = _open_units.__dict__.setdefault(id(self), 0)
        if depth and self.dialect == "sqlite":
            session = Session(self.engine.execution_options(**{READ_ONLY: True}),
                              expire_on_commit=False)
        else:
            session = self.sessions()
        _open_units.__dict__[id(self)] = depth + 1
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            _open_units.__dict__[id(self)] = depth
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A unit of work that only reads; nothing in it is ever committed.

        On SQLite it begins deferred, so a list or a search neither waits for a writer
        (WAL readers see the last commit) nor holds one up; :meth:`session` takes the
        write lock at BEGIN. A flush in it is a programming error and is refused.
        """
        if self._readers is None:
            readers = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}),
                                   expire_on_commit=False)
            event.listen(readers, "before_flush", _refuse_flush)
            self._readers = readers
        session = self._readers()
        try:
            yield session
        finally:
            session.close()  # rolls back: a read has nothing to keep

    def dispose(self) -> None:
        self.engine.dispose()


def _refuse_flush(session: Session, _context: object, _instances: object) -> None:
    raise RuntimeError("a read_session() may not write; use Database.session()")


def parse_database_url(url: str) -> URL:
    """The parsed URL, or a DatabaseOpenError naming it (password hidden)."""
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 - a non-numeric port only fails when read
    except (ArgumentError, ValueError) as exc:
        raise DatabaseOpenError(
            t("Alamat basis data tidak dikenali: {url}", url=_masked(url))
        ) from exc
    return parsed


def create_database_engine(url: str) -> Engine:
    parsed = parse_database_url(url)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            event.listen(engine, "handle_error", _sqlite_handle_error)
        else:
            engine = create_engine(url, pool_pre_ping=True, connect_args=_pg_args(parsed))
            event.listen(engine, "handle_error", _pg_handle_error)
    except (NoSuchModuleError, ImportError) as exc:
        raise DatabaseOpenError(
            t("Jenis basis data tidak didukung: {name}", name=parsed.drivername)
        ) from exc
    return engine


def _pg_args(parsed) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {"connect_timeout": 10} if parsed.get_backend_name() == "postgresql" else {}


def open_database(
    value: str | os.PathLike[str] | None = None, *, upgrade: bool = True
) -> Database:
    """Open (creating or upgrading as needed) and return the database.

    Raises DatabaseOpenError with a readable message for a corrupt or unreadable file,
    an unreachable server, or a database newer than this application.
    """
    url = resolve_database_url(value)
    engine = create_database_engine(url)
    db = Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
    path = db.sqlite_path
    journal_mode = "WAL"
    if path is not None:
        journal_mode, db.sqlite_notice = sqlite_journal_mode(path)
        if journal_mode != "WAL":
            # the rollback journal is only as safe as its syncs: every one of them, there
            event.listen(engine, "connect", _full_sync)
    try:
        if path is not None:
            _check_sqlite_file(path)
        with engine.connect() as conn:
            conn.execution_options(**{READ_ONLY: True}).execute(text("SELECT 1"))
        if upgrade:
            db.backup_made = upgrade_database(engine, path)
            if path is not None:
                # WAL lets the GUI read while a write is under way; persistent per file,
                # and only set on a file known to be ours (DELETE on a network folder).
                _set_journal_mode(engine, journal_mode)
            _ensure_regions(db)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise DatabaseOpenError(_describe_failure(db, exc)) from exc
    if db.sqlite_path is not None:
        from desktop.core.private_files import make_sqlite_private

        make_sqlite_private(db.sqlite_path)  # the register is the user's alone (POSIX)
    return db


def _ensure_regions(db: Database) -> None:
    """Add the regions a release brought. On a shared PostgreSQL database only the
    administrator may (migration 0008): a person's workstation opens all the same, and
    the administrator's next start adds them."""
    from desktop.core.errors import PermissionRefusedError
    from desktop.core.regions import ensure_regions

    try:
        with db.session() as session:
            ensure_regions(session)
    except PermissionRefusedError:
        log.info("new regions left for the administrator to add: this login may not")


def sqlite_journal_mode(path: Path) -> tuple[str, str | None]:
    """WAL, or DELETE with the reason when the file is on a network (shared) folder.

    WAL's shared-memory index does not work between machines over SMB/NFS (lock errors,
    corruption); the rollback journal is safe there with one writer at a time.
    """
    from desktop.core.network_share import is_network_path

    if not is_network_path(path):
        return "WAL", None
    notice = t("Basis data ada di folder jaringan ({path}): mode WAL dimatikan karena tidak "
               "aman lewat jaringan, dan jurnal biasa dipakai. Hanya satu komputer boleh "
               "memakai berkas ini pada satu waktu; untuk beberapa komputer sekaligus "
               "gunakan PostgreSQL.", path=path)
    log.warning("SQLite file on a network folder, journal_mode=DELETE: %s", path)
    return "DELETE", notice


def _full_sync(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _set_journal_mode(engine: Engine, mode: str) -> None:
    raw = engine.raw_connection()  # outside any transaction, as a journal change needs
    try:
        row = raw.cursor().execute(f"PRAGMA journal_mode={mode}").fetchone()
    finally:
        raw.close()
    if row is None or str(row[0]).upper() != mode:
        # another connection (another workstation) holds the file: it keeps its mode
        log.warning("SQLite journal_mode stays %s, not %s", row[0] if row else None, mode)


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseOpenError(
            t("Berkas basis data tidak dapat dibuka: {path} adalah sebuah folder.", path=path)
        )
    if path.exists() and not os.access(path, os.R_OK):
        raise DatabaseOpenError(
            t("Berkas basis data tidak dapat dibaca (izin akses): {path}", path=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(
            t("Folder basis data tidak dapat dibuat: {path} ({error})", path=path.parent,
              error=exc.strerror)
        ) from exc
    from desktop.core.sqlite_health import check_sqlite_file

    check_sqlite_file(path)  # empty or damaged: refused before anything is written


def _describe_failure(db: Database, exc: DBAPIError) -> str:
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if db.dialect == "sqlite":
        if "not a database" in detail or "malformed" in detail:
            return t(
                "Berkas basis data rusak atau bukan basis data SQLite: {path}", path=db.sqlite_path
            )
        return t(
            "Berkas basis data tidak dapat dibuka: {path} ({detail})",
            path=db.sqlite_path, detail=detail,
        )
    return t(
        "Tidak dapat terhubung ke basis data {url}: {detail}", url=db.display_url, detail=detail
    )
