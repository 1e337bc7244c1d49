"""A record as plain data: what services return, what the audit log compares."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desktop.core.fields import Collection, FieldType
from desktop.core.kinds.base import RecordKind

META_KEYS = ("id", "version", "created_at", "updated_at", "deleted_at")


def refs_attribute(field_name: str) -> str:
    """The relationship behind a REFS field: ``kerjasama_ids`` -> ``kerjasama``."""
    return field_name.removesuffix("_ids")


def field_values(kind: RecordKind, obj: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for fld in kind.fields:
        if fld.type == FieldType.REFS:
            values[fld.name] = sorted(o.id for o in getattr(obj, refs_attribute(fld.name)))
        else:
            value = getattr(obj, fld.name)
            values[fld.name] = list(value) if isinstance(value, list) else value
    return values


def collection_rows(coll: Collection, obj: Any, *, with_ids: bool) -> list[dict[str, Any]]:
    rows = []
    for child in getattr(obj, coll.attr):
        row: dict[str, Any] = {"id": child.id} if with_ids and hasattr(child, "id") else {}
        for fld in coll.fields:
            row[fld.name] = getattr(child, fld.name)
        for sub in coll.children:
            row[sub.name] = collection_rows(sub, child, with_ids=with_ids)
        rows.append(row)
    return rows


def record_dict(kind: RecordKind, obj: Any) -> dict[str, Any]:
    """Everything about a record, ids of owned rows included (for editing)."""
    out = {key: getattr(obj, key) for key in META_KEYS}
    out.update(field_values(kind, obj))
    for coll in kind.collections:
        out[coll.name] = collection_rows(coll, obj, with_ids=True)
    return out


def audit_snapshot(kind: RecordKind, obj: Any) -> dict[str, Any]:
    """The user-meaningful content of a record, JSON-ready, for before/after comparison."""
    out = field_values(kind, obj)
    for coll in kind.collections:
        out[coll.name] = collection_rows(coll, obj, with_ids=False)
    return jsonable(out)


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, recursively; everything else as JSON has it."""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Changed fields as ``{field: [before, after]}``."""
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def created(after: dict[str, Any]) -> dict[str, list[Any]]:
    """A new record's audit entry: its filled-in fields, from nothing."""
    return {k: [None, v] for k, v in after.items() if v not in (None, "", [])}
