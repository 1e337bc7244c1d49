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
from desktop.core.validation import FieldProblem, coerce_value
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
    get = row.get
    return {"id": get("id") or get("remote_id"), "nama": _scalar(get("nama")),
            "url": _scalar(get("url")), "format": _scalar(get("format")),
            "deskripsi": _scalar(get("deskripsi"))}  # RESOURCE_KEYS, spelled out


def normalize(values: Mapping[str, Any]) -> Values:
    """The mapped fields of a record dict or of ``package_to_dataset(...).values``."""
    out: Values = {}
    get = values.get
    for name in _SCALARS:  # the bulk of the fields; ``_scalar`` inlined (a pull's hot loop)
        value = get(name)
        if isinstance(value, str):
            out[name] = value if value.strip() else None
        elif isinstance(value, date):
            out[name] = value.isoformat()
        else:
            out[name] = value
    for name in _LISTS:
        out[name] = list(get(name) or [])
    out["data_pribadi"] = bool(get("data_pribadi"))
    out["resources"] = [_resource(r) for r in get("resources") or []]
    return {name: out[name] for name in MAPPED_FIELDS}  # in the mapping's order


_LISTS = tuple(n for n in MAPPED_FIELDS if n in LIST_FIELDS and n != "resources")
_SCALARS = tuple(n for n in MAPPED_FIELDS if n not in LIST_FIELDS and n != "data_pribadi")


def for_mapping(values: Mapping[str, Any]) -> Values:
    """Values as ``dataset_to_package`` reads them (resource ids as ``remote_id``)."""
    out = dict(values)
    out["resources"] = [{**r, "remote_id": r.get("id")} for r in values.get("resources") or []]
    return out


def as_local(values: Mapping[str, Any]) -> Values:
    """Catalog values as this register would hold them (same shape as ``normalize``).

    A portal may hold a frequency or format this register does not know, or leave out a
    field this register requires: the value is what creating the record would store
    (the default), so comparing it with the local copy shows no change where none was
    made; a field that may stay empty stays empty (no licence the portal never had).
    The catalog's odd value is never overwritten unless someone edits here (a push
    sends only the fields changed here). Text is kept whole up to what its column holds
    (``Field.stored_limit``); an email address this register would refuse is left out
    rather than refusing the whole dataset.
    """
    plan = _local_plan()
    out: Values = {}
    for name, value in values.items():
        if name == "resources":
            out[name] = [{"id": r.get("id"), "nama": (r.get("nama") or "-").strip()[:200],
                          "url": r.get("url"),
                          "format": str(r["format"])[:20] if r.get("format") else None,
                          "deskripsi": _stripped(r.get("deskripsi"))} for r in value or []]
            continue
        choices, many, default, limit, email = plan[name]
        if choices is not None:
            if many:
                value = [v for v in value or [] if v in choices]
            elif value is not None and value not in choices:
                value = None
        if value is None and default is not None:
            value = default
        if isinstance(value, str):  # as the record service stores it: the same text
            value = value.strip()[:limit] if limit else value.strip()
        if email and value is not None and not _valid_email(name, value):
            value = None
        out[name] = value
    return out


def _stripped(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


@functools.cache
def _local_plan() -> dict[str, tuple[Any, bool, Any, int | None, bool]]:
    """Per field: the choices it keeps (or None), whether it holds several, its default
    (required fields only), the longest text its column stores and whether it is an
    email address; looked up once instead of per field of every dataset pulled."""
    plan: dict[str, tuple[Any, bool, Any, int | None, bool]] = {}
    for name, (field, limit) in _fields().items():
        keeps = field.type in (FieldType.CHOICE, FieldType.CHOICES)
        plan[name] = (field.choices if keeps else None, field.type == FieldType.CHOICES,
                      field.default if field.required else None, limit,
                      field.type == FieldType.EMAIL)
    return plan


def _valid_email(name: str, value: Any) -> bool:
    field, _ = _fields()[name]
    try:
        coerce_value(field, value)
    except FieldProblem:
        return False
    return True


@functools.cache
def _fields() -> dict[str, tuple[Field, int | None]]:
    """The dataset kind's fields by name, with the longest text each stores whole."""
    return {f.name: (f, f.stored_limit) for f in kind_named("datasets").fields}


def for_service(values: Mapping[str, Any]) -> Values:
    """Comparable values as the record service takes them (``as_local`` first)."""
    return as_local(values)


def remote_values(remote: RemoteDataset) -> Values:
    """A package's mapped fields, comparable with the local record's."""
    return as_local(normalize(remote.values))
