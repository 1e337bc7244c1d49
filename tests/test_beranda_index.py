"""The Beranda's dataset counts come from ``ix_dataset_beranda`` and nothing else does.

The index is partial (live rows, and ``frekuensi >= ''`` which every row meets) so that
SQLite takes it only for the Beranda's queries, which say both terms; a list filtered by
frequency or sifat, or counted, keeps the plan it had (the sort index, the table).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.core.dashboard import compute, statements
from desktop.core.desk import Desk
from desktop.core.freshness import (
    INTERVAL_DAYS,
    STATES,
    freshness_state,
    state_bounds,
    states_from_ranges,
)
from desktop.core.services import ListQuery

TODAY = date(2026, 12, 6)


def _plan(s: Session, stmt) -> str:  # type: ignore[no-untyped-def]
    sql = str(stmt.compile(bind=s.get_bind(), compile_kwargs={"literal_binds": True}))
    return " | ".join(str(row[3]) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))


@pytest.fixture
def register(desk: Desk) -> Desk:
    opd = desk.opd.create({"kode": "1", "nama": "Dinas Kesehatan", "jenis": "dinas"})["id"]
    desk.datasets.create_many([
        {"judul": f"Data {n:03d}", "opd_id": opd, "frekuensi": list(INTERVAL_DAYS)[n % 6]
         if n % 7 else "adhoc", "sifat_data": ("terbuka", "terbatas")[n % 2],
         "terakhir_diperbarui": None if n % 11 == 0 else TODAY - timedelta(days=n * 3)}
        for n in range(120)])
    return desk


@pytest.mark.only_engine("sqlite")
def test_the_beranda_counts_datasets_from_its_index_alone(register: Desk) -> None:
    queries = statements(TODAY)
    with register.db.session() as s:
        for name in ("datasets_by_sifat", "datasets_by_freshness"):
            plan = _plan(s, queries[name])
            assert "COVERING INDEX ix_dataset_beranda" in plan, (name, plan)
            assert "SCAN dataset" not in plan, (name, plan)


@pytest.mark.only_engine("sqlite")
@pytest.mark.parametrize("filters", [
    {}, {"frekuensi": "bulanan"}, {"sifat_data": "terbuka"},
    {"frekuensi": "tahunan", "sifat_data": "terbatas"}, {"kesegaran": "segera"},
    {"terlambat": True},
], ids=["all", "frekuensi", "sifat", "both", "kesegaran", "terlambat"])
def test_the_lists_never_take_the_beranda_index(register: Desk, filters: dict) -> None:
    service = register.datasets
    with register.db.session() as s:
        for sort in ([], ["terakhir_diperbarui"], ["-frekuensi"]):
            stmt = service._ids_statement(s, ListQuery(filters=filters, sort=sort))
            listed = _plan(s, stmt.limit(200))
            counted = _plan(s, stmt.order_by(None).with_only_columns(text("count(*)")))
            assert "ix_dataset_beranda" not in listed + counted, (sort, listed, counted)


def test_the_ranges_give_each_state_as_the_row_by_row_rule(register: Desk) -> None:
    """Every frequency around both of its bounds, a day never set, an unscheduled one,
    and a deleted one: the counts by range equal ``freshness_state`` row by row."""
    opd = register.opd.list().rows[0]["id"]
    rows = []
    for code in (*INTERVAL_DAYS, "adhoc"):
        bounds = state_bounds(code, TODAY) if code in INTERVAL_DAYS else (TODAY, TODAY)
        for day in (None, *(b + timedelta(days=d) for b in bounds for d in (-1, 0, 1))):
            rows.append({"judul": f"{code} {day}", "opd_id": opd, "frekuensi": code,
                         "sifat_data": "terbuka", "terakhir_diperbarui": day})
    register.datasets.create_many(rows)
    gone = register.datasets.create({"judul": "Terhapus", "opd_id": opd,
                                     "frekuensi": "bulanan", "sifat_data": "terbuka"})
    register.datasets.delete(gone["id"], expected_version=gone["version"])
    with register.db.session() as s:
        live = s.execute(text("SELECT frekuensi, terakhir_diperbarui FROM dataset"
                              " WHERE deleted_at IS NULL")).all()
    expected = dict.fromkeys(STATES, 0)
    for code, day in live:
        day = date.fromisoformat(str(day)) if day is not None else None
        expected[freshness_state(code, day, TODAY)] += 1
    board = compute(register, TODAY)
    assert board.datasets_by_freshness == expected
    assert sum(board.datasets_by_sifat.values()) == len(live) == 120 + len(rows)
    assert all(expected.values())


def test_states_from_ranges_refuses_a_wrong_shape() -> None:
    with pytest.raises(ValueError):
        states_from_ranges([1, 2, 3], 3)


def test_a_sifat_the_program_does_not_know_still_counts_in_the_total(register: Desk) -> None:
    """A code written by another version of the program is not a chart segment of its
    own, but the datasets tile and the freshness states still count its datasets."""
    with register.db.session() as s:
        s.execute(text("UPDATE dataset SET sifat_data = 'lama' WHERE judul = 'Data 004'"))
    board = compute(register, TODAY)
    assert board.datasets_by_sifat[""] == 1
    assert sum(board.datasets_by_sifat.values()) == 120
    assert sum(board.datasets_by_freshness.values()) == 120
    assert "" not in {segment.filters.get("sifat_data") for chart in board.charts()
                      for segment in chart.segments}
