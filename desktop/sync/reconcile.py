"""Deletions: the catalog never reports them in a pull, so known ids are checked.

``package_list`` (active public names, a few small pages) rules out most datasets at
once; only the ones missing from it (deleted, private or renamed) are asked about with
``package_show``. A dataset deleted there is deleted here, unless it was edited here
since the last sync: then it becomes a conflict ("deleted there, edited here") for the
user to settle, never a silent loss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.models import Dataset, utcnow
from desktop.core.models.sync import SyncRecord, SyncWatermark
from desktop.sync.client import CatalogClient
from desktop.sync.local import (
    DELETED_FIELD,
    KIND,
    open_conflict_fields,
    remote_session,
    store_conflicts,
)
from desktop.sync.merge import FieldConflict
from desktop.sync.paging import iter_package_names
from desktop.sync.remote_state import RemoteState, remote_states

CHECKED = "datasets:checked"  # SyncWatermark kind: when deletions were last fully checked
RecordError = Callable[[str | None, str | None, str], None]


@dataclass
class ReconcileOutcome:
    deleted: int = 0
    conflicts: int = 0


def candidates(desk: Desk, client: CatalogClient) -> dict[str, str]:
    """remote id -> local id of linked datasets the public name list lacks."""
    with desk.db.session() as s:
        rows = s.execute(select(SyncRecord.remote_id, SyncRecord.remote_name, SyncRecord.record_id)
                         .where(SyncRecord.kind == KIND, SyncRecord.remote_id.is_not(None))
                         ).all()
    if not rows:
        return {}
    listed = set(iter_package_names(client))
    return {remote_id: record_id for remote_id, name, record_id in rows if name not in listed}


def needs_full_check(desk: Desk, client: CatalogClient, catalog_url: str,
                     every: timedelta) -> bool:
    """Whether a deletion may have happened since the last full check.

    After a pull every dataset the search shows is linked here, so with no deletion the
    catalog's count equals the number of linked datasets; a deletion leaves the search
    index and the count falls short. Anything else odd (a dataset that failed to come
    in, a lagging index) makes the counts differ too and buys a full check, as does a
    day without one, which also covers a deletion and a failure cancelling out.
    """
    with desk.db.session() as s:
        linked = _linked_count(s)
        last = s.get(SyncWatermark, (catalog_url, CHECKED))
    if last is None or datetime.fromisoformat(last.modified) < utcnow() - every:
        return True
    return int(client.package_search(rows=0)["count"]) != linked


def _linked_count(s: Session) -> int:
    """Linked datasets, counted without reading the table: its rows carry each dataset's
    last-synced copy (kilobytes each), so a filter on ``kind`` that visits them costs a
    scan of the whole table on every sync. The remote-id index counts all linked records
    by itself; the other kinds' (a few apps) come off by the primary key's range."""
    linked = select(func.count()).select_from(SyncRecord).where(SyncRecord.remote_id.is_not(None))
    others = linked.where(or_(SyncRecord.kind < KIND, SyncRecord.kind > KIND))
    return int(s.scalar(linked) or 0) - int(s.scalar(others) or 0)


def _checked_now(desk: Desk, catalog_url: str) -> None:
    with desk.db.session() as s:
        row = s.get(SyncWatermark, (catalog_url, CHECKED))
        now = utcnow().isoformat()
        if row is None:
            s.add(SyncWatermark(catalog_url=catalog_url, kind=CHECKED, modified=now))
        else:
            row.modified = now


def reconcile(desk: Desk, client: CatalogClient, on_error: RecordError,
              check: Callable[[], None], *, catalog_url: str,
              every: timedelta = timedelta(days=1)) -> ReconcileOutcome:
    outcome = ReconcileOutcome()
    if not needs_full_check(desk, client, catalog_url, every):
        return outcome
    suspects = candidates(desk, client)
    for status in remote_states(client, list(suspects)):
        check()
        record_id = suspects[status.remote_id]
        if status.state not in (RemoteState.DELETED, RemoteState.PURGED):
            if status.package is not None:
                with desk.db.session() as s:
                    state = s.get(SyncRecord, (KIND, record_id))
                    if state is not None:
                        state.remote_name = status.package["name"]
            continue
        try:
            with remote_session(desk) as s:
                state = s.get(SyncRecord, (KIND, record_id))
                if state is None or DELETED_FIELD in open_conflict_fields(s, record_id):
                    continue
                local = s.get(Dataset, record_id)
                if local is None or local.deleted_at is not None:
                    continue  # deleted here too (its push is recorded or on its way)
                if state.dirty:
                    outcome.conflicts += store_conflicts(
                        s, record_id, [FieldConflict(DELETED_FIELD, False, False, True)])
                    continue
                desk.datasets.delete(record_id, session=s)
                state.remote_id = state.remote_name = state.remote_modified = None
                state.base, state.dirty = None, False
                outcome.deleted += 1
        except DeskError as error:
            on_error(record_id, status.remote_id, str(error))
    _checked_now(desk, catalog_url)
    return outcome
