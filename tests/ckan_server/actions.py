"""CKAN's core actions as the test catalog answers them (datasets, organizations, users).

Each action takes the caller's context and the request's data dict and returns the
``result`` of the envelope, or raises one of the error forms in ``errors``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

from .context import Context, int_param
from .errors import Invalid, NotAuthorized, NotFound
from .search import package_search as run_search
from .search import truthy
from .validation import build_package, check_write_access, name_errors

Action = Callable[[Context, dict[str, Any]], Any]
PERMISSION_RANK = {"read": 1, "create_dataset": 2, "update_dataset": 2, "delete_dataset": 2,
                   "manage_group": 3}


def status_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    return {"site_title": "Portal Satu Data (uji)", "site_url": "http://127.0.0.1",
            "site_description": "", "error_emails_to": None, "locale_default": "id",
            "ckan_version": ctx.options.ckan_version,
            "extensions": ctx.options.plugin_names()}


def _readable_package(ctx: Context, ref: Any) -> dict[str, Any]:
    package = ctx.store.find_package(ref if isinstance(ref, str) else None)
    if package is None:
        raise NotFound()
    hidden = package["private"] or package["state"] != "active"
    if hidden and (package["owner_org"] is None
                   or ctx.store.capacity(ctx.user, package["owner_org"]) < 1):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to read package "
                            f"{package['id']}")
    return package


def package_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    return _readable_package(ctx, data.get("id") or data.get("name_or_id"))


def package_search(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    if ctx.options.drop_fq:
        data = {k: v for k, v in data.items() if k != "fq"}
    if ctx.options.broken_index:
        return {"count": 0, "results": [], "sort": data.get("sort"), "facets": {},
                "search_facets": {}}
    return run_search(ctx.store, ctx.user, data, rows_max=ctx.options.rows_max,
                      index_deleted=ctx.options.index_deleted)


def package_list(ctx: Context, data: dict[str, Any]) -> list[str]:
    limit = int_param(data, "limit", None)
    offset = int_param(data, "offset", 0) or 0
    names = sorted(p["name"] for p in ctx.store.packages.values()
                   if p["state"] == "active" and not p["private"] and p["type"] == "dataset")
    return names[offset:offset + limit if limit is not None else None]


def package_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    if ctx.user is None:
        raise NotAuthorized("User  not authorized to create packages")
    package = build_package(ctx.store, data, ctx.user, old=None,
                            require_owner_org=ctx.options.require_owner_org)
    return _save(ctx, package)


def _save(ctx: Context, package: dict[str, Any]) -> dict[str, Any]:
    """Store a validated dataset; a deleted dataset holding its name is renamed to its id."""
    if ctx.store.names.get(package["name"], package["id"]) != package["id"]:
        ctx.store.free_name_for(package["name"])
    ctx.store.put_package(package)
    return package


def _writable_package(ctx: Context, ref: Any) -> dict[str, Any]:
    package = ctx.store.find_package(ref if isinstance(ref, str) else None)
    if package is None:
        raise NotFound()
    check_write_access(ctx.store, ctx.user, package["owner_org"], "edit package")
    if package["owner_org"] is None and not (ctx.user and ctx.user.sysadmin):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to edit package "
                            f"{package['id']}")
    return package


def _replace(ctx: Context, old: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    package = build_package(ctx.store, data, ctx.user, old=old,
                            require_owner_org=ctx.options.require_owner_org)
    return _save(ctx, package)


def package_update(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """A full replace: whatever ``data`` leaves out (resources too) is gone afterwards."""
    old = _writable_package(ctx, data.get("id") or data.get("name"))
    return _replace(ctx, old, {k: v for k, v in data.items() if k != "id"})


def package_patch(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    old = _writable_package(ctx, data.get("id") or data.get("name"))
    merged = {**copy.deepcopy(old), **{k: v for k, v in data.items() if k != "id"}}
    merged.pop("id")
    return _replace(ctx, old, merged)


def _json_dict(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key) or {}
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise Invalid({key: ["Invalid JSON object"]}) from None
    if not isinstance(value, dict):
        raise Invalid({key: ["Invalid JSON object"]})
    for flat, item in data.items():
        if flat.startswith(f"{key}__"):
            value[flat.removeprefix(f"{key}__")] = item
    return dict(value)


def _deep_merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _deep_merge(target[key], value)
        else:
            target[key] = value


def package_revise(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    """Apply ``update`` only if ``match`` equals the stored values (under the store lock)."""
    match = _json_dict(data, "match")
    update = _json_dict(data, "update")
    ref = match.get("id") or match.get("name")
    if not ref:
        raise Invalid({"match": ["Missing id or name"]})
    old = _writable_package(ctx, ref)
    mismatched = [k for k, v in match.items() if old.get(k) != v]
    if mismatched:
        raise Invalid({"message": "Original dataset does not match", "match": mismatched})
    revised = copy.deepcopy(old)
    for pattern in data.get("filter") or []:
        if isinstance(pattern, str) and pattern.startswith("-"):
            revised.pop(pattern[1:], None)
    _deep_merge(revised, update)
    revised.pop("id")
    return {"package": _replace(ctx, old, revised)}


def package_delete(ctx: Context, data: dict[str, Any]) -> None:
    """Soft delete: state only; ``metadata_modified`` stays, the index forgets the dataset."""
    package = _writable_package(ctx, data.get("id"))
    package["state"] = "deleted"


def package_purge(ctx: Context, data: dict[str, Any]) -> None:
    package = ctx.store.find_package(data.get("id"))
    if package is None:
        raise NotFound()
    if not (ctx.user and ctx.user.sysadmin):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to purge package")
    ctx.store.purge_package(package["id"])


def _organization_dict(ctx: Context, org: dict[str, Any]) -> dict[str, Any]:
    count = sum(1 for p in ctx.store.packages.values()
                if p["owner_org"] == org["id"] and p["state"] == "active")
    return {**org, "package_count": count}


def organization_list(ctx: Context, data: dict[str, Any]) -> list[Any]:
    """Names (at most 1000 a call) or, with ``all_fields``, dicts (at most 25 a call)."""
    all_fields = truthy(data.get("all_fields"))
    cap = (ctx.options.organization_all_fields_max if all_fields
           else ctx.options.organization_list_max)
    limit = min(int_param(data, "limit", cap) or 0, cap)
    offset = int_param(data, "offset", 0) or 0
    orgs = sorted((o for o in ctx.store.organizations.values() if o["state"] == "active"),
                  key=lambda o: (o["title"].lower(), o["name"]))
    page = orgs[offset:offset + limit]
    return [_organization_dict(ctx, o) if all_fields else o["name"] for o in page]


def organization_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    org = ctx.store.find_organization(data.get("id"))
    if org is None:
        raise NotFound("Organization not found")
    result = _organization_dict(ctx, org)
    result["users"] = [{"name": n, "capacity": c}
                       for n, c in sorted(ctx.store.members[org["id"]].items())]
    return result


def organization_create(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    if not (ctx.user and ctx.user.sysadmin):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to create organizations")
    name = data.get("name")
    problems = name_errors(name, ctx.store, None)
    if not problems and ctx.store.find_organization(name):
        problems = ["Group name already exists in database"]
    if problems:
        raise Invalid({"name": problems})
    return ctx.store.add_organization(name, title=data.get("title"),
                                      members={ctx.user.name: "admin"})


def organization_list_for_user(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """Where a user holds ``permission`` (default ``manage_group``: admins only)."""
    target = ctx.store.find_user(data["id"]) if data.get("id") else ctx.user
    if target is None:
        return []
    rank = PERMISSION_RANK.get(data.get("permission") or "manage_group", 3)
    result = []
    for org in sorted(ctx.store.organizations.values(), key=lambda o: o["name"]):
        held = ctx.store.members[org["id"]].get(target.name)
        if target.sysadmin or ctx.store.capacity(target, org["id"]) >= rank:
            result.append({**_organization_dict(ctx, org), "capacity": held or "admin"})
    return result


def api_token_list(ctx: Context, data: dict[str, Any]) -> list[dict[str, Any]]:
    """403 unless the caller is the named user (or a sysadmin): how a client proves a token."""
    ref = data.get("user") or data.get("user_id") or ""
    target = ctx.store.find_user(ref)
    if ctx.user is None or (target is not None and target.name != ctx.user.name
                            and not ctx.user.sysadmin):
        raise NotAuthorized(f"User {ctx.user_name} not authorized to list api tokens")
    if target is None:
        raise NotFound("User not found")
    return target.tokens


def user_show(ctx: Context, data: dict[str, Any]) -> dict[str, Any]:
    target = ctx.store.find_user(data.get("id") or "")
    if target is None:
        raise NotFound("User not found")
    return target.as_dict()


CORE_ACTIONS: dict[str, Action] = {
    f.__name__: f for f in (
        status_show, package_show, package_search, package_list, package_create,
        package_update, package_patch, package_revise, package_delete, package_purge,
        organization_list, organization_show, organization_create,
        organization_list_for_user, api_token_list, user_show)
}
WRITE_ACTIONS = {"package_create", "package_update", "package_patch", "package_revise",
                 "package_delete", "package_purge", "organization_create"}
