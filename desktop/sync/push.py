"""Push: send every dirty dataset to the catalog, one record at a time.

Creates use a name derived from the local id (``create_or_adopt``: a create whose answer
was lost is adopted, not repeated); updates use ``package_revise`` matching the last seen
``metadata_modified`` and, when someone changed the dataset meanwhile, fetch it, merge
field by field and try once more; deletes use ``package_delete``. The network call comes
first and the local bookkeeping after it in its own transaction, so a crash in between
only means the next push repeats a write the catalog then recognises. A record the
catalog refuses stays dirty, with the reason in the run log.

An update sends only the fields changed here since the last sync (``package_update``):
what the catalog has and nobody changed here stays as it is, whole, even where this
register holds a shortened value or a default. Visibility follows ``publication``: a
dataset on the catalog is never made more public, nor deleted, for its classification;
a sifat data changed here on purpose makes it private or public, written to its audit log.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop.core.desk import Desk
from desktop.core.i18n import t
from desktop.core.models import PerangkatDaerah, utcnow
from desktop.core.models.sync import SyncConflict, SyncRecord
from desktop.core.services.audit import write_audit
from desktop.sync.adopt import CatalogMatcher, create_or_adopt
from desktop.sync.client import CatalogClient
from desktop.sync.deletion_conflicts import hold_local_delete
from desktop.sync.errors import CatalogMatchError, CatalogNotFoundError
from desktop.sync.local import (
    DELETED_FIELD,
    DELETION_FIELDS,
    KIND,
    apply_to_local,
    local_dataset,
    open_conflict_fields,
    remote_session,
    store_conflicts,
    sync_record,
)
from desktop.sync.mapping import (
    MAPPED_FIELDS,
    PackageTarget,
    dataset_to_package,
    package_to_dataset,
    package_update,
)
from desktop.sync.memory import FOREIGN, PRIVATE, catalog_extras
from desktop.sync.merge import FieldConflict, three_way
from desktop.sync.naming import package_name
from desktop.sync.orgmap import org_for_opd
from desktop.sync.publication import (
    CLASSIFICATION_FIELDS,
    Publication,
    private_to_send,
    publication_for,
)
from desktop.sync.values import Values, for_mapping, normalize, remote_values


@dataclass
class PushOutcome:
    pushed: int = 0
    deleted: int = 0
    conflicts: int = 0


class RecordRefused(Exception):
    """This record cannot be pushed now (no organization, ...); the message says why."""


def dirty_ids(desk: Desk) -> list[str]:
    with desk.db.session() as s:
        return list(s.scalars(select(SyncRecord.record_id).where(
            SyncRecord.kind == KIND, SyncRecord.dirty.is_(True)).order_by(SyncRecord.changed_at)))


class Pusher:
    def __init__(self, desk: Desk, client: CatalogClient, *, allow_private: bool) -> None:
        self.desk = desk
        self.client = client
        self.allow_private = allow_private
        self.matcher = CatalogMatcher(desk, client)

    def push(self, record_id: str, outcome: PushOutcome) -> None:
        with self.desk.db.session() as s:
            record = local_dataset(self.desk, s, record_id)
            state = s.get(SyncRecord, (KIND, record_id))
            if record is None or state is None:
                if state is not None:
                    s.delete(state)
                return
            if open_conflict_fields(s, record_id) & DELETION_FIELDS:
                return  # waits for the user: deleted on one side, edited or used on the other
            remote_id, remote_modified = state.remote_id, state.remote_modified
            held = held_by_conflicts(s, record_id)
            base = dict(state.base or {})
            target = self._target(s, record, state)
        version = record["version"]
        if record["deleted_at"] is not None or target is None:
            if remote_id and record["deleted_at"] is not None:
                asked = hold_local_delete(self.desk, self.client, record_id, remote_id,
                                          remote_modified)
                if asked is not None:  # edited there since: a conflict, not a lost edit
                    outcome.conflicts += asked
                    return
            if remote_id:
                self._delete(remote_id)
                outcome.deleted += 1
            self._forget(record_id, version)
            return
        local = normalize(record)
        if not remote_id:
            package = dataset_to_package(for_mapping(local), record_id, target)
            found = self.matcher.find(record, package)  # the catalog may have it already
            if found is not None and not found.ours:  # someone else's: link, not a twin
                outcome.conflicts += self.matcher.link(record_id, found.package)
                return
            made = create_or_adopt(self.client, package, record_id,
                                   ours=found.package if found else None)
            created = made.package
            if made.adopted:  # an earlier try landed; make sure it holds today's values
                package.pop("name")
                created = self.client.package_revise(created["id"], created["metadata_modified"],
                                                     package)
            self._synced(record_id, version, created, local, catalog_extras(created))
            outcome.pushed += 1
            return
        if not base.keys() & set(MAPPED_FIELDS):  # linked, never agreed: merge, do not guess
            outcome.conflicts += self._merge_and_retry(record_id, target, base)
            outcome.pushed += 1
            return
        extras, catalog_private = base.get(FOREIGN) or [], base.get(PRIVATE)
        if PRIVATE not in base:  # a copy from before 0005 kept only others' extras
            current = self.client.package_show(remote_id)
            extras, catalog_private = catalog_extras(current), bool(current.get("private"))
        changes = {f: local[f] for f in MAPPED_FIELDS
                   if f not in held and local[f] != base.get(f)}
        update, private = self._update(record_id, target, changes, base, extras,
                                       catalog_private)
        try:
            result = self.client.package_revise(remote_id, remote_modified or "", update)
        except CatalogMatchError:
            outcome.conflicts += self._merge_and_retry(record_id, target, base)
        else:
            if result.get("state") == "deleted":  # deleted there, edited here: ask
                outcome.conflicts += self._deleted_there(record_id)
                return
            self._synced(record_id, version, result, local, catalog_extras(result),
                         keep={f: base.get(f) for f in held},
                         visibility=(catalog_private, private))
        outcome.pushed += 1

    def _update(self, record_id: str, target: PackageTarget, changes: Values,
                catalog: Values, extras: list[dict[str, Any]], catalog_private: bool | None,
                ) -> tuple[dict[str, Any], bool | None]:
        """The revise update for ``changes`` and the ``private`` flag it sets (or None).

        ``catalog``: the catalog's values as compared here (the last-synced copy, or the
        package just fetched); the classification it will hold decides the visibility,
        and only when the user changed that classification here.
        """
        update = package_update(changes, extras, record_id)
        update["owner_org"] = target.owner_org
        private = private_to_send(catalog_private, {**catalog, **changes},
                                  changed=bool(changes.keys() & CLASSIFICATION_FIELDS))
        if private is not None:
            update["private"] = private
        return update, private

    def _deleted_there(self, record_id: str) -> int:
        with self.desk.db.session() as s:
            return store_conflicts(s, record_id, [FieldConflict(DELETED_FIELD, False, False,
                                                                True)])

    def _target(self, s: Any, record: dict[str, Any], state: SyncRecord) -> PackageTarget | None:
        """Where the dataset goes; None when the publish policy keeps a dataset the catalog
        does not have off it. One the catalog has is never deleted for its classification
        (``private`` is decided per update, see ``_update``)."""
        policy = publication_for(record["sifat_data"],
                                 contains_personal_data=bool(record["data_pribadi"]),
                                 allow_private=self.allow_private)
        if policy is Publication.NOT_PUBLISHED and not state.remote_id:
            return None
        mapping = org_for_opd(s, record["opd_id"])
        opd = s.get(PerangkatDaerah, record["opd_id"]) if record["opd_id"] else None
        if mapping is None:
            raise RecordRefused(t("OPD {opd} belum dipetakan ke organisasi di katalog; atur "
                                  "di Sinkronisasi > Pemetaan OPD.",
                                  opd=opd.nama if opd else "-"))
        name = state.remote_name or package_name(record["id"], record["judul"])
        return PackageTarget(name=name, owner_org=mapping.org_id,
                             produsen_data=opd.nama if opd else "",
                             private=policy is not Publication.PUBLIC)

    def _delete(self, remote_id: str) -> None:
        with contextlib.suppress(CatalogNotFoundError):  # purged already: what we wanted
            self.client.package_delete(remote_id)

    def _forget(self, record_id: str, version: int) -> None:
        """Deleted here (or no longer published): nothing left to push for it."""
        with self.desk.db.session() as s:
            state = sync_record(s, record_id)
            record = local_dataset(self.desk, s, record_id)
            if record is None or record["version"] == version:
                state.dirty = False
            state.remote_id = state.remote_name = state.remote_modified = None
            state.base, state.error = None, None

    def _synced(self, record_id: str, version: int, package: dict[str, Any], sent: Values,
                foreign: list[dict[str, Any]], *, keep: dict[str, Any] | None = None,
                visibility: tuple[bool | None, bool | None] = (None, None)) -> None:
        """Remember what both sides now agree on; still dirty if edited during the push.

        ``visibility``: the catalog's private flag before the push and the one it sent
        (None: not sent); a change is written to the dataset's audit log.
        """
        with self.desk.db.session() as s:
            state = sync_record(s, record_id)
            record = local_dataset(self.desk, s, record_id)
            state.remote_id, state.remote_name = package["id"], package["name"]
            state.remote_modified = package.get("metadata_modified")
            state.base = {**sent, **(keep or {}), FOREIGN: foreign,
                          PRIVATE: bool(package.get("private"))}
            before, sent_private = visibility
            if sent_private is not None and sent_private != before:
                write_audit(s, actor=self.desk.actor(), kind=KIND, record_id=record_id,
                            action="unpublish" if sent_private else "publish",
                            changes={"private": [before, sent_private]})
            state.error = None
            state.changed_at = utcnow()
            if record is not None and record["version"] == version:
                state.dirty = False

    def _merge_and_retry(self, record_id: str, target: PackageTarget, base: Values) -> int:
        """The catalog moved on: merge its copy with ours, then revise against it."""
        current = self.client.package_show(base_remote_id(self.desk, record_id))
        remote = remote_values(package_to_dataset(current))
        with remote_session(self.desk) as s:
            record = local_dataset(self.desk, s, record_id)
            assert record is not None
            merged = three_way(base or None, normalize(record), remote)
            apply_to_local(self.desk, s, record, merged.to_local)
            added = store_conflicts(s, record_id, merged.conflicts)
            record = local_dataset(self.desk, s, record_id)
            assert record is not None
            pending = open_conflict_fields(s, record_id)
        local = normalize(record)
        # only what changed here goes; conflicting fields keep the catalog's value there
        # until the user decides
        changes = {f: local[f] for f in merged.to_remote if f not in pending}
        catalog_private = bool(current.get("private"))
        update, private = self._update(record_id, target, changes, remote,
                                       catalog_extras(current), catalog_private)
        result = self.client.package_revise(current["id"], current["metadata_modified"],
                                            update)
        keep = {f: merged.base.get(f) for f in pending}
        self._synced(record_id, record["version"], result, local, catalog_extras(result),
                     keep=keep, visibility=(catalog_private, private))
        return added


def held_by_conflicts(s: Any, record_id: str) -> dict[str, Any]:
    """Fields with an open conflict and the catalog's value for them: until the user
    decides, the catalog keeps its value and ours stays here."""
    return {c.field: c.remote_value.get("v") for c in s.scalars(select(SyncConflict).where(
        SyncConflict.kind == KIND, SyncConflict.record_id == record_id,
        SyncConflict.resolved_at.is_(None), SyncConflict.field.not_in(DELETION_FIELDS)))}


def base_remote_id(desk: Desk, record_id: str) -> str:
    with desk.db.session() as s:
        state = s.get(SyncRecord, (KIND, record_id))
        assert state is not None and state.remote_id
        return state.remote_id
