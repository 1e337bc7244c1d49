"""Pull: apply the catalog's changes since the watermark, one slice per transaction.

Pages come sorted ``metadata_modified asc, id asc`` (see ``paging``); each slice of a page
is applied in one transaction together with the new watermark (the slice's last
timestamp), so a crash or cancel loses at most the slices not committed, and the next run
starts again from the watermark minus the overlap. Re-applying a package already seen
(same ``metadata_modified``) is a no-op, which makes the overlap and our own pushes
harmless. Datasets new to this register go in through the record service's bulk path:
:meth:`Puller.plan` checks them ahead (``RecordService.check_many``, in a reading session
on the engine's thread) while the writer thread (``pull_writer``) applies the slice before,
and :meth:`Puller.apply_planned` writes them as checked; ``apply_page`` does both at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.models import Dataset, PerangkatDaerah, new_id, utcnow
from desktop.core.models.sync import APPLYING_REMOTE, SyncRecord, SyncWatermark
from desktop.core.services.creating import CheckedRows
from desktop.core.services.inserting import insert_rows
from desktop.core.services.updating import Change
from desktop.sync.errors import describe
from desktop.sync.linking import link_record
from desktop.sync.local import (
    KIND,
    apply_to_local,
    create_local,
    local_dataset,
    opd_from_organization,
    preload_datasets,
    remote_session,
    store_conflicts,
)
from desktop.sync.mapping import DESK_ID_KEY, RemoteDataset, package_to_dataset
from desktop.sync.matching import PackageKey, UnlinkedIndex
from desktop.sync.memory import catalog_memory
from desktop.sync.merge import MergeResult, three_way
from desktop.sync.orgmap import opd_for_org, set_mapping
from desktop.sync.values import for_service, normalize, remote_values

RecordError = Callable[[str | None, str | None, str], None]  # record id, remote id, message
log = logging.getLogger(__name__)


@dataclass
class PageOutcome:
    pulled: int = 0
    conflicts: int = 0


def read_watermark(desk: Desk, catalog_url: str) -> str | None:
    with desk.db.session() as s:
        row = s.get(SyncWatermark, (catalog_url, KIND))
        return row.modified if row else None


def _desk_id(package: dict[str, Any]) -> str | None:
    return next((e.get("value") for e in package.get("extras") or []
                 if e.get("key") == DESK_ID_KEY), None)


def _already_seen(remote_modified: str | None, package: dict[str, Any]) -> bool:
    """This very version of the package is applied already: the overlap of the last
    run, or the echo of our own push."""
    return remote_modified is not None and remote_modified == package["metadata_modified"]


@dataclass
class SlicePlan:
    """A slice of a page on its way to the writer: its packages, the stamp the watermark
    moves to with its commit, and the new datasets :meth:`Puller.plan` checked ahead."""

    page: list[dict[str, Any]]
    last: str
    advance: bool = True
    checked: CheckedRows | None = None
    fresh: list[_New] = field(default_factory=list)
    ready_ids: set[str] = field(default_factory=set)
    opd_ids: set[str] = field(default_factory=set)


@dataclass
class _New:
    """A dataset new to this register, waiting for the page's ``create_many``."""

    package: dict[str, Any]
    data: dict[str, Any]
    state: dict[str, Any]


@dataclass
class _Update:
    """A linked dataset's catalog change, merged, waiting for the slice's ``update_many``."""

    package: dict[str, Any]
    state: SyncRecord
    record: dict[str, Any]
    merged: MergeResult
    remote: RemoteDataset


def _advance(s: Session, catalog_url: str, stamp: str) -> None:
    row = s.get(SyncWatermark, (catalog_url, KIND))
    if row is None:
        s.add(SyncWatermark(catalog_url=catalog_url, kind=KIND, modified=stamp))
    elif stamp > row.modified:
        row.modified = stamp


