"""Many rows of one table in one statement: the bulk create's INSERTs, fast on SQLite.

Through the ORM every row costs Python bookkeeping that is worth more than SQLite's own
insert; here a batch of plain dicts goes to the driver as one executemany.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Dialect, Table, insert

Plan = tuple[str, list[Any]] | None  # the INSERT and a converter per key; None: use Core


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]],
                plans: dict[tuple[str, tuple[str, ...]], Plan]) -> None:
    """One executemany INSERT of ``rows`` (plain dicts, all with the same keys).

    On SQLite the values are converted by the columns' own SQLAlchemy types (the very
    bind processors Core would use: JSON, dates, booleans stored alike) and handed to the
    driver directly; Core's per-row parameter building costs more than SQLite's insert.
    Elsewhere, or when a row would need a column default filled in, Core does it all.
    """
    keys = tuple(rows[0])
    plan = None
    if connection.dialect.name == "sqlite":
        if (table.name, keys) not in plans:
            plans[(table.name, keys)] = _sqlite_plan(connection.dialect, table, keys)
        plan = plans[(table.name, keys)]
    if plan is None or any(len(row) != len(keys) for row in rows):
        connection.execute(insert(table), rows)
        return
    sql, converters = plan
    params = [tuple([value if convert is None else convert(value)
                     for convert, value in zip(converters, map(row.__getitem__, keys),
                                               strict=True)])
              for row in rows]
    per_statement = _rows_per_statement(connection, len(keys))
    if per_statement < 2 or len(params) < 2:
        connection.exec_driver_sql(sql, params)
        return
    # many rows per statement: the driver lets go of the GIL around every statement it
    # steps, and a thread that wants it back waits for the switch interval (5 ms) while
    # another thread computes. A row per statement made the pull's writer thread wait
    # ~5 ms a row; a few hundred rows per statement wait once.
    head, _, one = sql.partition(" VALUES ")
    for start in range(0, len(params), per_statement):
        chunk = params[start:start + per_statement]
        connection.exec_driver_sql(f"{head} VALUES {', '.join([one] * len(chunk))}",
                                   tuple([value for row in chunk for value in row]))


def _rows_per_statement(connection: Connection, width: int) -> int:
    """How many rows of ``width`` values one INSERT may carry (SQLite's variable limit:
    999 before 3.32, 32766 since; builds may set it lower or higher)."""
    driver = connection.connection.driver_connection
    limit = 999
    getlimit = getattr(driver, "getlimit", None)  # Python 3.11+
    if getlimit is not None:
        import sqlite3

        limit = getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return min(500, max(1, min(limit, 32766) // max(1, width)))


def _sqlite_plan(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> Plan:
    """The INSERT statement and one bind processor (or None) per key; None: use Core
    (a key that is no column, or a column left out that has a default to fill in)."""
    columns = table.columns
    if any(k not in columns for k in keys):
        return None
    for column in columns:
        if column.key in keys or (column.default is None and column.server_default is None):
            continue
        if not (column.primary_key and column.autoincrement in (True, "auto")):
            return None  # SQLite numbers an integer primary key itself
    preparer = dialect.identifier_preparer
    names = ", ".join(preparer.quote(columns[k].name) for k in keys)
    sql = (f"INSERT INTO {preparer.format_table(table)} ({names}) "
           f"VALUES ({', '.join('?' for _ in keys)})")
    return sql, [columns[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
