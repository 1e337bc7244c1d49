"""When a dataset is due for its next update, from its frequency (Satu Data freshness)."""

from __future__ import annotations

from collections.abc import Sequence
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
             or_(last_updated.is_(None), last_updated < state_bounds(code, today)[0]))
        for code in INTERVAL_DAYS
    ]
    clause = or_(false(), *parts)
    return clause if overdue else ~clause


def state_bounds(frekuensi: str, today: date) -> tuple[date, date]:
    """For a scheduled frequency, the days before which a last update is overdue and
    before which it is due soon (its next update within ``DUE_SOON_DAYS``): the same
    rule as ``freshness_state``, as two thresholds an index range can be counted by."""
    days = INTERVAL_DAYS[frekuensi]
    return today - timedelta(days=days), today - timedelta(days=days - DUE_SOON_DAYS)


def states_from_ranges(ranges: Sequence[int], live: int) -> dict[str, int]:
    """The count of each of STATES from three counts per scheduled frequency, in the
    order of INTERVAL_DAYS: all its live datasets, those never updated or updated
    before the overdue bound, those never updated or updated before the due-soon bound
    (``state_bounds``); ``live`` counts every live dataset, scheduled or not."""
    if len(ranges) != 3 * len(INTERVAL_DAYS):
        raise ValueError(f"{len(ranges)} range counts")
    states = dict.fromkeys(STATES, 0)
    for n in range(len(INTERVAL_DAYS)):
        total, late, late_or_soon = (int(c or 0) for c in ranges[3 * n:3 * n + 3])
        states["terlambat"] += late
        states["segera"] += late_or_soon - late
        states["terkini"] += total - late_or_soon
    states["tanpa_jadwal"] = live - sum(int(c or 0) for c in ranges[::3])
    return states


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
        and_(frekuensi == code, last_updated < state_bounds(code, today)[1])
        for code in INTERVAL_DAYS))
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
