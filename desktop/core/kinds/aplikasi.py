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
    Field("nama", Label("Nama aplikasi", "Application name"), required=True),
    Field("singkatan", Label("Singkatan", "Short name"), max_length=60),
    Field("deskripsi", Label("Deskripsi", "Description"), FieldType.LONGTEXT),
    Field("opd_pemilik_id", Label("OPD pemilik", "Owning OPD"), FieldType.REF, ref="opd",
          required=True),
    Field("opd_pengelola_id", Label("OPD pengelola teknis", "Technical OPD"), FieldType.REF,
          ref="opd"),
    Field("pic_nama", Label("Nama PIC", "Contact person"), max_length=120),
    Field("pic_nip", Label("NIP PIC", "Contact's NIP"), FieldType.NIP),
    Field("pic_kontak", Label("Kontak PIC", "Contact details"), max_length=120),
    Field("jenis", Label("Jenis aplikasi", "Application type"), FieldType.CHOICE,
          required=True, choices=JENIS_APLIKASI, default="khusus"),
    Field("layanan", Label("Layanan", "Service"), FieldType.CHOICE, choices=LAYANAN_APLIKASI),
    Field("sasaran", Label("Sasaran", "Audience"), FieldType.CHOICES, choices=SASARAN_APLIKASI),
    Field("platform", Label("Platform", "Platform"), FieldType.CHOICES,
          choices=PLATFORM_APLIKASI),
    Field("url", Label("Alamat aplikasi", "Application address"), FieldType.URL,
          max_length=300),
    Field("bahasa_pemrograman", Label("Bahasa pemrograman", "Programming language"),
          max_length=80),
    Field("framework", Label("Framework", "Framework"), max_length=80),
    Field("dbms", Label("DBMS", "DBMS"), max_length=80),
    Field("lisensi", Label("Lisensi", "Licence"), max_length=80),
    Field("repositori", Label("Repositori kode", "Source repository"), FieldType.URL,
          max_length=300),
    Field("pengembang", Label("Pengembang", "Developer"), FieldType.CHOICE,
          choices=PENGEMBANG_APLIKASI),
    Field("sumber_dana", Label("Sumber dana", "Funding source"), max_length=120),
    Field("tahun", Label("Tahun pembuatan", "Year built"), FieldType.YEAR),
    Field("rekomendasi_nomor", Label("Nomor rekomendasi Diskominfo",
                                     "Diskominfo recommendation number"), max_length=120),
    Field("rekomendasi_tanggal", Label("Tanggal rekomendasi", "Recommendation date"),
          FieldType.DATE),
    Field("status", Label("Status", "Status"), FieldType.CHOICE, required=True,
          choices=STATUS_APLIKASI, default="perencanaan"),
    Field("boleh_direplikasi", Label("Boleh direplikasi daerah lain",
                                     "Other regions may replicate it"), FieldType.BOOL,
          default=False),
)

DATASETS = Collection(
    name="datasets",
    label=Label("Dataset terkait", "Related datasets"),
    model=AplikasiDataset,
    parent_key="aplikasi_id",
    attribute="dataset_links",
    fields=(
        Field("dataset_id", Label("Dataset", "Dataset"), FieldType.REF, ref="datasets",
              required=True),
        Field("peran", Label("Peran", "Role"), FieldType.CHOICE, required=True,
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
    label=Label("Aplikasi", "Application"),
    plural=Label("Aplikasi", "Applications"),
    model=M,
    fields=FIELDS,
    collections=(DATASETS,),
    columns=(
        ListColumn("nama", Label("Nama", "Name"), lambda: M.nama),
        ListColumn("singkatan", Label("Singkatan", "Short name"), lambda: M.singkatan),
        ListColumn("opd", Label("OPD pemilik", "Owning OPD"), _opd_name),
        ListColumn("jenis", Label("Jenis", "Type"), lambda: M.jenis, JENIS_APLIKASI),
        ListColumn("status", Label("Status", "Status"), lambda: M.status, STATUS_APLIKASI),
        ListColumn("tahun", Label("Tahun", "Year"), lambda: M.tahun),
    ),
    title=lambda r: r.nama,
    subtitle=lambda r: words(r.singkatan, r.opd_pemilik.nama if r.opd_pemilik else None),
    search_text=lambda r: words(
        r.nama, r.singkatan, r.deskripsi, _opd_words(r), r.bahasa_pemrograman, r.framework,
        r.url, r.rekomendasi_nomor,
    ),
    default_sort=("nama",),
)
