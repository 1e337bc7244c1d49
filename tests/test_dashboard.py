"""Beranda figures against independent counts: raw SQL on the demo data, and a crafted
register around awkward days (today, end of month, leap day)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.core.dashboard import DUE_SOON_DAYS, RECENT_DAYS, Dashboard, compute
from desktop.core.desk import Desk
from desktop.core.freshness import is_overdue, next_update_due
from desktop.core.i18n import set_language
from desktop.core.services import ListQuery


def _sql(desk: Desk, query: str, **params: object) -> list[tuple]:
    with desk.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


@pytest.fixture
def demo(demo_desk: Desk) -> Desk:
    """The demo register (loaded once per session, copied for each test)."""
    return demo_desk


def test_record_counts_match_plain_sql_on_the_demo_data(demo: Desk) -> None:
    today = date(2026, 11, 28)
    board = compute(demo, today)
    assert board.apps_by_status == dict(_sql(
        demo, "SELECT status, count(*) FROM aplikasi WHERE deleted_at IS NULL GROUP BY status"))
    assert board.datasets_by_sifat == dict(_sql(
        demo, "SELECT sifat_data, count(*) FROM dataset WHERE deleted_at IS NULL "
              "GROUP BY sifat_data"))
    assert board.agreements_by_status == dict(_sql(
        demo, "SELECT status, count(*) FROM kerjasama WHERE deleted_at IS NULL GROUP BY status"))
    by_opd = dict(_sql(demo, "SELECT p.nama, count(*) FROM aplikasi a JOIN perangkat_daerah p "
                             "ON p.id = a.opd_pemilik_id WHERE a.deleted_at IS NULL "
                             "GROUP BY p.nama"))
    assert {name: n for _id, name, n in board.apps_by_opd} == by_opd
    assert [n for *_x, n in board.apps_by_opd] == sorted(by_opd.values(), reverse=True)
    visits = _sql(demo, "SELECT tanggal_mulai, arah, region_kode FROM kunjungan "
                        "WHERE deleted_at IS NULL")
    years = Counter((date.fromisoformat(str(d)[:10]).year, a) for d, a, _r in visits)
    assert {(y, a): n for y, v in board.visits_per_year.items() for a, n in v.items() if n} \
        == dict(years)
    provinces = Counter(r[:2] for _d, _a, r in visits if r)
    assert {k: n for k, _name, n in board.visits_by_province} == dict(provinces)
    assert all(name and not name[0].isdigit() for _k, name, _n in board.visits_by_province)


def test_freshness_and_deadlines_match_a_row_by_row_count(demo: Desk) -> None:
    today = date(2026, 11, 28)
    board = compute(demo, today, expiry_days=90)
    rows = demo.datasets.list().rows
    late = sum(is_overdue(r["frekuensi"], r["terakhir_diperbarui"], today) for r in rows)
    due = sum(1 for r in rows if not is_overdue(r["frekuensi"], r["terakhir_diperbarui"], today)
              and (d := next_update_due(r["frekuensi"], r["terakhir_diperbarui"])) is not None
              and d < today + timedelta(days=DUE_SOON_DAYS))
    assert board.datasets_by_freshness["terlambat"] == late
    assert board.datasets_by_freshness["segera"] == due
    assert sum(board.datasets_by_freshness.values()) == len(rows)
    # the tiles open lists with the same counts
    for tile in board.tiles():
        listed = demo.service(tile.kind).count(ListQuery(filters=tile.filters))
        assert tile.count == listed, tile.key
    follow = _sql(demo, "SELECT t.tenggat, t.status FROM kunjungan_tindak_lanjut t JOIN "
                        "kunjungan k ON k.id = t.kunjungan_id WHERE k.deleted_at IS NULL")
    assert board.follow_ups_overdue == sum(
        1 for when, status in follow
        if when is not None and date.fromisoformat(str(when)[:10]) < today
        and status in ("belum", "proses"))


def _assert_every_segment_opens_its_count(desk: Desk, board) -> int:
    """Each tile and chart segment, listed with its own filter, shows its own count."""
    checked = 0
    for tile in board.tiles() + board.summary():
        assert desk.service(tile.kind).count(ListQuery(filters=tile.filters)) == tile.count, \
            tile.key
        checked += 1
    for chart in board.charts():
        for segment in chart.segments:
            assert segment.filters is not None, (chart.key, segment)  # "the rest" too
            listed = desk.service(chart.kind).count(ListQuery(filters=segment.filters))
            assert listed == segment.count, (chart.key, segment)
            checked += 1
    return checked


@pytest.mark.parametrize("today", [date(2026, 11, 28), date(2030, 1, 1)])
def test_every_chart_segment_opens_a_list_of_the_same_size(demo: Desk, today: date) -> None:
    board = compute(demo, today, expiry_days=120)
    assert _assert_every_segment_opens_its_count(demo, board) > 30
    charts = {c.key: c for c in board.charts()}
    # no record is lost between the slices, nor counted twice
    assert sum(s.count for s in charts["apps_by_status"].segments) == \
        demo.apps.count(ListQuery())
    assert sum(s.count for s in charts["apps_by_opd"].segments) == \
        demo.apps.count(ListQuery(filters={"opd_pemilik_id__isnull": False}))
    for key in ("datasets_by_sifat", "datasets_by_freshness"):
        assert sum(s.count for s in charts[key].segments) == demo.datasets.count(ListQuery())
    assert sum(s.count for s in charts["visits_per_year"].segments) == \
        demo.visits.count(ListQuery())
    assert sum(s.count for s in charts["visits_by_province"].segments) == \
        demo.visits.count(ListQuery(filters={"region_kode__isnull": False}))
    labels = [s.label for s in charts["apps_by_opd"].segments]
    assert len(labels) == 9 and labels[-1].startswith("Lainnya")  # 8 OPDs, then the rest


def test_top_groups_come_most_first_and_the_rest_last_never_as_the_biggest_bar(
        demo: Desk) -> None:
    board = compute(demo, date(2026, 11, 28))
    charts = {c.key: c for c in board.charts()}
    opd = charts["apps_by_opd"]
    *shown, rest = opd.segments
    assert [s.count for s in shown] == sorted((s.count for s in shown), reverse=True)
    assert not any(s.is_rest for s in shown) and rest.is_rest
    others = board.apps_by_opd[8:]
    assert rest.label == f"Lainnya ({len(others)} OPD)" and len(others) >= 2
    assert rest.members == tuple(name for _i, name, _c in others)
    assert rest.count == sum(c for *_x, c in others)
    # the demo's seventeen small OPDs sum up past the biggest one: no bar for that sum
    assert rest.count > shown[-1].count and not rest.bar
    assert rest.filters == {"opd_pemilik_id__in": [i for i, _n, _c in others]}
    assert demo.apps.count(ListQuery(filters=rest.filters)) == rest.count
    # provinces: the rest lists the visits of its provinces through their regions
    province_rest = charts["visits_by_province"].segments[-1]
    assert province_rest.is_rest and province_rest.label.startswith("Lainnya (")
    assert province_rest.label.endswith(" provinsi)")
    assert demo.visits.count(ListQuery(filters=province_rest.filters)) == province_rest.count
    # fewer bars asked for (a small window): the same total, a bigger rest
    small = {c.key: c for c in board.charts(top=3)}["apps_by_opd"]
    assert len(small.segments) == 4 and small.segments[-1].is_rest
    assert sum(s.count for s in small.segments) == sum(s.count for s in opd.segments)


def _board(**figures: object) -> Dashboard:
    """A Dashboard of made-up figures: the charts' shape without a database."""
    empty: dict[str, object] = dict(
        today=date(2026, 12, 4), apps_by_status={}, apps_by_opd=[], datasets_by_sifat={},
        datasets_by_freshness={s: 0 for s in ("terkini", "segera", "terlambat",
                                               "tanpa_jadwal")},
        agreements_by_status={}, agreements_expiring=0, visits_per_year={},
        visits_by_province=[], follow_ups_overdue=0, visits_with_overdue_follow_ups=0,
        deployments_recent={})
    return Dashboard(**{**empty, **figures})  # type: ignore[arg-type]


