"""People and roles: group roles, the ``pengguna`` table, the audit actor (issue 17).

Why in the database: a person who opens psql with their own login must be able to do
no more than the window lets them, so the rules of ``desktop.core.roles`` are PostgreSQL
grants and row policies, not checks in the application.

- Five NOLOGIN group roles ``desk_<role>``, cluster-wide (created once, whichever
  database migrates first); a person's login is a member of one (core/people.py).
- Grants per role from the tables below: each kind's tables (read: SELECT; write:
  SELECT/INSERT/UPDATE/DELETE), the shared tables, the sync tables, the few link reads
  a role's own records need.
- Row-level security on the tables whose rows belong to every kind (``search_entry``,
  ``audit_log``, ``berkas``, ``berkas_potongan``), by ``jenis``. The tables' owner (the
  login that migrates: the office's administrator of the server) is not held to it.
- A BEFORE INSERT trigger stamps ``audit_log.pengguna`` with ``session_user``.
- ``pengguna``: the names of the logins (both engines; empty on SQLite).

SQLite is one user, the administrator: only the table and the ``atas_nama`` column.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# desktop.core.roles.ACCESS, written out: a migration must not follow app code that
# changes later (tests/test_roles_sql.py checks these against roles.ACCESS).
ALL_KINDS = ("opd", "apps", "datasets", "visits", "agreements", "deployments")
READ: dict[str, tuple[str, ...]] = {
    "admin": ALL_KINDS,
    "sekretariat": ("opd", "apps", "datasets"),
    "kerjasama": ("opd", "visits", "agreements"),
    "infrastruktur": ("opd", "apps", "deployments"),
    "pimpinan": ALL_KINDS,
}
WRITE: dict[str, tuple[str, ...]] = {
    "admin": ALL_KINDS,
    "sekretariat": ("opd", "apps", "datasets"),
    "kerjasama": ("visits", "agreements"),
    "infrastruktur": ("deployments",),
    "pimpinan": (),
}
ROLES = tuple(READ)
# the audit log also records changes of the office profile (services/office.py: everyone
# reads the profile, the administrator changes it) and of people (core/people.py: the
# administrator's alone)
OFFICE = "office"
PEOPLE = "pengguna"
READ_ROWS = {role: (*kinds, OFFICE, *((PEOPLE,) if role == "admin" else ()))
             for role, kinds in READ.items()}
WRITE_ROWS = {**WRITE, "admin": (*ALL_KINDS, OFFICE, PEOPLE)}

# each kind's own table and the rows its records own
KIND_TABLES: dict[str, tuple[str, ...]] = {
    "opd": ("perangkat_daerah",),
    "apps": ("aplikasi", "aplikasi_dataset"),
    "datasets": ("dataset", "dataset_resource"),
    "visits": ("kunjungan", "kunjungan_peserta", "kunjungan_tindak_lanjut",
               "kunjungan_kerjasama", "kunjungan_aplikasi"),
    "agreements": ("kerjasama", "kerjasama_pihak", "kerjasama_pasal", "kerjasama_ayat",
                   "kerjasama_butir", "kerjasama_lampiran"),
    "deployments": ("deployment",),
}
# everyone reads these; only the administrator writes them (region: reference data that
# open_database fills in when a release adds regions)
SHARED_TABLES = ("region", "office_profile", "pengguna", "alembic_version")
ADMIN_WRITES = ("region", "office_profile", "pengguna")
# Reads a role needs for the links of its own records, beyond roles.ACCESS's kinds (the
# window shows no page for them):
# - a visit names applications (its Aplikasi picker and links): kerjasama reads aplikasi;
# - an application is not deleted while a deployment uses it, and the sekretariat, which
#   changes applications, must be able to count those deployments: only the columns the
#   count needs, not what the deployment holds.
LINK_READS: dict[str, tuple[str, ...]] = {"kerjasama": ("aplikasi",)}
LINK_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "sekretariat": {"deployment": ("id", "aplikasi_id", "deleted_at")},
}
# the catalog sync: its own tables, for the roles with the "sync" ability
SYNC_ROLES = ("admin", "sekretariat")
SYNC_TABLES = ("sync_conflict", "sync_lock", "sync_record", "sync_run", "sync_setting",
               "sync_watermark", "sync_org_map", "sync_run_error")
SYNC_SEQUENCES = ("sync_conflict_id_seq", "sync_run_id_seq", "sync_run_error_id_seq")
# rows of every kind, told apart by their ``jenis``: row-level security decides
ROW_TABLES = ("search_entry", "audit_log", "berkas", "berkas_potongan")
ROW_SEQUENCES = ("search_entry_rid_seq", "audit_log_id_seq")


def _kind_pairs(table: dict[str, tuple[str, ...]]) -> str:
    """``('admin', 'opd'), …`` for the VALUES list of a policy function."""
    pairs = [(role, kind) for role, kinds in table.items() for kind in kinds]
    return ", ".join(f"('{role}', '{kind}')" for role, kind in pairs)


def _kinds_function(name: str, table: dict[str, tuple[str, ...]]) -> str:
    """The kinds the person on this connection may read (or write): a ``TEXT[]``.

    SECURITY INVOKER and built from the same table as the grants, so a row policy and a
    grant can never disagree. Membership is the session login's (what the window shows,
    roles.access_of). The administrator gets ``{*}``: every ``jenis``, also one a later
    version writes (its backup, pg_dump with row security on, must hold every row). A
    superuser is a member of every role, and bypasses row security anyway.
    """
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS TEXT[]
LANGUAGE sql STABLE SECURITY INVOKER AS $$
    SELECT CASE WHEN pg_has_role(session_user, 'desk_admin', 'MEMBER') THEN ARRAY['*']
           ELSE ARRAY(SELECT DISTINCT allowed.kind
                        FROM (VALUES {_kind_pairs(table)}) AS allowed(role, kind)
                       WHERE pg_has_role(session_user, 'desk_' || allowed.role, 'MEMBER'))
           END
$$"""


