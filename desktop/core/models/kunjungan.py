"""Kunjungan: study visits from and to other regions, and what they lead to."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, ChildMixin, RecordMixin
from desktop.core.models.reference import Region

if TYPE_CHECKING:
    from desktop.core.models.aplikasi import Aplikasi
    from desktop.core.models.kerjasama import KerjaSama

kunjungan_kerjasama = Table(
    "kunjungan_kerjasama",
    Base.metadata,
    Column("kunjungan_id", ForeignKey("kunjungan.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "kerjasama_id", ForeignKey("kerjasama.id", ondelete="CASCADE"), primary_key=True,
        index=True,
    ),
)

kunjungan_aplikasi = Table(
    "kunjungan_aplikasi",
    Base.metadata,
    Column("kunjungan_id", ForeignKey("kunjungan.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "aplikasi_id", ForeignKey("aplikasi.id", ondelete="CASCADE"), primary_key=True,
        index=True,
    ),
)


class PesertaKunjungan(ChildMixin, Base):
    """A member of the visiting delegation."""

    __tablename__ = "kunjungan_peserta"

    kunjungan_id: Mapped[str] = mapped_column(
        ForeignKey("kunjungan.id", ondelete="CASCADE"), nullable=False, index=True
    )
    nama: Mapped[str] = mapped_column(String(120), nullable=False)
    jabatan: Mapped[str | None] = mapped_column(String(200))
    instansi: Mapped[str | None] = mapped_column(String(200))


class TindakLanjut(ChildMixin, Base):
    """A follow-up item agreed during a visit: what, who, by when, how far."""

    __tablename__ = "kunjungan_tindak_lanjut"

    kunjungan_id: Mapped[str] = mapped_column(
        ForeignKey("kunjungan.id", ondelete="CASCADE"), nullable=False, index=True
    )
    uraian: Mapped[str] = mapped_column(Text, nullable=False)
    penanggung_jawab: Mapped[str | None] = mapped_column(String(200))
    tenggat: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="belum")
    catatan: Mapped[str | None] = mapped_column(Text)


class Kunjungan(RecordMixin, Base):
    __tablename__ = "kunjungan"

    arah: Mapped[str] = mapped_column(String(10), nullable=False)
    tanggal_mulai: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date)
    region_kode: Mapped[str | None] = mapped_column(ForeignKey("region.kode"), index=True)
    instansi: Mapped[str] = mapped_column(String(200), nullable=False)
    ketua_nama: Mapped[str | None] = mapped_column(String(120))
    ketua_jabatan: Mapped[str | None] = mapped_column(String(200))
    jumlah_peserta: Mapped[int | None] = mapped_column(Integer)
    penerima: Mapped[str | None] = mapped_column(Text)
    lokasi: Mapped[str | None] = mapped_column(String(200))
    topik: Mapped[str | None] = mapped_column(Text)
    ringkasan: Mapped[str | None] = mapped_column(Text)

    region: Mapped[Region | None] = relationship()
    peserta: Mapped[list[PesertaKunjungan]] = relationship(
        cascade="all, delete-orphan", order_by=PesertaKunjungan.urutan
    )
    tindak_lanjut: Mapped[list[TindakLanjut]] = relationship(
        cascade="all, delete-orphan", order_by=TindakLanjut.urutan
    )
    kerjasama: Mapped[list[KerjaSama]] = relationship(
        secondary=kunjungan_kerjasama, back_populates="kunjungan"
    )
    aplikasi: Mapped[list[Aplikasi]] = relationship(secondary=kunjungan_aplikasi)
