"""PostgreSQL databases holding the demo register, put back to it for each test.

A test that starts from the demo used to get a database of its own, made by
``CREATE DATABASE ... TEMPLATE`` and dropped after it: 120 + 21 ms (medians of 7) on
a quiet server, and much more inside the suite, where the server's CPU is shared with
the tests on a 2-core machine (it copies every relation, the system catalogs included);
~150 of them per suite run. Here a worker keeps a few demo databases and, before
handing one out, puts its rows back: every table emptied and refilled by ``COPY ... FROM
STDIN`` from the demo's rows read once when the database was made (kept in this process:
a schema of them in the database would be in its backups, which the restore rightly
refuses), sequences set back, triggers off for the transaction (as
``tests/conftest.py::_truncate`` does); 68-104 ms, median 75 ms on a quiet server.

Whatever a row copy cannot put back makes the database unusable instead: a fingerprint
of the schema (tables, columns, indexes, triggers, functions, grants, the database's
own settings) is taken when the copy is made and compared on every reset; a database
whose fingerprint changed (a test ran a migration, granted a role, added a trigger) is
dropped and a new one made from the template. Sessions still connected to it (a
window's worker of the last test) are ended first, as ``DROP DATABASE ... WITH (FORCE)``
ended them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

FINGERPRINT = """
SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
  SELECT 'c:' || n.nspname || '.' || c.relname || ':' || c.relkind::text || ':'
         || coalesce(c.relacl::text, '') || ':' || coalesce(c.reloptions::text, '')
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
  UNION ALL
  SELECT 'a:' || a.attrelid::regclass::text || '.' || a.attname || ':'
         || format_type(a.atttypid, a.atttypmod) || ':' || a.attnotnull::text
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  SELECT 'i:' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 't:' || tgrelid::regclass::text || '.' || tgname || ':' || tgenabled::text
    FROM pg_trigger WHERE NOT tgisinternal
  UNION ALL
  SELECT 'f:' || p.oid::regprocedure::text || ':' || md5(p.prosrc)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT 'n:' || nspname || ':' || coalesce(nspacl::text, '') FROM pg_namespace
   WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'
  UNION ALL
  SELECT 'd:' || coalesce(datacl::text, '') FROM pg_database
   WHERE datname = current_database()
  UNION ALL
  SELECT 's:' || coalesce(setconfig::text, '') FROM pg_db_role_setting
   WHERE setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
  UNION ALL
  SELECT 'p:' || defaclrole::regrole::text || ':' || defaclacl::text FROM pg_default_acl
) AS parts(x)"""

TABLES = """
SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                     AND a.attgenerated = ''
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
 GROUP BY c.relname ORDER BY c.relname"""

SEQUENCES = """
SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value
  FROM pg_sequences WHERE schemaname = 'public'"""

END_OTHER_SESSIONS = """
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid()"""


def admin_execute(admin: str, statement: str) -> None:
    """One statement outside a transaction (``CREATE``/``DROP DATABASE``)."""
    engine = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as conn:
        conn.execute(text(statement))
    engine.dispose()


@dataclass
class DemoCopy:
    """One database holding the demo, with what it takes to put the demo back."""

    admin: str
    name: str
    url: str
    rows: list[tuple[str, str, bytes]]  # (table, its columns but generated ones, COPY data)
    sequences: list[tuple[str, int | None]]
    fingerprint: str

    @classmethod
    def make(cls, admin: str, template: str) -> DemoCopy:
        name = f"desk_democopy_{uuid.uuid4().hex[:10]}"
        admin_execute(admin, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        url = make_url(admin).set(database=name).render_as_string(hide_password=False)
        rows = []
        with _connect(url) as conn, conn.cursor() as cur:
            for table, cols in cur.execute(TABLES).fetchall():
                with cur.copy(f'COPY public."{table}" ({cols}) TO STDOUT') as copy:
                    rows.append((table, cols, b"".join(bytes(block) for block in copy)))
            sequences = [(s, v) for s, v in cur.execute(SEQUENCES).fetchall()]
            fingerprint = str(cur.execute(FINGERPRINT).fetchone()[0])  # type: ignore[index]
        return cls(admin, name, url, rows, sequences, fingerprint)

    def reset(self) -> bool:
        """The demo's rows back in every table; False when the schema is no longer the
        one copied (the database is then no use: ``drop`` it)."""
        with _connect(self.url) as conn, conn.cursor() as cur:
            cur.execute(END_OTHER_SESSIONS)
            conn.commit()
            if cur.execute(FINGERPRINT).fetchone()[0] != self.fingerprint:  # type: ignore[index]
                return False
            cur.execute("SET LOCAL session_replication_role = replica")
            for table, cols, data in self.rows:
                cur.execute(f'DELETE FROM public."{table}"')
                if data:
                    with cur.copy(f'COPY public."{table}" ({cols}) FROM STDIN') as copy:
                        copy.write(data)
            for sequence, last in self.sequences:
                cur.execute("SELECT setval(%s, %s, %s)", (sequence, last or 1, last is not None))
            conn.commit()
        return True

    def drop(self) -> None:
        admin_execute(self.admin, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _connect(url: str) -> psycopg.Connection:
    """A plain psycopg connection (``COPY``) to a SQLAlchemy URL."""
    return psycopg.connect(make_url(url).set(drivername="postgresql")
                           .render_as_string(hide_password=False))


@dataclass
class DemoCopies:
    """A worker's demo databases for one template: free ones are reused, one in use
    (a module-scoped fixture's) is never handed out twice."""

    admin: str
    template: str
    free: list[DemoCopy] = field(default_factory=list)
    busy: list[DemoCopy] = field(default_factory=list)

    def take(self) -> DemoCopy:
        while self.free:
            copy = self.free.pop()
            if copy.reset():
                self.busy.append(copy)
                return copy
            copy.drop()  # its schema was changed by a test: made again below
        copy = DemoCopy.make(self.admin, self.template)
        self.busy.append(copy)
        return copy

    def give_back(self, copy: DemoCopy) -> None:
        self.busy.remove(copy)
        self.free.append(copy)

    def drop_all(self) -> None:
        for copy in self.free + self.busy:
            copy.drop()
        self.free.clear()
        self.busy.clear()