def _kind_in(function: str, column: str = "jenis") -> str:
    """A policy's test "this row's kind is one of mine". The function is called in a
    scalar subquery, so PostgreSQL works the list out once per statement, not per row
    (a search over 100,000 entries: milliseconds, not half a second)."""
    kinds = f"(SELECT {function}())::TEXT[]"
    return f"({column} = ANY ({kinds}) OR '*' = ANY ({kinds}))"


# Who the person is, for the audit trigger: a login holding a desk_* role (and not a
# superuser, who is a member of every role). The owner/superuser is the one shared login
# an office used before it had people.
IS_PERSON = """
CREATE OR REPLACE FUNCTION desk_is_person() RETURNS BOOLEAN
LANGUAGE sql STABLE SECURITY INVOKER AS $$
    SELECT NOT r.rolsuper AND EXISTS (
        SELECT 1 FROM pg_roles g
         WHERE g.rolname IN ('desk_admin', 'desk_sekretariat', 'desk_kerjasama',
                             'desk_infrastruktur', 'desk_pimpinan')
           AND pg_has_role(session_user, g.oid, 'MEMBER'))
      FROM pg_roles r WHERE r.rolname = session_user
$$"""

# The audit row's actor is the login PostgreSQL authenticated, never what the client says.
# A person's claim is dropped; the shared login's claim (which person at that workstation)
# is kept in atas_nama, so an office without people loses nothing it recorded before.
AUDIT_ACTOR = """
CREATE OR REPLACE FUNCTION desk_audit_actor() RETURNS trigger
LANGUAGE plpgsql SECURITY INVOKER AS $$
BEGIN
    IF desk_is_person() THEN
        NEW.atas_nama := NULL;
    ELSE
        NEW.atas_nama := left(NEW.pengguna, 120);
    END IF;
    NEW.pengguna := left(session_user, 120);
    RETURN NEW;
END
$$"""