def test_a_small_rest_is_a_muted_last_bar_and_a_single_leftover_shows_its_name() -> None:
    rows = [(f"o{i}", f"OPD {i}", 10 - i) for i in range(9)]  # 10, 9, ..., 2
    tail = [("o9", "OPD 9", 1), ("oa", "OPD A", 1)]
    charts = {c.key: c for c in _board(apps_by_opd=[*rows, *tail]).charts()}
    rest = charts["apps_by_opd"].segments[-1]
    assert rest.label == "Lainnya (3 OPD)" and rest.count == 4
    assert not rest.bar  # 4 > the smallest shown (3)
    charts = {c.key: c for c in _board(apps_by_opd=[
        *rows[:8], ("o8", "OPD 8", 1), ("o9", "OPD 9", 1)]).charts()}
    rest = charts["apps_by_opd"].segments[-1]
    assert rest.count == 2 and rest.bar  # not longer than the shortest bar shown (3)
    assert charts["apps_by_opd"].segments[-2].count == 3
    # nine OPDs: all nine by name, no "Lainnya (1 OPD)"
    charts = {c.key: c for c in _board(apps_by_opd=rows).charts()}
    assert [s.label for s in charts["apps_by_opd"].segments] == [n for _i, n, _c in rows]
    # unsorted input still comes out most first, the rest last
    shuffled = [rows[3], rows[0], rows[8], rows[1]]
    labels = [s.label for s in _board(apps_by_opd=shuffled).charts()[1].segments]
    assert labels == ["OPD 0", "OPD 1", "OPD 3", "OPD 8"]


