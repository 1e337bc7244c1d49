"""Live updates: every committed change of a record sends a NOTIFY on PostgreSQL (issue 17).

One trigger function, ``desk_notify()``, fires AFTER INSERT/UPDATE/DELETE of every row of
every record table and of the rows a record owns, and sends on the channel
``desk_changes`` a JSON payload::

    {"kind": "agreements", "id": "<the record's id>", "op": "UPDATE",
     "table": "kerjasama", "login": "budi", "pid": 4711,
     "at": "2026-12-04T21:03:05.123+00:00"}

Why a trigger and not the application: a change made from psql, by another version of
the application or by a script counts the same. Why NOTIFY: PostgreSQL delivers it only
at commit, so a rolled-back change is never announced, and every workstation's listener
(``desktop.core.live``) hears it within milliseconds without polling.

- ``kind`` is the record kind name (``desktop.core.roles.KINDS``); ``id`` the record's id.
  A row a record owns (a participant, a party, an article's paragraph) sends its
  record's id and table with ``op`` UPDATE: for everyone else the record changed. A file
  attached to a record (``berkas``) does the same with ``table`` "berkas", so lists can
  refresh their file counts without a form thinking its fields changed.
- ``at`` is the *transaction's* timestamp (``now()``), not ``clock_timestamp()``:
  PostgreSQL folds identical payloads sent within one transaction into one
  notification, so the 40 paragraphs of an agreement saved at once arrive as one change
  of that agreement, not 40. A save's transaction lasts milliseconds; "pukul HH:MM" on
  the bar is the same either way.
- ``login`` is ``session_user``: the person's own PostgreSQL login, which a client cannot
  claim to be someone else's. ``pid`` is the writing session's server process: a
  workstation knows its own connections' and so tells its own saves from another
  workstation's, even where several share one login.
- A child row deleted with its record (a cascade) sends nothing: its record's own
  DELETE says it all.
- SECURITY DEFINER (with the search path fixed at creation): the look-ups up to the
  record (an ayat's agreement, whether the record still exists) must see the row
  whatever the person's grants and row-level security (migration 0008) let them read;
  ``session_user`` still names the person, not the function's owner. A trigger function
  cannot be called directly, so it lends nobody its rights.

SQLite has no NOTIFY and a single user: nothing to do there. The function and the
triggers live in the database (not the cluster), so test databases of one cluster never
meet here; ``CREATE OR REPLACE`` and ``DROP TRIGGER IF EXISTS`` keep a re-run harmless.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "desk_changes"

# table -> (record kind, the column holding the record's id: "id" for the record's own
# table, the parent key for its rows; pasal_id/ayat_id are resolved up to the agreement)
TABLES: dict[str, tuple[str, str]] = {
    "perangkat_daerah": ("opd", "id"),
    "aplikasi": ("apps", "id"),
    "aplikasi_dataset": ("apps", "aplikasi_id"),
    "dataset": ("datasets", "id"),
    "dataset_resource": ("datasets", "dataset_id"),
    "kunjungan": ("visits", "id"),
    "kunjungan_peserta": ("visits", "kunjungan_id"),
    "kunjungan_tindak_lanjut": ("visits", "kunjungan_id"),
    "kunjungan_kerjasama": ("visits", "kunjungan_id"),
    "kunjungan_aplikasi": ("visits", "kunjungan_id"),
    "kerjasama": ("agreements", "id"),
    "kerjasama_pihak": ("agreements", "kerjasama_id"),
    "kerjasama_pasal": ("agreements", "kerjasama_id"),
    "kerjasama_ayat": ("agreements", "pasal_id"),
    "kerjasama_butir": ("agreements", "ayat_id"),
    "kerjasama_lampiran": ("agreements", "kerjasama_id"),
    "deployment": ("deployments", "id"),
    "berkas": ("*", "record_id"),  # the kind is the row's own ``jenis``
}

RECORD_TABLES = {kind: table for table, (kind, column) in TABLES.items() if column == "id"}

FUNCTION = f"""
CREATE OR REPLACE FUNCTION desk_notify() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    r RECORD;
    record_kind TEXT := TG_ARGV[0];
    record_id TEXT;
    change TEXT := TG_OP;
    source TEXT := TG_TABLE_NAME;
    still_there BOOLEAN;
BEGIN
    IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
    CASE TG_ARGV[1]
        WHEN 'id' THEN record_id := r.id;
        WHEN 'aplikasi_id' THEN record_id := r.aplikasi_id;
        WHEN 'dataset_id' THEN record_id := r.dataset_id;
        WHEN 'kunjungan_id' THEN record_id := r.kunjungan_id;
        WHEN 'kerjasama_id' THEN record_id := r.kerjasama_id;
        WHEN 'pasal_id' THEN
            SELECT p.kerjasama_id INTO record_id FROM kerjasama_pasal p WHERE p.id = r.pasal_id;
        WHEN 'ayat_id' THEN
            SELECT p.kerjasama_id INTO record_id
              FROM kerjasama_ayat a JOIN kerjasama_pasal p ON p.id = a.pasal_id
             WHERE a.id = r.ayat_id;
        WHEN 'record_id' THEN
            record_id := r.record_id;
            record_kind := r.jenis;
    END CASE;
    IF record_id IS NULL THEN
        RETURN NULL;  -- its record went in the same statement and announced itself
    END IF;
    IF TG_ARGV[1] <> 'id' AND TG_ARGV[1] <> 'record_id' THEN
        -- a row of the record changed: the record changed (sent as the record's own
        -- table, so that all its rows' notifications of one transaction fold into one)
        IF TG_OP = 'DELETE' THEN
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', TG_ARGV[2])
               INTO still_there USING record_id;
            IF NOT still_there THEN
                RETURN NULL;  -- deleted with its record, whose DELETE was announced
            END IF;
        END IF;
        change := 'UPDATE';
        source := TG_ARGV[2];
    END IF;
    PERFORM pg_notify('{CHANNEL}', json_build_object(
        'kind', record_kind, 'id', record_id, 'op', change, 'table', source,
        'login', session_user, 'pid', pg_backend_pid(), 'at', now())::text);
    RETURN NULL;
END
$$
"""


def _trigger(table: str) -> str:
    return f"desk_notify_{table}"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: one user, no NOTIFY
    op.execute(FUNCTION)
    for table, (kind, column) in TABLES.items():
        op.execute(f'DROP TRIGGER IF EXISTS {_trigger(table)} ON "{table}"')
        op.execute(f'CREATE TRIGGER {_trigger(table)} AFTER INSERT OR UPDATE OR DELETE '
                   f'ON "{table}" FOR EACH ROW EXECUTE FUNCTION desk_notify(\'{kind}\', '
                   f'\'{column}\', \'{RECORD_TABLES.get(kind, table)}\')')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f'DROP TRIGGER IF EXISTS {_trigger(table)} ON "{table}"')
    op.execute("DROP FUNCTION IF EXISTS desk_notify()")
