"""Indexes for big lists: deleted_at over deleted rows only, and (lower(name), id) for
the datasets' and applications' opening sort.

See ``desktop.core.models.base.record_indexes`` for why.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 05:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RECORD_TABLES = ("perangkat_daerah", "aplikasi", "dataset", "kunjungan", "kerjasama",
                 "deployment")
SORTS = {"dataset": "judul", "aplikasi": "nama"}  # frozen here: a migration never changes
DELETED = "deleted_at IS NOT NULL"


def _where(clause: str) -> dict[str, sa.TextClause]:
    return {"sqlite_where": sa.text(clause), "postgresql_where": sa.text(clause)}


def upgrade() -> None:
    for table in RECORD_TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"], **_where(DELETED))
    for table, column in SORTS.items():
        op.create_index(f"ix_{table}_{column}_sort", table, [sa.text(f"lower({column})"), "id"])


def downgrade() -> None:
    for table, column in SORTS.items():
        op.drop_index(f"ix_{table}_{column}_sort", table_name=table)
    for table in RECORD_TABLES:
        op.drop_index(f"ix_{table}_deleted_at", table_name=table)
        op.create_index(f"ix_{table}_deleted_at", table, ["deleted_at"])
