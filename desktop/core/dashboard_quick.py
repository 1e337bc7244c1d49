"""The Beranda's figures read at start-up with plain ``sqlite3``, before SQLAlchemy.

Loading the database layer takes the interpreter ~350 ms on the 2-core office laptop;
the figures' own queries take ~25 ms on an office's register. So when the start opens
a SQLite file, the Beranda is filled from this reading first and the database layer is
loaded after (``desktop.ui.app``). The queries are ``dashboard.statements`` compiled for
SQLite (``dashboard_sql`` writes them to ``resources/data/dashboard_sqlite.json``), the
rows go through the same ``assemble``: the same figures, live, never a stored number.

Nothing here writes: the file is opened read-only, and one whose schema is not the
one the queries were compiled for (a register that is about to be upgraded, or newer
than this program) is not read at all; the usual path then fills the Beranda.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import closing
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from desktop.core.dashboard_board import BOARD_KINDS, Dashboard, assemble
from desktop.core.resources import resource_path
from desktop.core.sqlite_uri import sqlite_uri

__all__ = ["EXPIRY_MARK", "PLAN_FILE", "REFERENCE_DAY", "quick_board"]

READ_LIMIT_S = 1.0  # a reading slower than this (a file on a slow share) is given up

PLAN_FILE = ("data", "dashboard_sqlite.json")
REFERENCE_DAY = date(2000, 1, 1)  # the day the queries are compiled for
EXPIRY_MARK = 7777  # days: the compiled end of the expiry window, told from the others


@cache
def _plan() -> dict[str, Any]:
    return json.loads(resource_path(*PLAN_FILE).read_text(encoding="utf-8"))


def _value(spec: list[Any], today: date, expiry_days: int) -> Any:
    match spec:
        case ["day", int(offset)]:
            return (today + timedelta(days=offset)).isoformat()
        case ["expiry"]:
            return (today + timedelta(days=expiry_days)).isoformat()
        case ["value", value]:
            return value
    raise ValueError(spec)


def quick_board(path: Path, today: date, expiry_days: int = 90, *,
                limit: float = READ_LIMIT_S) -> Dashboard | None:
    """The figures of the SQLite register at ``path`` (as its one user reads them), or
    None when it cannot be read this way (missing, damaged, busy, another schema, or
    slower than ``limit`` seconds: the usual path then reads them, once)."""
    plan = _plan()
    if not path.is_file():
        return None
    deadline = time.monotonic() + limit
    try:
        with closing(sqlite3.connect(sqlite_uri(path, read_only=True), uri=True,
                                     timeout=0.5)) as conn:
            # a non-zero answer interrupts the statement (sqlite3.OperationalError)
            conn.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
            revisions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            if revisions != [(plan["schema"],)]:
                return None
            rows = {name: conn.execute(query["sql"], [_value(spec, today, expiry_days)
                                                      for spec in query["params"]]).fetchall()
                    for name, query in plan["queries"].items()}
    except (sqlite3.Error, OSError):
        return None
    return assemble(rows, today, frozenset(BOARD_KINDS), expiry_days)
