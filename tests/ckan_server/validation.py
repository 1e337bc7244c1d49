"""The checks CKAN's default dataset schema makes, and the dict it stores afterwards.

Only what a client can trip over is modelled: name rules and uniqueness, the sysadmin-only
``id``, the owner organization, tags, extras and resources. Unknown top-level keys and
read-only keys (``metadata_modified``, ``organization``...) are silently dropped, as CKAN
does; fields a full replace does not send are gone afterwards.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from .errors import Invalid, NotAuthorized
from .store import Store, User

NAME_RE = re.compile(r"^[a-z0-9_-]+$")
TAG_RE = re.compile(r"^[\w \-.]+$", re.UNICODE)
TEXT_FIELDS = ("title", "notes", "author", "author_email", "maintainer", "maintainer_email",
               "url", "version", "license_id")
CORE_FIELDS = {"id", "name", "title", "notes", "owner_org", "private", "state", "type",
               "license_id", "author", "author_email", "maintainer", "maintainer_email",
               "url", "version", "extras", "tags", "resources", "groups"}
LICENSES = {
    "cc-by": ("Creative Commons Attribution", True),
    "cc-by-sa": ("Creative Commons Attribution Share-Alike", True),
    "cc-zero": ("Creative Commons CCZero", True),
    "cc-nc": ("Creative Commons Non-Commercial (Any)", False),
    "odc-by": ("Open Data Commons Attribution License", True),
    "odc-odbl": ("Open Data Commons Open Database License (ODbL)", True),
    "odc-pddl": ("Open Data Commons Public Domain Dedication and License (PDDL)", True),
    "other-open": ("Other (Open)", True),
    "other-closed": ("Other (Not Open)", False),
    "notspecified": ("License not specified", False),
}


def name_errors(name: Any, store: Store, own_id: str | None) -> list[str]:
    if not isinstance(name, str) or not name:
        return ["Missing value"]
    problems = []
    if len(name) < 2:
        problems.append("Must be at least 2 characters long")
    if len(name) > 100:
        problems.append("Name must be a maximum of 100 characters long")
    if not NAME_RE.match(name):
        problems.append("Must be purely lowercase alphanumeric (ascii) characters and these "
                        "symbols: -_")
    holder = store.names.get(name)
    if not problems and holder and holder != own_id \
            and store.packages[holder]["state"] != "deleted":
        problems.append("That URL is already in use.")
    return problems


def tag_list(data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The tags (from ``tags`` or ``tag_string``) and their per-item errors."""
    raw = data.get("tags")
    if raw is None and isinstance(data.get("tag_string"), str):
        raw = [{"name": n.strip()} for n in data["tag_string"].split(",") if n.strip()]
    tags, errors = [], []
    for item in raw or []:
        name = item.get("name") if isinstance(item, dict) else None
        problems = []
        if not isinstance(name, str) or not name:
            problems.append("Missing value")
        else:
            if len(name) < 2:
                problems.append(f'Tag "{name}" length is less than minimum 2')
            if not TAG_RE.match(name):
                problems.append(f'Tag "{name}" must be alphanumeric characters or symbols: -_.')
        errors.append({"name": problems} if problems else {})
        if not problems:
            tags.append({"name": name, "display_name": name, "id": f"tag-{name}",
                         "state": "active", "vocabulary_id": None})
    return tags, errors


def extras_list(data: dict[str, Any]) -> tuple[list[dict[str, str]], dict[str, Any]]:
    extras, item_errors, problems = [], [], {}
    seen: set[str] = set()
    for item in data.get("extras") or []:
        key = item.get("key") if isinstance(item, dict) else None
        if not key:
            item_errors.append({"key": ["Missing value"]})
            continue
        if key in CORE_FIELDS:
            item_errors.append({"key": ["There is a schema field with the same name"]})
            continue
        if key in seen:
            problems["extras_validation"] = [f'Duplicate key "{key}"']
        seen.add(key)
        item_errors.append({})
        value = item.get("value")
        extras.append({"key": key, "value": "" if value is None else str(value)})
    if any(item_errors):
        problems["extras"] = item_errors
    return sorted(extras, key=lambda e: e["key"]), problems


