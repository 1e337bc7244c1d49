"""What the test catalog holds: users and their tokens, organizations, datasets, showcases.

Kept in plain dicts behind one lock, the way CKAN keeps them in its database: datasets
are stored in the form ``package_show`` returns, names stay reserved by deleted datasets
until a new dataset takes the name (the old row is then renamed to its id), and every
timestamp is a naive UTC ISO string with microseconds from a clock that never repeats.
"""

from __future__ import annotations

import copy
import secrets
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

CAPACITY_RANK = {"member": 1, "editor": 2, "admin": 3}


def iso(moment: datetime) -> str:
    """CKAN's timestamp form: naive UTC, always with microseconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")


@dataclass
class User:
    id: str
    name: str
    sysadmin: bool = False
    tokens: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "sysadmin": self.sysadmin,
                "state": "active", "display_name": self.name, "fullname": self.name}


class Clock:
    """Strictly increasing UTC time, so two writes never share a ``metadata_modified``."""

    def __init__(self) -> None:
        self._last = datetime(2000, 1, 1)

    def now(self) -> datetime:
        moment = datetime.now(UTC).replace(tzinfo=None)
        if moment <= self._last:
            moment = self._last + timedelta(microseconds=1)
        self._last = moment
        return moment

    def now_iso(self) -> str:
        return iso(self.now())


class Store:
    """The catalog's state; callers hold ``lock`` around anything that reads then writes."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.clock = Clock()
        self.users: dict[str, User] = {}
        self.tokens: dict[str, str] = {}
        self.organizations: dict[str, dict[str, Any]] = {}
        self.members: dict[str, dict[str, str]] = {}
        self.packages: dict[str, dict[str, Any]] = {}
        self.names: dict[str, str] = {}
        self.showcases: dict[str, dict[str, Any]] = {}
        self.showcase_links: set[tuple[str, str]] = set()

    # users and tokens -------------------------------------------------------------------
    def add_user(self, name: str, *, sysadmin: bool = False) -> str:
        """Create a user with one API token; returns the token."""
        with self.lock:
            user = User(id=str(uuid.uuid4()), name=name, sysadmin=sysadmin)
            self.users[name] = user
            return self.new_token(name)

    def new_token(self, user_name: str, token_name: str = "desk") -> str:
        with self.lock:
            token = secrets.token_urlsafe(32)
            user = self.users[user_name]
            user.tokens.append({"id": str(uuid.uuid4()), "name": token_name,
                                "user_id": user.id, "created_at": self.clock.now_iso(),
                                "last_access": None})
            self.tokens[token] = user_name
            return token

    def user_for_token(self, token: str | None) -> User | None:
        """The token's owner, or None: CKAN runs an unknown token as anonymous."""
        if not token:
            return None
        name = self.tokens.get(token.strip())
        return self.users.get(name) if name else None

    def find_user(self, ref: str) -> User | None:
        return self.users.get(ref) or next(
            (u for u in self.users.values() if u.id == ref), None)

    # organizations ----------------------------------------------------------------------
    def add_organization(self, name: str, *, title: str | None = None,
                         members: dict[str, str] | None = None) -> dict[str, Any]:
        with self.lock:
            org = {"id": str(uuid.uuid4()), "name": name, "title": title or name,
                   "display_name": title or name, "description": "", "image_url": "",
                   "created": self.clock.now_iso(), "state": "active", "type": "organization",
                   "is_organization": True, "approval_status": "approved",
                   "num_followers": 0, "package_count": 0}
            self.organizations[org["id"]] = org
            self.members[org["id"]] = dict(members or {})
            return copy.deepcopy(org)

    def find_organization(self, ref: str | None) -> dict[str, Any] | None:
        if not ref:
            return None
        if ref in self.organizations:
            return self.organizations[ref]
        return next((o for o in self.organizations.values() if o["name"] == ref), None)

    def capacity(self, user: User | None, org_id: str) -> int:
        """The user's rank in the organization (0: none); sysadmins rank above admins."""
        if user is None:
            return 0
        if user.sysadmin:
            return 99
        return CAPACITY_RANK.get(self.members.get(org_id, {}).get(user.name, ""), 0)

    def organization_summary(self, org: dict[str, Any]) -> dict[str, Any]:
        keys = ("id", "name", "title", "description", "image_url", "created", "type",
                "state", "is_organization", "approval_status")
        return {k: org[k] for k in keys}

    # packages ---------------------------------------------------------------------------
    def find_package(self, ref: str | None) -> dict[str, Any] | None:
        if not ref:
            return None
        if ref in self.packages:
            return self.packages[ref]
        package_id = self.names.get(ref)
        return self.packages.get(package_id) if package_id else None

    def free_name_for(self, name: str) -> None:
        """A deleted dataset gives its name up to a new one: its row is renamed to its id."""
        old_id = self.names.get(name)
        if old_id and self.packages[old_id]["state"] == "deleted":
            old = self.packages[old_id]
            old["name"] = old_id
            del self.names[name]
            self.names[old_id] = old_id

    def put_package(self, package: dict[str, Any]) -> None:
        with self.lock:
            old = self.packages.get(package["id"])
            if old and old["name"] != package["name"]:
                self.names.pop(old["name"], None)
            self.packages[package["id"]] = package
            self.names[package["name"]] = package["id"]

    def purge_package(self, package_id: str) -> None:
        with self.lock:
            package = self.packages.pop(package_id)
            self.names.pop(package["name"], None)
            self.showcase_links = {p for p in self.showcase_links if p[1] != package_id}

    def seed_packages(self, count: int, *, org: str, prefix: str = "seed",
                      private: bool = False, same_timestamp: bool = False,
                      resources: int = 1) -> list[str]:
        """Add ``count`` valid datasets without validation or HTTP; returns their ids.

        ``same_timestamp`` gives them all one ``metadata_modified`` (a bulk import in one
        transaction), the case that breaks paging by timestamp alone.
        """
        with self.lock:
            organization = self.find_organization(org)
            if organization is None:
                raise KeyError(org)
            shared = self.clock.now_iso()
            start = len(self.packages)
            ids = []
            for i in range(count):
                stamp = shared if same_timestamp else self.clock.now_iso()
                package_id = str(uuid.uuid4())
                name = f"{prefix}-{start + i:06d}"
                package = {
                    "id": package_id, "name": name, "title": f"Dataset {prefix} {start + i}",
                    "notes": "Data contoh untuk pengujian.", "owner_org": organization["id"],
                    "organization": self.organization_summary(organization),
                    "private": private, "state": "active", "type": "dataset",
                    "license_id": "cc-by", "license_title": "Creative Commons Attribution",
                    "author": "", "author_email": "", "maintainer": "", "maintainer_email": "",
                    "url": "", "version": "", "metadata_created": stamp,
                    "metadata_modified": stamp, "creator_user_id": None,
                    "extras": [{"key": "frekuensi", "value": "tahunan"}],
                    "tags": [{"name": "contoh", "display_name": "contoh", "id": "tag-contoh",
                              "state": "active", "vocabulary_id": None}],
                    "groups": [], "relationships_as_object": [],
                    "relationships_as_subject": [], "num_tags": 1,
                    "resources": [], "num_resources": 0, "isopen": True,
                }
                package["resources"] = [
                    {"id": str(uuid.uuid4()), "package_id": package_id, "position": r,
                     "url": f"https://data.example.invalid/{name}/{r}.csv", "name": f"Tabel {r}",
                     "format": "CSV", "description": "", "created": stamp,
                     "last_modified": None, "metadata_modified": stamp, "state": "active",
                     "mimetype": None, "size": None, "url_type": None, "hash": ""}
                    for r in range(resources)]
                package["num_resources"] = resources
                self.put_package(package)
                ids.append(package_id)
            return ids
