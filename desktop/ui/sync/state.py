"""What the Sinkronisasi page shows, read off the GUI thread (no Qt here).

One read gathers the pending count, the open conflicts, the run log, the OPD mapping and
the visibility notices, so the page and its boxes are filled from one consistent look;
the Online/Offline check is one quick call to the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.core.desk import Desk

ONLINE, OFFLINE, UNKNOWN = "online", "offline", "unknown"


@dataclass(frozen=True)
class PageState:
    pending: int  # local changes waiting to be sent
    conflicts: list[Any]
    runs: list[Any]  # the recent runs, newest first
    opds: list[tuple[str, str]]  # live OPDs (id, nama), by name
    chosen: dict[str, Any]  # OPD id -> its organization mapping
    visibility: list[str]  # what the next sync does to datasets' visibility, in words
    configured: bool  # a catalog address is saved


def read_page_state(desk: Desk) -> PageState:
    """Everything the page shows; ends this computer's runs killed mid-way first."""
    from desktop.sync import api

    api.end_interrupted_runs(desk.db)
    return PageState(
        pending=api.pending_count(desk), conflicts=api.list_conflicts(desk),
        runs=api.recent_runs(desk), opds=api.mappable_opds(desk),
        chosen={m.opd_id: m for m in api.org_mappings(desk)},
        visibility=[c.message for c in api.pending_visibility_changes(desk)],
        configured=bool(api.load_catalog_settings(desk.db).catalog_url.strip()))


def ping_catalog(desk: Desk) -> str:
    """ONLINE or OFFLINE for the configured catalog; UNKNOWN when none is configured.

    Imports happen here, on the network worker: the HTTP stack is not needed to show the
    window, and loading it there keeps it off the start-up path.
    """
    from desktop.core.errors import DeskError
    from desktop.sync.api import CatalogClient, catalog_config, load_catalog_settings

    try:
        config = catalog_config(load_catalog_settings(desk.db))
    except DeskError:
        return UNKNOWN  # not configured: nothing to be on- or offline from
    client = CatalogClient(config)
    try:
        return ONLINE if client.ping() else OFFLINE
    finally:
        client.close()
