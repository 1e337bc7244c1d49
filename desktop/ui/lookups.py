"""Choosing a related record or a region by typing part of its name (Qt-free data side)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.desk import Desk
from desktop.core.services import ListQuery

SMALL_KIND = 2000  # up to this many records a picker lists them all; beyond, it searches


@dataclass
class Option:
    id: str
    text: str


class RecordLookup:
    """Options for a reference to records of one kind."""

    def __init__(self, desk: Desk, kind: str) -> None:
        self.desk = desk
        self.service = desk.service(kind)
        self._all: list[Option] | None = None

    def _title_key(self) -> str:
        return self.service.kind.columns[0].key if self.service.kind.name != "opd" else "nama"

    @property
    def readable(self) -> bool:
        """Whether the person's role may read this kind (a kerjasama login's visit form
        names applications it may not list): a picker of an unreadable kind stays empty
        rather than asking PostgreSQL for rows it would refuse."""
        access = getattr(self.desk, "access", None)
        return access is None or access.can_read(self.service.kind.name)

    def all(self) -> list[Option] | None:
        """Every live record, or None when there are too many to list."""
        if not self.readable:
            return []
        if self._all is None:
            ids = self.service.ids(ListQuery())
            if len(ids) > SMALL_KIND:
                return None
            self._all = [Option(r["id"], self._text(r)) for r in self.service.rows(ids)]
        return self._all

    def find(self, text: str, limit: int = 50) -> list[Option]:
        if not self.readable:
            return []
        ids = self.service.ids(ListQuery(text=text, limit=limit))[:limit]
        return [Option(r["id"], self._text(r)) for r in self.service.rows(ids)]

    def text_of(self, record_id: str) -> str:
        if not self.readable:
            return record_id
        try:
            return self.service.title(record_id)
        except Exception:  # a deleted or missing target still shows its id
            return record_id

    def _text(self, row: dict) -> str:
        kind = self.service.kind
        if kind.name == "opd":
            return f"{row['nama']} ({row['singkatan']})" if row.get("singkatan") else row["nama"]
        if kind.name == "visits":
            return f"{row['instansi']} ({row['tanggal_mulai']:%d/%m/%Y})"
        if kind.name == "agreements":
            return f"{row['jenis'].upper()} – {row['judul']}"
        if kind.name == "deployments":
            return f"{row['aplikasi']} {row.get('versi') or ''}".strip()
        return str(row[kind.columns[0].key])

    def reset(self) -> None:
        self._all = None


class RegionLookup:
    def __init__(self, desk: Desk) -> None:
        self._options = [
            Option(r["kode"], f"{r['nama']} ({r['kode']})") for r in desk.regions()
        ]

    def all(self) -> list[Option]:
        return self._options

    def text_of(self, kode: str) -> str:
        return next((o.text for o in self._options if o.id == kode), kode)


class Lookups:
    """Pickers for the forms, cached per page and reset when their kind changes."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._records: dict[str, RecordLookup] = {}
        self._regions: RegionLookup | None = None

    def records(self, kind: str | None) -> RecordLookup:
        assert kind is not None
        if kind not in self._records:
            self._records[kind] = RecordLookup(self.desk, kind)
        return self._records[kind]

    def regions(self) -> RegionLookup:
        if self._regions is None:
            self._regions = RegionLookup(self.desk)
        return self._regions

    def reset(self, kind: str) -> None:
        if kind in self._records:
            self._records[kind].reset()
