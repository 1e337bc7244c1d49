"""A catalog is an identity, not an address (issue 21, item 2), on SQLite and PostgreSQL.

A register synced with one catalog, pointed at another reachable one, must change
nothing (before: 57 of 120 datasets soft-deleted here), say what happened, and lose
nothing when pointed back. The same catalog at a new address keeps its links; another
catalog, chosen as such, starts fresh links and deletes nothing. And a run that would
delete more than a share of the register stops and asks.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest
from ckan_server.fixtures import CatalogWorld, start_world
from sqlalchemy import select, update

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord, SyncSetting
from desktop.sync.catalog_identity import (
    IDENTITY_KEY,
    CatalogChangedError,
    address_change_needs_answer,
    move_catalog,
    read_identity,
    start_fresh_links,
)
from desktop.sync.catalog_settings import load_catalog_settings, save_catalog_settings
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.conflicts import pending_count
from desktop.sync.pull import read_watermark
from desktop.sync.runlog import recent_runs
from desktop.sync.token import TOKEN_ENV
from sync.conftest import QUICK_RETRY
from sync.engine_support import add_opd, make_engine

REGISTER = 20  # "120 datasets" in the report; 20 show the same
WRITES = {"package_create", "package_update", "package_patch", "package_revise",
          "package_delete", "showcase_create", "showcase_update", "showcase_delete"}


@pytest.fixture
def other_world(ckan_world: CatalogWorld) -> Iterator[CatalogWorld]:
    """A second, reachable catalog with the same cast (and the same site fingerprint: the
    test server's ``status_show`` names every instance alike, as default installs do).
    The first catalog's editor token works there too, so nothing fails on rights."""
    server, world = start_world()
    server.store.tokens[ckan_world.editor_token] = "editor"
    try:
        yield world
    finally:
        server.stop()


def _client(url: str, token: str) -> CatalogClient:
    return CatalogClient(CatalogConfig(url, "editor", retry=QUICK_RETRY, write_interval=0.0,
                                       read_timeout=5.0), token)


@pytest.fixture
def clients(ckan_world: CatalogWorld) -> Iterator[Callable[[str], CatalogClient]]:
    made: list[CatalogClient] = []

    def factory(url: str) -> CatalogClient:
        made.append(_client(url, ckan_world.editor_token))
        return made[-1]

    yield factory
    for client in made:
        client.close()


def _synced_register(desk: Desk, world: CatalogWorld, client: CatalogClient) -> list[str]:
    add_opd(desk)
    world.server.seed_packages(REGISTER, org="diskominfo")
    summary = make_engine(desk, client).run()
    assert summary.pulled == REGISTER and summary.clean
    return _live(desk)


def _live(desk: Desk) -> list[str]:
    return sorted(desk.datasets.ids())


def _writes(world: CatalogWorld) -> list[str]:
    return [r.action for r in world.server.requests if r.action in WRITES]


def _links(desk: Desk) -> dict[str, tuple[str | None, str | None]]:
    with desk.db.session() as s:
        return {r.record_id: (r.remote_id, r.catalog) for r in s.scalars(
            select(SyncRecord).where(SyncRecord.kind == "datasets"))}


def test_another_catalog_changes_nothing_and_the_first_loses_nothing(
        desk: Desk, ckan_world: CatalogWorld, other_world: CatalogWorld,
        clients: Callable[[str], CatalogClient]) -> None:
    first = clients(ckan_world.server.url)
    register = _synced_register(desk, ckan_world, first)
    identity = read_identity(desk)
    assert identity is not None and identity.url == ckan_world.server.url
    assert {catalog for _remote, catalog in _links(desk).values()} == {identity.key}

    with pytest.raises(CatalogChangedError) as refused:
        make_engine(desk, clients(other_world.server.url)).run()
    message = refused.value.message
    assert other_world.server.url in message and ckan_world.server.url in message
    assert "Tidak ada yang diubah" in message
    assert _live(desk) == register  # nothing soft-deleted here
    assert _writes(other_world) == []  # nothing written there
    assert recent_runs(desk.db, 1)[0].status == "failed"
    assert read_identity(desk) == identity  # still the first catalog's links

    summary = make_engine(desk, first).run()  # pointed back at the first catalog
    assert summary.clean and summary.deleted == 0 and summary.pulled == 0
    assert _live(desk) == register
    active = {p["id"] for p in ckan_world.server.store.packages.values()
              if p["state"] == "active"}
    assert {remote for remote, _catalog in _links(desk).values()} == active


def test_only_this_catalogs_links_are_checked_for_deletions(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient]) -> None:
    client = clients(ckan_world.server.url)
    register = _synced_register(desk, ckan_world, client)
    foreign = register[:3]
    with desk.db.session() as s:  # links some other catalog made (as a fresh start leaves
        s.execute(update(SyncRecord).where(SyncRecord.record_id.in_(foreign))  # none, by hand)
                  .values(catalog="katalog-lain"))
        remote_ids = list(s.scalars(select(SyncRecord.remote_id).where(
            SyncRecord.record_id.in_(foreign))))
    for remote_id in remote_ids:
        ckan_world.server.store.purge_package(remote_id)
    summary = make_engine(desk, client).run()
    assert summary.deleted == 0 and summary.errors == 0
    assert _live(desk) == register


