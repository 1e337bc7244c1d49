"""Throwaway PostgreSQL logins for the tests about people and roles.

Logins are cluster-wide and other xdist workers' tests run in the same cluster at the
same time: each login gets a unique name (``t_<uuid8>_<name>``) and is dropped at the
end with whatever it was granted or owns in the test's database.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def unique_login(name: str) -> str:
    return f"t_{uuid.uuid4().hex[:8]}_{name}"


def url_as(url: str, login: str, password: str = "sandi-uji") -> str:
    """The test database's URL for another login."""
    return make_url(url).set(username=login, password=password).render_as_string(
        hide_password=False)


def drop_login(admin_url: str, login: str) -> None:
    """End its sessions, drop what it holds in this database, drop the login."""
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"),
                                  {"n": login}).scalar()
            if not exists:
                return
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE usename = :n"), {"n": login})
            quoted = conn.dialect.identifier_preparer.quote(login)
            conn.execute(text(f"DROP OWNED BY {quoted}"))
            conn.execute(text(f"DROP ROLE IF EXISTS {quoted}"))
    finally:
        engine.dispose()


@contextmanager
def logins(admin_url: str) -> Iterator[list[str]]:
    """A list the test appends the logins it creates to; all dropped at the end."""
    made: list[str] = []
    try:
        yield made
    finally:
        for login in made:
            drop_login(admin_url, login)


def plain_url(url: str) -> str:
    """The URL as libpq (psycopg.connect) takes it: without SQLAlchemy's driver name."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def role_facts(admin_url: str, login: str) -> tuple[bool, set[str]]:
    """(can log in, its desk_* group roles) of a login, read with psycopg directly."""
    with psycopg.connect(plain_url(admin_url)) as conn:
        row = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                           (login,)).fetchone()
        assert row is not None, f"no login {login}"
        groups = {g for (g,) in conn.execute(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = %s "
            "AND g.rolname LIKE 'desk\\_%%'", (login,))}
    return bool(row[0]), groups
