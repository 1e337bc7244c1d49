"""The people of a shared office: the name shown for each PostgreSQL login."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, utcnow


class Pengguna(Base):
    """One person who logs in with their own PostgreSQL login.

    Why a table at all when PostgreSQL already knows the logins: a login (``budi.s``) is
    not a name (``Budi Santoso``), and history dialogs, the "Diubah oleh" bar and reports
    show names. The login is the key because the database stamps it on every audit row
    (``session_user``), so a name can always be found for what someone did. Only the
    administrator writes here (migration 0008 grants it); everyone reads it. On SQLite
    (one user) the table exists and stays empty.
    """

    __tablename__ = "pengguna"

    login: Mapped[str] = mapped_column(Text, primary_key=True)
    nama: Mapped[str] = mapped_column(Text, nullable=False)
    aktif: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    dibuat: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    dibuat_oleh: Mapped[str | None] = mapped_column(Text)
