"""The pull's quick paths store exactly what the record service would, on SQLite and
PostgreSQL: datasets, resources, audit rows, search entries and sync state alike (new
datasets through ``create_many`` against the same pull through ``create`` one by one)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.models import AuditLog, Dataset, DatasetResource, SearchEntry
from desktop.core.models.sync import SyncRecord
from desktop.core.services.creating import one_by_one
from desktop.core.services.records import RecordService
from desktop.sync.client import CatalogClient
from desktop.sync.mapping import PackageTarget, dataset_to_package
from desktop.sync.values import normalize
from sync.engine_support import add_opd, full_dataset, make_engine

VOLATILE = {"id", "created_at", "updated_at", "waktu", "changed_at", "rid", "dataset_id",
            "record_id"}


def _put_full_packages(world: CatalogWorld, count: int) -> None:
    """Packages with every mapped field filled, as another register would publish them."""
    store = world.server.store
    org = store.find_organization("diskominfo")
    assert org is not None
    for i in range(count):
        values = normalize(full_dataset("-", judul=f"Penduduk Kecamatan {i} Ümbul",
                                        tags=["kependudukan", f"tag{i}"]))
        package = dataset_to_package(values, str(uuid.uuid4()), PackageTarget(
            f"full-{i}", org["id"], "Diskominfo", False))
        stamp = store.clock.now_iso()
        package.update(id=str(uuid.uuid4()), state="active", type="dataset",
                       metadata_created=stamp, metadata_modified=stamp,
                       organization=store.organization_summary(org))
        package["resources"] = [{**r, "id": str(uuid.uuid4()), "position": n}
                                for n, r in enumerate(package["resources"])]
        store.put_package(package)


def _plain(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns if c.key not in VOLATILE}


def _audit(row: Any) -> dict[str, Any]:
    """An audit row with the one actor both engines agree on: PostgreSQL stamps the login
    (``pengguna``) and keeps the owner login's claimed name in ``atas_nama``; SQLite keeps
    the claimed name in ``pengguna``."""
    plain = _plain(row)
    plain["actor"] = plain.pop("atas_nama", None) or plain.pop("pengguna")
    plain.pop("pengguna", None)
    return plain


def _same_ids(value: Any, ids: dict[str, str]) -> Any:
    """``value`` with the ids that differ between two registers replaced by names."""
    if isinstance(value, dict):
        return {k: _same_ids(v, ids) for k, v in value.items()}
    if isinstance(value, list):
        return [_same_ids(v, ids) for v in value]
    return ids.get(value, value) if isinstance(value, str) else value


def _stored(desk: Desk, opd_id: str) -> dict[str, dict[str, Any]]:
    """Everything a pulled dataset left in the database, by its catalog name."""
    out: dict[str, dict[str, Any]] = {}
    with desk.db.session() as s:
        for state in s.scalars(select(SyncRecord).where(SyncRecord.remote_id.is_not(None))):
            rid = state.record_id
            dataset = s.get(Dataset, rid)
            resources = s.scalars(select(DatasetResource).where(
                DatasetResource.dataset_id == rid).order_by(DatasetResource.urutan))
            audits = s.scalars(select(AuditLog).where(AuditLog.record_id == rid))
            entry = s.scalar(select(SearchEntry).where(SearchEntry.record_id == rid))
            out[state.remote_name] = {
                "dataset": _plain(dataset), "state": _plain(state),
                "resources": [_plain(r) for r in resources],
                "audit": [_audit(a) for a in audits],
                "search": _plain(entry) if entry is not None else None,
                "version": dataset.version if dataset is not None else None,
            }
    return _same_ids(out, {opd_id: "the OPD"})


def _pull(desk: Desk, client: CatalogClient) -> dict[str, dict[str, Any]]:
    opd_id = add_opd(desk)
    summary = make_engine(desk, client, page_size=4).run()
    assert summary.clean and summary.pulled == 7, summary
    return _stored(desk, opd_id)


@pytest.fixture
def catalog(ckan_world: CatalogWorld) -> CatalogWorld:
    ckan_world.server.seed_packages(4, org="diskominfo", resources=2)
    _put_full_packages(ckan_world, 3)
    return ckan_world


def test_a_bulk_pull_stores_what_the_record_service_stores(
        desk: Desk, catalog: CatalogWorld, catalog_client: CatalogClient,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Any, sqlite_template: Any) -> None:
    made: list[Any] = []
    real_create_many, real_create = RecordService.create_many, RecordService.create
    real_check_many = RecordService.check_many

    def counted(self: RecordService, rows: Any, **options: Any) -> Any:
        made.extend(real_create_many(self, rows, **options))
        return made[-len(rows):]

    def checked(self: RecordService, rows: Any, **options: Any) -> Any:
        """The pull's writer thread writes rows checked ahead (``check_many``)."""
        batch = real_check_many(self, rows, **options)
        if batch is not None:
            made.extend(batch.outcomes)
        return batch

    def refused(self: RecordService, *args: Any, **options: Any) -> Any:
        assert self.kind.name != "datasets", "a pulled dataset created one by one"
        return real_create(self, *args, **options)

    monkeypatch.setattr(RecordService, "create_many", counted)
    monkeypatch.setattr(RecordService, "check_many", checked)
    monkeypatch.setattr(RecordService, "create", refused)
    quick = _pull(desk, catalog_client)
    assert len(made) == 7 and all(isinstance(i, str) for i in made)  # all in bulk
    monkeypatch.setattr(RecordService, "create", real_create)
    hits = {h.title for h in desk.search("umbul kecamat")}
    assert len(hits) == 3

    import shutil
    path = tmp_path / "service.sqlite3"
    shutil.copyfile(sqlite_template, path)
    other = Desk.open(path, user="penguji")
    try:
        monkeypatch.setattr(RecordService, "create_many", lambda self, rows, *, session=None,
                            **_k: one_by_one(self, session, rows))
        monkeypatch.setattr(RecordService, "check_many", lambda *_a, **_k: None)
        slow = _pull(other, catalog_client)
        assert {h.title for h in other.search("umbul kecamat")} == hits
    finally:
        other.close()
    assert quick.keys() == slow.keys() and len(quick) == 7
    for name in quick:
        assert quick[name] == slow[name], name


