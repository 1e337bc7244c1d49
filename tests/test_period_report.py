"""The "Laporan Kegiatan": periods, the data gathered on a crafted register around the
period's edges, and the PDF read back (tables via pdfplumber) against that data."""

from __future__ import annotations

import re
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

import pdfplumber
import pytest

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.period import (
    gather,
    month_period,
    parse_period,
    quarter_period,
    range_period,
    year_period,
)
from desktop.documents.period_report import render_period_report

LEAP = month_period(2024, 2)  # 1 to 29 February 2024


@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "Tahun 2026"),
    ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "Triwulan I 2026"),
    ("2026-t4", date(2026, 10, 1), date(2026, 12, 31), "Triwulan IV 2026"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "Februari 2024"),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28), "Februari 2023"),
])
def test_periods_by_name(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-13", "tahun lalu", "", "2026-00"])
def test_an_unknown_period_is_a_clear_error(text: str) -> None:
    with pytest.raises(DeskError, match="Periode tidak dikenal"):
        parse_period(text)


def test_a_range_gets_the_name_of_the_period_it_is() -> None:
    assert range_period(date(2026, 4, 1), date(2026, 6, 30)) == quarter_period(2026, 2)
    assert range_period(date(2026, 1, 1), date(2026, 12, 31)) == year_period(2026)
    assert range_period(date(2026, 5, 3), date(2026, 6, 1)).label == \
        "3 Mei 2026 – 1 Juni 2026"
    with pytest.raises(DeskError, match="sebelum awalnya"):
        range_period(date(2026, 5, 3), date(2026, 5, 2))


@pytest.fixture
def crafted(desk: Desk) -> Desk:
    """Records on, just inside and just outside the edges of February 2024."""
    desk.office.save({"region_kode": "35.10", "nama": "Diskominfo <Banyuwangi> & Co",
                      "alamat": "Jl. A. Yani 78"})
    opd = desk.opd.create({"kode": "1", "nama": "Dinas <b>Kesehatan</b>", "jenis": "dinas"})
    for day, arah, instansi in [
        (date(2024, 1, 31), "masuk", "Terlalu awal"),
        (date(2024, 2, 1), "masuk", "Kota <i>Awal</i> & Co"),
        (date(2024, 2, 29), "masuk", "Kota Kabisat"),
        (date(2024, 2, 15), "keluar", "Kota Tujuan"),
        (date(2024, 3, 1), "keluar", "Terlambat"),
    ]:
        desk.visits.create({"arah": arah, "tanggal_mulai": day, "instansi": instansi,
                            "region_kode": "35.78", "topik": f"Topik {instansi}",
                            "jumlah_peserta": 7})
    desk.agreements.create({
        "jenis": "kb", "judul": "KB Kabisat", "status": "pelaksanaan",
        "tanggal_ttd": date(2024, 2, 29), "berlaku_mulai": date(2024, 2, 29),
        "berlaku_sampai": date(2029, 2, 28),
        "pihak": [{"nama_instansi": "Diskominfo <Banyuwangi> & Co"},
                  {"nama_instansi": "Pemerintah Kota Surabaya"}]})
    desk.agreements.create({"jenis": "kb", "judul": "KB Maret", "status": "persiapan",
                            "tanggal_ttd": date(2024, 3, 1)})
    app = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": opd["id"], "jenis": "khusus",
                            "status": "operasional",
                            "rekomendasi_tanggal": date(2024, 2, 10)})["id"]
    desk.apps.create({"nama": "Lama", "opd_pemilik_id": opd["id"], "jenis": "khusus",
                      "status": "operasional", "rekomendasi_tanggal": date(2023, 2, 10)})
    for day, status in [(date(2024, 2, 1), "berhasil"), (date(2024, 2, 29), "gagal"),
                        (date(2024, 3, 1), "berhasil")]:
        desk.deployments.create({"aplikasi_id": app, "lingkungan": "produksi",
                                 "status": status, "tanggal": day, "versi": "1.0"})
    for title, released, frek, last in [
        ("Data Februari", date(2024, 2, 29), "tahunan", date(2024, 2, 29)),
        ("Data Januari", date(2024, 1, 20), "bulanan", date(2024, 1, 27)),  # late by 29 Feb
    ]:
        desk.datasets.create({"judul": title, "opd_id": opd["id"], "frekuensi": frek,
                              "sifat_data": "terbuka", "tanggal_rilis": released,
                              "terakhir_diperbarui": last})
    return desk


