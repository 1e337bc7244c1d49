"""An application record <-> a ckanext-showcase dict, as pure functions.

A showcase is a public page, so only what a citizen may read goes there: name, what it
does, its address, owner OPD, type, service, audience, platform, status and year. The
contact's NIP, the stack, the funding and the recommendation letter stay in the office.
Showcases drop unknown top-level keys, so every field without a core slot is an extra;
``image_url`` is always sent because the plugin's update fails without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.sync.mapping import DESK_ID_KEY, INTEGER, LIST, TEXT, Codec

OWNER_KEY = "opd_pemilik"
APP_EXTRAS: dict[str, tuple[str, Codec]] = {
    "singkatan": ("singkatan", TEXT),
    "jenis": ("jenis_aplikasi", TEXT),
    "layanan": ("layanan", TEXT),
    "sasaran": ("sasaran", LIST),
    "platform": ("platform", LIST),
    "status": ("status_aplikasi", TEXT),
    "tahun": ("tahun", INTEGER),
}
LIST_FIELDS = ("sasaran", "platform")


@dataclass(frozen=True)
class RemoteShowcase:
    values: dict[str, Any]
    remote_id: str
    name: str
    owner_name: str | None
    desk_id: str | None
    image_url: str


def app_to_showcase(values: Mapping[str, Any], local_id: str, *, name: str,
                    owner_name: str, image_url: str = "",
                    remote_id: str | None = None) -> dict[str, Any]:
    """The full showcase dict for create, or (with ``remote_id``) for the full-replace update."""
    extras = [{"key": DESK_ID_KEY, "value": local_id}]
    if owner_name:
        extras.append({"key": OWNER_KEY, "value": owner_name})
    for field, (key, codec) in APP_EXTRAS.items():
        value = values.get(field)
        if value not in (None, "", []):
            extras.append({"key": key, "value": codec.dump(value)})
    showcase: dict[str, Any] = {
        "name": name, "title": values.get("nama") or name,
        "notes": values.get("deskripsi") or "", "url": values.get("url") or "",
        "image_url": image_url, "extras": sorted(extras, key=lambda e: e["key"])}
    if remote_id:
        showcase["id"] = remote_id
    return showcase


def showcase_to_app(showcase: Mapping[str, Any]) -> RemoteShowcase:
    extras = {e["key"]: str(e.get("value") or "") for e in showcase.get("extras") or []}
    values: dict[str, Any] = {"nama": showcase.get("title") or None,
                              "deskripsi": showcase.get("notes") or None,
                              "url": showcase.get("url") or None}
    for field, (key, codec) in APP_EXTRAS.items():
        text = extras.get(key, "")
        values[field] = codec.load(text) if text else ([] if field in LIST_FIELDS else None)
    return RemoteShowcase(values=values, remote_id=showcase["id"], name=showcase["name"],
                          owner_name=extras.get(OWNER_KEY) or None,
                          desk_id=extras.get(DESK_ID_KEY) or None,
                          image_url=showcase.get("image_url") or "")
