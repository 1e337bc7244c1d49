"""The log of sync runs and of the records each could not sync, kept in the database.

A run row is written first (status ``running``) and closed at the end, so a crashed run
stays visible as one that never finished. Errors per record carry the catalog's reason
in the user's language and name the dataset (its title here, else the catalog's name);
each record counts once per run however often the run meets it (a failed pull retried,
then read again in the overlap window). The token never appears (the client never puts
it in a message).

A sync's summary counts every conflict still open when it ends, not only the ones it
made: a conflict stays the user's business until it is resolved, and a run that ends
with one open is never reported as clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from desktop.core.database import Database
from desktop.core.i18n import t
from desktop.core.models import utcnow
from desktop.core.models.sync import SyncConflict, SyncRun, SyncRunError


@dataclass
class SyncSummary:
    """What one run did; ``clean`` when nothing needs the user's attention."""

    pushed: int = 0
    pulled: int = 0
    deleted: int = 0
    conflicts: int = 0  # during the run: new ones; once finished: all open conflicts
    errors: int = 0
    cancelled: bool = False
    run_id: int | None = None
    error_messages: list[str] = field(default_factory=list)
    new_conflicts: int = 0  # the ones this run found (set when the run is finished)
    error_keys: set[tuple[str, str]] = field(default_factory=set, repr=False)
    # titles of datasets gone from the catalog but not deleted here: more than the share
    # one run may delete (reconcile.DELETION_SHARE); a run with confirm_deletions applies them
    held_deletions: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.conflicts or self.errors or self.cancelled or self.held_deletions)

    @property
    def status(self) -> str:
        if self.cancelled:
            return "cancelled"
        if self.errors:
            return "errors"
        if self.held_deletions:
            return "held"
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


def start_run(db: Database, catalog_url: str, mode: str, *, owner: str | None = None) -> int:
    """A ``running`` row; ``owner`` (``host:pid:token``) lets a later start end it if this
    process dies first (see ``stale_runs``)."""
    with db.session() as s:
        run = SyncRun(catalog_url=catalog_url, mode=mode, status="running", started_at=utcnow(),
                      owner=owner)
        s.add(run)
        s.flush()
        return run.id


def log_record_error(db: Database, run_id: int, kind: str, record_id: str | None,
                     remote_id: str | None, message: str) -> None:
    with db.session() as s:
        s.add(SyncRunError(run_id=run_id, kind=kind, record_id=record_id, remote_id=remote_id,
                           message=message[:2000]))


def record_error(db: Database, summary: SyncSummary, run_id: int, kind: str,
                 record_id: str | None, remote_id: str | None,
                 error: str | BaseException) -> bool:
    """Count and log one record's failure, naming it; False when this run already has.

    With a ``record_id`` the message is named by the local title here (an exception is
    worded by its own ``about``); without one (a package the pull could not bring in)
    the caller has named it by the catalog's title or name.
    """
    linked_id = record_id or linked_record(db, kind, remote_id)
    key = (kind, linked_id or f"remote:{remote_id}")
    if key in summary.error_keys:
        return False
    summary.error_keys.add(key)
    title = record_title(db, kind, record_id) if record_id else None
    message = named_message(error, title)
    summary.errors += 1
    summary.error_messages.append(message)
    log_record_error(db, run_id, kind, record_id, remote_id, message)
    return True


def named_message(error: str | BaseException, title: str | None) -> str:
    from desktop.sync.errors import describe

    if isinstance(error, BaseException):
        return describe(error, title or "-")
    if title and title not in error:
        return t('"{title}": {message}', title=title, message=error)
    return error


def linked_record(db: Database, kind: str, remote_id: str | None) -> str | None:
    from desktop.core.models.sync import SyncRecord

    if remote_id is None:
        return None
    with db.session() as s:
        return s.scalar(select(SyncRecord.record_id).where(
            SyncRecord.kind == kind, SyncRecord.remote_id == remote_id).limit(1))


def record_title(db: Database, kind: str, record_id: str) -> str | None:
    """The local title (a dataset's judul, an app's nama), deleted records included."""
    from desktop.core.models import Aplikasi, Dataset

    model, column = (Aplikasi, Aplikasi.nama) if kind == "apps" else (Dataset, Dataset.judul)
    with db.session() as s:
        return s.scalar(select(column).where(model.id == record_id))


def finish_run(db: Database, run_id: int, summary: SyncSummary, *, status: str | None = None,
               message: str | None = None) -> None:
    """Close the run row; a sync's summary then counts every open conflict."""
    with db.session() as s:
        run = s.get(SyncRun, run_id)
        if run is None:
            return
        if run.mode == "sync":
            summary.new_conflicts = summary.conflicts
            summary.conflicts = int(s.scalar(select(func.count()).select_from(SyncConflict)
                                             .where(SyncConflict.resolved_at.is_(None))) or 0)
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
