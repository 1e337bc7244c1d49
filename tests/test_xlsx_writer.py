"""The streamed sheet writer (``core.xlsx_writer``): what goes in reads back, typed, from
openpyxl and from the importer's own reader; every part is well-formed XML; no text is
ever a formula; the header is bold, frozen, filtered and printed on every page."""

from __future__ import annotations

import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from desktop.core.importing import read_sheet
from desktop.core.xlsx_writer import SheetWriter, column_letter, sheet_title

TRICKY = [
    "plain", "a & b < c > d", "  leading and trailing  ", "line\nbreak", "bare\rCR",
    "=SUM(A1:A2)", "+62 812", "-minus", "@mention", "\ttab first", "#N/A", "bel\x07l",
    "kutip \"ganda\" dan 'tunggal'", "Émoji 🙂 dan aksara ꦗꦮ", "]]> <![CDATA[", "\x01",
]


def _write(path: Path, rows: list[list[object]], **options: object) -> Path:
    headers = ["Teks", "Angka", "Tanggal", "Waktu", "Ya/tidak", "Kosong lalu isi"]
    with SheetWriter(path, "Daftar: uji/coba", headers, **options) as sheet:  # type: ignore[arg-type]
        for row in rows:
            sheet.append(row)
    return path


def _expected_text(text: str) -> str | None:
    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32)
    if not cleaned:
        return None
    return "'" + cleaned if cleaned.startswith(("=", "+", "-", "@", "\t", "\r")) else cleaned


def test_values_read_back_typed_and_text_never_runs(tmp_path: Path) -> None:
    rows: list[list[object]] = [[text, None, None, None, None, None] for text in TRICKY]
    rows.append(["angka", 2024, date(2017, 4, 20), datetime(2024, 1, 2, 13, 30), True, None])
    rows.append(["pecahan", 1.25, date(1900, 3, 1),
                 datetime(2024, 6, 30, 23, 59, tzinfo=UTC), False, "ujung"])
    rows.append(["desimal", Decimal("12.50"), date(1900, 1, 15), datetime(1900, 2, 28, 6),
                 Decimal("NaN"), float("nan")])  # before Excel's 29 February 1900
    path = _write(tmp_path / "uji.xlsx", rows, widths=[30, 10, 12, 18, 9, 12],
                  autofilter=True)

    sheet = load_workbook(path).active
    got = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    # a bare CR is written as &#13;, so it comes back as CR, not as a parser's LF
    assert [row[0] for row in got[:len(TRICKY)]] == [_expected_text(t) for t in TRICKY]
    typed = got[len(TRICKY)]
    assert typed[1:5] == [2024, datetime(2017, 4, 20), datetime(2024, 1, 2, 13, 30), True]
    assert got[len(TRICKY) + 1][1:6] == [1.25, datetime(1900, 3, 1),
                                         datetime(2024, 6, 30, 23, 59), False, "ujung"]
    assert got[len(TRICKY) + 2][1:] == [12.5, datetime(1900, 1, 15), datetime(1900, 2, 28, 6),
                                        "NaN", "nan"]
    assert all(c.data_type == "s" for c in next(sheet.iter_cols(max_col=1, min_row=2))
               if c.value is not None)
    date_cell, time_cell = sheet.cell(len(TRICKY) + 2, 3), sheet.cell(len(TRICKY) + 2, 4)
    assert (date_cell.number_format, time_cell.number_format) == ("DD/MM/YYYY",
                                                                  "DD/MM/YYYY HH:MM")
    assert sheet.cell(1, 1).font.b and all(c.font.b for c in sheet[1])
    assert not sheet.cell(2, 1).font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:F{len(rows) + 1}"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.title == "Daftar  uji coba"
    assert [sheet.column_dimensions[c].width for c in "ABCDEF"] == [30, 10, 12, 18, 9, 12]

    with zipfile.ZipFile(path) as book:
        names = book.namelist()  # file(1) knows a workbook by its first and third entries
        assert names[0] == "[Content_Types].xml" and names[2].startswith("xl/")
        for name in book.namelist():
            ElementTree.fromstring(book.read(name))  # well-formed, or this raises
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_the_importer_reads_it_as_openpyxl_does(tmp_path: Path) -> None:
    rows: list[list[object]] = [[f"Baris {i}", i, date(2024, 1, 1 + i % 28), None, i % 2 == 0,
                                 None if i % 3 else "isi"] for i in range(1200)]
    path = _write(tmp_path / "besar.xlsx", rows)
    parsed = read_sheet(path)
    assert parsed.headers[:2] == ["Teks", "Angka"]
    assert parsed.count == 1200
    read = [cells for _, cells in parsed.numbered_rows()]
    assert read[0][:3] == ["Baris 0", 0, datetime(2024, 1, 1)]
    assert read[5][5] is None and read[6][5] == "isi"  # a gap keeps the columns in place
    assert read[-1][0] == "Baris 1199"


def test_a_failure_inside_leaves_a_closed_file_and_the_error(tmp_path: Path) -> None:
    path = tmp_path / "gagal.xlsx"
    with pytest.raises(RuntimeError, match="batal"), SheetWriter(path, "x", ["a"]) as sheet:
        sheet.append(["satu"])
        raise RuntimeError("batal")
    path.unlink()  # closed: removable on Windows too


def test_column_letters_and_sheet_titles() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52, 702, 703)] == [
        "A", "Z", "AA", "AZ", "ZZ", "AAA"]
    assert sheet_title("'Kerja Sama'") == "Kerja Sama"
    assert sheet_title("a" * 40) == "a" * 31
    assert sheet_title("[]") == "  "
    assert sheet_title("") == "Data"
