"""The log of sync runs and of the records each could not sync, kept in the database.

A run row is written first (status ``running``) and closed at the end, so a crashed run
stays visible as one that never finished. Errors per record carry the catalog's reason
in the user's language; the token never appears (the client never puts it in a message).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from desktop.core.database import Database
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncRun, SyncRunError


@dataclass
class SyncSummary:
    """What one run did; ``clean`` when nothing needs the user's attention."""

    pushed: int = 0
    pulled: int = 0
    deleted: int = 0
    conflicts: int = 0
    errors: int = 0
    cancelled: bool = False
    run_id: int | None = None
    error_messages: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.conflicts or self.errors or self.cancelled)

    @property
    def status(self) -> str:
        if self.cancelled:
            return "cancelled"
        if self.errors:
            return "errors"
        return "conflicts" if self.conflicts else "ok"


@dataclass(frozen=True)
class RunInfo:
    id: int
    started_at: datetime
    finished_at: datetime | None
    catalog_url: str
    mode: str
    status: str
    pushed: int
    pulled: int
    deleted: int
    conflicts: int
    errors: int
    message: str | None
    record_errors: tuple[tuple[str | None, str], ...]  # (record id, message)


def start_run(db: Database, catalog_url: str, mode: str) -> int:
    with db.session() as s:
        run = SyncRun(catalog_url=catalog_url, mode=mode, status="running", started_at=utcnow())
        s.add(run)
        s.flush()
        return run.id


def log_record_error(db: Database, run_id: int, kind: str, record_id: str | None,
                     remote_id: str | None, message: str) -> None:
    with db.session() as s:
        s.add(SyncRunError(run_id=run_id, kind=kind, record_id=record_id, remote_id=remote_id,
                           message=message[:2000]))


def finish_run(db: Database, run_id: int, summary: SyncSummary, *, status: str | None = None,
               message: str | None = None) -> None:
    with db.session() as s:
        run = s.get(SyncRun, run_id)
        if run is None:
            return
        run.finished_at = utcnow()
        run.status = status or summary.status
        run.pushed, run.pulled, run.deleted = summary.pushed, summary.pulled, summary.deleted
        run.conflicts, run.errors = summary.conflicts, summary.errors
        run.message = message


def recent_runs(db: Database, limit: int = 20) -> list[RunInfo]:
    """Newest first, each with the records it could not sync."""
    with db.session() as s:
        runs = list(s.scalars(select(SyncRun).order_by(SyncRun.id.desc()).limit(limit)))
        errors: dict[int, list[tuple[str | None, str]]] = {}
        if runs:
            for e in s.scalars(select(SyncRunError).where(
                    SyncRunError.run_id.in_([r.id for r in runs])).order_by(SyncRunError.id)):
                errors.setdefault(e.run_id, []).append((e.record_id, e.message))
        return [RunInfo(r.id, r.started_at, r.finished_at, r.catalog_url, r.mode, r.status,
                        r.pushed, r.pulled, r.deleted, r.conflicts, r.errors, r.message,
                        tuple(errors.get(r.id, []))) for r in runs]


def failed_pulls(db: Database, *, runs: int = 10) -> list[str]:
    """Catalog ids of datasets recent runs could not bring in and nothing links yet.

    The watermark moves past them with their page, so without this a dataset refused
    for a local reason (its OPD deleted here, say) would wait for its next edit there.
    """
    from desktop.core.models.sync import SyncRecord

    with db.session() as s:
        recent = select(SyncRun.id).order_by(SyncRun.id.desc()).limit(runs).scalar_subquery()
        linked = select(SyncRecord.remote_id).where(SyncRecord.remote_id.is_not(None))
        return list(s.scalars(select(SyncRunError.remote_id).distinct().where(
            SyncRunError.run_id.in_(recent), SyncRunError.record_id.is_(None),
            SyncRunError.kind == "datasets", SyncRunError.remote_id.is_not(None),
            SyncRunError.remote_id.not_in(linked))))
