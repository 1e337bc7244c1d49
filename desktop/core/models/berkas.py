"""Berkas: files attached to records (a signed PKS scan, a visit's photos), kept in the
database so every workstation, backup and restore carries them with the records.

The file's bytes live in ``berkas_potongan`` as 1 MiB chunks, never in ``berkas``: a
list of a record's files (or the count column of a list) reads only the small rows, and
reading or writing a 25 MB scan never holds more than one chunk in memory. There is no
ORM relationship between the two on purpose, so nothing can load the chunks with a
record by accident; ``desktop.core.attachments`` reads and writes them one at a time.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import UUID_LEN, Base, new_id, utcnow

CHUNK_SIZE = 1024 * 1024  # bytes per berkas_potongan row


class Berkas(Base):
    """One attached file: which record holds it, its name, type, size, SHA-256, who, when."""

    __tablename__ = "berkas"

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    jenis: Mapped[str] = mapped_column(String(30), nullable=False)  # record kind name
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    nama: Mapped[str] = mapped_column(String(255), nullable=False)
    tipe: Mapped[str] = mapped_column(String(100), nullable=False)  # MIME type, by content
    ukuran: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    pengguna: Mapped[str] = mapped_column(String(120), nullable=False)
    waktu: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    __table_args__ = (Index("ix_berkas_record", "jenis", "record_id"),)


class BerkasPotongan(Base):
    """One chunk of a file's bytes, in order; deleted with its berkas (ON DELETE CASCADE)."""

    __tablename__ = "berkas_potongan"

    berkas_id: Mapped[str] = mapped_column(
        String(UUID_LEN), ForeignKey("berkas.id", ondelete="CASCADE"), primary_key=True)
    urutan: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
