"""A spreadsheet as a header and a stream of rows, whatever it came as (XLSX or CSV).

Offices' registers often start with a title row merged across the columns, or a blank
row, before the real header: the header is the first row with at least two filled
cells among the first ten.

Nothing here holds the whole sheet: ``read_sheet`` makes one streaming pass (header,
row count against the limit, a few sample rows) and ``Sheet.numbered_rows`` streams the
rows again for the check and the import. A sheet's declared dimension
(``<dimension ref="A1:XFD1048576"/>``) is ignored: rows are cut to the header's width
and only the rows present in the file are read. See ``limits`` for what a file may cost
and ``text`` for how a CSV's encoding is found.
"""

from __future__ import annotations

import warnings
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.importing.limits import (
    ImportLimits,
    check_file_size,
    check_xlsx,
    too_many_rows,
    unreadable_xlsx,
)
from desktop.core.importing.mapping import normalise
from desktop.core.importing.text import TextEncoding, csv_rows, detect_encoding

# openpyxl's notes on unsupported extensions and out-of-range date serials go to stderr
# (the CLI's promise is one line): the cell's value or the row's message says enough
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")

HEADER_SEARCH_ROWS = 10
MAX_COLUMNS = 1024  # a register has a few dozen; wider rows are cut when searching the header
SAMPLE_ROWS = 3
IMPORTABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")


@dataclass
class Sheet:
    """The header of a sheet and how to stream its rows; never the rows themselves."""

    headers: list[str]
    header_row: int  # 1-based row number of the header in the file
    name: str = ""
    path: Path | None = None
    count: int = 0  # data rows (blank rows not counted)
    sample: list[list[Any]] = field(default_factory=list)  # the first data rows
    encoding: TextEncoding | None = None  # CSV only
    limits: ImportLimits = field(default_factory=ImportLimits)

    def numbered_rows(self) -> Iterator[tuple[int, list[Any]]]:
        """(row number as the user sees it, cells cut or padded to the header) per data row.

        The file is checked again first: it may have been replaced since it was read.
        """
        assert self.path is not None
        try:
            check_file_size(self.path, self.limits)
            if self.encoding is None:
                check_xlsx(self.path, self.limits)
            width = len(self.headers)
            for number, row in _raw_rows(self.path, self.encoding, self.header_row + 1,
                                         width):
                cells = _fit(row, width)
                if _filled(cells):
                    yield number, cells
        except OSError as exc:
            raise unreadable_file(self.path, exc) from exc


def read_sheet(path: str | Path, limits: ImportLimits | None = None) -> Sheet:
    """The first worksheet of an XLSX file or a CSV file (comma, semicolon or tab).

    Every problem with the file itself (size, encoding, damaged XML, too many rows,
    repeated header) is a ``DeskError`` with a message for the user, raised before any
    row is checked or imported.
    """
    limits = limits or ImportLimits.from_settings()
    target = Path(path)
    if not target.is_file():
        raise DeskError(t("Berkas tidak ditemukan: {path}", path=target))
    suffix = target.suffix.lower()
    if suffix not in IMPORTABLE_SUFFIXES:
        raise DeskError(t("Jenis berkas tidak didukung: {name}. Gunakan XLSX atau CSV.",
                          name=target.name))
    try:
        return _read(target, suffix, limits)
    except OSError as exc:  # unreadable (permissions), removed meanwhile, a disk error
        raise unreadable_file(target, exc) from exc


def unreadable_file(path: Path, exc: OSError) -> DeskError:
    return DeskError(t("Berkas {name} tidak dapat dibaca: {reason}", name=path.name,
                       reason=exc.strerror or exc.__class__.__name__))


def _read(target: Path, suffix: str, limits: ImportLimits) -> Sheet:
    check_file_size(target, limits)
    encoding = None
    if suffix in (".xlsx", ".xlsm"):
        check_xlsx(target, limits)
    else:
        encoding = detect_encoding(target)
    header_row, headers = _header(target, encoding)
    sheet = Sheet(headers=headers, header_row=header_row, name=target.name, path=target,
                  encoding=encoding, limits=limits)
    width = len(headers)
    for _number, row in _raw_rows(target, encoding, header_row + 1, width):
        cells = _fit(row, width)
        if not _filled(cells):
            continue
        sheet.count += 1
        if sheet.count > limits.max_rows:
            raise too_many_rows(target.name, limits)
        if len(sheet.sample) < SAMPLE_ROWS:
            sheet.sample.append(cells)
    return sheet


def _header(path: Path, encoding: TextEncoding | None) -> tuple[int, list[str]]:
    first = [(n, _fit(r, min(len(r), MAX_COLUMNS)))
             for n, r in _raw_rows(path, encoding, 1, MAX_COLUMNS, last=HEADER_SEARCH_ROWS)]
    found = next(((n, r) for n, r in first if _filled(r) >= 2), None)
    if found is None:
        raise DeskError(t("Tidak ditemukan baris judul kolom di {name}: baris judul harus "
                          "memuat paling sedikit dua kolom.", name=path.name))
    number, cells = found
    width = max(i + 1 for i, c in enumerate(cells) if _text(c))
    headers = [_text(c) for c in cells[:width]]
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = normalise(header)
        if not key:
            continue
        if key in seen:
            raise DeskError(t("Judul kolom “{header}” ada dua kali (kolom {first} dan "
                              "{second}) di {name}: kolom kedua akan terabaikan. Ganti nama "
                              "atau hapus salah satunya.", header=header,
                              first=_column(seen[key]), second=_column(index),
                              name=path.name))
        seen[key] = index
    return number, headers


