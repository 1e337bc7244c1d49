"""Runs left ``running`` by a process that is gone are marked ended ("terhenti").

A run row is written ``running`` first and closed at the end; kill -9 or a power cut
skips the end, and the log would show that run as still going forever. When a sync
starts it holds the sync lock, so no other *sync* can be running: every other sync row
still ``running`` is a dead one. Import runs take no lock; theirs are ended only when the
process named in ``owner`` is known to be gone from this host. At start-up (no lock) the
same pid rule ends the dead runs of this host, which is all that can be known there.
"""

from __future__ import annotations

from sqlalchemy import select

from desktop.core.database import Database
from desktop.core.i18n import t
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncRun
from desktop.sync.liveness import owner_gone

INTERRUPTED = "interrupted"  # shown as "terhenti"


def end_interrupted_runs(db: Database, *, holding_sync_lock: bool = False,
                         own_owner: str | None = None) -> int:
    """Mark the dead runs ended; how many. ``holding_sync_lock``: the caller holds the
    sync lock (a sync starting), so any other sync row still running is dead."""
    with db.read_session() as s:
        running = list(s.execute(select(SyncRun.id, SyncRun.mode, SyncRun.owner)
                                 .where(SyncRun.status == "running")))
    dead = [run_id for run_id, mode, owner in running
            if (own_owner is None or owner != own_owner)
            and (owner_gone(owner) or (holding_sync_lock and mode == "sync"))]
    if not dead:
        return 0
    with db.session() as s:
        for run in s.scalars(select(SyncRun).where(SyncRun.id.in_(dead),
                                                   SyncRun.status == "running")):
            run.status = INTERRUPTED
            run.finished_at = utcnow()
            run.message = run.message or t(
                "Terhenti sebelum selesai (proses ditutup paksa atau komputer mati); "
                "yang sudah tersimpan tetap ada.")
    return len(dead)
