"""ckanext-showcase's actions, present only when the server enables the plugin.

Quirks kept: no ``owner_org``; unknown top-level keys dropped (use ``extras``); update is a
full replace that fails without ``image_url``; delete purges and wants ``id``; the list
of a showcase's datasets silently stops at 100.
"""

from __future__ import annotations

import uuid
from typing import Any

from .actions import Action
from .context import Context
from .errors import Invalid, NotAuthorized, NotFound
from .validation import extras_list, name_errors, tag_list

SHOWCASE_FIELDS = ("title", "notes", "url", "image_url", "author", "author_email")
PACKAGE_LIST_CAP = 100


def _require_admin(ctx: Context, verb: str) -> None:
    user = ctx.user
    if user is None or not (user.sysadmin or user.name in ctx.options.showcase_admins):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to {verb} showcase")


def _find(ctx: Context, ref: Any) -> dict[str, Any]:
    store = ctx.store
    showcase = store.showcases.get(ref) if isinstance(ref, str) else None
    showcase = showcase or next((s for s in store.showcases.values() if s["name"] == ref), None)
    if showcase is None:
        raise NotFound("Showcase not found")
    return showcase


def _build(ctx: Context, data: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
    showcase_id = old["id"] if old else str(uuid.uuid4())
    errors: dict[str, Any] = {}
    name = data.get("name", old["name"] if old else None)
    problems = name_errors(name, ctx.store, None)
    taken = any(s["name"] == name and s["id"] != showcase_id
                for s in ctx.store.showcases.values())
    if not problems and taken:
        problems = ["That URL is already in use."]
    if problems:
        errors["name"] = problems
    if old is not None and "image_url" not in data:
        errors["image_url"] = ["Missing value"]
    tags, tag_errors = tag_list(data)
    if any(tag_errors):
        errors["tags"] = tag_errors
    extras, extra_errors = extras_list(data)
    errors.update(extra_errors)
    if errors:
        raise Invalid(errors)
    now = ctx.store.clock.now_iso()
    showcase = {field: str(data.get(field) or "") for field in SHOWCASE_FIELDS}
    showcase.update({"id": showcase_id, "name": name, "title": data.get("title") or name,
                     "type": "showcase", "state": "active", "private": False,
                     "owner_org": None, "extras": extras, "tags": tags,
                     "num_tags": len(tags), "image_display_url": showcase["image_url"],
                     "metadata_created": old["metadata_created"] if old else now,
                     "metadata_modified": now})
    ctx.store.showcases[showcase_id] = showcase
    return showcase


def ckanext_showcase_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    _require_admin(ctx, "create")
    return _build(ctx, data, None)


def ckanext_showcase_update(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    _require_admin(ctx, "update")
    return _build(ctx, data, _find(ctx, data.get("id") or data.get("name")))


def ckanext_showcase_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    showcase = _find(ctx, data.get("id"))
    count = sum(1 for s, _ in ctx.store.showcase_links if s == showcase["id"])
    return {**showcase, "num_datasets": count}


def ckanext_showcase_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(ctx.store.showcases.values(), key=lambda s: s["name"])


def ckanext_showcase_delete(ctx: Context, data: dict[str, Any]) -> None:
    """Purges at once (no soft delete), and only by ``id``."""
    _require_admin(ctx, "delete")
    if not data.get("id"):
        raise Invalid({"id": ["Missing value"]})
    showcase = _find(ctx, data["id"])
    del ctx.store.showcases[showcase["id"]]
    ctx.store.showcase_links = {p for p in ctx.store.showcase_links if p[0] != showcase["id"]}


def _pair(ctx: Context, data: dict[str, Any]) -> tuple[str, str]:
    showcase = _find(ctx, data.get("showcase_id"))
    package = ctx.store.find_package(data.get("package_id"))
    if package is None:
        raise NotFound("Package not found")
    return showcase["id"], package["id"]


def ckanext_showcase_package_association_create(ctx: Context,
                                                 data: dict[str, Any]) -> dict[str, str]:
    _require_admin(ctx, "add datasets to")
    pair = _pair(ctx, data)
    if pair in ctx.store.showcase_links:
        raise Invalid({"message": "ShowcasePackageAssociation with package_id "
                       f"{pair[1]} and showcase_id {pair[0]} already exists."})
    ctx.store.showcase_links.add(pair)
    return {"showcase_id": pair[0], "package_id": pair[1]}


def ckanext_showcase_package_association_delete(ctx: Context, data: dict[str, Any]) -> None:
    _require_admin(ctx, "remove datasets from")
    pair = _pair(ctx, data)
    if pair not in ctx.store.showcase_links:
        raise NotFound("ShowcasePackageAssociation not found")
    ctx.store.showcase_links.discard(pair)


def ckanext_showcase_package_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    showcase = _find(ctx, data.get("showcase_id"))
    ids = sorted(p for s, p in ctx.store.showcase_links if s == showcase["id"])
    packages = [ctx.store.packages[i] for i in ids
                if ctx.store.packages[i]["state"] == "active"]
    return packages[:PACKAGE_LIST_CAP]


def ckanext_package_showcase_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    package = ctx.store.find_package(data.get("package_id"))
    if package is None:
        raise NotFound("Package not found")
    return [ctx.store.showcases[s] for s, p in sorted(ctx.store.showcase_links)
            if p == package["id"]]


SHOWCASE_ACTIONS: dict[str, Action] = {
    f.__name__: f for f in (
        ckanext_showcase_create, ckanext_showcase_update, ckanext_showcase_show,
        ckanext_showcase_list, ckanext_showcase_delete,
        ckanext_showcase_package_association_create,
        ckanext_showcase_package_association_delete, ckanext_showcase_package_list,
        ckanext_package_showcase_list)
}
SHOWCASE_WRITES = {"ckanext_showcase_create", "ckanext_showcase_update",
                   "ckanext_showcase_delete", "ckanext_showcase_package_association_create",
                   "ckanext_showcase_package_association_delete"}
