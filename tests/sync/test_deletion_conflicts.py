"""Conflicts about a dataset's existence (issue 21, items 5 and 8), SQLite and PostgreSQL.

Delete here, edit there: the local delete used to win and the portal's later edit was
thrown away without a word. A catalog delete of a dataset that apps here use failed on
every sync, forever, naming no dataset. Both are now conflicts the user settles once.
"""

from __future__ import annotations

from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import func, select

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.models.sync import SyncConflict, SyncRecord, SyncRunError
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import list_conflicts, pending_count, resolve_conflict
from desktop.sync.local import DELETED_HERE_FIELD, USED_BY_APPS_FIELD
from sync.engine_support import add_opd, full_dataset, make_engine


@pytest.fixture
def opd_id(desk: Desk) -> str:
    return add_opd(desk)


def _published(desk: Desk, opd_id: str, client: CatalogClient, world: CatalogWorld,
               **values: Any) -> tuple[str, str]:
    """A dataset pushed to the catalog: (local id, package id)."""
    record_id = desk.datasets.create(full_dataset(opd_id, **values))["id"]
    assert make_engine(desk, client).run().pushed == 1
    with desk.db.session() as s:
        state = s.get(SyncRecord, ("datasets", record_id))
        assert state is not None and state.remote_id
        return record_id, state.remote_id


def _portal_edit(client: CatalogClient, package_id: str, title: str) -> None:
    """Someone edits the dataset on the portal (over the API, as the portal would)."""
    package = client.package_show(package_id)
    client.package_revise(package_id, package["metadata_modified"], {"title": title})


def _open_rows(desk: Desk) -> int:
    with desk.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncConflict).where(
            SyncConflict.resolved_at.is_(None))) or 0)


def _run_errors(desk: Desk) -> list[str]:
    with desk.db.session() as s:
        return list(s.scalars(select(SyncRunError.message)))


# ---------------------------------------------------------------- delete here, edit there
@pytest.mark.parametrize("word", ["mine", "theirs"])
def test_deleted_here_edited_there_is_a_conflict_until_the_user_chooses(
        desk: Desk, opd_id: str, catalog_client: CatalogClient, make_client: Any,
        ckan_world: CatalogWorld, word: str) -> None:
    record_id, package_id = _published(desk, opd_id, catalog_client, ckan_world)
    portal = make_client()
    _portal_edit(portal, package_id, "Judul dari portal")
    desk.datasets.delete(record_id)

    summary = make_engine(desk, catalog_client).run()
    assert summary.conflicts == 1 and summary.deleted == 0 and not summary.clean
    assert ckan_world.server.package(package_id)["state"] == "active"  # the edit survives
    assert ckan_world.server.package(package_id)["title"] == "Judul dari portal"
    [conflict] = list_conflicts(desk)
    assert conflict.field == DELETED_HERE_FIELD and conflict.record_id == record_id
    assert conflict.title == "Jumlah Penduduk Menurut Kecamatan"
    assert conflict.local is None and conflict.remote == "Judul dari portal"

    _portal_edit(portal, package_id, "Judul dari portal, revisi")  # edited there again
    summary = make_engine(desk, catalog_client).run()  # still waits, no second conflict
    assert _open_rows(desk) == 1 and summary.deleted == 0 and summary.errors == 0
    assert list_conflicts(desk)[0].remote == "Judul dari portal, revisi"
    with pytest.raises(DeskError, match="mine, theirs"):
        resolve_conflict(desk, conflict.id, "keep")

    resolve_conflict(desk, conflict.id, word)
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean and pending_count(desk) == 0
    package = ckan_world.server.package(package_id)
    if word == "mine":  # deleted on the catalog too
        assert summary.deleted == 1 and package["state"] == "deleted"
        assert desk.datasets.get(record_id, include_deleted=True)["deleted_at"] is not None
    else:  # restored here with the catalog's values; the catalog untouched
        assert summary.deleted == 0 and summary.pushed == 0
        assert package["state"] == "active" and package["title"] == "Judul dari portal, revisi"
        record = desk.datasets.get(record_id)
        assert record["deleted_at"] is None and record["judul"] == "Judul dari portal, revisi"
        assert record_id in {h.id for h in desk.search("revisi")}


