"""A CSV file's encoding, found before a single row is imported, and its rows streamed.

Offices' CSV files come from Excel in several shapes: UTF-8 with or without a BOM,
"Unicode Text" (UTF-16 LE with a BOM), the Windows code page (cp1252), now and then
UTF-16 BE or UTF-32. A BOM decides. Without one, the file must be UTF-8 throughout;
a file with no valid UTF-8 beyond ASCII that cp1252 reads cleanly is taken as cp1252
(an old Excel's "CSV"). A file that is partly UTF-8 and partly something else is
refused naming the first bad line: decoding it all as cp1252 would store "KÃ©budayaan"
for every UTF-8 row, and that damage is silent.

Rows are read by ``csv.reader`` over a text stream opened with ``newline=""``, so CR,
LF and CRLF line endings all work and a quoted value may hold line breaks.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t

CHUNK = 1 << 20
SNIFF_CHARS = 8192
# longer than any field accepts (LONGTEXT_LIMIT, stored titles): an over-long value reaches
# validation and gets the field's message; only a runaway (an unclosed quote) stops here
FIELD_LIMIT = 1_048_576
_BOMS = (  # longest first: a UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True)
class TextEncoding:
    codec: str
    skip: int  # bytes of BOM to skip


def detect_encoding(path: Path) -> TextEncoding:
    """The file's encoding, after checking that the whole file decodes with it."""
    with path.open("rb") as fh:
        head = fh.read(4)
    for bom, codec in _BOMS:
        if head.startswith(bom):
            encoding = TextEncoding(codec, len(bom))
            _check_decodes(path, encoding)
            return encoding
    guessed = _without_bom(head)
    if guessed is not None:
        encoding = TextEncoding(guessed, 0)
        _check_decodes(path, encoding)
        return encoding
    return _utf8_or_cp1252(path)


def _without_bom(head: bytes) -> str | None:
    """UTF-16/32 written without a BOM, recognised by the zero bytes of ASCII text."""
    if len(head) < 4 or b"\x00" not in head:
        return None
    if head[1:4] == b"\x00\x00\x00":
        return "utf-32-le"
    if head[0:3] == b"\x00\x00\x00":
        return "utf-32-be"
    if head[1] == 0 and head[3] == 0:
        return "utf-16-le"
    if head[0] == 0 and head[2] == 0:
        return "utf-16-be"
    return None