def test_pulled_changes_go_in_together_and_one_the_checks_refuse_is_reported_alone(
        desk: Desk, ckan_world: CatalogWorld, catalog_client: CatalogClient,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A slice's changed datasets go through one ``update_many`` (not ``update`` one by
    one); a change this register refuses is reported by the dataset's title, the others
    come in, and it comes in too once the catalog fixes it."""
    add_opd(desk)
    server = ckan_world.server
    server.seed_packages(4, org="diskominfo")
    assert make_engine(desk, catalog_client, page_size=10).run().pulled == 4
    first, second, wrong, _ = sorted(server.store.packages.values(), key=lambda p: p["name"])
    server.edit_package(first["id"], title="Judul Baru dari Portal")
    server.edit_package(second["id"], notes="Catatan baru dari portal.")
    extras = [e for e in wrong.get("extras", [])
              if e["key"] not in ("tanggal_rilis", "terakhir_diperbarui")]
    server.edit_package(wrong["id"], extras=[  # released after its last update: refused
        *extras, {"key": "tanggal_rilis", "value": "2025-09-01"},
        {"key": "terakhir_diperbarui", "value": "2025-06-01"}])
    batches: list[int] = []
    real_update_many, real_update = RecordService.update_many, RecordService.update

    def counted(self: RecordService, changes: Any, **options: Any) -> Any:
        changes = list(changes)
        batches.append(len(changes))
        return real_update_many(self, changes, **options)

    def one(self: RecordService, *args: Any, **options: Any) -> Any:
        assert self.kind.name != "datasets", "a pulled change applied one by one"
        return real_update(self, *args, **options)

    monkeypatch.setattr(RecordService, "update_many", counted)
    monkeypatch.setattr(RecordService, "update", one)
    summary = make_engine(desk, catalog_client, page_size=10).run()
    assert summary.pulled == 2 and summary.errors == 1, summary
    assert batches == [3]
    assert f'"{wrong["title"]}"' in summary.error_messages[0]
    titles = {r["judul"] for r in desk.datasets.rows(desk.datasets.ids())}
    assert "Judul Baru dari Portal" in titles and wrong["title"] in titles
    assert {h.title for h in desk.search("judul baru portal")} == {"Judul Baru dari Portal"}
    with desk.db.session() as s:
        stamps = {r.remote_id: r.remote_modified for r in s.scalars(select(SyncRecord))}
    assert stamps[first["id"]] == server.store.find_package(first["id"])["metadata_modified"]
    assert stamps[wrong["id"]] != server.store.find_package(wrong["id"])["metadata_modified"]

    server.edit_package(wrong["id"], extras=[
        *extras, {"key": "tanggal_rilis", "value": "2025-05-01"},
        {"key": "terakhir_diperbarui", "value": "2025-06-01"}])
    summary = make_engine(desk, catalog_client, page_size=10).run()
    assert summary.clean and summary.pulled == 1, summary
    (record,) = [r for r in map(desk.datasets.get, desk.datasets.ids())
                 if r["judul"] == wrong["title"]]
    assert str(record["tanggal_rilis"]) == "2025-05-01"


def test_linked_datasets_are_counted_apart_from_other_kinds_and_unlinked_ones(
        desk: Desk) -> None:
    from desktop.sync.reconcile import _linked_count

    with desk.db.session() as s:
        for kind, record_id, remote_id in [
                ("datasets", "d1", "r1"), ("datasets", "d2", "r2"), ("datasets", "d3", None),
                ("apps", "a1", "s1"), ("apps", "a2", None), ("zzz", "z1", "z9"),
                ("aaa", "x1", "x9")]:
            s.add(SyncRecord(kind=kind, record_id=record_id, remote_id=remote_id, dirty=False))
    with desk.db.session() as s:
        assert _linked_count(s) == 2


@pytest.mark.only_engine("sqlite")
def test_a_pulled_page_is_matched_to_its_records_through_the_remote_id_index(desk: Desk
                                                                            ) -> None:
    """Without the (kind, remote_id) index SQLite matched each page by scanning every
    dataset's sync row (the primary key's kind prefix), last-synced copies and all."""
    from sqlalchemy import text

    with desk.db.session() as s:
        stmt = select(SyncRecord.remote_id, SyncRecord.remote_modified).where(
            SyncRecord.kind == "datasets", SyncRecord.remote_id.in_(["a", "b"]))
        sql = str(stmt.compile(compile_kwargs={"literal_binds": True,
                                                "render_postcompile": True}))
        plan = " ".join(str(row) for row in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
    assert "ix_sync_record_kind_remote" in plan


def test_preloading_a_page_leaves_the_records_as_the_service_reads_them(desk: Desk) -> None:
    from desktop.sync.local import preload_datasets

    opd = add_opd(desk)
    made = desk.datasets.create({"judul": "Data <Uji> & Co", "opd_id": opd,
                                 "frekuensi": "tahunan", "sifat_data": "terbuka",
                                 "resources": [{"nama": "CSV", "url": "https://x.id/a.csv"}]})
    with desk.db.session() as s:
        loaded = preload_datasets(s, [made["id"], "tidak-ada"])
        assert [d.id for d in loaded] == [made["id"]]
        assert desk.datasets.get(made["id"], session=s) == desk.datasets.get(made["id"])
