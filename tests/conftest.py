"""Shared fixtures: every data-layer test runs on SQLite and on a real PostgreSQL.

PostgreSQL comes from ``DISKOMINFO_DESK_TEST_POSTGRES`` (an admin URL; ``.ci/run``
starts a throwaway cluster and sets it). Without it, where PostgreSQL's server programs
are installed, the session starts a throwaway cluster itself (``pg_cluster``); with no
server at all the PostgreSQL cases are left out with one summary line, unless
``DISKOMINFO_DESK_REQUIRE_POSTGRES=1`` (set by CI), where a missing server is an error.
"""

from __future__ import annotations

import os
import shutil
import sys
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pg_demo_copies import DemoCopies, admin_execute
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from desktop.core.database import open_database, resolve_database_url
from desktop.core.demo import load_demo
from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.core.models import Base
from desktop.core.settings import reload as reload_settings

PG_ENV = "DISKOMINFO_DESK_TEST_POSTGRES"
REQUIRE_PG_ENV = "DISKOMINFO_DESK_REQUIRE_POSTGRES"
_PG_NOT_RUN_KEY = pytest.StashKey[int]()
_TOOLS_NOT_RUN_KEY = pytest.StashKey[list[str]]()
KEEP_TABLES = {"region", "alembic_version"}


_CLUSTER_STOP: list = []  # the throwaway cluster this process started, if any


def pytest_configure(config: pytest.Config) -> None:
    """Without ``DISKOMINFO_DESK_TEST_POSTGRES``: a throwaway cluster where the server is
    installed (started once, by the controlling process; the workers inherit its URL)."""
    if os.environ.get(PG_ENV) or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    from pg_cluster import server_bin, start_cluster

    bin_dir = server_bin()
    started = start_cluster(bin_dir) if bin_dir is not None else None
    if started is not None:
        url, stop = started
        os.environ[PG_ENV] = url
        _CLUSTER_STOP.append(stop)


def pytest_unconfigure(config: pytest.Config) -> None:
    while _CLUSTER_STOP:
        _CLUSTER_STOP.pop()()


def _engine_mismatch(item: pytest.Item) -> bool:
    """A test about one engine's query plan, collected for the other engine too."""
    marker = item.get_closest_marker("only_engine")
    params = getattr(getattr(item, "callspec", None), "params", {})
    return marker is not None and params.get("database_url") not in (None, marker.args[0])


def _child_only(item: pytest.Item) -> bool:
    """A test that a parent test runs in a subprocess with its variable set."""
    marker = item.get_closest_marker("child_run")
    return marker is not None and not os.environ.get(marker.args[0])


def _missing_tool(item: pytest.Item) -> str | None:
    """The program a test needs (LibreOffice, makensis), when it is not on this machine."""
    marker = item.get_closest_marker("needs_tool")
    if marker is None or shutil.which(marker.args[0]):
        return None
    return f"{marker.args[0]} ({marker.args[1]})"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Cases that cannot apply are deselected, not skipped: a test about the other
    engine's query plan, a test run only as a child of another test.

    No PostgreSQL at all: its cases are left out with one summary line, not hundreds
    of skip lines (CI requires them: there a missing server fails instead)."""
    not_here = [item for item in items if _engine_mismatch(item) or _child_only(item)]
    missing = {item.nodeid: _missing_tool(item) for item in items if _missing_tool(item)}
    if os.environ.get("CI") == "true":
        missing = {}  # CI installs them: there a missing program fails its test
    config.stash[_TOOLS_NOT_RUN_KEY] = sorted(set(missing.values()))
    not_here += [item for item in items if item.nodeid in missing]
    if not_here:
        config.hook.pytest_deselected(items=not_here)
        items[:] = [item for item in items if item not in not_here]
    if os.environ.get(PG_ENV) or os.environ.get(REQUIRE_PG_ENV) == "1":
        return
    kept, left_out = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        (left_out if "postgresql" in params.values() else kept).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
        config.stash[_PG_NOT_RUN_KEY] = len(left_out)


def pytest_terminal_summary(terminalreporter, exitstatus: int,  # type: ignore[no-untyped-def]
                            config: pytest.Config) -> None:
    for tool in config.stash.get(_TOOLS_NOT_RUN_KEY, []):
        terminalreporter.write_line(f"Not run: the cases that need {tool}.")
    if os.environ.get(PG_ENV) or os.environ.get(REQUIRE_PG_ENV) == "1":
        return
    # under xdist the workers collect: the controller knows no count, only the cause
    left_out = config.stash.get(_PG_NOT_RUN_KEY, 0)
    counted = f"{left_out} cases" if left_out else "its cases"
    terminalreporter.write_line(
        f"PostgreSQL: {counted} not run (no server found). Install PostgreSQL "
        f"(Debian: apt-get install postgresql) and the tests start a throwaway cluster "
        f"themselves, or set {PG_ENV} to an admin URL.")


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
    # the CSV separator follows the regional convention: the tests expect the neutral one
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    set_language("id")
    reload_settings()  # the process's settings are this test's (its own, empty, folder)


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
    _forget_emptying_engine(url)
    with admin_engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin_engine.dispose()


@pytest.fixture
def pg_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The session's PostgreSQL database, empty before and after (the next test of this
    worker may count records)."""
    url = request.getfixturevalue("postgres_database")
    _truncate(url)
    yield url
    _truncate(url)


