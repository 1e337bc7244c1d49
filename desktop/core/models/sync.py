"""What the catalog sync remembers between runs, stored in the same database as the records.

Kept in the core (not in ``desktop.sync``) because a local edit must mark its record dirty
in the same transaction as the edit itself: the record service calls :func:`mark_dirty`,
and the core may not import the sync package above it. Everything else here is plain
tables the sync engine reads and writes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from desktop.core.models.base import UUID_LEN, Base, utcnow

SYNCED_KINDS = frozenset({"datasets", "apps"})
APPLYING_REMOTE = "sync_applying_remote"  # Session.info flag: the engine writes, not a clerk


class SyncRecord(Base):
    """Per local record: its catalog identity, the last-synced copy and whether it waits.

    ``base`` is the common ancestor of the three-way merge (the mapped values as they were
    when local and remote last agreed); ``remote_modified`` is the ``metadata_modified``
    that ``package_revise`` must match.
    """

    __tablename__ = "sync_record"

    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    remote_id: Mapped[str | None] = mapped_column(String(100), index=True)
    remote_name: Mapped[str | None] = mapped_column(String(100))
    base: Mapped[dict[str, Any] | None] = mapped_column()
    remote_modified: Mapped[str | None] = mapped_column(String(40))
    dirty: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, index=True)
    error: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # the key of the catalog this link was made with (desktop.sync.catalog_identity): a
    # sync against another catalog never deletes or updates through it; None until the
    # run that made the link stamps it (or for links older than migration 0005)
    catalog: Mapped[str | None] = mapped_column(String(40))

    # pulled pages are matched by (kind, remote_id); see migration 0004. Links without a
    # catalog key yet are stamped each run through (catalog, remote_id); migration 0005
    __table_args__ = (Index("ix_sync_record_kind_remote", "kind", "remote_id"),
                      Index("ix_sync_record_catalog", "catalog", "remote_id"))


class SyncConflict(Base):
    """A field both sides changed since the last sync; values wrapped as ``{"v": ...}``."""

    __tablename__ = "sync_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    field: Mapped[str] = mapped_column(String(60), nullable=False)
    base_value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    local_value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    remote_value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (Index("ix_sync_conflict_record", "kind", "record_id"),)


class SyncRun(Base):
    """One sync (or import) run: when, against which catalog, what it did, how it ended."""

    __tablename__ = "sync_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    catalog_url: Mapped[str] = mapped_column(String(300), nullable=False)
    mode: Mapped[str] = mapped_column(String(20), nullable=False, default="sync")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="running")
    pushed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    pulled: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    deleted: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    errors: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    # ``host:pid:token`` of the process that runs it: a run left ``running`` by a process
    # that is gone (kill -9, a power cut) is told apart from a live one and marked ended
    owner: Mapped[str | None] = mapped_column(String(200))


class SyncRunError(Base):
    """A record the run could not sync, with the catalog's reason (the record stays dirty)."""

    __tablename__ = "sync_run_error"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("sync_run.id", ondelete="CASCADE"),
                                        nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    record_id: Mapped[str | None] = mapped_column(String(UUID_LEN))
    remote_id: Mapped[str | None] = mapped_column(String(100))
    message: Mapped[str] = mapped_column(Text, nullable=False)


class SyncOrgMap(Base):
    """OPD <-> catalog organization; ``manual`` rows are the user's and never re-matched."""

    __tablename__ = "sync_org_map"

    opd_id: Mapped[str] = mapped_column(ForeignKey("perangkat_daerah.id", ondelete="CASCADE"),
                                        primary_key=True)
    org_id: Mapped[str] = mapped_column(String(100), nullable=False, index=True)
    org_name: Mapped[str] = mapped_column(String(100), nullable=False)
    manual: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class SyncWatermark(Base):
    """How far the pull got, per catalog and kind (advanced with each applied batch)."""

    __tablename__ = "sync_watermark"

    catalog_url: Mapped[str] = mapped_column(String(300), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    modified: Mapped[str] = mapped_column(String(40), nullable=False)


class SyncLock(Base):
    """The one-sync-at-a-time row (SQLite; PostgreSQL uses an advisory lock as well)."""

    __tablename__ = "sync_lock"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200), nullable=False)
    heartbeat: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class SyncSetting(Base):
    """Catalog connection settings shared by every workstation on this database.

    Never the token: that lives in the OS keyring (see ``desktop.sync.token``).
    """

    __tablename__ = "sync_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False)


def mark_dirty(session: Session, kind: str, record_id: str) -> None:
    """Flag a local change for the next push, inside the caller's transaction.

    A change the sync engine itself applies from the catalog (``APPLYING_REMOTE`` in the
    session's info) is not a local edit and marks nothing.
    """
    if kind not in SYNCED_KINDS or session.info.get(APPLYING_REMOTE):
        return
    state = session.get(SyncRecord, (kind, record_id))
    if state is None:
        session.add(SyncRecord(kind=kind, record_id=record_id, dirty=True, changed_at=utcnow()))
    else:
        state.dirty = True
        state.changed_at = utcnow()


def mark_dirty_many(session: Session, kind: str, record_ids: list[str]) -> None:
    """:func:`mark_dirty` for many records of one kind, their sync rows read in one
    query (a bulk update's batch)."""
    if kind not in SYNCED_KINDS or session.info.get(APPLYING_REMOTE):
        return
    states = {r.record_id: r for r in session.scalars(select(SyncRecord).where(
        SyncRecord.kind == kind, SyncRecord.record_id.in_(record_ids)))}
    now = utcnow()
    for record_id in record_ids:
        state = states.get(record_id)
        if state is None:
            session.add(SyncRecord(kind=kind, record_id=record_id, dirty=True, changed_at=now))
        else:
            state.dirty, state.changed_at = True, now
