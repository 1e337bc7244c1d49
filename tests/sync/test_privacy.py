"""Privacy first (issue 21): a sync never makes a dataset more public than the catalog has
it, never deletes a catalog package for its classification, and says beforehand what a
change of sifat data made here will do. Every combination of private/public x sifat data
x personal data, pulled then edited here, and made here then pushed; SQLite and
PostgreSQL, over HTTP against the test catalog."""

from __future__ import annotations

from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.sync.api import catalog_visibility, notice_for
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import pending_count
from desktop.sync.mapping import MANAGED_EXTRAS
from desktop.sync.memory import FOREIGN, PRIVATE
from sync.catalog_packages import extras_of, put_package
from sync.engine_support import add_opd, full_dataset, make_engine

SIFAT = ("terbuka", "terbatas", "dikecualikan")
BASIS = "UU 14/2008 Pasal 17 huruf h"
COMBINATIONS = [(private, sifat, pribadi) for private in (False, True) for sifat in SIFAT
                for pribadi in (False, True)]


def _label(private: bool, sifat: str, pribadi: bool) -> str:
    return f"{'privat' if private else 'publik'}-{sifat}-{'pribadi' if pribadi else 'umum'}"


def _extras(sifat: str, pribadi: bool) -> dict[str, str]:
    extras = {"sifat_data": sifat}
    if sifat == "dikecualikan":
        extras["dasar_pengecualian"] = BASIS
    if pribadi:
        extras["data_pribadi"] = "true"
    return extras


def _edit(desk: Desk, record_id: str, **changes: Any) -> None:
    record = desk.datasets.get(record_id)
    desk.datasets.update(record_id, changes, expected_version=record["version"])


def _active(world: CatalogWorld) -> list[dict[str, Any]]:
    return [p for p in world.server.store.packages.values() if p["state"] == "active"]


def _actions(desk: Desk, record_id: str) -> list[str]:
    return [h["aksi"] for h in desk.datasets.history(record_id)]


# ------------------------------------------------------------------ pulled, edited here
@pytest.mark.parametrize(("private", "sifat", "pribadi"), COMBINATIONS,
                         ids=[_label(*c) for c in COMBINATIONS])
def test_a_pulled_dataset_edited_here_keeps_its_catalog_visibility(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        private: bool, sifat: str, pribadi: bool) -> None:
    add_opd(desk)
    package_id = put_package(ckan_world, name="dari-portal", private=private,
                             extras=_extras(sifat, pribadi))
    before = ckan_world.server.package(package_id)
    assert make_engine(desk, catalog_client).run().pulled == 1
    [record_id] = desk.datasets.ids()
    record = desk.datasets.get(record_id)
    assert (record["sifat_data"], record["data_pribadi"]) == (sifat, pribadi)

    _edit(desk, record_id, deskripsi="Diperbarui di kantor.")
    assert notice_for(catalog_visibility(desk, record_id), desk.datasets.get(record_id)) is None
    summary = make_engine(desk, catalog_client).run()  # private publishing not allowed
    assert (summary.pushed, summary.deleted, summary.errors, summary.conflicts) == (1, 0, 0, 0)

    after = ckan_world.server.package(package_id)
    assert after is not None and after["state"] == "active"
    assert after["private"] is private  # never more public, never deleted
    assert after["notes"] == "Diperbarui di kantor."  # the edit reached the catalog
    assert extras_of(after) == {**extras_of(before), "desk_id": record_id}
    assert (after["title"], after["license_id"]) == (before["title"], before["license_id"])
    record = desk.datasets.get(record_id)
    assert (record["sifat_data"], record["data_pribadi"], record["deleted_at"]) == (
        sifat, pribadi, None)
    assert record["deskripsi"] == "Diperbarui di kantor."
    assert pending_count(desk) == 0
    assert _actions(desk, record_id) == ["update", "create"]  # no visibility change logged


@pytest.mark.parametrize(("private", "expected"), [(True, "terbatas"), (False, "terbuka")])
def test_a_package_without_sifat_data_is_classified_by_its_visibility(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        private: bool, expected: str) -> None:
    """The issue's first case: a private package with no Satu Data extra was pulled as
    terbuka, and one local edit later the sync made it public."""
    add_opd(desk)
    package_id = put_package(ckan_world, name="tanpa-sifat", private=private)
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    assert desk.datasets.get(record_id)["sifat_data"] == expected
    _edit(desk, record_id, deskripsi="Catatan kantor.")
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pushed, summary.deleted, summary.errors) == (1, 0, 0)
    after = ckan_world.server.package(package_id)
    assert after["private"] is private and after["notes"] == "Catatan kantor."
    assert extras_of(after) == {"desk_id": record_id}  # no sifat_data pushed for it


