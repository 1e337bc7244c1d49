"""One streamed XLSX sheet, written as XML straight into the zip: the export's writer.

openpyxl's write-only mode builds a cell object and an lxml element per value: 10,000
datasets took 5x the CSV export, XlsxWriter's constant-memory mode 2.6-3x (both measured
with ``tests/benchmarks/bench_export.py``). The list and full exports need a small part
of the format, always the same: one sheet, a bold header row (frozen, repeated on every
printed page), an autofilter, column widths, text, numbers, booleans and dates. Written
as strings into a deflated zip member as the rows arrive, a sheet costs little more than
the CSV (``bench_export.py`` holds it to 2x) and never sits in memory whole.

The parts are those openpyxl writes for the same sheet (inline strings, no shared-string
table, no dimension), so openpyxl, the importer, LibreOffice and Excel read it back alike
(``tests/test_xlsx_writer.py``). No cell is ever a formula: text is neutralised
(``neutralise``) and stored as an inline string, whatever it starts with.
"""

from __future__ import annotations

import contextlib
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from desktop import __version__

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
# XML 1.0 cannot hold these control characters: they are dropped from cells
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# what a cell's text may hold that needs more than copying (one scan finds most text clean)
_SPECIAL = re.compile(r"[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f]")
_EPOCH = datetime(1899, 12, 30)  # Excel's day 0 (its 1900 leap-year bug folded in)
_EPOCH_DATE = _EPOCH.date()
_FLUSH_ROWS = 500  # rows gathered before one write into the compressor
# the cellXfs below: 0 plain, 1 bold header, 2 date, 3 date and time
_BOLD, _DATE, _DATETIME = 1, 2, 3

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" '
    'ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SHEET_TYPE}.sheet.'
    'main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}.'
    'worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SHEET_TYPE}.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/'
    'vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets an apostrophe in front (the importer
    strips it again, so an export re-imports unchanged)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    """Element text: markup escaped, a bare CR kept as one (a parser reads it as LF)."""
    text = ILLEGAL_XML.sub("", text)
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def _text_cell(ref: str, text: str, style: str = "") -> str:
    if _SPECIAL.search(text) is not None:
        text = neutralise(ILLEGAL_XML.sub("", text))
        if not text:
            return ""
        body = _escape(text)
    else:
        if text.startswith(FORMULA_START):
            text = "'" + text
        body = text
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{body}</t></is></c>'


def _serial(value: date) -> str:
    """A date or naive date-time as Excel's day number (time as the fraction of a day).

    Excel counts a 29 February 1900 that never was; days before it are one less, as
    openpyxl writes and reads them.
    """
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None)  # Excel has no zones; the list shows it so
        delta = value - _EPOCH
        days = delta.days - 1 if 0 < delta.days <= 60 else delta.days
        return repr(days + (delta.seconds + delta.microseconds / 1e6) / 86400)
    days = (value - _EPOCH_DATE).days
    return str(days - 1 if 0 < days <= 60 else days)


def cell_xml(ref: str, value: Any) -> str:
    """One cell; '' for an empty one. Text is neutralised, never a formula."""
    kind = type(value)
    if kind is str:
        return _text_cell(ref, value) if value else ""
    if value is None:
        return ""
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if kind is int:
        return f'<c r="{ref}"><v>{value}</v></c>'
    if kind is float or kind is Decimal:
        if math.isfinite(value):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return _text_cell(ref, str(value))  # a spreadsheet number cannot be NaN
    if isinstance(value, datetime):
        return f'<c r="{ref}" s="{_DATETIME}"><v>{_serial(value)}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{_DATE}"><v>{_serial(value)}</v></c>'
    if isinstance(value, (int, float, Decimal)):  # a subclass (an IntEnum, a numpy value)
        return cell_xml(ref, int(value) if isinstance(value, int) else float(value))
    return _text_cell(ref, str(value))


def sheet_title(text: str) -> str:
    """Sheet names are at most 31 characters, cannot hold ``[]:*?/\\`` nor start or end
    with an apostrophe."""
    return re.sub(r"[\[\]:*?/\\]", " ", text)[:31].strip("'") or "Data"


