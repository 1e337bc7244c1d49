"""Sync with the catalog: per-record state, conflicts, runs and their errors, the
OPD <-> organization map, the pull watermark, the lock and the catalog settings.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 04:17:08.065520
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("base_value", sa.JSON(), nullable=False),
        sa.Column("local_value", sa.JSON(), nullable=False),
        sa.Column("remote_value", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflict_record", ["kind", "record_id"], unique=False)

    op.create_table(
        "sync_lock",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("owner", sa.String(length=200), nullable=False),
        sa.Column("heartbeat", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sync_lock")),
    )
    op.create_table(
        "sync_record",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("remote_id", sa.String(length=100), nullable=True),
        sa.Column("remote_name", sa.String(length=100), nullable=True),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("remote_modified", sa.String(length=40), nullable=True),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_sync_record")),
    )
    with op.batch_alter_table("sync_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_record_dirty"), ["dirty"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_record_remote_id"), ["remote_id"], unique=False)

    op.create_table(
        "sync_run",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("catalog_url", sa.String(length=300), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_run")),
    )
    op.create_table(
        "sync_setting",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_setting")),
    )
    op.create_table(
        "sync_watermark",
        sa.Column("catalog_url", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("modified", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("catalog_url", "kind", name=op.f("pk_sync_watermark")),
    )
    op.create_table(
        "sync_org_map",
        sa.Column("opd_id", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=100), nullable=False),
        sa.Column("org_name", sa.String(length=100), nullable=False),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opd_id"],
            ["perangkat_daerah.id"],
            name=op.f("fk_sync_org_map_opd_id_perangkat_daerah"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opd_id", name=op.f("pk_sync_org_map")),
    )
    with op.batch_alter_table("sync_org_map", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_org_map_org_id"), ["org_id"], unique=False)

    op.create_table(
        "sync_run_error",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("remote_id", sa.String(length=100), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["sync_run.id"],
            name=op.f("fk_sync_run_error_run_id_sync_run"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_run_error")),
    )
    with op.batch_alter_table("sync_run_error", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_run_error_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_run_error", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_run_error_run_id"))

    op.drop_table("sync_run_error")
    with op.batch_alter_table("sync_org_map", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_org_map_org_id"))

    op.drop_table("sync_org_map")
    op.drop_table("sync_watermark")
    op.drop_table("sync_setting")
    op.drop_table("sync_run")
    with op.batch_alter_table("sync_record", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_record_remote_id"))
        batch_op.drop_index(batch_op.f("ix_sync_record_dirty"))

    op.drop_table("sync_record")
    op.drop_table("sync_lock")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_sync_conflict_record")

    op.drop_table("sync_conflict")
