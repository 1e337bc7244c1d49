"""The sync package's front door for the GUI and the CLI: plain calls on a ``Desk``.

The UI and the CLI import the sync layer only from here (``tests/test_layers.py`` checks
it), so what they may rely on is this module's names, and the modules behind it may be
rearranged freely.

The Sinkronisasi page runs :func:`run_sync` in a background job (network pool), passing
a ``desktop.core.jobs.CancelToken`` and a progress callback that posts to the GUI thread; it shows
:func:`sync_status` in the status bar, :func:`list_conflicts` with both values side by
side, and calls :func:`resolve_conflict` with the user's choice. Nothing here blocks on
the GUI or imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.desk import Desk
from desktop.core.jobs import Progress
from desktop.sync.backoff import RetryPolicy
from desktop.sync.cancel import SyncCancelled
from desktop.sync.catalog_identity import (
    CatalogChangedError,
    address_change_needs_answer,
    move_catalog,
    start_fresh_links,
)
from desktop.sync.catalog_settings import (
    CatalogSettings,
    catalog_config,
    load_catalog_settings,
    save_catalog_settings,
)
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.conflicts import (
    ConflictInfo,
    Resolution,
    conflict_dict,
    field_label,
    find_conflict,
    is_whole_record,
    list_conflicts,
    open_count,
    pending_count,
    resolution_words,
    resolve_conflict,
    side_text,
)
from desktop.sync.engine import SyncEngine, SyncOptions
from desktop.sync.errors import (
    CatalogError,
    CatalogProxyError,
    CatalogServerError,
    CatalogUnreachableError,
)
from desktop.sync.importer import catalog_import
from desktop.sync.local import DELETED_FIELD, DELETED_HERE_FIELD, USED_BY_APPS_FIELD
from desktop.sync.lock import SyncBusyError
from desktop.sync.orgmap import OrgMapping, live_opds, mappings, remove_mapping, set_mapping
from desktop.sync.paging import iter_organizations
from desktop.sync.probe import ConnectionReport, check_connection
from desktop.sync.reconcile import DELETION_SHARE
from desktop.sync.runlog import RunInfo, SyncSummary
from desktop.sync.runlog import recent_runs as _recent_runs
from desktop.sync.stale_runs import end_interrupted_runs
from desktop.sync.token import CatalogToken, TokenOrigin, load_token, save_token
from desktop.sync.visibility import (
    CatalogVisibility,
    VisibilityChange,
    catalog_visibility,
    notice_for,
)
from desktop.sync.visibility import pending_changes as pending_visibility_changes

__all__ = [
    "DELETED_FIELD", "DELETED_HERE_FIELD", "DELETION_SHARE", "USED_BY_APPS_FIELD",
    "CatalogChangedError", "CatalogClient", "CatalogConfig", "CatalogError",
    "CatalogProxyError", "CatalogServerError", "CatalogSettings", "CatalogToken",
    "CatalogUnreachableError", "CatalogVisibility", "ConflictInfo", "ConnectionReport",
    "OrgMapping", "Resolution", "RetryPolicy", "RunInfo", "SyncBusyError",
    "SyncCancelled", "SyncStatus", "SyncSummary", "TokenOrigin", "VisibilityChange",
    "address_change_needs_answer", "catalog_config", "catalog_import", "catalog_organizations",
    "catalog_settings", "catalog_visibility", "check_connection", "clear_org_mapping",
    "conflict_dict", "end_interrupted_runs", "field_label", "find_conflict", "is_whole_record",
    "list_conflicts", "load_catalog_settings", "load_token", "mappable_opds", "move_catalog",
    "notice_for", "open_client", "org_mappings", "pending_count", "pending_visibility_changes",
    "recent_runs", "resolution_words", "resolve_conflict", "run_sync", "save_catalog_settings",
    "save_token", "set_org_mapping", "side_text", "start_fresh_links", "sync_status",
]


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar says: pending changes, open conflicts, the last run."""

    pending: int
    conflicts: int
    last_run: RunInfo | None


def recent_runs(desk: Desk, limit: int = 20) -> list[RunInfo]:
    return _recent_runs(desk.db, limit)


def sync_status(desk: Desk) -> SyncStatus:
    runs = _recent_runs(desk.db, 1)
    return SyncStatus(pending_count(desk), open_count(desk), runs[0] if runs else None)


def catalog_settings(desk: Desk) -> CatalogSettings:
    return load_catalog_settings(desk.db)


def open_client(desk: Desk, *, url: str | None = None, user: str | None = None,
                **overrides: Any) -> CatalogClient:
    """A client from the stored settings; the token from the environment or keyring."""
    config = catalog_config(load_catalog_settings(desk.db), url=url, user=user, **overrides)
    return CatalogClient.from_keyring(config)


def run_sync(desk: Desk, progress: Progress | None = None, token: Any = None, *,
             client: CatalogClient | None = None,
             confirm_deletions: bool = False) -> SyncSummary:
    """One sync with the configured catalog; raises ``CatalogError``/``SyncBusyError``
    when it could not run (the GUI shows the message and stays Offline).
    ``confirm_deletions``: the user confirmed that the catalog really lost the datasets a
    previous run held back (``SyncSummary.held_deletions``)."""
    own = client is None
    client = client or open_client(desk)
    if progress is not None and client.on_retry is None:  # "retrying in 30 s" on the page
        client.on_retry = lambda message: progress(0, 0, message)
    try:
        settings = load_catalog_settings(desk.db)
        engine = SyncEngine(desk, client, SyncOptions(
            allow_private=settings.catalog_allow_private,
            confirm_deletions=confirm_deletions))
        return engine.run(progress=progress, token=token)
    finally:
        if own:
            client.close()


def org_mappings(desk: Desk) -> list[OrgMapping]:
    with desk.db.session() as s:
        return mappings(s)


def mappable_opds(desk: Desk) -> list[tuple[str, str]]:
    """Live OPDs as (id, nama), by name: the rows of the OPD-to-organization mapping."""
    with desk.db.session() as s:
        return live_opds(s)


def set_org_mapping(desk: Desk, opd_id: str, org_id: str, org_name: str) -> None:
    """The user's choice of organization for an OPD; never re-matched automatically."""
    with desk.db.session() as s:
        set_mapping(s, opd_id, org_id, org_name, manual=True)


def clear_org_mapping(desk: Desk, opd_id: str) -> None:
    with desk.db.session() as s:
        remove_mapping(s, opd_id)


def catalog_organizations(client: CatalogClient) -> list[dict[str, Any]]:
    """Every organization of the catalog (for the mapping dialog's choices)."""
    return list(iter_organizations(client))
