"""An everyday sync (a few remote changes: one page, one slice) is written on the
engine's own thread in one transaction, with no reading-ahead or writer thread to start;
a walk of several pages still goes through them. Both bring in the same changes."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.core.desk import Desk
from desktop.core.jobs import CancelToken
from desktop.sync.client import CatalogClient
from desktop.sync.pull import Puller, read_watermark
from sync.engine_support import add_opd, make_engine


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """(thread name, packages) of every slice the pull writes."""
    seen: list[tuple[str, int]] = []
    apply = Puller.apply_planned

    def recorded(self: Puller, plan: Any) -> Any:
        seen.append((threading.current_thread().name, len(plan.page)))
        return apply(self, plan)

    monkeypatch.setattr(Puller, "apply_planned", recorded)
    return seen


def _seed_a_day_ago(world: CatalogWorld, count: int) -> list[str]:
    """Datasets a catalog has had for a while: out of the next sync's overlap window."""
    ids = world.server.seed_packages(count, org="diskominfo")
    with world.server.store.lock:
        for package_id in ids:
            package = world.server.store.packages[package_id]
            day_before = (datetime.fromisoformat(package["metadata_modified"])
                          - timedelta(days=1)).isoformat()
            package["metadata_modified"] = package["metadata_created"] = day_before
    return ids


def _threads() -> set[str]:
    return {thread.name for thread in threading.enumerate()}


def test_a_few_remote_changes_are_written_on_the_engines_thread(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        writes: list[tuple[str, int]]) -> None:
    add_opd(desk)
    ids = _seed_a_day_ago(ckan_world, 12)
    assert make_engine(desk, catalog_client).run().pulled == 12  # pages of 5: the writer
    assert {name for name, _ in writes} == {"sync-pull-writer"}
    writes.clear()
    for package_id in ids[:3]:
        ckan_world.server.edit_package(package_id, notes="Diperbarui di portal.")
    before = read_watermark(desk, catalog_client.config.base_url)
    progress: list[tuple[int, int]] = []
    summary = make_engine(desk, catalog_client).run(
        progress=lambda done, total, _text: progress.append((done, total)))
    assert (summary.pulled, summary.errors, summary.conflicts) == (3, 0, 0)
    assert writes == [(threading.current_thread().name, 3)]  # one slice, here
    assert not any(name.startswith("sync-") for name in _threads())
    notes = {desk.datasets.get(record_id)["deskripsi"] for record_id in desk.datasets.ids()}
    assert "Diperbarui di portal." in notes
    assert read_watermark(desk, catalog_client.config.base_url) > before
    assert (3, 3) in progress  # the walk's progress is told as a long walk's is
    again = make_engine(desk, catalog_client).run()  # read again in the overlap, skipped
    assert (again.pulled, again.conflicts) == (0, 0)


def test_a_walk_longer_than_one_page_still_goes_through_the_writer(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        writes: list[tuple[str, int]]) -> None:
    add_opd(desk)
    ids = _seed_a_day_ago(ckan_world, 8)
    make_engine(desk, catalog_client).run()
    writes.clear()
    for package_id in ids[:7]:  # more than a page of 5
        ckan_world.server.edit_package(package_id, notes="Diperbarui di portal.")
    assert make_engine(desk, catalog_client).run().pulled == 7
    assert {name for name, _ in writes} == {"sync-pull-writer"}


def test_a_sync_cancelled_before_its_one_slice_writes_nothing(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        writes: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    add_opd(desk)
    ckan_world.server.seed_packages(2, org="diskominfo")
    token = CancelToken()
    first_page = catalog_client.package_search

    def cancel_after_reading(*args: Any, **kwargs: Any) -> Any:
        answer = first_page(*args, **kwargs)
        token.cancel()  # the person presses Batal while the page comes in
        return answer

    monkeypatch.setattr(catalog_client, "package_search", cancel_after_reading)
    summary = make_engine(desk, catalog_client).run(token=token)
    assert summary.cancelled and summary.pulled == 0
    assert writes == [] and desk.datasets.ids() == []
    assert read_watermark(desk, catalog_client.config.base_url) is None
