"""Creating a dataset so that a retry, or a create whose answer was lost, is harmless.

The name is derived from the local id (``naming``) and the package carries ``desk_id``;
when CKAN says the name is taken, the dataset under that name is fetched and adopted if
its ``desk_id`` is ours (our earlier create did land). A stranger's dataset is never
adopted: the original "name in use" error goes back to the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogValidationError
from desktop.sync.mapping import DESK_ID_KEY


@dataclass(frozen=True)
class CreateOutcome:
    package: dict[str, Any]
    adopted: bool  # True: it already existed from an earlier try


def desk_id_of(package: dict[str, Any]) -> str | None:
    return next((e.get("value") for e in package.get("extras") or []
                 if e.get("key") == DESK_ID_KEY), None)


def create_or_adopt(client: CatalogClient, package: dict[str, Any],
                    local_id: str) -> CreateOutcome:
    try:
        return CreateOutcome(client.package_create(package), adopted=False)
    except CatalogValidationError as error:
        if not error.name_in_use:
            raise
        existing = client.package_show(package["name"])
        if desk_id_of(existing) != local_id:
            raise
        return CreateOutcome(existing, adopted=True)
