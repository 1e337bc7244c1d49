"""A local dataset record <-> a CKAN package dict, as pure functions.

Core CKAN slots take what they can (title, notes, licence, tags, resources, maintainer);
the Satu Data fields with no slot go in ``extras`` under stable keys, always as strings.
``desk_id`` carries the local UUID so the engine can tell its own dataset from a
stranger's that happens to share a name. Extras the catalog has that we do not manage
(another tool's, a portal admin's) are carried over untouched when we write.

What is not mapped on purpose: ``opd_id`` (it becomes ``owner_org`` through the OPD's
link, which the engine resolves), ``status_verifikasi`` (the office's own workflow) and
``portal_url`` (the engine derives it from the catalog address and the name).

A package someone else made may lack the Satu Data extras: its sifat data then comes from
what the catalog shows, and a private package is never taken for *terbuka* (a later
push would otherwise open it). Updates send only what changed here
(:func:`package_update`), so a value the catalog has and this register cannot hold (a
frequency it does not know, a licence it lacks) is never replaced by a default.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.core.choices import SIFAT_DATA
from desktop.sync.licences import from_ckan_licence, to_ckan_licence

DESK_ID_KEY = "desk_id"
SIFAT_KEY = "sifat_data"
PRIVATE_SIFAT = "terbatas"  # a private package without a (known) sifat: at least this
PRODUSEN_KEY = "produsen_data"
TAG_RE = re.compile(r"[^\w .-]+", re.UNICODE)


@dataclass(frozen=True)
class Codec:
    """How a local value becomes an extras string and back (empty means absent)."""

    dump: Callable[[Any], str]
    load: Callable[[str], Any]


def _load_int(text: str) -> int | None:
    try:
        return int(text.strip())
    except ValueError:
        return None


def _load_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _dump_date(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


TEXT = Codec(str, lambda s: s)
INTEGER = Codec(str, _load_int)
DAY = Codec(_dump_date, _load_date)
# a portal's "ya"/"1" for personal data is taken as yes: reading it as no could open it
FLAG = Codec(lambda v: "true" if v else "false",
             lambda s: s.strip().lower() in {"true", "1", "ya", "yes", "y"})
LIST = Codec(lambda v: ",".join(v), lambda s: [p.strip() for p in s.split(",") if p.strip()])

# local field -> (extras key, codec); the keys are a published contract: never rename
EXTRAS: dict[str, tuple[str, Codec]] = {
    "walidata": ("walidata", TEXT),
    "frekuensi": ("frekuensi", TEXT),
    "tingkat_penyajian": ("tingkat_penyajian", TEXT),
    "satuan": ("satuan", TEXT),
    "konsep": ("konsep", TEXT),
    "definisi": ("definisi", TEXT),
    "klasifikasi": ("klasifikasi", TEXT),
    "ukuran": ("ukuran", TEXT),
    "tahun": ("tahun", INTEGER),
    "periode": ("periode", TEXT),
    "cakupan_kode": ("cakupan", TEXT),
    "format": ("format", LIST),
    "sifat_data": ("sifat_data", TEXT),
    "dasar_pengecualian": ("dasar_pengecualian", TEXT),
    "tanggal_rilis": ("tanggal_rilis", DAY),
    "terakhir_diperbarui": ("terakhir_diperbarui", DAY),
    "data_pribadi": ("data_pribadi", FLAG),
}
CORE = {"judul": "title", "deskripsi": "notes", "kontak_nama": "maintainer",
        "kontak_email": "maintainer_email"}
MANAGED_EXTRAS = {key for key, _ in EXTRAS.values()} | {DESK_ID_KEY, PRODUSEN_KEY}
MAPPED_FIELDS = (*CORE, *EXTRAS, "lisensi", "tags", "resources")


@dataclass(frozen=True)
class PackageTarget:
    """Where and how the dataset goes: decided by the engine, not by the record."""

    name: str
    owner_org: str
    produsen_data: str
    private: bool


@dataclass(frozen=True)
class RemoteDataset:
    """A package read back: local values plus what the engine keys and compares on."""

    values: dict[str, Any]
    remote_id: str
    name: str
    owner_org: str | None
    produsen_data: str | None
    desk_id: str | None
    private: bool
    state: str
    metadata_modified: str


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags CKAN accepts (2-100 of letters, digits, space, ``-_.``), first spelling kept."""
    result: list[str] = []
    for tag in tags:
        cleaned = " ".join(TAG_RE.sub(" ", tag or "").split())[:100]
        if len(cleaned) >= 2 and cleaned.lower() not in {t.lower() for t in result}:
            result.append(cleaned)
    return result


def _resource(local: Mapping[str, Any]) -> dict[str, Any]:
    resource = {"name": local.get("nama") or "", "url": local.get("url") or "",
                "format": local.get("format") or "", "description": local.get("deskripsi") or ""}
    if local.get("remote_id"):
        resource["id"] = local["remote_id"]  # keeps the catalog's id and creation date
    return resource


