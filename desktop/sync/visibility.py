"""What the next sync will do to a dataset's visibility on the catalog, for its form.

The dataset form asks while the user picks a sifat data (before saving, before any
sync), so a change that will open a dataset to the public, or make a published one
private, is said before it happens. The answer comes from the last-synced copy (is the
dataset on the catalog, is it private there, what classification did both sides agree
on) and the values in the form; see ``publication`` for the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncRecord
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.sync.local import KIND
from desktop.sync.publication import CLASSIFICATION_FIELDS, visibility_notice
from desktop.sync.push import PRIVATE


@dataclass(frozen=True)
class CatalogVisibility:
    """A dataset's standing on the catalog as of the last sync."""

    linked: bool
    private: bool | None  # None: not known (not linked, or synced before this was kept)
    agreed: dict[str, Any]  # the classification both sides last agreed on
    allow_private: bool


def catalog_visibility(desk: Desk, record_id: str | None) -> CatalogVisibility:
    """Read once when a dataset is opened in its form (None: a new dataset)."""
    allow_private = load_catalog_settings(desk.db).catalog_allow_private
    if record_id is None:
        return CatalogVisibility(False, None, {}, allow_private)
    with desk.db.session() as s:
        state = s.get(SyncRecord, (KIND, record_id))
        if state is None or not state.remote_id:
            return CatalogVisibility(False, None, {}, allow_private)
        base = dict(state.base or {})
    private = base.get(PRIVATE)
    return CatalogVisibility(True, None if private is None else bool(private),
                             {f: base.get(f) for f in CLASSIFICATION_FIELDS if f in base},
                             allow_private)


def notice_for(visibility: CatalogVisibility, values: Mapping[str, Any]) -> str | None:
    """The sentence the form shows for these values (None: nothing will change)."""
    form = {"sifat_data": values.get("sifat_data") or "terbuka",
            "data_pribadi": bool(values.get("data_pribadi"))}
    changed = any(f in visibility.agreed and form[f] != (
        bool(visibility.agreed[f]) if f == "data_pribadi" else visibility.agreed[f])
        for f in CLASSIFICATION_FIELDS)
    return visibility_notice(linked=visibility.linked, catalog_private=visibility.private,
                             changed=changed, values=form,
                             allow_private=visibility.allow_private)
