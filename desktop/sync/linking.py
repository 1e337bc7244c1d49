"""Linking a local record to the catalog dataset it already is (see ``matching``).

Neither side is overwritten: there is no last-synced copy yet, so every field the two
hold differently becomes a conflict for the user (the catalog keeps its value, the
record keeps its own) and only the fields they agree on form the new last-synced copy.
A field empty here and filled there takes the catalog's value: that fills a gap and
loses nothing (an open conflict there would go stale at the next pull, which reads the
empty base as "unchanged here" and brings the catalog's value anyway).
Resources are compared by content: the same rows under the catalog's ids are the same
resources, and the record takes the catalog's ids so both sides name them alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.sync.local import apply_to_local, local_dataset, store_conflicts, sync_record
from desktop.sync.mapping import package_to_dataset
from desktop.sync.merge import FieldConflict, MergeResult, three_way
from desktop.sync.values import Values, normalize, remote_values


def _without_ids(values: Values) -> Values:
    return {**values, "resources": [{k: v for k, v in r.items() if k != "id"}
                                    for r in values.get("resources") or []]}


def first_contact(mine: Values, theirs: Values) -> MergeResult:
    """The merge of two copies with no common ancestor, resources compared by content."""
    merged = three_way(None, _without_ids(mine), _without_ids(theirs))
    conflicts = []
    for c in merged.conflicts:
        if c.field == "resources":
            continue
        if c.local in (None, []):  # an empty field here takes the catalog's value: no loss
            merged.to_local[c.field] = merged.base[c.field] = theirs[c.field]
        else:
            conflicts.append(c)
    if all(c.field != "resources" for c in merged.conflicts):  # same rows, maybe other ids
        merged.base["resources"] = theirs["resources"]
        if [r.get("id") for r in mine["resources"]] != [r.get("id")
                                                         for r in theirs["resources"]]:
            merged.to_local["resources"] = theirs["resources"]
    elif not mine["resources"]:
        merged.to_local["resources"] = merged.base["resources"] = theirs["resources"]
    else:
        conflicts.append(FieldConflict("resources", None, mine["resources"],
                                       theirs["resources"]))
        merged.base["resources"] = None
    merged.conflicts = conflicts
    return merged


def link_record(desk: Desk, s: Session, record_id: str, package: dict[str, Any]) -> int:
    """Link ``record_id`` to ``package`` (in the caller's remote session); the number of
    conflicts opened. The record is not dirty afterwards: what differs waits for the
    user, and the catalog is not written to because of a link."""
    from desktop.sync.memory import catalog_memory

    record = local_dataset(desk, s, record_id)
    if record is None:
        raise LookupError(record_id)
    merged = first_contact(normalize(record), remote_values(package_to_dataset(package)))
    apply_to_local(desk, s, record, merged.to_local)
    added = store_conflicts(s, record_id, merged.conflicts)
    state = sync_record(s, record_id)
    state.remote_id, state.remote_name = package["id"], package["name"]
    state.remote_modified = package.get("metadata_modified")
    state.base = {**merged.base, **catalog_memory(package)}
    state.dirty, state.error = False, None
    return added
