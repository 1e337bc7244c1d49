"""Adopt instead of duplicating (issue 21, item 4), on SQLite and PostgreSQL against the
test catalog: two registers loaded independently from one list end up as one set of
datasets on the catalog and in each register; a dataset made on the portal with a title
the register already has is linked, not pulled as a second record; differing fields
become conflicts; ambiguous matches are never guessed."""

from __future__ import annotations

import shutil
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ckan_server.fixtures import CatalogWorld
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from desktop.core.database import open_database, resolve_database_url
from desktop.core.desk import Desk
from desktop.core.models import Base
from desktop.core.models.sync import SyncRecord
from desktop.sync.client import CatalogClient
from desktop.sync.conflicts import Resolution, list_conflicts, resolve_conflict
from desktop.sync.matching import (
    PUSH_LEVELS,
    LocalCandidate,
    Match,
    PackageKey,
    UnlinkedIndex,
    title_key,
)
from sync.engine_support import add_opd, full_dataset, make_engine

LIST = [  # the office's list of datasets, typed into each register separately
    {"judul": f"Jumlah Penduduk Kecamatan {n}", "tahun": 2020 + n,
     "tags": ["kependudukan"], "satuan": "jiwa"}
    for n in range(6)
]


# ------------------------------------------------------------------- two registers
@pytest.fixture(scope="session")
def second_postgres() -> Iterator[str]:
    """A second PostgreSQL database (the other workstation's), migrated once."""
    import os

    admin = os.environ.get("DISKOMINFO_DESK_TEST_POSTGRES")
    if not admin:
        pytest.skip("PostgreSQL not configured")
    admin = resolve_database_url(admin)
    name = f"desk_test_{uuid.uuid4().hex[:10]}_b"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()
    yield url
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture
def other(desk: Desk, request: pytest.FixtureRequest, tmp_path: Path,
          sqlite_template: Path) -> Iterator[Desk]:
    """Workstation B, on the same engine as ``desk`` (workstation A)."""
    if desk.db.engine.dialect.name == "postgresql":
        url = request.getfixturevalue("second_postgres")
        engine = create_engine(url)
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables
                           if t.name not in {"region", "alembic_version"})
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        engine.dispose()
        target: str = url
    else:
        path = tmp_path / "b.sqlite3"
        shutil.copyfile(sqlite_template, path)
        target = str(path)
    d = Desk.open(target, user="rekan")
    yield d
    d.close()


def _load(desk: Desk, rows: list[dict[str, Any]]) -> list[str]:
    """Type the list into a register (each record gets this register's own id)."""
    opd = desk.opd.ids()[0] if desk.opd.ids() else add_opd(desk)
    return [desk.datasets.create(full_dataset(opd, **row))["id"] for row in rows]


def _active(world: CatalogWorld) -> list[dict[str, Any]]:
    return [p for p in world.server.store.packages.values() if p["state"] == "active"]


def _catalog_pairs(world: CatalogWorld) -> Counter[tuple[str, str]]:
    return Counter((title_key(p["title"]), p["owner_org"]) for p in _active(world))


def _local_titles(desk: Desk) -> Counter[str]:
    return Counter(title_key(desk.datasets.get(i)["judul"]) for i in desk.datasets.ids())


def _links(desk: Desk) -> dict[str, str]:
    """record id -> remote id of every linked dataset."""
    with desk.db.session() as s:
        return {r.record_id: r.remote_id for r in s.scalars(select(SyncRecord).where(
            SyncRecord.kind == "datasets", SyncRecord.remote_id.is_not(None)))}


def _no_duplicates(counter: Counter[Any]) -> None:
    assert [k for k, n in counter.items() if n > 1] == []


