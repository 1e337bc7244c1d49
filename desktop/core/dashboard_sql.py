"""The Beranda's queries compiled for SQLite, for the start-up's plain ``sqlite3`` reading.

``dashboard.statements`` stays the one place the figures are asked for; this module
compiles them for a reference day and writes the SQL, with each parameter as what it
is (a value, a day counted from today, the end of the expiry window), to
``resources/data/dashboard_sqlite.json``, beside the schema revision it was compiled
against. ``dashboard_quick`` reads that file with no database layer loaded.

After a change to the queries or a migration: ``python -m desktop.core.dashboard_sql``
(``tests/test_dashboard_quick.py`` fails until the file is written anew).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from sqlalchemy.dialects import sqlite

from desktop.core.dashboard import statements
from desktop.core.dashboard_quick import EXPIRY_MARK, PLAN_FILE, REFERENCE_DAY
from desktop.core.migrate import head_revision
from desktop.core.resources import resource_path

__all__ = ["main", "plan"]


def plan() -> dict[str, Any]:
    """What ``dashboard_quick`` runs: the schema revision and each query's SQL and
    parameters, compiled as SQLAlchemy would execute them on SQLite."""
    dialect = sqlite.dialect()
    queries = {}
    for name, stmt in statements(REFERENCE_DAY, EXPIRY_MARK).items():
        compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
        params = []
        for key in compiled.positiontup or ():
            # an IN list's values are expanded as <bind>_1, <bind>_2, ...
            bind = compiled.binds[key if key in compiled.binds else key.rsplit("_", 1)[0]]
            value = compiled.params[key]
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            stored = processor(value) if processor else value
            params.append(_parameter(name, value, stored))
        queries[name] = {"sql": str(compiled), "params": params}
    return {"schema": head_revision(), "queries": queries}


def _parameter(query: str, value: Any, stored: Any) -> list[Any]:
    """``["day", n]``: today plus n days; ``["expiry"]``: today plus the expiry window;
    ``["value", v]``: as it is. A date must reach SQLite as its ISO text, which is what
    ``dashboard_quick`` sends; anything else must need no conversion."""
    if isinstance(value, date):
        if stored != value.isoformat():
            raise ValueError(f"{query}: a date stored as {stored!r}")
        offset = (value - REFERENCE_DAY).days
        if offset == EXPIRY_MARK:
            return ["expiry"]
        if abs(offset) >= 1000:
            raise ValueError(f"{query}: a date {offset} days from today")
        return ["day", offset]
    if stored != value or not isinstance(value, (str, int, float, type(None))):
        raise ValueError(f"{query}: a parameter {value!r} stored as {stored!r}")
    return ["value", value]


def main() -> int:
    path = resource_path(*PLAN_FILE)
    path.write_text(json.dumps(plan(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"ditulis: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
