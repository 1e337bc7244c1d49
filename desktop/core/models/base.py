"""Declarative base and the identity every record shares.

Identity is a locally made UUID (stable across workstations and the catalog), UTC
timestamps, an integer ``version`` that SQLAlchemy checks on every UPDATE (optimistic
locking: a save over someone else's newer save fails instead of overwriting it) and a
``deleted_at`` tombstone, because the catalog must learn of deletions.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC, stored alike by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[Any]: JSON,
    }


UUID_LEN = 36


class RecordMixin:
    """Columns and locking shared by every record a user edits."""

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class ChildMixin:
    """Rows owned by a record (participants, parties, paragraphs): ordered, plain ids."""

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    urutan: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
