"""A spreadsheet as a header and rows, whatever it came as (XLSX or CSV).

Offices' registers often start with a title row merged across the columns, or a blank
row, before the real header: the header is the first row with at least two filled
cells among the first ten.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t

HEADER_SEARCH_ROWS = 10
IMPORTABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[Any]]
    numbers: list[int]  # the row number the user sees in the spreadsheet, per row
    header_row: int  # 1-based row number of the header in the file
    name: str = ""
    skipped_rows: list[int] = field(default_factory=list)  # blank rows, 1-based


def read_sheet(path: str | Path) -> Sheet:
    """Read the first worksheet of an XLSX file or a CSV file (comma, semicolon or tab)."""
    target = Path(path)
    if not target.is_file():
        raise DeskError(t("Berkas tidak ditemukan: {path}", path=target))
    suffix = target.suffix.lower()
    if suffix not in IMPORTABLE_SUFFIXES:
        raise DeskError(t("Jenis berkas tidak didukung: {name}. Gunakan XLSX atau CSV.",
                          name=target.name))
    raw = _read_xlsx(target) if suffix in (".xlsx", ".xlsm") else _read_csv(target)
    return _with_header(raw, target.name)


def _read_xlsx(path: Path) -> list[list[Any]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise DeskError(t("Berkas {name} bukan lembar kerja XLSX yang dapat dibaca.",
                          name=path.name)) from exc
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _read_csv(path: Path) -> list[list[Any]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly anything
        raise DeskError(t("Berkas {name} tidak dapat dibaca sebagai teks.", name=path.name))
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def _filled(row: list[Any]) -> int:
    return sum(1 for cell in row if cell is not None and str(cell).strip() != "")


def _with_header(raw: list[list[Any]], name: str) -> Sheet:
    header_index = next((i for i, row in enumerate(raw[:HEADER_SEARCH_ROWS])
                         if _filled(row) >= 2), None)
    if header_index is None:
        raise DeskError(t("Tidak ditemukan baris judul kolom di {name}: baris judul harus "
                          "memuat paling sedikit dua kolom.", name=name))
    header_cells = raw[header_index]
    width = max(i + 1 for i, c in enumerate(header_cells) if c is not None and str(c).strip())
    headers = [str(c).strip() if c is not None else "" for c in header_cells[:width]]
    rows: list[list[Any]] = []
    numbers: list[int] = []
    skipped: list[int] = []
    for offset, row in enumerate(raw[header_index + 1:], start=header_index + 2):
        cells = (list(row) + [None] * width)[:width]
        if _filled(cells) == 0:
            skipped.append(offset)
            continue
        rows.append(cells)
        numbers.append(offset)
    return Sheet(headers=headers, rows=rows, numbers=numbers, header_row=header_index + 1,
                 name=name, skipped_rows=skipped)
