"""A corpus of bad (and awkward but valid) import files, written per record kind.

The bad-input probe of issue 20 fed 61 crafted files to ``import``; this writes the same
kinds of file for the hardening tests: every encoding Excel and friends produce, every
line ending, over-long fields, unclosed quotes, damaged zips and XML, entities, zip and
dimension bombs, repeated headers. ``EXPECTED`` says which exit code each must give:
0 where the file is valid after all, 1 where it must be refused with a message.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

# Per kind: a header the import recognises and one valid row (the database holds an OPD
# "Diskominfo" and an application "SIMPEG" for the references).
ROWS: dict[str, tuple[list[str], list[str]]] = {
    "opd": (["Kode", "Nama", "Jenis", "Alamat"],
            ["9.99.01", "Dinas Kébudayaan Daerah", "Dinas", "Jl. Merdeka 1"]),
    "apps": (["Nama aplikasi", "OPD pemilik", "Jenis aplikasi", "Deskripsi"],
             ["Sistem Kébudayaan", "Diskominfo", "Aplikasi Umum", "catatan"]),
    "datasets": (["Judul", "Produsen data (OPD)", "Sifat data", "Deskripsi"],
                 ["Data Cagar Kébudayaan", "Diskominfo", "Terbuka", "uraian"]),
    "visits": (["Tanggal mulai", "Instansi", "Arah kunjungan", "Topik"],
               ["15/03/2024", "Diskominfo Kabupaten Kébumen", "masuk", "studi tiru"]),
    "deployments": (["Aplikasi", "Tanggal deployment", "Lingkungan", "Versi", "Catatan"],
                    ["SIMPEG", "15/03/2024", "produksi", "1.0.0", "rilis Kébudayaan"]),
}
KINDS = tuple(ROWS)
DATE_COLUMNS = {"visits": 0, "deployments": 1}  # where each kind's row has a date
LONG = 200_000  # over csv's default field limit (131,072) and over every field's limit


def _csv_text(kind: str, sep: str = ",", newline: str = "\n",
              extra: list[list[str]] | None = None) -> str:
    header, row = ROWS[kind]
    lines = [sep.join(header), sep.join(row), *(sep.join(r) for r in extra or [])]
    return newline.join(lines) + newline


def _ascii_row(kind: str) -> list[str]:
    return [c.replace("é", "e") for c in ROWS[kind][1]]


def _text_files(kind: str) -> dict[str, tuple[bytes, int]]:
    header, row = ROWS[kind]
    plain = _csv_text(kind)
    second = _ascii_row(kind)
    if kind == "visits":
        second[:2] = ["16/03/2024", "Diskominfo Kota Lain"]
    elif kind == "deployments":
        second[3] = "1.0.1"
    elif kind == "opd":
        second[:2] = ["9.99.03", "Dinas Lain"]
    else:
        second[0] += " 2"
    latin1_row = ",".join(_latin1_variant(kind)).encode("latin-1")
    long_row = list(row)
    long_row[-1] = "x" * LONG
    control_row = list(row)
    control_row[-1] = "merah \x1b[31m kedip \x07"
    files: dict[str, tuple[bytes, int]] = {
        "utf8.csv": (plain.encode("utf-8"), 0),
        "utf8-bom.csv": (codecs.BOM_UTF8 + plain.encode("utf-8"), 0),
        "utf16le-bom-tab.txt": (codecs.BOM_UTF16_LE + _csv_text(kind, "\t", "\r\n")
                                .encode("utf-16-le"), 0),  # Excel's "Unicode Text"
        "utf16be-bom.csv": (codecs.BOM_UTF16_BE + plain.encode("utf-16-be"), 0),
        "utf16le-nobom.csv": (plain.encode("utf-16-le"), 0),
        "utf32le-bom.csv": (codecs.BOM_UTF32_LE + plain.encode("utf-32-le"), 0),
        "utf32be-bom.csv": (codecs.BOM_UTF32_BE + plain.encode("utf-32-be"), 0),
        "cr-only.csv": (_csv_text(kind, newline="\r").encode("utf-8"), 0),
        "crlf-semicolon.csv": (_csv_text(kind, ";", "\r\n").encode("utf-8"), 0),
        "cp1252-whole.csv": (plain.encode("cp1252"), 0),
        "mixed-utf8-latin1.csv": (plain.encode("utf-8") + latin1_row + b"\n", 1),
        "utf8-bom-then-latin1.csv": (codecs.BOM_UTF8 + plain.encode("utf-8") + latin1_row
                                     + b"\n", 1),
        "utf16-odd-bytes.csv": (codecs.BOM_UTF16_LE + plain.encode("utf-16-le")
                                + b"\x00\xd8\x41", 1),  # a lone surrogate, then a half
        "nul-bytes.csv": (plain.encode("utf-8").replace(b",", b",\x00", 1), 1),
        "long-field.csv": ((",".join(header) + "\n" + ",".join(long_row) + "\n")
                           .encode("utf-8"), 1),
        "runaway-quote.csv": ((plain + ",".join(row[:-1]) + ',"' + "y" * 1_100_000 + "\n")
                              .encode("utf-8"), 1),
        "unclosed-quote.csv": ((plain + ",".join(row[:-1]) + ',"tidak ditutup\n')
                               .encode("utf-8"), 1),
        "stray-quote.csv": ((plain + ",".join(row[:-1]) + ',"kutip"lalu teks\n')
                            .encode("utf-8"), 1),
        "control-chars.csv": ((",".join(header) + "\n" + ",".join(control_row) + "\n")
                              .encode("utf-8"), 1),
        "duplicate-header.csv": ((",".join([*header, header[1]]) + "\n" + ",".join(
            [*row, "lagi"]) + "\n").encode("utf-8"), 1),
        "empty.csv": (b"", 1),
        "blank-lines.csv": (b"\n\n\r\n", 1),
        "header-only.csv": ((",".join(header) + "\n").encode("utf-8"), 0),
        "binary.csv": (bytes(range(256)) * 8, 1),
        "two-rows-valid.csv": (_csv_text(kind, extra=[second]).encode("utf-8"), 0),
        "wrong-suffix.ods": (plain.encode("utf-8"), 1),
    }
    return files


def _latin1_variant(kind: str) -> list[str]:
    row = list(ROWS[kind][1])
    if kind == "visits":
        row[0] = "17/03/2024"
    elif kind == "deployments":
        row[3] = "2.0.0"
    else:
        row[0] = row[0] + " Lama" if kind != "opd" else "9.99.02"
        if kind == "opd":
            row[1] = "Dinas Kébudayaan Lama"
    return row


# ------------------------------------------------------------------ XLSX
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
    'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>')
STYLES = (  # style 1 is a date (number format 14), for the date-serial case
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '</cellXfs></styleSheet>')
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _inline(ref: str, text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _row_xml(number: int, cells: list[str]) -> str:
    from openpyxl.utils import get_column_letter

    inner = "".join(_inline(f"{get_column_letter(i + 1)}{number}", c)
                    for i, c in enumerate(cells))
    return f'<row r="{number}">{inner}</row>'


def hand_made_xlsx(path: Path, sheet_xml: str, extra: dict[str, str] | None = None) -> Path:
    """A minimal XLSX written part by part, so its XML can be anything."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def sheet_xml(rows: str, dimension: str = "", prolog: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<worksheet xmlns="{SHEET_NS}">{dim}<sheetData>{rows}</sheetData></worksheet>')


