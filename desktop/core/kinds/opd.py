"""Perangkat Daerah (OPD)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.choices import JENIS_OPD
from desktop.core.fields import Field, FieldType
from desktop.core.i18n import Label, t
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import PerangkatDaerah as M
from desktop.core.validation import Errors, add_error

FIELDS = (
    Field("kode", Label("Kode"), required=True, max_length=30),
    Field("nama", Label("Nama"), required=True),
    Field("singkatan", Label("Singkatan"), max_length=40),
    Field("jenis", Label("Jenis", context="opd"), FieldType.CHOICE, required=True,
          choices=JENIS_OPD, default="dinas"),
    Field("kepala_nama", Label("Nama kepala"), max_length=120),
    Field("kepala_nip", Label("NIP kepala"), FieldType.NIP),
    Field("alamat", Label("Alamat"), FieldType.LONGTEXT, max_length=1000),
    Field("telepon", Label("Telepon"), max_length=50),
    Field("email", Label("Email"), FieldType.EMAIL, max_length=120),
    Field("website", Label("Situs web"), FieldType.URL, max_length=300),
)


def unique_kode(session: Session, values: dict[str, Any], errors: Errors, record: Any) -> None:
    """Two live OPDs with one code would make imports and the catalog ambiguous."""
    kode = values.get("kode")
    if not kode:
        return
    query = select(func.count()).where(
        func.lower(M.kode) == kode.lower(), M.deleted_at.is_(None)
    )
    if record is not None:
        query = query.where(M.id != record.id)
    if session.scalar(query):
        add_error(errors, "kode", t("Kode {kode} sudah dipakai OPD lain.", kode=kode))


KIND = RecordKind(
    name="opd",
    label=Label("Perangkat Daerah"),
    plural=Label("Perangkat Daerah", context="plural"),
    model=M,
    fields=FIELDS,
    columns=(
        ListColumn("kode", Label("Kode"), lambda: M.kode),
        ListColumn("nama", Label("Nama"), lambda: M.nama),
        ListColumn("singkatan", Label("Singkatan"), lambda: M.singkatan),
        ListColumn("jenis", Label("Jenis", context="opd"), lambda: M.jenis, JENIS_OPD),
        ListColumn("kepala_nama", Label("Kepala"), lambda: M.kepala_nama),
    ),
    title=lambda r: r.nama,
    subtitle=lambda r: words(r.kode, r.singkatan),
    search_text=lambda r: words(r.kode, r.nama, r.singkatan, r.kepala_nama, r.alamat),
    rules=(unique_kode,),
    default_sort=("kode",),
)
