"""What the next sync will do to a dataset's visibility on the catalog, for its form.

The dataset form asks while the user picks a sifat data (before saving, before any
sync), so a change that will open a dataset to the public, or make a published one
private, is said before it happens. The answer comes from the last-synced copy (is the
dataset on the catalog, is it private there, what classification did both sides agree
on) and the values in the form; see ``publication`` for the rules.
:func:`pending_changes` lists the same for every dataset waiting to be pushed, so the
CLI says before a sync which datasets it will make private or public.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.i18n import t
from desktop.core.models import Dataset
from desktop.core.models.sync import SyncConflict, SyncRecord
from desktop.sync.catalog_settings import load_catalog_settings
from desktop.sync.local import KIND
from desktop.sync.publication import CLASSIFICATION_FIELDS, private_to_send, visibility_notice
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


@dataclass(frozen=True)
class VisibilityChange:
    """A dataset the next push makes private (``private``) or public on the catalog."""

    record_id: str
    title: str
    private: bool

    @property
    def message(self) -> str:
        if self.private:
            return t('Sinkronisasi ini menjadikan "{title}" privat di katalog (tidak dihapus).',
                     title=self.title)
        return t('Sinkronisasi ini membuka "{title}" untuk umum di katalog.', title=self.title)


def pending_changes(desk: Desk) -> list[VisibilityChange]:
    """Datasets waiting to be pushed whose sifat data, changed here, moves their catalog
    visibility (the same rule the push follows; a field in conflict stays as it was)."""
    changes: list[VisibilityChange] = []
    with desk.db.session() as s:
        rows = s.execute(select(SyncRecord.record_id, SyncRecord.base, Dataset.judul,
                                Dataset.sifat_data, Dataset.data_pribadi)
                         .join(Dataset, Dataset.id == SyncRecord.record_id)
                         .where(SyncRecord.kind == KIND, SyncRecord.dirty.is_(True),
                                SyncRecord.remote_id.is_not(None),
                                Dataset.deleted_at.is_(None))
                         .order_by(Dataset.judul)).all()
        held = {(record_id, field) for record_id, field in s.execute(
            select(SyncConflict.record_id, SyncConflict.field).where(
                SyncConflict.kind == KIND, SyncConflict.resolved_at.is_(None),
                SyncConflict.field.in_(CLASSIFICATION_FIELDS)))}
    for record_id, base, title, sifat, pribadi in rows:
        base = base or {}
        local = {"sifat_data": sifat, "data_pribadi": bool(pribadi)}
        changed = {f: v for f, v in local.items()
                   if f in base and (record_id, f) not in held and v != base[f]}
        private = private_to_send(base.get(PRIVATE), {**base, **changed},
                                  changed=bool(changed))
        if private is not None:
            changes.append(VisibilityChange(record_id, title, private))
    return changes
