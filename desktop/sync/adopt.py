"""Creating a dataset so that a retry, a lost answer, or a catalog that has it already is
harmless.

The name is derived from the local id (``naming``) and the package carries ``desk_id``;
when CKAN says the name is taken, the dataset under that name is fetched and adopted if
its ``desk_id`` is ours (our earlier create did land). A stranger's dataset is never
adopted this way (overwritten with our values): the original "name in use" error goes
back to the record.

Before a create, ``CatalogMatcher`` asks the catalog whether it already holds the record
(``matching``): by ``desk_id`` (ours: adopted as above, even renamed), by name, by title
in the record's organization. A dataset someone else made for the same record is
*linked* instead (``linking``): no write to the catalog, a conflict per differing field.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogValidationError
from desktop.sync.linking import link_record
from desktop.sync.local import KIND, remote_session
from desktop.sync.mapping import DESK_ID_KEY
from desktop.sync.matching import (
    LEVELS,
    PUSH_LEVELS,
    LocalCandidate,
    PackageKey,
    UnlinkedIndex,
)
from desktop.sync.naming import NAME_MAX, slugify

log = logging.getLogger(__name__)
SEARCH_ROWS = 100  # a title's phrase may match longer titles too; the best come first
RELEVANCE = "score desc, metadata_modified desc"


@dataclass(frozen=True)
class CreateOutcome:
    package: dict[str, Any]
    adopted: bool  # True: it already existed from an earlier try


def desk_id_of(package: dict[str, Any]) -> str | None:
    return next((e.get("value") for e in package.get("extras") or []
                 if e.get("key") == DESK_ID_KEY), None)


def create_or_adopt(client: CatalogClient, package: dict[str, Any], local_id: str, *,
                    ours: dict[str, Any] | None = None) -> CreateOutcome:
    """``ours``: a package carrying our ``desk_id`` found beforehand (adopted, no create)."""
    if ours is not None:
        return CreateOutcome(ours, adopted=True)
    try:
        return CreateOutcome(client.package_create(package), adopted=False)
    except CatalogValidationError as error:
        if not error.name_in_use:
            raise
        existing = client.package_show(package["name"])
        if desk_id_of(existing) != local_id:
            raise
        return CreateOutcome(existing, adopted=True)


@dataclass(frozen=True)
class Found:
    package: dict[str, Any]
    ours: bool  # carries this record's ``desk_id``: our own create, renamed or not


def _phrase(text: str) -> str:
    """A quoted Solr phrase (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class CatalogMatcher:
    """Finds, before a create, the catalog dataset a local record already is.

    One search per create (``desk_id`` OR name OR title), none at all once the catalog
    was seen empty in this run. The local side (which other unlinked records the
    dataset could also be) is read once per run: a dataset two records fit is linked
    to neither, and the record is created as usual.
    """

    def __init__(self, desk: Desk, client: CatalogClient) -> None:
        self.desk = desk
        self.client = client
        self._empty: bool | None = None
        self._local: UnlinkedIndex | None = None

    def query(self, record: Mapping[str, Any], name: str) -> str:
        terms = [f"extras_{DESK_ID_KEY}:{_phrase(record['id'])}", f"name:{_phrase(name)}"]
        slug = slugify(record.get("judul") or "", NAME_MAX)
        if slug and slug != name:
            terms.append(f"name:{_phrase(slug)}")
        if (record.get("judul") or "").strip():
            terms.append(f"title:{_phrase(record['judul'])}")
        return " OR ".join(terms)

    def find(self, record: Mapping[str, Any], package: Mapping[str, Any]) -> Found | None:
        """The catalog's dataset for ``record`` (about to be created as ``package``)."""
        if self._empty is None:
            self._empty = int(self.client.package_search(rows=0)["count"]) == 0
        if self._empty:
            return None
        if self._local is None:  # before this run's first create: created ones stay in it
            with self.desk.db.read_session() as s:
                self._local = UnlinkedIndex.load(s)
        record_id = str(record["id"])
        results = [p for p in self.client.package_search(
            q=self.query(record, package["name"]), rows=SEARCH_ROWS, sort=RELEVANCE)["results"]
            if (p.get("state") or "active") == "active"]
        if not results:
            return None
        with self.desk.db.read_session() as s:
            linked = set(s.scalars(select(SyncRecord.remote_id).where(
                SyncRecord.kind == KIND, SyncRecord.remote_id.in_([p["id"] for p in results]))))
        results = [p for p in results if p["id"] not in linked]  # one record per dataset
        ours = [p for p in results if desk_id_of(p) == record_id]
        if ours:
            return Found(ours[0], ours=True)
        self._local.add(LocalCandidate.of(record_id, record.get("judul"), record.get("opd_id"),
                                          record.get("sifat_data"), record.get("data_pribadi")))
        by_level: dict[int, list[dict[str, Any]]] = {}
        for candidate in results:
            match = self._local.match(PackageKey.of(candidate), PUSH_LEVELS)
            if match is not None and match.record_ids == (record_id,):
                by_level.setdefault(LEVELS.index(match.level), []).append(candidate)
        if not by_level:
            return None
        best = by_level[min(by_level)]
        if len(best) > 1:  # several catalog datasets are this record: create, do not guess
            log.info("catatan %s cocok dengan %d dataset katalog: dibuat baru",
                     record_id, len(best))
            return None
        return Found(best[0], ours=False)

    def link(self, record_id: str, package: dict[str, Any]) -> int:
        """Link the record to someone else's dataset for it; the conflicts opened."""
        with remote_session(self.desk) as s:
            added = link_record(self.desk, s, record_id, package)
        if self._local is not None:
            self._local.claim(record_id)
        return added
