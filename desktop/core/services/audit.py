"""Writing and reading the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.models import AuditLog
from desktop.core.services.snapshot import jsonable


def write_audit(session: Session, *, actor: str, kind: str, record_id: str, action: str,
                changes: dict[str, Any]) -> None:
    session.add(AuditLog(pengguna=actor, jenis=kind, record_id=record_id, aksi=action,
                         perubahan=jsonable(changes)))


def record_history(session: Session, kind: str, record_id: str) -> list[dict[str, Any]]:
    """Newest first: who changed what, when."""
    rows = session.scalars(
        select(AuditLog)
        .where(AuditLog.jenis == kind, AuditLog.record_id == record_id)
        .order_by(AuditLog.waktu.desc(), AuditLog.id.desc())
    )
    return [
        {"waktu": r.waktu, "pengguna": r.pengguna, "aksi": r.aksi, "perubahan": r.perubahan}
        for r in rows
    ]
