"""The five roles, held to ``roles.ACCESS`` by PostgreSQL itself (migration 0008).

The proof uses psycopg directly, as a person who opens psql with their own login would:
no application code runs between the login and the server. One login per role is made
for the module (unique names: logins are cluster-wide and other workers' tests run in
the same cluster) and dropped at the end. Every statement runs in its own transaction
and is rolled back, so the seeded rows stay for the next case.

Refused means one of two things, as PostgreSQL does it: a missing grant (SQLSTATE 42501)
or, on the tables whose rows belong to several kinds, row-level security (rows of a
kind the role may not read are not there; a new row of a kind it may not write
"violates row-level security policy", also 42501).
"""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import errors
from sqlalchemy.engine import make_url

from desktop.core.migrate import MIGRATIONS_DIR
from desktop.core.roles import ACCESS, KIND_NAMES, ROLES

PASSWORD = "sandi-uji"
REFUSED = "refused"


def migration_0008() -> Any:
    path = MIGRATIONS_DIR / "versions" / "0008_roles.py"
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


M = migration_0008()

# the smallest valid row of each kind's own table (besides id and the timestamps)
MAIN_ROW: dict[str, tuple[str, str, str]] = {
    "opd": ("perangkat_daerah", "kode, nama, jenis",
            "'K-' || left(%(id)s::text, 8), 'Dinas Uji', 'dinas'"),
    "apps": ("aplikasi", "nama, jenis, sasaran, platform, status, boleh_direplikasi",
             "'Aplikasi Uji', 'web', '[]', '[]', 'aktif', false"),
    "datasets": ("dataset", "judul, frekuensi, format, sifat_data, status_verifikasi, "
                 "data_pribadi, tags",
                 "'Data Uji', 'tahunan', '[]', 'terbuka', 'draf', false, '[]'"),
    "visits": ("kunjungan", "arah, tanggal_mulai, instansi", "'masuk', '2026-12-01', 'Pemkab Uji'"),
    "agreements": ("kerjasama", "jenis, judul, perlu_persetujuan_dprd, meterai, rangkap, "
                   "status, premis", "'pks', 'PKS Uji', false, true, 2, 'draf', '[]'"),
    "deployments": ("deployment", "aplikasi_id, lingkungan, tanggal, status, tte_bsre",
                    "%(app)s, 'produksi', '2026-12-01', 'aktif', false"),
}


def connect(url: str, login: str | None = None) -> psycopg.Connection:
    parsed = make_url(url)
    return psycopg.connect(host=parsed.host, port=parsed.port, dbname=parsed.database,
                           user=login or parsed.username,
                           password=PASSWORD if login else parsed.password)


def attempt(conn: psycopg.Connection, sql: str, params: dict[str, Any] | None = None
            ) -> int | str:
    """Rows the statement saw or changed, or ``REFUSED`` (42501); always rolled back."""
    try:
        cursor = conn.execute(sql, params or {})
        if sql.lstrip().upper().startswith("SELECT"):
            return len(cursor.fetchall())
        return cursor.rowcount
    except errors.InsufficientPrivilege:
        return REFUSED
    finally:
        conn.rollback()


def insert_main(kind: str) -> str:
    """INSERT of a minimal row of the kind's own table (parameters ``id``, ``app``)."""
    table, columns, values = MAIN_ROW[kind]
    return (f"INSERT INTO {table} (id, created_at, updated_at, version, {columns}) "
            f"VALUES (%(id)s::text, now(), now(), 1, {values})")


@pytest.fixture(scope="module")
def pg_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue("postgres_database")


@pytest.fixture(scope="module")
def people(pg_url: str) -> Iterator[dict[str, str]]:
    """One login per role: ``{"admin": "t_1a2b3c4d_admin", …}``."""
    made = {role: f"t_{uuid.uuid4().hex[:8]}_{role}" for role in ROLES}
    with connect(pg_url) as owner:
        owner.autocommit = True
        try:
            for role, login in made.items():
                owner.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'{PASSWORD}\' '
                              f"IN ROLE desk_{role}")
            yield made
        finally:
            for login in made.values():
                owner.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE usename = %s", (login,))
                owner.execute(f'DROP OWNED BY "{login}"')
                owner.execute(f'DROP ROLE IF EXISTS "{login}"')


