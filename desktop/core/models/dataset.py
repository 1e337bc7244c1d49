"""Dataset under Satu Data Indonesia (Perpres 39/2019), with its resources."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, ChildMixin, RecordMixin
from desktop.core.models.opd import PerangkatDaerah
from desktop.core.models.reference import Region


class DatasetResource(ChildMixin, Base):
    """A file or URL under a dataset (CKAN's resource)."""

    __tablename__ = "dataset_resource"

    dataset_id: Mapped[str] = mapped_column(
        ForeignKey("dataset.id", ondelete="CASCADE"), nullable=False, index=True
    )
    nama: Mapped[str] = mapped_column(String(200), nullable=False)
    url: Mapped[str | None] = mapped_column(String(500))
    format: Mapped[str | None] = mapped_column(String(20))
    deskripsi: Mapped[str | None] = mapped_column(Text)


class Dataset(RecordMixin, Base):
    __tablename__ = "dataset"

    # a catalog's title can be any length and is stored whole (migration 0005); SQLite
    # never enforced the declared length, so only PostgreSQL's column changed type
    judul: Mapped[str] = mapped_column(String(300).with_variant(Text(), "postgresql"),
                                       nullable=False)
    deskripsi: Mapped[str | None] = mapped_column(Text)
    opd_id: Mapped[str | None] = mapped_column(ForeignKey("perangkat_daerah.id"), index=True)
    walidata: Mapped[str | None] = mapped_column(String(200))
    kontak_nama: Mapped[str | None] = mapped_column(String(120))
    kontak_email: Mapped[str | None] = mapped_column(String(120))
    konsep: Mapped[str | None] = mapped_column(Text)
    definisi: Mapped[str | None] = mapped_column(Text)
    klasifikasi: Mapped[str | None] = mapped_column(String(200))
    ukuran: Mapped[str | None] = mapped_column(String(200))
    satuan: Mapped[str | None] = mapped_column(String(80))
    frekuensi: Mapped[str] = mapped_column(String(20), nullable=False, default="tahunan")
    tahun: Mapped[int | None] = mapped_column(Integer)
    periode: Mapped[str | None] = mapped_column(String(80))
    tingkat_penyajian: Mapped[str | None] = mapped_column(String(20))
    cakupan_kode: Mapped[str | None] = mapped_column(ForeignKey("region.kode"))
    format: Mapped[list[str]] = mapped_column(default=list)
    sifat_data: Mapped[str] = mapped_column(String(20), nullable=False, default="terbuka")
    dasar_pengecualian: Mapped[str | None] = mapped_column(Text)
    lisensi: Mapped[str | None] = mapped_column(String(60))
    tanggal_rilis: Mapped[date | None] = mapped_column(Date)
    terakhir_diperbarui: Mapped[date | None] = mapped_column(Date, index=True)
    status_verifikasi: Mapped[str] = mapped_column(String(20), nullable=False, default="belum")
    portal_url: Mapped[str | None] = mapped_column(String(500))
    data_pribadi: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    tags: Mapped[list[str]] = mapped_column(default=list)

    opd: Mapped[PerangkatDaerah | None] = relationship()
    cakupan: Mapped[Region | None] = relationship()
    resources: Mapped[list[DatasetResource]] = relationship(
        cascade="all, delete-orphan", order_by=DatasetResource.urutan
    )
