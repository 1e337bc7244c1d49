"""Deployment: releases of applications on the office's servers."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.choices import LINGKUNGAN, LOKASI_DEPLOYMENT, STATUS_DEPLOYMENT
from desktop.core.fields import Field, FieldType
from desktop.core.i18n import Label, t
from desktop.core.kinds.base import ListColumn, RecordKind, words
from desktop.core.models import Aplikasi
from desktop.core.models import Deployment as M
from desktop.core.validation import Errors, add_error

_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")

FIELDS = (
    Field("aplikasi_id", Label("Aplikasi"), FieldType.REF, ref="apps",
          required=True),
    Field("versi", Label("Versi"), max_length=60),
    Field("lingkungan", Label("Lingkungan"), FieldType.CHOICE, required=True,
          choices=LINGKUNGAN, default="produksi"),
    Field("host", Label("Host / VM")),
    Field("lokasi", Label("Lokasi", context="deployment"), FieldType.CHOICE,
          choices=LOKASI_DEPLOYMENT),
    Field("domain", Label("Domain / subdomain"), max_length=255),
    Field("ssl_berakhir", Label("Sertifikat SSL berakhir"),
          FieldType.DATE),
    Field("jadwal_backup", Label("Jadwal backup"), max_length=120),
    Field("uji_restore_terakhir", Label("Uji restore terakhir"),
          FieldType.DATE),
    Field("tanggal", Label("Tanggal deployment"), FieldType.DATE,
          required=True),
    Field("pelaksana", Label("Pelaksana"), max_length=120),
    Field("status", Label("Status"), FieldType.CHOICE, required=True,
          choices=STATUS_DEPLOYMENT, default="direncanakan"),
    Field("catatan", Label("Catatan"), FieldType.LONGTEXT),
    Field("tte_bsre", Label("Memakai TTE BSrE"), FieldType.BOOL,
          default=False),
)


def domain_is_hostname(_s: Session, values: dict[str, Any], errors: Errors, _r: Any) -> None:
    domain = values.get("domain")
    if domain and not _DOMAIN.match(domain.lower()):
        add_error(errors, "domain",
                  t("Nama domain tidak valid (contoh: layanan.banyuwangikab.go.id)."))


def _app_name():  # type: ignore[no-untyped-def]
    return select(Aplikasi.nama).where(Aplikasi.id == M.aplikasi_id).scalar_subquery()


KIND = RecordKind(
    name="deployments",
    aliases=("deployment",),
    label=Label("Deployment"),
    plural=Label("Deployment", context="plural"),
    model=M,
    fields=FIELDS,
    columns=(
        ListColumn("tanggal", Label("Tanggal"), lambda: M.tanggal),
        ListColumn("aplikasi", Label("Aplikasi"), _app_name),
        ListColumn("versi", Label("Versi"), lambda: M.versi),
        ListColumn("lingkungan", Label("Lingkungan"), lambda: M.lingkungan,
                   LINGKUNGAN),
        ListColumn("domain", Label("Domain"), lambda: M.domain),
        ListColumn("status", Label("Status"), lambda: M.status, STATUS_DEPLOYMENT),
    ),
    title=lambda r: words(r.aplikasi.nama if r.aplikasi else "", r.versi),
    subtitle=lambda r: words(r.domain, f"{r.tanggal:%d/%m/%Y}"),
    search_text=lambda r: words(
        r.aplikasi.nama if r.aplikasi else None, r.versi, r.host, r.domain, r.pelaksana,
        r.catatan,
    ),
    rules=(domain_is_hostname,),
    default_sort=("-tanggal",),
)