@pytest.fixture
def seeded(pg_url: str) -> Iterator[dict[str, str]]:
    """One record of each kind, with a search entry, an audit row and a file (+ chunk)
    each, made by the owner: ``{kind: record id}``; removed afterwards."""
    ids = {kind: str(uuid.uuid4()) for kind in KIND_NAMES}
    # the deployments point at an application of their own, so the apps' row can go
    app_id = ids["_app"] = str(uuid.uuid4())
    with connect(pg_url) as owner:
        owner.execute(insert_main("apps"), {"id": app_id})
        for kind in KIND_NAMES:
            owner.execute(insert_main(kind), {"id": ids[kind], "app": app_id})
            owner.execute("INSERT INTO search_entry (jenis, record_id, judul, teks) "
                          "VALUES (%s, %s, 'uji', 'uji')", (kind, ids[kind]))
            owner.execute("INSERT INTO audit_log (waktu, pengguna, jenis, record_id, aksi, "
                          "perubahan) VALUES (now(), 'pemilik', %s, %s, 'create', '{}')",
                          (kind, ids[kind]))
            owner.execute("INSERT INTO berkas (id, jenis, record_id, nama, tipe, ukuran, "
                          "sha256, pengguna, waktu) VALUES (%s, %s, %s, 'scan.pdf', "
                          "'application/pdf', 3, '', 'pemilik', now())",
                          (ids[kind], kind, ids[kind]))
            owner.execute("INSERT INTO berkas_potongan (berkas_id, urutan, data) "
                          "VALUES (%s, 0, 'abc')", (ids[kind],))
        owner.commit()
    yield ids
    with connect(pg_url) as owner:
        for kind in reversed(KIND_NAMES):
            table = MAIN_ROW[kind][0]
            owner.execute(f"DELETE FROM {table} WHERE id = %s", (ids[kind],))
            for other in ("search_entry", "audit_log", "berkas"):
                owner.execute(f"DELETE FROM {other} WHERE record_id = %s", (ids[kind],))
        owner.execute("DELETE FROM aplikasi WHERE id = %s", (app_id,))


CASES = [(role, kind) for role in ROLES for kind in KIND_NAMES]


def test_the_migration_states_the_same_rules_as_roles_py() -> None:
    assert set(M.ROLES) == set(ACCESS)
    for role, access in ACCESS.items():
        assert set(M.READ[role]) == access.read, role
        assert set(M.WRITE[role]) == access.write, role
    assert set(M.KIND_TABLES) == set(KIND_NAMES)
    assert set(M.SYNC_ROLES) == {r for r, a in ACCESS.items() if a.can("sync")}


@pytest.mark.parametrize(("role", "kind"), CASES)
def test_each_role_reads_and_changes_only_its_kinds_tables(
        pg_url: str, people: dict[str, str], seeded: dict[str, str], role: str,
        kind: str) -> None:
    may_read, may_write = ACCESS[role].can_read(kind), ACCESS[role].can_write(kind)
    link_reads = M.LINK_READS.get(role, ())
    with connect(pg_url, people[role]) as person:
        # every table of the kind: the privilege is checked whatever the rows
        for table in M.KIND_TABLES[kind]:
            column = "id" if table not in ("aplikasi_dataset", "kunjungan_kerjasama",
                                           "kunjungan_aplikasi") else f"{table.split('_')[0]}_id"
            assert attempt(person, f"SELECT * FROM {table} LIMIT 0") == (
                0 if may_read or table in link_reads else REFUSED), (table, "select")
            for sql in (f"INSERT INTO {table} ({column}) SELECT NULL WHERE false",
                        f"UPDATE {table} SET {column} = {column} WHERE false",
                        f"DELETE FROM {table} WHERE false"):
                assert attempt(person, sql) == (0 if may_write else REFUSED), (table, sql)
        # the kind's own table, real rows
        table = MAIN_ROW[kind][0]
        record_id = seeded[kind]
        assert attempt(person, f"SELECT * FROM {table} WHERE id = %(id)s",
                       {"id": record_id}) == (1 if may_read or table in link_reads else REFUSED)
        new_id = str(uuid.uuid4())
        assert attempt(person, insert_main(kind),
                       {"id": new_id, "app": seeded["_app"]}) == (1 if may_write else REFUSED)
        assert attempt(person, f"UPDATE {table} SET version = version + 1 WHERE id = %(id)s",
                       {"id": record_id}) == (1 if may_write else REFUSED)
        assert attempt(person, f"DELETE FROM {table} WHERE id = %(id)s",
                       {"id": record_id}) == (1 if may_write else REFUSED)


