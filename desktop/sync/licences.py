"""Local licence labels (``CC-BY-4.0``) to CKAN licence ids (``cc-by``) and back.

Only licences both sides know are translated; anything else travels unchanged both ways
(CKAN accepts any ``license_id``), so a round trip never alters what the user typed.
"""

from __future__ import annotations

LOCAL_TO_CKAN = {
    "CC-BY-4.0": "cc-by",
    "CC-BY-SA-4.0": "cc-by-sa",
    "CC0-1.0": "cc-zero",
    "CC-BY-NC-4.0": "cc-nc",
    "ODC-BY-1.0": "odc-by",
    "ODbL-1.0": "odc-odbl",
    "PDDL-1.0": "odc-pddl",
}
CKAN_TO_LOCAL = {ckan: local for local, ckan in LOCAL_TO_CKAN.items()}


def to_ckan_licence(local: str | None) -> str | None:
    if not local:
        return None
    return LOCAL_TO_CKAN.get(local, local)


def from_ckan_licence(license_id: str | None) -> str | None:
    if not license_id:
        return None
    return CKAN_TO_LOCAL.get(license_id, license_id)
