"""Verify a backup before it replaces the register: trust nothing in the file.

A restore copies every page of the backup into the live database, so anything the file
carries comes along: a trigger that rewrites records on the next import, a view, a table
of someone else's, a damaged page. A SQLite backup is therefore accepted only when

- ``PRAGMA integrity_check`` passes (a zeroed or truncated file is refused),
- it records exactly one schema revision that this version knows (a newer one is
  refused before anything is touched), and
- its schema (tables and their columns, indexes, triggers, views) is exactly what the
  migrations produce at that revision: a scratch database migrated to the same revision
  is the reference, built once per revision and process.

Tables and indexes are compared by their structure (``PRAGMA table_xinfo`` /
``index_xinfo``), since the DDL text SQLAlchemy renders may differ between versions;
triggers and views by their normalised SQL, since their bodies are what could do harm.
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.sqlite_uri import sqlalchemy_sqlite_url, sqlite_uri

# SQLite's own tables; the FTS5 shadow tables are compared like any other table
_INTERNAL = re.compile(r"^sqlite_")


def read_only_uri(path: Path) -> str:
    """``file:`` URI opening read-only; percent-encoded, so spaces and ``#`` survive, and
    a mapped network drive stays a drive (see ``desktop.core.sqlite_uri``)."""
    return sqlite_uri(path, read_only=True)


def _normalised_sql(sql: str | None) -> str:
    return " ".join((sql or "").replace("\n", " ").split()).lower()


SchemaItem = tuple[str, str, object]


def sqlite_schema(conn: sqlite3.Connection) -> set[SchemaItem]:
    """Every schema object of a SQLite database as comparable (type, name, shape) items."""
    items: set[SchemaItem] = set()
    objects = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    for kind, name, table, sql in objects:
        if _INTERNAL.match(name):
            continue
        if kind == "table":
            columns = tuple(
                (row[1], (row[2] or "").upper(), row[3], row[4], row[5], row[6])
                for row in conn.execute(f'PRAGMA table_xinfo("{_quoted(name)}")'))
            foreign = tuple(sorted(
                tuple(row[2:5]) for row in
                conn.execute(f'PRAGMA foreign_key_list("{_quoted(name)}")')))
            virtual = _normalised_sql(sql) if _normalised_sql(sql).startswith(
                "create virtual table") else ""
            items.add(("table", name, (columns, foreign, virtual)))
        elif kind == "index":
            keys = tuple(
                (row[2], row[3], row[4]) for row in
                conn.execute(f'PRAGMA index_xinfo("{_quoted(name)}")') if row[5])
            where = _normalised_sql(sql).partition(" where ")[2]
            unique = _normalised_sql(sql).startswith("create unique")
            items.add(("index", name, (table, keys, unique, where)))
        else:  # trigger, view
            items.add((kind, name, (table, _normalised_sql(sql))))
    return items


def _quoted(name: str) -> str:
    return name.replace('"', '""')


@cache
def reference_schema(revision: str) -> frozenset[SchemaItem]:
    """What the migrations build at ``revision``, read from a scratch database."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.core.migrate import alembic_config

    with tempfile.TemporaryDirectory(prefix="desk-schema-") as folder:
        path = Path(folder) / "reference.sqlite3"
        engine = create_engine(sqlalchemy_sqlite_url(path))  # %TEMP% may hold a "%"
        try:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), revision)
        finally:
            engine.dispose()
        conn = sqlite3.connect(path)
        try:
            return frozenset(sqlite_schema(conn))
        finally:
            conn.close()


def _describe(names: set[str]) -> str:
    shown = sorted(names)
    text = ", ".join(shown[:5])
    return text + (t(" dan {n} lainnya", n=len(shown) - 5) if len(shown) > 5 else "")


def schema_mismatch(name: str, revision: str, extra: set[str],
                    missing: set[str]) -> DeskError:
    """The refusal of a backup whose schema is not ours at its revision (SQLite and
    PostgreSQL alike), naming a few of the objects it has too many or too few."""
    detail = []
    if extra:
        detail.append(t("tidak dikenal: {objects}", objects=_describe(extra)))
    if missing:
        detail.append(t("tidak ada: {objects}", objects=_describe(missing)))
    return DeskError(t("Skema {name} tidak sama dengan skema Diskominfo Desk versi "
                       "{revision} ({detail}); tidak dipulihkan.",
                       name=name, revision=revision, detail="; ".join(detail)))


def check_sqlite_backup(path: Path, known: set[str], name: str | None = None) -> str:
    """Refuse a SQLite file that is not an intact backup of this application; return its
    schema revision. ``known`` holds the revisions this version can open; ``name`` is
    the file the user chose, when ``path`` is a scratch copy of it."""
    name = name or path.name
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise DeskError(t("{name} bukan cadangan basis data Diskominfo Desk.",
                          name=name)) from exc
    try:
        try:
            integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError as exc:
            if "malformed" in str(exc) or "corrupt" in str(exc):
                raise DeskError(t("{name} rusak ({detail}); tidak dipulihkan.",
                                  name=name, detail=exc)) from exc
            raise DeskError(t("{name} bukan cadangan basis data Diskominfo Desk.",
                              name=name)) from exc
        if integrity != ["ok"]:
            raise DeskError(t("{name} rusak ({detail}); tidak dipulihkan.",
                              name=name, detail="; ".join(integrity[:2])))
        if len(rows) != 1:
            raise DeskError(t("{name} bukan cadangan basis data Diskominfo Desk.", name=name))
        revision = rows[0][0]
        if revision not in known:
            raise DeskError(t("{name} dibuat oleh versi Diskominfo Desk yang lebih baru; "
                              "perbarui aplikasi sebelum memulihkannya.", name=name))
        actual = sqlite_schema(conn)
    finally:
        conn.close()
    expected = set(reference_schema(revision))
    extra, missing = actual - expected, expected - actual
    if extra or missing:
        raise schema_mismatch(name, revision, {f"{kind} {obj}" for kind, obj, _ in extra},
                              {f"{kind} {obj}" for kind, obj, _ in missing})
    return revision
