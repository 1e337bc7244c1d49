"""The first screen of a list sorted by a related record's name, without sorting the list.

"Sort by OPD" orders every dataset by its OPD's name, a value that lives in another
table: the database looked it up for each of 100,000 datasets and sorted them all for
one screen (0.2-0.5 s). Few OPDs own many datasets, so the head is read the other way
round: the OPDs in name order (hundreds of rows), then, one name at a time, that name's
datasets in id order off the ``opd_id`` index, until the screen is full. OPDs whose
names differ only in case sort as one name, their datasets merged by id, exactly as the
list's own ORDER BY (lower(name), id) has them (``tests/test_list_head.py``).
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.kinds import RecordKind
from desktop.core.kinds.base import ListColumn


def related_head(s: Session, kind: RecordKind, column: ListColumn, descending: bool,
                 limit: int) -> list[str] | None:
    """The first ``limit`` live record ids sorted by ``column`` (a ``sort_via`` column),
    or None when a related name is empty (the list's own query puts those last)."""
    assert column.sort_via is not None
    ref_name, name = column.sort_via
    target: Any = name.class_
    model = kind.model
    if s.scalar(select(func.count()).select_from(target).where(name.is_(None))):
        return None
    key = func.lower(name)
    names = s.execute(select(target.id, key).order_by(key.desc() if descending else key))
    ref = getattr(model, ref_name)
    ids: list[str] = []
    for _, group in groupby(names, key=lambda row: row[1]):
        owners = [row[0] for row in group]
        ids += s.scalars(select(model.id).where(ref.in_(owners), model.deleted_at.is_(None))
                         .order_by(model.id).limit(limit - len(ids)))
        if len(ids) >= limit:
            break
    return ids