def test_link_reads_are_the_ones_the_roles_own_records_need() -> None:
    """Beyond roles.ACCESS: a visit names applications; an application is not deleted
    while a deployment uses it. Nothing else."""
    assert M.LINK_READS == {"kerjasama": ("aplikasi",)}
    assert M.LINK_COLUMNS == {"sekretariat": {"deployment": ("id", "aplikasi_id",
                                                             "deleted_at")}}
    assert "apps" not in ACCESS["kerjasama"].read  # the window shows them no Aplikasi page


def test_the_sekretariat_counts_an_applications_deployments_and_reads_no_more(
        pg_url: str, people: dict[str, str], seeded: dict[str, str]) -> None:
    with connect(pg_url, people["sekretariat"]) as person:
        assert attempt(person, "SELECT id FROM deployment WHERE aplikasi_id = %(app)s "
                       "AND deleted_at IS NULL", {"app": seeded["_app"]}) == 1
        assert attempt(person, "SELECT domain FROM deployment") == REFUSED
        assert attempt(person, "SELECT * FROM deployment") == REFUSED
        assert attempt(person, "UPDATE deployment SET deleted_at = now()") == REFUSED


@pytest.mark.parametrize(("role", "kind"), CASES)
def test_search_entries_and_files_of_a_kind_follow_the_role(
        pg_url: str, people: dict[str, str], seeded: dict[str, str], role: str,
        kind: str) -> None:
    """Rows of every kind share these tables: row-level security hides the rows of a kind
    the role may not read and refuses those it may not write."""
    may_read, may_write = ACCESS[role].can_read(kind), ACCESS[role].can_write(kind)
    record_id = seeded[kind]
    seen = 1 if may_read else 0
    changed = 1 if may_write else 0
    with connect(pg_url, people[role]) as person:
        # search_entry
        assert attempt(person, "SELECT rid FROM search_entry WHERE record_id = %(id)s",
                       {"id": record_id}) == seen
        assert attempt(person, "INSERT INTO search_entry (jenis, record_id, judul, teks) "
                       "VALUES (%(kind)s, %(new)s, 'baru', 'baru')",
                       {"kind": kind, "new": str(uuid.uuid4())}) == (
            1 if may_write else REFUSED)
        assert attempt(person, "UPDATE search_entry SET teks = 'ubah' WHERE record_id = %(id)s",
                       {"id": record_id}) == changed
        assert attempt(person, "DELETE FROM search_entry WHERE record_id = %(id)s",
                       {"id": record_id}) == changed
        # a row may not be moved to a kind the role may not write
        if may_write:
            others = [k for k in KIND_NAMES if not ACCESS[role].can_write(k)]
            for other in others[:1]:
                assert attempt(person, "UPDATE search_entry SET jenis = %(other)s "
                               "WHERE record_id = %(id)s",
                               {"other": other, "id": record_id}) == REFUSED
        # berkas and its chunks
        assert attempt(person, "SELECT id FROM berkas WHERE record_id = %(id)s",
                       {"id": record_id}) == seen
        assert attempt(person, "SELECT urutan FROM berkas_potongan WHERE berkas_id = %(id)s",
                       {"id": record_id}) == seen
        assert attempt(person, "INSERT INTO berkas (id, jenis, record_id, nama, tipe, ukuran, "
                       "sha256, pengguna, waktu) VALUES (%(new)s, %(kind)s, %(id)s, 'foto.png', "
                       "'image/png', 1, '', 'x', now())",
                       {"new": str(uuid.uuid4()), "kind": kind, "id": record_id}) == (
            1 if may_write else REFUSED)
        assert attempt(person, "INSERT INTO berkas_potongan (berkas_id, urutan, data) "
                       "VALUES (%(id)s, 1, 'def')", {"id": record_id}) == (
            1 if may_write else REFUSED)
        assert attempt(person, "UPDATE berkas SET sha256 = 'x' WHERE id = %(id)s",
                       {"id": record_id}) == changed
        assert attempt(person, "DELETE FROM berkas_potongan WHERE berkas_id = %(id)s",
                       {"id": record_id}) == changed
        assert attempt(person, "DELETE FROM berkas WHERE id = %(id)s",
                       {"id": record_id}) == changed


