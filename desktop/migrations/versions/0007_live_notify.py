"""Live updates: every committed change of a record sends a NOTIFY on PostgreSQL (issue 17).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # filled in by the change this revision belongs to


def downgrade() -> None:
    pass