def test_two_registers_loaded_from_one_list_meet_as_one(
        desk: Desk, other: Desk, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    mine = _load(desk, LIST)
    typed = [dict(row) for row in LIST]
    typed[1]["judul"] = "  jumlah penduduk   KECAMATAN 1 "  # typed differently: same title
    typed[2]["satuan"] = "orang"  # a real difference: a conflict, nobody's value lost
    theirs = _load(other, [*typed, {"judul": "Hanya di meja B"}])

    assert make_engine(desk, catalog_client).run().clean
    summary = make_engine(other, catalog_client).run()
    assert summary.pushed == 1 and summary.conflicts == 2, summary  # only B's own one sent

    _no_duplicates(_catalog_pairs(ckan_world))
    assert len(_active(ckan_world)) == len(LIST) + 1
    assert len(other.datasets.ids()) == len(LIST) + 1
    _no_duplicates(_local_titles(other))
    links = _links(other)
    assert set(links) == set(theirs) and len(set(links.values())) == len(theirs)
    assert {links[i] for i in theirs[:len(LIST)]} == set(_links(desk).values())

    typed_title = other.datasets.get(theirs[1])["judul"]
    conflicts = list_conflicts(other)  # each record keeps its own value until decided
    assert [(c.record_id, c.field, c.local, c.remote) for c in conflicts] == [
        (theirs[1], "judul", typed_title, LIST[1]["judul"]),
        (theirs[2], "satuan", "orang", "jiwa")]
    catalog = next(p for p in _active(ckan_world) if p["id"] == links[theirs[2]])
    assert {"key": "satuan", "value": "jiwa"} in catalog["extras"]
    assert other.datasets.get(theirs[2])["satuan"] == "orang"

    # A pulls B's extra dataset once, and nothing twice; both keep syncing cleanly
    make_engine(desk, catalog_client).run()
    assert len(desk.datasets.ids()) == len(LIST) + 1 and set(mine) <= set(desk.datasets.ids())
    _no_duplicates(_local_titles(desk))
    resolve_conflict(other, conflicts[0].id, Resolution.TAKE_THEIRS)
    resolve_conflict(other, conflicts[1].id, Resolution.KEEP_MINE)
    assert make_engine(other, catalog_client).run().conflicts == 0
    assert other.datasets.get(theirs[1])["judul"] == LIST[1]["judul"]
    make_engine(desk, catalog_client).run()
    assert desk.datasets.get(mine[2])["satuan"] == "orang"
    _no_duplicates(_catalog_pairs(ckan_world))
    assert len(_active(ckan_world)) == len(LIST) + 1


def test_a_pull_links_an_independently_loaded_register_before_anything_is_pushed(
        desk: Desk, other: Desk, catalog_client: CatalogClient,
        ckan_world: CatalogWorld) -> None:
    _load(desk, LIST)
    typed = [dict(row) for row in LIST]
    typed[3]["judul"] = LIST[3]["judul"].upper()
    theirs = _load(other, [*typed, {"judul": "Hanya di meja B"}])
    make_engine(desk, catalog_client).run()
    summary = make_engine(other, catalog_client, push=False).run()
    assert summary.pulled == len(LIST) and summary.conflicts == 1, summary
    assert sorted(other.datasets.ids()) == sorted(theirs)  # no record pulled twice
    assert set(_links(other)) == set(theirs[:len(LIST)])
    assert [(c.record_id, c.field) for c in list_conflicts(other)] == [(theirs[3], "judul")]
    make_engine(other, catalog_client).run()
    assert len(_active(ckan_world)) == len(LIST) + 1
    _no_duplicates(_catalog_pairs(ckan_world))
    assert sorted(other.datasets.ids()) == sorted(theirs)


def test_linked_resources_take_the_catalogs_ids(desk: Desk, other: Desk,
                                                catalog_client: CatalogClient,
                                                ckan_world: CatalogWorld) -> None:
    _load(desk, LIST[:1])
    (theirs,) = _load(other, LIST[:1])
    make_engine(desk, catalog_client).run()
    assert make_engine(other, catalog_client).run().clean
    (package,) = _active(ckan_world)
    local = other.datasets.get(theirs)["resources"]
    assert [r["id"] for r in local] == [r["id"] for r in package["resources"]]
    assert [r["url"] for r in local] == [r["url"] for r in package["resources"]]
    record = other.datasets.get(theirs)
    other.datasets.update(theirs, {"periode": "Semester II"}, expected_version=record["version"])
    assert make_engine(other, catalog_client).run().clean
    (package,) = _active(ckan_world)
    assert {"key": "periode", "value": "Semester II"} in package["extras"]
    assert len(package["resources"]) == 1


# --------------------------------------------------------------- made on the portal
def _portal_package(client: CatalogClient, title: str, **fields: Any) -> dict[str, Any]:
    """A dataset someone made in the portal's own web form: no ``desk_id``, few fields."""
    return client.package_create({"name": fields.pop("name", f"portal-{uuid.uuid4().hex[:6]}"),
                                  "title": title, "owner_org": "diskominfo",
                                  "notes": "Dibuat di portal.", **fields})


@pytest.mark.parametrize("push", [True, False], ids=["sync", "pull-only"])
def test_a_portal_dataset_with_a_title_the_register_has_is_linked(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        push: bool) -> None:
    (record_id,) = _load(desk, [{"judul": "Angka Kemiskinan", "deskripsi": None}])
    package = _portal_package(catalog_client, "ANGKA  kemiskinan")
    summary = make_engine(desk, catalog_client, push=push).run()
    assert summary.pulled == (0 if push else 1) and summary.pushed == 0, summary
    assert desk.datasets.ids() == [record_id]  # not a second record
    assert [p["id"] for p in _active(ckan_world)] == [package["id"]]  # not a second dataset
    assert _links(desk) == {record_id: package["id"]}
    record = desk.datasets.get(record_id)
    assert record["deskripsi"] == "Dibuat di portal."  # empty here: filled, no conflict
    fields = {c.field: c for c in list_conflicts(desk)}
    assert fields["judul"].local == "Angka Kemiskinan"
    assert fields["judul"].remote == "ANGKA  kemiskinan"
    assert "deskripsi" not in fields and summary.conflicts == len(fields)
    assert _active(ckan_world)[0]["title"] == "ANGKA  kemiskinan"  # nothing written there
    assert make_engine(desk, catalog_client).run().pulled == 0
    assert desk.datasets.ids() == [record_id] and len(_active(ckan_world)) == 1


def test_a_pull_matches_by_title_when_the_opd_is_not_mapped(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    opd = add_opd(desk, "Kantor Tanpa Pemetaan", kode="9.99")
    record_id = desk.datasets.create(full_dataset(opd, judul="Indeks Pembangunan Manusia"))["id"]
    package = _portal_package(catalog_client, "Indeks Pembangunan Manusia")
    assert make_engine(desk, catalog_client, push=False).run().pulled == 1
    assert desk.datasets.ids() == [record_id] and _links(desk) == {record_id: package["id"]}


def test_a_renamed_dataset_of_ours_is_adopted_not_created_again(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    (record_id,) = _load(desk, LIST[:1])
    make_engine(desk, catalog_client).run()
    (package,) = _active(ckan_world)
    with desk.db.session() as s:  # the create's answer was lost: no link here
        state = s.get(SyncRecord, ("datasets", record_id))
        state.remote_id = state.remote_name = state.remote_modified = state.base = None
        state.dirty = True
    ckan_world.server.edit_package(package["id"], name="diganti-di-portal")
    assert make_engine(desk, catalog_client).run().clean
    assert [p["id"] for p in _active(ckan_world)] == [package["id"]]
    assert _links(desk) == {record_id: package["id"]}


# ---------------------------------------------------------------------- never guess
@pytest.mark.parametrize("push", [True, False], ids=["sync", "pull-only"])
def test_two_records_with_the_title_are_never_guessed_between(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld,
        push: bool) -> None:
    twins = _load(desk, [{"judul": "Data Sektoral", "tahun": 2023},
                         {"judul": "Data Sektoral", "tahun": 2024}])
    package = _portal_package(catalog_client, "Data Sektoral")
    summary = make_engine(desk, catalog_client, push=push).run()
    assert summary.conflicts == 0 and list_conflicts(desk) == []
    links = _links(desk)
    assert package["id"] not in {links.get(t) for t in twins}  # linked to neither twin
    assert len(desk.datasets.ids()) == 3  # the portal's comes in as a record of its own
    assert len(set(links.values())) == len(links) == (3 if push else 1)
    assert len(_active(ckan_world)) == (3 if push else 1)
    for record_id in twins:
        assert desk.datasets.get(record_id)["deskripsi"] != "Dibuat di portal."


def test_two_portal_datasets_for_one_record_are_not_guessed_between(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    (record_id,) = _load(desk, [{"judul": "Data Sektoral"}])
    for _ in range(2):
        _portal_package(catalog_client, "Data Sektoral")
    make_engine(desk, catalog_client).run()
    links = _links(desk)
    portal = {p["id"] for p in _active(ckan_world) if p["notes"] == "Dibuat di portal."}
    assert links[record_id] not in portal  # created as its own dataset
    assert len(set(links.values())) == len(links) == 3  # each dataset, one record


def test_a_restricted_record_is_never_linked_to_a_public_dataset(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    (record_id,) = _load(desk, [{"judul": "Data Gaji Pegawai", "sifat_data": "terbatas"}])
    package = _portal_package(catalog_client, "Data Gaji Pegawai")
    make_engine(desk, catalog_client).run()
    assert record_id not in _links(desk)
    assert package["id"] in _links(desk).values()  # a record of its own
    assert [p["private"] for p in _active(ckan_world)] == [False]


# ------------------------------------------------------------------ the rules alone
def _index(*candidates: LocalCandidate) -> UnlinkedIndex:
    return UnlinkedIndex(candidates, {"opd-a": "org-a", "opd-b": "org-b"})


def _key(name: str, title: str, org: str | None = "org-a", *, desk_id: str | None = None,
         private: bool = False) -> PackageKey:
    return PackageKey("p", name, title_key(title), org, desk_id, private)


def _local(record_id: str, judul: str, opd: str | None = "opd-a", *,
           sifat: str = "terbuka", remote_name: str | None = None) -> LocalCandidate:
    return LocalCandidate.of(record_id, judul, opd, sifat, False, remote_name)


def test_levels_are_tried_in_order_and_the_first_with_candidates_decides() -> None:
    ours = "0a1b2c3d-0000-4000-8000-000000000001"
    index = _index(_local(ours, "Data Lama"), _local("r-2", "Data Baru"),
                   _local("r-3", "Data Baru"), _local("r-4", "Lain", remote_name="dulu-di-sini"))
    assert index.match(_key("x", "Data Baru", desk_id=ours)) == Match("desk_id", (ours,))
    assert index.match(_key("data-lama-0a1b2c3d", "Judul Diganti")) == Match("name", (ours,))
    assert index.match(_key("dulu-di-sini", "?", "org-z")) == Match("name", ("r-4",))
    assert index.match(_key("data-lama", "?")) == Match("name", (ours,))  # slug, same org
    assert index.match(_key("data-lama", "?", "org-b")) is None
    found = index.match(_key("x", " data  BARU "))
    assert found == Match("title_org", ("r-2", "r-3")) and found.ambiguous
    assert found.record_id is None
    index.claim("r-3")
    assert index.match(_key("x", "Data Baru")) == Match("title_org", ("r-2",))


def test_title_alone_only_for_an_opd_mapped_nowhere_else_and_only_on_pulls() -> None:
    index = _index(_local("r-1", "Indeks", None), _local("r-2", "Indeks", "opd-b"))
    assert index.match(_key("x", "Indeks", "org-a")) == Match("title", ("r-1",))
    assert index.match(_key("x", "Indeks", "org-a"), PUSH_LEVELS) is None
    assert index.match(_key("x", "Indeks", "org-b")) == Match("title_org", ("r-2",))


def test_visibility_must_agree() -> None:
    index = _index(_local("r-1", "Gaji", sifat="terbatas"), _local("r-2", "Anggaran"))
    assert index.match(_key("x", "Gaji")) is None
    assert index.match(_key("x", "Gaji", private=True)) == Match("title_org", ("r-1",))
    assert index.match(_key("x", "Anggaran", private=True)) is None


def test_an_empty_catalog_costs_one_lookup_per_run_not_one_per_create(
        desk: Desk, catalog_client: CatalogClient, ckan_world: CatalogWorld) -> None:
    _load(desk, LIST)
    make_engine(desk, catalog_client, reconcile=False).run()
    before = _searches(ckan_world)
    assert len(_active(ckan_world)) == len(LIST)
    _load(desk, [{"judul": "Baru 1"}, {"judul": "Baru 2"}])
    make_engine(desk, catalog_client, reconcile=False).run()
    assert len(_active(ckan_world)) == len(LIST) + 2
    lookups = [q for q in _searches(ckan_world)[len(before):] if "OR" in q]
    assert len(lookups) == 2  # one per create once the catalog has datasets
    assert [q for q in before if "OR" in q] == []  # none while it was empty


def _searches(world: CatalogWorld) -> list[str]:
    return [str(r.data.get("q")) for r in world.server.requests if r.action == "package_search"]
