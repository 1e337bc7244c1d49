"""Conflicts about a whole dataset's existence, and how each is settled.

Two kinds, each a ``SyncConflict`` row with a reserved ``field`` (see ``local``):

``_dihapus_lokal`` (:data:`DELETED_HERE_FIELD`): deleted here, edited on the catalog
    since the last sync. Deleting it there would silently throw the portal's edit away,
    so the push asks first. ``local_value`` is ``{"v": None}`` (deleted), ``remote_value``
    ``{"v": <catalog title>, "values": <mapped values>, "modified": <metadata_modified>}``.
    Words: ``mine`` (delete it on the catalog too) or ``theirs`` (restore it here with the
    catalog's values).

``_dihapus_katalog_dipakai`` (:data:`USED_BY_APPS_FIELD`): deleted on the catalog while
    apps here use it, so it cannot simply be deleted here (the record service refuses,
    and a retry would fail forever). ``local_value`` is ``{"v": [app names], "apps":
    [app ids]}``, ``remote_value`` ``{"v": "deleted"|"purged"}``. Words: ``keep`` (keep it
    here, unlinked from the catalog) or ``delete`` (remove the apps' links to it, then
    delete it here).

Resolutions work offline: they set up the last-synced state so the next sync carries
the outcome, like the field conflicts in ``conflicts``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.models import Aplikasi, AplikasiDataset, utcnow
from desktop.core.models.sync import SyncConflict, SyncRecord
from desktop.sync.client import CatalogClient
from desktop.sync.errors import CatalogAuthorizationError, CatalogNotFoundError
from desktop.sync.local import (
    DELETED_HERE_FIELD,
    KIND,
    USED_BY_APPS_FIELD,
    apply_to_local,
    local_dataset,
    remote_session,
)
from desktop.sync.mapping import package_to_dataset
from desktop.sync.values import normalize, remote_values

WORDS = {DELETED_HERE_FIELD: ("mine", "theirs"), USED_BY_APPS_FIELD: ("keep", "delete")}


def _open(s: Session, record_id: str, field: str) -> SyncConflict | None:
    return s.scalar(select(SyncConflict).where(
        SyncConflict.kind == KIND, SyncConflict.record_id == record_id,
        SyncConflict.field == field, SyncConflict.resolved_at.is_(None)))


def _remote_value(package: dict[str, Any]) -> dict[str, Any]:
    return {"v": package.get("title") or package.get("name"),
            "values": remote_values(package_to_dataset(package)),
            "modified": package.get("metadata_modified")}


# ------------------------------------------------------------ deleted here, edited there
def hold_local_delete(desk: Desk, client: CatalogClient, record_id: str, remote_id: str,
                      remote_modified: str | None) -> int | None:
    """Before a local delete goes to the catalog: ``None`` to go ahead, else the number of
    new conflicts (the catalog changed the dataset since our last sync: ask, keep both).

    Gone or hidden there already: go ahead (the push's delete finds nothing to lose).
    """
    if not remote_modified:
        return None  # no record of what we last saw: nothing to compare (links before 0.x)
    try:
        package = client.package_show(remote_id)
    except (CatalogNotFoundError, CatalogAuthorizationError):
        return None
    if package.get("state") == "deleted" or package.get("metadata_modified") == remote_modified:
        return None
    with desk.db.session() as s:
        return ask_deleted_here(s, record_id, package)


def ask_deleted_here(s: Session, record_id: str, package: dict[str, Any]) -> int:
    """Open (or refresh) the "deleted here, edited there" conflict; 1 when new."""
    row = _open(s, record_id, DELETED_HERE_FIELD)
    if row is not None:
        row.remote_value = _remote_value(package)
        return 0
    state = s.get(SyncRecord, (KIND, record_id))
    base = {k: v for k, v in ((state.base if state else None) or {}).items()
            if not k.startswith("_")}
    s.add(SyncConflict(kind=KIND, record_id=record_id, field=DELETED_HERE_FIELD,
                       base_value={"v": base.get("judul"), "values": base},
                       local_value={"v": None}, remote_value=_remote_value(package)))
    return 1


def refresh_local_deletes(desk: Desk, client: CatalogClient) -> int:
    """Keep open "deleted here, edited there" conflicts current with the catalog: a later
    edit there updates the values "theirs" would restore; a delete there settles the
    conflict by itself (both sides agree). Returns how many were settled so."""
    with desk.db.session() as s:
        rows = s.execute(select(SyncConflict.id, SyncConflict.record_id, SyncRecord.remote_id)
                         .join(SyncRecord, (SyncRecord.kind == SyncConflict.kind)
                               & (SyncRecord.record_id == SyncConflict.record_id))
                         .where(SyncConflict.kind == KIND,
                                SyncConflict.field == DELETED_HERE_FIELD,
                                SyncConflict.resolved_at.is_(None))).all()
    settled = 0
    for conflict_id, record_id, remote_id in rows:
        package: dict[str, Any] | None
        try:
            package = client.package_show(remote_id) if remote_id else None
        except (CatalogNotFoundError, CatalogAuthorizationError):
            package = None
        with desk.db.session() as s:
            conflict = s.get(SyncConflict, conflict_id)
            if conflict is None or conflict.resolved_at is not None:
                continue
            if package is not None and package.get("state") != "deleted":
                conflict.remote_value = _remote_value(package)
                continue
            conflict.resolved_at, conflict.resolution = utcnow(), "dihapus_keduanya"
            state = s.get(SyncRecord, (KIND, record_id))
            if state is not None:
                _unlink(state)
            settled += 1
    return settled


def _resolve_deleted_here(desk: Desk, s: Session, conflict: SyncConflict,
                          state: SyncRecord, word: str) -> None:
    remote = conflict.remote_value or {}
    if word == "mine":  # the next push deletes it there, unless edited there again
        state.remote_modified = remote.get("modified") or state.remote_modified
        state.dirty = True
        state.changed_at = utcnow()
        return
    desk.datasets.restore(conflict.record_id, session=s)
    record = local_dataset(desk, s, conflict.record_id)
    assert record is not None
    values: dict[str, Any] = dict(remote.get("values") or {})
    mine = normalize(record)
    apply_to_local(desk, s, record, {k: v for k, v in values.items() if mine.get(k) != v})
    foreign = {k: v for k, v in (state.base or {}).items() if k.startswith("_")}
    state.base = {**values, **foreign}
    state.remote_modified = remote.get("modified") or state.remote_modified
    state.dirty = False
    state.changed_at = utcnow()


# ------------------------------------------------------- deleted there, used by apps here
def apps_using(s: Session, record_id: str) -> list[tuple[str, str]]:
    """(id, name) of the live apps that link this dataset."""
    return [(i, n) for i, n in s.execute(
        select(Aplikasi.id, Aplikasi.nama).join(AplikasiDataset,
                                                AplikasiDataset.aplikasi_id == Aplikasi.id)
        .where(AplikasiDataset.dataset_id == record_id, Aplikasi.deleted_at.is_(None))
        .order_by(Aplikasi.nama)).all()]


def hold_remote_delete(s: Session, record_id: str, remote_state: str) -> int | None:
    """The catalog deleted a dataset: ``None`` when nothing here holds it (delete it here),
    else the number of new conflicts (apps use it: the user decides, once)."""
    apps = apps_using(s, record_id)
    if not apps:
        return None
    if _open(s, record_id, USED_BY_APPS_FIELD) is not None:
        return 0
    s.add(SyncConflict(kind=KIND, record_id=record_id, field=USED_BY_APPS_FIELD,
                       base_value={"v": None},
                       local_value={"v": [n for _i, n in apps], "apps": [i for i, _n in apps]},
                       remote_value={"v": remote_state}))
    return 1


def _unlink(state: SyncRecord) -> None:
    state.remote_id = state.remote_name = state.remote_modified = None
    state.base, state.catalog, state.error = None, None, None
    state.dirty = False


def _resolve_used_by_apps(desk: Desk, s: Session, conflict: SyncConflict,
                          state: SyncRecord, word: str) -> None:
    if word == "delete":
        for app_id, _name in apps_using(s, conflict.record_id):
            app = desk.apps.get(app_id, session=s)
            kept = [{k: v for k, v in row.items() if k in ("dataset_id", "peran")}
                    for row in app.get("datasets") or []
                    if row.get("dataset_id") != conflict.record_id]
            desk.apps.update(app_id, {"datasets": kept}, expected_version=app["version"],
                             session=s)
        desk.datasets.delete(conflict.record_id, session=s)
    _unlink(state)  # "keep": stays here, no longer tied to a package the catalog dropped


# ------------------------------------------------------------------------- resolving
def is_deletion_conflict(field: str) -> bool:
    return field in WORDS


def resolve_deletion_conflict(desk: Desk, conflict_id: int, word: str) -> None:
    """Settle one of the two kinds above with its word; refuses any other word."""
    with remote_session(desk) as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None or \
                conflict.field not in WORDS:
            raise DeskError(t("Konflik tidak ditemukan atau sudah diselesaikan."))
        allowed = WORDS[conflict.field]
        if word not in allowed:
            raise DeskError(t("Pilihan \"{word}\" tidak berlaku untuk konflik ini; pilih "
                              "salah satu: {allowed}.", word=word, allowed=", ".join(allowed)))
        state = s.get(SyncRecord, (conflict.kind, conflict.record_id))
        if state is None or local_dataset(desk, s, conflict.record_id) is None:
            raise DeskError(t("Konflik tidak ditemukan atau sudah diselesaikan."))
        if conflict.field == DELETED_HERE_FIELD:
            _resolve_deleted_here(desk, s, conflict, state, word)
        else:
            _resolve_used_by_apps(desk, s, conflict, state, word)
        conflict.resolved_at = utcnow()
        conflict.resolution = word
