"""OPD <-> catalog organization: matched automatically by name, corrected by the user.

An OPD matches an organization when its name or abbreviation equals the organization's
title or name after folding case, accents and punctuation ("Dinas Kesehatan" ~
"dinas-kesehatan"). Only an unambiguous match is stored; a row the user set (``manual``)
is never re-matched. An organization no OPD matches becomes a new OPD when a pull brings
its datasets, because a dataset must belong to an OPD here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.models import PerangkatDaerah
from desktop.core.models.sync import SyncOrgMap
from desktop.sync.naming import slugify


@dataclass(frozen=True)
class OrgMapping:
    opd_id: str
    opd_name: str
    org_id: str
    org_name: str
    manual: bool


def _key(text: str | None) -> str:
    return slugify(text or "", 200)


def auto_match(session: Session, organizations: Iterable[Mapping[str, Any]]) -> int:
    """Store a mapping for every unmapped OPD with exactly one matching organization."""
    by_key: dict[str, list[Mapping[str, Any]]] = {}
    for org in organizations:
        for key in {_key(org.get("title")), _key(org.get("name"))} - {""}:
            by_key.setdefault(key, []).append(org)
    mapped = set(session.scalars(select(SyncOrgMap.opd_id)))
    added = 0
    for opd in session.scalars(select(PerangkatDaerah).where(PerangkatDaerah.deleted_at.is_(None))):
        if opd.id in mapped:
            continue
        candidates = {o["id"]: o for k in {_key(opd.nama), _key(opd.singkatan)} - {""}
                      for o in by_key.get(k, [])}
        if len(candidates) == 1:
            org = next(iter(candidates.values()))
            session.add(SyncOrgMap(opd_id=opd.id, org_id=org["id"], org_name=org["name"],
                                   manual=False))
            added += 1
    return added


def live_opds(session: Session) -> list[tuple[str, str]]:
    """Live OPDs as (id, nama), by name: the ones a mapping can be chosen for."""
    return [(row.id, row.nama) for row in session.execute(
        select(PerangkatDaerah.id, PerangkatDaerah.nama)
        .where(PerangkatDaerah.deleted_at.is_(None)).order_by(PerangkatDaerah.nama))]


def unmapped_opds(desk: Desk) -> int:
    """Live OPDs without an organization (only then is the organization list needed)."""
    with desk.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(PerangkatDaerah).where(
            PerangkatDaerah.deleted_at.is_(None),
            PerangkatDaerah.id.not_in(select(SyncOrgMap.opd_id)))) or 0)


def org_for_opd(session: Session, opd_id: str | None) -> SyncOrgMap | None:
    return session.get(SyncOrgMap, opd_id) if opd_id else None


def opd_for_org(session: Session, org_id: str | None) -> str | None:
    if not org_id:
        return None
    return session.scalar(select(SyncOrgMap.opd_id).where(SyncOrgMap.org_id == org_id)
                          .order_by(SyncOrgMap.manual.desc()).limit(1))


def set_mapping(session: Session, opd_id: str, org_id: str, org_name: str, *,
                manual: bool = True) -> None:
    """The user's choice (``manual``) wins over automatic matching from now on."""
    row = session.get(SyncOrgMap, opd_id)
    if row is None:
        session.add(SyncOrgMap(opd_id=opd_id, org_id=org_id, org_name=org_name, manual=manual))
    else:
        row.org_id, row.org_name, row.manual = org_id, org_name, manual


def remove_mapping(session: Session, opd_id: str) -> None:
    row = session.get(SyncOrgMap, opd_id)
    if row is not None:
        session.delete(row)


def mappings(session: Session) -> list[OrgMapping]:
    rows = session.execute(select(SyncOrgMap, PerangkatDaerah.nama)
                           .join(PerangkatDaerah, PerangkatDaerah.id == SyncOrgMap.opd_id)
                           .order_by(PerangkatDaerah.nama))
    return [OrgMapping(m.opd_id, nama, m.org_id, m.org_name, m.manual) for m, nama in rows]
