"""Datasets the catalog still has that this register deleted without telling it.

A register damaged before catalogs had an identity (a sync against another, empty
catalog soft-deleted its datasets and dropped their links) ends up with records deleted
here while the catalog still holds them, and no pending push to delete them there: a
gap nothing reported. The full deletion check already reads the catalog's list of names,
so it also looks for the register's own datasets in it: a name ending in a deleted
record's suffix (``naming``), confirmed by the package's ``desk_id``, or a link to a
deleted record that has no delete waiting. Each becomes a "deleted here" conflict
(``deletion_conflicts``): *theirs* restores the record with the catalog's values, *mine*
deletes the dataset on the catalog too. Never a silent restore, never a silent delete.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.models import Dataset, utcnow
from desktop.core.models.sync import SyncConflict, SyncRecord
from desktop.sync.client import CatalogClient
from desktop.sync.deletion_conflicts import ask_deleted_here
from desktop.sync.errors import CatalogAuthorizationError, CatalogNotFoundError
from desktop.sync.local import KIND, sync_record
from desktop.sync.mapping import DESK_ID_KEY
from desktop.sync.naming import name_suffix

GAP_PROBE_MAX = 200  # package_show calls one check may spend on suspected gaps


def _desk_id(package: dict[str, Any]) -> str | None:
    return next((e.get("value") for e in package.get("extras") or []
                 if e.get("key") == DESK_ID_KEY), None)


def suspected_gaps(desk: Desk, listed: set[str]) -> dict[str, tuple[str, str | None]]:
    """catalog name -> (local id, linked remote id or None) of deleted records the list
    still names, with no delete of theirs waiting to be pushed."""
    by_suffix: dict[str, str] = {}
    found: dict[str, tuple[str, str | None]] = {}
    with desk.db.session() as s:
        rows = s.execute(select(Dataset.id, SyncRecord.remote_id, SyncRecord.remote_name,
                                SyncRecord.dirty)
                         .join(SyncRecord, (SyncRecord.kind == KIND)
                               & (SyncRecord.record_id == Dataset.id), isouter=True)
                         .where(Dataset.deleted_at.is_not(None))).all()
    for record_id, remote_id, remote_name, dirty in rows:
        if dirty:
            continue  # its delete is on its way (or waits for a conflict)
        if remote_id:
            if remote_name in listed:
                found[remote_name] = (record_id, remote_id)
        else:
            by_suffix[name_suffix(record_id)] = record_id
    if by_suffix:
        for name in listed:
            record_id = by_suffix.get(name.rsplit("-", 1)[-1])
            if record_id is not None and name not in found:
                found[name] = (record_id, None)
    return found


def report_gaps(desk: Desk, client: CatalogClient, listed: set[str], catalog_key: str | None,
                check: Callable[[], None]) -> int:
    """Ask about each gap found (see the module docstring); returns new conflicts."""
    added = 0
    suspects = suspected_gaps(desk, listed)
    with desk.db.session() as s:
        asked = set(s.scalars(select(SyncConflict.record_id).where(
            SyncConflict.resolved_at.is_(None))))
    for name, (record_id, remote_id) in [(n, v) for n, v in suspects.items()
                                         if v[0] not in asked][:GAP_PROBE_MAX]:
        check()
        try:
            package = client.package_show(remote_id or name)
        except (CatalogNotFoundError, CatalogAuthorizationError):
            continue
        if package.get("state") != "active":
            continue
        if remote_id is None and _desk_id(package) != record_id:
            continue  # only a name alike: not ours
        with desk.db.session() as s:
            state = sync_record(s, record_id)
            state.remote_id, state.remote_name = package["id"], package["name"]
            state.remote_modified = package.get("metadata_modified")
            state.catalog, state.dirty, state.changed_at = catalog_key, False, utcnow()
            added += ask_deleted_here(s, record_id, package)
    return added
