"""Updating many records of one kind at once: the bulk half of ``RecordService.update_many``.

Through ``update`` a changed record costs three flushes (the version bump, the search
entry, and the savepoint a caller wraps it in so that a refused record loses only
itself) and a query for its search entry. A sync that brings ten changed datasets paid
that ten times over, which made a quiet incremental sync's cost grow by ~2 ms a change.
Here the records are checked and changed in memory with the *same* checks ``update``
makes (``RecordService._validate``: field cleaning, references, the kind's rules), then
flushed together, with their audit rows in one multi-row INSERT and their search entries
read in one query, all in one savepoint.

As with ``create_many``, the rules of one call see the database as it was before the
call, not the other records of the call: a caller that may name a record twice must not
(``update_many`` refuses it). When the flush turns something down (a record changed
meanwhile, a constraint the checks cannot see), the savepoint is rolled back and every
record goes through ``update`` in a savepoint of its own, which says which one and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from desktop.core.errors import DeskError, NotFoundError, StaleRecordError
from desktop.core.i18n import t
from desktop.core.models import AuditLog, SearchEntry, utcnow
from desktop.core.models.sync import mark_dirty_many
from desktop.core.search import index_record
from desktop.core.services.creating import Outcome
from desktop.core.services.inserting import Plan, insert_rows
from desktop.core.services.references import References
from desktop.core.services.relations import many_to_one
from desktop.core.services.snapshot import audit_snapshot, diff, jsonable

if TYPE_CHECKING:
    from desktop.core.services.records import RecordService


@dataclass(frozen=True)
class Change:
    """One record's new values, refused if it moved past ``expected_version``."""

    record_id: str
    data: Mapping[str, Any]
    expected_version: int


@dataclass
class _Changed:
    position: int
    obj: Any
    changes: dict[str, Any]  # the audit row's before/after pairs
    text_before: tuple[str, str, str]


class _FlushRefused(Exception):
    """The batch's flush was turned down: roll back, then record by record."""


def update_many(service: RecordService, s: Session, changes: Iterable[Change]
                ) -> list[Outcome]:
    """Each change's record id, or the error that refused it (see the module)."""
    todo = list(changes)
    if len({c.record_id for c in todo}) != len(todo):
        raise ValueError("update_many: a record named twice in one call")
    if not todo:
        return []
    try:
        with s.begin_nested():
            return BulkUpdater(service, s).run(todo)
    except _FlushRefused:
        return one_update_at_a_time(service, s, todo)


def one_update_at_a_time(service: RecordService, s: Session,
                         changes: Iterable[Change]) -> list[Outcome]:
    """Each change through ``update`` in its own savepoint: a refused one loses only
    itself."""
    out: list[Outcome] = []
    for change in changes:
        try:
            with s.begin_nested():
                service.update(change.record_id, change.data,
                               expected_version=change.expected_version, session=s)
        except DeskError as error:
            out.append(error)
        else:
            out.append(change.record_id)
    return out


class BulkUpdater:
    """Checks and applies changes as ``update`` does, writing them together; one per call."""

    def __init__(self, service: RecordService, session: Session) -> None:
        self.service = service
        self.kind = service.kind
        self.s = session
        self.plans: dict[tuple[str, tuple[str, ...]], Plan] = {}
        # each record pointed at asked once a call (nothing in it is deleted)
        self.refs = References(session, remember=True)

    def run(self, changes: list[Change]) -> list[Outcome]:
        out: list[Outcome] = [c.record_id for c in changes]
        held = self._load([c.record_id for c in changes])  # noqa: F841 (kept alive)
        changed: list[_Changed] = []
        with self.s.no_autoflush:  # the checks see the database as it was before the call
            for position, change in enumerate(changes):
                try:
                    done = self._change(position, change)
                except DeskError as error:
                    out[position] = error
                    continue
                if done is not None:
                    changed.append(done)
        if changed:
            self._write(changed)
        return out

    def _load(self, ids: list[str]) -> list[Any]:
        """The records, their owned rows and the records they point at, a query each;
        ``get`` then finds each in the identity map, which holds them only while they are
        referenced: keep the list for the whole call. Records the session holds already
        (a pull preloads its page with what it needs) are not read again."""
        model = self.kind.model
        held = [obj for obj in (self.s.identity_map.get(identity_key(model, i)) for i in ids)
                if obj is not None]
        missing = sorted(set(ids) - {obj.id for obj in held})
        if missing:
            held += self.s.scalars(select(model).where(model.id.in_(missing)).options(
                *(selectinload(getattr(model, c.attr)) for c in self.kind.collections),
                *(selectinload(getattr(model, key)) for key in many_to_one(model)))).all()
        return held + [related for obj in held for key in many_to_one(model)
                       if (related := getattr(obj, key)) is not None]

    def _change(self, position: int, change: Change) -> _Changed | None:
        """``update``'s checks and changes in memory; None: nothing changed."""
        service, kind = self.service, self.kind
        obj = self.s.get(kind.model, change.record_id)
        if obj is None or obj.deleted_at is not None:
            raise NotFoundError(t("{kind} tidak ditemukan atau sudah dihapus.",
                                  kind=str(kind.label)))
        if obj.version != change.expected_version:
            raise StaleRecordError(service._stale_message(), current_version=obj.version)
        before = audit_snapshot(kind, obj)
        text_before = service._indexed_text(obj)
        clean, rows = service._validate(self.s, change.data, obj, self.refs)
        service._apply(self.s, obj, clean, rows)
        changes = diff(before, audit_snapshot(kind, obj))
        if not changes:
            return None
        obj.updated_at = utcnow()  # bumps the version, as ``update`` does
        return _Changed(position, obj, changes, text_before)

    def _write(self, changed: list[_Changed]) -> None:
        s, kind, service = self.s, self.kind, self.service
        try:
            s.flush()
        except (StaleDataError, IntegrityError) as error:
            raise _FlushRefused from error
        now, actor = utcnow(), service.actor()
        insert_rows(s.connection(), AuditLog.__table__, [
            {"waktu": now, "pengguna": actor, "jenis": kind.name, "record_id": c.obj.id,
             "aksi": "update", "perubahan": jsonable(c.changes)} for c in changed],
            self.plans)
        ids = [c.obj.id for c in changed]
        with s.no_autoflush:  # written at the end, together
            mark_dirty_many(s, kind.name, ids)
            entries = {e.record_id: e for e in s.scalars(
                select(SearchEntry).where(SearchEntry.record_id.in_(ids)))}
            for c in changed:
                service._expire_related(s, c.obj)
                index_record(s, kind.name, c.obj.id, kind.title(c.obj), kind.subtitle(c.obj),
                             kind.search_text(c.obj), kind.sort_value(c.obj), entries)
        for c in changed:
            if service._indexed_text(c.obj) != c.text_before:
                service._reindex_dependents(s, c.obj.id)
