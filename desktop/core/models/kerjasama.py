"""Kerja Sama: a KB (MoU), a PKS carrying one out, or an addendum; as structured text.

The document is data (parties, premises, pasal -> ayat -> butir, lampiran) so that the
PDF is rendered from it and never edited as a file.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, ChildMixin, RecordMixin
from desktop.core.models.kunjungan import kunjungan_kerjasama
from desktop.core.models.reference import Region

if TYPE_CHECKING:
    from desktop.core.models.kunjungan import Kunjungan


class PihakKerjaSama(ChildMixin, Base):
    """A party, in order (PIHAK PERTAMA, KEDUA, ...), with its own number and signatory."""

    __tablename__ = "kerjasama_pihak"

    kerjasama_id: Mapped[str] = mapped_column(
        ForeignKey("kerjasama.id", ondelete="CASCADE"), nullable=False, index=True
    )
    region_kode: Mapped[str | None] = mapped_column(ForeignKey("region.kode"), index=True)
    nama_instansi: Mapped[str] = mapped_column(String(200), nullable=False)
    kedudukan: Mapped[str | None] = mapped_column(String(300))
    nomor_naskah: Mapped[str | None] = mapped_column(String(120))
    penandatangan_nama: Mapped[str | None] = mapped_column(String(120))
    penandatangan_jabatan: Mapped[str | None] = mapped_column(String(200))
    penandatangan_pangkat: Mapped[str | None] = mapped_column(String(120))
    penandatangan_nip: Mapped[str | None] = mapped_column(String(18))
    surat_kuasa_nomor: Mapped[str | None] = mapped_column(String(120))
    surat_kuasa_tanggal: Mapped[date | None] = mapped_column(Date)
    posisi_ttd: Mapped[str | None] = mapped_column(String(10))

    region: Mapped[Region | None] = relationship()


class ButirAyat(ChildMixin, Base):
    """A lettered point (a., b., ...) of a paragraph."""

    __tablename__ = "kerjasama_butir"

    ayat_id: Mapped[str] = mapped_column(
        ForeignKey("kerjasama_ayat.id", ondelete="CASCADE"), nullable=False, index=True
    )
    teks: Mapped[str] = mapped_column(Text, nullable=False)


class AyatPasal(ChildMixin, Base):
    """A paragraph (1), (2), ... of an article."""

    __tablename__ = "kerjasama_ayat"

    pasal_id: Mapped[str] = mapped_column(
        ForeignKey("kerjasama_pasal.id", ondelete="CASCADE"), nullable=False, index=True
    )
    teks: Mapped[str] = mapped_column(Text, nullable=False)

    butir: Mapped[list[ButirAyat]] = relationship(
        cascade="all, delete-orphan", order_by=ButirAyat.urutan
    )


class PasalKerjaSama(ChildMixin, Base):
    """An article: "Pasal N" and its heading."""

    __tablename__ = "kerjasama_pasal"

    kerjasama_id: Mapped[str] = mapped_column(
        ForeignKey("kerjasama.id", ondelete="CASCADE"), nullable=False, index=True
    )
    judul: Mapped[str] = mapped_column(String(200), nullable=False)

    ayat: Mapped[list[AyatPasal]] = relationship(
        cascade="all, delete-orphan", order_by=AyatPasal.urutan
    )


class LampiranBaris(ChildMixin, Base):
    """A row of the lampiran rencana kerja table."""

    __tablename__ = "kerjasama_lampiran"

    kerjasama_id: Mapped[str] = mapped_column(
        ForeignKey("kerjasama.id", ondelete="CASCADE"), nullable=False, index=True
    )
    kegiatan: Mapped[str] = mapped_column(Text, nullable=False)
    penanggung_jawab: Mapped[str | None] = mapped_column(String(200))
    waktu: Mapped[str | None] = mapped_column(String(120))
    keterangan: Mapped[str | None] = mapped_column(Text)


class KerjaSama(RecordMixin, Base):
    __tablename__ = "kerjasama"

    jenis: Mapped[str] = mapped_column(String(20), nullable=False)
    induk_id: Mapped[str | None] = mapped_column(ForeignKey("kerjasama.id"), index=True)
    judul: Mapped[str] = mapped_column(String(500), nullable=False)
    tempat_ttd: Mapped[str | None] = mapped_column(String(200))
    tanggal_ttd: Mapped[date | None] = mapped_column(Date, index=True)
    berlaku_mulai: Mapped[date | None] = mapped_column(Date)
    berlaku_sampai: Mapped[date | None] = mapped_column(Date, index=True)
    jangka_waktu_tahun: Mapped[int | None] = mapped_column(Integer)
    sumber_biaya: Mapped[str | None] = mapped_column(Text)
    tahun_anggaran_mulai: Mapped[int | None] = mapped_column(Integer)
    perlu_persetujuan_dprd: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    meterai: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    rangkap: Mapped[int] = mapped_column(Integer, nullable=False, default=2)
    status: Mapped[str] = mapped_column(String(30), nullable=False, default="persiapan")
    premis: Mapped[list[str]] = mapped_column(default=list)
    catatan: Mapped[str | None] = mapped_column(Text)

    induk: Mapped[KerjaSama | None] = relationship(remote_side="KerjaSama.id")
    pihak: Mapped[list[PihakKerjaSama]] = relationship(
        cascade="all, delete-orphan", order_by=PihakKerjaSama.urutan
    )
    pasal: Mapped[list[PasalKerjaSama]] = relationship(
        cascade="all, delete-orphan", order_by=PasalKerjaSama.urutan
    )
    lampiran: Mapped[list[LampiranBaris]] = relationship(
        cascade="all, delete-orphan", order_by=LampiranBaris.urutan
    )
    kunjungan: Mapped[list[Kunjungan]] = relationship(
        secondary=kunjungan_kerjasama, back_populates="kerjasama"
    )
