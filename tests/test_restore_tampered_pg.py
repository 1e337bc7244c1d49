"""Restore trusts nothing in a PostgreSQL dump: a planted function, trigger, table, a
changed index, a newer or doubled revision, or a data script with other statements are
refused before ``pg_restore`` runs, and the live database is left as it was."""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.core.backups import _pg_env_and_args, _pg_tool, backup_now, restore
from desktop.core.database import open_database
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.pg_backup_check import scan_data

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _state(desk: Desk) -> tuple[list[tuple], list[tuple]]:
    rows = sorted((r["kode"], r["nama"], r["version"]) for r in desk.opd.list().rows)
    with desk.db.engine.connect() as conn:
        objects = sorted(conn.execute(text(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
            "UNION ALL SELECT p.proname, 'f' FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
            "UNION ALL SELECT tgname, 't' FROM pg_trigger WHERE NOT tgisinternal")).all())
    return rows, objects


@pytest.fixture
def tampered_source(desk: Desk) -> Iterator[tuple[str, object]]:
    """A second database of our schema on the same server, to be tampered with and
    dumped; yields its URL and a function running SQL in it."""
    name = f"desk_src_{uuid.uuid4().hex[:10]}"
    admin = create_engine(desk.db.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(desk.db.url).set(database=name).render_as_string(hide_password=False)
    open_database(url).dispose()
    source = Desk.open(url, user="penyusup")
    source.opd.create({"kode": "9.0001", "nama": "Dinas Sumber", "jenis": "dinas"})
    source.close()
    engine = create_engine(url, isolation_level="AUTOCOMMIT")

    def execute(*statements: str) -> None:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))

    yield url, execute
    engine.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _dump(url: str, target: Path) -> Path:
    env, args = _pg_env_and_args(url)
    subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--file", str(target), *args],
                   env=env, check=True, capture_output=True)
    return target


CASES = {
    "function and trigger running a program": (
        ["CREATE FUNCTION public.bersihkan() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
         "COPY (SELECT 1) TO PROGRAM 'touch {marker}'; DELETE FROM dataset; RETURN NEW; "
         "END $$",
         "CREATE TRIGGER bersihkan AFTER INSERT ON perangkat_daerah "
         "FOR EACH ROW EXECUTE FUNCTION public.bersihkan()"], "FUNCTION"),
    "extra table": (["CREATE TABLE public.titipan (isi text)"], "titipan"),
    "extra view": (["CREATE VIEW public.semua AS SELECT * FROM perangkat_daerah"], "semua"),
    "changed index": (["DROP INDEX ix_audit_log_record",
                       "CREATE INDEX ix_audit_log_record ON audit_log (id)"], "ix_audit_log"),
    "newer revision": (["UPDATE alembic_version SET version_num = '0099'"], "lebih baru"),
    "two revisions": (["INSERT INTO alembic_version VALUES ('0003')"], "bukan cadangan"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_tampered_dump_is_refused_before_anything_is_restored(
        desk: Desk, tampered_source, tmp_path: Path, case: str) -> None:
    url, execute = tampered_source
    marker = tmp_path / "program-ran"
    statements, says = CASES[case]
    execute(*[s.replace("{marker}", str(marker)) for s in statements])
    dump = _dump(url, tmp_path / "cadangan.dump")
    desk.opd.create({"kode": "9.0002", "nama": "Dinas Hidup", "jenis": "dinas"})
    before = _state(desk)
    with pytest.raises(DeskError) as refused:
        restore(desk, dump, tmp_path / "pengaman")
    assert says in str(refused.value), str(refused.value)
    assert "cadangan.dump" in str(refused.value)
    assert not (tmp_path / "pengaman").exists()  # refused before the safety backup
    assert not marker.exists()
    assert _state(desk) == before


def test_an_untouched_dump_of_our_schema_restores(
        desk: Desk, tampered_source, tmp_path: Path) -> None:
    url, _ = tampered_source
    dump = _dump(url, tmp_path / "cadangan.dump")
    desk.opd.create({"kode": "9.0002", "nama": "Dinas Hidup", "jenis": "dinas"})
    live_url = desk.db.url
    safety = restore(desk, dump, tmp_path / "pengaman")
    assert safety.exists()
    again = Desk.open(live_url, user="penguji")
    try:
        assert [r["nama"] for r in again.opd.list().rows] == ["Dinas Sumber"]
    finally:
        again.close()


def test_our_own_backup_passes_the_check(desk: Desk, tmp_path: Path) -> None:
    desk.opd.create({"kode": "9.0003", "nama": "Dinas Cadangan", "jenis": "dinas"})
    dump = backup_now(desk, tmp_path)
    live_url = desk.db.url
    restore(desk, dump, tmp_path / "pengaman")
    again = Desk.open(live_url, user="penguji")
    try:
        assert [r["nama"] for r in again.opd.list().rows] == ["Dinas Cadangan"]
    finally:
        again.close()


@pytest.mark.parametrize("line", [
    "COPY (SELECT 1) TO PROGRAM 'rm -rf /';",
    "COPY public.dataset TO PROGRAM 'id';",
    "DROP TABLE dataset;",
    "SELECT pg_catalog.setval('public.x', 1, true); DROP TABLE dataset;",
])
def test_the_data_script_allows_only_copy_blocks_and_setval(desk: Desk, line: str) -> None:
    script = ["SET statement_timeout = 0;",
              "COPY public.alembic_version (version_num) FROM stdin;", "0005", "\\.",
              line]
    with pytest.raises(DeskError, match="bukan bagian dari cadangan"):
        scan_data(iter(script), "x.dump")
    tables, sequences, versions = scan_data(iter(script[:-1]), "x.dump")
    assert tables == {"alembic_version"} and versions == ["0005"] and not sequences


def test_backup_and_restore_as_the_applications_own_role_without_superuser(
        desk: Desk, tmp_path: Path) -> None:
    """The office's role owns its database, may not create databases and is no superuser:
    the dump is still verified (against the live schema) and restored."""
    role = f"desk_app_{uuid.uuid4().hex[:8]}"
    name = f"desk_own_{uuid.uuid4().hex[:8]}"
    admin = create_engine(desk.db.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOCREATEDB'))
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER "{role}"'))
    url = make_url(desk.db.url).set(database=name, username=role).render_as_string(
        hide_password=False)
    try:
        own = Desk.open(url, user="petugas")
        own.opd.create({"kode": "9.0004", "nama": "Dinas Milik Sendiri", "jenis": "dinas"})
        dump = backup_now(own, tmp_path)
        own.opd.create({"kode": "9.0005", "nama": "Sesudah Cadangan", "jenis": "dinas"})
        restore(own, dump, tmp_path / "pengaman")
        again = Desk.open(url, user="petugas")
        try:
            assert [r["nama"] for r in again.opd.list().rows] == ["Dinas Milik Sendiri"]
        finally:
            again.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()
