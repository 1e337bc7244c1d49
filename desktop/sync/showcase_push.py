"""Applications -> showcases, where the catalog has ckanext-showcase: publication only.

A showcase is a public page about an application; the register stays its only source,
so apps are pushed and never pulled or merged (the plugin has no ``metadata_modified``
to match on, and its update is a full replace). Creates are idempotent like datasets'
(a name from the local id, adopted by ``desk_id`` when taken); a deleted app's showcase
is deleted. Where the catalog lacks the plugin, apps stay local and their pending flags
are cleared, so "pending" only ever counts what a sync can send.
"""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy import select, update

from desktop.core.desk import Desk
from desktop.core.models import Aplikasi, PerangkatDaerah, utcnow
from desktop.core.models.sync import SyncRecord
from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogNotFoundError, CatalogValidationError
from desktop.sync.naming import package_name
from desktop.sync.showcase_mapping import app_to_showcase, showcase_to_app

APPS = "apps"


def dirty_app_ids(desk: Desk) -> list[str]:
    with desk.db.session() as s:
        return list(s.scalars(select(SyncRecord.record_id).where(
            SyncRecord.kind == APPS, SyncRecord.dirty.is_(True))))


def keep_apps_local(desk: Desk) -> None:
    """No showcase plugin there: nothing about apps can be sent, so nothing is pending."""
    with desk.db.session() as s:
        s.execute(update(SyncRecord).where(SyncRecord.kind == APPS, SyncRecord.dirty.is_(True))
                  .values(dirty=False))


class ShowcasePusher:
    def __init__(self, desk: Desk, client: CatalogClient) -> None:
        self.desk = desk
        self.client = client

    def push(self, record_id: str) -> str:
        """``pushed``, ``deleted`` or ``skipped``."""
        with self.desk.db.session() as s:
            state = s.get(SyncRecord, (APPS, record_id))
            if state is None or s.get(Aplikasi, record_id) is None:
                return "skipped"
            app = self.desk.apps.get(record_id, include_deleted=True, session=s)
            owner = s.get(PerangkatDaerah, app["opd_pemilik_id"]) if app.get(
                "opd_pemilik_id") else None
            remote_id, name = state.remote_id, state.remote_name
            image_url = (state.base or {}).get("image_url", "")
        if app["deleted_at"] is not None:
            if remote_id:
                with contextlib.suppress(CatalogNotFoundError):
                    self.client.showcase_delete(remote_id)
            self._done(record_id, app["version"], None)
            return "deleted" if remote_id else "skipped"
        showcase = app_to_showcase(app, record_id,
                                   name=name or package_name(record_id, app["nama"]),
                                   owner_name=owner.nama if owner else "",
                                   image_url=image_url, remote_id=remote_id)
        if remote_id:
            result = self.client.showcase_update(showcase)
        else:
            result = self._create_or_adopt(showcase, record_id)
        self._done(record_id, app["version"], result)
        return "pushed"

    def _create_or_adopt(self, showcase: dict[str, Any], record_id: str) -> dict[str, Any]:
        try:
            return self.client.showcase_create(showcase)
        except CatalogValidationError as error:
            if not error.name_in_use:
                raise
            existing = self.client.showcase_show(showcase["name"])
            if showcase_to_app(existing).desk_id != record_id:
                raise
            return self.client.showcase_update({**showcase, "id": existing["id"]})

    def _done(self, record_id: str, version: int, result: dict[str, Any] | None) -> None:
        with self.desk.db.session() as s:
            state = s.get(SyncRecord, (APPS, record_id))
            if state is None:
                return
            if result is None:
                state.remote_id = state.remote_name = None
                state.base = None
            else:
                state.remote_id, state.remote_name = result["id"], result["name"]
                state.base = {"image_url": result.get("image_url") or ""}
            state.error, state.changed_at = None, utcnow()
            if self.desk.apps.get(record_id, include_deleted=True, session=s)["version"] \
                    == version:
                state.dirty = False
