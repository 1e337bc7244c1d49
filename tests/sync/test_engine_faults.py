"""The engine under trouble: lost answers, a pull killed half-way, the catalog offline,
two syncs at once, and the token never written anywhere."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import select, text

from desktop.core.desk import Desk
from desktop.core.jobs import CancelToken
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncLock
from desktop.sync.cancel import SyncCancelled
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import pending_count
from desktop.sync.errors import CatalogError
from desktop.sync.lock import SyncBusyError, SyncLockHolder
from desktop.sync.runlog import recent_runs
from sync.engine_support import add_opd, full_dataset, make_engine

SEEDED = 23  # five pages of five, the last one short


@pytest.fixture
def opd_id(desk: Desk) -> str:
    return add_opd(desk)


def _local_titles(desk: Desk) -> list[str]:
    return sorted(r["judul"] for r in desk.datasets.rows(desk.datasets.ids()))


def test_a_create_whose_answer_was_lost_is_adopted_not_repeated(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    desk.datasets.create(full_dataset(opd_id))
    ckan_world.server.commit_then_drop(action="package_create")
    summary = make_engine(desk, catalog_client).run()
    assert summary.pushed == 1 and summary.clean
    assert ckan_world.server.count("package_create") == 2
    assert len(ckan_world.server.store.packages) == 1
    assert pending_count(desk) == 0
    assert make_engine(desk, catalog_client).run().pushed == 0


def test_a_pull_cancelled_after_two_pages_resumes_without_duplicates_or_losses(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(SEEDED, org="diskominfo")
    token = CancelToken()
    pages: list[int] = []

    def progress(done: int, total: int, message: str) -> None:
        if total == SEEDED and done:
            pages.append(done)
            if len(pages) == 2:
                token.cancel()

    summary = make_engine(desk, catalog_client).run(progress=progress, token=token)
    assert summary.cancelled and 0 < len(desk.datasets.ids()) < SEEDED
    assert recent_runs(desk.db)[0].status == "cancelled"
    resumed = make_engine(desk, catalog_client).run()
    assert resumed.clean
    titles = _local_titles(desk)
    assert len(titles) == len(set(titles)) == SEEDED


def test_a_pull_killed_by_a_failing_catalog_resumes(desk: Desk, opd_id: str,
                                                   catalog_client: CatalogClient,
                                                   ckan_world: CatalogWorld) -> None:
    ckan_world.server.seed_packages(SEEDED, org="diskominfo")
    armed: list[Any] = []

    def progress(done: int, total: int, message: str) -> None:
        # the catalog dies mid-pull, once a first page is committed (the walk reads at
        # most three pages ahead of the commits: one written, one queued, one checked)
        if total == SEEDED and done >= 5 and not armed:
            armed.append(ckan_world.server.fail(503, times=50, action="package_search"))

    with pytest.raises(CatalogError):
        make_engine(desk, catalog_client, prefetch=False).run(progress=progress)
    assert 0 < len(desk.datasets.ids()) < SEEDED
    assert recent_runs(desk.db)[0].status == "failed"
    ckan_world.server.clear_faults()
    assert make_engine(desk, catalog_client).run().clean
    titles = _local_titles(desk)
    assert len(titles) == len(set(titles)) == SEEDED


def test_offline_edits_are_counted_then_pushed_when_the_catalog_is_back(
        desk: Desk, opd_id: str, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    first = desk.datasets.create(full_dataset(opd_id))
    make_engine(desk, catalog_client).run()
    ckan_world.server.drop_connection(times=1000)  # unplugged
    desk.datasets.create(full_dataset(opd_id, judul="Dibuat saat luring"))
    record = desk.datasets.get(first["id"])
    desk.datasets.update(first["id"], {"satuan": "KK"}, expected_version=record["version"])
    assert pending_count(desk) == 2
    with pytest.raises(CatalogError):
        make_engine(desk, catalog_client).run()
    assert pending_count(desk) == 2
    ckan_world.server.clear_faults()
    summary = make_engine(desk, catalog_client).run()
    assert summary.pushed == 2 and summary.clean and pending_count(desk) == 0
    titles = sorted(p["title"] for p in ckan_world.server.store.packages.values())
    assert titles == ["Dibuat saat luring", "Jumlah Penduduk Menurut Kecamatan"]


def test_only_one_sync_runs_at_a_time(desk: Desk, opd_id: str,
                                      catalog_client: CatalogClient) -> None:
    with SyncLockHolder(desk.db), pytest.raises(SyncBusyError):
        make_engine(desk, catalog_client).run()
    assert make_engine(desk, catalog_client).run().clean  # released


def test_a_crashed_syncs_stale_lock_row_is_taken_over(sqlite_desk: Desk,
                                                      catalog_client: CatalogClient) -> None:
    from datetime import timedelta

    with sqlite_desk.db.session() as s:
        s.add(SyncLock(name="sync", owner="pc-lain:1:dead", heartbeat=utcnow()))
    with pytest.raises(SyncBusyError):
        make_engine(sqlite_desk, catalog_client).run()
    with sqlite_desk.db.session() as s:
        s.get(SyncLock, "sync").heartbeat = utcnow() - timedelta(hours=1)
    assert make_engine(sqlite_desk, catalog_client).run().clean
    with sqlite_desk.db.session() as s:
        assert s.scalar(select(SyncLock)) is None


def test_cancel_token_may_raise_from_check(desk: Desk, opd_id: str,
                                           catalog_client: CatalogClient) -> None:
    class Raising:
        def check(self) -> None:
            raise SyncCancelled("stop")

    assert make_engine(desk, catalog_client).run(token=Raising()).cancelled


def _database_text(desk: Desk) -> bytes:
    path = desk.db.sqlite_path
    if path is not None:
        desk.close()
        return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))
    chunks = []
    with desk.db.engine.connect() as conn:
        tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname='public'"))
        for (table,) in list(tables):
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                chunks.append(repr(tuple(row)).encode())
    return b"\n".join(chunks)


def test_the_token_is_never_written_to_any_file_the_app_writes(
        desk: Desk, opd_id: str, ckan_world: CatalogWorld, memory_keyring: Any,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    from desktop.cli import main
    from desktop.sync.token import TOKEN_ENV

    token = ckan_world.editor_token
    monkeypatch.setenv(TOKEN_ENV, token)
    desk.datasets.create(full_dataset(opd_id))
    desk.datasets.create(full_dataset(add_opd(desk, "Dinas Lain", "7.77"), judul="Tanpa org"))
    ckan_world.server.fail(500, times=2)
    url = desk.db.url
    caplog.set_level(logging.DEBUG)
    assert main(["--database", url, "sync", "--catalog", ckan_world.server.url,
                 "--user", "editor"]) == 1  # one record refused: no organization
    ckan_world.server.drop_connection(times=100)
    assert main(["--database", url, "sync", "--retries", "2"]) == 2
    written = _database_text(desk) + caplog.text.encode()
    for folder in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        import os

        for path in Path(os.environ[folder]).rglob("*"):
            if path.is_file():
                written += path.read_bytes()
    assert token.encode() not in written
    assert b"sync_run" in written or b"Dinas Lain" in written  # the scan did read something


def test_a_dataset_refused_for_a_local_reason_comes_in_once_that_is_fixed(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    from desktop.sync import api

    gone = add_opd(desk)
    make_engine(desk, catalog_client).run()  # maps "diskominfo" to it
    desk.opd.delete(gone)
    ckan_world.server.seed_packages(3, org="diskominfo")
    summary = make_engine(desk, catalog_client).run()
    assert summary.errors == 3 and desk.datasets.ids() == []
    org = ckan_world.server.store.find_organization("diskominfo")
    api.set_org_mapping(desk, add_opd(desk, "Diskominfo Baru", "2.16.9"), org["id"],
                        org["name"])
    summary = make_engine(desk, catalog_client).run()  # nothing changed there
    assert summary.pulled == 3 and summary.clean
    assert len(desk.datasets.ids()) == 3