def test_the_same_catalog_at_a_new_address_keeps_its_links(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient]) -> None:
    register = _synced_register(desk, ckan_world, clients(ckan_world.server.url))
    links = _links(desk)
    moved = ckan_world.server.url.replace("127.0.0.1", "localhost")
    assert address_change_needs_answer(desk, moved)
    summary = make_engine(desk, clients(moved)).run()  # proven by the linked ids it knows
    assert summary.clean and summary.deleted == 0 and summary.pulled == 0
    assert summary.pushed == 0 and _writes(ckan_world) == []
    assert _links(desk) == links and _live(desk) == register
    identity = read_identity(desk)
    assert identity is not None and identity.url == moved
    assert read_watermark(desk, moved) is not None  # the pull's progress moved along
    assert read_watermark(desk, ckan_world.server.url) is None
    assert not address_change_needs_answer(desk, moved)


def test_saying_same_catalog_moves_the_address_and_keeps_links(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient]) -> None:
    register = _synced_register(desk, ckan_world, clients(ckan_world.server.url))
    links = _links(desk)
    moved = ckan_world.server.url.replace("127.0.0.1", "localhost")
    move_catalog(desk, moved)
    assert load_catalog_settings(desk.db).catalog_url == moved
    assert read_watermark(desk, moved) is not None
    summary = make_engine(desk, clients(moved)).run()
    assert summary.clean and summary.deleted == 0 and _links(desk) == links
    assert _live(desk) == register


def test_another_catalog_chosen_as_such_starts_fresh_links_and_deletes_nothing(
        desk: Desk, ckan_world: CatalogWorld, other_world: CatalogWorld,
        clients: Callable[[str], CatalogClient]) -> None:
    register = _synced_register(desk, ckan_world, clients(ckan_world.server.url))
    old_key = read_identity(desk).key  # type: ignore[union-attr]
    assert start_fresh_links(desk, other_world.server.url) == REGISTER
    assert load_catalog_settings(desk.db).catalog_url == other_world.server.url
    assert all(link == (None, None) for link in _links(desk).values())
    assert pending_count(desk) == REGISTER  # to be published on the new catalog

    summary = make_engine(desk, clients(other_world.server.url)).run()
    assert summary.clean and summary.pushed == REGISTER and summary.deleted == 0
    assert _live(desk) == register
    there = [p for p in other_world.server.store.packages.values() if p["state"] == "active"]
    assert len(there) == REGISTER
    first = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert len(first) == REGISTER and "package_delete" not in _writes(ckan_world)
    identity = read_identity(desk)
    assert identity is not None and identity.key != old_key
    assert {catalog for _r, catalog in _links(desk).values()} == {identity.key}


def test_links_from_before_identities_belong_to_the_catalog_that_knows_them(
        desk: Desk, ckan_world: CatalogWorld, other_world: CatalogWorld,
        clients: Callable[[str], CatalogClient]) -> None:
    register = _synced_register(desk, ckan_world, clients(ckan_world.server.url))
    with desk.db.session() as s:  # as a register upgraded to migration 0005 has them
        s.execute(update(SyncRecord).values(catalog=None))
        s.delete(s.get(SyncSetting, IDENTITY_KEY))
    with pytest.raises(CatalogChangedError):
        make_engine(desk, clients(other_world.server.url)).run()
    assert _live(desk) == register and read_identity(desk) is None
    assert make_engine(desk, clients(ckan_world.server.url)).run().clean
    identity = read_identity(desk)
    assert identity is not None
    assert {catalog for _r, catalog in _links(desk).values()} == {identity.key}


def test_more_deletions_than_the_share_stop_and_ask(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient]) -> None:
    client = clients(ckan_world.server.url)
    register = _synced_register(desk, ckan_world, client)
    gone = list(ckan_world.server.store.packages)[:8]  # 40 % of the register
    for package_id in gone:
        client.package_delete(package_id)
    for _ in range(2):  # asked again on every run until the user says so
        summary = make_engine(desk, client).run()
        assert summary.deleted == 0 and len(summary.held_deletions) == 8
        assert not summary.clean and summary.status == "held"
        assert recent_runs(desk.db, 1)[0].status == "held"
        assert _live(desk) == register
    summary = make_engine(desk, client, confirm_deletions=True).run()
    assert summary.deleted == 8 and summary.clean and not summary.held_deletions
    assert len(_live(desk)) == REGISTER - 8