# (table, policy, command, USING, WITH CHECK): the rows each role may touch
READABLE, WRITABLE = _kind_in("desk_kinds_read"), _kind_in("desk_kinds_written")
# a file's chunks follow their berkas row (whose own policy already hides unreadable ones)
_BERKAS_OF = "EXISTS (SELECT 1 FROM berkas b WHERE b.id = berkas_id{test})"
CHUNK_READABLE = _BERKAS_OF.format(test="")
CHUNK_WRITABLE = _BERKAS_OF.format(test=" AND " + _kind_in("desk_kinds_written", "b.jenis"))
POLICIES: tuple[tuple[str, str, str, str | None, str | None], ...] = (
    ("search_entry", "desk_read", "SELECT", READABLE, None),
    ("search_entry", "desk_insert", "INSERT", None, WRITABLE),
    ("search_entry", "desk_update", "UPDATE", WRITABLE, WRITABLE),
    ("search_entry", "desk_delete", "DELETE", WRITABLE, None),
    ("audit_log", "desk_read", "SELECT", READABLE, None),
    ("audit_log", "desk_insert", "INSERT", None, WRITABLE),
    ("berkas", "desk_read", "SELECT", READABLE, None),
    ("berkas", "desk_insert", "INSERT", None, WRITABLE),
    ("berkas", "desk_update", "UPDATE", WRITABLE, WRITABLE),
    ("berkas", "desk_delete", "DELETE", WRITABLE, None),
    ("berkas_potongan", "desk_read", "SELECT", CHUNK_READABLE, None),
    ("berkas_potongan", "desk_insert", "INSERT", None, CHUNK_WRITABLE),
    ("berkas_potongan", "desk_delete", "DELETE", CHUNK_WRITABLE, None),
)
# what each role is granted on the ROW_TABLES (the policies above narrow it to rows);
# audit rows are never updated or deleted by anyone but the owner
ROW_GRANTS = {
    "search_entry": "SELECT, INSERT, UPDATE, DELETE",
    "audit_log": "SELECT, INSERT",
    "berkas": "SELECT, INSERT, UPDATE, DELETE",
    "berkas_potongan": "SELECT, INSERT, DELETE",
}
WRITE_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"


def _create_group_role(name: str) -> str:
    """CREATE ROLE unless it exists, safe against another database migrating right now.

    Roles are cluster-wide while everything else here is per database: test databases
    (one per pytest-xdist worker) and an office's second database share them. An advisory
    lock cannot serialise this (PostgreSQL scopes advisory locks to one database), so the
    race is absorbed instead: a concurrent CREATE ROLE of the same name waits for the
    other transaction and then fails with a unique violation (or duplicate_object once it
    committed), caught in the block's own subtransaction.
    """
    return f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{name}') THEN
        BEGIN
            CREATE ROLE {name} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;  -- created by another database's migration at the same moment
        END;
    END IF;
