"""Creating many pulled datasets at once: a first pull of a whole catalog in seconds.

Through the record service a new dataset costs a dozen round trips to the database
(flushes, reloads for the audit snapshot and the search text). Here a page of new
datasets goes in as a handful of multi-row INSERTs, after the *same* checks the service
makes (field cleaning, references, the kind's rules), with the same audit row and search
entry. A dataset that fails a check is left to the service path, which reports why.
"""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert, select
from sqlalchemy.orm import Session

from desktop.core.kinds import kind_named
from desktop.core.models import (
    AuditLog,
    Dataset,
    DatasetResource,
    PerangkatDaerah,
    Region,
    new_id,
    utcnow,
)
from desktop.core.models.sync import SyncRecord
from desktop.core.search import fold
from desktop.core.services.records import clean_rows
from desktop.core.services.snapshot import created
from desktop.core.validation import Errors, clean_fields

RESOURCE_FIELDS = ("nama", "url", "format", "deskripsi")


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def quick_fold(text: str) -> str:
    """``fold``, without its Unicode decomposition for plain ASCII text (the common case,
    and most of fold's cost): ASCII has nothing to decompose, so the words are the same."""
    if text.isascii():
        return " ".join(_ASCII_WORD.findall(text.lower()))
    return fold(text)


Plan = tuple[str, list[Any]] | None  # the INSERT and a converter per key; None: use Core


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]],
                plans: dict[tuple[str, tuple[str, ...]], Plan]) -> None:
    """One executemany INSERT of ``rows`` (plain dicts, all with the same keys).

    On SQLite the values are converted by the columns' own SQLAlchemy types (the very
    bind processors Core would use: JSON, dates, booleans stored alike) and handed to the
    driver directly; Core's per-row parameter building costs more than SQLite's insert.
    Elsewhere, or when a row would need a column default filled in, Core does it all.
    """
    keys = tuple(rows[0])
    plan = None
    if connection.dialect.name == "sqlite":
        if (table.name, keys) not in plans:
            plans[(table.name, keys)] = _sqlite_plan(connection.dialect, table, keys)
        plan = plans[(table.name, keys)]
    if plan is None or any(len(row) != len(keys) for row in rows):
        connection.execute(insert(table), rows)
        return
    sql, converters = plan
    params = [tuple([value if convert is None else convert(value)
                     for convert, value in zip(converters, map(row.__getitem__, keys),
                                               strict=True)])
              for row in rows]
    connection.exec_driver_sql(sql, params)


def _sqlite_plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> Plan:
    """The INSERT statement and one bind processor (or None) per key; None: use Core
    (a key that is no column, or a column left out that has a default to fill in)."""
    columns = table.columns
    if any(k not in columns for k in keys):
        return None
    for column in columns:
        if column.key in keys or (column.default is None and column.server_default is None):
            continue
        if not (column.primary_key and column.autoincrement in (True, "auto")):
            return None  # SQLite numbers an integer primary key itself
    preparer = dialect.identifier_preparer
    names = ", ".join(preparer.quote(columns[k].name) for k in keys)
    sql = (f"INSERT INTO {preparer.format_table(table)} ({names}) "
           f"VALUES ({', '.join('?' for _ in keys)})")
    return sql, [columns[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]


class BulkCreator:
    """Collects new datasets for one transaction; :meth:`flush` writes them all."""

    def __init__(self, session: Session, actor: str) -> None:
        self.s = session
        self.actor = actor
        self.kind = kind_named("datasets")
        self.collection = self.kind.collections[0]
        self._regions: set[str] | None = None
        self._opds: dict[str, SimpleNamespace | None] = {}
        self.datasets: list[dict[str, Any]] = []
        self.resources: list[dict[str, Any]] = []
        self.audits: list[dict[str, Any]] = []
        self.search: list[dict[str, Any]] = []
        self.states: list[dict[str, Any]] = []
        self._plans: dict[tuple[str, tuple[str, ...]], Plan] = {}

    def _opd(self, opd_id: str) -> SimpleNamespace | None:
        if opd_id not in self._opds:
            opd = self.s.get(PerangkatDaerah, opd_id)
            self._opds[opd_id] = (SimpleNamespace(nama=opd.nama, singkatan=opd.singkatan)
                                  if opd is not None and opd.deleted_at is None else None)
        return self._opds[opd_id]

    def _region_known(self, code: str) -> bool:
        if self._regions is None:
            self._regions = set(self.s.scalars(select(Region.kode)))
        return code in self._regions

    def add(self, record_id: str, data: dict[str, Any], state: dict[str, Any]) -> bool:
        """Queue one dataset (``data`` as the service takes it); False: use the service."""
        errors: Errors = {}
        clean = clean_fields(self.kind.fields, data, errors, whole=True)  # as the catalog has it
        opd = self._opd(clean.get("opd_id") or "")
        if opd is None or (clean.get("cakupan_kode")
                           and not self._region_known(clean["cakupan_kode"])):
            return False
        rows = clean_rows(self.s, self.collection, data.get("resources") or [], errors,
                          "resources", whole=True)
        for rule in self.kind.rules:
            rule(self.s, {**clean, "resources": rows}, errors, None)
        if errors:
            return False
        now = utcnow()
        self.datasets.append({**clean, "id": record_id, "created_at": now, "updated_at": now,
                              "version": 1, "deleted_at": None})
        for position, row in enumerate(rows):
            self.resources.append({"id": row.get("id") or new_id(), "dataset_id": record_id,
                                   "urutan": position,
                                   **{f: row.get(f) for f in RESOURCE_FIELDS}})
        snapshot = {k: v.isoformat() if isinstance(v, date) else v for k, v in clean.items()}
        snapshot["resources"] = [{f: r.get(f) for f in RESOURCE_FIELDS} for r in rows]
        self.audits.append({"waktu": now, "pengguna": self.actor, "jenis": self.kind.name,
                            "record_id": record_id, "aksi": "create",
                            "perubahan": created(snapshot)})
        view = SimpleNamespace(**clean, opd=opd)
        title, subtitle = self.kind.title(view), self.kind.subtitle(view)
        self.search.append({"jenis": self.kind.name, "record_id": record_id,
                            "judul": title[:500], "keterangan": subtitle[:500] or None,
                            "teks": quick_fold(" ".join((title, subtitle,
                                                         self.kind.search_text(view))))})
        self.states.append({"kind": self.kind.name, "record_id": record_id, "dirty": False,
                            "error": None, "changed_at": now, **state})
        return True

    def flush(self) -> int:
        from desktop.core.models import SearchEntry

        connection = self.s.connection()
        for model, rows in ((Dataset, self.datasets), (DatasetResource, self.resources),
                            (AuditLog, self.audits), (SearchEntry, self.search),
                            (SyncRecord, self.states)):
            if rows:
                insert_rows(connection, model.__table__, rows, self._plans)
        done = len(self.datasets)
        for rows in (self.datasets, self.resources, self.audits, self.search, self.states):
            rows.clear()
        return done
