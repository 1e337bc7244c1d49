"""Paging the catalog: nothing skipped past the 1000-row and 25-organization caps."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from ckan_server.fixtures import CatalogWorld, start_world

from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.errors import CatalogFilterIgnoredError
from desktop.sync.paging import (
    iter_modified_pages,
    iter_modified_since,
    iter_organizations,
    iter_package_names,
    watermark_bound,
)

MakeClient = Callable[..., CatalogClient]


def test_every_dataset_past_the_1000_row_cap(make_client: MakeClient,
                                             ckan_world: CatalogWorld) -> None:
    ids = ckan_world.server.seed_packages(2500, org="diskominfo")
    pages = list(iter_modified_pages(make_client()))
    assert len(pages) == 3 and len(pages[0]) == 1000  # later pages skip rows already seen
    assert sorted(p["id"] for page in pages for p in page) == sorted(ids)
    assert ckan_world.server.count("package_search") == 3
    assert all(r.data["rows"] == 1000 and r.data["sort"] == "metadata_modified asc, id asc"
               for r in ckan_world.server.requests)


def test_only_what_changed_since_the_watermark(make_client: MakeClient,
                                               ckan_world: CatalogWorld) -> None:
    server = ckan_world.server
    old = server.seed_packages(1500, org="diskominfo")
    watermark = server.package(old[-1])["metadata_modified"]
    new = server.seed_packages(30, org="diskominfo")
    got = {p["id"] for p in iter_modified_since(make_client(), watermark)}
    assert old[-1] in got and set(new) <= got  # the watermark itself is inclusive
    assert len(got) < 1500  # the index compares at milliseconds: a few same-ms neighbours


def test_a_bulk_import_sharing_one_timestamp_is_read_whole(make_client: MakeClient,
                                                           ckan_world: CatalogWorld) -> None:
    ids = ckan_world.server.seed_packages(2300, org="diskominfo", same_timestamp=True)
    got = [p["id"] for p in iter_modified_since(make_client())]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got))


def test_edits_during_the_walk_lose_nothing(make_client: MakeClient,
                                            ckan_world: CatalogWorld) -> None:
    """An edit moves a dataset to the end of the order; with offsets the pages after it
    would shift and skip one. Keyset paging reads everyone, the edited one again."""
    server = ckan_world.server
    ids = server.seed_packages(2500, org="diskominfo")
    seen: list[str] = []
    for number, page in enumerate(iter_modified_pages(make_client())):
        seen.extend(p["id"] for p in page)
        if number == 0:
            for edited in ids[10:20]:
                server.edit_package(edited, title="Diubah di portal")
    assert set(seen) == set(ids)
    assert seen.count(ids[10]) == 2


def test_overlap_reaches_back(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    ids = ckan_world.server.seed_packages(3, org="diskominfo")
    stamp = ckan_world.server.package(ids[-1])["metadata_modified"]
    assert watermark_bound(stamp, timedelta(seconds=5)) < stamp[:23]
    got = [p["id"] for p in iter_modified_since(make_client(), stamp,
                                                overlap=timedelta(seconds=5))]
    assert set(got) == set(ids)


def test_private_datasets_are_pulled_for_members(make_client: MakeClient,
                                                 ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(4, org="diskominfo", private=True)
    assert len(list(iter_modified_since(make_client()))) == 4


def test_a_proxy_that_drops_fq_is_detected() -> None:
    server, world = start_world(drop_fq=True)
    try:
        ids = server.seed_packages(5, org="diskominfo")
        stamp = server.package(ids[-1])["metadata_modified"]
        later = datetime.fromisoformat(stamp) + timedelta(seconds=1)
        client = CatalogClient(CatalogConfig(server.url, "editor"), world.editor_token)
        with pytest.raises(CatalogFilterIgnoredError):
            list(iter_modified_since(client, later))
    finally:
        server.stop()


def test_every_organization_past_the_25_cap(make_client: MakeClient,
                                            ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_organizations(60)
    names = [o["name"] for o in iter_organizations(make_client())]
    assert len(names) == 62 and len(set(names)) == 62
    assert all("title" in o for o in iter_organizations(make_client()))
    assert ckan_world.server.count("organization_list") == 2 * 4  # 25+25+12, then empty


def test_every_public_dataset_name(make_client: MakeClient, ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(1200, org="diskominfo")
    names = list(iter_package_names(make_client()))
    assert len(names) == 1200 and len(set(names)) == 1200


def test_pull_runs_alongside_writers(make_client: MakeClient,
                                     ckan_world: CatalogWorld) -> None:
    """The server is threaded: a pull and a writer on another client do not block."""
    ckan_world.server.seed_packages(1500, org="diskominfo")
    writer = make_client()
    thread = threading.Thread(target=lambda: [writer.package_create(
        {"name": f"baru-{i}", "owner_org": "diskominfo", "resources": []}) for i in range(5)])
    thread.start()
    pulled = list(iter_modified_since(make_client()))
    thread.join()
    assert len(pulled) >= 1500