class SheetWriter:
    """Write one sheet to ``path``: the header on opening, then :meth:`append` per row,
    then :meth:`close` (or use it as a context manager; an exception leaves a broken
    file for the caller's ``write_atomic`` to discard).

    ``widths``: column widths in characters (None: the spreadsheet's default);
    ``autofilter`` puts the filter buttons on the header over every written row.
    """

    def __init__(self, path: str | Path, title: str, headers: Sequence[str], *,
                 widths: Sequence[float] | None = None, autofilter: bool = False) -> None:
        self.title = sheet_title(title)
        self.columns = max(1, len(headers))
        self.autofilter = autofilter
        self.rows = 0  # written so far, the header included
        self._letters = [column_letter(i) for i in range(1, len(headers) + 1)]
        self._pending: list[str] = []
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self._sheet: IO[bytes] | None = None
        try:
            for name, text in self._fixed_parts().items():
                self._zip.writestr(name, _XML + text)
            self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w")
            self._sheet.write(self._head(widths).encode("utf-8"))
            header = "".join(_text_cell(f"{letter}1", str(text), f' s="{_BOLD}"')
                             for letter, text in zip(self._letters, headers, strict=True))
            self._pending.append(f'<row r="1">{header}</row>')
            self.rows = 1
        except BaseException:
            self.abandon()
            raise

    def __enter__(self) -> SheetWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def append(self, values: Iterable[Any]) -> None:
        """One row; values beyond the header's columns are ignored."""
        self.rows += 1
        n = str(self.rows)
        cells = "".join([cell_xml(letter + n, value)
                         for letter, value in zip(self._letters, values, strict=False)])
        self._pending.append(f'<row r="{n}">{cells}</row>')
        if len(self._pending) >= _FLUSH_ROWS:
            self._flush()

    def close(self) -> None:
        """Finish the sheet and write the workbook's other parts."""
        assert self._sheet is not None
        self._flush()
        last = column_letter(self.columns)
        tail = "</sheetData>"
        if self.autofilter:
            tail += f'<autoFilter ref="A1:{last}{self.rows}"/>'
        tail += ('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" '
                 'footer="0.5"/></worksheet>')
        self._sheet.write(tail.encode("utf-8"))
        self._sheet.close()
        self._sheet = None
        self._zip.writestr("xl/workbook.xml", _XML + self._workbook(last))
        self._zip.close()

    def abandon(self) -> None:
        """Close the file after a failure or a cancel (its content is left unfinished)."""
        if self._sheet is not None:
            with contextlib.suppress(OSError, ValueError, zipfile.BadZipFile):
                self._sheet.close()
            self._sheet = None
        with contextlib.suppress(OSError, ValueError, zipfile.BadZipFile):
            self._zip.close()

    # ----------------------------------------------------------------- the XML
    def _flush(self) -> None:
        if self._pending and self._sheet is not None:
            self._sheet.write("".join(self._pending).encode("utf-8"))
            self._pending = []

    def _head(self, widths: Sequence[float] | None) -> str:
        cols = ""
        if widths:
            cols = "<cols>" + "".join(
                f'<col min="{i}" max="{i}" width="{float(w):g}" customWidth="1"/>'
                for i, w in enumerate(widths, 1)) + "</cols>"
        return (f'{_XML}<worksheet xmlns="{_NS}" xmlns:r="{_REL}">'
                '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/>'
                '</sheetPr><sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
                '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" '
                f'defaultRowHeight="15"/>{cols}<sheetData>')

    def _workbook(self, last: str) -> str:
        """The workbook part: the sheet's name, and its filter range once the rows are in."""
        quoted = "'" + self.title.replace("'", "''") + "'"
        names = f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{_attribute(quoted)}' \
                "!$1:$1</definedName>"
        if self.autofilter:
            names = (f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                     f"{_attribute(quoted)}!$A$1:${last}${self.rows}</definedName>{names}")
        return (f'<workbook xmlns="{_NS}" xmlns:r="{_REL}"><workbookPr/>'
                '<bookViews><workbookView activeTab="0"/></bookViews>'
                f'<sheets><sheet name="{_attribute(self.title)}" sheetId="1" r:id="rId1"/>'
                f"</sheets><definedNames>{names}</definedNames>"
                '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')

    @staticmethod
    def _fixed_parts() -> dict[str, str]:
        """Every part but the sheet and the workbook, in the order they go first into the
        zip: file(1), mail and upload filters tell an Office file by its first entries (the
        content types first, an ``xl/`` part third), so the big sheet comes after them."""
        now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": (
                f'<Relationships xmlns="{_PKG}/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" '
                'Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{_PKG}/relationships/metadata/'
                'core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_REL}/extended-properties" '
                'Target="docProps/app.xml"/></Relationships>'),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{_PKG}/relationships">'
                f'<Relationship Id="rId1" Type="{_REL}/worksheet" '
                'Target="worksheets/sheet1.xml"/>'
                f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
                "</Relationships>"),
            "xl/styles.xml": (
                f'<styleSheet xmlns="{_NS}"><numFmts count="2">'
                f'<numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
                f'<numFmt numFmtId="165" formatCode="{DATETIME_FORMAT}"/></numFmts>'
                '<fonts count="2"><font><sz val="11"/><name val="Calibri"/>'
                '<family val="2"/></font><font><b val="1"/><sz val="11"/>'
                '<name val="Calibri"/><family val="2"/></font></fonts>'
                '<fills count="2"><fill><patternFill patternType="none"/></fill>'
                '<fill><patternFill patternType="gray125"/></fill></fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/>'
                '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
                'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4">'
                '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" '
                'applyFont="1"/>'
                '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
                'applyNumberFormat="1"/>'
                '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" '
                'applyNumberFormat="1"/></cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
                "</cellStyles></styleSheet>"),
            "docProps/app.xml": (
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                'extended-properties"><Application>Diskominfo Desk</Application>'
                f"<AppVersion>{_attribute(__version__)}</AppVersion></Properties>"),
            "docProps/core.xml": (
                f'<cp:coreProperties xmlns:cp="{_PKG}/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                "<dc:creator>Diskominfo Desk</dc:creator>"
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
                "</cp:coreProperties>"),
        }
