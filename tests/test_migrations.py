"""Opening databases: migrations, refusing what is not ours, readable failures, regions."""

from __future__ import annotations

import ast
import hashlib
import os
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from conftest import postgres_admin_url
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from desktop.core.database import open_database, resolve_database_url
from desktop.core.desk import Desk
from desktop.core.errors import DatabaseOpenError, DatabaseTooNewError
from desktop.core.migrate import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    alembic_config,
    backup_sqlite_file,
    current_revision,
    head_revision,
)
from desktop.core.models import Base
from desktop.core.services import ListQuery


def env_include_object() -> Any:
    """``include_object`` exactly as desktop/migrations/env.py defines it.

    env.py cannot be imported outside an Alembic run, so its function is compiled alone.
    """
    tree = ast.parse((MIGRATIONS_DIR / "env.py").read_text(encoding="utf-8"))
    nodes = [n for n in tree.body
             if isinstance(n, ast.FunctionDef) and n.name == "include_object"]
    assert len(nodes) == 1, "env.py defines include_object once"
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=nodes, type_ignores=[]), "env.py", "exec"), namespace)
    return namespace["include_object"]


INCLUDE_OBJECT = env_include_object()


def schema_diff(url: str) -> list[Any]:
    engine = create_engine(resolve_database_url(url))
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_object": INCLUDE_OBJECT, "compare_type": True}
            )
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


def table_names(url: str) -> set[str]:
    engine = create_engine(resolve_database_url(url))
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def revision_of(url: str) -> str | None:
    engine = create_engine(resolve_database_url(url))
    try:
        with engine.connect() as conn:
            return current_revision(conn)
    finally:
        engine.dispose()


def execute(url: str, *statements: str) -> None:
    engine = create_engine(resolve_database_url(url))
    try:
        with engine.begin() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def scalar(url: str, statement: str) -> Any:
    engine = create_engine(resolve_database_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(text(statement)).scalar()
    finally:
        engine.dispose()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if request.param == "sqlite":
        yield str(tmp_path / "baru.sqlite3")
        return
    admin = postgres_admin_url()
    assert admin is not None
    name = f"desk_migr_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()


def is_sqlite(url: str) -> bool:
    return resolve_database_url(url).startswith("sqlite")


# --------------------------------------------------------------------------- migrations
def test_migrating_an_empty_database_gives_exactly_the_models(fresh_url: str) -> None:
    db = open_database(fresh_url)
    db.dispose()
    assert db.backup_made is None
    assert revision_of(fresh_url) == head_revision()
    assert {t.name for t in Base.metadata.sorted_tables} <= table_names(fresh_url)
    assert schema_diff(fresh_url) == []


def test_head_revision_constant_is_alembics_head() -> None:
    """Start-up compares with HEAD_REVISION instead of importing Alembic: keep them equal."""
    assert head_revision() == HEAD_REVISION


def test_up_to_date_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(str(path)).dispose()
    code = ("import sys; from desktop.core.database import open_database; "
            f"open_database({str(path)!r}).dispose(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_two_version_rows_are_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    with pytest.raises(DatabaseOpenError, match="lebih dari satu versi"):
        open_database(str(path))
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 2


def test_search_machinery_left_out_of_the_models_is_created(fresh_url: str) -> None:
    open_database(fresh_url).dispose()
    if is_sqlite(fresh_url):
        assert "search_fts" in table_names(fresh_url)
        triggers = scalar(fresh_url, "SELECT count(*) FROM sqlite_master WHERE type='trigger' "
                                     "AND name LIKE 'search_entry_%'")
        assert triggers == 3
    else:
        assert scalar(fresh_url, "SELECT count(*) FROM pg_indexes "
                                 "WHERE indexname = 'ix_search_entry_tsv'") == 1


def test_downgrade_to_base_then_upgrade_to_head(fresh_url: str) -> None:
    open_database(fresh_url).dispose()
    engine = create_engine(resolve_database_url(fresh_url))
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
    finally:
        engine.dispose()
    assert table_names(fresh_url) == {"alembic_version"}
    assert revision_of(fresh_url) is None

    desk = Desk.open(fresh_url, user="penguji")
    try:
        assert revision_of(fresh_url) == head_revision()
        assert len(desk.regions()) == 552
        opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})
        assert [h.id for h in desk.search("kesehatan")] == [opd["id"]]
    finally:
        desk.close()
    assert schema_diff(fresh_url) == []