def _settle_background_jobs() -> None:
    """A window of an earlier test may still have a job running on a test database (a
    refresh its timer started as it closed): it ends before the tables are emptied or
    the database dropped under it (a read and the TRUNCATE deadlocked once)."""
    tasks = sys.modules.get("desktop.ui.tasks")
    if tasks is not None:
        tasks.settle_all()


_EMPTIED = [t.name for t in Base.metadata.sorted_tables if t.name not in KEEP_TABLES]
# which of them hold a row: one round trip, ~1 ms when they are empty
_HOLDING_ROWS = " UNION ALL ".join(
    f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM {name})" for name in _EMPTIED)
# RESTART IDENTITY for every emptied table's sequences, the ones truncated or not
_RESTART_SEQUENCES = """
    SELECT setval(s.oid, 1, false) FROM pg_class s
    JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
                        AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    WHERE s.relkind = 'S' AND t.relname = ANY(:tables)"""


# one engine per session database for emptying it: a new engine per call connected and
# asked the server its settings each time, ~20 of the ~22 ms of an emptying
_EMPTYING_ENGINES: dict[str, Engine] = {}


def _emptying_engine(url: str) -> Engine:
    if url not in _EMPTYING_ENGINES:  # pre-ping: a test may end the server's sessions
        _EMPTYING_ENGINES[url] = create_engine(url, pool_size=1, pool_pre_ping=True)
    return _EMPTYING_ENGINES[url]


def _forget_emptying_engine(url: str) -> None:
    engine = _EMPTYING_ENGINES.pop(url, None)
    if engine is not None:
        engine.dispose()


def _truncate(url: str) -> None:
    """Empty every table but the reference data, as ``TRUNCATE ... RESTART IDENTITY``
    of all of them did, but deleting the rows of those that hold any: a TRUNCATE of
    the 31 tables took 160-250 ms (a new file for each), twice for most PostgreSQL
    tests, which fill a few tables with a few rows. The session's superuser turns off
    the triggers (foreign keys, NOTIFY) for the transaction, so the order is free."""
    _settle_background_jobs()
    with _emptying_engine(url).begin() as conn:
        holding = conn.execute(text(_HOLDING_ROWS)).scalars().all()
        if holding:
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            for name in holding:
                conn.execute(text(f"DELETE FROM {name}"))
        conn.execute(text(_RESTART_SEQUENCES), {"tables": _EMPTIED})


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path,
                 sqlite_template: Path) -> str:
    """An empty, migrated database of each engine."""
    if request.param == "sqlite":
        return str(sqlite_copy(sqlite_template, tmp_path / "desk.sqlite3"))
    url = request.getfixturevalue("postgres_database")
    _truncate(url)
    return url


def opened_desk(database: str | Path, user: str = "penguji") -> Iterator[Desk]:
    """The body of every Desk fixture (``yield from opened_desk(...)``): the Desk is closed
    after the test, also when the test failed, so no pool keeps a file or a server busy."""
    with Desk.open(database, user=user) as d:
        yield d


def sqlite_copy(template: Path, path: Path) -> Path:
    """A database of its own for one test: the migrated template, copied."""
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def desk(database_url: str) -> Iterator[Desk]:
    yield from opened_desk(database_url)


