"""Which local record a catalog dataset already is, when no sync link says so yet.

Two registers typed or loaded from the same list, or a dataset made on the portal that
the register already holds, must meet as one record, not as twins on both sides. A
dataset and a record not linked to anything are the same when, in this order:

1. ``desk_id``: the package carries the record's id (our own create);
2. ``name``: the package's name is the record's (its last-known catalog name, the name
   this record would have made, or its title's slug in the same organization);
3. ``title_org``: the same title (case and spaces ignored) in the organization the
   record's OPD is mapped to;
4. ``title`` (pulls only): the same title, for a record whose OPD is not mapped yet.

The first level with any candidate decides; several candidates there is ambiguity and
nothing is linked (never a guess). A public package only ever meets a record that would
be published publicly, and a private one only a restricted record: linking across that
line would let the next push change who may see the dataset.

Unlinked local records are read once per run (``UnlinkedIndex.load``) and looked up in
memory, so matching a page of a pull costs no query per package.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, select
from sqlalchemy.orm import Session

from desktop.core.models import Dataset
from desktop.core.models.sync import SyncOrgMap, SyncRecord
from desktop.sync.mapping import DESK_ID_KEY
from desktop.sync.naming import NAME_MAX, is_our_name, name_suffix, slugify
from desktop.sync.publication import Publication, publication_for

KIND = "datasets"
LEVELS = ("desk_id", "name", "title_org", "title")
PUSH_LEVELS = LEVELS[:3]  # a create needs the organization to agree
_SUFFIX = re.compile(r"-([0-9a-f]{8})$")


def title_key(title: str | None) -> str:
    """A title as compared for matching: case folded, runs of spaces as one."""
    return " ".join((title or "").casefold().split())


def publicly_published(sifat_data: str | None, data_pribadi: bool | None) -> bool:
    """Whether the record goes to the catalog as a public dataset (private publishing
    aside: a restricted record is never public, whatever the setting)."""
    return publication_for(sifat_data, contains_personal_data=bool(data_pribadi)) \
        is Publication.PUBLIC


@dataclass(frozen=True)
class LocalCandidate:
    """An unlinked local record, as much of it as matching needs."""

    id: str
    title: str  # ``title_key``
    slug: str
    opd_id: str | None
    public: bool
    remote_name: str | None = None

    @classmethod
    def of(cls, record_id: str, judul: str | None, opd_id: str | None,
           sifat_data: str | None, data_pribadi: bool | None,
           remote_name: str | None = None) -> LocalCandidate:
        return cls(record_id, title_key(judul), slugify(judul or "", NAME_MAX), opd_id,
                   publicly_published(sifat_data, data_pribadi), remote_name)


@dataclass(frozen=True)
class PackageKey:
    """A catalog package, as much of it as matching needs."""

    id: str
    name: str
    title: str  # ``title_key``
    owner_org: str | None
    desk_id: str | None
    private: bool

    @classmethod
    def of(cls, package: Mapping[str, Any]) -> PackageKey:
        desk_id = next((e.get("value") for e in package.get("extras") or []
                        if e.get("key") == DESK_ID_KEY), None)
        return cls(package["id"], package.get("name") or "", title_key(package.get("title")),
                   package.get("owner_org"), desk_id or None, bool(package.get("private")))


@dataclass(frozen=True)
class Match:
    """The candidates at the first level that had any; more than one is ambiguous."""

    level: str
    record_ids: tuple[str, ...]

    @property
    def record_id(self) -> str | None:
        return self.record_ids[0] if len(self.record_ids) == 1 else None

    @property
    def ambiguous(self) -> bool:
        return len(self.record_ids) > 1


class UnlinkedIndex:
    """Local records no catalog dataset is linked to, by every key matching uses."""

    def __init__(self, candidates: Iterable[LocalCandidate], org_of_opd: Mapping[str, str]):
        self.org_of_opd = dict(org_of_opd)
        self._by_id: dict[str, LocalCandidate] = {}
        self._by_key: dict[str, dict[str, list[str]]] = {
            "remote_name": {}, "suffix": {}, "slug": {}, "title": {}}
        for candidate in candidates:
            self.add(candidate)

    @staticmethod
    def _unlinked(query: Select[Any]) -> Select[Any]:
        return (query.outerjoin(SyncRecord, and_(SyncRecord.kind == KIND,
                                                 SyncRecord.record_id == Dataset.id))
                .where(Dataset.deleted_at.is_(None), SyncRecord.remote_id.is_(None)))

    @classmethod
    def any(cls, s: Session) -> bool:
        """Whether any live dataset is unlinked (one query, stops at the first)."""
        return s.scalar(cls._unlinked(select(Dataset.id)).limit(1)) is not None

    @classmethod
    def load(cls, s: Session) -> UnlinkedIndex:
        """Live datasets with no link (no sync row, or one without a remote id), and the
        OPD -> organization map, in two queries."""
        rows = s.execute(cls._unlinked(
            select(Dataset.id, Dataset.judul, Dataset.opd_id, Dataset.sifat_data,
                   Dataset.data_pribadi, SyncRecord.remote_name))).all()
        org_of_opd = {opd: org for opd, org in s.execute(
            select(SyncOrgMap.opd_id, SyncOrgMap.org_id))}
        return cls((LocalCandidate.of(*row) for row in rows), org_of_opd)

    def __len__(self) -> int:
        return len(self._by_id)

    def add(self, candidate: LocalCandidate) -> None:
        if candidate.id in self._by_id:
            return
        self._by_id[candidate.id] = candidate
        keys = {"remote_name": candidate.remote_name, "suffix": name_suffix(candidate.id),
                "slug": candidate.slug, "title": candidate.title}
        for kind, key in keys.items():
            if key:
                self._by_key[kind].setdefault(key, []).append(candidate.id)

    def claim(self, record_id: str) -> None:
        """The record is linked now: no other dataset may match it."""
        self._by_id.pop(record_id, None)  # the key lists are filtered through ``_by_id``

    def _live(self, ids: Iterable[str], package: PackageKey) -> list[LocalCandidate]:
        found = (self._by_id.get(i) for i in ids)
        return [c for c in found if c is not None and c.public != package.private]

    def _same_org(self, candidate: LocalCandidate, package: PackageKey) -> bool:
        return package.owner_org is not None \
            and self.org_of_opd.get(candidate.opd_id or "") == package.owner_org

    def match(self, package: PackageKey, levels: tuple[str, ...] = LEVELS) -> Match | None:
        """The first level with candidates for ``package``, or None."""
        for level in levels:
            found = sorted({c.id for c in self._at(level, package)})
            if found:
                return Match(level, tuple(found))
        return None

    def _at(self, level: str, package: PackageKey) -> list[LocalCandidate]:
        keys = self._by_key
        if level == "desk_id":
            return self._live([package.desk_id] if package.desk_id else [], package)
        if level == "name":
            by_remote = self._live(keys["remote_name"].get(package.name, []), package)
            suffix = _SUFFIX.search(package.name)
            ours = [c for c in self._live(keys["suffix"].get(suffix.group(1), []) if suffix
                                          else [], package)
                    if is_our_name(package.name, c.id)]
            slugged = [c for c in self._live(keys["slug"].get(package.name, []), package)
                       if self._same_org(c, package)]
            return by_remote + ours + slugged
        same_title = self._live(keys["title"].get(package.title, []) if package.title
                                else [], package)
        if level == "title_org":
            return [c for c in same_title if self._same_org(c, package)]
        return [c for c in same_title  # "title": the record's OPD is not mapped elsewhere
                if self.org_of_opd.get(c.opd_id or "") in (None, package.owner_org)]
