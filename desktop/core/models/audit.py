"""Audit log and the search index table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import UUID_LEN, Base, utcnow


class AuditLog(Base):
    """One row per create/update/delete: who, when, and before/after of changed fields."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    waktu: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # On PostgreSQL the database stamps the session's login here (migration 0008), so no
    # client can name someone else; SQLite keeps what the application says.
    pengguna: Mapped[str] = mapped_column(String(120), nullable=False)
    # Only when the login is the shared one of an office without people (the owner):
    # who the workstation said it was, kept rather than lost. NULL for a person's login.
    atas_nama: Mapped[str | None] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(30), nullable=False)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    aksi: Mapped[str] = mapped_column(String(10), nullable=False)
    perubahan: Mapped[dict[str, Any]] = mapped_column(default=dict)

    __table_args__ = (Index("ix_audit_log_record", "jenis", "record_id"),)


class SearchEntry(Base):
    """Normalised searchable text of one record.

    The text is folded (lowercase, no accents, words of letters and digits) in Python, so
    SQLite's FTS5 table over it (kept by triggers) and PostgreSQL's ``tsvector`` index
    see the same words and give the same answers.
    """

    __tablename__ = "search_entry"

    rowid_: Mapped[int] = mapped_column("rid", Integer, primary_key=True, autoincrement=True)
    jenis: Mapped[str] = mapped_column(String(30), nullable=False)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, unique=True)
    judul: Mapped[str] = mapped_column(String(500), nullable=False)
    keterangan: Mapped[str | None] = mapped_column(String(500))
    teks: Mapped[str] = mapped_column(Text, nullable=False)
    # The list's opening sort value (a dataset's judul, an application's nama; NULL for
    # kinds sorted otherwise): a search reads its first screen off the index below in
    # that order instead of sorting every match (migration 0009).
    urutan: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_search_entry_urutan", text("lower(urutan)"), "record_id"),)
