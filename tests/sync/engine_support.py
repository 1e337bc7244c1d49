"""Helpers for the engine tests: a desk with an OPD matching the catalog's organization,
engines with small pages and no pause between writes, a full Satu Data dataset."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from desktop.core.desk import Desk
from desktop.sync.client import CatalogClient
from desktop.sync.engine import SyncEngine, SyncOptions
from desktop.sync.values import normalize

QUICK = SyncOptions(page_size=5, overlap=timedelta(seconds=1), prefetch=True,
                    lock_stale_after=timedelta(seconds=30))
ORG_TITLE = "Dinas Komunikasi dan Informatika"


def add_opd(desk: Desk, nama: str = ORG_TITLE, kode: str = "2.16.2.20") -> str:
    """An OPD; the default one matches the test catalog's ``diskominfo`` organization."""
    singkatan = "Diskominfo" if nama == ORG_TITLE else None
    return str(desk.opd.create({"kode": kode, "nama": nama, "singkatan": singkatan})["id"])


def full_dataset(opd_id: str, **overrides: Any) -> dict[str, Any]:
    """Every field the catalog mapping carries, with non-default values."""
    data: dict[str, Any] = {
        "judul": "Jumlah Penduduk Menurut Kecamatan", "deskripsi": "Data kependudukan semester.",
        "opd_id": opd_id, "walidata": "Diskominfo Kabupaten", "kontak_nama": "Sari Wulandari",
        "kontak_email": "sari@contoh.go.id", "konsep": "Penduduk adalah ...",
        "definisi": "Jumlah orang yang ...", "klasifikasi": "Kecamatan", "ukuran": "Jumlah",
        "satuan": "jiwa", "frekuensi": "semesteran", "tahun": 2025, "periode": "Semester I",
        "tingkat_penyajian": "kecamatan", "cakupan_kode": "35.10", "format": ["CSV", "XLSX"],
        "sifat_data": "terbuka", "lisensi": "CC-BY-4.0", "tanggal_rilis": "2025-02-01",
        "terakhir_diperbarui": "2025-07-15", "data_pribadi": False,
        "tags": ["kependudukan", "kecamatan"],
        "resources": [{"nama": "Tabel 2025", "url": "https://data.contoh.go.id/p.csv",
                       "format": "CSV", "deskripsi": "Semester I"}],
    }
    data.update(overrides)
    return data


def mapped(desk: Desk, record_id: str) -> dict[str, Any]:
    """The synced fields of a record, resource ids left out (each side may differ)."""
    values = normalize(desk.datasets.get(record_id))
    values["resources"] = [{k: v for k, v in r.items() if k != "id"}
                           for r in values["resources"]]
    return values


def make_engine(desk: Desk, client: CatalogClient, **options: Any) -> SyncEngine:
    from dataclasses import replace

    return SyncEngine(desk, client, replace(QUICK, **options))


EngineFactory = Callable[..., SyncEngine]