def test_one_category_is_said_in_words_not_drawn_as_a_whole_pie() -> None:
    charts = {c.key: c for c in _board(
        deployments_recent={"berhasil": 12}, datasets_by_sifat={"terbuka": 3},
        apps_by_status={"operasional": 2, "uji_coba": 1},
        visits_per_year={2026: {"masuk": 1, "keluar": 0}}).charts()}
    deployments = charts["deployments_recent"]
    assert deployments.style == "single" and len(deployments.segments) == 1
    assert deployments.summary == "Semua 12 deployment: Berhasil"
    assert deployments.segments[0].filters["status"] == "berhasil"  # still opens the list
    assert charts["datasets_by_sifat"].style == "single"
    assert charts["datasets_by_sifat"].summary == "Semua 3 dataset: Terbuka"
    assert charts["apps_by_status"].style == "hbar"  # two states: bars
    assert charts["visits_per_year"].style == "grouped"  # one year, two series: bars
    assert charts["datasets_by_freshness"].segments == ()  # empty stays empty
    # no chart of categories is a pie any more, except parts of a whole
    assert {c.key for c in _board(
        datasets_by_sifat={"terbuka": 1, "terbatas": 1},
        deployments_recent={"berhasil": 1, "gagal": 1}).charts()
        if c.style == "pie"} <= {"datasets_by_sifat", "datasets_by_freshness"}


def test_single_category_summary_in_english_agrees_with_its_number() -> None:
    set_language("en")
    try:
        many = {c.key: c for c in _board(deployments_recent={"gagal": 1200}).charts()}
        one = {c.key: c for c in _board(deployments_recent={"gagal": 1}).charts()}
    finally:
        set_language("id")
    assert many["deployments_recent"].summary == "All 1,200 deployments: Failed"
    assert one["deployments_recent"].summary == "1 deployment: Failed"
    thousands = {c.key: c for c in _board(deployments_recent={"gagal": 1200}).charts()}
    assert thousands["deployments_recent"].summary == "Semua 1.200 deployment: Gagal"