def test_reopening_an_up_to_date_database_changes_nothing(fresh_url: str) -> None:
    desk = Desk.open(fresh_url, user="penguji")
    opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})
    desk.close()
    again = Desk.open(fresh_url, user="penguji")
    try:
        assert again.db.backup_made is None
        assert again.opd.get(opd["id"])["nama"] == "Dinas Kesehatan"
        assert len(again.regions()) == 552
    finally:
        again.close()


def test_database_newer_than_the_application_is_refused_untouched(fresh_url: str) -> None:
    desk = Desk.open(fresh_url, user="penguji")
    desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})
    desk.close()
    execute(fresh_url, "UPDATE alembic_version SET version_num = '9999'")
    tables = table_names(fresh_url)
    path = Path(fresh_url)
    digest = sha256(path) if is_sqlite(fresh_url) else None
    siblings = sorted(os.listdir(path.parent)) if is_sqlite(fresh_url) else None

    with pytest.raises(DatabaseTooNewError) as info:
        open_database(fresh_url)

    assert "9999" in info.value.message
    assert revision_of(fresh_url) == "9999"
    assert table_names(fresh_url) == tables
    assert scalar(fresh_url, "SELECT count(*) FROM perangkat_daerah") == 1
    if digest is not None:
        assert sha256(path) == digest
        assert sorted(os.listdir(path.parent)) == siblings  # no backup, no leftovers


# --------------------------------------------------------------------------- backups
def sqlite_counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_fts%'"
        )]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def test_backup_copy_of_a_sqlite_file_is_valid_and_has_the_same_rows(sqlite_desk: Desk) -> None:
    opd = sqlite_desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})
    sqlite_desk.visits.create({"tanggal_mulai": "2024-05-21", "instansi": "Pemkab",
                               "peserta": [{"nama": "Ani"}, {"nama": "Budi"}]})
    path = sqlite_desk.db.sqlite_path
    assert path is not None
    original = sqlite_counts(path)

    backup = backup_sqlite_file(path, "sebelum-upgrade-0001")

    assert backup.parent == path.parent and backup != path
    assert backup.name.startswith(f"{path.stem}.sebelum-upgrade-0001.")
    assert backup.suffix == path.suffix
    assert sqlite_counts(backup) == original
    assert original["perangkat_daerah"] == 1 and original["kunjungan_peserta"] == 2
    con = sqlite3.connect(backup)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    copy = Desk.open(backup, user="penguji")
    try:
        assert copy.db.backup_made is None
        assert copy.opd.get(opd["id"])["nama"] == "Dinas Kesehatan"
        assert [h.id for h in copy.search("kesehatan")] == [opd["id"]]
    finally:
        copy.close()


def test_brand_new_sqlite_file_gets_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "kantor" / "desk.sqlite3"
    db = open_database(path)
    db.dispose()
    assert db.backup_made is None
    assert path.exists()
    assert [p.name for p in path.parent.iterdir() if p.name != path.name
            and not p.name.endswith(("-wal", "-shm"))] == []


def test_empty_existing_sqlite_file_is_refused_not_initialised(tmp_path: Path) -> None:
    # (until issue 20 a 0-byte file was quietly turned into an empty register, hiding the
    # loss of the one that was there; tests/test_sqlite_damage.py has the rest)
    path = tmp_path / "kosong.sqlite3"
    path.touch()
    with pytest.raises(DatabaseOpenError, match="kosong"):
        open_database(path)
    assert path.stat().st_size == 0


