"""Declarative base and the identity every record shares.

Identity is a locally made UUID (stable across workstations and the catalog), UTC
timestamps, an integer ``version`` that SQLAlchemy checks on every UPDATE (optimistic
locking: a save over someone else's newer save fails instead of overwriting it) and a
``deleted_at`` tombstone, because the catalog must learn of deletions.
"""

from __future__ import annotations

import os
import threading
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Index, Integer, MetaData, String, text
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


_ID_BYTES = 16 * 256  # random bytes read at once for new ids
_random = threading.local()


def new_id() -> str:
    """A random (version 4) UUID, as ``uuid.uuid4()`` makes it.

    The bytes come from the OS 256 ids at a time (per thread): each ``os.urandom`` call
    lets go of the GIL, and getting it back while another thread computes waits for the
    5 ms switch interval; a bulk create made one per record and per resource.
    """
    pool, at = getattr(_random, "pool", (b"", 0))
    if at >= len(pool):
        pool, at = os.urandom(_ID_BYTES), 0
    _random.pool = (pool, at + 16)
    return str(uuid.UUID(bytes=pool[at:at + 16], version=4))


def _forget_random_bytes() -> None:
    """A forked child must not hand out its parent's next ids."""
    global _random
    _random = threading.local()


os.register_at_fork(after_in_child=_forget_random_bytes)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        list[str]: JSON,
        list[Any]: JSON,
    }


UUID_LEN = 36

# The column each big list is sorted by when it opens: an index on (lower(column), id)
# lets the first screen come straight off the index at 100,000 rows. Over all rows, not
# only live ones: a partial index "WHERE deleted_at IS NULL" would match every count of
# live rows too, and SQLite would then count through it in random order, 3x slower than
# a plain scan (the Beranda's figures went from 0.4 to 1.2 s).
LIST_SORT_COLUMNS = {"dataset": "judul", "aplikasi": "nama"}
DELETED_ROWS = "deleted_at IS NOT NULL"


def record_indexes(table: str) -> tuple[Index, ...]:
    """The indexes every record table gets.

    ``deleted_at`` is indexed over deleted rows only: nearly every row is live, so an
    index over all of them never helps, and without statistics SQLite would pick it for
    "deleted_at IS NULL" and then sort the whole table for the first screen.
    """
    indexes = [Index(f"ix_{table}_deleted_at", "deleted_at",
                     sqlite_where=text(DELETED_ROWS), postgresql_where=text(DELETED_ROWS))]
    sort = LIST_SORT_COLUMNS.get(table)
    if sort:
        indexes.append(Index(f"ix_{table}_{sort}_sort", text(f"lower({sort})"), "id"))
    return tuple(indexes)


class RecordMixin:
    """Columns and locking shared by every record a user edits."""

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)  # see record_indexes

    @declared_attr.directive
    def __table_args__(cls) -> tuple[Any, ...]:
        return record_indexes(cls.__tablename__)  # type: ignore[attr-defined]

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class ChildMixin:
    """Rows owned by a record (participants, parties, paragraphs): ordered, plain ids."""

    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)
    urutan: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