@pytest.mark.parametrize("today", [date(2024, 2, 29), date(2026, 1, 31), date(2026, 12, 31)])
def test_awkward_days_on_a_crafted_register(desk: Desk, today: date) -> None:
    opd = desk.opd.create({"kode": "1", "nama": "Diskominfo", "jenis": "dinas"})["id"]

    def dataset(title: str, frekuensi: str, updated: date | None) -> None:
        desk.datasets.create({"judul": title, "opd_id": opd, "frekuensi": frekuensi,
                              "sifat_data": "terbuka", "terakhir_diperbarui": updated})

    dataset("hari ini", "bulanan", today)  # fresh
    dataset("tepat jatuh tempo", "bulanan", today - timedelta(days=31))  # due today: not late
    dataset("sehari terlambat", "bulanan", today - timedelta(days=32))
    dataset("tanpa tanggal", "tahunan", None)  # scheduled, never updated: late
    dataset("sewaktu-waktu", "adhoc", None)  # no schedule
    dataset("tahunan segera", "tahunan", today - timedelta(days=366 - 10))
    app = desk.apps.create({"nama": "SIMPEG", "opd_pemilik_id": opd, "jenis": "umum",
                            "status": "operasional"})["id"]
    for days_ago, status in [(0, "gagal"), (RECENT_DAYS - 1, "berhasil"), (RECENT_DAYS, "gagal")]:
        desk.deployments.create({"aplikasi_id": app, "lingkungan": "produksi", "status": status,
                                 "tanggal": today - timedelta(days=days_ago)})
    late_visit = desk.visits.create({
        "arah": "masuk", "tanggal_mulai": today - timedelta(days=3), "instansi": "Diskominfo A",
        "tindak_lanjut": [
            {"uraian": "tenggat kemarin", "tenggat": today - timedelta(days=1), "status": "belum"},
            {"uraian": "juga lewat", "tenggat": today - timedelta(days=2), "status": "proses"},
        ]})["id"]
    desk.visits.create({
        "arah": "keluar", "tanggal_mulai": today, "instansi": "Diskominfo B",
        "tindak_lanjut": [
            {"uraian": "tenggat hari ini", "tenggat": today, "status": "belum"},
            {"uraian": "selesai lewat tenggat", "tenggat": today - timedelta(days=9),
             "status": "selesai"},
        ]})
    for ends, status in [(today, "pelaksanaan"), (today + timedelta(days=90), "monev"),
                         (today + timedelta(days=91), "pelaksanaan"),
                         (today - timedelta(days=1), "pelaksanaan"), (today, "berakhir")]:
        desk.agreements.create({
            "jenis": "kb", "judul": f"KB sampai {ends}", "status": status,
            "berlaku_mulai": today - timedelta(days=400), "berlaku_sampai": ends})
    board = compute(desk, today, expiry_days=90)
    assert board.datasets_by_freshness == {"terlambat": 2, "segera": 2, "terkini": 1,
                                           "tanpa_jadwal": 1}
    assert board.deployments_recent == {"gagal": 1, "berhasil": 1}
    assert board.follow_ups_overdue == 2
    assert board.visits_with_overdue_follow_ups == 1
    assert desk.visits.ids(ListQuery(filters=board.tiles()[2].filters)) == [late_visit]
    assert board.agreements_expiring == 2  # ends today and in 90 days; not already ended
    _assert_every_segment_opens_its_count(desk, board)


def test_cli_dashboard_prints_the_same_figures(demo: Desk, demo_url: str, capsys) -> None:
    import json

    from desktop.cli import main

    assert main(["--database", demo_url, "dashboard", "--json",
                 "--today", "2026-11-28"]) == 0
    data = json.loads(capsys.readouterr().out)
    board = compute(demo, date(2026, 11, 28))
    assert data["apps_by_status"] == board.apps_by_status
    assert data["datasets_by_freshness"] == board.datasets_by_freshness
    assert main(["--database", demo_url, "dashboard", "--today", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert f"terlambat diperbarui {board.datasets_by_freshness['terlambat']}" in out


@pytest.mark.parametrize("filters", [{"kesegaran": "basi"}, {"kesegaran": "terlambat@31-02"},
                                     {"tindak_lanjut_terlambat": "kemarin"}])
def test_a_bad_beranda_filter_value_is_a_clear_error(desk: Desk, filters: dict) -> None:
    from desktop.core.errors import DeskError

    service = desk.datasets if "kesegaran" in filters else desk.visits
    with pytest.raises(DeskError, match=r"Nilai filter .* tidak valid"):
        service.count(ListQuery(filters=filters))
