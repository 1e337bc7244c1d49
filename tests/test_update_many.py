"""``RecordService.update_many`` stores exactly what ``update`` stores, record by record
(the columns, owned rows, version, audit row and search entry), and a change it refuses
loses only itself, with the error ``update`` would raise; on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select, text, update

from desktop.core.desk import Desk
from desktop.core.errors import NotFoundError, StaleRecordError, ValidationError
from desktop.core.models import AuditLog, Dataset, DatasetResource, SearchEntry
from desktop.core.models.sync import SyncRecord
from desktop.core.services.updating import Change

VOLATILE = {"id", "record_id", "dataset_id", "created_at", "updated_at", "waktu", "rid"}


def _opd(desk: Desk, kode: str, nama: str) -> str:
    return str(desk.opd.create({"kode": kode, "nama": nama})["id"])


def _dataset(desk: Desk, opd_id: str, judul: str) -> dict[str, Any]:
    return desk.datasets.create({
        "judul": judul, "opd_id": opd_id, "frekuensi": "tahunan", "sifat_data": "terbuka",
        "tanggal_rilis": "2025-01-10", "terakhir_diperbarui": "2025-06-01",
        "resources": [{"nama": "CSV 2025", "url": "https://data.contoh.go.id/a.csv"}]})


def _plain(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns
            if c.key not in VOLATILE}


def _stored(desk: Desk, record_id: str) -> dict[str, Any]:
    """What a record left in the database, its own id left out (the pairs differ by it)."""
    with desk.db.session() as s:
        dataset = s.get(Dataset, record_id)
        assert dataset is not None
        resources = s.scalars(select(DatasetResource).where(
            DatasetResource.dataset_id == record_id).order_by(DatasetResource.urutan))
        audits = s.scalars(select(AuditLog).where(AuditLog.record_id == record_id)
                           .order_by(AuditLog.id))
        entry = s.scalar(select(SearchEntry).where(SearchEntry.record_id == record_id))
        state = s.get(SyncRecord, ("datasets", record_id))  # the mark for the catalog
        return {"dataset": _plain(dataset), "version": dataset.version,
                "dirty": state.dirty if state is not None else None,
                "resources": [_plain(r) for r in resources],
                "audit": [{k: v for k, v in _plain(a).items() if k != "id"} for a in audits],
                "search": _plain(entry) if entry is not None else None}


CHANGES: list[dict[str, Any]] = [
    {"judul": "Jumlah Penduduk <b>Baru</b> & Co", "deskripsi": "Diperbarui."},
    {"resources": [{"nama": "XLSX 2026", "url": "https://data.contoh.go.id/b.xlsx"},
                   {"nama": "CSV 2026", "url": "https://data.contoh.go.id/b.csv"}]},
    {"opd_id": None},  # filled in with the second OPD: the list's subtitle moves with it
    {"frekuensi": "tahunan"},  # the value it has: nothing changes, nothing is written
]


def test_update_many_stores_what_update_stores(desk: Desk) -> None:
    first, second = _opd(desk, "1.01", "Dinas Satu"), _opd(desk, "1.02", "Dinas Dua")
    changes = [dict(c) for c in CHANGES]
    changes[2]["opd_id"] = second
    one = [_dataset(desk, first, f"Data Penduduk {n}") for n in range(len(changes))]
    many = [_dataset(desk, first, f"Data Penduduk {n}") for n in range(len(changes))]
    with desk.db.session() as s:  # as after a push: nothing waits for the catalog
        s.execute(update(SyncRecord).values(dirty=False))
    for record, data in zip(one, changes, strict=True):
        desk.datasets.update(record["id"], data, expected_version=record["version"])
    outcomes = desk.datasets.update_many(
        [Change(r["id"], data, r["version"]) for r, data in zip(many, changes, strict=True)])
    assert outcomes == [r["id"] for r in many]
    for a, b in zip(one, many, strict=True):
        assert _stored(desk, a["id"]) == _stored(desk, b["id"])
    assert [_stored(desk, r["id"])["version"] for r in many] == [2, 2, 2, 1]
    assert [_stored(desk, r["id"])["dirty"] for r in many] == [True, True, True, False]
    # found by the new title and by the new OPD's name, as after ``update``
    assert {h.id for h in desk.search("penduduk baru")} == {one[0]["id"], many[0]["id"]}
    page = desk.datasets.rows([many[2]["id"]])[0]
    assert "Dinas Dua" in str(page.values())


def test_a_refused_change_loses_only_itself_with_the_error_update_gives(desk: Desk) -> None:
    opd = _opd(desk, "1.01", "Dinas Satu")
    kept, bad, stale, gone = (_dataset(desk, opd, f"Data {n}") for n in range(4))
    desk.datasets.delete(gone["id"])
    wrong_dates = {"tanggal_rilis": "2025-09-01"}  # after its last update: a rule refuses
    with pytest.raises(ValidationError) as by_update:
        desk.datasets.update(bad["id"], wrong_dates, expected_version=bad["version"])
    outcomes = desk.datasets.update_many([
        Change(kept["id"], {"judul": "Data Tetap Diperbarui"}, kept["version"]),
        Change(bad["id"], wrong_dates, bad["version"]),
        Change(stale["id"], {"judul": "Basi"}, stale["version"] + 1),
        Change(gone["id"], {"judul": "Hilang"}, gone["version"]),
    ])
    assert outcomes[0] == kept["id"]
    assert isinstance(outcomes[1], ValidationError)
    assert outcomes[1].errors == by_update.value.errors
    assert isinstance(outcomes[2], StaleRecordError)
    assert isinstance(outcomes[3], NotFoundError)
    assert desk.datasets.get(kept["id"])["judul"] == "Data Tetap Diperbarui"
    assert desk.datasets.get(bad["id"]) == bad
    assert desk.datasets.get(stale["id"]) == stale
    assert [h["aksi"] for h in desk.datasets.history(kept["id"])] == ["update", "create"]
    assert [h["aksi"] for h in desk.datasets.history(bad["id"])] == ["create"]


def test_a_record_named_twice_is_refused_before_anything_is_written(desk: Desk) -> None:
    record = _dataset(desk, _opd(desk, "1.01", "Dinas Satu"), "Data Satu")
    with pytest.raises(ValueError, match="twice"):
        desk.datasets.update_many([Change(record["id"], {"judul": "A"}, record["version"]),
                                   Change(record["id"], {"judul": "B"}, record["version"])])
    assert desk.datasets.get(record["id"]) == record


@pytest.mark.only_engine("postgresql")
def test_a_record_changed_meanwhile_elsewhere_is_refused_alone(desk: Desk) -> None:
    """The batch's flush finds a record another workstation saved since it was read:
    everything is rolled back and done record by record, which names that one."""
    opd = _opd(desk, "1.01", "Dinas Satu")
    a, b = _dataset(desk, opd, "Data A"), _dataset(desk, opd, "Data B")
    with desk.db.session() as s:
        assert s.get(Dataset, b["id"]) is not None  # read here, at version 1
        desk.datasets.update(b["id"], {"judul": "Data B (meja lain)"},
                             expected_version=b["version"])  # its own transaction
        outcomes = desk.datasets.update_many(
            [Change(a["id"], {"judul": "Data A Baru"}, a["version"]),
             Change(b["id"], {"judul": "Data B Baru"}, b["version"])], session=s)
        assert outcomes[0] == a["id"] and isinstance(outcomes[1], StaleRecordError)
        assert s.execute(text("SELECT 1")).scalar() == 1  # the transaction goes on
    assert desk.datasets.get(a["id"])["judul"] == "Data A Baru"
    assert desk.datasets.get(b["id"])["judul"] == "Data B (meja lain)"
    assert [h["aksi"] for h in desk.datasets.history(a["id"])] == ["update", "create"]