@pytest.mark.parametrize(("role", "kind"), CASES)
def test_audit_rows_are_added_for_writable_kinds_and_never_changed(
        pg_url: str, people: dict[str, str], seeded: dict[str, str], role: str,
        kind: str) -> None:
    may_read, may_write = ACCESS[role].can_read(kind), ACCESS[role].can_write(kind)
    record_id = seeded[kind]
    with connect(pg_url, people[role]) as person:
        assert attempt(person, "SELECT id FROM audit_log WHERE record_id = %(id)s",
                       {"id": record_id}) == (1 if may_read else 0)
        assert attempt(person, "INSERT INTO audit_log (waktu, pengguna, jenis, record_id, "
                       "aksi, perubahan) VALUES (now(), 'x', %(kind)s, %(id)s, 'update', "
                       "'{}')", {"kind": kind, "id": record_id}) == (
            1 if may_write else REFUSED)
        # nobody but the owner rewrites history, not even the administrator
        assert attempt(person, "UPDATE audit_log SET aksi = 'x' WHERE record_id = %(id)s",
                       {"id": record_id}) == REFUSED
        assert attempt(person, "DELETE FROM audit_log WHERE record_id = %(id)s",
                       {"id": record_id}) == REFUSED


@pytest.mark.parametrize("role", ROLES)
def test_shared_tables_are_read_by_all_and_changed_by_the_administrator(
        pg_url: str, people: dict[str, str], role: str) -> None:
    admin = role == "admin"
    with connect(pg_url, people[role]) as person:
        for table in ("region", "office_profile", "pengguna", "alembic_version"):
            assert attempt(person, f"SELECT 1 FROM {table} LIMIT 1") != REFUSED, table
        assert attempt(person, "SELECT version_num FROM alembic_version") == 1
        assert attempt(person, "INSERT INTO pengguna (login, nama, aktif, dibuat) "
                       "VALUES ('x_ani', 'Ani', true, now())") == (1 if admin else REFUSED)
        assert attempt(person, "INSERT INTO office_profile (id, created_at, updated_at, "
                       "version, nama) VALUES ('p1', now(), now(), 1, 'Diskominfo')") == (
            1 if admin else REFUSED)
        assert attempt(person, "UPDATE region SET nama = nama WHERE false") == (
            0 if admin else REFUSED)
        # what no one but the owner does: change the schema or its version
        assert attempt(person, "UPDATE alembic_version SET version_num = version_num"
                       ) == REFUSED
        assert attempt(person, "CREATE TABLE t_curian (x int)") == REFUSED
        assert attempt(person, "ALTER TABLE audit_log DISABLE ROW LEVEL SECURITY") == REFUSED


@pytest.mark.parametrize("role", ROLES)
def test_sync_tables_belong_to_the_roles_that_sync(
        pg_url: str, people: dict[str, str], role: str) -> None:
    syncs = ACCESS[role].can("sync")
    with connect(pg_url, people[role]) as person:
        for table in M.SYNC_TABLES:
            assert attempt(person, f"SELECT 1 FROM {table} LIMIT 0") == (
                0 if syncs else REFUSED), table
        assert attempt(person, "INSERT INTO sync_setting (key, value) VALUES ('uji', '1')"
                       ) == (1 if syncs else REFUSED)
        # a serial id: the sequence is granted with the table
        assert attempt(person, "INSERT INTO sync_run (started_at, catalog_url, mode, status, "
                       "pushed, pulled, deleted, conflicts, errors) VALUES (now(), "
                       "'http://ckan', 'push', 'running', 0, 0, 0, 0, 0)") == (
            1 if syncs else REFUSED)


def test_a_login_without_a_desk_role_sees_nothing(pg_url: str, seeded: dict[str, str]) -> None:
    login = f"t_{uuid.uuid4().hex[:8]}_tamu"
    with connect(pg_url) as owner:
        owner.autocommit = True
        owner.execute(f'CREATE ROLE "{login}" LOGIN PASSWORD \'{PASSWORD}\'')
        try:
            with connect(pg_url, login) as stranger:
                for table in ("perangkat_daerah", "audit_log", "search_entry", "pengguna"):
                    assert attempt(stranger, f"SELECT 1 FROM {table} LIMIT 0") == REFUSED
        finally:
            owner.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = %s", (login,))
            owner.execute(f'DROP OWNED BY "{login}"')
            owner.execute(f'DROP ROLE "{login}"')


