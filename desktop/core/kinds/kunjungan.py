"""Kunjungan: study visits, incoming and outgoing."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.choices import ARAH_KUNJUNGAN, STATUS_TINDAK_LANJUT
from desktop.core.fields import Collection, Field, FieldType
from desktop.core.i18n import Label
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import Kunjungan as M
from desktop.core.models import PesertaKunjungan, Region, TindakLanjut
from desktop.core.validation import Errors, check_date_order

OPEN_FOLLOW_UP = ("belum", "proses")


def _day(value: object) -> date:
    text = str(value)
    return date.today() if text in ("1", "true", "True") else date.fromisoformat(text)


def follow_up_overdue_clause(today: date) -> Any:
    """Visits with an unfinished follow-up whose deadline has passed by ``today``."""
    return (select(TindakLanjut.id)
            .where(TindakLanjut.kunjungan_id == M.id, TindakLanjut.tenggat < today,
                   TindakLanjut.status.in_(OPEN_FOLLOW_UP))
            .exists())


FIELDS = (
    Field("arah", Label("Arah kunjungan"), FieldType.CHOICE, required=True,
          choices=ARAH_KUNJUNGAN, default="masuk"),
    Field("tanggal_mulai", Label("Tanggal mulai"), FieldType.DATE, required=True),
    Field("tanggal_selesai", Label("Tanggal selesai"), FieldType.DATE),
    Field("region_kode", Label("Daerah mitra"), FieldType.REGION),
    Field("instansi", Label("Instansi"), required=True),
    Field("ketua_nama", Label("Ketua rombongan"), max_length=120),
    Field("ketua_jabatan", Label("Jabatan ketua rombongan")),
    Field("jumlah_peserta", Label("Jumlah peserta"), FieldType.INT,
          minimum=0, maximum=10_000),
    Field("penerima", Label("Pejabat penerima / yang ditemui"),
          FieldType.LONGTEXT, max_length=2000),
    Field("lokasi", Label("Lokasi")),
    Field("topik", Label("Topik", context="kunjungan"), FieldType.LONGTEXT, max_length=5000),
    Field("ringkasan", Label("Ringkasan / notulen"), FieldType.LONGTEXT),
    Field("kerjasama_ids", Label("Kerja sama terkait", context="kunjungan"), FieldType.REFS,
          ref="agreements"),
    Field("aplikasi_ids", Label("Aplikasi yang diminati", context="kunjungan"),
          FieldType.REFS, ref="apps"),
)

PESERTA = Collection(
    name="peserta",
    label=Label("Peserta"),
    model=PesertaKunjungan,
    parent_key="kunjungan_id",
    fields=(
        Field("nama", Label("Nama"), required=True, max_length=120),
        Field("jabatan", Label("Jabatan")),
        Field("instansi", Label("Instansi")),
    ),
)

TINDAK_LANJUT = Collection(
    name="tindak_lanjut",
    label=Label("Tindak lanjut"),
    model=TindakLanjut,
    parent_key="kunjungan_id",
    fields=(
        Field("uraian", Label("Uraian", context="kunjungan"), FieldType.LONGTEXT, required=True,
              max_length=2000),
        Field("penanggung_jawab", Label("Penanggung jawab", context="kunjungan")),
        Field("tenggat", Label("Tenggat"), FieldType.DATE),
        Field("status", Label("Status"), FieldType.CHOICE, required=True,
              choices=STATUS_TINDAK_LANJUT, default="belum"),
        Field("catatan", Label("Catatan"), FieldType.LONGTEXT, max_length=2000),
    ),
)


def dates_in_order(_s: Session, values: dict[str, Any], errors: Errors, _r: Any) -> None:
    check_date_order(errors, values, "tanggal_mulai", "tanggal_selesai")


def _region_name():  # type: ignore[no-untyped-def]
    return select(Region.nama).where(Region.kode == M.region_kode).scalar_subquery()


KIND = RecordKind(
    name="visits",
    aliases=("kunjungan", "visit"),
    label=Label("Kunjungan"),
    plural=Label("Kunjungan", context="plural"),
    model=M,
    fields=FIELDS,
    collections=(PESERTA, TINDAK_LANJUT),
    columns=(
        ListColumn("tanggal_mulai", Label("Tanggal"), lambda: M.tanggal_mulai),
        ListColumn("arah", Label("Arah"), lambda: M.arah, ARAH_KUNJUNGAN),
        ListColumn("daerah", Label("Daerah mitra"), _region_name),
        ListColumn("instansi", Label("Instansi"), lambda: M.instansi),
        ListColumn("ketua_nama", Label("Ketua rombongan"),
                   lambda: M.ketua_nama),
        ListColumn("jumlah_peserta", Label("Peserta"),
                   lambda: M.jumlah_peserta),
    ),
    title=lambda r: words(r.instansi, f"({r.tanggal_mulai:%d/%m/%Y})"),
    subtitle=lambda r: r.region.nama if r.region else "",
    search_text=lambda r: words(
        r.instansi, r.region.nama if r.region else None, r.ketua_nama, r.ketua_jabatan,
        r.lokasi, r.topik, r.ringkasan, r.penerima,
        " ".join(p.nama for p in r.peserta),
    ),
    rules=(dates_in_order,),
    default_sort=("-tanggal_mulai",),
    filters={
        "tahun": lambda v: M.tanggal_mulai.between(date(int(v), 1, 1), date(int(v), 12, 31)),
        "provinsi": lambda v: M.region_kode.startswith(f"{str(v).split('.')[0]}.")
        | (M.region_kode == str(v).split(".")[0]),
        # "tindak_lanjut_terlambat=2026-11-28" (or 1 for today): an open follow-up is late
        "tindak_lanjut_terlambat": lambda v: follow_up_overdue_clause(_day(v)),
    },
)