def test_the_issue_three_packages_are_neither_opened_nor_deleted(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    """One sync after a local edit of each: nothing made public, nothing deleted, every
    edit on the catalog."""
    add_opd(desk)
    ids = {
        "privat-tanpa-sifat": put_package(ckan_world, name="privat-tanpa-sifat", private=True),
        "privat-terbatas": put_package(ckan_world, name="privat-terbatas", private=True,
                                       extras={"sifat_data": "terbatas"}),
        "publik-pribadi": put_package(ckan_world, name="publik-pribadi",
                                      extras={"data_pribadi": "true"}),
    }
    make_engine(desk, catalog_client).run()
    for record_id in desk.datasets.ids():
        _edit(desk, record_id, deskripsi="Diedit di kantor.")
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pushed, summary.deleted, summary.errors) == (3, 0, 0)
    for name, package_id in ids.items():
        package = ckan_world.server.package(package_id)
        assert package["state"] == "active", name
        assert package["private"] is (name != "publik-pribadi"), name
        assert package["notes"] == "Diedit di kantor.", name
    assert len(desk.datasets.ids()) == 3


def test_a_link_synced_before_the_catalog_flag_was_kept_loses_nothing(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    """A last-synced copy from before 0005 (only others' extras, no private flag): the
    push asks the catalog first instead of dropping its Satu Data extras."""
    add_opd(desk)
    extras = {**_extras("terbatas", True), "frekuensi": "dua-tahunan", "lain": "x"}
    package_id = put_package(ckan_world, name="lama", private=True, extras=extras)
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    with desk.db.session() as s:
        state = s.scalar(select(SyncRecord).where(SyncRecord.record_id == record_id))
        base = dict(state.base)
        base.pop(PRIVATE)
        base[FOREIGN] = [e for e in base[FOREIGN] if e["key"] not in MANAGED_EXTRAS]
        state.base = base
    _edit(desk, record_id, satuan="jiwa")
    make_engine(desk, catalog_client).run()
    after = ckan_world.server.package(package_id)
    assert after["private"] is True
    assert extras_of(after) == {**extras, "satuan": "jiwa", "desk_id": record_id}


# ------------------------------------------------------------------- made here, pushed
LOCAL = [(allow, sifat, pribadi) for allow in (False, True) for sifat in SIFAT
         for pribadi in (False, True)]


@pytest.mark.parametrize(("allow_private", "sifat", "pribadi"), LOCAL,
                         ids=[f"{'boleh' if a else 'tidak'}-privat-{s}-{'pribadi' if p else 'umum'}"
                              for a, s, p in LOCAL])
def test_a_dataset_made_here_goes_out_as_its_classification_says(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        allow_private: bool, sifat: str, pribadi: bool) -> None:
    opd_id = add_opd(desk)
    extra = {"dasar_pengecualian": BASIS} if sifat == "dikecualikan" else {}
    record_id = desk.datasets.create(full_dataset(opd_id, sifat_data=sifat,
                                                  data_pribadi=pribadi, **extra))["id"]
    public = sifat == "terbuka" and not pribadi
    published = public or allow_private
    notice = notice_for(catalog_visibility(desk, record_id), desk.datasets.get(record_id))
    assert (notice is None) is public
    summary = make_engine(desk, catalog_client, allow_private=allow_private).run()
    assert (summary.deleted, summary.errors) == (0, 0)
    assert summary.pushed == (1 if published else 0)
    packages = _active(ckan_world)
    if not published:
        assert packages == []  # never on the catalog, not even privately
    else:
        [package] = packages
        assert package["private"] is not public
        assert extras_of(package)["sifat_data"] == sifat
        assert extras_of(package)["data_pribadi"] == ("true" if pribadi else "false")

    _edit(desk, record_id, deskripsi="Edisi kedua.")
    again = make_engine(desk, catalog_client, allow_private=allow_private).run()
    assert (again.deleted, again.errors, again.conflicts) == (0, 0, 0)
    if not published:
        assert _active(ckan_world) == []
    else:
        [after] = _active(ckan_world)
        assert after["id"] == package["id"] and after["private"] is not public
        assert after["notes"] == "Edisi kedua."
    record = desk.datasets.get(record_id)
    assert (record["sifat_data"], record["data_pribadi"], record["deleted_at"]) == (
        sifat, pribadi, None)
    assert pending_count(desk) == 0


# ------------------------------------------------------ classification changed on purpose
@pytest.mark.parametrize("change", [{"sifat_data": "terbatas"},
                                    {"sifat_data": "dikecualikan", "dasar_pengecualian": BASIS},
                                    {"data_pribadi": True}],
                         ids=["terbatas", "dikecualikan", "data-pribadi"])
def test_restricting_a_published_dataset_makes_it_private_and_says_so_first(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        change: dict[str, Any]) -> None:
    opd_id = add_opd(desk)
    record_id = desk.datasets.create(full_dataset(opd_id))["id"]
    make_engine(desk, catalog_client).run()
    [package] = _active(ckan_world)
    assert package["private"] is False

    visibility = catalog_visibility(desk, record_id)
    assert (visibility.linked, visibility.private) == (True, False)
    shown = notice_for(visibility, {**desk.datasets.get(record_id), **change})
    assert shown is not None and "dijadikan privat" in shown and "tidak dihapus" in shown
    _edit(desk, record_id, **change)
    summary = make_engine(desk, catalog_client).run()  # private publishing not allowed
    assert (summary.pushed, summary.deleted, summary.errors) == (1, 0, 0)
    after = ckan_world.server.package(package["id"])
    assert after["state"] == "active" and after["private"] is True
    for field, value in change.items():
        assert extras_of(after)[field] == (str(value).lower() if value is True else value)
    assert _actions(desk, record_id)[0] == "unpublish"  # the audit log says who and when
    assert notice_for(catalog_visibility(desk, record_id), desk.datasets.get(record_id)) is None
    # edits go on reaching the private dataset; it is never deleted for being restricted
    _edit(desk, record_id, deskripsi="Masih disinkronkan.")
    make_engine(desk, catalog_client).run()
    after = ckan_world.server.package(package["id"])
    assert (after["state"], after["private"], after["notes"]) == (
        "active", True, "Masih disinkronkan.")


def test_opening_a_private_dataset_on_purpose_makes_it_public_and_says_so_first(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    add_opd(desk)
    package_id = put_package(ckan_world, name="akan-dibuka", private=True,
                             extras={"sifat_data": "terbatas"})
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    shown = notice_for(catalog_visibility(desk, record_id),
                       {**desk.datasets.get(record_id), "sifat_data": "terbuka"})
    assert shown is not None and "dibuka untuk umum" in shown
    _edit(desk, record_id, sifat_data="terbuka")
    summary = make_engine(desk, catalog_client).run()
    assert (summary.pushed, summary.errors) == (1, 0)
    after = ckan_world.server.package(package_id)
    assert after["private"] is False and extras_of(after)["sifat_data"] == "terbuka"
    assert _actions(desk, record_id)[0] == "publish"


def test_a_sifat_changed_on_the_portal_is_no_reason_to_change_visibility(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    """The portal says terbuka but keeps the package private: only a change made here
    opens a dataset."""
    add_opd(desk)
    package_id = put_package(ckan_world, name="portal-ubah", private=True,
                             extras={"sifat_data": "terbatas"})
    make_engine(desk, catalog_client).run()
    [record_id] = desk.datasets.ids()
    ckan_world.server.edit_package(package_id, extras=[{"key": "sifat_data",
                                                        "value": "terbuka"}])
    make_engine(desk, catalog_client).run()
    assert desk.datasets.get(record_id)["sifat_data"] == "terbuka"
    _edit(desk, record_id, deskripsi="Edit kantor.")
    make_engine(desk, catalog_client).run()
    after = ckan_world.server.package(package_id)
    assert after["private"] is True and after["notes"] == "Edit kantor."


def test_the_cli_says_which_datasets_a_sync_makes_private_before_it_runs(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main
    from desktop.sync.api import pending_visibility_changes
    from desktop.sync.token import TOKEN_ENV

    opd_id = add_opd(desk)
    record_id = desk.datasets.create(full_dataset(opd_id, judul="Data Kemiskinan"))["id"]
    make_engine(desk, catalog_client).run()
    _edit(desk, record_id, deskripsi="Hanya teks.")
    assert pending_visibility_changes(desk) == []  # an edit of another field moves nothing
    _edit(desk, record_id, data_pribadi=True)
    [change] = pending_visibility_changes(desk)
    assert (change.record_id, change.private) == (record_id, True)

    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)
    code = main(["--database", desk.db.url, "sync", "--retries", "2",
                 "--catalog", ckan_world.server.url, "--user", "editor"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == ('Sinkronisasi ini menjadikan "Data Kemiskinan" privat di katalog '
                        '(tidak dihapus).')
    assert lines[1].startswith("Sinkronisasi: 1 dikirim") and "0 dihapus" in lines[1]
    [package] = _active(ckan_world)
    assert package["private"] is True
    assert pending_visibility_changes(desk) == []


@pytest.mark.parametrize(("private", "extras", "expected"), [
    (True, {}, ("terbatas", False)),
    (True, {"sifat_data": "tertutup"}, ("terbatas", False)),  # one this register lacks
    (False, {"sifat_data": "tertutup"}, (None, False)),  # public: the register's default
    (True, {"sifat_data": "terbuka"}, ("terbuka", False)),  # stated: kept, stays private
    (False, {"data_pribadi": "ya"}, (None, True)),
    (False, {"data_pribadi": "1"}, (None, True)),
    (False, {"data_pribadi": "tidak"}, (None, False)),
])
def test_a_package_is_read_never_more_open_than_the_catalog_says(
        private: bool, extras: dict[str, str], expected: tuple[str | None, bool]) -> None:
    from desktop.sync.mapping import package_to_dataset

    values = package_to_dataset({"id": "p", "name": "p", "private": private,
                                 "extras": [{"key": k, "value": v}
                                            for k, v in extras.items()]}).values
    assert (values["sifat_data"], values["data_pribadi"]) == expected
