"""What an import file may cost: its size, its rows, and for XLSX what it unpacks to.

A spreadsheet is read in one streaming pass, yet a file can still ask for more than a
desktop has: 200 MB of CSV, a million rows each checked through the services, or a
1 MB zip that inflates to a gigabyte. Each limit is a setting (``desktop.core.settings``)
with a default that fits an office register many times over, and each refusal names the
limit and the setting, so a clerk with a real need knows what to change.

XLSX is a zip of XML parts. Before openpyxl touches one, the zip's central directory is
read (declared sizes are enforced by ``zipfile`` while inflating, so they cannot lie),
and every XML part's prolog is scanned with expat: Excel never writes a document type
declaration, and without one there can be no external entity and no entity expansion
("billion laughs"). openpyxl would use defusedxml when installed; this guard does not
depend on it.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from desktop.core.errors import DeskError
from desktop.core.i18n import t

MB = 1024 * 1024
# below this much unpacked content a high compression ratio costs nothing worth refusing
RATIO_FLOOR = 16 * MB
PROLOG_CHUNK = 4096
PROLOG_MAX = 64 * 1024  # the root element of a real part starts within the first bytes
XML_SUFFIXES = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class ImportLimits:
    """The limits one import runs under; ``from_settings`` reads the user's choices."""

    max_rows: int = 200_000
    max_file_bytes: int = 100 * MB
    max_expanded_bytes: int = 1_000 * MB
    max_ratio: int = 100

    @classmethod
    def from_settings(cls) -> ImportLimits:
        from desktop.core.settings import (
            IMPORT_MAX_EXPANDED_MB,
            IMPORT_MAX_FILE_MB,
            IMPORT_MAX_RATIO,
            IMPORT_MAX_ROWS,
            current,
        )

        settings = current()

        def positive(setting, default: int) -> int:  # type: ignore[no-untyped-def]
            value = int(settings.get(setting))
            return value if value > 0 else default

        return cls(max_rows=positive(IMPORT_MAX_ROWS, cls.max_rows),
                   max_file_bytes=positive(IMPORT_MAX_FILE_MB, 100) * MB,
                   max_expanded_bytes=positive(IMPORT_MAX_EXPANDED_MB, 1_000) * MB,
                   max_ratio=positive(IMPORT_MAX_RATIO, cls.max_ratio))


def check_file_size(path: Path, limits: ImportLimits) -> None:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise DeskError(t("Berkas {name} terlalu besar untuk diimpor: {size} MB, paling besar "
                          "{limit} MB (pengaturan “{setting}”). Pecah menjadi beberapa berkas.",
                          name=path.name, size=_mb(size), limit=_mb(limits.max_file_bytes),
                          setting="import_max_file_mb"))


def too_many_rows(name: str, limits: ImportLimits) -> DeskError:
    return DeskError(t("Lembar kerja {name} memuat lebih dari {limit} baris data (batas impor, "
                       "pengaturan “{setting}”). Pecah menjadi beberapa berkas.",
                       name=name, limit=f"{limits.max_rows:,}".replace(",", "."),
                       setting="import_max_rows"))


def unreadable_xlsx(name: str) -> DeskError:
    return DeskError(t("Berkas {name} bukan lembar kerja XLSX yang dapat dibaca.", name=name))


def check_xlsx(path: Path, limits: ImportLimits) -> None:
    """Refuse a zip bomb or an XML part with a document type before openpyxl opens it."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            expanded = sum(m.file_size for m in members)
            packed = sum(m.compress_size for m in members)
            if expanded > limits.max_expanded_bytes:
                raise DeskError(t(
                    "Isi berkas {name} terurai menjadi {size} MB, lebih dari batas {limit} MB "
                    "(pengaturan “{setting}”); tidak dibaca.", name=path.name,
                    size=_mb(expanded), limit=_mb(limits.max_expanded_bytes),
                    setting="import_max_expanded_mb"))
            if expanded > RATIO_FLOOR and expanded > packed * limits.max_ratio:
                raise DeskError(t(
                    "Isi berkas {name} dimampatkan {ratio} kali (paling banyak {limit} kali, "
                    "pengaturan “{setting}”): berkas seperti ini dibuat untuk menghabiskan "
                    "memori; tidak dibaca.", name=path.name,
                    ratio=expanded // max(packed, 1), limit=limits.max_ratio,
                    setting="import_max_ratio"))
            for member in members:
                if member.filename.lower().endswith(XML_SUFFIXES):
                    _check_prolog(archive, member, path.name)
    except DeskError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise unreadable_xlsx(path.name) from exc


class _RootReached(Exception):
    """The prolog ended without a document type: the part is safe to hand to openpyxl."""


def _check_prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    parser = expat.ParserCreate()

    def root(*_args: object) -> None:
        raise _RootReached

    def doctype(*_args: object) -> None:
        raise DeskError(t("Berkas {name} memuat deklarasi DOCTYPE/ENTITY di bagian {part} "
                          "(tidak pernah ditulis oleh Excel; bisa memuat entitas eksternal "
                          "atau ekspansi entitas); tidak dibaca.", name=name,
                          part=member.filename))

    parser.StartElementHandler = root
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    read = 0
    try:
        with archive.open(member) as fh:
            while read < PROLOG_MAX:
                chunk = fh.read(PROLOG_CHUNK)
                read += len(chunk)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    break
    except _RootReached:
        return
    except expat.ExpatError as exc:
        raise malformed_xml(name, member.filename, exc.lineno) from exc
    raise malformed_xml(name, member.filename, 1)


def malformed_xml(name: str, part: str, line: int | None) -> DeskError:
    """A part of the zip is not well-formed XML (a damaged or hand-made file)."""
    if line:
        return DeskError(t("Berkas {name} rusak: bagian {part} bukan XML yang sah (baris "
                           "{line}). Buka dan simpan ulang berkasnya di Excel.",
                           name=name, part=part, line=line))
    return DeskError(t("Berkas {name} rusak: bagian {part} bukan XML yang sah. Buka dan "
                       "simpan ulang berkasnya di Excel.", name=name, part=part))


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".replace(".", ",") if size < 10 * MB else str(size // MB)