@pytest.fixture
def sqlite_desk(tmp_path: Path, sqlite_template: Path) -> Iterator[Desk]:
    """For the tests about SQLite files themselves (backups, corrupt files)."""
    yield from opened_desk(sqlite_copy(sqlite_template, tmp_path / "desk.sqlite3"))


# ---------------------------------------------------------------------------- demo data
def _fill_demo(database: str | Path, today: date | None) -> None:
    with Desk.open(database, user="demo") as d:
        load_demo(d, today=today)


class DemoTemplates:
    """The demo register, loaded once per session (and per day it is dated, ``today``)
    and copied for each test that starts from it: loading it through the services takes
    about a second on SQLite and more on PostgreSQL, a file copy or ``CREATE DATABASE
    ... TEMPLATE`` a fraction of that."""

    def __init__(self, folder: Path, sqlite_template: Path) -> None:
        self.folder, self.sqlite_template = folder, sqlite_template
        self._sqlite: dict[date | None, Path] = {}
        self._postgres: dict[date | None, str] = {}
        self._copies: dict[date | None, DemoCopies] = {}

    def sqlite(self, today: date | None = None) -> Path:
        if today not in self._sqlite:
            path = self.folder / f"demo-{today or 'today'}.sqlite3"
            shutil.copyfile(self.sqlite_template, path)
            _fill_demo(path, today)
            self._sqlite[today] = path
        return self._sqlite[today]

    def postgres(self, today: date | None = None) -> tuple[str, str]:
        """(admin URL, name of the database holding the demo) for cloning."""
        admin = postgres_admin_url()
        assert admin is not None
        if today not in self._postgres:
            name = f"desk_demo_{uuid.uuid4().hex[:8]}"
            admin_execute(admin, f'CREATE DATABASE "{name}"')
            url = make_url(admin).set(database=name).render_as_string(hide_password=False)
            open_database(url).dispose()
            _fill_demo(url, today)
            self._postgres[today] = name
        return admin, self._postgres[today]

    def copies(self, today: date | None = None) -> DemoCopies:
        """This worker's PostgreSQL demo databases, put back to the demo for each test
        (``tests/pg_demo_copies.py``: a row copy instead of ``CREATE DATABASE``)."""
        if today not in self._copies:
            self._copies[today] = DemoCopies(*self.postgres(today))
        return self._copies[today]

    def drop(self) -> None:
        for copies in self._copies.values():
            copies.drop_all()
        if self._postgres:
            admin = postgres_admin_url()
            assert admin is not None
            for name in self._postgres.values():
                admin_execute(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def demo_templates(tmp_path_factory: pytest.TempPathFactory,
                   sqlite_template: Path) -> Iterator[DemoTemplates]:
    templates = DemoTemplates(tmp_path_factory.mktemp("demo"), sqlite_template)
    yield templates
    templates.drop()


def clone_demo(request: pytest.FixtureRequest, engine_name: str, folder: Path,
               today: date | None = None) -> Iterator[str]:
    """Yield the URL of a fresh copy of the demo database (dated ``today``), dropped
    afterwards, once no job of a window of the test can still run on it (one that ran
    into the dropped database showed its error box in the next test)."""
    templates: DemoTemplates = request.getfixturevalue("demo_templates")
    if engine_name == "sqlite":
        path = folder / "demo.sqlite3"
        shutil.copyfile(templates.sqlite(today), path)
        yield str(path)
        return
    copies = templates.copies(today)
    _settle_background_jobs()  # an earlier test's job must not write into the reset
    copy = copies.take()
    yield copy.url
    _settle_background_jobs()
    copies.give_back(copy)


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database holding the demo register, fresh for each test, of each engine."""
    yield from clone_demo(request, request.param, tmp_path)


@pytest.fixture
def demo_desk(demo_url: str) -> Iterator[Desk]:
    yield from opened_desk(demo_url)


def dated_demo_desk(request: pytest.FixtureRequest, folder: Path,
                    today: date) -> Iterator[Desk]:
    """The body of a fixture for a demo dated ``today`` (figures that depend on the
    day): ``yield from dated_demo_desk(request, tmp_path, TODAY)`` in a fixture with
    the engines as its params."""
    for url in clone_demo(request, request.param, folder, today):
        yield from opened_desk(url)
