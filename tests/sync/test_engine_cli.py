"""``diskominfo-desk sync`` and ``catalog-import``: summary line and exit codes 0/1/2."""

from __future__ import annotations

from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.sync.lock import SyncLockHolder
from desktop.sync.token import TOKEN_ENV
from sync.engine_support import add_opd, full_dataset


@pytest.fixture
def editor_env(monkeypatch: pytest.MonkeyPatch, ckan_world: CatalogWorld) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)


def _sync(desk: Desk, *extra: str) -> int:
    return main(["--database", desk.db.url, "sync", "--retries", "2", *extra])


def test_a_clean_sync_exits_0_and_remembers_the_catalog(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    desk.datasets.create(full_dataset(add_opd(desk)))
    assert _sync(desk, "--catalog", ckan_world.server.url + "/api/3", "--user", "editor") == 0
    line = capsys.readouterr().out.strip()
    assert line == ("Sinkronisasi: 1 dikirim, 0 diambil, 0 dihapus, 0 konflik, 0 galat")
    settings = load_catalog_settings(desk.db)
    assert (settings.catalog_url, settings.catalog_user) == (ckan_world.server.url, "editor")
    assert _sync(desk) == 0  # from the stored settings
    assert "0 dikirim" in capsys.readouterr().out


def test_conflicts_or_refused_records_exit_1(desk: Desk, ckan_world: CatalogWorld,
                                             editor_env: None,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    desk.datasets.create(full_dataset(add_opd(desk, "Dinas Tanpa Organisasi", "9.99")))
    assert _sync(desk, "--catalog", ckan_world.server.url, "--user", "editor") == 1
    out = capsys.readouterr().out
    assert "1 galat" in out and "Dinas Tanpa Organisasi" in out


@pytest.mark.parametrize("trouble", ["unreachable", "busy", "no_catalog"])
def test_a_sync_that_could_not_run_exits_2(desk: Desk, ckan_world: CatalogWorld,
                                           editor_env: None, trouble: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    args = [] if trouble == "no_catalog" else ["--catalog", ckan_world.server.url]
    if trouble == "unreachable":
        ckan_world.server.drop_connection(times=100)
    holder = SyncLockHolder(desk.db)
    if trouble == "busy":
        holder.acquire()
    try:
        assert _sync(desk, *args) == 2
    finally:
        holder.release()
    assert capsys.readouterr().err.startswith("diskominfo-desk: ")


def test_catalog_import_seeds_the_register_once(desk: Desk, ckan_world: CatalogWorld,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: Any) -> None:
    server = ckan_world.server
    server.seed_packages(7, org="diskominfo")
    server.seed_packages(4, org="bappeda", prefix="lain")
    url = server.url
    assert main(["--database", desk.db.url, "catalog-import", url,
                 "--organization", "diskominfo"]) == 0
    assert "7 dataset ditambahkan" in capsys.readouterr().out
    rows = desk.datasets.rows(desk.datasets.ids())
    assert len(rows) == 7
    [opd] = desk.opd.rows(desk.opd.ids())
    assert opd["nama"] == "Dinas Komunikasi dan Informatika"
    assert main(["--database", desk.db.url, "catalog-import", url]) == 0
    assert "4 dataset ditambahkan" in capsys.readouterr().out  # the other 7 are here already
    assert len(desk.datasets.ids()) == 11
    assert server.count("package_create") == server.count("package_revise") == 0
