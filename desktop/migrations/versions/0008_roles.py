"""People and roles: group roles, the ``pengguna`` table, the audit actor (issue 17).

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

# desktop.core.roles.ROLES, written out: a migration must not follow app code that changes
ROLES = ("admin", "sekretariat", "kerjasama", "infrastruktur", "pimpinan")


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
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: one user, the administrator; nothing to grant or enforce
    for role in ROLES:
        op.execute(_create_group_role(f"desk_{role}"))


def downgrade() -> None:
    # The desk_* group roles stay: they belong to the cluster, and other databases in it
    # (another office's, other test databases) may still grant to them.
    # a plain DROP COLUMN (SQLite >= 3.35): rebuilding audit_log is not needed for this
    op.drop_column("audit_log", "atas_nama")
    op.drop_table("pengguna")
