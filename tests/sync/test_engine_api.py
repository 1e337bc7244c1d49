"""The calls the GUI uses: status, OPD <-> organization mapping, a sync with progress."""

from __future__ import annotations

from ckan_server.fixtures import CatalogWorld

from desktop.core.desk import Desk
from desktop.sync import api
from desktop.sync.client import CatalogClient
from sync.engine_support import add_opd, full_dataset


def test_a_manual_mapping_sends_an_opd_to_the_chosen_organization(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    opd = add_opd(desk, "Bagian Umum Setda", "4.01")
    desk.datasets.create(full_dataset(opd))
    org = ckan_world.server.store.find_organization("diskominfo")
    api.set_org_mapping(desk, opd, org["id"], org["name"])
    seen: list[tuple[int, int, str]] = []
    summary = api.run_sync(desk, lambda done, total, message: seen.append((done, total,
                                                                            message)),
                           client=catalog_client)
    assert summary.pushed == 1 and summary.clean
    assert seen[-1][0] == seen[-1][1] and seen[-1][2] == "Sinkronisasi selesai."
    [package] = ckan_world.server.store.packages.values()
    assert package["owner_org"] == org["id"]
    [mapping] = api.org_mappings(desk)
    assert (mapping.opd_name, mapping.org_name, mapping.manual) == (
        "Bagian Umum Setda", "diskominfo", True)
    status = api.sync_status(desk)
    assert (status.pending, status.conflicts) == (0, 0)
    assert status.last_run is not None and status.last_run.status == "ok"
    assert [o["name"] for o in api.catalog_organizations(catalog_client)] == [
        "bappeda", "diskominfo"]


def test_automatic_matching_never_overrides_the_users_choice(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    opd = add_opd(desk)  # its name matches "diskominfo"
    bappeda = ckan_world.server.store.find_organization("bappeda")
    api.set_org_mapping(desk, opd, bappeda["id"], bappeda["name"])
    api.run_sync(desk, client=catalog_client)
    assert [m.org_name for m in api.org_mappings(desk)] == ["bappeda"]
    api.clear_org_mapping(desk, opd)
    api.run_sync(desk, client=catalog_client)
    assert [(m.org_name, m.manual) for m in api.org_mappings(desk)] == [("diskominfo", False)]
