"""Deletions: the catalog never reports them in a pull, so known ids are checked.

``package_list`` (active public names, a few small pages) rules out most datasets at
once; only the ones missing from it (deleted, private or renamed) are asked about with
``package_show``. A dataset deleted there is deleted here, unless it was edited here
since the last sync (a conflict "deleted there, edited here") or apps here use it (a
conflict naming them, see ``deletion_conflicts``): the user settles those, once, never
a silent loss and never an error repeated on every run.

Only links made with *this* catalog are checked (``sync_record.catalog``, see
``catalog_identity``): "not found" on another catalog says nothing about them. And a run
that would remove more than a share of the register (:data:`DELETION_SHARE`, at least
:data:`DELETION_FLOOR`) deletes nothing and reports what it held back
(``ReconcileOutcome.held``): a catalog emptied by mistake, a wrong index or a wrong
address must not empty the register; the user confirms and the next run goes ahead.
The same check asks about the register's own datasets the catalog still lists but this
register deleted unasked (``gaps``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.models import Dataset, utcnow
from desktop.core.models.sync import SyncConflict, SyncRecord, SyncWatermark
from desktop.sync.client import CatalogClient
from desktop.sync.deletion_conflicts import hold_remote_delete
from desktop.sync.gaps import report_gaps
from desktop.sync.local import (
    DELETED_FIELD,
    DELETION_FIELDS,
    KIND,
    open_conflict_fields,
    remote_session,
    store_conflicts,
)
from desktop.sync.merge import FieldConflict
from desktop.sync.paging import iter_package_names
from desktop.sync.remote_state import RemoteState, RemoteStatus, remote_states

CHECKED = "datasets:checked"  # SyncWatermark kind: when deletions were last fully checked
DELETION_SHARE = 0.10  # of the linked datasets: more gone in one run is held for the user
DELETION_FLOOR = 5  # ... but a small register may always lose this many (10 % of 20 is 2)
RecordError = Callable[[str | None, str | None, str], None]


@dataclass
class ReconcileOutcome:
    deleted: int = 0
    conflicts: int = 0
    held: list[str] = field(default_factory=list)  # titles not deleted: too many at once


def deletion_limit(linked: int, share: float = DELETION_SHARE) -> int:
    """How many removals one run may apply without asking."""
    return max(DELETION_FLOOR, int(linked * share))


def candidates(desk: Desk, client: CatalogClient, catalog_key: str | None = None,
               listed: set[str] | None = None) -> dict[str, str]:
    """remote id -> local id of this catalog's linked datasets the public name list lacks
    (``catalog_key`` None: every link, for callers that checked the catalog otherwise)."""
    query = select(SyncRecord.remote_id, SyncRecord.remote_name, SyncRecord.record_id).where(
        SyncRecord.kind == KIND, SyncRecord.remote_id.is_not(None))
    if catalog_key is not None:
        query = query.where(SyncRecord.catalog == catalog_key)
    with desk.db.session() as s:
        rows = s.execute(query).all()
    if not rows:
        return {}
    if listed is None:
        listed = set(iter_package_names(client))
    return {remote_id: record_id for remote_id, name, record_id in rows if name not in listed}


def needs_full_check(desk: Desk, client: CatalogClient, catalog_url: str,
                     every: timedelta) -> bool:
    """Whether a deletion may have happened since the last full check.

    After a pull every dataset the search shows is linked here, so with no deletion the
    catalog's count equals the number of linked datasets; a deletion leaves the search
    index and the count falls short. Anything else odd (a dataset that failed to come
    in, a lagging index) makes the counts differ too and buys a full check, as does a
    day without one, which also covers a deletion and a failure cancelling out, and a
    link to a dataset deleted here that no push will delete there (a gap).
    """
    with desk.db.session() as s:
        linked = _linked_count(s)
        last = s.get(SyncWatermark, (catalog_url, CHECKED))
        stray = _stray_link(s)
    if last is None or datetime.fromisoformat(last.modified) < utcnow() - every or stray:
        return True
    return int(client.package_search(rows=0)["count"]) != linked


def _stray_link(s: Session) -> bool:
    """A link to a dataset deleted here with no delete waiting to go out: the catalog
    still has it and nobody asked (see ``gaps``). Read off the index of deleted rows,
    each looked up by its sync row's key: asked the other way round, SQLite walked every
    clean sync row (their last-synced copies, kilobytes each): 2.9 ms at 10,000 on every
    sync, against 0.08 ms."""
    linked = exists().where(SyncRecord.kind == KIND, SyncRecord.record_id == Dataset.id,
                            SyncRecord.remote_id.is_not(None), SyncRecord.dirty.is_(False))
    asked = select(SyncConflict.record_id).where(SyncConflict.resolved_at.is_(None))
    return s.scalar(select(Dataset.id).where(
        Dataset.deleted_at.is_not(None), linked, Dataset.id.not_in(asked)).limit(1)) is not None


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
              catalog_key: str | None = None, every: timedelta = timedelta(days=1),
              share: float = DELETION_SHARE, confirmed: bool = False) -> ReconcileOutcome:
    """Apply the catalog's deletions to this catalog's links; ``confirmed`` lifts the
    share limit for this run (the user said the catalog really lost them)."""
    outcome = ReconcileOutcome()
    if not needs_full_check(desk, client, catalog_url, every):
        return outcome
    listed = set(iter_package_names(client))
    suspects = candidates(desk, client, catalog_key, listed)
    gone: list[tuple[str, RemoteStatus]] = []
    for status in remote_states(client, list(suspects)):
        check()
        record_id = suspects[status.remote_id]
        if status.state in (RemoteState.DELETED, RemoteState.PURGED):
            gone.append((record_id, status))
        elif status.package is not None:
            with desk.db.session() as s:
                state = s.get(SyncRecord, (KIND, record_id))
                if state is not None:
                    state.remote_name = status.package["name"]
    plan = _removals(desk, gone)
    # the other way round: datasets it still has that were deleted here unasked
    outcome.conflicts += report_gaps(desk, client, listed, catalog_key, check)
    with desk.db.session() as s:
        linked = _linked_count(s)
    if not confirmed and len(plan) > deletion_limit(linked, share):
        outcome.held = [title for _record_id, _status, title in plan]
        return outcome  # not marked checked: the next run looks again (and asks again)
    for record_id, status, title in plan:
        check()
        try:
            _remove(desk, record_id, status, outcome)
        except DeskError as error:
            on_error(record_id, status.remote_id, t("Dataset \"{title}\" dihapus di katalog, "
                                                    "tetapi tidak dapat dihapus di sini: "
                                                    "{error}", title=title, error=str(error)))
    _checked_now(desk, catalog_url)
    return outcome


def _removals(desk: Desk, gone: list[tuple[str, RemoteStatus]]
              ) -> list[tuple[str, RemoteStatus, str]]:
    """(record id, status, title) of the deletions that would change something here: the
    dataset is still live here and no conflict about its existence waits already."""
    plan = []
    with desk.db.session() as s:
        for record_id, status in gone:
            local = s.get(Dataset, record_id)
            if local is None or local.deleted_at is not None:
                continue  # deleted here too (its push is recorded or on its way)
            if open_conflict_fields(s, record_id) & DELETION_FIELDS:
                continue  # the user has it in hand
            plan.append((record_id, status, local.judul))
    return plan


def _remove(desk: Desk, record_id: str, status: RemoteStatus,
            outcome: ReconcileOutcome) -> None:
    with remote_session(desk) as s:
        state = s.get(SyncRecord, (KIND, record_id))
        if state is None or state.remote_id != status.remote_id:
            return
        if state.dirty:
            outcome.conflicts += store_conflicts(
                s, record_id, [FieldConflict(DELETED_FIELD, False, False, True)])
            return
        held = hold_remote_delete(s, record_id, status.state.value)
        if held is not None:  # apps here use it: the user decides
            outcome.conflicts += held
            return
        desk.datasets.delete(record_id, session=s)
        state.remote_id = state.remote_name = state.remote_modified = None
        state.base, state.dirty, state.catalog = None, False, None
        outcome.deleted += 1
