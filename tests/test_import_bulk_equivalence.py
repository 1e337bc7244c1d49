"""The import's bulk path leaves exactly what a row-by-row import leaves, on SQLite and
PostgreSQL: the same verdict and messages per row, the same summary, and per record the
same stored values, audit rows, search entry and mark for the catalog (ids and
timestamps apart). Row by row here is every new record through ``RecordService.create``
in its own savepoint (``create_many``'s fallback); the bulk path writes them in batches,
made small so that a duplicate, a refused row and an update fall on batch edges.

Also: the import reports progress up to the total, and a cancel leaves nothing behind.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from conftest import _truncate, opened_desk, sqlite_copy
from openpyxl import Workbook
from sqlalchemy import select
from test_create_many import _stored

from desktop.core.desk import Desk
from desktop.core.importing import ImportOutcome, auto_map, import_rows, read_sheet
from desktop.core.importing import run as import_run
from desktop.core.jobs import Cancelled, CancelToken
from desktop.core.models import AuditLog, SearchEntry
from desktop.core.services import creating, records, updating

OPDS = [("00000000-0000-4000-8000-0000000000a1", "2.16.01", "Dinas Komunikasi dan Informatika",
         "Diskominfo"),
        ("00000000-0000-4000-8000-0000000000a2", "1.02.01", "Dinas Kesehatan", "Dinkes")]
OLD_DATASET = "00000000-0000-4000-8000-0000000000d1"
OLD_DINKES = "00000000-0000-4000-8000-0000000000d2"
HEADERS = ["Judul", "Produsen data (OPD)", "Sifat data", "Frekuensi", "Tahun data",
           "Dasar pengecualian"]
ROWS: list[list[Any]] = [
    ["Jumlah Penduduk", "Diskominfo", "Terbuka", "Tahunan", 2024, None],
    ["Data Stunting", "Dinkes", "dikecualikan", "tahunan", None, None],  # no basis: refused
    ["Data Stunting", "Dinkes", "terbuka", "tahunan", None, None],  # so this one is new
    ["Data Stunting", "Dinkes", "terbuka", "bulanan", None, None],  # and this repeats it
    ["Data Gizi", "Dinas Hilang", "terbuka", "tahunan", None, None],  # unknown OPD
    ["Angka Kematian", "Dinkes", "Open", "Yearly", 2021, None],  # English labels
    ["Angka Kelahiran", "Dinkes", "terbuka", "tahunan", "dua ribu", None],  # not a year
    ["Sekolah Dasar", "Diskominfo", "terbuka", "tahunan", 2023, None],  # updates the old one
    ["sekolah  dasar", "diskominfo", "terbuka", "bulanan", 2022, None],  # repeats the update
    ["Data Rahasia", "Diskominfo", "dikecualikan", "tahunan", None, "UU 14/2008 pasal 17"],
    ["Jumlah Penduduk", "Diskominfo", "terbuka", "tahunan", 2025, None],  # repeats row 2
    *[[f"Kunjungan Wisata {i}", ("Diskominfo", "Dinkes")[i % 2], "terbuka", "bulanan",
       2000 + i, None] for i in range(7)],
    ["Data Lama", "Dinkes", "dikecualikan", "tahunan", None, None],  # a refused update
    ["Data Lama", "Dinkes", "terbuka", "bulanan", 2020, None],  # so this one updates it
]


def _seed(desk: Desk) -> None:
    for record_id, kode, nama, singkatan in OPDS:
        desk.opd.create({"id": record_id, "kode": kode, "nama": nama, "singkatan": singkatan,
                         "jenis": "dinas"})
    desk.datasets.create({"id": OLD_DATASET, "judul": "Sekolah Dasar", "opd_id": OPDS[0][0],
                          "frekuensi": "tahunan"})
    desk.datasets.create({"id": OLD_DINKES, "judul": "Data Lama", "opd_id": OPDS[1][0],
                          "frekuensi": "tahunan"})


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    for row in [HEADERS, *ROWS]:
        sheet.append(row)
    book.save(path)
    return path


def _import(desk: Desk, path: Path, **options: Any) -> ImportOutcome:
    sheet = read_sheet(path)
    return import_rows(desk, "datasets", sheet, auto_map("datasets", sheet.headers),
                       commit=True, **options)


def _left(desk: Desk, outcome: ImportOutcome) -> dict[str, Any]:
    """What the import said and stored, without ids and timestamps."""
    ids = [r.record_id for r in outcome.results if r.record_id]
    with desk.db.read_session() as s:
        stored = _stored(desk, "datasets", s, ids)
        audits = len(list(s.scalars(select(AuditLog.id).where(AuditLog.jenis == "datasets"))))
    return {"results": [(r.row, r.action, r.errors) for r in outcome.results],
            "summary": outcome.summary(), "stored": stored,
            "updated": [{OLD_DATASET: "old", OLD_DINKES: "lama"}.get(r.record_id or "")
                        for r in outcome.results if r.action == "update"],
            "audit_rows": audits}


def test_bulk_import_leaves_what_row_by_row_leaves(database_url: str, sqlite_template: Path,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sheet(tmp_path / "datasets.xlsx")
    second = database_url
    if database_url.startswith("postgresql"):
        pass  # the one session database, emptied between the two runs
    else:
        second = str(sqlite_copy(sqlite_template, tmp_path / "row_by_row.sqlite3"))

    with monkeypatch.context() as patch:  # batches of 3: every edge case meets an edge
        patch.setattr(import_run, "PendingCreates",
                      functools.partial(import_run.PendingCreates, size=3))
        patch.setattr(import_run, "PendingUpdates",
                      functools.partial(import_run.PendingUpdates, size=3))
        for desk in opened_desk(database_url):
            _seed(desk)
            bulk = _left(desk, _import(desk, path))
    if second == database_url:
        _truncate(database_url)

    with monkeypatch.context() as patch:
        patch.setattr(records, "bulk_capable", lambda service: False)
        calls: list[int] = []
        original = creating.one_by_one

        def counted(service: Any, s: Any, rows: Any) -> Any:
            rows = list(rows)
            calls.append(len(rows))
            return original(service, s, rows)

        patch.setattr(records, "one_by_one", counted)
        changed: list[int] = []

        def changed_one_by_one(service: Any, s: Any, changes: Any) -> Any:
            changes = list(changes)
            changed.append(len(changes))
            return updating.one_update_at_a_time(service, s, changes)

        patch.setattr(records, "update_many", changed_one_by_one)
        for desk in opened_desk(second):
            _seed(desk)
            slow = _left(desk, _import(desk, path))
        assert calls and changed  # the row-by-row paths did run

    assert [a for _, a, _ in bulk["results"]] == [
        "create", "error", "create", "error", "error", "create", "error", "update", "error",
        "create", "error", *["create"] * 7, "error", "update"]
    assert bulk["results"][3][2] == ["Sama dengan baris 4 (duplikat)."]
    assert bulk["results"][8][2] == ["Sama dengan baris 9 (duplikat)."]
    assert bulk["results"][10][2] == ["Sama dengan baris 2 (duplikat)."]
    assert bulk["results"][18][2] == [
        "Dasar pengecualian: Data yang dikecualikan wajib menyebut dasar pengecualiannya."]
    assert bulk["updated"] == ["old", "lama"]
    assert len(bulk["stored"]) == 13 and all(r["audit"] and r["search"] for r in bulk["stored"])
    assert bulk["stored"][2]["record"]["frekuensi"] == "tahunan"  # "Yearly"
    assert bulk == slow


def test_import_reports_progress_to_the_total_and_a_cancel_leaves_nothing(
        desk: Desk, tmp_path: Path) -> None:
    _seed(desk)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for i in range(1250):
        sheet.append([f"Data {i}", "Dinkes", "terbuka", "tahunan", 2000 + i % 25, None])
    book.save(tmp_path / "besar.xlsx")
    before = desk.datasets.count()

    seen: list[tuple[int, int]] = []
    token = CancelToken(lambda done, total, _m: seen.append((done, total)))

    def cancel_at_1200(done: int, total: int, message: str = "") -> None:
        token.progress(done, total, message)
        if done >= 1200:
            token.cancel()
            token.raise_if_cancelled()

    with pytest.raises(Cancelled):  # after 1,200 rows: the first 1,000 were written
        _import(desk, tmp_path / "besar.xlsx", progress=cancel_at_1200)
    assert seen[-1] == (1200, 1250)
    assert desk.datasets.count() == before  # the whole import was one transaction
    with desk.db.read_session() as s:
        assert s.scalar(select(SearchEntry.record_id).where(
            SearchEntry.judul == "Data 0")) is None

    seen.clear()
    outcome = _import(desk, tmp_path / "besar.xlsx", progress=CancelToken(
        lambda done, total, _m: seen.append((done, total))).progress)
    assert outcome.created == 1250 and seen[-1] == (1250, 1250)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
