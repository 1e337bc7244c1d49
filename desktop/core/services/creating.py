"""Creating many records of one kind at once: the bulk half of ``RecordService.create_many``.

Through ``create`` a new record costs a dozen round trips to the database (flushes, reloads
for the audit snapshot and the search text). Here a batch of records goes in as a few
multi-row INSERTs, after the *same* checks ``create`` makes (``RecordService._validate``:
field cleaning, references, the kind's rules) and with the same audit row, search entry and
mark for the catalog. A sync's first pull and a 10,000-row sheet take seconds, not minutes;
``tests/test_services.py`` and ``tests/sync/test_pull_paths.py`` hold both paths equal.

The rows of one call are checked against the database as it was before the call (a rule
such as a unique OPD code does not see the other rows of the batch): callers that may
repeat a record within a call (the importer) find repeats themselves. Kinds that link to
others many-to-many or own rows that own rows go through ``create`` one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.interfaces import MANYTOONE

from desktop.core.errors import DeskError
from desktop.core.fields import FieldType
from desktop.core.i18n import t
from desktop.core.models import AuditLog, SearchEntry, new_id, utcnow
from desktop.core.models.sync import APPLYING_REMOTE, SYNCED_KINDS, SyncRecord, mark_dirty
from desktop.core.search import entry_values
from desktop.core.services.inserting import Plan, insert_rows
from desktop.core.services.owned_rows import row_key
from desktop.core.services.references import References
from desktop.core.services.snapshot import created, jsonable

if TYPE_CHECKING:
    from desktop.core.services.records import RecordService

BATCH = 1000
Outcome = str | DeskError  # the new record's id, or why its row was refused


_PLAIN = (str, int, float, bool, type(None))


def _json(value: Any) -> Any:
    """``jsonable`` with a shortcut for the values that are JSON already (most of them)."""
    return value if type(value) in _PLAIN else jsonable(value)


def bulk_capable(service: RecordService) -> bool:
    """Whether the kind's records are plain rows (the multi-row INSERTs can write them)."""
    kind = service.kind
    return (not any(f.type == FieldType.REFS for f in kind.fields)
            and not any(c.children for c in kind.collections))


def one_by_one(service: RecordService, s: Session,
               rows: Iterable[Mapping[str, Any]]) -> list[Outcome]:
    """Each row through ``create`` in its own savepoint: a refused row loses only itself."""
    out: list[Outcome] = []
    for data in rows:
        try:
            with s.begin_nested():
                out.append(service.create(data, session=s)["id"])
        except DeskError as error:
            out.append(error)
    return out


@dataclass
class _Prepared:
    position: int
    data: Mapping[str, Any]
    record_id: str
    explicit: bool  # the caller chose the id (a pull keeps the catalog's desk_id)
    row: dict[str, Any]
    owned: dict[str, list[dict[str, Any]]]  # table name -> its rows
    audit: dict[str, Any]
    search: dict[str, Any]


class CheckedRows:
    """Rows checked by :meth:`RecordService.check_many`, waiting for :meth:`write`.

    ``outcomes`` holds, row by row, the id the record will have or the error that refused
    it. The checks saw the database as the checking session saw it: the writer's own
    transaction re-checks only the chosen ids (``_without_taken_ids``) and the database's
    constraints, so a caller must not let the two sessions disagree on what the rows
    point at (the pull checks only rows whose OPD and catalog link are committed).
    """

    def __init__(self, creator: BulkCreator, outcomes: list[Outcome],
                 pending: list[_Prepared]) -> None:
        self._creator = creator
        self.outcomes = outcomes
        self._pending = pending

    def write(self, session: Session, batch: int = BATCH) -> list[Outcome]:
        """Write the rows in ``session``'s transaction; the outcomes, with any row the
        write turned down (an id taken meanwhile) as its error."""
        creator = self._creator
        creator.s, creator.refs.session = session, session
        creator.mark = (creator.kind.name in SYNCED_KINDS
                        and not session.info.get(APPLYING_REMOTE))
        out = list(self.outcomes)
        for start in range(0, len(self._pending), batch):
            creator._write(self._pending[start:start + batch], out)
        return out


