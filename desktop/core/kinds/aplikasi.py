"""Aplikasi: the SPBE application register."""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.choices import (
    JENIS_APLIKASI,
    LAYANAN_APLIKASI,
    PENGEMBANG_APLIKASI,
    PERAN_DATASET_APLIKASI,
    PLATFORM_APLIKASI,
    SASARAN_APLIKASI,
    STATUS_APLIKASI,
)
from desktop.core.fields import Collection, Field, FieldType
from desktop.core.i18n import Label
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import Aplikasi as M
from desktop.core.models import AplikasiDataset, PerangkatDaerah

FIELDS = (
    Field("nama", Label("Nama aplikasi", context="aplikasi"), required=True),
    Field("singkatan", Label("Singkatan", context="aplikasi"), max_length=60),
    Field("deskripsi", Label("Deskripsi"), FieldType.LONGTEXT),
    Field("opd_pemilik_id", Label("OPD pemilik"), FieldType.REF, ref="opd",
          required=True),
    Field("opd_pengelola_id", Label("OPD pengelola teknis"), FieldType.REF,
          ref="opd"),
    Field("pic_nama", Label("Nama PIC"), max_length=120),
    Field("pic_nip", Label("NIP PIC"), FieldType.NIP),
    Field("pic_kontak", Label("Kontak PIC"), max_length=120),
    Field("jenis", Label("Jenis aplikasi"), FieldType.CHOICE,
          required=True, choices=JENIS_APLIKASI, default="khusus"),
    Field("layanan", Label("Layanan"), FieldType.CHOICE, choices=LAYANAN_APLIKASI),
    Field("sasaran", Label("Sasaran"), FieldType.CHOICES, choices=SASARAN_APLIKASI),
    Field("platform", Label("Platform"), FieldType.CHOICES,
          choices=PLATFORM_APLIKASI),
    Field("url", Label("Alamat aplikasi"), FieldType.URL,
          max_length=300),
    Field("bahasa_pemrograman", Label("Bahasa pemrograman"),
          max_length=80),
    Field("framework", Label("Framework"), max_length=80),
    Field("dbms", Label("DBMS"), max_length=80),
    Field("lisensi", Label("Lisensi"), max_length=80),
    Field("repositori", Label("Repositori kode"), FieldType.URL,
          max_length=300),
    Field("pengembang", Label("Pengembang"), FieldType.CHOICE,
          choices=PENGEMBANG_APLIKASI),
    Field("sumber_dana", Label("Sumber dana"), max_length=120),
    Field("tahun", Label("Tahun pembuatan"), FieldType.YEAR),
    Field("rekomendasi_nomor", Label("Nomor rekomendasi Diskominfo"), max_length=120),
    Field("rekomendasi_tanggal", Label("Tanggal rekomendasi"),
          FieldType.DATE),
    Field("status", Label("Status"), FieldType.CHOICE, required=True,
          choices=STATUS_APLIKASI, default="perencanaan"),
    Field("boleh_direplikasi", Label("Boleh direplikasi daerah lain"), FieldType.BOOL,
          default=False),
)

DATASETS = Collection(
    name="datasets",
    label=Label("Dataset terkait", context="aplikasi"),
    model=AplikasiDataset,
    parent_key="aplikasi_id",
    attribute="dataset_links",
    fields=(
        Field("dataset_id", Label("Dataset"), FieldType.REF, ref="datasets",
              required=True),
        Field("peran", Label("Peran"), FieldType.CHOICE, required=True,
              choices=PERAN_DATASET_APLIKASI, default="menggunakan"),
    ),
)


def _opd_name():  # type: ignore[no-untyped-def]
    return (
        select(PerangkatDaerah.nama)
        .where(PerangkatDaerah.id == M.opd_pemilik_id)
        .scalar_subquery()
    )


def _opd_words(record: M) -> str:
    opd = record.opd_pemilik
    return words(opd.nama, opd.singkatan) if opd else ""


KIND = RecordKind(
    name="apps",
    aliases=("aplikasi", "app"),
    label=Label("Aplikasi"),
    plural=Label("Aplikasi", context="plural"),
    model=M,
    fields=FIELDS,
    collections=(DATASETS,),
    columns=(
        ListColumn("nama", Label("Nama"), lambda: M.nama),
        ListColumn("singkatan", Label("Singkatan", context="aplikasi"), lambda: M.singkatan),
        ListColumn("opd", Label("OPD pemilik"), _opd_name,
                   sort_via=("opd_pemilik_id", PerangkatDaerah.nama)),
        ListColumn("jenis", Label("Jenis", context="aplikasi"), lambda: M.jenis, JENIS_APLIKASI),
        ListColumn("status", Label("Status"), lambda: M.status, STATUS_APLIKASI),
        ListColumn("tahun", Label("Tahun"), lambda: M.tahun),
    ),
    title=lambda r: r.nama,
    subtitle=lambda r: words(r.singkatan, r.opd_pemilik.nama if r.opd_pemilik else None),
    search_text=lambda r: words(
        r.nama, r.singkatan, r.deskripsi, _opd_words(r), r.bahasa_pemrograman, r.framework,
        r.url, r.rekomendasi_nomor,
    ),
    default_sort=("nama",),
    search_sort="nama",
)
