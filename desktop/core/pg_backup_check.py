"""Verify a PostgreSQL dump before ``pg_restore`` runs any of it: trust nothing in the file.

``pg_restore`` executes the SQL each archive entry carries, so a crafted dump can hold a
function, a trigger, a foreign table or a ``COPY … TO PROGRAM`` under any entry. A dump
is therefore accepted only when

- its table of contents lists exactly the objects of this application's schema at the
  dump's revision (data entries only for those tables and sequences),
- its schema script (``pg_restore --schema-only`` to stdout: nothing is executed) is,
  statement for statement, the script of a reference database migrated to the same
  revision, and
- its data script holds nothing but ``COPY <our table> (...) FROM stdin`` blocks,
  ``setval`` of our sequences and the session ``SET`` lines pg_dump writes; the
  ``alembic_version`` rows in it name one revision this version knows (a newer one is
  refused here, before anything is restored).

The reference is a scratch database on the same server, migrated to the revision and
dumped with the same tools; where the role may not create databases and the dump has
the live database's revision, the live database's own schema is the reference.
"""

from __future__ import annotations

import re
import subprocess
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from desktop.core.backup_check import schema_mismatch
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.pg_tools import last_line, run_kwargs, run_tool

_TOC_ENTRY = re.compile(r"^\d+; \d+ \d+ (?P<what>.+) (?P<owner>\S+)$")
_DATA_KINDS = ("TABLE DATA ", "SEQUENCE SET ")
_COPY = re.compile(r"^COPY public\.(?P<table>\"?[a-z_][a-z0-9_]*\"?) \((?P<cols>[^)]*)\) "
                   r"FROM stdin;$")
_SETVAL = re.compile(r"^SELECT pg_catalog\.setval\('public\.(?P<seq>[a-z_][a-z0-9_]*)', "
                     r"\d+, (true|false)\);$")
# session settings pg_dump writes, and the \restrict / \unrestrict guard lines that
# pg_restore (15.14+) wraps a script in: psql meta-commands, never run by pg_restore
_SESSION = re.compile(r"^(SET [a-z_]+ = [^;]*;|SELECT pg_catalog\.set_config\("
                      r"'search_path', '', false\);|\\(un)?restrict [A-Za-z0-9]+)$")

Runner = Callable[[list[str]], str]


@dataclass(frozen=True)
class Reference:
    """What a dump of our schema at one revision holds."""

    schema_entries: frozenset[str]
    tables: frozenset[str]
    sequences: frozenset[str]
    statements: Counter[str]


def toc_entries(listing: str) -> list[str]:
    """``pg_restore -l`` lines without ids, OIDs and owner (they differ per server)."""
    entries = []
    for line in listing.splitlines():
        match = _TOC_ENTRY.match(line.strip())
        if match:
            entries.append(match.group("what"))
    return entries


def schema_statements(script: str) -> Counter[str]:
    """The DDL statements of a schema-only script, whitespace-folded, session lines and
    comments left out (they differ between servers, never in what they create)."""
    statements: Counter[str] = Counter()
    current: list[str] = []
    for raw in script.splitlines():
        line = raw.strip()
        if not current and (not line or line.startswith("--") or _SESSION.match(line)):
            continue
        current.append(line)
        if line.endswith(";"):
            statement = " ".join(" ".join(current).split())
            current = []
            if " OWNER TO " in statement:
                continue
            statements[statement] += 1
    if current:
        statements[" ".join(" ".join(current).split())] += 1
    return statements


def reference_from(listing: str, script: str) -> Reference:
    entries = toc_entries(listing)
    schema = frozenset(e for e in entries if not e.startswith(_DATA_KINDS))
    tables = frozenset(e.split(" ")[2] for e in schema if e.startswith("TABLE public "))
    sequences = frozenset(e.split(" ")[2] for e in schema if e.startswith("SEQUENCE public "))
    return Reference(schema, tables, sequences, schema_statements(script))


def scan_data(lines: Iterator[str], name: str) -> tuple[set[str], set[str], list[str]]:
    """Walk the data-only script: the tables copied, the sequences set and the
    ``alembic_version`` rows; refuse any other statement."""
    tables: set[str] = set()
    sequences: set[str] = set()
    versions: list[str] = []
    in_copy: str | None = None
    for raw in lines:
        line = raw.rstrip("\n")
        if in_copy is not None:
            if line == "\\.":
                in_copy = None
            elif in_copy == "alembic_version":
                versions.append(line)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("--") or _SESSION.match(stripped):
            continue
        copy = _COPY.match(stripped)
        if copy:
            in_copy = copy.group("table").strip('"')
            tables.add(in_copy)
            continue
        setval = _SETVAL.match(stripped)
        if setval:
            sequences.add(setval.group("seq"))
            continue
        raise DeskError(t("{name} memuat perintah yang bukan bagian dari cadangan "
                          "Diskominfo Desk ({statement}); tidak dipulihkan.",
                          name=name, statement=stripped[:80]))
    if in_copy is not None:
        raise DeskError(t("{name} rusak ({detail}); tidak dipulihkan.", name=name,
                          detail="COPY"))
    return tables, sequences, versions


