"""Shared fixtures: every data-layer test runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from ``DISKOMINFO_DESK_TEST_POSTGRES`` (an admin URL; ``.ci/run``
starts a throwaway cluster and sets it). Without it the PostgreSQL cases skip, unless
``DISKOMINFO_DESK_REQUIRE_POSTGRES=1`` (set by CI), where a missing server is an error.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.core.database import open_database, resolve_database_url
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.core.models import Base

PG_ENV = "DISKOMINFO_DESK_TEST_POSTGRES"
REQUIRE_PG_ENV = "DISKOMINFO_DESK_REQUIRE_POSTGRES"
KEEP_TABLES = {"region", "alembic_version"}


def postgres_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{PG_ENV} is not set but {REQUIRE_PG_ENV}=1: PostgreSQL tests must run")
        pytest.skip(f"PostgreSQL not configured ({PG_ENV} unset)")
    return resolve_database_url(url)


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's data folder, settings or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("DISKOMINFO_DESK_DATABASE", raising=False)
    monkeypatch.delenv("DISKOMINFO_DESK_LANG", raising=False)
    set_language("id")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (migrating per test is slower)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated once, dropped at the end."""
    admin = postgres_admin_url()
    assert admin is not None
    name = f"desk_test_{uuid.uuid4().hex[:10]}"
    admin_engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    db.dispose()
    yield url
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


def _truncate(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables if t.name not in KEEP_TABLES)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 sqlite_template: Path) -> str:
    """An empty, migrated database of each engine."""
    if request.param == "sqlite":
        path = tmp_path / "desk.sqlite3"
        shutil.copyfile(sqlite_template, path)
        return str(path)
    url = request.getfixturevalue("postgres_database")
    _truncate(url)
    return url


@pytest.fixture
def desk(database_url: str) -> Iterator[Desk]:
    d = Desk.open(database_url, user="penguji")
    yield d
    d.close()


@pytest.fixture
def sqlite_desk(tmp_path: Path, sqlite_template: Path) -> Iterator[Desk]:
    """For the tests about SQLite files themselves (backups, corrupt files)."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(sqlite_template, path)
    d = Desk.open(path, user="penguji")
    yield d
    d.close()
