"""Packages another tool or a portal admin made on the test catalog: no ``desk_id``, only
the extras given, any title length (put straight into the store, as the portal's own
database would hold them)."""

from __future__ import annotations

import uuid
from typing import Any

from ckan_server.fixtures import CatalogWorld


def put_package(world: CatalogWorld, *, name: str, private: bool = False,
                extras: dict[str, str] | None = None, org: str = "diskominfo",
                **fields: Any) -> str:
    """A package made on the portal; returns its id. ``fields`` override core slots."""
    store = world.server.store
    organization = store.find_organization(org)
    assert organization is not None
    stamp = store.clock.now_iso()
    package_id = str(uuid.uuid4())
    package: dict[str, Any] = {
        "id": package_id, "name": name, "title": f"Dataset {name}",
        "notes": "Dibuat di portal.", "owner_org": organization["id"],
        "organization": store.organization_summary(organization), "private": private,
        "state": "active", "type": "dataset", "license_id": None, "author": "",
        "author_email": "", "maintainer": "", "maintainer_email": "", "url": "",
        "version": "", "metadata_created": stamp, "metadata_modified": stamp,
        "creator_user_id": None,
        "extras": [{"key": k, "value": v} for k, v in (extras or {}).items()],
        "tags": [], "groups": [], "relationships_as_object": [],
        "relationships_as_subject": [], "num_tags": 0, "num_resources": 1, "isopen": False,
        "resources": [{"id": str(uuid.uuid4()), "package_id": package_id, "position": 0,
                       "url": f"https://data.contoh.go.id/{name}.csv", "name": "Tabel",
                       "format": "CSV", "description": "", "created": stamp,
                       "last_modified": None, "metadata_modified": stamp, "state": "active",
                       "mimetype": None, "size": None, "url_type": None, "hash": ""}],
    }
    package.update(fields)
    store.put_package(package)
    return package_id


def extras_of(package: dict[str, Any]) -> dict[str, str]:
    return {e["key"]: e["value"] for e in package.get("extras") or []}
