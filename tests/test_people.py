"""People and roles on PostgreSQL, through the core: refused writes in words, and
``desktop.core.people`` adding, changing, resetting and disabling logins (proven with
psycopg: the login exists, holds the role, cannot log in)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pg_logins import logins, unique_login, url_as
from sqlalchemy import create_engine, text

from desktop.core import people
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, PermissionRefusedError, ValidationError
from desktop.core.services.audit import record_history


@pytest.fixture
def made_logins(postgres_database: str) -> Iterator[list[str]]:
    with logins(postgres_database) as made:
        yield made


def _run(url: str, *statements: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        engine.dispose()


def _reader(postgres_database: str, made: list[str]) -> str:
    """A login that may read every table and change none (no Desk role needed)."""
    login = unique_login("baca")
    made.append(login)
    _run(postgres_database,
         f"CREATE ROLE {login} LOGIN PASSWORD 'sandi-uji'",
         f"GRANT USAGE ON SCHEMA public TO {login}",
         f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {login}")
    return url_as(postgres_database, login)


def test_a_write_the_grants_refuse_is_a_clear_message_naming_the_kind(
        pg_url: str, made_logins: list[str]) -> None:
    """pg_url: the worker's database emptied first, so the counts below start at zero."""
    url = _reader(pg_url, made_logins)
    with Desk.open(url, user="budi") as desk:
        with pytest.raises(PermissionRefusedError) as refused:
            desk.opd.create({"kode": "9.99", "nama": "Dinas Uji Hak", "jenis": "dinas"})
        assert refused.value.kind == "opd"
        assert refused.value.message == (
            "Peran Anda tidak mengizinkan perubahan ini: Perangkat Daerah. "
            "Tidak ada yang tersimpan.")
        # the refusal left a usable session behind: reading still works
        assert desk.opd.list().total == 0
    with Desk.open(pg_url) as admin:
        assert admin.opd.list().total == 0  # nothing was saved


def test_a_row_policy_refusal_is_the_same_clear_message(
        postgres_database: str, made_logins: list[str]) -> None:
    """RLS answers "new row violates row-level security policy" (also SQLSTATE 42501)."""
    url = _reader(postgres_database, made_logins)
    login = made_logins[-1]
    table = f"t_{uuid.uuid4().hex[:8]}_rls"
    _run(postgres_database,
         f"CREATE TABLE {table} (n int)",
         f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
         f"CREATE POLICY only_small ON {table} FOR ALL USING (true) WITH CHECK (n < 10)",
         f"GRANT SELECT, INSERT ON {table} TO {login}")
    try:
        with Desk.open(url) as desk:
            with desk.db.session() as s:
                s.execute(text(f"INSERT INTO {table} VALUES (1)"))
            with pytest.raises(PermissionRefusedError) as refused, desk.db.session() as s:
                s.execute(text(f"INSERT INTO {table} VALUES (99)"))
        assert refused.value.kind is None
        assert refused.value.message == (
            "Peran Anda tidak mengizinkan perubahan ini. Tidak ada yang tersimpan.")
    finally:
        _run(postgres_database, f"DROP TABLE {table}")


def test_a_refused_read_says_reading(postgres_database: str, made_logins: list[str]) -> None:
    url = _reader(postgres_database, made_logins)
    _run(postgres_database, f"REVOKE SELECT ON kerjasama FROM {made_logins[-1]}")
    with Desk.open(url) as desk, pytest.raises(PermissionRefusedError) as refused:
        desk.agreements.list()
    assert refused.value.message == "Peran Anda tidak mengizinkan membaca Kerja Sama."
    assert refused.value.kind == "agreements"


