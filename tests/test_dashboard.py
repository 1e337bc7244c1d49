"""Beranda figures against independent counts: raw SQL on the demo data, and a crafted
register around awkward days (today, end of month, leap day)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from desktop.core.dashboard import DUE_SOON_DAYS, RECENT_DAYS, compute
from desktop.core.demo import load_demo
from desktop.core.desk import Desk
from desktop.core.freshness import is_overdue, next_update_due
from desktop.core.services import ListQuery


def _sql(desk: Desk, query: str, **params: object) -> list[tuple]:
    with desk.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query), params)]


@pytest.fixture
def demo(desk: Desk) -> Desk:
    load_demo(desk)
    return desk


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
    tiles = {t.key: t for t in board.tiles(90)}
    for key in ("datasets_overdue", "agreements_expiring", "deployments_failed"):
        tile = tiles[key]
        listed = demo.service(tile.kind).count(ListQuery(filters=tile.filters))
        if key == "deployments_failed":  # the tile counts the last month only
            assert tile.count <= listed
        else:
            assert tile.count == listed, key
    follow = _sql(demo, "SELECT t.tenggat, t.status FROM kunjungan_tindak_lanjut t JOIN "
                        "kunjungan k ON k.id = t.kunjungan_id WHERE k.deleted_at IS NULL")
    assert board.follow_ups_overdue == sum(
        1 for when, status in follow
        if when is not None and date.fromisoformat(str(when)[:10]) < today
        and status in ("belum", "proses"))


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
    board = compute(desk, today)
    assert board.datasets_by_freshness == {"terlambat": 2, "segera": 2, "terkini": 1,
                                           "tanpa_jadwal": 1}
    assert board.deployments_recent == {"gagal": 1, "berhasil": 1}


def test_cli_dashboard_prints_the_same_figures(demo: Desk, database_url: str, capsys) -> None:
    import json

    from desktop.cli import main

    assert main(["--database", database_url, "dashboard", "--json",
                 "--today", "2026-11-28"]) == 0
    data = json.loads(capsys.readouterr().out)
    board = compute(demo, date(2026, 11, 28))
    assert data["apps_by_status"] == board.apps_by_status
    assert data["datasets_by_freshness"] == board.datasets_by_freshness
    assert main(["--database", database_url, "dashboard", "--today", "2026-11-28"]) == 0
    out = capsys.readouterr().out
    assert f"terlambat diperbarui {board.datasets_by_freshness['terlambat']}" in out
