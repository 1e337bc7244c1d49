"""Dataset under Satu Data Indonesia (Perpres 39/2019), with its resources."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    literal_column,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, ChildMixin, RecordMixin, record_indexes
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


# The Beranda counts its datasets by frequency, last update and sifat as ranges of one
# index over live rows (migration 0010): judging each row's freshness with a CASE took
# 80-170 ms at 100,000 datasets, counting the ranges ~50 ms. ``frekuensi >= ''`` is true
# of every row (the column is NOT NULL text) and is there for SQLite's planner: it takes
# a partial index only for a query whose WHERE holds the index's own terms, so the lists
# (``frekuensi = ?``, a plain count of live rows) never walk this index in place of the
# table or the sort index; only the Beranda's queries, which say it, do. ``deleted_at``
# is a column of it only so that SQLite reads those counts from the index alone.
BERANDA_ROWS = "deleted_at IS NULL AND frekuensi >= ''"


class Dataset(RecordMixin, Base):
    __tablename__ = "dataset"
    __table_args__ = (*record_indexes("dataset"),
                      Index("ix_dataset_beranda", "frekuensi", "terakhir_diperbarui",
                            "sifat_data", "deleted_at", sqlite_where=text(BERANDA_ROWS),
                            postgresql_where=text(BERANDA_ROWS)))

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


def beranda_rows() -> tuple[ColumnElement[Any], ...]:
    """The live datasets as the Beranda asks for them: ``BERANDA_ROWS`` term for term,
    so SQLite counts them from ``ix_dataset_beranda``."""
    return (Dataset.deleted_at.is_(None), Dataset.frekuensi >= literal_column("''"))
