"""Applications become showcases where the catalog has ckanext-showcase; else stay local."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ckan_server.fixtures import CatalogWorld, start_world

from desktop.core.desk import Desk
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.conflicts import pending_count
from desktop.sync.mapping import DESK_ID_KEY
from sync.conftest import QUICK_RETRY
from sync.engine_support import add_opd, make_engine


@pytest.fixture
def showcase_world() -> Iterator[CatalogWorld]:
    server, world = start_world(showcase=True, showcase_admins={"editor"})
    try:
        yield world
    finally:
        server.stop()


def _client(world: CatalogWorld) -> CatalogClient:
    return CatalogClient(CatalogConfig(world.server.url, "editor", write_interval=0,
                                       retry=QUICK_RETRY), world.editor_token)


def _app(desk: Desk) -> dict:
    return desk.apps.create({"nama": "Sistem Informasi Perizinan", "deskripsi": "Izin daring.",
                             "opd_pemilik_id": add_opd(desk), "url": "https://sip.contoh.go.id"})


def test_apps_are_published_updated_and_withdrawn_as_showcases(
        desk: Desk, showcase_world: CatalogWorld) -> None:
    client = _client(showcase_world)
    store = showcase_world.server.store
    app = _app(desk)
    assert pending_count(desk) == 1
    assert make_engine(desk, client).run().pushed == 1
    [showcase] = store.showcases.values()
    assert showcase["title"] == "Sistem Informasi Perizinan"
    assert {"key": DESK_ID_KEY, "value": app["id"]} in showcase["extras"]
    desk.apps.update(app["id"], {"nama": "SIP Terpadu"}, expected_version=app["version"])
    assert make_engine(desk, client).run().pushed == 1
    assert [s["title"] for s in store.showcases.values()] == ["SIP Terpadu"]
    desk.apps.delete(app["id"])
    assert make_engine(desk, client).run().deleted == 1
    assert not store.showcases and pending_count(desk) == 0
    client.close()


def test_without_the_plugin_apps_stay_local_and_nothing_stays_pending(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    _app(desk)
    assert pending_count(desk) == 1
    summary = make_engine(desk, catalog_client).run()
    assert summary.clean and summary.pushed == 0 and pending_count(desk) == 0
    assert not any("showcase" in r.action for r in ckan_world.server.requests)
