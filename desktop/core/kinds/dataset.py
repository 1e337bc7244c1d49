"""Dataset (Satu Data Indonesia)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.choices import (
    FORMAT_DATA,
    FREKUENSI,
    SIFAT_DATA,
    STATUS_VERIFIKASI,
    TINGKAT_PENYAJIAN,
)
from desktop.core.fields import STORED_TEXT_LIMIT, Collection, Field, FieldType
from desktop.core.freshness import freshness_clause, overdue_clause, parse_state_filter
from desktop.core.i18n import Label, t
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import Dataset as M
from desktop.core.models import DatasetResource, PerangkatDaerah
from desktop.core.validation import Errors, add_error, check_date_order


def _state(value: object) -> tuple[str, Any, Any, date]:
    state, day = parse_state_filter(value)
    return state, M.frekuensi, M.terakhir_diperbarui, day


FIELDS = (
    # typed here: a sensible length; pulled from a catalog (or kept as it is): whole
    Field("judul", Label("Judul"), required=True, max_length=300,
          stored_length=STORED_TEXT_LIMIT),
    Field("deskripsi", Label("Deskripsi"), FieldType.LONGTEXT,
          stored_length=STORED_TEXT_LIMIT),
    Field("opd_id", Label("Produsen data (OPD)"), FieldType.REF,
          ref="opd", required=True),
    Field("walidata", Label("Walidata"), default="Diskominfo"),
    Field("kontak_nama", Label("Nama kontak"), max_length=120),
    Field("kontak_email", Label("Email kontak"), FieldType.EMAIL,
          max_length=120),
    Field("konsep", Label("Konsep"), FieldType.LONGTEXT, max_length=5000,
          stored_length=STORED_TEXT_LIMIT),
    Field("definisi", Label("Definisi"), FieldType.LONGTEXT, max_length=5000,
          stored_length=STORED_TEXT_LIMIT),
    Field("klasifikasi", Label("Klasifikasi")),
    Field("ukuran", Label("Ukuran")),
    Field("satuan", Label("Satuan"), max_length=80),
    Field("frekuensi", Label("Frekuensi"), FieldType.CHOICE, required=True,
          choices=FREKUENSI, default="tahunan"),
    Field("tahun", Label("Tahun data"), FieldType.YEAR),
    Field("periode", Label("Periode"), max_length=80),
    Field("tingkat_penyajian", Label("Tingkat penyajian"),
          FieldType.CHOICE, choices=TINGKAT_PENYAJIAN),
    Field("cakupan_kode", Label("Cakupan wilayah"), FieldType.REGION),
    Field("format", Label("Format"), FieldType.CHOICES, choices=FORMAT_DATA),
    Field("sifat_data", Label("Sifat data", context="dataset"), FieldType.CHOICE, required=True,
          choices=SIFAT_DATA, default="terbuka"),
    Field("dasar_pengecualian", Label("Dasar pengecualian"),
          FieldType.LONGTEXT, max_length=2000, stored_length=STORED_TEXT_LIMIT),
    Field("lisensi", Label("Lisensi"), max_length=60, default="CC-BY-4.0"),
    Field("tanggal_rilis", Label("Tanggal rilis"), FieldType.DATE),
    Field("terakhir_diperbarui", Label("Terakhir diperbarui"), FieldType.DATE),
    Field("status_verifikasi", Label("Verifikasi walidata"),
          FieldType.CHOICE, required=True, choices=STATUS_VERIFIKASI, default="belum"),
    Field("portal_url", Label("Alamat di portal"), FieldType.URL),
    Field("data_pribadi", Label("Memuat data pribadi (UU PDP)"),
          FieldType.BOOL, default=False),
    Field("tags", Label("Kata kunci"), FieldType.TAGS),
)

RESOURCES = Collection(
    name="resources",
    label=Label("Sumber data"),
    model=DatasetResource,
    parent_key="dataset_id",
    fields=(
        Field("nama", Label("Nama"), required=True),
        Field("url", Label("URL"), FieldType.URL),
        Field("format", Label("Format"), max_length=20),
        Field("deskripsi", Label("Deskripsi"), FieldType.LONGTEXT,
              max_length=2000, stored_length=STORED_TEXT_LIMIT),
    ),
)


def exemption_needs_basis(
    _session: Session, values: dict[str, Any], errors: Errors, _record: Any
) -> None:
    """UU 14/2008 Pasal 17: excluded information must say on what grounds."""
    if values.get("sifat_data") == "dikecualikan" and not values.get("dasar_pengecualian"):
        add_error(errors, "dasar_pengecualian",
                  t("Data yang dikecualikan wajib menyebut dasar pengecualiannya."))


def release_before_update(
    _session: Session, values: dict[str, Any], errors: Errors, _record: Any
) -> None:
    check_date_order(errors, values, "tanggal_rilis", "terakhir_diperbarui")


def _opd_name():  # type: ignore[no-untyped-def]
    return select(PerangkatDaerah.nama).where(PerangkatDaerah.id == M.opd_id).scalar_subquery()


KIND = RecordKind(
    name="datasets",
    aliases=("dataset",),
    label=Label("Dataset"),
    plural=Label("Dataset", context="plural"),
    model=M,
    fields=FIELDS,
    collections=(RESOURCES,),
    columns=(
        ListColumn("judul", Label("Judul"), lambda: M.judul),
        ListColumn("opd", Label("Produsen data", context="dataset"), _opd_name,
                   sort_via=("opd_id", PerangkatDaerah.nama)),
        ListColumn("sifat_data", Label("Sifat"), lambda: M.sifat_data, SIFAT_DATA),
        ListColumn("frekuensi", Label("Frekuensi"), lambda: M.frekuensi,
                   FREKUENSI),
        ListColumn("tahun", Label("Tahun"), lambda: M.tahun),
        ListColumn("terakhir_diperbarui", Label("Diperbarui"),
                   lambda: M.terakhir_diperbarui),
    ),
    title=lambda r: r.judul,
    subtitle=lambda r: r.opd.nama if r.opd else "",
    search_text=lambda r: words(
        r.judul, r.deskripsi, r.opd.nama if r.opd else None, r.opd.singkatan if r.opd else None,
        r.satuan, r.klasifikasi, r.periode, " ".join(r.tags or []),
    ),
    rules=(exemption_needs_basis, release_before_update),
    default_sort=("judul",),
    search_sort="judul",
    filters={
        # "terlambat=1": scheduled for an update that has not come (as of today)
        "terlambat": lambda v: overdue_clause(M.frekuensi, M.terakhir_diperbarui, date.today(),
                                              overdue=str(v).lower() not in ("0", "false")),
        # "kesegaran=segera" or "kesegaran=segera@2026-11-28": one Beranda freshness bucket
        "kesegaran": lambda v: freshness_clause(*_state(v)),
    },
)
