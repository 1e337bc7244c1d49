"""The demo data set: realistic, complete, loaded only into an empty database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import dated_demo_desk

from desktop.core.demo import load_demo
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.services import ListQuery

TODAY = date(2026, 11, 28)


@pytest.fixture(params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    """What ``load_demo`` made of an empty database dated TODAY (loaded once per session,
    copied for each test; ``test_counts_match_the_summary`` loads it itself)."""
    yield from dated_demo_desk(request, tmp_path, TODAY)


def test_counts_match_the_summary(desk: Desk) -> None:
    summary = load_demo(desk, today=TODAY)
    assert (summary.opd, summary.apps, summary.datasets, summary.visits,
            summary.deployments) == (25, 40, 120, 20, 30)
    assert summary.agreements >= 5
    for kind, expected in (("opd", summary.opd), ("apps", summary.apps),
                           ("datasets", summary.datasets), ("visits", summary.visits),
                           ("agreements", summary.agreements),
                           ("deployments", summary.deployments)):
        assert desk.service(kind).count() == expected, kind


def test_the_karanganyar_visit_led_to_a_kb_and_a_pks(demo: Desk) -> None:
    ids = demo.visits.ids(ListQuery(filters={"tanggal_mulai": "2017-04-20"}))
    assert len(ids) == 1
    visit = demo.visits.get(ids[0])
    assert visit["region_kode"] == "33.13"
    assert visit["arah"] == "masuk"
    assert len(visit["peserta"]) == 9 == visit["jumlah_peserta"]
    assert visit["peserta"][0]["jabatan"].startswith("Sekretaris")
    assert "Lounge Pelayanan Publik" in visit["lokasi"]
    agreements = [demo.agreements.get(i) for i in visit["kerjasama_ids"]]
    by_kind = {a["jenis"]: a for a in agreements}
    assert set(by_kind) == {"kb", "pks"}
    assert by_kind["pks"]["induk_id"] == by_kind["kb"]["id"]
    assert [p["region_kode"] for p in by_kind["kb"]["pihak"]] == ["35.10", "33.13"]
    assert all(p["surat_kuasa_nomor"] for p in by_kind["pks"]["pihak"])
    assert len(by_kind["pks"]["lampiran"]) >= 4
    assert any(a["butir"] for p in by_kind["kb"]["pasal"] for a in p["ayat"])


def test_demo_covers_the_states_the_dashboard_needs(demo: Desk) -> None:
    assert demo.datasets.count(ListQuery(filters={"terlambat": 1})) > 0
    assert demo.datasets.count(ListQuery(filters={"sifat_data": "dikecualikan"})) == 2
    statuses = {r["status"] for r in demo.apps.list().rows}
    assert statuses == {"operasional", "pengembangan", "uji_coba", "perencanaan",
                        "dihentikan"}
    assert demo.visits.count(ListQuery(filters={"arah": "keluar"})) > 0
    office = demo.office.get()
    assert office is not None and office["region_kode"] == "35.10"


def test_loading_twice_is_refused_and_adds_nothing(demo: Desk) -> None:
    before = {k: demo.service(k).count() for k in ("opd", "apps", "datasets", "visits")}
    with pytest.raises(DeskError, match="sudah berisi data"):
        load_demo(demo, today=TODAY)
    assert {k: demo.service(k).count() for k in before} == before


def test_search_finds_karanganyar_in_visit_and_both_agreements(demo: Desk) -> None:
    kinds = sorted(h.kind for h in demo.search("karanganyar"))
    assert kinds == ["agreements", "agreements", "visits"]


def test_the_demo_records_come_from_its_data_files(demo: Desk) -> None:
    """The register, visits and agreements are resources/demo/*.json (shipped in the wheel
    as desktop/resources/demo): what the database holds is what those files say."""
    from desktop.core.demo import demo_data
    from desktop.core.resources import resource_path

    for name in ("register", "visits", "agreements"):
        assert resource_path("demo", f"{name}.json").is_file(), name
    register = demo_data("register")
    assert sorted(r["kode"] for r in demo.opd.list().rows) == sorted(
        o["kode"] for o in register["opd"])
    assert {r["nama"] for r in demo.apps.list().rows} == {a["nama"] for a in register["apps"]}
    visits = demo_data("visits")
    first = visits["karanganyar"]
    assert first["tanggal_mulai"] == date(2017, 4, 20)  # ISO strings come back as dates
    assert demo.visits.count() == 1 + len(visits["visits"]) + len(visits["recent_visits"])
    agreements = demo_data("agreements")
    titles = {r["judul"] for r in demo.agreements.list().rows}
    assert titles == {agreements["kb"]["judul"], agreements["pks"]["judul"]} | {
        p["judul"] for p in agreements["partners"]}