def test_a_local_delete_without_a_portal_edit_still_deletes(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    record_id, package_id = _published(desk, opd_id, catalog_client, ckan_world)
    desk.datasets.delete(record_id)
    summary = make_engine(desk, catalog_client).run()
    assert summary.deleted == 1 and summary.clean
    assert ckan_world.server.package(package_id)["state"] == "deleted"


def test_deleted_on_both_sides_settles_the_conflict_by_itself(
        desk: Desk, opd_id: str, catalog_client: CatalogClient, make_client: Any,
        ckan_world: CatalogWorld) -> None:
    record_id, package_id = _published(desk, opd_id, catalog_client, ckan_world)
    portal = make_client()
    _portal_edit(portal, package_id, "Judul dari portal")
    desk.datasets.delete(record_id)
    assert make_engine(desk, catalog_client).run().conflicts == 1
    portal.package_delete(package_id)
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean and _open_rows(desk) == 0 and pending_count(desk) == 0


# ------------------------------------------------------- deleted there, used by apps here
def _used_by_an_app(desk: Desk, opd_id: str, record_id: str) -> dict[str, Any]:
    return desk.apps.create({"nama": "Sistem Informasi Kependudukan", "opd_pemilik_id": opd_id,
                             "datasets": [{"dataset_id": record_id, "peran": "menggunakan"}]})


@pytest.mark.parametrize("word", ["keep", "delete"])
def test_a_catalog_delete_of_a_dataset_apps_use_is_a_conflict_not_an_endless_error(
        desk: Desk, opd_id: str, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        word: str) -> None:
    record_id, package_id = _published(desk, opd_id, catalog_client, ckan_world)
    app = _used_by_an_app(desk, opd_id, record_id)
    catalog_client.package_delete(package_id)

    summary = make_engine(desk, catalog_client).run()
    assert summary.errors == 0 and summary.deleted == 0 and summary.conflicts == 1
    summary = make_engine(desk, catalog_client).run()  # a conflict: never retried as an error
    assert summary.errors == 0 and summary.deleted == 0 and _open_rows(desk) == 1
    assert _run_errors(desk) == []
    [conflict] = list_conflicts(desk)
    assert conflict.field == USED_BY_APPS_FIELD and conflict.record_id == record_id
    assert conflict.title == "Jumlah Penduduk Menurut Kecamatan"
    assert conflict.local == ["Sistem Informasi Kependudukan"]
    assert desk.datasets.get(record_id)["deleted_at"] is None
    with pytest.raises(DeskError, match="keep, delete"):
        resolve_conflict(desk, conflict.id, "theirs")

    resolve_conflict(desk, conflict.id, word)
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean and summary.pushed == 0 and pending_count(desk) == 0
    with desk.db.session() as s:
        state = s.get(SyncRecord, ("datasets", record_id))
        assert state is not None and state.remote_id is None  # no longer tied to the package
    links = [row["dataset_id"] for row in desk.apps.get(app["id"])["datasets"]]
    if word == "keep":
        assert desk.datasets.get(record_id)["deleted_at"] is None and links == [record_id]
    else:
        assert links == []
        assert desk.datasets.get(record_id, include_deleted=True)["deleted_at"] is not None
    assert ckan_world.server.package(package_id)["state"] == "deleted"


def test_unknown_words_are_refused_for_field_conflicts_of_deletion(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    """"deleted there, edited here" takes mine or theirs only (a value means nothing)."""
    record_id, package_id = _published(desk, opd_id, catalog_client, ckan_world)
    catalog_client.package_delete(package_id)
    record = desk.datasets.get(record_id)
    desk.datasets.update(record_id, {"satuan": "orang"}, expected_version=record["version"])
    assert make_engine(desk, catalog_client).run().conflicts == 1
    [conflict] = list_conflicts(desk)
    with pytest.raises(DeskError, match="mine, theirs"):
        resolve_conflict(desk, conflict.id, "hapus saja")
    assert _open_rows(desk) == 1
