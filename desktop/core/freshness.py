"""When a dataset is due for its next update, from its frequency (Satu Data freshness)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rules without the clauses are read before SQLAlchemy is loaded
    from sqlalchemy import ColumnElement

# Grace-free intervals: a monthly dataset last updated more than a month ago is overdue.
INTERVAL_DAYS = {
    "harian": 1,
    "mingguan": 7,
    "bulanan": 31,
    "triwulanan": 92,
    "semesteran": 183,
    "tahunan": 366,
}
DUE_SOON_DAYS = 30  # a dataset whose next update falls within this many days is "due"
STATES = ("terkini", "segera", "terlambat", "tanpa_jadwal")


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
    from sqlalchemy import and_, false, or_

    parts = [
        and_(frekuensi == code,
             or_(last_updated.is_(None), last_updated < today - timedelta(days=days)))
        for code, days in INTERVAL_DAYS.items()
    ]
    clause = or_(false(), *parts)
    return clause if overdue else ~clause


def freshness_state(frekuensi: str, last_updated: date | None, today: date) -> str:
    """One of STATES: the Beranda's freshness buckets, judged row by row."""
    if frekuensi not in INTERVAL_DAYS:
        return "tanpa_jadwal"
    if is_overdue(frekuensi, last_updated, today):
        return "terlambat"
    due = next_update_due(frekuensi, last_updated)
    if due is not None and due < today + timedelta(days=DUE_SOON_DAYS):
        return "segera"
    return "terkini"


def freshness_clause(state: str, frekuensi: ColumnElement[str],
                     last_updated: ColumnElement[date], today: date) -> ColumnElement[bool]:
    """``freshness_state(...) == state`` in SQL, so a chart segment and its list agree."""
    from sqlalchemy import and_, false, or_

    scheduled = frekuensi.in_(tuple(INTERVAL_DAYS))
    overdue = overdue_clause(frekuensi, last_updated, today)
    # next update (last + interval) before today + DUE_SOON_DAYS
    soon = or_(false(), *(
        and_(frekuensi == code, last_updated < today - timedelta(days=days - DUE_SOON_DAYS))
        for code, days in INTERVAL_DAYS.items()))
    match state:
        case "terlambat":
            return overdue
        case "segera":
            return and_(scheduled, ~overdue, soon)
        case "terkini":
            return and_(scheduled, ~overdue, ~soon)
        case "tanpa_jadwal":
            return ~scheduled
    raise ValueError(state)  # the list query turns this into "invalid filter value"


def parse_state_filter(value: object) -> tuple[str, date]:
    """A list filter value ``"segera"`` or ``"segera@2026-11-28"`` (judged on that day)."""
    state, _, day = str(value).partition("@")
    return state, (date.fromisoformat(day) if day else date.today())
