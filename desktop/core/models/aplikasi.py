"""Aplikasi: the SPBE application register, coordinated with Diskominfo."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, RecordMixin
from desktop.core.models.opd import PerangkatDaerah

if TYPE_CHECKING:
    from desktop.core.models.dataset import Dataset


class AplikasiDataset(Base):
    """Which datasets an app uses or produces."""

    __tablename__ = "aplikasi_dataset"

    aplikasi_id: Mapped[str] = mapped_column(
        ForeignKey("aplikasi.id", ondelete="CASCADE"), primary_key=True
    )
    dataset_id: Mapped[str] = mapped_column(
        ForeignKey("dataset.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    peran: Mapped[str] = mapped_column(String(20), nullable=False, default="menggunakan")
    urutan: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    dataset: Mapped[Dataset] = relationship()


class Aplikasi(RecordMixin, Base):
    __tablename__ = "aplikasi"

    nama: Mapped[str] = mapped_column(String(200), nullable=False)
    singkatan: Mapped[str | None] = mapped_column(String(60))
    deskripsi: Mapped[str | None] = mapped_column(Text)
    opd_pemilik_id: Mapped[str | None] = mapped_column(
        ForeignKey("perangkat_daerah.id"), index=True
    )
    opd_pengelola_id: Mapped[str | None] = mapped_column(ForeignKey("perangkat_daerah.id"))
    pic_nama: Mapped[str | None] = mapped_column(String(120))
    pic_nip: Mapped[str | None] = mapped_column(String(18))
    pic_kontak: Mapped[str | None] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(20), nullable=False, default="khusus")
    layanan: Mapped[str | None] = mapped_column(String(20))
    sasaran: Mapped[list[str]] = mapped_column(default=list)
    platform: Mapped[list[str]] = mapped_column(default=list)
    url: Mapped[str | None] = mapped_column(String(300))
    bahasa_pemrograman: Mapped[str | None] = mapped_column(String(80))
    framework: Mapped[str | None] = mapped_column(String(80))
    dbms: Mapped[str | None] = mapped_column(String(80))
    lisensi: Mapped[str | None] = mapped_column(String(80))
    repositori: Mapped[str | None] = mapped_column(String(300))
    pengembang: Mapped[str | None] = mapped_column(String(20))
    sumber_dana: Mapped[str | None] = mapped_column(String(120))
    tahun: Mapped[int | None] = mapped_column(Integer)
    rekomendasi_nomor: Mapped[str | None] = mapped_column(String(120))
    rekomendasi_tanggal: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="perencanaan")
    boleh_direplikasi: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    opd_pemilik: Mapped[PerangkatDaerah | None] = relationship(foreign_keys=[opd_pemilik_id])
    opd_pengelola: Mapped[PerangkatDaerah | None] = relationship(
        foreign_keys=[opd_pengelola_id]
    )
    dataset_links: Mapped[list[AplikasiDataset]] = relationship(
        cascade="all, delete-orphan", order_by=AplikasiDataset.urutan
    )