def dataset_to_package(values: Mapping[str, Any], local_id: str, target: PackageTarget, *,
                       foreign_extras: Iterable[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """The full package dict for ``package_create`` or a full replace.

    ``foreign_extras`` are the catalog's current extras; those we do not manage survive.
    """
    extras = [{"key": str(e["key"]), "value": str(e.get("value") or "")}
              for e in foreign_extras if e.get("key") not in MANAGED_EXTRAS]
    extras.append({"key": DESK_ID_KEY, "value": local_id})
    if target.produsen_data:
        extras.append({"key": PRODUSEN_KEY, "value": target.produsen_data})
    for field, (key, codec) in EXTRAS.items():
        value = values.get(field)
        if not _empty(value):
            extras.append({"key": key, "value": codec.dump(value)})
    package: dict[str, Any] = {ckan: values.get(local) or "" for local, ckan in CORE.items()}
    package.update({
        "name": target.name, "owner_org": target.owner_org, "private": target.private,
        "license_id": to_ckan_licence(values.get("lisensi")) or "",
        "tags": [{"name": t} for t in clean_tags(values.get("tags") or [])],
        "extras": sorted(extras, key=lambda e: e["key"]),
        "resources": [_resource(r) for r in values.get("resources") or []],
    })
    return package


def package_update(changes: Mapping[str, Any], catalog_extras: Iterable[Mapping[str, Any]],
                   local_id: str) -> dict[str, Any]:
    """The ``package_revise`` update for the fields changed here, and for nothing else.

    ``changes`` are normalized values (see ``values.normalize``) of the changed fields
    only; ``catalog_extras`` the package's extras as the catalog last had them. Extras are
    one list on the catalog, so they go back whole: the catalog's own entries unchanged,
    only the changed keys replaced, and our ``desk_id`` added where it is missing (how
    other workstations know the dataset).
    """
    update: dict[str, Any] = {ckan: changes[local] or "" for local, ckan in CORE.items()
                              if local in changes}
    if "lisensi" in changes:
        update["license_id"] = to_ckan_licence(changes["lisensi"]) or ""
    if "tags" in changes:
        update["tags"] = [{"name": t} for t in clean_tags(changes["tags"] or [])]
    if "resources" in changes:
        update["resources"] = [_resource({**r, "remote_id": r.get("remote_id") or r.get("id")})
                               for r in changes["resources"] or []]
    extras = [{"key": str(e["key"]), "value": str(e.get("value") or "")} for e in catalog_extras]
    changed = {EXTRAS[f][0]: f for f in changes if f in EXTRAS}
    has_desk_id = any(e["key"] == DESK_ID_KEY for e in extras)
    if changed or not has_desk_id:
        kept = [e for e in extras if e["key"] not in changed]
        for key, name in changed.items():
            if not _empty(changes[name]):
                kept.append({"key": key, "value": EXTRAS[name][1].dump(changes[name])})
        if not has_desk_id:
            kept.append({"key": DESK_ID_KEY, "value": local_id})
        update["extras"] = sorted(kept, key=lambda e: e["key"])
    return update


def package_to_dataset(package: Mapping[str, Any]) -> RemoteDataset:
    """Local values from a package dict (fields the package lacks come back as None)."""
    extras = {e["key"]: str(e.get("value") or "") for e in package.get("extras") or []}
    values: dict[str, Any] = {local: package.get(ckan) or None for local, ckan in CORE.items()}
    values.update(_NO_EXTRAS)  # then only the extras present are decoded (a pull's hot loop)
    for key, text in extras.items():
        decoder = _DECODERS.get(key)
        if decoder is not None and text:
            values[decoder[0]] = decoder[1](text)
    values["format"] = values["format"] or []
    values["data_pribadi"] = bool(values["data_pribadi"])
    if values["sifat_data"] not in SIFAT_DATA:  # none, or one this register does not know
        values["sifat_data"] = PRIVATE_SIFAT if package.get("private") else None
    values["lisensi"] = from_ckan_licence(package.get("license_id"))
    values["tags"] = [tag["name"] for tag in package.get("tags") or []]
    values["resources"] = [
        {"nama": r.get("name") or "", "url": r.get("url") or None,
         "format": r.get("format") or None, "deskripsi": r.get("description") or None,
         "remote_id": r.get("id")}
        for r in package.get("resources") or []]
    return RemoteDataset(
        values=values, remote_id=package["id"], name=package["name"],
        owner_org=package.get("owner_org"), produsen_data=extras.get(PRODUSEN_KEY) or None,
        desk_id=extras.get(DESK_ID_KEY) or None, private=bool(package.get("private")),
        state=package.get("state") or "active",
        metadata_modified=package.get("metadata_modified") or "")


_NO_EXTRAS: dict[str, Any] = dict.fromkeys(EXTRAS)
_DECODERS = {key: (field, codec.load) for field, (key, codec) in EXTRAS.items()}


def organization_for_opd(opd: Mapping[str, Any]) -> dict[str, str]:
    """An OPD as a CKAN organization dict (name from its abbreviation, else its name)."""
    from desktop.sync.naming import slugify

    name = slugify(opd.get("singkatan") or opd.get("nama") or "", 100)
    if len(name) < 2:
        name = slugify(f"opd-{opd.get('kode') or ''}", 100)
    return {"name": name, "title": opd.get("nama") or name,
            "description": opd.get("alamat") or ""}
