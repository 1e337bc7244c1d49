"""Reference data (regions) and this office's own profile."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop.core.models.base import Base, RecordMixin


def is_autonomous_code(kode: str) -> bool:
    """Provinsi, kabupaten and kota are autonomous; Jakarta's administrative ones are not."""
    return not (kode == "31.01" or kode.startswith("31.7"))


class Region(Base):
    """A province, kabupaten or kota with its Kemendagri code (e.g. ``35.10``)."""

    __tablename__ = "region"

    kode: Mapped[str] = mapped_column(String(13), primary_key=True)
    nama: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    jenis: Mapped[str] = mapped_column(String(20), nullable=False)
    kode_induk: Mapped[str | None] = mapped_column(String(13))

    @property
    def is_autonomous(self) -> bool:
        """Jakarta's administrative kabupaten/kota cannot be a party to a KSDD."""
        return is_autonomous_code(self.kode)


class OfficeProfile(RecordMixin, Base):
    """The office using this database: one row, read into documents and reports."""

    __tablename__ = "office_profile"

    region_kode: Mapped[str | None] = mapped_column(ForeignKey("region.kode"))
    nama: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    alamat: Mapped[str | None] = mapped_column(Text)
    telepon: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(120))
    website: Mapped[str | None] = mapped_column(String(300))
    kepala_nama: Mapped[str | None] = mapped_column(String(120))
    kepala_jabatan: Mapped[str | None] = mapped_column(String(200))
    kepala_pangkat: Mapped[str | None] = mapped_column(String(120))
    kepala_nip: Mapped[str | None] = mapped_column(String(18))

    region: Mapped[Region | None] = relationship()
