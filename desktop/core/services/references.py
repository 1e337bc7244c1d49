"""Checking that what a record points at exists (and is not deleted)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.fields import Field, FieldType
from desktop.core.i18n import t, tn
from desktop.core.models import Region
from desktop.core.validation import Errors, add_error


def live_ids(session: Session, kind_name: str, ids: list[str]) -> set[str]:
    from desktop.core.kinds import kind_named

    model = kind_named(kind_name).model
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        found.update(session.scalars(
            select(model.id).where(model.id.in_(chunk), model.deleted_at.is_(None))
        ))
    return found


def check_references(session: Session, fields: tuple[Field, ...], values: dict[str, Any],
                     errors: Errors, prefix: str = "") -> None:
    for fld in fields:
        value = values.get(fld.name)
        if not value:
            continue
        key = prefix + fld.name
        if fld.type == FieldType.REF and fld.ref:
            if value not in live_ids(session, fld.ref, [value]):
                add_error(errors, key, t("{label} tidak ditemukan.", label=str(fld.label)))
        elif fld.type == FieldType.REFS and fld.ref:
            missing = set(value) - live_ids(session, fld.ref, list(value))
            if missing:
                add_error(errors, key, tn("{count} data terkait tidak ditemukan.",
                                          len(missing), count=len(missing)))
        elif fld.type == FieldType.REGION and session.get(Region, value) is None:
            add_error(errors, key, t("Kode wilayah {kode} tidak dikenal.", kode=value))
