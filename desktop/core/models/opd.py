"""Perangkat Daerah (OPD): the region's work units, each a Produsen Data."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop.core.models.base import Base, RecordMixin


class PerangkatDaerah(RecordMixin, Base):
    __tablename__ = "perangkat_daerah"

    kode: Mapped[str] = mapped_column(String(30), nullable=False, index=True)
    nama: Mapped[str] = mapped_column(String(200), nullable=False)
    singkatan: Mapped[str | None] = mapped_column(String(40))
    jenis: Mapped[str] = mapped_column(String(20), nullable=False)
    kepala_nama: Mapped[str | None] = mapped_column(String(120))
    kepala_nip: Mapped[str | None] = mapped_column(String(18))
    alamat: Mapped[str | None] = mapped_column(Text)
    telepon: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(300))