# --------------------------------------------------------------------------- refusing to open
def test_corrupt_sqlite_file_is_refused_naming_the_file_and_left_untouched(tmp_path: Path
                                                                           ) -> None:
    path = tmp_path / "rusak.sqlite3"
    path.write_bytes(b"bukan basis data " + os.urandom(8192))
    digest = sha256(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert not isinstance(info.value, DatabaseTooNewError)
    assert str(path) in info.value.message
    assert sha256(path) == digest


def test_directory_is_refused_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(DatabaseOpenError) as info:
        open_database(folder)
    assert str(folder) in info.value.message
    assert list(folder.iterdir()) == []


def test_unreachable_postgresql_is_refused_without_showing_the_password() -> None:
    with pytest.raises(DatabaseOpenError) as info:
        open_database("postgresql://desk:rahasia@127.0.0.1:1/desk")
    assert "rahasia" not in info.value.message
    assert "rahasia" not in str(info.value)
    assert "127.0.0.1" in info.value.message


def test_unparseable_url_is_refused_without_showing_the_password() -> None:
    with pytest.raises(DatabaseOpenError) as info:
        open_database("pg-sql://desk:rahasia@127.0.0.1/desk")
    assert "rahasia" not in info.value.message


def test_url_with_a_malformed_port_is_a_database_open_error() -> None:
    with pytest.raises(DatabaseOpenError):
        open_database("postgresql://desk:rahasia@127.0.0.1:54x2/desk")


def foreign_sqlite_file(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    con.execute("INSERT INTO pelanggan (nama) VALUES ('Budi'), ('Ani')")
    con.commit()
    con.close()


def test_sqlite_file_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "toko.sqlite3"
    foreign_sqlite_file(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_database(path)
    assert not isinstance(info.value, DatabaseTooNewError)
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = con.execute("SELECT nama FROM pelanggan ORDER BY id").fetchall()
    finally:
        con.close()
    assert tables == ["pelanggan"]
    assert rows == [("Budi",), ("Ani",)]
    assert [p.name for p in tmp_path.iterdir() if "sebelum-upgrade" in p.name] == []


def test_sqlite_file_of_another_application_is_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "toko.sqlite3"
    foreign_sqlite_file(path)
    digest = sha256(path)
    with pytest.raises(DatabaseOpenError):
        open_database(path)
    assert sha256(path) == digest


# --------------------------------------------------------------------------- regions
def test_regions_are_loaded_provinces_and_regencies(desk: Desk) -> None:
    regions = desk.regions()
    by_jenis: dict[str, int] = {}
    for r in regions:
        by_jenis[r["jenis"]] = by_jenis.get(r["jenis"], 0) + 1
    assert len(regions) == 552
    assert len({r["kode"] for r in regions}) == 552
    assert by_jenis["provinsi"] == 38
    assert by_jenis["kabupaten"] + by_jenis["kota"] == 514
    assert set(by_jenis) == {"provinsi", "kabupaten", "kota"}
    provinces = {r["kode"] for r in regions if r["jenis"] == "provinsi"}
    assert all(r["kode_induk"] in provinces for r in regions if r["jenis"] != "provinsi")
    assert len(desk.regions(jenis="provinsi")) == 38


def test_the_whole_region_list_is_read_once_and_handed_out_as_copies(desk: Desk) -> None:
    first = desk.regions()
    first[0]["nama"] = "<diubah>"  # a caller scribbling on its copy
    first.clear()
    with desk.db.session() as s:  # a changed row would show if the list were read again
        s.execute(text("UPDATE region SET nama = 'Aceh Baru' WHERE kode = '11'"))
    again = desk.regions()
    assert len(again) == 552 and again[0]["nama"] == "Aceh"  # cached, and untouched
    assert desk.regions("aceh baru")[0]["kode"] == "11"  # a search reads the table


def test_regions_are_found_by_name_or_code(desk: Desk) -> None:
    assert [(r["kode"], r["nama"]) for r in desk.regions("semarang")] == [
        ("33.22", "Kabupaten Semarang"), ("33.74", "Kota Semarang")
    ]
    assert [r["nama"] for r in desk.regions("35.10")] == ["Kabupaten Banyuwangi"]


def test_regions_are_not_loaded_twice(database_url: str) -> None:
    for _ in range(2):
        desk = Desk.open(database_url, user="penguji")
        try:
            assert len(desk.regions()) == 552
        finally:
            desk.close()


def test_0009_fills_the_search_sort_key_of_records_made_before_it(fresh_url: str) -> None:
    """A database from before 0009 (or a restored older backup) gets each dataset's and
    application's opening sort value beside its search text, and its searches read it."""
    desk = Desk.open(fresh_url, user="penguji")
    opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan"})["id"]
    for judul in ("Jumlah Puskesmas", "Data Puskesmas", "Angka Puskesmas"):
        desk.datasets.create({"judul": judul, "opd_id": opd, "frekuensi": "tahunan",
                              "sifat_data": "terbuka"})
    desk.close()
    engine = create_engine(resolve_database_url(fresh_url))
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0008")
    finally:
        engine.dispose()
    assert revision_of(fresh_url) == "0008"
    desk = Desk.open(fresh_url, user="penguji")
    try:
        keys = scalar(fresh_url, "SELECT count(*) FROM search_entry s JOIN dataset d "
                                 "ON d.id = s.record_id WHERE s.urutan = d.judul")
        assert keys == 3
        ids, count = desk.datasets.head(ListQuery(text="puskes"), 2)
        assert count == 3 and ids == desk.datasets.ids(ListQuery(text="puskes"))[:2]
        assert [r["judul"] for r in desk.datasets.rows(ids)] == ["Angka Puskesmas",
                                                                 "Data Puskesmas"]
    finally:
        desk.close()
    assert schema_diff(fresh_url) == []
