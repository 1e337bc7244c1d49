"""Reminders on a crafted register (counted independently) and their dismissals."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core.desk import Desk
from desktop.core.reminders import FOLLOW_UP_DAYS, SSL_DAYS, Dismissals, collect

TODAY = date(2024, 2, 29)  # a leap day: "tomorrow" is 1 March


@pytest.fixture
def register(desk: Desk) -> dict[str, str]:
    """One record on each side of every threshold."""
    ids: dict[str, str] = {}
    opd = desk.opd.create({"kode": "1", "nama": "Diskominfo", "jenis": "dinas"})["id"]
    for name, frek, last in [("late", "bulanan", TODAY - timedelta(days=32)),
                             ("never", "tahunan", None), ("fresh", "bulanan", TODAY),
                             ("adhoc", "adhoc", None)]:
        ids[name] = desk.datasets.create({"judul": f"Data {name}", "opd_id": opd,
                                          "frekuensi": frek, "sifat_data": "terbuka",
                                          "terakhir_diperbarui": last})["id"]
    for name, ends, status in [("ends_today", TODAY, "pelaksanaan"),
                               ("ends_at_window", TODAY + timedelta(days=90), "monev"),
                               ("ends_after", TODAY + timedelta(days=91), "pelaksanaan"),
                               ("ended", TODAY - timedelta(days=1), "pelaksanaan"),
                               ("closed", TODAY + timedelta(days=5), "berakhir")]:
        ids[name] = desk.agreements.create({
            "jenis": "kb", "judul": f"KB {name}", "status": status,
            "berlaku_mulai": TODAY - timedelta(days=400), "berlaku_sampai": ends})["id"]
    ids["visit"] = desk.visits.create({
        "arah": "masuk", "tanggal_mulai": TODAY - timedelta(days=30), "instansi": "Kota A",
        "tindak_lanjut": [
            {"uraian": "lewat", "tenggat": TODAY - timedelta(days=1), "status": "belum"},
            {"uraian": "minggu ini", "tenggat": TODAY + timedelta(days=FOLLOW_UP_DAYS),
             "status": "proses"},
            {"uraian": "nanti", "tenggat": TODAY + timedelta(days=FOLLOW_UP_DAYS + 1),
             "status": "belum"},
            {"uraian": "selesai", "tenggat": TODAY - timedelta(days=3), "status": "selesai"},
        ]})["id"]
    app = desk.apps.create({"nama": "SIMPEG", "opd_pemilik_id": opd, "jenis": "umum",
                            "status": "operasional"})["id"]

    def deploy(name: str, when: date, domain: str, ssl: date) -> None:
        ids[name] = desk.deployments.create({
            "aplikasi_id": app, "lingkungan": "produksi", "status": "berhasil",
            "tanggal": when, "domain": domain, "ssl_berakhir": ssl})["id"]

    # simpeg: the old deployment's certificate ran out, the newer one is valid for long
    deploy("old_simpeg", TODAY - timedelta(days=400), "simpeg.example.go.id",
           TODAY - timedelta(days=10))
    deploy("new_simpeg", TODAY - timedelta(days=20), "simpeg.example.go.id",
           TODAY + timedelta(days=300))
    deploy("ssl_soon", TODAY - timedelta(days=5), "sso.example.go.id",
           TODAY + timedelta(days=SSL_DAYS))
    deploy("ssl_later", TODAY - timedelta(days=5), "web.example.go.id",
           TODAY + timedelta(days=SSL_DAYS + 1))
    return ids


def _by_category(desk: Desk) -> dict[str, list]:
    return {g.category: g for g in collect(desk, TODAY, expiry_days=90)}


def test_each_group_holds_exactly_the_records_past_its_threshold(desk: Desk, register) -> None:
    groups = _by_category(desk)
    agreements = groups["agreements_expiring"]
    assert [r.record_id for r in agreements.items] == [register["ends_today"],
                                                        register["ends_at_window"]]
    assert agreements.total == 2
    assert "hari ini" in agreements.items[0].detail
    follow = groups["follow_ups_due"]
    assert [r.title for r in follow.items] == ["lewat", "minggu ini"]
    assert {r.record_id for r in follow.items} == {register["visit"]}
    assert "lewat 1 hari" in follow.items[0].detail
    ssl = groups["ssl_expiring"]
    assert [r.record_id for r in ssl.items] == [register["ssl_soon"]]  # the old simpeg: replaced
    datasets = groups["datasets_overdue"]
    assert [r.record_id for r in datasets.items] == [register["never"], register["late"]]
    assert "belum pernah diperbarui" in datasets.items[0].detail


def test_each_group_opens_a_list_of_what_it_reminds_about(desk: Desk, register) -> None:
    from desktop.core.services import ListQuery

    groups = _by_category(desk)
    for category, ids in [("agreements_expiring", {"ends_today", "ends_at_window"}),
                          ("datasets_overdue", {"never", "late"}),
                          ("follow_ups_due", {"visit"})]:
        group = groups[category]
        listed = set(desk.service(group.kind).ids(ListQuery(filters=group.filters)))
        assert listed == {register[name] for name in ids}, category


def test_limit_keeps_the_total(desk: Desk, register) -> None:
    groups = {g.category: g for g in collect(desk, TODAY, limit=1)}
    assert len(groups["agreements_expiring"].items) == 1
    assert groups["agreements_expiring"].total == 2


def test_nothing_due_means_no_groups(desk: Desk) -> None:
    assert collect(desk, TODAY) == []


def test_dismiss_snooze_and_hide_for_the_day(desk: Desk, register, tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    store = Dismissals(path)
    groups = collect(desk, TODAY)
    agreements = next(g for g in groups if g.category == "agreements_expiring")
    first, second = agreements.items
    store.dismiss(first.key)
    store.snooze(second.key, TODAY)
    assert not any(g.category == "agreements_expiring" for g in store.visible(groups, TODAY))
    tomorrow = TODAY + timedelta(days=1)  # 1 March: the snoozed one is back, not the other
    again = Dismissals(path)  # and it was all written down
    back = {r.key for g in again.visible(collect(desk, tomorrow), tomorrow) for r in g.items}
    assert second.key in back and first.key not in back
    # the dismissed agreement is extended: a new end date is a new reminder
    version = desk.agreements.get(first.record_id)["version"]
    desk.agreements.update(first.record_id, {"berlaku_sampai": TODAY + timedelta(days=30)},
                           expected_version=version)
    renewed = {r.record_id for g in again.visible(collect(desk, TODAY), TODAY)
               for r in g.items}
    assert first.record_id in renewed
    again.hide_all_today(TODAY)
    assert Dismissals(path).panel_hidden(TODAY)
    assert not Dismissals(path).panel_hidden(tomorrow)


@pytest.mark.parametrize("content", ["{not json", '{"forever": 5, "until": []}', '[1, 2]'])
def test_a_damaged_dismissals_file_only_brings_reminders_back(tmp_path: Path,
                                                              content: str) -> None:
    path = tmp_path / "reminders.json"
    path.write_text(content, encoding="utf-8")
    store = Dismissals(path)
    assert not store.is_hidden("x", TODAY)
    store.dismiss("x")  # and it can be written again
    assert Dismissals(path).is_hidden("x", TODAY)
