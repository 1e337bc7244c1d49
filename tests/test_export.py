"""Lists out as XLSX, CSV and a printed PDF report, on SQLite and PostgreSQL.

Read back with openpyxl, csv and pypdf: what the file holds must be the list as the
window shows it (filter, search and sort), typed where a spreadsheet needs types, and
never a formula, whatever a record's text starts with.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest import dated_demo_desk
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import update

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.export import (
    describe_query,
    write_csv,
    write_xlsx,
    xlsx_value,
)
from desktop.core.formatting import display
from desktop.core.i18n import set_language
from desktop.core.models import Aplikasi
from desktop.core.services import ListQuery
from desktop.documents.list_export import write_list
from desktop.documents.list_report import render_list_report

TODAY = date(2026, 11, 28)
INJECTIONS = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(1)", "\tTab", "\rCR"]


@pytest.fixture(params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    """The demo register dated TODAY (loaded once per session, copied for each test)."""
    yield from dated_demo_desk(request, tmp_path, TODAY)


@pytest.fixture
def english() -> Any:
    set_language("en")
    yield
    set_language("id")


def sheet_rows(path: Path) -> list[list[Any]]:
    sheet = load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def expected_cell(value: Any, choices: Any) -> Any:
    """What a cell should hold for a list value: typed dates and numbers, else the text."""
    if value is None:
        return None
    if choices is None and isinstance(value, date):
        return datetime(value.year, value.month, value.day)  # openpyxl reads dates back so
    if choices is None and isinstance(value, int) and not isinstance(value, bool):
        return value
    return display(value, choices)


def pdf_pages(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(BytesIO(data)).pages]


def poison_app_names(desk: Desk, names: list[str]) -> list[str]:
    """Store the names as they might arrive by sync or an old import (past validation)."""
    ids = desk.apps.ids(ListQuery(sort=["nama"]))[: len(names)]
    with desk.db.session() as s:
        for record_id, name in zip(ids, names, strict=True):
            s.execute(update(Aplikasi).where(Aplikasi.id == record_id).values(nama=name))
    return ids


# ------------------------------------------------------------------ XLSX
def test_xlsx_is_the_list_as_shown(demo: Desk, tmp_path: Path) -> None:
    query = ListQuery(filters={"sifat_data": "terbuka"}, sort=["-terakhir_diperbarui", "judul"])
    path = tmp_path / "dataset.xlsx"
    assert write_xlsx(demo.datasets, query, path) == demo.datasets.count(query)
    rows = sheet_rows(path)
    kind = demo.datasets.kind
    assert rows[0] == [str(c.label) for c in kind.columns]
    shown = demo.datasets.list(query).rows
    assert len(rows) - 1 == len(shown) > 50
    assert rows[1:] == [[expected_cell(r[c.key], c.choices) for c in kind.columns]
                        for r in shown]
    assert not (tmp_path / "dataset.xlsx.part").exists()


def test_xlsx_search_filter_and_choice_labels(demo: Desk, tmp_path: Path) -> None:
    query = ListQuery(text="kesehatan", filters={"status": "operasional"}, sort=["-tahun"])
    path = tmp_path / "apps.xlsx"
    count = write_xlsx(demo.apps, query, path)
    rows = sheet_rows(path)
    assert count == len(rows) - 1 == len(demo.apps.ids(query)) > 0
    status = rows[0].index("Status")
    assert {r[status] for r in rows[1:]} == {"Operasional"}
    years = [r[rows[0].index("Tahun")] for r in rows[1:] if r[rows[0].index("Tahun")]]
    assert years == sorted(years, reverse=True)


def test_xlsx_dates_are_date_cells_and_the_header_is_usable(demo: Desk, tmp_path: Path) -> None:
    path = tmp_path / "kunjungan.xlsx"
    write_xlsx(demo.visits, ListQuery(), path)
    sheet = load_workbook(path).active
    date_cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert date_cells and all(c.is_date and c.number_format == "DD/MM/YYYY"
                              for c in date_cells)
    assert isinstance(date_cells[0].value, datetime)
    count = sheet.cell(2, [c.value for c in sheet[1]].index("Peserta") + 1)
    assert count.data_type == "n"
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{sheet.max_row}"
    assert all(8 <= sheet.column_dimensions[col].width <= 60 for col in "ABCDEF")


def test_xlsx_booleans_and_lists_as_text() -> None:
    assert xlsx_value(True) == "Ya"
    assert xlsx_value(False) == "Tidak"
    assert xlsx_value(2024) == 2024
    assert xlsx_value(date(2017, 4, 20)) == date(2017, 4, 20)
    assert xlsx_value(["a", "b"]) == "a, b"
    assert xlsx_value("bel\x07l") == "bell"  # a control character XML cannot hold


def test_headers_follow_the_language(demo: Desk, tmp_path: Path, english: None) -> None:
    write_xlsx(demo.apps, ListQuery(filters={"status": "operasional"}), tmp_path / "a.xlsx")
    write_csv(demo.apps, ListQuery(filters={"status": "operasional"}), tmp_path / "a.csv")
    rows = sheet_rows(tmp_path / "a.xlsx")
    assert rows[0] == ["Name", "Short name", "Owning OPD", "Type", "Status", "Year"]
    assert {r[4] for r in rows[1:]} == {"In operation"}  # choice labels follow too
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[0] == "Name"


# ------------------------------------------------------------------ formula injection
@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_start_is_neutralised_as_a_value(text: str) -> None:
    assert xlsx_value(text) == "'" + text


def test_formula_injection_neutralised_in_xlsx_and_csv(demo: Desk, tmp_path: Path) -> None:
    ids = poison_app_names(demo, INJECTIONS)
    query = ListQuery(filters={"id__in": ids}, sort=["nama"])
    write_xlsx(demo.apps, query, tmp_path / "x.xlsx")
    write_csv(demo.apps, query, tmp_path / "x.csv")

    with zipfile.ZipFile(tmp_path / "x.xlsx") as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml  # not a single formula in the sheet
    sheet = load_workbook(tmp_path / "x.xlsx").active
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in names)
    # A bare CR reads back as LF unless the writer escaped it (lxml's writes &#13;); the
    # point is the apostrophe in front of either
    assert sorted(c.value.replace("\r", "\n") for c in names) == sorted(
        "'" + x.replace("\r", "\n") for x in INJECTIONS)

    with (tmp_path / "x.csv").open(encoding="utf-8-sig", newline="") as fh:
        csv_names = [row[0] for row in list(csv.reader(fh))[1:]]
    assert sorted(csv_names) == sorted("'" + x for x in INJECTIONS)


def test_error_code_text_stays_text(demo: Desk, tmp_path: Path) -> None:
    ids = poison_app_names(demo, ["#N/A"])
    write_xlsx(demo.apps, ListQuery(filters={"id__in": ids}), tmp_path / "e.xlsx")
    cell = load_workbook(tmp_path / "e.xlsx").active["A2"]
    assert (cell.value, cell.data_type) == ("#N/A", "s")


# ------------------------------------------------------------------ cancel, dispatch
class Cancelled(Exception):
    pass


@pytest.mark.parametrize("suffix", [".xlsx", ".csv", ".pdf"])
def test_cancel_leaves_no_file(desk: Desk, tmp_path: Path, suffix: str) -> None:
    from desktop.core.seedbench import seed_bench

    seed_bench(desk.db, 2500)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int, _message: str) -> None:
        calls.append((done, total))
        if len(calls) == 2:
            raise Cancelled

    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(Cancelled):
        write_list(desk.datasets, ListQuery(), folder / f"out{suffix}", progress)
    assert calls == [(1000, 2500), (2000, 2500)]
    assert list(folder.iterdir()) == []  # neither the file nor its .part


def test_progress_reaches_the_total(demo: Desk, tmp_path: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    write_list(demo.datasets, ListQuery(), tmp_path / "d.xlsx",
               lambda *a: calls.append(a))
    assert calls[-1][:2] == (120, 120)


def test_write_list_dispatches_on_the_suffix(demo: Desk, tmp_path: Path) -> None:
    query = ListQuery(filters={"jenis": "dinas"})
    expected = demo.opd.count(query)
    for name in ("o.CSV", "o.xlsx", "o.pdf"):
        assert write_list(demo.opd, query, tmp_path / name) == expected
    assert (tmp_path / "o.pdf").read_bytes().startswith(b"%PDF")
    assert load_workbook(tmp_path / "o.xlsx").active.max_row == expected + 1
    with pytest.raises(DeskError, match=r"\.ods"):
        write_list(demo.opd, query, tmp_path / "o.ods")
    assert not (tmp_path / "o.ods").exists()


# ------------------------------------------------------------------ filter description
def test_describe_query_in_both_languages(demo: Desk) -> None:
    kind = demo.apps.kind
    query = ListQuery(text=" data ", filters={"status": "operasional"}, sort=["-tahun"])
    assert describe_query(kind, query) == ("Status: Operasional; pencarian: “data”; "
                                           "urut: Tahun (menurun)")
    assert describe_query(kind, ListQuery()) == "Semua data"
    set_language("en")
    try:
        assert describe_query(kind, query) == ("Status: In operation; search: “data”; "
                                               "sorted by: Year (descending)")
        assert describe_query(kind, ListQuery()) == "All records"
    finally:
        set_language("id")


def test_describe_query_names_references_and_special_filters(demo: Desk) -> None:
    opd = demo.opd.list(ListQuery(filters={"singkatan": "Dinkes"})).rows[0]
    text = describe_query(demo.datasets.kind,
                          ListQuery(filters={"opd_id": opd["id"], "terlambat": 1,
                                             "tahun__gte": "2023"}), demo.db)
    assert text == (f"Produsen data (OPD): {opd['nama']}; Terlambat diperbarui; "
                    "Tahun data ≥ 2023")
    visits = describe_query(demo.visits.kind,
                            ListQuery(filters={"provinsi": "33", "tahun": 2017}), demo.db)
    assert visits == "Provinsi mitra: Jawa Tengah; Tahun: 2017"


# ------------------------------------------------------------------ PDF report
def test_report_has_header_title_filter_and_page_numbers(demo: Desk) -> None:
    office = demo.office.get()
    assert office is not None
    query = ListQuery(filters={"status": "operasional"})
    data = render_list_report(demo.apps, query, office)
    pages = pdf_pages(data)
    first = pages[0]
    assert office["nama"] in first
    assert "Aplikasi" in first
    assert "Filter: Status: Operasional" in first
    assert "Dicetak " in first and re.search(r"\d{1,2} [A-Z][a-z]+ \d{4}", first)
    assert f"Halaman 1 dari {len(pages)}" in first
    assert "Nama" in first and "OPD pemilik" in first


def test_three_hundred_rows_all_printed_with_header_on_every_page(desk: Desk) -> None:
    with desk.db.session() as s:
        for i in range(300):
            desk.opd.create({"kode": f"9.{i:03d}", "nama": f"Unit Uji {i:03d}",
                             "jenis": "lainnya"}, session=s)
    data = render_list_report(desk.opd, ListQuery(sort=["kode"]), None, title="Daftar OPD")
    pages = pdf_pages(data)
    assert len(pages) >= 5
    text = " ".join(pages)
    assert all(f"Unit Uji {i:03d}" in text for i in range(300))
    for number, page in enumerate(pages, 1):
        assert f"Halaman {number} dari {len(pages)}" in page
        assert "Kode" in page and "Singkatan" in page  # the repeated header row
    assert pages[0].index("Unit Uji 000") < pages[0].index("Unit Uji 001")
    assert "Daftar OPD" in pages[0] and "Filter: urut: Kode" in pages[0]


def test_user_markup_prints_literally(demo: Desk) -> None:
    names = ["<b>Sistem & Data</b>",
             "<i>Aplikasi</i> dengan nama yang sangat panjang & berisi <font>markup</font> "
             "yang harus dibungkus ke beberapa baris di dalam selnya"]
    ids = poison_app_names(demo, names)
    data = render_list_report(demo.apps, ListQuery(filters={"id__in": ids}),
                              {"nama": "Kantor <Uji> & Co", "alamat": "Jl. A & B"})
    text = pdf_pages(data)[0]
    assert "<b>Sistem & Data</b>" in text
    assert "<font>markup</font>" in text
    assert "Kantor <Uji> & Co" in text and "Jl. A & B" in text


def test_report_in_english(demo: Desk, english: None) -> None:
    data = render_list_report(demo.datasets, ListQuery(text="penduduk"), demo.office.get())
    pages = pdf_pages(data)
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "Datasets" in pages[0] and "Filter: search: “penduduk”" in pages[0]
    assert "Printed " in pages[0] and "Producer" in pages[0]
