"""Alembic, driven by the application: upgrade on open, refuse a newer database.

A SQLite file is copied (SQLite's online backup API) before any upgrade, so a failed or
unwanted upgrade can always be undone by hand.

Alembic is imported only when a database needs upgrading: importing it (and reading the
migration scripts) costs a third of a second at every start-up, while an up-to-date
database only needs its ``alembic_version`` row compared with ``HEAD_REVISION``.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from desktop.core.errors import DatabaseOpenError, DatabaseTooNewError
from desktop.core.i18n import t

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# The newest revision in desktop/migrations/versions; a test checks it against Alembic's
# own head, so a new migration that forgets to move it fails the suite.
HEAD_REVISION = "0010"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    # Alembic keeps its options in a ConfigParser with interpolation: a "%" in the install
    # path (C:\Users\Budi 100%\...) would be read as the start of "%(name)s" and fail
    config.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The head as Alembic reads it from the scripts (tests; ``HEAD_REVISION`` at run time)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    """The database's revision, read directly (the table Alembic keeps, one row)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) > 1:
        raise DatabaseOpenError(t("Basis data ini mencatat lebih dari satu versi skema; "
                                  "tidak diubah."))
    return rows[0] if rows else None


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade_database(engine: Engine, sqlite_path: Path | None) -> str | None:
    """Bring the schema to the head revision; return the backup path if one was made."""
    with engine.connect() as conn:
        current = current_revision(conn)
        if current == HEAD_REVISION:
            return None
        tables = set(inspect(conn).get_table_names())
    if current is not None and current not in known_revisions():
        raise DatabaseTooNewError(
            t(
                "Basis data ini dibuat oleh versi Diskominfo Desk yang lebih baru "
                "(skema {revision}). Perbarui aplikasi ini sebelum membukanya; "
                "basis data tidak diubah.",
                revision=current,
            )
        )
    if current is None and tables - {"alembic_version"}:
        raise DatabaseOpenError(
            t("Basis data ini berisi tabel lain dan bukan milik Diskominfo Desk; tidak diubah.")
        )
    if current is not None and engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            _refuse_a_person(conn)
    backup = None
    if sqlite_path is not None and current is not None:
        backup = backup_sqlite_file(sqlite_path, f"sebelum-upgrade-{current}")
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return str(backup) if backup else None


def reapply_grants(engine: Engine) -> None:
    """Grant the office's roles their rights again, as the migrations made them.

    A PostgreSQL restore (``pg_restore --clean --no-privileges``) recreates every table
    without the grants of the ``desk_*`` roles: a dump's grants are never replayed (they
    are not checked like its schema is). Each migration that grants something offers an
    ``apply_grants(connection)`` (0008 onwards); they are run again, oldest first, up to
    the database's revision. SQLite has no grants.
    """
    if engine.dialect.name != "postgresql":
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.begin() as conn:
        current = current_revision(conn)
        if current is None:
            return
        for revision in reversed(list(script.iterate_revisions(current, "base"))):
            grant = getattr(revision.module, "apply_grants", None)
            if grant is not None:
                grant(conn)


def _refuse_a_person(conn: Connection) -> None:
    """Only the owner of the tables (or a superuser) changes the schema of a shared
    database. A person's login (a ``desk_*`` role) may not, and must not half-try: they
    are told who can, and the database is left as it is."""
    may_migrate = conn.execute(text(
        "SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c "
        "WHERE c.oid = to_regclass('alembic_version')")).scalar()
    if not may_migrate:
        raise DatabaseOpenError(t(
            "Basis data bersama ini perlu diperbarui ke versi skema {revision} sebelum "
            "dipakai versi aplikasi ini. Hanya pemilik basis data yang dapat "
            "memperbaruinya: minta administrator membuka Diskominfo Desk sekali dengan login "
            "pemilik. Basis data tidak diubah.", revision=HEAD_REVISION))


def backup_sqlite_file(path: Path, label: str) -> Path:
    """Consistent copy of a live SQLite file next to it, named with date and time."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix}")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target