END
$$"""


def _exists(bind: sa.Connection, table: str) -> bool:
    return bind.execute(sa.text("SELECT to_regclass(:t) IS NOT NULL"), {"t": table}).scalar()


def _grant_statements(bind: sa.Connection) -> list[str]:
    """Every GRANT of the five group roles, from the tables above."""
    schema = bind.execute(sa.text("SELECT current_schema()")).scalar()
    statements = []
    for role in ROLES:
        group = f"desk_{role}"
        statements.append(f'GRANT USAGE ON SCHEMA "{schema}" TO {group}')
        for kind in READ[role]:
            privileges = WRITE_PRIVILEGES if kind in WRITE[role] else "SELECT"
            statements += [f'GRANT {privileges} ON "{table}" TO {group}'
                           for table in KIND_TABLES[kind]]
        statements += [f'GRANT SELECT ON "{table}" TO {group}' for table in SHARED_TABLES]
        statements += [f'GRANT SELECT ON "{table}" TO {group}'
                       for table in LINK_READS.get(role, ())]
        statements += [f'GRANT SELECT ({", ".join(columns)}) ON "{table}" TO {group}'
                       for table, columns in LINK_COLUMNS.get(role, {}).items()]
        if role == "admin":
            statements += [f'GRANT {WRITE_PRIVILEGES} ON "{table}" TO {group}'
                           for table in ADMIN_WRITES]
        if role in SYNC_ROLES:
            statements += [f'GRANT {WRITE_PRIVILEGES} ON "{table}" TO {group}'
                           for table in SYNC_TABLES]
            statements += [f'GRANT USAGE ON SEQUENCE "{seq}" TO {group}'
                           for seq in SYNC_SEQUENCES]
        statements += [f'GRANT {privileges} ON "{table}" TO {group}'
                       for table, privileges in ROW_GRANTS.items() if _exists(bind, table)]
        statements += [f'GRANT USAGE ON SEQUENCE "{seq}" TO {group}' for seq in ROW_SEQUENCES]
        if role == "admin":  # pg_dump reads where each sequence stands: the admin's backup
            statements += [f'GRANT SELECT ON SEQUENCE "{seq}" TO {group}'
                           for seq in (*ROW_SEQUENCES, *SYNC_SEQUENCES)]
    return statements


def apply_grants(bind: sa.Connection) -> None:
    """(Re)grant the roles their rights: the upgrade, and a restore that recreated the
    tables (``pg_restore --no-privileges`` replays no grant from the file, by design)."""
    for statement in _grant_statements(bind):
        bind.execute(sa.text(statement))


def _policy_statements(bind: sa.Connection) -> list[str]:
    statements = []
    tables = [t for t in ROW_TABLES if _exists(bind, t)]
    for table in tables:
        statements.append(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY')
    for table, name, command, using, check in POLICIES:
        if table not in tables:
            continue  # berkas before its migration filled in (0006)
        statements.append(f'DROP POLICY IF EXISTS {name} ON "{table}"')
        clauses = (f" USING ({using})" if using else "") + (
            f" WITH CHECK ({check})" if check else "")
        statements.append(f'CREATE POLICY {name} ON "{table}" FOR {command}{clauses}')
    return statements


def upgrade() -> None:
    op.create_table(
        "pengguna",
        sa.Column("login", sa.Text(), nullable=False),
        sa.Column("nama", sa.Text(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("dibuat", sa.DateTime(), nullable=False),
        sa.Column("dibuat_oleh", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("login", name=op.f("pk_pengguna")),
    )
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("atas_nama", sa.String(length=120), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return  # SQLite: one user, the administrator; nothing to grant or enforce
    for role in ROLES:
        op.execute(_create_group_role(f"desk_{role}"))
    apply_grants(bind)
    op.execute(_kinds_function("desk_kinds_read", READ_ROWS))
    op.execute(_kinds_function("desk_kinds_written", WRITE_ROWS))
    for statement in _policy_statements(bind):
        op.execute(statement)
    op.execute(IS_PERSON)
    op.execute(AUDIT_ACTOR)
    op.execute("DROP TRIGGER IF EXISTS desk_audit_actor ON audit_log")
    op.execute("CREATE TRIGGER desk_audit_actor BEFORE INSERT ON audit_log "
               "FOR EACH ROW EXECUTE FUNCTION desk_audit_actor()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS desk_audit_actor ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS desk_audit_actor()")
        op.execute("DROP FUNCTION IF EXISTS desk_is_person()")
        for table, name, *_ in POLICIES:
            if _exists(bind, table):
                op.execute(f'DROP POLICY IF EXISTS {name} ON "{table}"')
        for table in ROW_TABLES:
            if _exists(bind, table):
                op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
        op.execute("DROP FUNCTION IF EXISTS desk_kinds_read()")
        op.execute("DROP FUNCTION IF EXISTS desk_kinds_written()")
        # The desk_* group roles stay: they belong to the cluster, and other databases in
        # it (another office's, other test databases) may still grant to them. What they
        # were granted here goes.
        schema = bind.execute(sa.text("SELECT current_schema()")).scalar()
        groups = ", ".join(f"desk_{role}" for role in ROLES)
        op.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM {groups}')
        op.execute(f'REVOKE ALL ON ALL SEQUENCES IN SCHEMA "{schema}" FROM {groups}')
        op.execute(f'REVOKE USAGE ON SCHEMA "{schema}" FROM {groups}')
    # a plain DROP COLUMN (SQLite >= 3.35): nothing references audit_log
    op.drop_column("audit_log", "atas_nama")
    op.drop_table("pengguna")