def test_gather_takes_exactly_the_period(crafted: Desk) -> None:
    report = gather(crafted, LEAP)
    assert [v["instansi"] for v in report.visits_in] == ["Kota <i>Awal</i> & Co",
                                                          "Kota Kabisat"]
    assert [v["instansi"] for v in report.visits_out] == ["Kota Tujuan"]
    assert [(a["judul"], a["mitra"]) for a in report.agreements_signed] == [
        ("KB Kabisat", "Pemerintah Kota Surabaya")]  # the partners, not the office itself
    assert report.agreements_by_status == {"Pelaksanaan": 1, "Persiapan": 1}
    assert [a["nama"] for a in report.apps_registered] == ["SIMPUS"]
    assert [(d["tanggal"], d["status"]) for d in report.deployments] == [
        (date(2024, 2, 1), "Berhasil"), (date(2024, 2, 29), "Gagal")]
    assert [d["judul"] for d in report.datasets_released] == ["Data Februari"]
    assert report.overdue_by_opd == [("Dinas <b>Kesehatan</b>", 1, 2)]
    assert report.visits_per_month == [("Feb", 2, 1)]


def _tables(pdf: bytes) -> tuple[list[list[list[str]]], list[str]]:
    """Every ruled table (rows of whitespace-normalised cells) and every page's text."""
    tables, texts = [], []
    with pdfplumber.open(BytesIO(pdf)) as doc:
        for page in doc.pages:
            texts.append(page.extract_text() or "")
            for table in page.extract_tables():
                tables.append([[" ".join((c or "").split()) for c in row] for row in table])
    return tables, texts


def _table_with(tables: list[list[list[str]]], *headers: str) -> list[list[str]]:
    """The rows (without header) of the table whose header row starts with ``headers``.
    Tables split across pages repeat their header: the parts are joined again."""
    rows: list[list[str]] = []
    for table in tables:
        if table and table[0][1:1 + len(headers)] == list(headers):
            rows += table[1:]
    return rows


def test_the_pdf_tables_read_back_as_the_data(crafted: Desk) -> None:
    report = gather(crafted, LEAP)
    pdf = render_period_report(report, office=crafted.office.get())
    tables, texts = _tables(pdf)
    summary = _table_with(tables, "Uraian", "Jumlah")
    assert summary[0][1:] == ["Kunjungan diterima", "2"]
    assert summary[4][1:] == ["Deployment (berhasil / gagal)", "2 (1 / 1)"]
    assert summary[6][1:] == ["Dataset terlambat diperbarui pada akhir periode", "1"]
    visits = _table_with(tables, "Tanggal", "Instansi", "Daerah", "Topik", "Peserta")
    expected = [[str(i), v["tanggal"].strftime("%d/%m/%Y"), v["instansi"], v["daerah"],
                 v["topik"], "7"]
                for rows in (report.visits_in, report.visits_out)
                for i, v in enumerate(rows, 1)]
    assert visits == expected  # markup typed in a name prints as typed
    agreements = _table_with(tables, "Tanggal", "Jenis", "Judul")
    assert [row[3:5] for row in agreements] == [["KB Kabisat", "Pemerintah Kota Surabaya"]]
    deployments = _table_with(tables, "Tanggal", "Aplikasi", "Versi")
    assert [row[1] + " " + row[5] for row in deployments] == ["01/02/2024 Berhasil",
                                                              "29/02/2024 Gagal"]
    overdue = _table_with(tables, "OPD", "Terlambat", "Dataset terjadwal")
    assert overdue == [["1", "Dinas <b>Kesehatan</b>", "1", "2"]]
    assert "Februari 2024" in texts[0] and "Diskominfo <Banyuwangi> & Co" in texts[0]
    assert all(f"Halaman {n} dari {len(texts)}" in text for n, text in enumerate(texts, 1))


