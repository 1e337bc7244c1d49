"""The list's sort key beside the search text, so a search reads its first screen in order.

A three-letter prefix matches 42% of 100,000 datasets; turning every match into its
record to sort them took 0.2 s a keystroke. With the opening sort column of the big
lists (a dataset's ``judul``, an application's ``nama``) copied into
``search_entry.urutan`` and indexed as (lower(urutan), record_id), the first screen of
a search is read off that index, each entry tested against the match set, and it
stops after a screen. ``urutan`` is NULL for the other kinds (short lists, sorted by
date). The index does not lead with ``jenis``: PostgreSQL's planner would then pick it
for "jenis = ..." in every search and re-parse each entry's text (seconds at 100,000).

SQLite: the FTS5 table gains the ``jenis`` column (same external content), so the
matches of one kind are counted inside the full-text index (2-12 ms) instead of looking
up each match's row (30-60 ms), and it keeps prefix indexes of 1 to 3 letters: a query
word is a prefix, and a short one ("jumlah p") merged the lists of every word it
starts (14 ms for the count, 2 ms with them). PostgreSQL: nothing more; the row policies of 0008 are
per row, so they cover the new column as they stand.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 08:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# kind -> (table, column) whose value is the sort key: frozen here, a migration never
# follows app code that changes later (tests/test_list_head.py checks them against the
# kinds' search_sort)
SORT_SOURCES = {"datasets": ("dataset", "judul"), "apps": ("aplikasi", "nama")}
INDEX = "ix_search_entry_urutan"


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("ALTER TABLE search_entry ADD COLUMN urutan TEXT")
    else:
        op.add_column("search_entry", sa.Column("urutan", sa.Text(), nullable=True))
    for kind, (table, column) in SORT_SOURCES.items():
        if sqlite:
            op.execute(f"UPDATE search_entry SET urutan = (SELECT t.{column} FROM {table} t "
                       f"WHERE t.id = search_entry.record_id) WHERE jenis = '{kind}'")
        else:
            op.execute(f"UPDATE search_entry SET urutan = t.{column} FROM {table} t "
                       f"WHERE t.id = search_entry.record_id AND search_entry.jenis = '{kind}'")
    op.create_index(INDEX, "search_entry", [sa.text("lower(urutan)"), "record_id"])
    if sqlite:
        _fts(("teks", "jenis"), ", prefix='1 2 3'")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _fts(("teks",))
    op.drop_index(INDEX, table_name="search_entry")
    if sqlite:
        op.execute("ALTER TABLE search_entry DROP COLUMN urutan")
    else:
        op.drop_column("search_entry", "urutan")


def _fts(columns: tuple[str, ...], prefix: str = "") -> None:
    """Recreate SQLite's FTS5 table and its triggers over ``columns``, then rebuild it."""
    for trigger in ("search_entry_ai", "search_entry_ad", "search_entry_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    op.execute(f"CREATE VIRTUAL TABLE search_fts USING fts5({names}, content='search_entry', "
               f"content_rowid='rid', tokenize='unicode61 remove_diacritics 2'{prefix})")
    op.execute("CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
               f"INSERT INTO search_fts(rowid, {names}) VALUES (new.rid, {new}); END")
    op.execute("CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
               f"INSERT INTO search_fts(search_fts, rowid, {names}) "
               f"VALUES ('delete', old.rid, {old}); END")
    # only when the indexed text or kind changes: a new sort key alone leaves the index be
    op.execute(f"CREATE TRIGGER search_entry_au AFTER UPDATE OF {names} ON search_entry BEGIN "
               f"INSERT INTO search_fts(search_fts, rowid, {names}) "
               f"VALUES ('delete', old.rid, {old}); "
               f"INSERT INTO search_fts(rowid, {names}) VALUES (new.rid, {new}); END")
    op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