def dimension_bomb(path: Path) -> Path:
    """The probe's 1.8 KB file: declares A1:XFD1048576, holds one cell in the last row."""
    return hand_made_xlsx(path, sheet_xml(_row_xml(1048576, [""]).replace(
        'r="A1048576"', 'r="XFD1048576"').replace("<t></t>", "<t>x</t>"),
        dimension="A1:XFD1048576"))


def zip_bomb(path: Path, megabytes: int = 200) -> Path:
    """A few hundred KB that inflate to ``megabytes`` MB of sheet XML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(sheet_xml("").split("<sheetData>")[0].encode() + b"<sheetData>")
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)
            fh.write(b"</sheetData></worksheet>")
    return path


def _workbook_file(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                    for i in range(1, 10))
          + ']>')
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _xlsx_files(kind: str, folder: Path) -> dict[str, tuple[Path, int]]:
    header, row = ROWS[kind]
    good_rows = _row_xml(1, header) + _row_xml(2, row)
    out: dict[str, tuple[Path, int]] = {}

    def add(name: str, expected: int, make: Callable[[Path], Path]) -> None:
        out[name] = (make(folder / name), expected)

    add("valid.xlsx", 0, lambda p: _workbook_file(p, [header, row]))
    add("title-row.xlsx", 0, lambda p: _workbook_file(p, [["REGISTER 2024"], [], header, row]))
    add("dimension-bomb.xlsx", 1, dimension_bomb)
    add("dimension-lie-valid.xlsx", 0, lambda p: hand_made_xlsx(p, sheet_xml(
        good_rows + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
        '</row>', dimension="A1:XFD1048576")))
    add("wide-row.xlsx", 0, lambda p: hand_made_xlsx(p, sheet_xml(
        _row_xml(1, header) + _row_xml(2, row)[:-len("</row>")]
        + '<c r="XFD2" t="inlineStr"><is><t>jauh</t></is></c></row>')))
    add("malformed-sheet.xlsx", 1, lambda p: hand_made_xlsx(
        p, sheet_xml(good_rows).replace("</sheetData>", "</sheetDta>")))
    add("truncated-sheet-xml.xlsx", 1, lambda p: hand_made_xlsx(
        p, sheet_xml(good_rows)[:-40]))
    add("undefined-entity.xlsx", 1, lambda p: hand_made_xlsx(
        p, sheet_xml(good_rows.replace("<t>" + row[1], "<t>&oops;" + row[1], 1))))
    add("xxe.xlsx", 1, lambda p: hand_made_xlsx(p, sheet_xml(
        good_rows.replace("<t>" + row[1], "<t>&xxe;" + row[1], 1), prolog=XXE)))
    add("billion-laughs.xlsx", 1, lambda p: hand_made_xlsx(p, sheet_xml(
        good_rows.replace("<t>" + row[1], "<t>&lol9;" + row[1], 1), prolog=LAUGHS)))
    add("laughs-in-shared-strings.xlsx", 1, lambda p: hand_made_xlsx(
        p, sheet_xml(good_rows), extra={"xl/sharedStrings.xml": (
            '<?xml version="1.0"?>' + LAUGHS + f'<sst xmlns="{SHEET_NS}"><si><t>&lol9;</t>'
            "</si></sst>")}))
    add("duplicate-header.xlsx", 1, lambda p: _workbook_file(
        p, [[*header, header[0]], [*row, "lagi"]]))
    add("no-header.xlsx", 1, lambda p: _workbook_file(p, [["satu kolom"], ["nilai"]]))
    add("empty-sheet.xlsx", 1, lambda p: _workbook_file(p, []))
    add("not-a-zip.xlsx", 1, lambda p: _write(p, b"<html><body>bukan excel</body></html>"))
    add("empty-file.xlsx", 1, lambda p: _write(p, b""))
    add("empty-zip.xlsx", 1, lambda p: _empty_zip(p))
    add("truncated-zip.xlsx", 1, lambda p: _truncated(p, header, row))
    add("huge-number.xlsx", 1, lambda p: hand_made_xlsx(p, sheet_xml(_row_xml(1, header) + _row_xml(
        2, row).replace(_inline("A2", row[0]), '<c r="A2"><v>1e300</v></c>'))))
    # a date cell in the kind's date column is refused; in a text column it is only text
    column = DATE_COLUMNS.get(kind, 0)
    ref = f"{'AB'[column]}2"
    dated = 1 if kind in DATE_COLUMNS else 0
    add("huge-date-serial.xlsx", dated, lambda p: hand_made_xlsx(p, sheet_xml(_row_xml(
        1, header) + _row_xml(2, row).replace(_inline(ref, row[column]),
                                              f'<c r="{ref}" s="1"><v>1e300</v></c>'))))
    add("date-year-1.xlsx", dated, lambda p: hand_made_xlsx(p, sheet_xml(_row_xml(
        1, header) + _row_xml(2, row).replace(_inline(ref, row[column]),
                                              f'<c r="{ref}" s="1"><v>-693593</v></c>'))))
    return out


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _empty_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def _truncated(path: Path, header: list[str], row: list[str]) -> Path:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(header)
    book.active.append(row)
    book.save(buffer)
    data = buffer.getvalue()
    return _write(path, data[: len(data) // 2])


def write_corpus(kind: str, folder: Path) -> dict[str, tuple[Path, int]]:
    """Every corpus file for ``kind`` in ``folder``: name -> (path, expected exit code)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {name: (_write(folder / name, data), code)
             for name, (data, code) in _text_files(kind).items()}
    files.update(_xlsx_files(kind, folder))
    return files


__all__ = ["KINDS", "ROWS", "dimension_bomb", "hand_made_xlsx", "sheet_xml",
           "write_corpus", "zip_bomb"]
