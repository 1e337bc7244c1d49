"""Writing and reading the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.models import AuditLog, Pengguna
from desktop.core.services.snapshot import jsonable


def write_audit(session: Session, *, actor: str, kind: str, record_id: str, action: str,
                changes: dict[str, Any]) -> None:
    """Add one audit row. ``actor`` is what this workstation knows of its user; on
    PostgreSQL the database replaces it with the session's login (migration 0008) and
    keeps it in ``atas_nama`` only for the shared owner login."""
    session.add(AuditLog(pengguna=actor, jenis=kind, record_id=record_id, aksi=action,
                         perubahan=jsonable(changes)))


def display_actor(login: str, name: str | None, claimed: str | None) -> str:
    """Who to show for an audit row: the person's name when the login is a known person,
    else who the shared login said it was, else the login itself."""
    return name or claimed or login


def record_history(session: Session, kind: str, record_id: str) -> list[dict[str, Any]]:
    """Newest first: who changed what, when.

    ``pengguna`` is the name to show (see :func:`display_actor`), ``login`` the login the
    row was stamped with.
    """
    rows = session.execute(
        select(AuditLog, Pengguna.nama)
        .outerjoin(Pengguna, Pengguna.login == AuditLog.pengguna)
        .where(AuditLog.jenis == kind, AuditLog.record_id == record_id)
        .order_by(AuditLog.waktu.desc(), AuditLog.id.desc())
    )
    return [
        {"waktu": r.waktu, "pengguna": display_actor(r.pengguna, name, r.atas_nama),
         "login": r.pengguna, "aksi": r.aksi, "perubahan": r.perubahan}
        for r, name in rows
    ]
