"""Berkas: files attached to records, stored in the database in chunks (issue 17).

``berkas`` holds one small row per file (which record, name, MIME type by content, size,
SHA-256, who, when); ``berkas_potongan`` its bytes in 1 MiB chunks (bytea / BLOB), so
neither a list nor a backup check ever has to hold a whole file. The chunks go with
their berkas (ON DELETE CASCADE). Plain CREATE TABLE: tables are per database, so
several test databases in one cluster never meet here.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 21:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "berkas",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("jenis", sa.String(length=30), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("nama", sa.String(length=255), nullable=False),
        sa.Column("tipe", sa.String(length=100), nullable=False),
        sa.Column("ukuran", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("pengguna", sa.String(length=120), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_berkas")),
    )
    op.create_index("ix_berkas_record", "berkas", ["jenis", "record_id"], unique=False)
    op.create_table(
        "berkas_potongan",
        sa.Column("berkas_id", sa.String(length=36), nullable=False),
        sa.Column("urutan", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["berkas_id"], ["berkas.id"],
                                name=op.f("fk_berkas_potongan_berkas_id_berkas"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("berkas_id", "urutan", name=op.f("pk_berkas_potongan")),
    )


def downgrade() -> None:
    op.drop_table("berkas_potongan")
    op.drop_index("ix_berkas_record", table_name="berkas")
    op.drop_table("berkas")
