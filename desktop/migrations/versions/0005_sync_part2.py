"""Sync, part 2: what the register needs to never leak, lose or hide (issue 21).

Each section below belongs to one change of that issue; a section with no operation yet
leaves the schema as 0004 had it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 15:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # --- lossless values (remote values kept whole)
    # A catalog's dataset title has no length limit: PostgreSQL's VARCHAR(300) becomes TEXT.
    # SQLite never enforced the declared length, and recreating the dataset table there
    # (batch mode) would cascade-delete its resources: it keeps VARCHAR(300) as declared.
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("dataset", "judul", type_=sa.Text(), existing_type=sa.String(300),
                        existing_nullable=False)
    # --- catalog identity (which catalog each link belongs to)
    # The key of the catalog a link was made with (see desktop.sync.catalog_identity);
    # links made before 0005 have none and are claimed by the first catalog that is
    # shown to know them.
    with op.batch_alter_table("sync_record") as batch:
        batch.add_column(sa.Column("catalog", sa.String(length=40), nullable=True))
    # links still without a key are found by it each run (stamped after push and pull)
    op.create_index("ix_sync_record_catalog", "sync_record", ["catalog", "remote_id"])
    # --- locks
    # Which process runs a sync/import run (host:pid:token), so the run of a killed
    # process is marked ended instead of staying "running" forever.
    with op.batch_alter_table("sync_run") as batch:
        batch.add_column(sa.Column("owner", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # --- locks
    # a plain DROP COLUMN (SQLite >= 3.35): rebuilding sync_run would cascade-delete the
    # run errors that reference it
    op.drop_column("sync_run", "owner")
    # --- catalog identity
    op.drop_index("ix_sync_record_catalog", table_name="sync_record")
    with op.batch_alter_table("sync_record") as batch:
        batch.drop_column("catalog")
    # --- lossless values (a title longer than 300 characters is cut to fit back)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("UPDATE dataset SET judul = left(judul, 300) WHERE length(judul) > 300")
        op.alter_column("dataset", "judul", type_=sa.String(300), existing_type=sa.Text(),
                        existing_nullable=False)
