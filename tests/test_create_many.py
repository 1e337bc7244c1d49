"""``RecordService.create_many`` stores exactly what ``create`` stores, row for row, on
SQLite and PostgreSQL: the records and their owned rows, the audit rows, the search
entries and the marks for the catalog, apart from ids and timestamps; and refuses the
same rows with the same messages."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_services import KINDS, World, full_payload

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, ValidationError
from desktop.core.models import AuditLog, SearchEntry
from desktop.core.models.sync import SyncRecord


@pytest.fixture
def world(desk: Desk) -> World:
    return World(desk)


VOLATILE = {"id", "created_at", "updated_at", "waktu", "changed_at", "record_id", "rowid_"}


def _plain(value: Any) -> Any:
    """``value`` without ids and timestamps, which differ between two creations."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _row(obj: Any) -> dict[str, Any]:
    return _plain({c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs})


def _stored(desk: Desk, kind: str, s: Session, ids: list[str]) -> list[dict[str, Any]]:
    """Everything the creation of each record left, in the order of ``ids``."""
    out = []
    for record_id in ids:
        audit = s.scalars(select(AuditLog).where(AuditLog.record_id == record_id))
        entry = s.scalar(select(SearchEntry).where(SearchEntry.record_id == record_id))
        state = s.scalar(select(SyncRecord).where(SyncRecord.record_id == record_id))
        out.append({"record": _plain(desk.service(kind).get(record_id, session=s)),
                    "audit": [_row(a) for a in audit],
                    "search": _row(entry) if entry is not None else None,
                    "sync": _row(state) if state is not None else None})
    return out


def _variants(kind: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
    """Three records of the kind, different where the kind wants its records unique."""
    rows = []
    for n in range(3):
        row = copy.deepcopy(payload)
        for name in ("kode", "judul", "nama", "instansi", "versi"):
            if isinstance(row.get(name), str):
                row[name] = f"{row[name]} {n}" if name != "kode" else f"{row[name]}.{n}"
        rows.append(row)
    rows[1] = {k: v for k, v in rows[1].items() if not isinstance(v, list)}  # owned rows absent
    return rows


@pytest.mark.parametrize("kind", KINDS)
def test_create_many_stores_what_create_stores(desk: Desk, world: World, kind: str) -> None:
    payloads = _variants(kind, full_payload(kind, world))
    service = desk.service(kind)
    with desk.db.session() as s:
        one_by_one = [service.create(p, session=s)["id"] for p in payloads]
        slow = _stored(desk, kind, s, one_by_one)
        s.rollback()
    with desk.db.session() as s:
        outcomes = service.create_many(payloads, session=s, batch=2)
        assert all(isinstance(o, str) for o in outcomes), outcomes
        quick = _stored(desk, kind, s, [str(o) for o in outcomes])
    assert len(quick) == 3 and quick == slow
    assert quick[0]["audit"] and quick[0]["search"]
    assert [desk.service(kind).get(str(i))["id"] for i in outcomes] == outcomes  # committed


def test_create_many_refuses_the_rows_create_refuses_and_keeps_the_others(
        desk: Desk, world: World) -> None:
    good = {"judul": "Jumlah Sekolah", "opd_id": world.opd1, "frekuensi": "tahunan"}
    bad = [{"opd_id": world.opd1},  # no title
           {"judul": "OPD yang tidak ada", "opd_id": "tidak-ada"},
           {"judul": "Dikecualikan tanpa dasar", "opd_id": world.opd1,
            "sifat_data": "dikecualikan"},
           {"judul": "Kolom asing", "opd_id": world.opd1, "warna": "merah"}]
    expected = []
    for data in bad:
        with pytest.raises(ValidationError) as refused:
            desk.datasets.create(data)
        expected.append(refused.value.errors)
    outcomes = desk.datasets.create_many([bad[0], good, bad[1], bad[2], bad[3]], batch=2)
    assert [o.errors for o in outcomes if isinstance(o, ValidationError)] == expected
    assert isinstance(outcomes[1], str)
    assert desk.datasets.get(outcomes[1])["judul"] == "Jumlah Sekolah"
    assert desk.datasets.count() == 3  # the world's two and the good one


def test_a_chosen_id_already_in_use_is_refused_as_create_refuses_it(desk: Desk,
                                                                    world: World) -> None:
    data = {"id": world.ds1, "judul": "Lagi", "opd_id": world.opd1}
    with pytest.raises(DeskError) as refused:
        desk.datasets.create(data)
    fresh = {"id": "00000000-0000-4000-8000-000000000001", "judul": "Baru",
             "opd_id": world.opd1}
    outcomes = desk.datasets.create_many([data, fresh, {**fresh, "judul": "Kembar"}])
    assert isinstance(outcomes[0], DeskError) and outcomes[0].message == refused.value.message
    assert outcomes[1] == fresh["id"]
    assert isinstance(outcomes[2], DeskError) and fresh["id"] in outcomes[2].message
    assert desk.datasets.get(fresh["id"])["judul"] == "Baru"


def test_created_in_bulk_is_searchable_and_waits_for_the_push(desk: Desk, world: World) -> None:
    rows = [{"judul": f"Produksi Kopi Kecamatan {i}", "opd_id": world.opd2} for i in range(5)]
    ids = desk.datasets.create_many(rows, batch=2)
    assert {h.id for h in desk.search("produksi kopi")} == set(ids)
    with desk.db.session() as s:
        dirty = set(s.scalars(select(SyncRecord.record_id).where(SyncRecord.dirty.is_(True))))
    assert set(ids) <= dirty
    assert desk.datasets.history(str(ids[0]))[0]["aksi"] == "create"