def test_a_few_deletions_go_through_without_asking(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient]) -> None:
    client = clients(ckan_world.server.url)
    _synced_register(desk, ckan_world, client)
    for package_id in list(ckan_world.server.store.packages)[:5]:  # the floor: 5 of 20
        client.package_delete(package_id)
    summary = make_engine(desk, client).run()
    assert summary.deleted == 5 and summary.clean
    assert len(_live(desk)) == REGISTER - 5


def _cli(desk: Desk, *extra: str) -> int:
    return main(["--database", desk.db.url, "sync", "--retries", "2", *extra])


def test_cli_refuses_another_catalog_says_so_and_takes_the_users_word(
        desk: Desk, ckan_world: CatalogWorld, other_world: CatalogWorld,
        clients: Callable[[str], CatalogClient], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)
    register = _synced_register(desk, ckan_world, clients(ckan_world.server.url))
    save_catalog_settings(desk.db, catalog_url=ckan_world.server.url, catalog_user="editor")
    capsys.readouterr()
    assert _cli(desk, "--catalog", other_world.server.url) == 2
    err = capsys.readouterr().err
    assert other_world.server.url in err and "--catalog-moved" in err
    assert "--catalog-new" in err
    assert _live(desk) == register and _writes(other_world) == []

    assert _cli(desk, "--catalog", ckan_world.server.url) == 0  # back: all there
    assert "0 dihapus" in capsys.readouterr().out and _live(desk) == register

    assert _cli(desk, "--catalog", other_world.server.url, "--catalog-new") == 0
    out = capsys.readouterr().out
    assert f"{REGISTER} dikirim" in out and "0 dihapus" in out
    assert _live(desk) == register
    assert load_catalog_settings(desk.db).catalog_url == other_world.server.url


def test_cli_holds_mass_deletions_until_confirmed(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient],
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)
    client = clients(ckan_world.server.url)
    register = _synced_register(desk, ckan_world, client)
    for package_id in list(ckan_world.server.store.packages)[:10]:
        client.package_delete(package_id)
    capsys.readouterr()
    assert _cli(desk, "--catalog", ckan_world.server.url, "--user", "editor") == 1
    out = capsys.readouterr().out
    assert "0 dihapus" in out and "10 dataset hilang dari katalog" in out
    assert "--confirm-deletions" in out and _live(desk) == register
    assert _cli(desk, "--confirm-deletions") == 0
    assert "10 dihapus" in capsys.readouterr().out
    assert len(_live(desk)) == REGISTER - 10


@pytest.mark.parametrize("relinked", [True, False], ids=["relinked-by-a-pull", "unlinked"])
def test_a_register_damaged_before_identities_gets_its_gap_reported(
        desk: Desk, ckan_world: CatalogWorld, clients: Callable[[str], CatalogClient],
        relinked: bool) -> None:
    """The register of the report: datasets soft-deleted here by a sync against another
    catalog, links dropped, while the first catalog still has them. Pointed back at it,
    each is a "deleted here" conflict by title, then restored or deleted as chosen."""
    from desktop.sync.conflicts import list_conflicts, resolve_conflict
    from desktop.sync.local import DELETED_HERE_FIELD, remote_session
    from sync.engine_support import full_dataset

    client = clients(ckan_world.server.url)
    opd_id = add_opd(desk)
    ids = [desk.datasets.create(full_dataset(opd_id, judul=f"Dataset Kecamatan {i}"))["id"]
           for i in range(10)]
    assert make_engine(desk, client).run().pushed == 10
    if not relinked:  # past the pull's overlap: the next pull does not read them again
        time.sleep(1.2)
        make_engine(desk, client).run()
    damaged = ids[:4]
    with remote_session(desk) as s:  # what the old reconcile did against the empty catalog
        for record_id in damaged:
            desk.datasets.delete(record_id, session=s)
            state = s.get(SyncRecord, ("datasets", record_id))
            state.remote_id = state.remote_name = state.remote_modified = None
            state.base, state.catalog = None, None

    for _ in range(2):  # reported once, by title, nothing deleted on either side
        summary = make_engine(desk, client).run()
        assert summary.deleted == 0 and summary.errors == 0 and not summary.clean
        conflicts = list_conflicts(desk)
        assert sorted(c.record_id for c in conflicts) == sorted(damaged)
        assert {c.field for c in conflicts} == {DELETED_HERE_FIELD}
        assert {c.title for c in conflicts} == {f"Dataset Kecamatan {i}" for i in range(4)}
    active = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert len(active) == 10

    by_record = {c.record_id: c for c in list_conflicts(desk)}
    for record_id in damaged[:2]:
        resolve_conflict(desk, by_record[record_id].id, "theirs")
    for record_id in damaged[2:]:
        resolve_conflict(desk, by_record[record_id].id, "mine")
    summary = make_engine(desk, client).run()
    assert summary.clean and summary.deleted == 2 and list_conflicts(desk) == []
    assert sorted(_live(desk)) == sorted(ids[:2] + ids[4:])
    active = [p for p in ckan_world.server.store.packages.values() if p["state"] == "active"]
    assert len(active) == 8
