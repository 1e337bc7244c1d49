"""Conflicts never hide (issue 21, item 6): every sync counts all open conflicts and exits
1 while any is open, naming them; ``conflicts [--json]`` lists them and ``conflicts
resolve ID mine|theirs|VALUE`` settles one, in both languages, with exit codes 0/1/2.

The CLI through its real entry point against the test catalog, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from ckan_server.fixtures import CatalogWorld

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.core.models.sync import SyncConflict
from desktop.sync.api import sync_status
from desktop.sync.conflicts import list_conflicts
from desktop.sync.local import DELETED_FIELD, KIND
from desktop.sync.runlog import recent_runs
from desktop.sync.token import TOKEN_ENV
from sync.engine_support import add_opd, full_dataset

TITLES = ("Jumlah Penduduk", "Angka Kelahiran", "Luas Wilayah")


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


@pytest.fixture
def editor_env(monkeypatch: pytest.MonkeyPatch, ckan_world: CatalogWorld) -> None:
    monkeypatch.setenv(TOKEN_ENV, ckan_world.editor_token)


def _cli(desk: Desk, *args: str, lang: str = "id") -> int:
    return main(["--database", desk.db.url, "--lang", lang, *args])


def _sync(desk: Desk, world: CatalogWorld, lang: str = "id") -> int:
    return _cli(desk, "sync", "--retries", "2", "--catalog", world.server.url, "--user",
                "editor", lang=lang)


def _package_of(world: CatalogWorld, title: str) -> dict:
    [package] = [p for p in world.server.store.packages.values()
                 if p["state"] == "active" and p["title"] == title]
    return package


@pytest.fixture
def three_conflicts(desk: Desk, ckan_world: CatalogWorld, editor_env: None,
                    capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Three datasets whose description was edited here and on the portal since the
    last sync; the sync that found them said so. Returns the record ids."""
    opd_id = add_opd(desk)
    ids = [desk.datasets.create(full_dataset(opd_id, judul=title))["id"] for title in TITLES]
    assert _sync(desk, ckan_world) == 0
    for record_id, title in zip(ids, TITLES, strict=True):
        ckan_world.server.edit_package(_package_of(ckan_world, title)["id"],
                                       notes=f"Deskripsi portal {title}")
        record = desk.datasets.get(record_id)
        desk.datasets.update(record_id, {"deskripsi": f"Deskripsi kantor {title}"},
                             expected_version=record["version"])
    capsys.readouterr()
    return ids


