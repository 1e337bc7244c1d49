"""Creating many pulled datasets at once: a first pull of a whole catalog in seconds.

Through the record service a new dataset costs a dozen round trips to the database
(flushes, reloads for the audit snapshot and the search text). Here a page of new
datasets goes in as a handful of multi-row INSERTs, after the *same* checks the service
makes (field cleaning, references, the kind's rules), with the same audit row and search
entry. A dataset that fails a check is left to the service path, which reports why.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

from sqlalchemy import insert, select
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
        clean = clean_fields(self.kind.fields, data, errors)
        opd = self._opd(clean.get("opd_id") or "")
        if opd is None or (clean.get("cakupan_kode")
                           and not self._region_known(clean["cakupan_kode"])):
            return False
        rows = clean_rows(self.s, self.collection, data.get("resources") or [], errors,
                          "resources")
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
                            "teks": fold(" ".join((title, subtitle, self.kind.search_text(view))))})
        self.states.append({"kind": self.kind.name, "record_id": record_id, "dirty": False,
                            "error": None, "changed_at": now, **state})
        return True

    def flush(self) -> int:
        from desktop.core.models import SearchEntry

        for model, rows in ((Dataset, self.datasets), (DatasetResource, self.resources),
                            (AuditLog, self.audits), (SearchEntry, self.search),
                            (SyncRecord, self.states)):
            if rows:  # Core executemany: the ORM's bulk path costs more than the rows
                self.s.connection().execute(insert(model.__table__), rows)
        done = len(self.datasets)
        for rows in (self.datasets, self.resources, self.audits, self.search, self.states):
            rows.clear()
        return done
