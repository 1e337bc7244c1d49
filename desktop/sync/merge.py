"""Field-level three-way merge against the last-synced copy.

A field only one side changed takes that side's value; a field both sides changed to the
same value is no conflict; a field both changed differently is a conflict, and neither
value wins until a person says so (the local value stays local, the catalog keeps its
own). With no last-synced copy (first contact with a dataset both sides already hold),
every differing field is a conflict rather than a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    field: str
    base: Any
    local: Any
    remote: Any


@dataclass
class MergeResult:
    """``to_local``: remote changes to apply here; ``to_remote``: local changes to send."""

    to_local: dict[str, Any] = field(default_factory=dict)
    to_remote: dict[str, Any] = field(default_factory=dict)
    conflicts: list[FieldConflict] = field(default_factory=list)
    base: dict[str, Any] = field(default_factory=dict)  # the new last-synced copy

    @property
    def clean(self) -> bool:
        return not self.conflicts


def three_way(base: Mapping[str, Any] | None, local: Mapping[str, Any],
              remote: Mapping[str, Any]) -> MergeResult:
    result = MergeResult()
    for name in local.keys() | remote.keys():
        mine, theirs = local.get(name), remote.get(name)
        if base is None:
            ancestor, known = None, False
        else:
            ancestor, known = base.get(name), True
        if mine == theirs:
            result.base[name] = mine
        elif known and mine == ancestor:
            result.to_local[name] = theirs
            result.base[name] = theirs
        elif known and theirs == ancestor:
            result.to_remote[name] = mine
            result.base[name] = ancestor  # stays a pending local change until pushed
        else:
            result.conflicts.append(FieldConflict(name, ancestor, mine, theirs))
            result.base[name] = ancestor
    return result