def check_dump(path: Path, *, known: set[str], restore_tool: str,
               reference_for: Callable[[str], Reference]) -> str:
    """Refuse a dump that is not exactly a backup of this application; return its
    revision. ``reference_for(revision)`` gives what such a dump holds."""
    name = path.name

    def run(args: list[str]) -> str:
        done = run_tool([restore_tool, *args], stdin_path=path)  # no file name to encode
        if done.returncode != 0:
            raise DeskError(t("{name} rusak ({detail}); tidak dipulihkan.", name=name,
                              detail=last_line(done)))
        return done.stdout

    listing = run(["--list"])
    with path.open("rb") as archive, subprocess.Popen(
            [restore_tool, "--data-only", "--file", "-"], stdin=archive,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, **run_kwargs()) as proc:
        assert proc.stdout is not None
        try:
            tables, sequences, versions = scan_data(iter(proc.stdout), name)
        finally:
            proc.stdout.close()
            proc.kill()
    if len(versions) != 1:
        raise DeskError(t("{name} bukan cadangan basis data Diskominfo Desk.", name=name))
    revision = versions[0].strip()
    if revision not in known:
        raise DeskError(t("{name} dibuat oleh versi Diskominfo Desk yang lebih baru; "
                          "perbarui aplikasi sebelum memulihkannya.", name=name))
    reference = reference_for(revision)
    entries = toc_entries(listing)
    schema = {e for e in entries if not e.startswith(_DATA_KINDS)}
    data_targets = {e.split(" ")[3] for e in entries if e.startswith(_DATA_KINDS)}
    extra = schema - reference.schema_entries
    extra |= {f"data {x}" for x in data_targets - reference.tables - reference.sequences}
    extra |= {f"data {x}" for x in tables - reference.tables}
    extra |= {f"sequence {x}" for x in sequences - reference.sequences}
    missing = reference.schema_entries - schema
    if extra or missing:
        raise schema_mismatch(name, revision, extra, missing)
    script = run(["--schema-only", "--no-owner", "--no-privileges", "--file", "-"])
    statements = schema_statements(script)
    if statements != reference.statements:
        extra_s = set((statements - reference.statements).keys())
        missing_s = set((reference.statements - statements).keys())
        raise schema_mismatch(name, revision, {s[:60] for s in extra_s},
                        {s[:60] for s in missing_s})
    return revision


def build_reference(url: str, revision: str, *, dump_tool: str, restore_tool: str,
                    env: dict[str, str], args_for: Callable[[str], list[str]],
                    live_revision: str | None) -> Reference:
    """A scratch database on the same server migrated to ``revision``, dumped and listed;
    the live database itself when no scratch database may be made and it is at
    ``revision``."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    scratch = f"desk_verify_{uuid.uuid4().hex[:12]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{scratch}"'))
    except DBAPIError as exc:
        admin.dispose()
        if live_revision != revision:
            raise DeskError(t("Cadangan skema {revision} hanya dapat diperiksa oleh pengguna "
                              "basis data yang boleh membuat basis data (CREATEDB); "
                              "tidak dipulihkan.", revision=revision)) from exc
        return _dump_reference(make_url(url).database or "postgres", dump_tool,
                               restore_tool, env, args_for)
    try:
        scratch_url = make_url(url).set(database=scratch).render_as_string(
            hide_password=False)
        engine = create_engine(scratch_url)
        try:
            from alembic import command

            from desktop.core.migrate import alembic_config

            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), revision)
        finally:
            engine.dispose()
        return _dump_reference(scratch, dump_tool, restore_tool, env, args_for)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)'))
        admin.dispose()


def _dump_reference(database: str, dump_tool: str, restore_tool: str, env: dict[str, str],
                    args_for: Callable[[str], list[str]]) -> Reference:
    with TemporaryDirectory(prefix="desk-ref-") as folder:
        dump = Path(folder) / "reference.dump"

        def tool(command: list[str], *, stdin_path: Path | None = None,
                 stdout_path: Path | None = None) -> str:
            done = run_tool(command, env, stdin_path=stdin_path, stdout_path=stdout_path)
            if done.returncode != 0:
                raise DeskError(t("{tool} gagal: {detail}", tool=Path(command[0]).name,
                                  detail=last_line(done)))
            return done.stdout

        tool([dump_tool, "--format=custom", "--schema-only", *args_for(database)],
             stdout_path=dump)
        listing = tool([restore_tool, "--list"], stdin_path=dump)
        script = tool([restore_tool, "--schema-only", "--no-owner", "--no-privileges",
                       "--file", "-"], stdin_path=dump)
    return reference_from(listing, script)