# ------------------------------------------------------------------ desktop.core.people
def _groups(admin_url: str, login: str) -> tuple[bool, set[str], bool]:
    """(can log in, desk_* groups, CREATEROLE) of a login, read with psycopg."""
    import psycopg

    with psycopg.connect(admin_url.replace("+psycopg", "")) as conn:
        row = conn.execute("SELECT rolcanlogin, rolcreaterole FROM pg_roles WHERE rolname = %s",
                           (login,)).fetchone()
        assert row is not None, f"login {login} does not exist"
        groups = {g for (g,) in conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s", (login,))}
    return bool(row[0]), groups, bool(row[1])


def _can_connect(url: str) -> bool:
    import psycopg

    try:
        psycopg.connect(url.replace("+psycopg", ""), connect_timeout=5).close()
    except psycopg.OperationalError:
        return False
    return True


def test_add_change_role_reset_disable_enable_a_person(
        postgres_database: str, made_logins: list[str]) -> None:
    login = unique_login("budi")
    made_logins.append(login)
    with Desk.open(postgres_database, user="admin-uji") as desk:
        person = people.add_person(desk, login, "  Budi   Santoso ", "kerjasama", "rahasia-123")
        assert person == people.Person(login, "Budi Santoso", "kerjasama", True)
        assert _groups(postgres_database, login) == (True, {"desk_kerjasama"}, False)
        assert person in people.list_people(desk)

        assert people.set_role(desk, login, "admin").role == "admin"
        _can_login, groups, createrole = _groups(postgres_database, login)
        assert groups == {f"desk_{r}" for r in
                          ("admin", "sekretariat", "kerjasama", "infrastruktur", "pimpinan")}
        assert createrole
        assert people.set_role(desk, login, "pimpinan").role == "pimpinan"
        assert _groups(postgres_database, login) == (True, {"desk_pimpinan"}, False)

        people.reset_password(desk, login, "sandi-baru-456")
        assert people.disable(desk, login).aktif is False
        assert _groups(postgres_database, login)[0] is False
        assert not _can_connect(url_as(postgres_database, login, "sandi-baru-456"))
        assert people.enable(desk, login).aktif is True
        assert _can_connect(url_as(postgres_database, login, "sandi-baru-456"))

        with desk.db.read_session() as s:
            history = record_history(s, "pengguna", people.audit_id(login))
        changed = [sorted(h["perubahan"]) for h in reversed(history)]
        assert changed == [["login", "nama", "peran"], ["peran"], ["peran"], ["sandi"],
                           ["aktif"], ["aktif"]]
        assert "rahasia-123" not in str(history) and "sandi-baru-456" not in str(history)


def test_the_password_reaches_the_server_hashed(postgres_database: str,
                                                made_logins: list[str]) -> None:
    login = unique_login("sari")
    made_logins.append(login)
    with Desk.open(postgres_database) as desk:
        people.add_person(desk, login, "Sari", "sekretariat", "it's a 'quoted' pass\"word")
    engine = create_engine(postgres_database)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
                              {"n": login}).scalar()
    engine.dispose()
    assert stored.startswith("SCRAM-SHA-256$")


@pytest.mark.parametrize(("login", "nama", "role", "password", "field"), [
    ("Budi", "Budi", "admin", "12345678", "login"),
    ("budi; drop table x", "Budi", "admin", "12345678", "login"),
    ("pg_budi", "Budi", "admin", "12345678", "login"),
    ("desk_admin", "Budi", "admin", "12345678", "login"),
    ("b" * 64, "Budi", "admin", "12345678", "login"),
    ("budi", "  ", "admin", "12345678", "nama"),
    ("budi", "Budi", "lurah", "12345678", "role"),
    ("budi", "Budi", "admin", "1234567", "password"),
])
def test_bad_input_is_refused_before_anything_is_created(
        postgres_database: str, login: str, nama: str, role: str, password: str,
        field: str) -> None:
    with Desk.open(postgres_database) as desk:
        with pytest.raises(ValidationError) as refused:
            people.add_person(desk, login, nama, role, password)
        assert list(refused.value.errors) == [field]
        assert people.list_people(desk) == []


def test_an_existing_login_is_refused(postgres_database: str, made_logins: list[str]) -> None:
    login = unique_login("ani")
    made_logins.append(login)
    with Desk.open(postgres_database) as desk:
        people.add_person(desk, login, "Ani", "pimpinan", "12345678")
        with pytest.raises(ValidationError, match="sudah ada"):
            people.add_person(desk, login, "Ani Lagi", "admin", "12345678")
        assert [p.nama for p in people.list_people(desk)] == ["Ani"]


def test_someone_without_the_people_ability_is_refused(
        postgres_database: str, made_logins: list[str]) -> None:
    url = _reader(postgres_database, made_logins)
    with Desk.open(url) as desk:
        with pytest.raises(PermissionRefusedError,
                           match="Hanya administrator yang boleh mengelola pengguna"):
            people.add_person(desk, unique_login("x"), "X", "pimpinan", "12345678")
        with pytest.raises(PermissionRefusedError):
            people.list_people(desk)


