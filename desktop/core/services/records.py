"""The core API for records: create, update, soft delete, get, list; audited and indexed.

The GUI, the CLI and the importers all go through here, so every rule (validation,
optimistic locking, audit, search index) holds whichever door a change came in by.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, String, Text, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.core.database import Database
from desktop.core.errors import (
    DeskError,
    NotFoundError,
    QueryError,
    StaleRecordError,
    ValidationError,
)
from desktop.core.fields import Collection, FieldType
from desktop.core.i18n import t
from desktop.core.kinds import KINDS, RecordKind
from desktop.core.models import utcnow
from desktop.core.models.sync import APPLYING_REMOTE, mark_dirty
from desktop.core.search import index_record, matching_ids, unindex_record
from desktop.core.services.audit import record_history, write_audit
from desktop.core.services.references import check_references
from desktop.core.services.snapshot import (
    META_KEYS,
    audit_snapshot,
    created,
    diff,
    field_values,
    record_dict,
    refs_attribute,
)
from desktop.core.validation import (
    Errors,
    FieldProblem,
    add_error,
    clean_fields,
    coerce_value,
)

ID_CHUNK = 500


@dataclass
class ListQuery:
    """What a list shows: full-text words, field filters, sort keys (``-`` = descending)."""

    text: str | None = None
    filters: Mapping[str, Any] = field(default_factory=dict)
    sort: Sequence[str] = ()
    offset: int = 0
    limit: int | None = None
    include_deleted: bool = False


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int


class RecordService:
    """Everything one record kind can do, each call its own transaction unless given one."""

    def __init__(self, db: Database, kind: RecordKind, actor: Callable[[], str]) -> None:
        self.db = db
        self.kind = kind
        self.actor = actor

    @contextmanager
    def _unit(self, session: Session | None, *, read: bool = False) -> Iterator[Session]:
        """The caller's session, else one of our own; ``read``: one that never writes
        (on SQLite it does not queue for the write lock behind a sync or an import)."""
        if session is not None:
            yield session
        else:
            with self.db.read_session() if read else self.db.session() as own:
                yield own

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

    def ids(self, query: ListQuery | None = None, *, session: Session | None = None,
            limit: int | None = None) -> list[str]:
        """The matching ids in display order (the first ``limit`` of them, if given): one
        SQL query, sorting and filtering in SQL."""
        with self._unit(session, read=True) as s:
            stmt = self._ids_statement(s, query or ListQuery())
            return list(s.scalars(stmt if limit is None else stmt.limit(limit)))

    def head(self, query: ListQuery, limit: int) -> tuple[list[str], int]:
        """The first ``limit`` ids in display order, and how many match in all.

        A text search counts in the same query (a window count over the matches it has
        to sort anyway); a plain list reads its head off the sort index and counts apart,
        which is cheaper than making it visit every row.
        """
        with self._unit(None, read=True) as s:
            stmt = self._ids_statement(s, query)
            if query.text:
                rows = s.execute(stmt.add_columns(func.count().over()).limit(limit)).all()
                return [r[0] for r in rows], int(rows[0][1]) if rows else 0
            ids = list(s.scalars(stmt.limit(limit)))
            if len(ids) < limit:
                return ids, len(ids)
            sub = stmt.order_by(None).subquery()
            return ids, int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def count(self, query: ListQuery | None = None) -> int:
        with self._unit(None, read=True) as s:
            sub = self._ids_statement(s, query or ListQuery()).order_by(None).subquery()
            return int(s.scalar(select(func.count()).select_from(sub)) or 0)

    def rows(self, ids: Sequence[str], *, session: Session | None = None) -> list[dict[str, Any]]:
        """Display rows (list columns) for the given ids, in the given order."""
        model = self.kind.model
        columns = [c.expr().label(c.key) for c in self.kind.columns]
        found: dict[str, dict[str, Any]] = {}
        with self._unit(session, read=True) as s:
            for start in range(0, len(ids), ID_CHUNK):
                chunk = list(ids[start:start + ID_CHUNK])
                stmt = select(model.id, model.version, model.deleted_at, *columns).where(
                    model.id.in_(chunk)
                )
                result = s.execute(stmt)
                keys = list(result.keys())  # once: dict(RowMapping) rebuilt them per row
                for row in result:
                    found[row[0]] = dict(zip(keys, row, strict=True))
        return [found[i] for i in ids if i in found]

    def list(self, query: ListQuery | None = None) -> Page:
        query = query or ListQuery()
        with self._unit(None, read=True) as s:
            ids = self.ids(query, session=s)
            end = None if query.limit is None else query.offset + query.limit
            return Page(rows=self.rows(ids[query.offset:end], session=s), total=len(ids))

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

    def _validate(self, s: Session, data: Mapping[str, Any], record: Any
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
        check_references(s, self.kind.fields, clean, errors)
        rows: dict[str, list[dict[str, Any]]] = {}
        for coll in self.kind.collections:
            if coll.name in data:
                rows[coll.name] = clean_rows(s, coll, data[coll.name], errors, coll.name,
                                             whole=whole)
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
        s.expire(obj)
        index_record(s, self.kind.name, obj.id, self.kind.title(obj), self.kind.subtitle(obj),
                     self.kind.search_text(obj))

    def _dependents(self) -> Iterator[tuple[RecordKind, Any]]:
        """(kind, column) pairs of live records that point at this kind by a REF field."""
        for other in KINDS.values():
            for fld in other.fields:
                if fld.type == FieldType.REF and fld.ref == self.kind.name:
                    yield other, getattr(other.model, fld.name)

    def _reindex_dependents(self, s: Session, record_id: str) -> None:
        """Their search text names this record (an app's OPD, a deployment's app)."""
        for other, column in self._dependents():
            for dependent in s.scalars(
                select(other.model).where(column == record_id, other.model.deleted_at.is_(None))
            ):
                index_record(s, other.name, dependent.id, other.title(dependent),
                             other.subtitle(dependent), other.search_text(dependent))

    def _unlink(self, s: Session, record_id: str) -> None:
        """Links (many-to-many) to a deleted record go with it, audited on the other side."""
        for other in KINDS.values():
            for fld in other.fields:
                if fld.type != FieldType.REFS or fld.ref != self.kind.name:
                    continue
                attr = refs_attribute(fld.name)
                linked = s.scalars(select(other.model).where(
                    getattr(other.model, attr).any(self.kind.model.id == record_id)))
                for holder in linked:
                    before = audit_snapshot(other, holder)
                    setattr(holder, attr, [o for o in getattr(holder, attr)
                                           if o.id != record_id])
                    holder.updated_at = utcnow()
                    write_audit(s, actor=self.actor(), kind=other.name, record_id=holder.id,
                                action="update", changes=diff(before,
                                                              audit_snapshot(other, holder)))

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

    def _ids_statement(self, s: Session, query: ListQuery):  # type: ignore[no-untyped-def]
        model = self.kind.model
        stmt = select(model.id)
        if not query.include_deleted:
            stmt = stmt.where(model.deleted_at.is_(None))
        if query.text:
            dialect = s.get_bind().dialect.name
            matched = matching_ids(dialect, query.text, self.kind.name)
            if matched is not None and dialect == "postgresql":
                # Matches first (the GIN index), then joined: left to itself the planner
                # walked the sort index and re-parsed every record's text against the
                # query, 2 s at 100,000 datasets; materialized and joined, 0.3 s.
                found = matched.cte("matched").prefix_with("MATERIALIZED")
                stmt = stmt.join(found, found.c.record_id == model.id)
            elif matched is not None:
                stmt = stmt.where(model.id.in_(matched))
        for key, value in query.filters.items():
            stmt = stmt.where(self._filter(key, value))
        return stmt.order_by(*self._order(query.sort or self.kind.default_sort), model.id)

    def _filter(self, key: str, value: Any) -> ColumnElement[bool]:
        special = self.kind.filters.get(key)
        if special is not None:
            try:
                return special(value)
            except (TypeError, ValueError):
                raise QueryError(t("Nilai filter {key} tidak valid: {value}.", key=key,
                                  value=value)) from None
        name, _, op = key.partition("__")
        if name == "id" and op in ("", "in"):
            ids = [value] if op == "" else list(value)
            return self.kind.model.id.in_([str(v) for v in ids])
        try:
            fld = self.kind.field(name)
        except KeyError:
            raise QueryError(t("Filter tidak dikenal: {key}.", key=key)) from None
        if fld.type in (FieldType.REFS, FieldType.CHOICES, FieldType.TAGS, FieldType.TEXTLIST):
            raise QueryError(t("Filter tidak dikenal: {key}.", key=key))
        column = getattr(self.kind.model, name)

        def coerce(v: Any) -> Any:
            try:
                return coerce_value(fld, v)
            except FieldProblem as problem:
                raise QueryError(f"{fld.label}: {problem}") from None

        match op or "eq":
            case "eq":
                return column.is_(None) if value is None else column == coerce(value)
            case "ne":
                return column.is_not(None) if value is None else column != coerce(value)
            case "in":
                return column.in_([coerce(v) for v in value])
            case "gte":
                return column >= coerce(value)
            case "lte":
                return column <= coerce(value)
            case "isnull":
                return column.is_(None) if value else column.is_not(None)
            case "contains":
                return func.lower(column).contains(str(value).lower(), autoescape=True)
        raise QueryError(t("Filter tidak dikenal: {key}.", key=key))

    def _order(self, keys: Sequence[str]) -> list[ColumnElement[Any]]:
        order: list[ColumnElement[Any]] = []
        for key in keys:
            descending = key.startswith("-")
            name = key.lstrip("-")
            try:
                expr = self.kind.column(name).expr()
            except KeyError:
                fld = next((f for f in self.kind.fields if f.name == name), None)
                if fld is None or fld.type in (FieldType.REFS, FieldType.CHOICES,
                                               FieldType.TAGS, FieldType.TEXTLIST):
                    raise QueryError(t("Tidak dapat mengurutkan menurut {key}.",
                                       key=name)) from None
                expr = getattr(self.kind.model, name)
            column = getattr(expr, "expression", expr)
            required = getattr(column, "nullable", True) is False
            if isinstance(getattr(expr, "type", None), (String, Text)):
                expr = func.lower(expr)
            if not required:  # a required column has no empty values to put last; and
                order.append(expr.is_(None))  # the opening sort then matches its index
            order.append(expr.desc() if descending else expr.asc())
        return order


def row_key(coll: Collection) -> str:
    """How an owned row is recognised on update: its id, or its reference (link rows)."""
    return "id" if hasattr(coll.model, "id") else coll.fields[0].name


def clean_rows(s: Session, coll: Collection, value: Any, errors: Errors,
               prefix: str, *, whole: bool = False) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)) or not all(isinstance(r, Mapping) for r in value):
        add_error(errors, prefix, t("Harus berupa daftar baris."))
        return []
    key = row_key(coll)
    seen: set[Any] = set()
    out = []
    known = {f.name for f in coll.fields} | {c.name for c in coll.children} | {"id"}
    for index, row in enumerate(value):
        row_prefix = f"{prefix}[{index}]."
        for unknown in set(row) - known:
            add_error(errors, row_prefix + str(unknown), t("Kolom tidak dikenal."))
        clean = clean_fields(coll.fields, row, errors, prefix=row_prefix, whole=whole)
        check_references(s, coll.fields, clean, errors, row_prefix)
        if key == "id":
            if row.get("id"):
                clean["id"] = str(row["id"])
        elif clean.get(key) is not None:
            if clean[key] in seen:
                add_error(errors, row_prefix + key, t("Tercantum lebih dari sekali."))
            seen.add(clean[key])
        for sub in coll.children:
            if sub.name in row:
                clean[sub.name] = clean_rows(s, sub, row[sub.name], errors,
                                             f"{row_prefix}{sub.name}")
        out.append(clean)
    return out


def apply_rows(coll: Collection, parent: Any, rows: list[dict[str, Any]]) -> None:
    """Make the owned rows equal to ``rows``, keeping the identity of the ones that stay."""
    key = row_key(coll)
    existing = {getattr(child, key): child for child in getattr(parent, coll.attr)}
    result = []
    for index, row in enumerate(rows):
        child = existing.pop(row.get(key), None) if row.get(key) is not None else None
        if child is None:
            child = coll.model()
            if key == "id" and row.get("id"):
                child.id = row["id"]
        for fld in coll.fields:
            setattr(child, fld.name, row.get(fld.name))
        if hasattr(coll.model, "urutan"):
            child.urutan = index
        for sub in coll.children:
            if sub.name in row:
                apply_rows(sub, child, row[sub.name])
        result.append(child)
    setattr(parent, coll.attr, result)


__all__ = ["ListQuery", "Page", "RecordService", "field_values"]
