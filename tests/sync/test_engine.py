"""The sync engine over real HTTP against the test catalog, on SQLite and PostgreSQL:
round trips, merges, conflicts and their resolution, deletions both ways, convergence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ckan_server.fixtures import CatalogWorld
from conftest import opened_desk, sqlite_copy

from desktop.core.desk import Desk
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import Resolution, list_conflicts, pending_count, resolve_conflict
from desktop.sync.naming import package_name
from desktop.sync.runlog import recent_runs
from sync.engine_support import add_opd, full_dataset, make_engine, mapped


@pytest.fixture
def opd_id(desk: Desk) -> str:
    return add_opd(desk)


@pytest.fixture
def other_desk(tmp_path: Path, sqlite_template: Path) -> Iterator[Desk]:
    """A second workstation with its own database (SQLite), syncing the same catalog."""
    yield from opened_desk(sqlite_copy(sqlite_template, tmp_path / "other.sqlite3"), "rekan")


def _only_package(world: CatalogWorld) -> dict:
    packages = [p for p in world.server.store.packages.values() if p["state"] == "active"]
    assert len(packages) == 1
    return packages[0]


def test_every_mapped_field_round_trips_through_the_catalog(
        desk: Desk, opd_id: str, other_desk: Desk, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    record_id = desk.datasets.create(full_dataset(opd_id))["id"]
    assert pending_count(desk) == 1
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pushed, summary.errors, summary.conflicts) == (1, 0, 0)
    assert pending_count(desk) == 0
    package = _only_package(ckan_world)
    assert package["name"] == package_name(record_id, "Jumlah Penduduk Menurut Kecamatan")
    assert package["organization"]["name"] == "diskominfo" and not package["private"]
    add_opd(other_desk)
    pulled = make_engine(other_desk, catalog_client).run()
    assert pulled.pulled == 1
    assert other_desk.datasets.ids() == [record_id]  # same id on both workstations
    assert mapped(other_desk, record_id) == mapped(desk, record_id)
    # pulled in bulk, yet searchable and audited like any created record
    assert [hit.id for hit in other_desk.search("kecamat")] == [record_id]
    assert [h["aksi"] for h in other_desk.datasets.history(record_id)] == ["create"]
    again = make_engine(desk, catalog_client).run()
    assert (again.pushed, again.pulled, again.conflicts) == (0, 0, 0)


def test_remote_and_local_edits_of_different_fields_merge(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    record = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    package = _only_package(ckan_world)
    ckan_world.server.edit_package(package["id"], notes="Diperbarui di portal.")
    record = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"satuan": "orang"}, expected_version=record["version"])
    summary = make_engine(desk, catalog_client).run()
    assert summary.conflicts == 0 and summary.errors == 0
    merged = desk.datasets.get(record["id"])
    assert (merged["deskripsi"], merged["satuan"]) == ("Diperbarui di portal.", "orang")
    package = _only_package(ckan_world)
    assert package["notes"] == "Diperbarui di portal."
    assert {"key": "satuan", "value": "orang"} in package["extras"]
    assert pending_count(desk) == 0


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs", "edit"])
def test_same_field_edited_on_both_sides_is_a_conflict_until_resolved(
        desk: Desk, opd_id: str, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        choice: str) -> None:
    record = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    package = _only_package(ckan_world)
    ckan_world.server.edit_package(package["id"], title="Judul dari portal")
    record = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"judul": "Judul dari kantor"},
                         expected_version=record["version"])
    summary = make_engine(desk, catalog_client).run()
    assert summary.conflicts == 1
    [conflict] = list_conflicts(desk)
    assert (conflict.field, conflict.local, conflict.remote, conflict.base) == (
        "judul", "Judul dari kantor", "Judul dari portal", "Jumlah Penduduk Menurut Kecamatan")
    # never silently overwritten, on either side, however often we sync
    make_engine(desk, catalog_client).run()
    assert desk.datasets.get(record["id"])["judul"] == "Judul dari kantor"
    assert _only_package(ckan_world)["title"] == "Judul dari portal"
    assert len(list_conflicts(desk)) == 1

    resolve_conflict(desk, conflict.id, choice, value="Judul hasil musyawarah")
    assert list_conflicts(desk) == []
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean
    expected = {"keep_mine": "Judul dari kantor", "take_theirs": "Judul dari portal",
                "edit": "Judul hasil musyawarah"}[choice]
    assert desk.datasets.get(record["id"])["judul"] == expected
    assert _only_package(ckan_world)["title"] == expected
    assert pending_count(desk) == 0


def test_a_local_delete_deletes_in_the_catalog(desk: Desk, opd_id: str,
                                              catalog_client: CatalogClient,
                                              ckan_world: CatalogWorld) -> None:
    record = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    package_id = _only_package(ckan_world)["id"]
    desk.datasets.delete(record["id"])
    summary = make_engine(desk, catalog_client).run()
    assert summary.deleted == 1
    assert ckan_world.server.package(package_id)["state"] == "deleted"
    assert pending_count(desk) == 0


def test_a_catalog_delete_deletes_here(desk: Desk, opd_id: str, catalog_client: CatalogClient,
                                       ckan_world: CatalogWorld) -> None:
    record = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    ckan_world.server.store.packages[_only_package(ckan_world)["id"]]["state"] = "deleted"
    summary = make_engine(desk, catalog_client).run()
    assert summary.deleted == 1
    assert desk.datasets.get(record["id"], include_deleted=True)["deleted_at"] is not None


def test_deleted_there_but_edited_here_asks_the_user(desk: Desk, opd_id: str,
                                                     catalog_client: CatalogClient,
                                                     ckan_world: CatalogWorld) -> None:
    record = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    ckan_world.server.store.packages[_only_package(ckan_world)["id"]]["state"] = "deleted"
    record = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"satuan": "orang"}, expected_version=record["version"])
    summary = make_engine(desk, catalog_client).run()
    assert summary.conflicts == 1 and desk.datasets.get(record["id"])["satuan"] == "orang"
    [conflict] = list_conflicts(desk)
    assert conflict.field == "__deleted__"
    resolve_conflict(desk, conflict.id, Resolution.KEEP_MINE)
    summary = make_engine(desk, catalog_client).run()
    assert summary.pushed == 1 and summary.clean
    active = _only_package(ckan_world)  # published again, as a new dataset
    assert {"key": "satuan", "value": "orang"} in active["extras"]


def test_two_databases_syncing_one_catalog_converge(desk: Desk, opd_id: str, other_desk: Desk,
                                                    catalog_client: CatalogClient) -> None:
    add_opd(other_desk)
    mine = desk.datasets.create(full_dataset(opd_id, judul="Data dari meja A"))["id"]
    other_opd = other_desk.opd.ids()[0]
    theirs = other_desk.datasets.create(full_dataset(other_opd, judul="Data dari meja B"))["id"]
    for _ in range(2):
        make_engine(desk, catalog_client).run()
        make_engine(other_desk, catalog_client).run()
    record = desk.datasets.get(theirs)
    desk.datasets.update(theirs, {"periode": "Semester II"}, expected_version=record["version"])
    record = other_desk.datasets.get(mine)
    other_desk.datasets.update(mine, {"ukuran": "Persen"}, expected_version=record["version"])
    for _ in range(2):
        make_engine(desk, catalog_client).run()
        make_engine(other_desk, catalog_client).run()
    assert sorted(desk.datasets.ids()) == sorted(other_desk.datasets.ids()) == sorted(
        [mine, theirs])
    for record_id in (mine, theirs):
        assert mapped(desk, record_id) == mapped(other_desk, record_id)
    assert mapped(desk, theirs)["periode"] == "Semester II"
    assert mapped(other_desk, mine)["ukuran"] == "Persen"
    assert pending_count(desk) == pending_count(other_desk) == 0


def test_restricted_datasets_stay_off_the_catalog(desk: Desk, opd_id: str,
                                                  catalog_client: CatalogClient,
                                                  ckan_world: CatalogWorld) -> None:
    desk.datasets.create(full_dataset(opd_id, sifat_data="terbatas"))
    desk.datasets.create(full_dataset(opd_id, judul="Data pribadi", data_pribadi=True))
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean and summary.pushed == 0
    assert not ckan_world.server.store.packages
    assert pending_count(desk) == 0
    make_engine(desk, catalog_client, allow_private=True).run()
    assert all(p["private"] for p in ckan_world.server.store.packages.values())


def test_an_unmapped_opd_is_a_record_error_logged_with_the_run(
        desk: Desk, catalog_client: CatalogClient) -> None:
    lonely = add_opd(desk, nama="Dinas Tanpa Organisasi", kode="9.99")
    desk.datasets.create(full_dataset(lonely))
    summary = make_engine(desk, catalog_client).run()
    assert summary.errors == 1 and pending_count(desk) == 1
    [run] = recent_runs(desk.db)
    assert run.status == "errors" and "Dinas Tanpa Organisasi" in run.record_errors[0][1]


def test_deletions_cost_one_count_when_nothing_was_deleted(desk: Desk, opd_id: str,
                                                          catalog_client: CatalogClient,
                                                          ckan_world: CatalogWorld) -> None:
    desk.datasets.create(full_dataset(opd_id))
    desk.datasets.create(full_dataset(opd_id, judul="Data kedua"))
    make_engine(desk, catalog_client).run()
    ckan_world.server.clear_log()
    assert make_engine(desk, catalog_client).run().clean
    assert ckan_world.server.count("package_list") == ckan_world.server.count(
        "package_show") == 0