def test_sqlite_is_single_user(sqlite_desk: Desk) -> None:
    with pytest.raises(DeskError, match="SQLite dipakai satu orang saja"):
        people.list_people(sqlite_desk)
    with pytest.raises(DeskError, match="SQLite dipakai satu orang saja"):
        people.add_person(sqlite_desk, "budi", "Budi", "admin", "12345678")


# ------------------------------------------------------------------ what a role sees
def test_beranda_and_reminders_read_only_the_kinds_of_the_role(
        postgres_database: str, made_logins: list[str]) -> None:
    """A kerjasama login whose grants refuse apps, datasets and deployments: the Beranda's
    figures and the reminders come without touching those tables, and show none of them."""
    from desktop.core.dashboard import compute
    from desktop.core.reminders import collect

    url = _reader(postgres_database, made_logins)
    login = made_logins[-1]
    _run(postgres_database, f"GRANT desk_kerjasama TO {login}",
         f"REVOKE SELECT ON aplikasi, aplikasi_dataset, dataset, dataset_resource, deployment "
         f"FROM {login}")
    with Desk.open(url) as desk:
        assert desk.access is not None and desk.access.role == "kerjasama"
        board = compute(desk)
        assert {f.kind for f in board.tiles()} == {"agreements", "visits"}
        assert {f.kind for f in board.summary()} == {"agreements", "visits"}
        assert {c.kind for c in board.charts()} == {"agreements", "visits"}
        assert {g.kind for g in collect(desk)} <= {"agreements", "visits"}
        with pytest.raises(PermissionRefusedError):  # the grants really refuse them
            desk.datasets.list()  # (aplikasi: desk_kerjasama reads it for visits' links)


def test_with_the_real_roles_an_admin_login_manages_people_and_pimpinan_only_reads(
        postgres_database: str, made_logins: list[str]) -> None:
    """Logins made by people.add_person, held to migration 0008's grants: the admin (not a
    superuser) adds and disables someone; a pimpinan reads and is refused a change."""
    from desktop.core.dashboard import compute

    admin, boss, clerk = (unique_login(n) for n in ("adm", "pim", "kjs"))
    made_logins.extend([admin, boss, clerk])
    with Desk.open(postgres_database) as owner:
        people.add_person(owner, admin, "Admin Kantor", "admin", "sandi-admin")
        people.add_person(owner, clerk, "Kerja Sama", "kerjasama", "sandi-kerjasama")
    with Desk.open(url_as(postgres_database, admin, "sandi-admin"), user="dipalsukan") as desk:
        assert desk.access is not None and desk.access.role == "admin"
        people.add_person(desk, boss, "Ibu Kepala", "pimpinan", "sandi-pimpinan")
        assert people.get_person(desk, boss).role == "pimpinan"
    with Desk.open(url_as(postgres_database, boss, "sandi-pimpinan")) as desk:
        assert desk.access is not None and desk.access.role == "pimpinan"
        assert desk.opd.list().total >= 0
        with pytest.raises(PermissionRefusedError) as refused:
            desk.opd.create({"kode": "9.98", "nama": "Dinas Pimpinan", "jenis": "dinas"})
        assert "Perangkat Daerah" in refused.value.message
        with pytest.raises(PermissionRefusedError, match="Hanya administrator"):
            people.add_person(desk, unique_login("x"), "X", "admin", "12345678")
    with Desk.open(url_as(postgres_database, clerk, "sandi-kerjasama")) as desk:
        board = compute(desk)  # no refusal: apps, datasets, deployments are not read
        assert {f.kind for f in board.summary()} == {"agreements", "visits"}
    with Desk.open(url_as(postgres_database, admin, "sandi-admin")) as desk:
        assert people.disable(desk, boss).aktif is False
    assert not _can_connect(url_as(postgres_database, boss, "sandi-pimpinan"))
    with Desk.open(postgres_database) as owner, owner.db.read_session() as s:
        history = record_history(s, "pengguna", people.audit_id(boss))
    assert {h["pengguna"] for h in history} == {"Admin Kantor"}  # the login, stamped by PG


def test_a_login_without_a_desk_role_is_told_at_start(
        postgres_database: str, made_logins: list[str]) -> None:
    url = _reader(postgres_database, made_logins)
    with Desk.open(url) as desk:
        assert desk.access is None
        with pytest.raises(PermissionRefusedError) as refused:
            people.require_role(desk)
    assert refused.value.message.startswith(
        f"Login {made_logins[-1]} belum mempunyai peran di Diskominfo Desk")
    with Desk.open(postgres_database) as owner:
        people.require_role(owner)  # the owner is the administrator
