"""RecordService.head: the first screen of a list and its size, as the full query says."""

from __future__ import annotations

import pytest

from desktop.core.desk import Desk
from desktop.core.services import ListQuery


@pytest.fixture
def register(desk: Desk) -> Desk:
    opd = desk.opd.create({"kode": "1", "nama": "Dinas Kesehatan", "jenis": "dinas"})["id"]
    for n in range(30):
        desk.datasets.create({"judul": f"{'Jumlah' if n % 3 else 'Data'} Penduduk {n:02d}",
                              "opd_id": opd, "frekuensi": "tahunan" if n % 2 else "bulanan",
                              "sifat_data": "terbuka"})
    gone = desk.datasets.create({"judul": "Jumlah Terhapus", "opd_id": opd,
                                 "frekuensi": "tahunan", "sifat_data": "terbuka"})
    desk.datasets.delete(gone["id"], expected_version=gone["version"])
    return desk


@pytest.mark.parametrize("query", [
    ListQuery(), ListQuery(text="jum"), ListQuery(text="jumlah pen 1"), ListQuery(text="zzz"),
    ListQuery(filters={"frekuensi": "tahunan"}), ListQuery(sort=["-judul"]),
    ListQuery(text="penduduk", filters={"frekuensi": "bulanan"}, sort=["-judul"]),
], ids=["all", "prefix", "words", "none", "filter", "descending", "mixed"])
@pytest.mark.parametrize("limit", [5, 200])
def test_head_is_the_start_of_the_list_and_counts_all_of_it(register: Desk, query: ListQuery,
                                                             limit: int) -> None:
    ids, count = register.datasets.head(query, limit)
    everything = register.datasets.ids(query)
    assert ids == everything[:limit]
    assert count == len(everything) == register.datasets.count(query)


def test_the_opening_sort_is_read_off_its_index(register: Desk) -> None:
    """The plain list's ORDER BY matches the (lower(judul), id) index over live rows."""
    from sqlalchemy import text

    if register.db.engine.dialect.name != "sqlite":
        pytest.skip("the query plan is checked on SQLite")
    with register.db.session() as s:
        stmt = register.datasets._ids_statement(s, ListQuery()).limit(200)
        sql = str(stmt.compile(compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "ix_dataset_judul_sort" in plan and "TEMP B-TREE" not in plan
