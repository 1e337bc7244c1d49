"""The rows a record owns (a dataset's resources, an agreement's parties and articles).

Cleaned and checked with the record (``clean_rows``) and made equal to what the form or
the sheet says while keeping the identity of the rows that stay (``apply_rows``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.fields import Collection
from desktop.core.i18n import t
from desktop.core.services.references import References, check_references
from desktop.core.validation import Errors, add_error, clean_fields


def row_key(coll: Collection) -> str:
    """How an owned row is recognised on update: its id, or its reference (link rows)."""
    return "id" if hasattr(coll.model, "id") else coll.fields[0].name


def clean_rows(s: Session, coll: Collection, value: Any, errors: Errors,
               prefix: str, *, whole: bool = False,
               refs: References | None = None) -> list[dict[str, Any]]:
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
        check_references(s, coll.fields, clean, errors, row_prefix, refs)
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
                                             f"{row_prefix}{sub.name}", refs=refs)
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