def resource_list(data: dict[str, Any], package_id: str, old: dict[str, Any] | None,
                  now: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    old_by_id = {r["id"]: r for r in (old or {}).get("resources", [])}
    resources, errors = [], []
    for position, item in enumerate(data.get("resources") or []):
        if not isinstance(item, dict):
            errors.append({"url": ["Missing value"]})
            continue
        errors.append({})
        previous = old_by_id.get(item.get("id") or "")
        resource = {k: v for k, v in item.items()
                    if k not in {"package_id", "position", "created", "metadata_modified"}}
        resource.update({
            "id": item.get("id") or str(uuid.uuid4()), "package_id": package_id,
            "position": position, "url": str(item.get("url") or ""),
            "name": item.get("name") or "", "description": item.get("description") or "",
            "format": str(item.get("format") or "").upper(),
            "created": previous["created"] if previous else now,
            "last_modified": item.get("last_modified"), "metadata_modified": now,
            "state": "active"})
        for key in ("mimetype", "size", "url_type", "hash"):
            resource.setdefault(key, None)
        resources.append(resource)
    return resources, errors


def check_write_access(store: Store, user: User | None, org_id: str | None,
                       action: str) -> None:
    if user is None:
        raise NotAuthorized(f"User  not authorized to {action}")
    if org_id is None:
        return
    if store.capacity(user, org_id) < 2:
        raise NotAuthorized(f"User {user.name} not authorized to add dataset to this "
                            "organization")


def build_package(store: Store, data: dict[str, Any], user: User | None, *,
                  old: dict[str, Any] | None, require_owner_org: bool) -> dict[str, Any]:
    """Validate ``data`` as a full dataset dict (create, or the full replace of ``old``)."""
    errors: dict[str, Any] = {}
    if old is None and "id" in data and not (user and user.sysadmin):
        errors["id"] = ["The input field id was not expected."]
    package_id = old["id"] if old else (data.get("id") or str(uuid.uuid4()))
    if old is None and package_id in store.packages:
        errors["id"] = ["Dataset id already exists"]
    name = data.get("name", old["name"] if old else None)
    if problems := name_errors(name, store, package_id):
        errors["name"] = problems
    org = store.find_organization(data.get("owner_org"))
    if data.get("owner_org") and org is None:
        errors["owner_org"] = ["Organization does not exist"]
    elif org is None and require_owner_org:
        errors["owner_org"] = ["An organization must be provided"]
    check_write_access(store, user, org["id"] if org else None,
                       "edit package" if old else "create packages")
    tags, tag_errors = tag_list(data)
    if any(tag_errors):
        errors["tags"] = tag_errors
    extras, extra_errors = extras_list(data)
    errors.update(extra_errors)
    now = store.clock.now_iso()
    resources, resource_errors = resource_list(data, package_id, old, now)
    if any(resource_errors):
        errors["resources"] = resource_errors
    private = data.get("private", False)
    if isinstance(private, str):
        private = private.strip().lower() in {"true", "1", "yes"}
    if private and org is None:
        errors["private"] = ["Datasets with no organization can't be private."]
    if errors:
        raise Invalid(errors)
    license_id = data.get("license_id") or ""
    license_title, is_open = LICENSES.get(license_id, (license_id, False))
    package: dict[str, Any] = {field: str(data.get(field) or "") for field in TEXT_FIELDS}
    package.update({
        "id": package_id, "name": name, "title": data.get("title") or name,
        "owner_org": org["id"] if org else None,
        "organization": store.organization_summary(org) if org else None,
        "private": bool(private), "state": data.get("state") or "active",
        "type": data.get("type") or "dataset", "license_id": license_id or None,
        "license_title": license_title or None, "isopen": is_open,
        "metadata_created": old["metadata_created"] if old else now,
        "metadata_modified": now,
        "creator_user_id": old["creator_user_id"] if old else (user.id if user else None),
        "extras": extras, "tags": tags, "num_tags": len(tags),
        "resources": resources, "num_resources": len(resources), "groups": [],
        "relationships_as_object": [], "relationships_as_subject": []})
    return package