def test_a_sync_names_its_conflicts_and_the_next_one_still_counts_them(
        desk: Desk, ckan_world: CatalogWorld, three_conflicts: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _sync(desk, ckan_world) == 1
    out = capsys.readouterr().out
    assert out.startswith("Sinkronisasi: ") and "0 dihapus, 3 konflik, 0 galat\n" in out
    for title in TITLES:
        assert f'"{title}" - Deskripsi (deskripsi)' in out
    assert "diskominfo-desk conflicts" in out
    # nothing changed since: the three are still open, so the run is not clean
    assert _sync(desk, ckan_world) == 1
    out = capsys.readouterr().out
    assert "3 konflik" in out and out.count("  ! konflik ") == 3
    [run] = recent_runs(desk.db, 1)
    assert (run.conflicts, run.status) == (3, "conflicts")
    assert sync_status(desk).conflicts == 3


def test_conflicts_lists_id_title_field_and_both_values(
        desk: Desk, ckan_world: CatalogWorld, three_conflicts: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    _sync(desk, ckan_world)
    capsys.readouterr()
    assert _cli(desk, "conflicts") == 0
    out = capsys.readouterr().out
    for conflict, title in zip(list_conflicts(desk), TITLES, strict=True):
        assert (f'Konflik {conflict.id}: "{title}"\n'
                f"    Kolom:   Deskripsi (deskripsi)\n"
                f"    Di sini: Deskripsi kantor {title}\n"
                f"    Katalog: Deskripsi portal {title}\n"
                f"    Pilihan: mine|theirs|NILAI\n") in out
    assert "3 konflik terbuka" in out
    assert _cli(desk, "conflicts", lang="en") == 0
    out = capsys.readouterr().out
    assert f'Conflict {list_conflicts(desk)[0].id}: "{TITLES[0]}"' in out
    assert "    Here:    Deskripsi kantor Jumlah Penduduk\n" in out
    assert "    Catalog: Deskripsi portal Jumlah Penduduk\n" in out
    assert "Field:   Description (deskripsi)" in out and "3 open conflicts" in out


def test_conflicts_json(desk: Desk, ckan_world: CatalogWorld, three_conflicts: list[str],
                        capsys: pytest.CaptureFixture[str]) -> None:
    _sync(desk, ckan_world)
    capsys.readouterr()
    assert _cli(desk, "conflicts", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["record_id"], r["title"], r["field"], r["local"], r["catalog"])
            for r in rows] == [(i, t, "deskripsi", f"Deskripsi kantor {t}",
                                f"Deskripsi portal {t}")
                               for i, t in zip(three_conflicts, TITLES, strict=True)]
    assert all(isinstance(r["id"], int) and r["choices"] == ["mine", "theirs", "VALUE"]
               for r in rows)


def test_resolving_each_way_then_the_sync_is_clean(
        desk: Desk, ckan_world: CatalogWorld, three_conflicts: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    _sync(desk, ckan_world)
    mine, theirs, typed = list_conflicts(desk)
    capsys.readouterr()
    assert _cli(desk, "conflicts", "resolve", str(mine.id), "mine") == 0
    assert capsys.readouterr().out.startswith(
        f'Konflik {mine.id} ("Jumlah Penduduk", Deskripsi (deskripsi)) diselesaikan.')
    assert _cli(desk, "conflicts", "resolve", str(theirs.id), "theirs") == 0
    assert _cli(desk, "conflicts", "resolve", str(typed.id), "Deskripsi hasil rapat",
                lang="en") == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"Conflict {typed.id} (")
    assert _cli(desk, "conflicts") == 0
    assert capsys.readouterr().out.strip() == "Tidak ada konflik terbuka."
    assert _sync(desk, ckan_world) == 0
    assert "0 konflik, 0 galat" in capsys.readouterr().out
    expected = {"Jumlah Penduduk": "Deskripsi kantor Jumlah Penduduk",
                "Angka Kelahiran": "Deskripsi portal Angka Kelahiran",
                "Luas Wilayah": "Deskripsi hasil rapat"}
    for record_id, title in zip(three_conflicts, TITLES, strict=True):
        assert desk.datasets.get(record_id)["deskripsi"] == expected[title]
        assert _package_of(ckan_world, title)["notes"] == expected[title]


def test_resolve_refuses_an_unknown_or_resolved_id_and_bad_usage(
        desk: Desk, ckan_world: CatalogWorld, three_conflicts: list[str],
        capsys: pytest.CaptureFixture[str]) -> None:
    _sync(desk, ckan_world)
    first = list_conflicts(desk)[0]
    capsys.readouterr()
    assert _cli(desk, "conflicts", "resolve", "99999", "mine") == 1
    assert capsys.readouterr().err == ("diskominfo-desk: Konflik 99999 tidak ditemukan atau "
                                       "sudah diselesaikan; lihat 'diskominfo-desk "
                                       "conflicts'.\n")
    assert _cli(desk, "conflicts", "resolve", str(first.id), "theirs") == 0
    assert _cli(desk, "conflicts", "resolve", str(first.id), "mine", lang="en") == 1
    assert f"Conflict {first.id} not found or already resolved" in \
        capsys.readouterr().err
    for usage in (["conflicts", "resolve", "satu", "mine"], ["conflicts", "resolve", "3"],
                  ["conflicts", "hapus"]):
        with pytest.raises(SystemExit) as exited:
            _cli(desk, *usage)
        assert exited.value.code == 2
    assert len(list_conflicts(desk)) == 2


def test_a_value_the_record_refuses_is_refused_and_the_conflict_stays(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    record = desk.datasets.create(full_dataset(add_opd(desk)))
    assert _sync(desk, ckan_world) == 0
    ckan_world.server.edit_package(_package_of(ckan_world, record["judul"])["id"],
                                   title="Judul dari portal")
    record = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"judul": "Judul dari kantor"},
                         expected_version=record["version"])
    assert _sync(desk, ckan_world) == 1
    [conflict] = list_conflicts(desk)
    assert conflict.field == "judul"
    capsys.readouterr()
    assert _cli(desk, "conflicts", "resolve", str(conflict.id), "  ") == 1  # a title is required
    err = capsys.readouterr().err
    assert err == "diskominfo-desk: Data belum valid: judul: Wajib diisi.\n"
    assert [c.id for c in list_conflicts(desk)] == [conflict.id]
    assert desk.datasets.get(record["id"])["judul"] == "Judul dari kantor"


