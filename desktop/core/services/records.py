"""The core API for records: create, update, soft delete, get, list; audited and indexed.

The GUI, the CLI and the importers all go through here, so every rule (validation,
optimistic locking, audit, search index) holds whichever door a change came in by.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.errors import (
    DeskError,
    NotFoundError,
    PermissionRefusedError,
    StaleRecordError,
    ValidationError,
)
from desktop.core.fields import FieldType
from desktop.core.i18n import t
from desktop.core.kinds import KINDS, RecordKind
from desktop.core.models import utcnow
from desktop.core.models.sync import APPLYING_REMOTE, mark_dirty
from desktop.core.search import index_record, unindex_record
from desktop.core.services.audit import record_history, write_audit
from desktop.core.services.creating import (
    BATCH,
    BulkCreator,
    CheckedRows,
    Outcome,
    bulk_capable,
    one_by_one,
)
from desktop.core.services.listing import ListQuery, Page, RecordListing
from desktop.core.services.owned_rows import apply_rows, clean_rows
from desktop.core.services.references import References, check_references
from desktop.core.services.relations import many_to_one
from desktop.core.services.snapshot import (
    META_KEYS,
    audit_snapshot,
    created,
    diff,
    field_values,
    record_dict,
    refs_attribute,
)
from desktop.core.services.updating import Change, update_many
from desktop.core.validation import Errors, add_error, clean_fields

log = logging.getLogger(__name__)


def _in_another_kind(s: Session, other: RecordKind, work: Callable[[], None]) -> None:
    """Keep another kind's records in step with this change (their search text names this
    record, their links point at it).

    On a shared PostgreSQL database the person's role may not read or change that kind
    (the sekretariat renames an application that infrastruktur deployed; migration 0008).
    The database refuses; that step alone is rolled back to its savepoint and left out,
    and the person's own change goes through: the other kind's records catch up at their
    next save (search text), or keep their link to the now deleted record. SQLite is one
    user, who may do everything.
    """
    if s.get_bind().dialect.name != "postgresql":
        work()
        return
    try:
        with s.begin_nested():  # its release flushes: a refused write is caught here too
            work()
    except PermissionRefusedError:
        log.info("%s left as they are: this role may not change them", other.name)


class RecordService(RecordListing):
    """Everything one record kind can do, each call its own transaction unless given one."""

    # ----------------------------------------------------------------- reading
    def get(self, record_id: str, *, include_deleted: bool = False,
            session: Session | None = None) -> dict[str, Any]:
        with self._unit(session, read=True) as s:
            return record_dict(self.kind, self._load(s, record_id, include_deleted))

    def title(self, record_id: str) -> str:
        with self._unit(None, read=True) as s:
            return self.kind.title(self._load(s, record_id, True))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        with self._unit(None, read=True) as s:
            return record_history(s, self.kind.name, record_id)

    # ----------------------------------------------------------------- writing
    def create(self, data: Mapping[str, Any], *, session: Session | None = None) -> dict[str, Any]:
        with self._unit(session) as s:
            clean, rows = self._validate(s, data, None)
            obj = self.kind.model()
            if data.get("id"):
                obj.id = str(data["id"])
                if s.get(self.kind.model, obj.id) is not None:
                    raise DeskError(t("Sudah ada {kind} dengan id {id}.",
                                      kind=str(self.kind.label), id=obj.id))
            with s.no_autoflush:
                s.add(obj)
                self._apply(s, obj, clean, rows)
            s.flush()
            write_audit(s, actor=self.actor(), kind=self.kind.name, record_id=obj.id,
                        action="create", changes=created(audit_snapshot(self.kind, obj)))
            mark_dirty(s, self.kind.name, obj.id)  # for the catalog, same transaction
            self._index(s, obj)
            return record_dict(self.kind, obj)

    def create_many(self, rows: Iterable[Mapping[str, Any]], *,
                    session: Session | None = None, batch: int = BATCH) -> list[Outcome]:
        """Create one record per row, with the checks, audit and search entries of
        :meth:`create`, written ``batch`` records at a time (multi-row INSERTs).

        Returns, row by row, the new record's id or the error that refused the row
        (a ``ValidationError`` as :meth:`create` raises it); a refused row loses only
        itself. See ``creating`` for what a batch does and does not see.
        """
        with self._unit(session) as s:
            if not bulk_capable(self):
                return one_by_one(self, s, rows)
            return BulkCreator(self, s).run(rows, batch)

    def check_many(self, rows: Iterable[Mapping[str, Any]], *,
                   session: Session) -> CheckedRows | None:
        """The checks of :meth:`create_many` without the writing: ``CheckedRows.write``
        writes them later, in another session. ``session`` may be a reading one (only
        the kind's rules and the references are read). None: the kind's records are not
        plain rows; use :meth:`create_many`."""
        if not bulk_capable(self):
            return None
        return BulkCreator(self, session).check(rows)

    def update(self, record_id: str, data: Mapping[str, Any], *, expected_version: int,
               session: Session | None = None) -> dict[str, Any]:
        """Change the given fields; refused if the record moved past ``expected_version``."""
        with self._unit(session) as s:
            obj = self._load(s, record_id, False)
            self._check_version(obj, expected_version)
            before = audit_snapshot(self.kind, obj)
            text_before = self._indexed_text(obj)
            clean, rows = self._validate(s, data, obj)
            self._apply(s, obj, clean, rows)
            changes = diff(before, audit_snapshot(self.kind, obj))
            if not changes:
                return record_dict(self.kind, obj)
            obj.updated_at = utcnow()  # bumps version even when only owned rows changed
            self._flush(s, obj)
            write_audit(s, actor=self.actor(), kind=self.kind.name, record_id=obj.id,
                        action="update", changes=changes)
            mark_dirty(s, self.kind.name, obj.id)
            self._index(s, obj)
            if self._indexed_text(obj) != text_before:
                self._reindex_dependents(s, obj.id)
            return record_dict(self.kind, obj)

    def update_many(self, changes: Iterable[Change], *,
                    session: Session | None = None) -> list[Outcome]:
        """:meth:`update` for many records of this kind, flushed, audited and indexed
        together (see ``updating``): change by change, the record's id or the error that
        refused it; a refused change loses only itself. A record may be named once."""
        with self._unit(session) as s:
            return update_many(self, s, changes)

    def delete(self, record_id: str, *, expected_version: int | None = None,
               session: Session | None = None) -> None:
        """Soft delete (tombstone): the catalog and other workstations must learn of it."""
        with self._unit(session) as s:
            obj = self._load(s, record_id, False)
            if expected_version is not None:
                self._check_version(obj, expected_version)
            self._refuse_if_used(s, obj.id)
            self._unlink(s, obj.id)
            obj.deleted_at = utcnow()
            obj.updated_at = obj.deleted_at
            self._flush(s, obj)
            write_audit(s, actor=self.actor(), kind=self.kind.name, record_id=obj.id,
                        action="delete", changes={"deleted_at": [None, obj.deleted_at]})
            mark_dirty(s, self.kind.name, obj.id)
            unindex_record(s, obj.id)

    def restore(self, record_id: str, *, session: Session | None = None) -> dict[str, Any]:
        """Undo a soft delete (the catalog kept the record and someone chose its copy);
        audited and indexed again like any change. Links the delete dropped stay dropped."""
        with self._unit(session) as s:
            obj = self._load(s, record_id, True)
            if obj.deleted_at is None:
                return record_dict(self.kind, obj)
            before = obj.deleted_at
            obj.deleted_at = None
            obj.updated_at = utcnow()
            self._flush(s, obj)
            write_audit(s, actor=self.actor(), kind=self.kind.name, record_id=obj.id,
                        action="update", changes={"deleted_at": [before, None]})
            mark_dirty(s, self.kind.name, obj.id)
            self._index(s, obj)
            return record_dict(self.kind, obj)

    # ----------------------------------------------------------------- internals
    def _load(self, s: Session, record_id: str, include_deleted: bool) -> Any:
        obj = s.get(self.kind.model, record_id)
        if obj is None or (obj.deleted_at is not None and not include_deleted):
            raise NotFoundError(t("{kind} tidak ditemukan atau sudah dihapus.",
                                  kind=str(self.kind.label)))
        return obj

    def _check_version(self, obj: Any, expected: int) -> None:
        if obj.version != expected:
            raise StaleRecordError(self._stale_message(), current_version=obj.version)

    @staticmethod
    def _stale_message() -> str:
        return t("Data ini telah diubah oleh pengguna lain sejak Anda membukanya. "
                 "Perubahan Anda belum disimpan dan tidak hilang: muat ulang data, "
                 "lalu terapkan kembali perubahan Anda.")

    def _flush(self, s: Session, obj: Any) -> None:
        try:
            s.flush()
        except StaleDataError as exc:
            raise StaleRecordError(self._stale_message()) from exc

    def _validate(self, s: Session, data: Mapping[str, Any], record: Any,
                  refs: References | None = None
                  ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
        if not isinstance(data, Mapping):
            raise ValidationError({"_": [t("Data harus berupa pasangan nama kolom dan nilai.")]})
        errors: Errors = {}
        known = {f.name for f in self.kind.fields} | {c.name for c in self.kind.collections}
        for key in data:
            if key not in known and key not in META_KEYS:
                add_error(errors, str(key), t("Kolom tidak dikenal."))
        current = record_dict(self.kind, record) if record is not None else {}
        whole = bool(s.info.get(APPLYING_REMOTE))  # the catalog's values, stored whole
        clean = clean_fields(self.kind.fields, data, errors, partial=record is not None,
                             whole=whole, stored=current)
        check_references(s, self.kind.fields, clean, errors, refs=refs)
        rows: dict[str, list[dict[str, Any]]] = {}
        for coll in self.kind.collections:
            if coll.name in data:
                rows[coll.name] = clean_rows(s, coll, data[coll.name], errors, coll.name,
                                             whole=whole, refs=refs)
            elif record is None:
                rows[coll.name] = []
        values = {**current, **clean, **rows}
        for rule in self.kind.rules:
            rule(s, values, errors, record)
        if errors:
            raise ValidationError(errors)
        return clean, rows

    def _apply(self, s: Session, obj: Any, clean: dict[str, Any],
               rows: dict[str, list[dict[str, Any]]]) -> None:
        for name, value in clean.items():
            fld = self.kind.field(name)
            if fld.type == FieldType.REFS:
                from desktop.core.kinds import kind_named

                model = kind_named(fld.ref or "").model
                targets = list(s.scalars(select(model).where(model.id.in_(value)))) if value else []
                setattr(obj, refs_attribute(name), targets)
            else:
                setattr(obj, name, value)
        for coll in self.kind.collections:
            if coll.name in rows:
                apply_rows(coll, obj, rows[coll.name])

    def _indexed_text(self, obj: Any) -> tuple[str, str, str]:
        """What dependents may quote in their own search text (an OPD's name, code...)."""
        return self.kind.title(obj), self.kind.subtitle(obj), self.kind.search_text(obj)

    def _index(self, s: Session, obj: Any) -> None:
        s.flush()
        self._expire_related(s, obj)
        index_record(s, self.kind.name, obj.id, self.kind.title(obj), self.kind.subtitle(obj),
                     self.kind.search_text(obj), self.kind.sort_value(obj))

    @staticmethod
    def _expire_related(s: Session, obj: Any) -> None:
        """After a flush: a changed ``opd_id`` leaves ``obj.opd`` pointing at the old OPD
        until expired; the columns and owned rows are as flushed (expiring them all cost
        a reload of the row and every relationship: a third of a pulled update's time)."""
        to_one = many_to_one(type(obj))
        if to_one:  # (an empty list would expire everything)
            s.expire(obj, to_one)

    def _dependents(self) -> Iterator[tuple[RecordKind, Any]]:
        """(kind, column) pairs of live records that point at this kind by a REF field."""
        for other in KINDS.values():
            for fld in other.fields:
                if fld.type == FieldType.REF and fld.ref == self.kind.name:
                    yield other, getattr(other.model, fld.name)

    def _reindex_dependents(self, s: Session, record_id: str) -> None:
        """Their search text names this record (an app's OPD, a deployment's app)."""
        for other, column in self._dependents():
            def reindex(other: RecordKind = other, column: Any = column) -> None:
                for dependent in s.scalars(select(other.model).where(
                        column == record_id, other.model.deleted_at.is_(None))):
                    index_record(s, other.name, dependent.id, other.title(dependent),
                                 other.subtitle(dependent), other.search_text(dependent),
                                 other.sort_value(dependent))
            _in_another_kind(s, other, reindex)

    def _unlink(self, s: Session, record_id: str) -> None:
        """Links (many-to-many) to a deleted record go with it, audited on the other side."""
        for other in KINDS.values():
            for fld in other.fields:
                if fld.type != FieldType.REFS or fld.ref != self.kind.name:
                    continue
                def unlink(other: RecordKind = other, attr: str = refs_attribute(fld.name)
                           ) -> None:
                    linked = s.scalars(select(other.model).where(
                        getattr(other.model, attr).any(self.kind.model.id == record_id)))
                    for holder in linked:
                        before = audit_snapshot(other, holder)
                        setattr(holder, attr, [o for o in getattr(holder, attr)
                                               if o.id != record_id])
                        holder.updated_at = utcnow()
                        write_audit(s, actor=self.actor(), kind=other.name,
                                    record_id=holder.id, action="update",
                                    changes=diff(before, audit_snapshot(other, holder)))
                _in_another_kind(s, other, unlink)

    def _refuse_if_used(self, s: Session, record_id: str) -> None:
        uses: list[str] = []
        for other, column in self._dependents():
            n = s.scalar(select(func.count()).where(column == record_id,
                                                    other.model.deleted_at.is_(None)))
            if n:
                uses.append(f"{n} {other.plural}")
        for other in KINDS.values():
            for coll in other.collections:
                for fld in coll.fields:
                    if fld.type == FieldType.REF and fld.ref == self.kind.name:
                        parent_fk = getattr(coll.model, coll.parent_key)
                        n = s.scalar(
                            select(func.count()).select_from(coll.model)
                            .join(other.model, other.model.id == parent_fk)
                            .where(getattr(coll.model, fld.name) == record_id,
                                   other.model.deleted_at.is_(None))
                        )
                        if n:
                            uses.append(f"{n} {other.plural}")
        if uses:
            raise DeskError(t("{kind} ini tidak dapat dihapus karena masih dipakai oleh: "
                              "{uses}.", kind=str(self.kind.label), uses=", ".join(uses)))


__all__ = ["ListQuery", "Page", "RecordService", "field_values"]
