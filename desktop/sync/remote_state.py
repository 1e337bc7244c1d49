"""What became of datasets we know by id: deletions never show in an incremental pull.

``package_delete`` leaves ``metadata_modified`` alone and drops the dataset from the
search index, so the engine asks about the ids it knows: ``package_show`` answers the
dataset (active, or ``state: deleted`` for members), 404 once purged, 403 when we may not
see it (private elsewhere, or a deleted one and we are not a member). A broken search
index is caught here too: search finds nothing while the database lists datasets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.core.i18n import t
from desktop.sync.client import CatalogClient
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogNotFoundError,
    CatalogResponseError,
)


class RemoteState(Enum):
    ACTIVE = "active"
    DELETED = "deleted"      # soft-deleted: gone for readers, restorable by an admin
    PURGED = "purged"        # 404: gone for good
    HIDDEN = "hidden"        # 403: exists or existed, but not for our eyes


@dataclass(frozen=True)
class RemoteStatus:
    remote_id: str
    state: RemoteState
    package: dict[str, Any] | None


def remote_states(client: CatalogClient, remote_ids: Iterable[str]) -> Iterator[RemoteStatus]:
    """One ``package_show`` per id (paced and retried by the client like any read)."""
    for remote_id in remote_ids:
        try:
            package = client.package_show(remote_id)
        except CatalogNotFoundError:
            yield RemoteStatus(remote_id, RemoteState.PURGED, None)
        except CatalogAuthorizationError:
            yield RemoteStatus(remote_id, RemoteState.HIDDEN, None)
        else:
            state = (RemoteState.DELETED if package.get("state") == "deleted"
                     else RemoteState.ACTIVE)
            yield RemoteStatus(remote_id, state, package)


def check_search_index(client: CatalogClient) -> None:
    """Raise when search finds nothing but the catalog lists public datasets."""
    found = client.package_search(rows=0)["count"]
    if found == 0 and client.package_list(limit=1):
        raise CatalogResponseError(
            t("Indeks pencarian server katalog tampaknya rusak: pencarian kosong padahal ada "
              "dataset. Minta pengelola portal membangun ulang indeks (search-index rebuild)."),
            action="package_search")