def _raw_rows(path: Path, encoding: TextEncoding | None, first: int, width: int,
              last: int | None = None) -> Iterator[tuple[int, list[Any]]]:
    """(row number, cells) from row ``first`` on, at most ``width`` cells each."""
    if encoding is None:
        yield from _xlsx_rows(path, first, width, last)
        return
    for number, row in enumerate(csv_rows(path, encoding), start=1):
        if last is not None and number > last:
            return
        if number >= first:
            yield number, row[:width]


class SharedStrings:
    """A workbook's shared-string table as one UTF-8 buffer and the end of each text.

    openpyxl only ever indexes it (``table[int(value)]``); a text is decoded when a cell
    uses it. Half the memory of a list of strings, and no million small objects.
    """

    def __init__(self) -> None:
        self._blob = bytearray()
        self._ends = array("Q")

    def append(self, text: str) -> None:
        self._blob += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._blob))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self._ends):
            raise IndexError(index)  # a cell naming a text the table does not have
        start = self._ends[index - 1] if index else 0
        return self._blob[start:self._ends[index]].decode("utf-8", "surrogatepass")


def _load_workbook(path: Path) -> Any:
    """``openpyxl.load_workbook(read_only=True)`` with a leaner shared-string table.

    openpyxl clears each ``<si>`` it has read but leaves it in the tree, so a sheet with
    a million distinct texts kept a million empty elements (~200 MB) beside the texts;
    here the table's root lets go of each one, and the texts are kept as UTF-8 in one
    buffer (``SharedStrings``) rather than a million Python strings.
    """
    from openpyxl.cell.text import Text
    from openpyxl.reader.excel import SHARED_STRINGS, ExcelReader
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    si = f"{{{SHEET_MAIN_NS}}}si"

    class Reader(ExcelReader):  # type: ignore[misc]
        def read_strings(self) -> None:
            part = self.package.find(SHARED_STRINGS)
            if part is None:
                return
            strings = SharedStrings()
            with self.archive.open(part.PartName[1:]) as src:
                root = None
                for event, node in iterparse(src, events=("start", "end")):
                    if root is None:
                        root = node
                    elif event == "end" and node.tag == si:
                        strings.append(Text.from_tree(node).content.replace("x005F_", ""))
                        root.clear()
            self.shared_strings = strings

    reader = Reader(path, read_only=True, keep_vba=False, data_only=True, keep_links=False)
    reader.read()
    return reader.wb


@contextmanager
def _workbook(path: Path) -> Iterator[Any]:
    try:
        book = _load_workbook(path)
    except DeskError:
        raise
    except Exception as exc:  # a damaged zip or XML: whatever openpyxl raises, one message
        raise _damaged(path, exc) from exc
    try:
        yield book
    finally:
        book.close()


def _xlsx_rows(path: Path, first: int, width: int, last: int | None
               ) -> Iterator[tuple[int, list[Any]]]:
    with _workbook(path) as book:
        if not book.worksheets or not hasattr(book.worksheets[0], "reset_dimensions"):
            raise DeskError(t("Lembar pertama {name} bukan lembar data.", name=path.name))
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the declared size may be a lie (A1:XFD1048576)
        rows = sheet.iter_rows(min_row=first, max_row=last, max_col=width, values_only=True)
        number = first - 1
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except DeskError:
                raise
            except Exception as exc:  # malformed sheet XML met while streaming
                raise _damaged(path, exc, number + 1) from exc
            number += 1
            if row.count(None) != len(row):  # gaps between rows come as rows of None
                yield number, list(row)


def _damaged(path: Path, exc: Exception, row: int | None = None) -> DeskError:
    import logging
    from xml.etree.ElementTree import ParseError

    logging.getLogger(__name__).info("unreadable sheet %s: %r", path, exc)
    if isinstance(exc, ParseError):
        line = exc.position[0] if getattr(exc, "position", None) else None
        from desktop.core.importing.limits import malformed_xml

        return malformed_xml(path.name, t("lembar kerja"), line)
    if row is not None:
        return DeskError(t("Berkas {name} rusak di sekitar baris {row}; tidak ada yang "
                           "diimpor. Buka dan simpan ulang berkasnya di Excel.",
                           name=path.name, row=row))
    return unreadable_xlsx(path.name)


def _fit(row: list[Any], width: int) -> list[Any]:
    return (row + [None] * width)[:width] if len(row) < width else row[:width]


def _text(cell: Any) -> str:
    return str(cell).strip() if cell is not None else ""


def _filled(row: list[Any]) -> int:
    return sum(1 for cell in row if cell is not None and str(cell).strip() != "")


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
