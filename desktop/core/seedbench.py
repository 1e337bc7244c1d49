"""Bulk synthetic data for benchmarks: N datasets with their OPDs, apps and visits.

Rows go in through the record services' multi-row INSERTs (``services.inserting``), not
through ``RecordService.create_many``: the point is a large database in seconds, and the
checks, audit rows and push marks of ``create_many`` would cost it four times as long
(3,000 datasets/s against 11,000, measured on 5,000). The rows are complete (search index
included) so lists, search and sync behave on them as on real data; they carry no audit
history and wait for no push.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from desktop.core.database import Database
from desktop.core.models import Aplikasi, Dataset, Kunjungan, PerangkatDaerah, SearchEntry, utcnow
from desktop.core.search import fold
from desktop.core.services.inserting import Plan, insert_rows

CHUNK = 5000

_TOPICS = (
    "Penduduk", "Penduduk Miskin", "Sekolah Dasar", "Guru", "Puskesmas", "Balita Gizi Buruk",
    "Jalan Kabupaten", "Jembatan", "Pelaku UMKM", "Wisatawan", "Hotel", "Pasar Tradisional",
    "Produksi Padi", "Produksi Kopi", "Ternak Sapi", "Nelayan", "Kecelakaan Lalu Lintas",
    "Pencari Kerja", "Koperasi", "Menara Telekomunikasi", "Titik Wi-Fi Publik", "Akta Kelahiran",
    "Izin Usaha", "Pendapatan Asli Daerah", "Bencana Banjir", "Rumah Tidak Layak Huni",
)
_ASPECTS = ("Jumlah", "Persentase", "Rasio", "Data", "Rekapitulasi", "Sebaran")
_LEVELS = ("Kecamatan", "Desa", "Kelurahan", "Jenis Kelamin", "Kelompok Umur", "Bulan")
_FREQ = ("harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "adhoc")
_SIFAT = ("terbuka",) * 8 + ("terbatas", "dikecualikan")
_OPD_NAMES = (
    "Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Sosial", "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Komunikasi dan Informatika", "Badan Perencanaan Pembangunan Daerah",
    "Badan Pendapatan Daerah", "Dinas Pariwisata", "Dinas Pertanian dan Pangan",
    "Dinas Perikanan", "Dinas Perhubungan", "Dinas Tenaga Kerja", "Dinas Koperasi dan UMKM",
    "Badan Penanggulangan Bencana Daerah", "Dinas Perumahan dan Permukiman",
)


@dataclass
class SeedReport:
    opd: int
    apps: int
    datasets: int
    visits: int
    seconds: float


def _chunks(rows: Iterator[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bulk(session: Session, table: Table, rows: Iterator[dict[str, Any]],
          plans: dict[tuple[str, tuple[str, ...]], Plan] | None = None) -> None:
    for batch in _chunks(rows):
        insert_rows(session.connection(), table, batch, {} if plans is None else plans)


def seed_bench(db: Database, n: int, *, seed: int = 39,
               progress: Callable[[int, int], None] | None = None) -> SeedReport:
    """Add ``n`` synthetic datasets (plus n/100 apps, n/200 visits, and OPDs) in one go."""
    if n < 0:
        raise ValueError("n must be >= 0")
    started = time.perf_counter()
    rnd = random.Random(seed)
    now = utcnow()
    n_opd = max(5, min(400, n // 250 or 5))
    n_apps = max(1, n // 100)
    n_visits = max(1, n // 200)
    run = uuid.uuid4().hex[:6]
    opds = [
        {"id": str(uuid.uuid4()), "kode": f"B{run}.{i:04d}",
         "nama": f"{_OPD_NAMES[i % len(_OPD_NAMES)]} {i // len(_OPD_NAMES) + 1}",
         "jenis": "dinas"}
        for i in range(n_opd)
    ]
    meta = {"created_at": now, "updated_at": now, "version": 1}
    search_rows: list[dict[str, Any]] = []

    def indexed(kind: str, title: str, subtitle: str, row: dict[str, Any]) -> dict[str, Any]:
        search_rows.append({"jenis": kind, "record_id": row["id"], "judul": title,
                            "keterangan": subtitle, "teks": fold(f"{title} {subtitle}"),
                            "urutan": row["judul"] if kind == "datasets" else
                            row["nama"] if kind == "apps" else None})
        return row

    with db.session() as s:
        _bulk(s, PerangkatDaerah.__table__, (
            indexed("opd", o["nama"], o["kode"], {**meta, **o}) for o in opds
        ))

        def datasets() -> Iterator[dict[str, Any]]:
            for i in range(n):
                opd = opds[i % n_opd]
                year = 2015 + rnd.randrange(11)
                title = (f"{rnd.choice(_ASPECTS)} {rnd.choice(_TOPICS)} per "
                         f"{rnd.choice(_LEVELS)} Tahun {year} #{i + 1}")
                sifat = rnd.choice(_SIFAT)
                yield indexed("datasets", title, opd["nama"], {
                    **meta, "id": str(uuid.uuid4()), "judul": title, "opd_id": opd["id"],
                    "frekuensi": rnd.choice(_FREQ), "tahun": year, "sifat_data": sifat,
                    "dasar_pengecualian": "UU 14/2008 Pasal 17" if sifat == "dikecualikan"
                    else None,
                    "format": ["CSV"], "tags": [], "status_verifikasi": "belum",
                    "data_pribadi": False, "lisensi": "CC-BY-4.0", "walidata": "Diskominfo",
                    "terakhir_diperbarui": date(year, 12, 31) - timedelta(days=rnd.randrange(365)),
                })
                if progress and (i + 1) % CHUNK == 0:
                    progress(i + 1, n)

        _bulk(s, Dataset.__table__, datasets())
        _bulk(s, Aplikasi.__table__, (
            indexed("apps", f"Aplikasi Layanan {i + 1}", opds[i % n_opd]["nama"], {
                **meta, "id": str(uuid.uuid4()), "nama": f"Aplikasi Layanan {i + 1}",
                "opd_pemilik_id": opds[i % n_opd]["id"], "jenis": "khusus",
                "status": "operasional", "sasaran": ["G2C"], "platform": ["web"],
                "boleh_direplikasi": False,
            })
            for i in range(n_apps)
        ))
        _bulk(s, Kunjungan.__table__, (
            indexed("visits", f"Studi Tiru Daerah {i + 1}", "", {
                **meta, "id": str(uuid.uuid4()), "arah": ("masuk", "keluar")[i % 2],
                "tanggal_mulai": date(2016, 1, 1) + timedelta(days=rnd.randrange(3650)),
                "instansi": f"Studi Tiru Daerah {i + 1}",
            })
            for i in range(n_visits)
        ))
        _bulk(s, SearchEntry.__table__, iter(search_rows))
    if progress:
        progress(n, n)
    return SeedReport(opd=n_opd, apps=n_apps, datasets=n, visits=n_visits,
                      seconds=time.perf_counter() - started)
