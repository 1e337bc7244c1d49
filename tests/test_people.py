"""People and roles on PostgreSQL, through the core: refused writes in words, and
``desktop.core.people`` adding, changing, resetting and disabling logins (proven with
psycopg: the login exists, holds the role, cannot log in)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pg_logins import logins, unique_login, url_as
from sqlalchemy import create_engine, text

from desktop.core.desk import Desk
from desktop.core.errors import PermissionRefusedError


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
        postgres_database: str, made_logins: list[str]) -> None:
    url = _reader(postgres_database, made_logins)
    with Desk.open(url, user="budi") as desk:
        with pytest.raises(PermissionRefusedError) as refused:
            desk.opd.create({"kode": "9.99", "nama": "Dinas Uji Hak", "jenis": "dinas"})
        assert refused.value.kind == "opd"
        assert refused.value.message == (
            "Peran Anda tidak mengizinkan perubahan ini: Perangkat Daerah. "
            "Tidak ada yang tersimpan.")
        # the refusal left a usable session behind: reading still works
        assert desk.opd.list().total == 0
    with Desk.open(postgres_database) as admin:
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
