"""One sync at a time per database, also across workstations sharing PostgreSQL.

PostgreSQL: a session-level advisory lock held on a dedicated connection for the whole
run; a crashed process loses its connection and with it the lock, so nothing goes stale.
SQLite: a row in ``sync_lock`` with an owner and a heartbeat the engine refreshes; a row
whose heartbeat is older than ``stale_after`` belongs to a crashed run and is taken over.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from datetime import timedelta

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.core.database import Database
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncLock

LOCK_NAME = "sync"
BEAT_EVERY = 5.0  # seconds between heartbeats; far below any sensible ``stale_after``
ADVISORY_KEY = 0x6469736B5F73796E  # "disk_syn": any fixed 63-bit number of our own


class SyncBusyError(DeskError):
    """Another sync holds the lock (this workstation or another one)."""


def _busy(owner: str = "") -> SyncBusyError:
    return SyncBusyError(t("Sinkronisasi lain sedang berjalan untuk basis data ini{owner}; "
                           "coba lagi nanti.", owner=f" ({owner})" if owner else ""))


class SyncLockHolder:
    """Acquire with :meth:`acquire`, refresh with :meth:`heartbeat`, always :meth:`release`."""

    def __init__(self, db: Database, *, stale_after: timedelta = timedelta(minutes=2)) -> None:
        self.db = db
        self.stale_after = stale_after
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._pg: Connection | None = None
        self._held = False
        self._last_beat = time.monotonic()

    def acquire(self) -> SyncLockHolder:
        if self.db.dialect == "postgresql":
            conn = self.db.engine.connect()
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"),
                               {"k": ADVISORY_KEY}).scalar()
            conn.commit()
            if not got:
                conn.close()
                raise _busy()
            self._pg = conn
        else:
            self._take_row()
        self._held = True
        return self

    def _take_row(self) -> None:
        now = utcnow()
        try:
            with self.db.session() as s:
                row = s.get(SyncLock, LOCK_NAME)
                if row is None:
                    s.add(SyncLock(name=LOCK_NAME, owner=self.owner, heartbeat=now))
                elif row.heartbeat < now - self.stale_after or row.owner == self.owner:
                    row.owner, row.heartbeat = self.owner, now
                else:
                    raise _busy(row.owner.split(":")[0])
        except (IntegrityError, OperationalError):  # another process won the same instant
            raise _busy() from None

    def heartbeat(self) -> None:
        """Tell other processes this run is alive (at most every few seconds)."""
        if not self._held or self._pg is not None:
            return
        now = time.monotonic()
        if now - self._last_beat < BEAT_EVERY:
            return
        self._last_beat = now
        with self.db.session() as s:
            row = s.get(SyncLock, LOCK_NAME)
            if row is None or row.owner != self.owner:
                raise _busy(row.owner.split(":")[0] if row else "")
            row.heartbeat = utcnow()

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        if self._pg is not None:
            try:
                self._pg.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
                self._pg.commit()
            finally:
                self._pg.close()
                self._pg = None
            return
        with self.db.session() as s:
            s.execute(delete(SyncLock).where(SyncLock.name == LOCK_NAME,
                                             SyncLock.owner == self.owner))

    def __enter__(self) -> SyncLockHolder:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_owner(db: Database) -> str | None:
    """Who holds the SQLite lock row (for a status line); None when free."""
    with db.session() as s:
        return s.scalar(select(SyncLock.owner).where(SyncLock.name == LOCK_NAME))
