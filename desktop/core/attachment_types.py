"""What a file really is, told by its content: the types a berkas may have.

An extension says nothing (a ``.pdf`` saved from a browser is often an HTML error
page), so the first bytes decide, and for DOCX/XLSX, which are ZIP files, the names in
the ZIP's central directory (read from the end of the file, never the whole archive).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from desktop.core.errors import DeskError
from desktop.core.i18n import t


@dataclass(frozen=True)
class FileType:
    mime: str
    label: str  # what the user calls it
    suffix: str  # the extension a copy for the system viewer gets


PDF = FileType("application/pdf", "PDF", ".pdf")
PNG = FileType("image/png", "PNG", ".png")
JPEG = FileType("image/jpeg", "JPEG", ".jpg")
GIF = FileType("image/gif", "GIF", ".gif")
WEBP = FileType("image/webp", "WebP", ".webp")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "DOCX", ".docx")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "XLSX", ".xlsx")
ALLOWED = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX)
BY_MIME = {ft.mime: ft for ft in ALLOWED}
SUFFIXES = {".jpeg": JPEG, **{ft.suffix: ft for ft in ALLOWED}}
HEAD = 16  # bytes read to tell the types apart


class BerkasError(DeskError):
    """A file that may not be attached, or a stored file that cannot be read back."""


class FileTypeError(BerkasError):
    """The file is not one of the types a berkas may be."""


def allowed_labels() -> str:
    return ", ".join(ft.label for ft in ALLOWED)


def sniff(handle: BinaryIO, name: str) -> FileType:
    """The type of the open file ``handle`` (left at its start), or FileTypeError."""
    handle.seek(0)
    head = handle.read(HEAD)
    handle.seek(0)
    kind = _by_magic(head) or (_office(handle) if head.startswith(b"PK\x03\x04") else None)
    handle.seek(0)
    if kind is None:
        raise FileTypeError(t("{name} tidak dapat dilampirkan: isinya bukan jenis berkas yang "
                              "diterima ({allowed}). Jenis ditentukan dari isi berkas, bukan "
                              "dari nama atau ekstensinya.", name=name,
                              allowed=allowed_labels()))
    return kind


def _by_magic(head: bytes) -> FileType | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def _office(handle: BinaryIO) -> FileType | None:
    """DOCX or XLSX: a ZIP whose directory names the main part; any other ZIP is not."""
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None
