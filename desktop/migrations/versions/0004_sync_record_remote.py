"""An index on sync_record (kind, remote_id): a pulled page is matched to its records by
both columns, and with only the primary key's (kind, ...) prefix to go on SQLite read
every dataset's sync row (and its last-synced copy) for each page: 40 ms of a 10-change
incremental sync at 10,000 datasets.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 07:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_sync_record_kind_remote", "sync_record", ["kind", "remote_id"])


def downgrade() -> None:
    op.drop_index("ix_sync_record_kind_remote", table_name="sync_record")