def test_a_restored_backup_keeps_every_role_to_its_rights(
        pg_url: str, people: dict[str, str], seeded: dict[str, str], tmp_path: Path) -> None:
    """pg_restore --no-privileges recreates the tables without grants: the restore grants
    them again from the migrations, and a backup of the restored database (grants and
    all) passes the backup check again."""
    from desktop.core import backups
    from desktop.core.desk import Desk

    with Desk.open(pg_url) as desk:
        dump = backups.backup_now(desk, tmp_path)
    with Desk.open(pg_url) as desk:
        backups.restore(desk, dump, tmp_path)
    for role, login in people.items():
        with connect(pg_url, login) as person:
            for kind in KIND_NAMES:
                table = MAIN_ROW[kind][0]
                link = table in M.LINK_READS.get(role, ())
                assert attempt(person, f"SELECT * FROM {table} WHERE id = %(id)s",
                               {"id": seeded[kind]}) == (
                    1 if ACCESS[role].can_read(kind) or link else REFUSED), (role, kind)
                assert attempt(person, "SELECT rid FROM search_entry WHERE record_id = %(id)s",
                               {"id": seeded[kind]}) == (
                    1 if ACCESS[role].can_read(kind) else 0), (role, kind)
    with Desk.open(pg_url) as desk:
        again = backups.backup_now(desk, tmp_path / "lagi")
        backups.restore(desk, again, tmp_path / "lagi")


def test_two_databases_creating_the_group_roles_at_once_both_succeed(pg_url: str) -> None:
    """Roles are cluster-wide: pytest-xdist workers (and an office's second database)
    migrate at the same moment. The second CREATE ROLE waits for the first transaction
    and then finds the name taken; 0008's block absorbs that instead of failing."""
    import threading

    name = f"t_{uuid.uuid4().hex[:8]}_grup"
    other_db = make_url(pg_url).set(database="postgres").render_as_string(hide_password=False)
    first, second = connect(pg_url), connect(other_db)
    outcome: list[BaseException | None] = []

    def migrate_second() -> None:
        try:
            second.execute(M._create_group_role(name))
            second.commit()
            outcome.append(None)
        except BaseException as exc:  # reported by the assert below
            outcome.append(exc)

    try:
        first.execute(M._create_group_role(name))  # not committed yet: the second waits
        waiting = threading.Thread(target=migrate_second)
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive(), "the second CREATE ROLE should wait for the first"
        first.commit()
        waiting.join(10)
        assert outcome == [None]
        assert first.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                             (name,)).fetchall() == [(False,)]
    finally:
        first.rollback()
        first.autocommit = True
        first.execute(f'DROP ROLE IF EXISTS "{name}"')
        first.close()
        second.close()


def test_an_administrator_login_backs_up_every_row(
        pg_url: str, people: dict[str, str], seeded: dict[str, str], tmp_path: Path) -> None:
    """The backup ability of desk_admin: pg_dump as that login (not the owner) holds every
    row of every table, also audit rows of kinds no role names; the owner restores it."""
    from desktop.core import backups
    from desktop.core.desk import Desk

    tables = [t for t in M.ROW_TABLES] + [t for ts in M.KIND_TABLES.values() for t in ts]
    with connect(pg_url) as owner:
        owner.execute("INSERT INTO audit_log (waktu, pengguna, jenis, record_id, aksi, "
                      "perubahan) VALUES (now(), 'x', 'jenis_baru', 'r1', 'create', '{}'), "
                      "(now(), 'x', 'pengguna', 'r2', 'create', '{}')")
        owner.commit()
        before = {t: owner.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    admin_url = make_url(pg_url).set(username=people["admin"], password=PASSWORD
                                     ).render_as_string(hide_password=False)
    with Desk.open(admin_url) as desk:
        dump = backups.backup_now(desk, tmp_path)
    with connect(pg_url) as owner:
        owner.execute("DELETE FROM audit_log WHERE jenis IN ('jenis_baru', 'pengguna')")
        owner.commit()
    with Desk.open(pg_url) as desk:
        backups.restore(desk, dump, tmp_path)
    with connect(pg_url) as owner:
        after = {t: owner.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        owner.execute("DELETE FROM audit_log WHERE jenis IN ('jenis_baru', 'pengguna')")
        owner.commit()
    assert after == before and before["audit_log"] >= 8


def test_row_policies_work_out_the_persons_kinds_once_per_statement(
        pg_url: str, people: dict[str, str]) -> None:
    """Per row, the membership test made a search over 100,000 entries take half a second
    (per statement: 17 ms). The plan must show it as an InitPlan, not a filter per row."""
    with connect(pg_url, people["sekretariat"]) as person:
        plan = "\n".join(row[0] for row in person.execute(
            "EXPLAIN SELECT count(*) FROM search_entry").fetchall())
    row_filter = [line for line in plan.splitlines() if "Filter:" in line]
    assert "InitPlan" in plan and len(row_filter) == 1, plan
    assert "= ANY ($" in row_filter[0] and "desk_" not in row_filter[0], plan