def finish_walk(desk: Desk, catalog_url: str, server_now: datetime | None,
                overlap: timedelta) -> None:
    """After a complete walk: nothing committed before the server's clock at its start,
    minus the overlap for transactions in flight, is left unseen. Moving the watermark
    there keeps the next pull from re-reading a bulk import done long ago; one more
    overlap of margin absorbs a proxy's clock running ahead of CKAN's."""
    if server_now is None:
        return
    with desk.db.session() as s:
        _advance(s, catalog_url, (server_now - overlap).isoformat(timespec="microseconds"))


class Puller:
    def __init__(self, desk: Desk, catalog_url: str,
                 organizations: Mapping[str, Mapping[str, Any]], on_error: RecordError) -> None:
        self.desk = desk
        self.catalog_url = catalog_url
        self.organizations = organizations  # by id, for OPDs made from organizations
        self.on_error = on_error
        self._unlinked: UnlinkedIndex | None = None  # local records a new dataset may be
        self._may_adopt: bool | None = None  # plan's own answer (read on the main thread)
        self._plans: dict[Any, Any] = {}  # sync rows' INSERT, worked out once

    def apply_page(self, page: list[dict[str, Any]], *, advance: bool = True) -> PageOutcome:
        """One transaction: every package of the page, then the watermark.

        Datasets new to this register go in together through ``create_many``; the rest,
        and any its checks turn down, one by one through the record service.
        """
        return self.apply_planned(SlicePlan(page, max(p["metadata_modified"] for p in page),
                                            advance))

    def plan(self, page: list[dict[str, Any]], in_flight: set[str], *,
             advance: bool = True) -> SlicePlan:
        """Check ahead, in a reading session, the datasets of ``page`` that are plainly new
        (no link, no twin to adopt, their OPD known); :meth:`apply_planned` writes them.

        Runs while the writer thread applies earlier slices, so it sees the database as
        their last commit left it: a package of a slice still ``in_flight`` (by remote id)
        is left to the writer, which reads it in its own transaction, as is any package
        whose OPD is not mapped yet or that a local record may already be.
        """
        plan = SlicePlan(page, max(p["metadata_modified"] for p in page), advance)
        with self.desk.db.read_session() as r:
            r.info[APPLYING_REMOTE] = True
            ids = [p["id"] for p in page if p["id"] not in in_flight]
            known = set(r.scalars(select(SyncRecord.remote_id).where(
                SyncRecord.kind == KIND, SyncRecord.remote_id.in_(ids))))
            candidates = [p for p in page if p["id"] not in in_flight and p["id"] not in known]
            if not candidates:
                return plan  # updates only: the writer applies them one by one
            if self._may_adopt is None:  # asked once per run, only when a new dataset comes
                self._may_adopt = UnlinkedIndex.any(r)
            if self._may_adopt:
                return plan  # a new package may be a local record: the writer matches it
            desk_ids = [d for d in map(_desk_id, candidates) if d]
            taken = set(r.scalars(select(Dataset.id).where(Dataset.id.in_(desk_ids))))
            orgs: dict[str, str] = {}
            fresh = [n for n in (self._new(r, p, taken, orgs) for p in candidates) if n]
            if not fresh:
                return plan
            checked = self.desk.datasets.check_many([n.data for n in fresh], session=r)
        if checked is None:
            return plan
        ready = [(n, record_id) for n, record_id in zip(fresh, checked.outcomes, strict=True)
                 if isinstance(record_id, str)]
        plan.checked, plan.fresh = checked, fresh
        plan.ready_ids = {n.package["id"] for n, _ in ready}
        plan.opd_ids = {n.data["opd_id"] for n, _ in ready}
        return plan

    def apply_planned(self, plan: SlicePlan) -> PageOutcome:
        """One transaction: the slice's packages (those :meth:`plan` checked ahead are
        written as checked), then the watermark; on the writer thread, or inline."""
        outcome = PageOutcome()
        refused: list[tuple[str | None, str]] = []
        with remote_session(self.desk) as s:
            ready = self._still_ready(s, plan)
            rest = [p for p in plan.page if p["id"] not in ready]
            if rest:
                self._apply_packages(s, rest, outcome, refused)
            if ready:
                self._write_checked(s, plan, outcome, refused)
            if plan.advance:
                _advance(s, self.catalog_url, plan.last)
        for remote_id, message in refused:  # logged after the commit: SQLite has one writer
            self.on_error(None, remote_id, message)
        return outcome

    @staticmethod
    def _still_ready(s: Session, plan: SlicePlan) -> set[str]:
        """The remote ids checked ahead that are still new here and whose OPD is still
        live: a clerk may have deleted the OPD meanwhile (then all go the usual way)."""
        if not plan.ready_ids or plan.checked is None:
            return set()
        live = set(s.scalars(select(PerangkatDaerah.id).where(
            PerangkatDaerah.id.in_(plan.opd_ids), PerangkatDaerah.deleted_at.is_(None))))
        if live != plan.opd_ids:
            return set()
        linked = set(s.scalars(select(SyncRecord.remote_id).where(
            SyncRecord.kind == KIND, SyncRecord.remote_id.in_(plan.ready_ids))))
        return set() if linked else set(plan.ready_ids)

    def _write_checked(self, s: Session, plan: SlicePlan, outcome: PageOutcome,
                       refused: list[tuple[str | None, str]]) -> None:
        """Write the rows checked ahead; one the write turns down takes the usual path."""
        assert plan.checked is not None
        made = plan.checked.write(s)
        kept = [(n, m) for n, m, before in zip(plan.fresh, made, plan.checked.outcomes,
                                               strict=True)
                if isinstance(before, str)]  # the refused ones are in the slice's rest
        self._link_new(s, [n for n, _ in kept], [m for _, m in kept], outcome, refused)

    def _apply_packages(self, s: Session, page: list[dict[str, Any]], outcome: PageOutcome,
                        refused: list[tuple[str | None, str]]) -> None:
        seen = dict(s.execute(select(SyncRecord.remote_id, SyncRecord.remote_modified).where(
            SyncRecord.kind == KIND, SyncRecord.remote_id.in_([p["id"] for p in page]))).all())
        page = [p for p in page if not _already_seen(seen.get(p["id"]), p)]
        known = {r.remote_id: r for r in s.scalars(select(SyncRecord).where(
            SyncRecord.kind == KIND, SyncRecord.remote_id.in_([p["id"] for p in page])))}
        loaded = preload_datasets(s, [r.record_id for r in known.values()])  # noqa: F841
        desk_ids = [_desk_id(p) for p in page]
        taken = set(s.scalars(select(Dataset.id).where(
            Dataset.id.in_([d for d in desk_ids if d]))))
        fresh: list[_New] = []
        updates: list[_Update] = []
        orgs: dict[str, str] = {}
        once = len({p["id"] for p in page}) == len(page)  # (a repeat: one at a time)
        for package in page:
            state = known.get(package["id"])
            if state is None and self._adopt(s, package, taken, outcome, refused):
                continue
            new = self._new(s, package, taken, orgs) if state is None else None
            if new is not None:
                fresh.append(new)
                continue
            update = self._update(s, package, state) if once and state else None
            if update is not None:
                updates.append(update)
                continue
            self._apply_one(s, package, state, outcome, refused)
        self._update_many(s, updates, outcome, refused)
        self._create_new(s, fresh, outcome, refused)

    def _adopt(self, s: Session, package: dict[str, Any], taken: set[str],
               outcome: PageOutcome, refused: list[tuple[str | None, str]]) -> bool:
        """Link a dataset new to this register to the unlinked local record it already is
        (``matching``); True when linked. Ambiguous (several records fit): not linked, it
        comes in as a record of its own, as does a dataset that fits none."""
        if self._unlinked is not None and not self._unlinked:
            return False  # every local record is linked (a first pull: there are none)
        key = PackageKey.of(package)
        if key.desk_id and key.desk_id in taken:
            if self._unlinked is not None:
                self._unlinked.claim(key.desk_id)  # linked by id on the usual path
            return False
        if package.get("state", "active") != "active":
            return False
        if self._unlinked is None:  # read once per run, only when a new dataset comes
            self._unlinked = UnlinkedIndex.load(s)
        if not self._unlinked:
            return False
        match = self._unlinked.match(key)
        if match is None:
            return False
        if match.record_id is None:
            log.info("dataset katalog %s cocok dengan %d catatan lokal (%s): tidak ditautkan",
                     key.name, len(match.record_ids), match.level)
            return False
        try:
            with s.begin_nested():
                outcome.conflicts += link_record(self.desk, s, match.record_id, package)
        except DeskError as error:
            refused.append((package.get("id"), describe(
                error, package.get("title") or package.get("name") or "-")))
        else:
            outcome.pulled += 1
        self._unlinked.claim(match.record_id)
        taken.add(match.record_id)
        return True

    @staticmethod
    def _new(s: Session, package: dict[str, Any], taken: set[str],
             orgs: dict[str, str]) -> _New | None:
        """A dataset new to us, ready for ``create_many``; None: take the slow path."""
        remote = package_to_dataset(package)
        if remote.state != "active" or not remote.owner_org:
            return None
        if remote.desk_id and remote.desk_id in taken:
            return None  # ours already: link, do not duplicate
        opd_id = orgs.get(remote.owner_org) or opd_for_org(s, remote.owner_org)
        if opd_id is None:
            return None  # the slow path makes the OPD, the next ones come here
        orgs[remote.owner_org] = opd_id
        record_id = remote.desk_id or new_id()
        values = remote_values(remote)
        # ``remote_values`` is as the service takes it
        data = {**values, "id": record_id, "opd_id": opd_id}
        state = {"remote_id": remote.remote_id, "remote_name": remote.name,
                 "remote_modified": remote.metadata_modified,
                 "base": {**values, **catalog_memory(package)}}
        taken.add(record_id)
        return _New(package, data, state)

    def _create_new(self, s: Session, fresh: list[_New], outcome: PageOutcome,
                    refused: list[tuple[str | None, str]]) -> None:
        """The page's new datasets in one ``create_many``, each linked to its package;
        one its checks turn down takes the slow path, which says why."""
        if not fresh:
            return
        made = self.desk.datasets.create_many([n.data for n in fresh], session=s)
        self._link_new(s, fresh, made, outcome, refused)

    def _link_new(self, s: Session, fresh: list[_New], made: list[Any], outcome: PageOutcome,
                  refused: list[tuple[str | None, str]]) -> None:
        """Sync rows for the datasets ``create_many`` made; the others the slow way."""
        now = utcnow()
        states = [{"kind": KIND, "record_id": record_id, "dirty": False, "error": None,
                   "changed_at": now, **new.state}
                  for new, record_id in zip(fresh, made, strict=True)
                  if isinstance(record_id, str)]
        if states:
            insert_rows(s.connection(), SyncRecord.__table__, states, self._plans)
        outcome.pulled += len(states)
        for new, record_id in zip(fresh, made, strict=True):
            if not isinstance(record_id, str):
                self._apply_one(s, new.package, None, outcome, refused)

    def _update(self, s: Session, package: dict[str, Any], state: SyncRecord
                ) -> _Update | None:
        """A linked dataset's catalog change merged with the record (as :meth:`_apply`
        merges it), for :meth:`_update_many`; None: not a plain update, take ``_apply``."""
        remote = package_to_dataset(package)
        if remote.state != "active":
            return None
        record = local_dataset(self.desk, s, state.record_id)
        if record is None or record["deleted_at"] is not None:
            return None
        merged = three_way(dict(state.base or {}) or None, normalize(record),
                           remote_values(remote))
        return _Update(package, state, record, merged, remote)

    def _update_many(self, s: Session, updates: list[_Update], outcome: PageOutcome,
                     refused: list[tuple[str | None, str]]) -> None:
        """The slice's changed datasets through one ``update_many``, then their sync
        state, as :meth:`_apply` would leave each; one the checks refuse is reported and
        keeps its old state (the next pull brings it again)."""
        changing = [u for u in updates if u.merged.to_local]
        outcomes = self.desk.datasets.update_many(
            [Change(u.record["id"], for_service(u.merged.to_local), u.record["version"])
             for u in changing], session=s)
        errors = {u.record["id"]: error for u, error in zip(changing, outcomes, strict=True)
                  if isinstance(error, DeskError)}
        for u in updates:
            error = errors.get(u.record["id"])
            if error is not None:
                refused.append((u.package.get("id"), describe(
                    error, u.package.get("title") or u.package.get("name") or "-")))
                continue
            outcome.conflicts += store_conflicts(s, u.record["id"], u.merged.conflicts)
            self._remember(u.state, u.package, u.remote, u.merged)
            if u.merged.to_local:
                outcome.pulled += 1

    @staticmethod
    def _remember(state: SyncRecord, package: dict[str, Any], remote: RemoteDataset,
                  merged: MergeResult) -> None:
        """The sync state after a merge: what both sides now agree on, the package's stamp."""
        state.base = {**merged.base, **catalog_memory(package)}
        state.remote_modified = remote.metadata_modified
        state.remote_name = remote.name
        if merged.to_remote:
            state.dirty = True

    def _apply_one(self, s: Session, package: dict[str, Any], state: SyncRecord | None,
                   outcome: PageOutcome, refused: list[tuple[str | None, str]]) -> None:
        """One package through the record service, in its own savepoint: a package the
        checks refuse is reported, the rest of the page goes on."""
        try:
            with s.begin_nested():
                self._apply(s, package, state, outcome)
        except DeskError as error:
            refused.append((package.get("id"), describe(  # named as the catalog has it
                error, package.get("title") or package.get("name") or "-")))

    def _apply(self, s: Session, package: dict[str, Any], state: SyncRecord | None,
               outcome: PageOutcome) -> None:
        remote = package_to_dataset(package)
        if remote.state != "active":
            return
        if state is None and remote.desk_id:
            state = self._ours_without_state(s, remote.desk_id, remote.remote_id)
        values = remote_values(remote)
        record = local_dataset(self.desk, s, state.record_id) if state else None
        if state is None or record is None:
            record_id = self._create(s, package, remote)
            if state is None:
                state = s.get(SyncRecord, (KIND, record_id)) or SyncRecord(
                    kind=KIND, record_id=record_id)
                s.add(state)
            state.record_id, state.dirty = record_id, False
            state.remote_id, state.remote_name = remote.remote_id, remote.name
            state.remote_modified = remote.metadata_modified
            state.base = {**values, **catalog_memory(package)}
            outcome.pulled += 1
            return
        if record["deleted_at"] is not None:
            return  # deleted here: the push deletes it there
        base = dict(state.base or {})
        merged = three_way(base or None, normalize(record), values)
        apply_to_local(self.desk, s, record, merged.to_local)
        outcome.conflicts += store_conflicts(s, record["id"], merged.conflicts)
        self._remember(state, package, remote, merged)
        if merged.to_local:
            outcome.pulled += 1

    @staticmethod
    def _ours_without_state(s: Session, desk_id: str, remote_id: str) -> SyncRecord | None:
        """A local record the catalog names by ``desk_id`` but we never linked (a lost
        create answer, a restored backup): link it instead of making a twin."""
        if s.get(Dataset, desk_id) is None:
            return None
        state = s.get(SyncRecord, (KIND, desk_id))
        if state is not None and state.remote_id not in (None, remote_id):
            return None
        if state is None:
            state = SyncRecord(kind=KIND, record_id=desk_id, dirty=False)
            s.add(state)
        state.remote_id = remote_id
        return state

    def _create(self, s: Session, package: dict[str, Any], remote: Any) -> str:
        opd_id = opd_for_org(s, remote.owner_org)
        if opd_id is None:
            org = self.organizations.get(remote.owner_org or "") or package.get("organization")
            if not org:
                raise DeskError(f"owner_org {remote.owner_org or '-'}")
            opd_id = opd_from_organization(self.desk, s, org)
            set_mapping(s, opd_id, org["id"], org["name"], manual=False)
        return create_local(self.desk, s, remote, opd_id)