def _check_decodes(path: Path, encoding: TextEncoding) -> None:
    decoder = codecs.getincrementaldecoder(encoding.codec)("strict")
    lines = 1
    after_cr = False  # a CRLF split between two chunks is one line break
    with path.open("rb") as fh:
        fh.seek(encoding.skip)
        while True:
            chunk = fh.read(CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                good = decoder.decode(chunk[:exc.start], final=False) if exc.start else ""
                raise _bad_line(path, lines + _count_lines(good), encoding.codec) from exc
            if "\x00" in text:
                raise DeskError(t("Berkas {name} memuat karakter NUL (baris {row}): bukan "
                                  "berkas teks CSV.", name=path.name,
                                  row=lines + _count_lines(text[:text.index("\x00")])))
            lines += _count_lines(text) - (after_cr and text.startswith("\n"))
            after_cr = text.endswith("\r") or (after_cr and not text)
            if not chunk:
                return


def _count_lines(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _utf8_or_cp1252(path: Path) -> TextEncoding:
    """UTF-8 when every line is; cp1252 when no line is UTF-8 beyond ASCII; else refuse."""
    utf8_lines = 0
    first_bad: int | None = None
    cp1252_clean = True
    number = 0
    carry = b""
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(CHUNK)
            data = carry + chunk
            if chunk and data.endswith(b"\r"):  # a CRLF may be split between chunks
                parts = _LINE_BREAK.split(data[:-1])
                parts[-1] += b"\r"
            else:
                parts = _LINE_BREAK.split(data)
            carry = parts.pop() if chunk else b""
            if chunk and data.isascii() and b"\x00" not in data:
                number += len(parts)  # the common case: nothing to decide on these lines
                continue
            for line in parts if chunk else [*parts, carry]:
                number += 1
                if b"\x00" in line:
                    raise DeskError(t("Berkas {name} memuat karakter NUL (baris {row}): bukan "
                                      "berkas teks CSV.", name=path.name, row=number))
                if line.isascii():
                    continue
                try:
                    line.decode("utf-8")
                    utf8_lines += 1
                except UnicodeDecodeError:
                    first_bad = first_bad or number
                    try:
                        line.decode("cp1252")
                    except UnicodeDecodeError:
                        cp1252_clean = False
                if first_bad and utf8_lines:
                    raise _mixed(path, first_bad)
            if not chunk:
                break
    if first_bad is None:
        return TextEncoding("utf-8", 0)
    if cp1252_clean:
        return TextEncoding("cp1252", 0)
    raise _bad_line(path, first_bad, "utf-8")


def _mixed(path: Path, row: int) -> DeskError:
    return DeskError(t("Berkas {name} bercampur pengodean: sebagian besar UTF-8, tetapi baris "
                       "{row} bukan UTF-8. Tidak ada yang diimpor: perbaiki baris itu, atau "
                       "simpan ulang berkasnya sebagai “CSV UTF-8”.", name=path.name, row=row))


def _bad_line(path: Path, row: int, codec: str) -> DeskError:
    return DeskError(t("Berkas {name} tidak dapat dibaca sebagai teks {encoding}: baris {row} "
                       "memuat byte yang tidak sah. Simpan ulang berkasnya sebagai “CSV UTF-8”.",
                       name=path.name, encoding=codec.upper(), row=row))


def csv_rows(path: Path, encoding: TextEncoding) -> Iterator[list[Any]]:
    """Every row of the file, streamed; a malformed row stops with its line number."""
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    with path.open("r", encoding=encoding.codec, newline="", errors="strict") as fh:
        if encoding.skip:
            fh.read(1)  # the BOM, one character in every Unicode encoding
        sample = fh.read(SNIFF_CHARS)
        fh.seek(0)
        if encoding.skip:
            fh.read(1)
        reader = csv.reader(fh, _dialect(sample), strict=True)
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_problem(path, reader.line_num, str(exc)) from exc
            except UnicodeDecodeError as exc:  # the file changed since it was checked
                raise _bad_line(path, reader.line_num + 1, encoding.codec) from exc
            yield row


def _dialect(sample: str) -> type[csv.Dialect]:
    """Comma, semicolon (a Windows Excel in Indonesian) or tab, from the first lines."""
    lines = sample.replace("\r\n", "\n").replace("\r", "\n")
    try:
        delimiter = csv.Sniffer().sniff(lines, delimiters=",;\t").delimiter
    except csv.Error:
        first = lines.split("\n", 1)[0]
        delimiter = max(",;\t", key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if delimiter in ",;\t" else ","
    return Dialect


def _csv_problem(path: Path, line: int, reason: str) -> DeskError:
    if "field larger than field limit" in reason:
        return DeskError(t("Berkas {name} baris {row}: sebuah isian lebih dari {limit} karakter "
                           "(mungkin tanda kutip yang tidak ditutup). Tidak ada yang diimpor.",
                           name=path.name, row=line, limit=f"{FIELD_LIMIT:,}".replace(",", ".")))
    if "unexpected end of data" in reason:
        return DeskError(t("Berkas {name} berakhir di dalam tanda kutip yang dibuka sebelum "
                           "baris {row}: tanda kutip tidak ditutup. Tidak ada yang diimpor.",
                           name=path.name, row=line))
    return DeskError(t("Berkas {name} baris {row}: tanda kutip tidak pada tempatnya (isian "
                       "yang diapit tanda kutip harus diikuti pemisah kolom). Tidak ada yang "
                       "diimpor.", name=path.name, row=line))
