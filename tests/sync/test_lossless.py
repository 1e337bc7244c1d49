"""Lossless values (issue 21): what the catalog has is stored whole, and a push sends only
what the user changed here, never a default for a field the catalog lacks. SQLite and
PostgreSQL, over HTTP against the test catalog."""

from __future__ import annotations

from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.core.desk import Desk
from desktop.core.errors import ValidationError
from desktop.core.kinds import kind_named
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import pending_count
from sync.catalog_packages import extras_of, put_package
from sync.engine_support import add_opd, full_dataset, make_engine

LONG_TITLE = ("Jumlah Penduduk Menurut Kelompok Umur dan Jenis Kelamin " * 100)[:5020]
LONG_NOTES = "Catatan panjang dari portal. " * 1000  # 29,000 characters


def _form_values(desk: Desk, record_id: str, **changes: Any) -> dict[str, Any]:
    """Every field as the dataset form sends it on save, with the user's changes."""
    record = desk.datasets.get(record_id)
    values = {f.name: record[f.name] for f in kind_named("datasets").fields}
    return {**values, "resources": record["resources"], **changes}


def _save_form(desk: Desk, record_id: str, **changes: Any) -> None:
    version = desk.datasets.get(record_id)["version"]
    desk.datasets.update(record_id, _form_values(desk, record_id, **changes),
                         expected_version=version)


@pytest.fixture
def portal_package(ckan_world: CatalogWorld) -> str:
    """The issue's package: a 5,020-character title, no licence, no frekuensi and no
    sifat_data, a frequency extra this register does not know on a second field."""
    assert len(LONG_TITLE) == 5020
    return put_package(ckan_world, name="judul-panjang", title=LONG_TITLE, notes=LONG_NOTES,
                       maintainer="Bidang Statistik", maintainer_email="bukan alamat email",
                       extras={"tingkat_penyajian": "antar-galaksi", "lain": "milik portal"})


def test_a_long_remote_title_is_stored_whole_and_never_pushed_back_cut(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        portal_package: str) -> None:
    add_opd(desk)
    before = ckan_world.server.package(portal_package)
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pulled, summary.errors) == (1, 0)
    [record_id] = desk.datasets.ids()
    record = desk.datasets.get(record_id)
    assert record["judul"] == LONG_TITLE  # whole; text trimmed as the register keeps it
    assert record["deskripsi"] == LONG_NOTES.strip()
    # what the catalog lacks stays empty here where it may; required fields get defaults
    assert (record["lisensi"], record["tingkat_penyajian"], record["kontak_email"]) == (
        None, None, None)
    assert (record["frekuensi"], record["sifat_data"]) == ("tahunan", "terbuka")

    # a clerk edits another field in the form, which sends the whole title back
    _save_form(desk, record_id, satuan="jiwa")
    assert desk.datasets.get(record_id)["judul"] == LONG_TITLE
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pushed, summary.errors, summary.conflicts) == (1, 0, 0)

    after = ckan_world.server.package(portal_package)
    assert after["title"] == LONG_TITLE and after["notes"] == LONG_NOTES
    assert after["license_id"] == before["license_id"]  # no cc-by it never had
    assert (after["maintainer"], after["maintainer_email"]) == (
        "Bidang Statistik", "bukan alamat email")
    # only the changed field (and our link id) joined the catalog's own extras: no
    # frekuensi=tahunan, no sifat_data=terbuka, the unknown level of presentation kept
    assert extras_of(after) == {**extras_of(before), "satuan": "jiwa", "desk_id": record_id}
    again = make_engine(desk, catalog_client).run()
    assert (again.pushed, again.pulled, again.conflicts) == (0, 0, 0)
    assert desk.datasets.get(record_id)["judul"] == LONG_TITLE
    assert pending_count(desk) == 0


def test_a_long_title_changed_on_the_portal_is_pulled_whole(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        portal_package: str) -> None:
    add_opd(desk)
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    longer = LONG_TITLE + " (revisi)"
    ckan_world.server.edit_package(portal_package, title=longer)
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pulled, summary.errors) == (1, 0)
    assert desk.datasets.get(record_id)["judul"] == longer


def test_a_title_typed_here_keeps_its_limit(desk: Desk, catalog_client: CatalogClient,
                                           ckan_world: CatalogWorld,
                                           portal_package: str) -> None:
    opd_id = add_opd(desk)
    with pytest.raises(ValidationError) as typed:
        desk.datasets.create(full_dataset(opd_id, judul="J" * 301))
    assert "judul" in typed.value.errors
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    version = desk.datasets.get(record_id)["version"]
    with pytest.raises(ValidationError) as changed:  # a new long title is typing, too
        desk.datasets.update(record_id, {"judul": LONG_TITLE + "!"}, expected_version=version)
    assert "judul" in changed.value.errors
    assert desk.datasets.get(record_id)["judul"] == LONG_TITLE


def test_a_title_changed_here_is_pushed_and_nothing_else(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        portal_package: str) -> None:
    add_opd(desk)
    before = ckan_world.server.package(portal_package)
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    _save_form(desk, record_id, judul="Penduduk per Kelompok Umur")
    make_engine(desk, catalog_client).run()
    after = ckan_world.server.package(portal_package)
    assert after["title"] == "Penduduk per Kelompok Umur"
    assert after["notes"] == LONG_NOTES and after["license_id"] == before["license_id"]
    assert extras_of(after) == {**extras_of(before), "desk_id": record_id}


def test_a_dataset_made_here_still_sends_every_field(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    """Creating is the one push that sends the whole record, defaults included: they are
    the values the user saved."""
    opd_id = add_opd(desk)
    record_id = desk.datasets.create(full_dataset(opd_id, lisensi="CC-BY-4.0"))["id"]
    make_engine(desk, catalog_client).run()
    [package] = [p for p in ckan_world.server.store.packages.values()
                 if p["state"] == "active"]
    extras = extras_of(package)
    assert package["license_id"] == "cc-by"
    assert (extras["frekuensi"], extras["sifat_data"], extras["desk_id"]) == (
        "semesteran", "terbuka", record_id)
