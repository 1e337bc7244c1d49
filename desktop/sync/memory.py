"""What the last-synced copy of a dataset keeps beside its compared values.

The pull writes it when a package comes in, the push when a package goes out, and the
linking when a local record is matched to a package: one definition for all three, so
the push can send back the catalog's own extras untouched.
"""

from __future__ import annotations

from typing import Any

# kept beside the last-synced copy (not compared by the merge): the package's extras as
# the catalog has them (ours and others'; before 0005 only others'), and its private flag
FOREIGN = "_foreign_extras"
PRIVATE = "_private"


def catalog_extras(package: dict[str, Any]) -> list[dict[str, Any]]:
    """Every extra of the package as the catalog has it: an update sends them back with
    only the keys changed here replaced (``dataset_to_package`` keeps the foreign ones)."""
    return [{"key": e["key"], "value": e.get("value")} for e in package.get("extras") or []]


def catalog_memory(package: dict[str, Any]) -> dict[str, Any]:
    """What the last-synced copy keeps of a package beside its compared values."""
    return {FOREIGN: catalog_extras(package), PRIVATE: bool(package.get("private"))}
