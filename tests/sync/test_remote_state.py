"""Deletions are found by asking about known ids; a broken search index is noticed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from ckan_server.fixtures import CatalogWorld, start_world

from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.errors import CatalogResponseError
from desktop.sync.paging import iter_modified_since
from desktop.sync.remote_state import RemoteState, check_search_index, remote_states

MakeClient = Callable[..., CatalogClient]


def test_each_known_id_gets_its_fate(make_client: MakeClient,
                                     ckan_world: CatalogWorld) -> None:
    server = ckan_world.server
    active, deleted, purged = server.seed_packages(3, org="diskominfo")
    hidden = server.seed_packages(1, org="bappeda", private=True)[0]
    admin = make_client("admin", user_name="admin")
    admin.package_delete(deleted)
    admin.call("package_purge", {"id": purged}, write=True)
    states = {s.remote_id: s.state for s in remote_states(make_client(),
                                                          [active, deleted, purged, hidden])}
    assert states == {active: RemoteState.ACTIVE, deleted: RemoteState.DELETED,
                      purged: RemoteState.PURGED, hidden: RemoteState.HIDDEN}


def test_a_deletion_never_shows_in_an_incremental_pull(make_client: MakeClient,
                                                       ckan_world: CatalogWorld) -> None:
    ids = ckan_world.server.seed_packages(3, org="diskominfo")
    watermark = ckan_world.server.package(ids[0])["metadata_modified"]
    make_client().package_delete(ids[1])
    pulled = {p["id"] for p in iter_modified_since(make_client(), watermark)}
    assert ids[1] not in pulled


def test_a_healthy_index_passes(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(2, org="diskominfo")
    check_search_index(make_client())


def test_a_broken_index_is_reported() -> None:
    server, world = start_world(broken_index=True)
    try:
        server.seed_packages(2, org="diskominfo")
        with pytest.raises(CatalogResponseError, match="indeks"):
            check_search_index(CatalogClient(CatalogConfig(server.url), world.editor_token))
    finally:
        server.stop()