def test_long_lists_continue_on_the_next_page_with_their_header(desk: Desk) -> None:
    for n in range(70):
        desk.visits.create({"arah": "masuk", "tanggal_mulai": date(2025, 1, 1)
                            + timedelta(days=n), "instansi": f"Kabupaten Nomor {n:02d}",
                            "topik": "Satu Data " * 8})
    report = gather(desk, quarter_period(2025, 1))
    tables, texts = _tables(render_period_report(report))
    visits = _table_with(tables, "Tanggal", "Instansi", "Daerah", "Topik", "Peserta")
    assert [row[2] for row in visits] == [f"Kabupaten Nomor {n:02d}" for n in range(70)]
    assert len(texts) >= 3
    assert all(f"dari {len(texts)}" in text for text in texts)


def test_an_empty_period_still_makes_a_report(desk: Desk) -> None:
    tables, texts = _tables(render_period_report(gather(desk, year_period(1999))))
    summary = _table_with(tables, "Uraian", "Jumlah")
    assert {row[2] for row in summary} == {"0", "0 (0 / 0)"}
    assert texts[0].count("Tidak ada.") >= 2


def test_cli_report_writes_the_demo_year(demo_desk: Desk, demo_url: str, tmp_path: Path,
                                        capsys) -> None:
    from desktop.cli import main

    desk, database_url = demo_desk, demo_url  # the demo, loaded once per session
    target = tmp_path / "laporan"
    assert main(["--database", database_url, "report", "--period", str(date.today().year),
                 "-o", str(target)]) == 0
    out = capsys.readouterr().out
    pdf = (tmp_path / "laporan.pdf").read_bytes()  # the suffix is added
    report = gather(desk, year_period(date.today().year))
    visits = len(report.visits_in) + len(report.visits_out)
    assert re.search(rf"\b{visits} kunjungan\b", out) and visits > 0
    tables, _texts = _tables(pdf)
    assert len(_table_with(tables, "Tanggal", "Aplikasi", "Versi")) == len(report.deployments)
    assert not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize(("args", "message"), [
    (["--from", "2026-01-01"], "Sebutkan periodenya"),
    (["--period", "2026", "--from", "2026-01-01"], "tidak keduanya"),
    (["--from", "2026-02-01", "--to", "2026-01-01"], "sebelum awalnya"),
    (["--period", "kemarin"], "Periode tidak dikenal"),
])
def test_cli_report_refuses_bad_periods_clearly(desk: Desk, database_url: str,
                                                tmp_path: Path, capsys, args: list[str],
                                                message: str) -> None:
    from desktop.cli import main

    code = main(["--database", database_url, "report", *args, "-o",
                 str(tmp_path / "x.pdf")])
    assert code != 0
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_period_not_yet_over_judges_freshness_today(desk: Desk) -> None:
    opd = desk.opd.create({"kode": "1", "nama": "Dinas A", "jenis": "dinas"})["id"]
    today = date.today()
    # monthly, updated 20 days ago: fresh today, but late by the end of next year
    desk.datasets.create({"judul": "Bulanan", "opd_id": opd, "frekuensi": "bulanan",
                          "sifat_data": "terbuka",
                          "terakhir_diperbarui": today - timedelta(days=20)})
    report = gather(desk, year_period(today.year + 1))
    assert report.overdue_as_of == today
    assert report.overdue_by_opd == []
    past = gather(desk, month_period(today.year + 1, 12))
    assert past.overdue_by_opd == []  # still judged today, not on 31 December