def test_deletion_conflicts_are_listed_readably_and_take_only_their_words(
        desk: Desk, ckan_world: CatalogWorld, editor_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Deleted on the portal, edited here: no field, a whole dataset; a typed value is
    refused with the core's own message."""
    record = desk.datasets.create(full_dataset(add_opd(desk)))
    assert _sync(desk, ckan_world) == 0
    package = _package_of(ckan_world, record["judul"])
    ckan_world.server.store.packages[package["id"]]["state"] = "deleted"  # as CKAN does
    record = desk.datasets.get(record["id"])
    desk.datasets.update(record["id"], {"satuan": "orang"}, expected_version=record["version"])
    assert _sync(desk, ckan_world) == 1
    [conflict] = list_conflicts(desk)
    assert conflict.field == DELETED_FIELD
    capsys.readouterr()
    assert _cli(desk, "conflicts") == 0
    out = capsys.readouterr().out
    assert "Kolom:   dihapus di katalog, diubah di sini" in out
    assert "Di sini: diubah di sini" in out and "Katalog: dihapus di katalog" in out
    assert "Pilihan: mine|theirs\n" in out and DELETED_FIELD not in out
    assert _cli(desk, "conflicts", "resolve", str(conflict.id), "Judul lain") == 1
    assert capsys.readouterr().err.startswith("diskominfo-desk: ")
    assert len(list_conflicts(desk)) == 1
    assert _cli(desk, "conflicts", "resolve", str(conflict.id), "mine") == 0
    assert _sync(desk, ckan_world) == 0  # published again
    assert list_conflicts(desk) == []


def test_the_special_conflict_kinds_are_listed_by_what_happened(
        desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    """The kinds another part adds (deleted here/edited there, a stuck remote delete)
    are named in words, never by their marker, with their own resolution words."""
    from desktop.sync import local

    deleted_here = getattr(local, "DELETED_HERE_FIELD", "_dihapus_lokal")
    used_by_apps = getattr(local, "USED_BY_APPS_FIELD", "_dihapus_katalog_dipakai")
    record = desk.datasets.create(full_dataset(add_opd(desk)))
    with desk.db.session() as s:
        s.add(SyncConflict(kind=KIND, record_id=record["id"], field=deleted_here,
                           base_value={"v": None}, local_value={"v": None},
                           remote_value={"v": record["judul"]}))
        s.add(SyncConflict(kind=KIND, record_id=record["id"], field=used_by_apps,
                           base_value={"v": None},
                           local_value={"v": ["SIMPEG", "E-Kinerja"], "apps": ["a", "b"]},
                           remote_value={"v": "deleted"}))
    assert _cli(desk, "conflicts") == 0
    out = capsys.readouterr().out
    assert "Kolom:   dihapus di sini, diubah di katalog" in out
    assert "Kolom:   dihapus di katalog, masih dipakai aplikasi di sini" in out
    assert "Di sini: SIMPEG, E-Kinerja" in out
    assert deleted_here not in out and used_by_apps not in out
    assert _cli(desk, "conflicts", "--json", lang="en") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["field_label"] for r in rows] == [
        "deleted here, edited in the catalog",
        "deleted in the catalog, still used by applications here"]
    assert all(r["whole_record"] for r in rows)
    [apps_conflict] = [c for c in list_conflicts(desk) if c.field == used_by_apps]
    assert _cli(desk, "conflicts", "resolve", str(apps_conflict.id), "Nilai baru") == 1
    assert capsys.readouterr().err.startswith("diskominfo-desk: ")
    assert len(list_conflicts(desk)) == 2
