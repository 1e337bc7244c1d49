"""One sync at a time per database, also across workstations sharing PostgreSQL.

PostgreSQL: a session-level advisory lock held on a dedicated connection for the whole
run; a crashed process loses its connection and with it the lock, so nothing goes stale.
SQLite: a row in ``sync_lock`` with an owner (``host:pid:token``) and a heartbeat. The row
of a process that is gone from this host (kill -9, a crash) is taken over at once; a row
from another host, which we cannot ask about, once its heartbeat is older than
``stale_after``. A live run keeps its heartbeat fresh from the engine's loop and, while
the client waits to retry, from the client's ``on_wait`` hook (possibly another thread:
the prefetching one), so a run stuck in retries is never mistaken for a dead one.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.exc import IntegrityError

from desktop.core.database import Database
from desktop.core.errors import DatabaseBusyError, DeskError
from desktop.core.i18n import t
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncLock
from desktop.sync.liveness import owner_gone, owner_label, parse_owner, this_host

LOCK_NAME = "sync"
BEAT_EVERY = 5.0  # seconds between heartbeats; far below any sensible ``stale_after``
ADVISORY_KEY = 0x6469736B5F73796E  # "disk_syn": any fixed 63-bit number of our own
log = logging.getLogger(__name__)


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
        self.host = this_host()
        self.owner = owner_label(self.host)
        self._pg: Connection | None = None
        self._held = False
        self._last_beat = time.monotonic()
        # several beats per stale window, whatever its length (tests use a second)
        self.beat_every = min(BEAT_EVERY, stale_after.total_seconds() / 4)
        self._beating = threading.Lock()  # the engine's thread and the prefetching one

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
            with self.db.session() as s:  # BEGIN IMMEDIATE: one taker at a time
                row = s.get(SyncLock, LOCK_NAME)
                if row is None:
                    s.add(SyncLock(name=LOCK_NAME, owner=self.owner, heartbeat=now))
                elif row.owner == self.owner or owner_gone(row.owner, self.host) \
                        or row.heartbeat < now - self.stale_after:
                    if row.owner != self.owner:
                        log.info("sync lock of %s taken over (process gone or heartbeat "
                                 "of %s stale)", row.owner, row.heartbeat.isoformat())
                    row.owner, row.heartbeat = self.owner, now
                else:
                    raise _busy(_holder(row.owner))
        except IntegrityError:  # another process won the same instant
            raise _busy() from None
        self._last_beat = time.monotonic()

    def heartbeat(self) -> None:
        """Tell other processes this run is alive (at most every few seconds).

        Safe from any thread; a beat already under way in another thread is enough. Raises
        ``SyncBusyError`` when another process took the lock over (this run must stop).
        """
        if not self._held or self._pg is not None:
            return
        if time.monotonic() - self._last_beat < self.beat_every:
            return
        if not self._beating.acquire(blocking=False):
            return
        try:
            if time.monotonic() - self._last_beat < self.beat_every:
                return
            with self.db.session() as s:
                row = s.get(SyncLock, LOCK_NAME)
                if row is None or row.owner != self.owner:
                    raise _busy(_holder(row.owner) if row else "")
                row.heartbeat = utcnow()
            self._last_beat = time.monotonic()
        except DatabaseBusyError:  # a long write elsewhere: beat again at the next chance
            log.info("sync lock heartbeat delayed: the database is busy")
        finally:
            self._beating.release()

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


def _holder(owner: str) -> str:
    """Who holds it, for the message: the host, and the pid when it is this host."""
    parsed = parse_owner(owner)
    if parsed is None:
        return owner.split(":")[0]
    if parsed.host == this_host():
        return t("proses {pid} di komputer ini", pid=parsed.pid)
    return parsed.host


def lock_owner(db: Database) -> str | None:
    """Who holds the SQLite lock row (for a status line); None when free."""
    with db.read_session() as s:
        return s.scalar(select(SyncLock.owner).where(SyncLock.name == LOCK_NAME))
