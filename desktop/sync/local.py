"""Writing what the catalog says into the local register, through the record service.

Every change goes through ``RecordService`` (validation, audit, search index), inside a
session flagged ``APPLYING_REMOTE`` so it is not mistaken for a clerk's edit and pushed
straight back. Conflicts are stored here too, one open row per record and field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.core.desk import Desk
from desktop.core.models import Dataset, PerangkatDaerah, new_id
from desktop.core.models.sync import APPLYING_REMOTE, SyncConflict, SyncRecord
from desktop.sync.mapping import RemoteDataset
from desktop.sync.merge import FieldConflict
from desktop.sync.values import Values, for_service, remote_values

KIND = "datasets"
DELETED_FIELD = "__deleted__"  # the conflict "deleted there, edited here"
DELETED_HERE_FIELD = "_dihapus_lokal"  # "deleted here, edited there" (deletion_conflicts)
USED_BY_APPS_FIELD = "_dihapus_katalog_dipakai"  # deleted there, apps here still use it
# conflicts about a whole dataset rather than one field: the record waits for the user
DELETION_FIELDS = frozenset({DELETED_FIELD, DELETED_HERE_FIELD, USED_BY_APPS_FIELD})


@contextmanager
def remote_session(desk: Desk) -> Iterator[Session]:
    """A unit of work whose record changes come from the catalog (not marked dirty)."""
    with desk.db.session() as s:
        s.info[APPLYING_REMOTE] = True
        yield s


def local_dataset(desk: Desk, s: Session, record_id: str) -> dict[str, Any] | None:
    """The record dict (deleted ones too), or None if it no longer exists at all."""
    if s.get(Dataset, record_id) is None:
        return None
    return desk.datasets.get(record_id, include_deleted=True, session=s)


def preload_datasets(s: Session, record_ids: list[str]) -> list[Dataset]:
    """A page's known datasets with their resources and OPDs, in three queries.

    The record service then finds each in the session instead of loading it, its
    resources and its OPD one by one (half the cost of applying a changed package).
    Keep the returned list while the page is applied: the session only holds weak
    references to unchanged objects.
    """
    if not record_ids:
        return []
    return list(s.scalars(select(Dataset).where(Dataset.id.in_(record_ids)).options(
        selectinload(Dataset.resources), selectinload(Dataset.opd))))


def apply_to_local(desk: Desk, s: Session, record: Mapping[str, Any],
                   changes: Values) -> None:
    if changes:
        desk.datasets.update(record["id"], for_service(changes),
                             expected_version=record["version"], session=s)


def create_local(desk: Desk, s: Session, remote: RemoteDataset, opd_id: str) -> str:
    """A new local dataset from a package; it keeps the catalog's ``desk_id`` when free,
    so two registers syncing one catalog end up with the same ids."""
    record_id = remote.desk_id if remote.desk_id and s.get(Dataset, remote.desk_id) is None \
        else new_id()
    data = for_service(remote_values(remote))
    desk.datasets.create({**data, "id": record_id, "opd_id": opd_id}, session=s)
    return record_id


def opd_from_organization(desk: Desk, s: Session, org: Mapping[str, Any]) -> str:
    """An OPD for an organization no OPD matches (a dataset must belong to one)."""
    kode = (org.get("name") or org.get("id") or "opd")[:30]
    existing = s.scalar(select(PerangkatDaerah.id).where(PerangkatDaerah.kode == kode,
                                                         PerangkatDaerah.deleted_at.is_(None)))
    if existing:
        return existing
    created = desk.opd.create({"kode": kode, "nama": (org.get("title") or kode)[:200]},
                              session=s)
    return str(created["id"])


def store_conflicts(s: Session, record_id: str, conflicts: list[FieldConflict]) -> int:
    """Open conflicts for these fields; an open one for the same field gets fresh values."""
    if not conflicts:
        return 0
    open_rows = {c.field: c for c in s.scalars(select(SyncConflict).where(
        SyncConflict.kind == KIND, SyncConflict.record_id == record_id,
        SyncConflict.resolved_at.is_(None)))}
    added = 0
    for c in conflicts:
        row = open_rows.get(c.field)
        if row is None:
            s.add(SyncConflict(kind=KIND, record_id=record_id, field=c.field,
                               base_value={"v": c.base}, local_value={"v": c.local},
                               remote_value={"v": c.remote}))
            added += 1
        else:
            row.local_value, row.remote_value = {"v": c.local}, {"v": c.remote}
    return added


def open_conflict_fields(s: Session, record_id: str) -> set[str]:
    return set(s.scalars(select(SyncConflict.field).where(
        SyncConflict.kind == KIND, SyncConflict.record_id == record_id,
        SyncConflict.resolved_at.is_(None))))


def sync_record(s: Session, record_id: str) -> SyncRecord:
    state = s.get(SyncRecord, (KIND, record_id))
    if state is None:
        state = SyncRecord(kind=KIND, record_id=record_id, dirty=False)
        s.add(state)
    return state
