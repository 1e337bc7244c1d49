"""When a dataset is due for its next update, from its frequency (Satu Data freshness)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, false, or_

# Grace-free intervals: a monthly dataset last updated more than a month ago is overdue.
INTERVAL_DAYS = {
    "harian": 1,
    "mingguan": 7,
    "bulanan": 31,
    "triwulanan": 92,
    "semesteran": 183,
    "tahunan": 366,
}


def next_update_due(frekuensi: str, last_updated: date | None) -> date | None:
    """None for ad hoc data (no schedule) and for data never updated."""
    days = INTERVAL_DAYS.get(frekuensi)
    if days is None or last_updated is None:
        return None
    return last_updated + timedelta(days=days)


def is_overdue(frekuensi: str, last_updated: date | None, today: date) -> bool:
    if frekuensi not in INTERVAL_DAYS:
        return False
    if last_updated is None:
        return True  # scheduled data with no known update is overdue by definition
    due = next_update_due(frekuensi, last_updated)
    return due is not None and due < today


def overdue_clause(frekuensi: ColumnElement[str], last_updated: ColumnElement[date],
                   today: date, overdue: bool = True) -> ColumnElement[bool]:
    """The same rule as ``is_overdue`` in SQL, portable: thresholds computed here."""
    parts = [
        and_(frekuensi == code,
             or_(last_updated.is_(None), last_updated < today - timedelta(days=days)))
        for code, days in INTERVAL_DAYS.items()
    ]
    clause = or_(false(), *parts)
    return clause if overdue else ~clause
