"""The comparable form of a dataset: what the three-way merge and the last-synced copy hold.

Local records and catalog packages are both reduced to the mapped fields only, JSON-ready
(dates as ISO strings, empty text as None, lists as lists), so "changed since the last
sync" is a plain ``!=`` and the copy stored in the database compares equal after a
round trip. Resources keep their id: a resource pulled from the catalog keeps the
catalog's id locally, and a local one is sent under its local id, so both sides name a
resource the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.core.fields import Field, FieldType
from desktop.core.kinds import kind_named
from desktop.sync.mapping import MAPPED_FIELDS, RemoteDataset

Values = dict[str, Any]
LIST_FIELDS = frozenset({"tags", "format", "resources"})
RESOURCE_KEYS = ("id", "nama", "url", "format", "deskripsi")


def _scalar(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value if value.strip() else None
    return value


def _resource(row: Mapping[str, Any]) -> dict[str, Any]:
    out = {key: _scalar(row.get(key)) for key in RESOURCE_KEYS}
    out["id"] = row.get("id") or row.get("remote_id")
    return out


def normalize(values: Mapping[str, Any]) -> Values:
    """The mapped fields of a record dict or of ``package_to_dataset(...).values``."""
    out: Values = {}
    for name in MAPPED_FIELDS:
        value = values.get(name)
        if name == "resources":
            out[name] = [_resource(r) for r in value or []]
        elif name in LIST_FIELDS:
            out[name] = list(value or [])
        elif name == "data_pribadi":
            out[name] = bool(value)
        else:
            out[name] = _scalar(value)
    return out


def for_mapping(values: Mapping[str, Any]) -> Values:
    """Values as ``dataset_to_package`` reads them (resource ids as ``remote_id``)."""
    out = dict(values)
    out["resources"] = [{**r, "remote_id": r.get("id")} for r in values.get("resources") or []]
    return out


def as_local(values: Mapping[str, Any]) -> Values:
    """Catalog values as this register would hold them (same shape as ``normalize``).

    A portal may hold a frequency or format this register does not know, or leave out a
    field that has a default here: the value is what creating the record would store
    (the default), so comparing it with the local copy shows no change where none was
    made, and the catalog's odd value is never overwritten unless someone edits here.
    """
    fields = _fields()
    out: Values = {}
    for name, value in values.items():
        if name == "resources":
            out[name] = [{"id": r.get("id"), "nama": (r.get("nama") or "-")[:200],
                          "url": r.get("url"),
                          "format": str(r["format"])[:20] if r.get("format") else None,
                          "deskripsi": r.get("deskripsi")} for r in value or []]
            continue
        field, limit = fields[name]
        if field.type == FieldType.CHOICE and value is not None and value not in field.choices:
            value = None
        if field.type == FieldType.CHOICES:
            value = [v for v in value or [] if v in field.choices]  # type: ignore[operator]
        if value is None and field.default is not None:
            value = field.default
        if limit and isinstance(value, str):
            value = value[:limit]
        out[name] = value
    return out


@functools.cache
def _fields() -> dict[str, tuple[Field, int | None]]:
    """The dataset kind's fields by name, with their text limit (looked up once)."""
    return {f.name: (f, f.limit) for f in kind_named("datasets").fields}


def for_service(values: Mapping[str, Any]) -> Values:
    """Comparable values as the record service takes them (``as_local`` first)."""
    return as_local(values)


def remote_values(remote: RemoteDataset) -> Values:
    """A package's mapped fields, comparable with the local record's."""
    return as_local(normalize(remote.values))
