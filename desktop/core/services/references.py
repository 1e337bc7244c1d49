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


class References:
    """Asks the database whether referenced records and region codes exist.

    ``remember``: each answer is kept for the rest of the run. A bulk create's rows name
    the same few OPDs and regions over and over; asked once each, thousands of rows cost a
    handful of queries. Only for a run that deletes nothing it may point at.
    """

    def __init__(self, session: Session, *, remember: bool = False) -> None:
        self.session = session
        self.remember = remember
        self._live: dict[tuple[str, str], bool] = {}
        self._regions: dict[str, bool] = {}

    def live(self, kind_name: str, ids: list[str]) -> set[str]:
        if not self.remember:
            return live_ids(self.session, kind_name, ids)
        if len(ids) == 1:  # a REF field: the usual question, answered from memory
            known = self._live.get((kind_name, ids[0]))
            if known is not None:
                return {ids[0]} if known else set()
        unknown = [i for i in ids if (kind_name, i) not in self._live]
        if unknown:
            found = live_ids(self.session, kind_name, unknown)
            self._live.update(((kind_name, i), i in found) for i in unknown)
        return {i for i in ids if self._live[(kind_name, i)]}

    def region(self, code: str) -> bool:
        if code not in self._regions or not self.remember:
            self._regions[code] = self.session.get(Region, code) is not None
        return self._regions[code]


_POINTING = (FieldType.REF, FieldType.REFS, FieldType.REGION)
_pointing: dict[int, tuple[tuple[Field, ...], tuple[Field, ...]]] = {}


def _pointing_fields(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """The fields that point elsewhere, worked out once per field list (a bulk create
    checks thousands of records of one kind); the list is kept so its id stays its own."""
    known = _pointing.get(id(fields))
    if known is None or known[0] is not fields:
        known = _pointing[id(fields)] = (fields, tuple(f for f in fields
                                                       if f.type in _POINTING))
    return known[1]


def check_references(session: Session, fields: tuple[Field, ...], values: dict[str, Any],
                     errors: Errors, prefix: str = "", refs: References | None = None) -> None:
    lookup = refs or References(session)
    for fld in _pointing_fields(fields):
        value = values.get(fld.name)
        if not value:
            continue
        key = prefix + fld.name
        if fld.type == FieldType.REF and fld.ref:
            if value not in lookup.live(fld.ref, [value]):
                add_error(errors, key, t("{label} tidak ditemukan.", label=str(fld.label)))
        elif fld.type == FieldType.REFS and fld.ref:
            missing = set(value) - lookup.live(fld.ref, list(value))
            if missing:
                add_error(errors, key, tn("{count} data terkait tidak ditemukan.",
                                          len(missing), count=len(missing)))
        elif fld.type == FieldType.REGION and not lookup.region(value):
            add_error(errors, key, t("Kode wilayah {kode} tidak dikenal.", kode=value))
