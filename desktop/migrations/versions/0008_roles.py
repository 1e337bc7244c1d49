"""People and roles: group roles, grants, row policies, the audit actor (issue 17).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass  # filled in by the change this revision belongs to


def downgrade() -> None:
    pass
