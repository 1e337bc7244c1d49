"""Deployment: an application release on the office's servers (infrastructure section)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.aplikasi import Aplikasi
from desktop.core.models.base import Base, RecordMixin


class Deployment(RecordMixin, Base):
    __tablename__ = "deployment"

    aplikasi_id: Mapped[str] = mapped_column(
        ForeignKey("aplikasi.id"), nullable=False, index=True
    )
    versi: Mapped[str | None] = mapped_column(String(60))
    lingkungan: Mapped[str] = mapped_column(String(20), nullable=False, default="produksi")
    host: Mapped[str | None] = mapped_column(String(200))
    lokasi: Mapped[str | None] = mapped_column(String(20))
    domain: Mapped[str | None] = mapped_column(String(255))
    ssl_berakhir: Mapped[date | None] = mapped_column(Date, index=True)
    jadwal_backup: Mapped[str | None] = mapped_column(String(120))
    uji_restore_terakhir: Mapped[date | None] = mapped_column(Date)
    tanggal: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    pelaksana: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="direncanakan")
    catatan: Mapped[str | None] = mapped_column(Text)
    tte_bsre: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    aplikasi: Mapped[Aplikasi] = relationship()
