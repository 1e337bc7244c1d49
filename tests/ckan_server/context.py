"""What an action sees: the store, the caller (None: anonymous) and the server's settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .store import Store, User

DEFAULT_EXTENSIONS = ("envvars", "activity", "datastore", "datapusher", "image_view",
                      "text_view", "recline_view", "webpage_view")


@dataclass
class ServerOptions:
    """How this catalog is configured; each field a knob a real portal has."""

    ckan_version: str = "2.10.4"
    token_header: str = "Authorization"  # read by 2.11 only (apitoken_header_name)
    showcase: bool = False
    showcase_admins: set[str] = field(default_factory=set)
    rows_max: int = 1000
    organization_list_max: int = 1000
    organization_all_fields_max: int = 25
    require_owner_org: bool = True
    index_deleted: bool = False
    drop_fq: bool = False  # a proxy in front that loses the fq parameter
    broken_index: bool = False  # package_search finds nothing; package_list still works
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS

    def plugin_names(self) -> list[str]:
        return [*self.extensions, *(["showcase"] if self.showcase else [])]


@dataclass
class Context:
    store: Store
    user: User | None
    options: ServerOptions

    @property
    def user_name(self) -> str:
        """How CKAN names the caller in messages: empty for anonymous (hence "User  not")."""
        return self.user.name if self.user else ""


def int_param(data: dict[str, Any], key: str, default: int | None) -> int | None:
    from .errors import Invalid

    value = data.get(key)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Invalid({key: ["Invalid integer"]}) from None
    if number < 0:
        raise Invalid({key: ["Must be a natural number"]})
    return number