class BulkCreator:
    """Checks rows as ``create`` does and writes them a batch at a time; one per call."""

    def __init__(self, service: RecordService, session: Session) -> None:
        self.service = service
        self.kind = service.kind
        self.s = session
        self.refs = References(session, remember=True)
        self.actor = service.actor()
        self.mark = self.kind.name in SYNCED_KINDS and not session.info.get(APPLYING_REMOTE)
        self.plans: dict[tuple[str, tuple[str, ...]], Plan] = {}
        self.related = [(rel.key, next(iter(rel.local_columns)).key, rel.mapper.class_)
                        for rel in inspect(self.kind.model).relationships
                        if rel.direction is MANYTOONE and len(rel.local_columns) == 1]
        self.objects: dict[tuple[type, Any], Any] = {}

    def run(self, rows: Iterable[Mapping[str, Any]], batch: int) -> list[Outcome]:
        out: list[Outcome] = []
        pending: list[_Prepared] = []
        for data in rows:
            try:
                prepared = self._prepare(len(out), data)
            except DeskError as error:
                out.append(error)
                continue
            out.append(prepared.record_id)
            pending.append(prepared)
            if len(pending) >= batch:
                self._write(pending, out)
                pending = []
        if pending:
            self._write(pending, out)
        return out

    def check(self, rows: Iterable[Mapping[str, Any]]) -> CheckedRows:
        """Every row checked, nothing written: the first half of ``run``, for a caller
        that checks in one session (a reader) and writes in another (a writer thread)."""
        out: list[Outcome] = []
        pending: list[_Prepared] = []
        for data in rows:
            try:
                prepared = self._prepare(len(out), data)
            except DeskError as error:
                out.append(error)
                continue
            out.append(prepared.record_id)
            pending.append(prepared)
        return CheckedRows(self, out, pending)

    # ------------------------------------------------------------- one row, in memory
    def _prepare(self, position: int, data: Mapping[str, Any]) -> _Prepared:
        kind = self.kind
        clean, rows = self.service._validate(self.s, data, None, self.refs)
        explicit = bool(data.get("id"))
        record_id = str(data["id"]) if explicit else new_id()
        now = utcnow()
        row = {**clean, "id": record_id, "created_at": now, "updated_at": now, "version": 1,
               "deleted_at": None}
        owned: dict[str, list[dict[str, Any]]] = {}
        draft = SimpleNamespace(**clean)
        for coll in kind.collections:
            children = rows.get(coll.name) or []
            setattr(draft, coll.attr, [SimpleNamespace(**{f.name: r.get(f.name)
                                                          for f in coll.fields})
                                       for r in children])
            owned.setdefault(coll.model.__table__.name, []).extend(
                self._owned_row(coll, record_id, index, r) for index, r in enumerate(children))
        for attribute, column, target in self.related:
            value = clean.get(column)
            setattr(draft, attribute, self._object(target, value) if value else None)
        audit = {"waktu": now, "pengguna": self.actor, "jenis": kind.name,
                 "record_id": record_id, "aksi": "create",
                 "perubahan": created(self._snapshot(clean, rows))}
        title, subtitle = kind.title(draft), kind.subtitle(draft)
        search = {"record_id": record_id, **entry_values(
            kind.name, title, subtitle, kind.search_text(draft), kind.sort_value(draft))}
        return _Prepared(position, data, record_id, explicit, row, owned, audit, search)

    def _snapshot(self, clean: dict[str, Any], rows: dict[str, list[dict[str, Any]]]
                  ) -> dict[str, Any]:
        """``audit_snapshot`` of the new record, read off its clean values: the same dict
        for a kind without many-to-many links or nested rows (``bulk_capable``), without
        the attribute walk and the deep conversion (a third of a pulled page's time)."""
        out = {name: value if type(value) in _PLAIN else jsonable(value)
               for name, value in clean.items()}  # every field, in the kind's order
        for coll in self.kind.collections:
            out[coll.name] = [{f.name: _json(r.get(f.name)) for f in coll.fields}
                              for r in rows.get(coll.name) or []]
        return out

    @staticmethod
    def _owned_row(coll: Any, record_id: str, index: int, values: dict[str, Any]
                   ) -> dict[str, Any]:
        """What ``apply_rows`` would make of one owned row, as a plain dict."""
        row: dict[str, Any] = {}
        if row_key(coll) == "id":
            row["id"] = values.get("id") or new_id()
        row[coll.parent_key] = record_id
        if hasattr(coll.model, "urutan"):
            row["urutan"] = index
        row.update((f.name, values.get(f.name)) for f in coll.fields)
        return row

    def _object(self, model: type, key: Any) -> Any:
        """A record the new one points at (checked live already), as its title reads it."""
        if (model, key) not in self.objects:
            self.objects[(model, key)] = self.s.get(model, key)
        return self.objects[(model, key)]

    # ------------------------------------------------------------- a batch, to the database
    def _write(self, batch: list[_Prepared], out: list[Outcome]) -> None:
        batch = self._without_taken_ids(batch, out)
        if not batch:
            return
        try:
            with self.s.begin_nested():
                self._insert(batch)
        except IntegrityError:
            # something the checks cannot see (a row the batch repeats): each row again
            # through ``create``, which says which one and why
            for prepared, outcome in zip(batch, one_by_one(
                    self.service, self.s, [p.data for p in batch]), strict=True):
                out[prepared.position] = outcome

    def _without_taken_ids(self, batch: list[_Prepared], out: list[Outcome]
                           ) -> list[_Prepared]:
        """A chosen id already in use (or chosen twice) is refused as ``create`` refuses it."""
        chosen = [p.record_id for p in batch if p.explicit]
        if not chosen:
            return batch
        model = self.kind.model
        taken = set(self.s.scalars(select(model.id).where(model.id.in_(chosen))))
        kept = []
        for prepared in batch:
            if prepared.explicit and prepared.record_id in taken:
                out[prepared.position] = DeskError(t(
                    "Sudah ada {kind} dengan id {id}.", kind=str(self.kind.label),
                    id=prepared.record_id))
                continue
            taken.add(prepared.record_id)
            kept.append(prepared)
        return kept

    def _insert(self, batch: list[_Prepared]) -> None:
        connection = self.s.connection()
        insert_rows(connection, self.kind.model.__table__, [p.row for p in batch], self.plans)
        for coll in self.kind.collections:
            table = coll.model.__table__
            children = [r for p in batch for r in p.owned.get(table.name, ())]
            if children:
                insert_rows(connection, table, children, self.plans)
        insert_rows(connection, AuditLog.__table__, [p.audit for p in batch], self.plans)
        insert_rows(connection, SearchEntry.__table__, [p.search for p in batch], self.plans)
        if self.mark:
            self._mark_dirty(batch)

    def _mark_dirty(self, batch: list[_Prepared]) -> None:
        """As ``mark_dirty``: new records wait for the next push."""
        chosen = [p.record_id for p in batch if p.explicit]
        known = set(self.s.scalars(select(SyncRecord.record_id).where(
            SyncRecord.kind == self.kind.name, SyncRecord.record_id.in_(chosen)))) \
            if chosen else set()
        now = utcnow()
        fresh = [{"kind": self.kind.name, "record_id": p.record_id, "dirty": True,
                  "changed_at": now} for p in batch if p.record_id not in known]
        if fresh:
            insert_rows(self.s.connection(), SyncRecord.__table__, fresh, self.plans)
        for record_id in known:
            mark_dirty(self.s, self.kind.name, record_id)
