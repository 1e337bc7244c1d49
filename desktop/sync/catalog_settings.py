"""Where the catalog's address and user live: the ``sync_setting`` table of the database.

In the database rather than in each workstation's settings file because the office
syncs one register with one catalog: every desk on a shared PostgreSQL sees the same
address, user name and publish policy. The token is never here (keyring or environment).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from desktop.core.database import Database
from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.models.sync import SyncSetting
from desktop.sync.config import CatalogConfig


@dataclass(frozen=True)
class CatalogSettings:
    catalog_url: str = ""
    catalog_user: str = ""
    catalog_token_header: str = "Authorization"
    catalog_ca_bundle: str = ""
    catalog_write_interval: float = 0.25
    catalog_allow_private: bool = False


def _parse(kind: type, raw: str) -> Any:
    if kind is bool or kind == "bool":
        return raw.strip().lower() in {"1", "true", "yes", "ya"}
    if kind is float or kind == "float":
        return float(raw)
    return raw


def load_catalog_settings(db: Database) -> CatalogSettings:
    with db.session() as s:
        stored = {row.key: row.value for row in s.query(SyncSetting)}
    values: dict[str, Any] = {}
    for f in fields(CatalogSettings):
        if f.name in stored:
            try:
                values[f.name] = _parse(f.type if isinstance(f.type, type) else str(f.type),
                                        stored[f.name])
            except ValueError:
                continue
    return CatalogSettings(**values)


def save_catalog_settings(db: Database, **changes: Any) -> CatalogSettings:
    """Store the given settings (names of :class:`CatalogSettings` fields)."""
    known = {f.name for f in fields(CatalogSettings)}
    with db.session() as s:
        for key, value in changes.items():
            if key not in known:
                raise KeyError(key)
            text_value = str(value).lower() if isinstance(value, bool) else str(value)
            row = s.get(SyncSetting, key)
            if row is None:
                s.add(SyncSetting(key=key, value=text_value))
            else:
                row.value = text_value
    return load_catalog_settings(db)


def catalog_config(settings: CatalogSettings, *, url: str | None = None,
                   user: str | None = None, **overrides: Any) -> CatalogConfig:
    """A client config from the stored settings, with command-line overrides."""
    base_url = url or settings.catalog_url
    if not base_url:
        raise DeskError(t("Alamat katalog belum diatur; berikan --catalog URL sekali, "
                          "alamat itu lalu diingat."))
    options: dict[str, Any] = {"token_header": settings.catalog_token_header or "Authorization",
                               "write_interval": settings.catalog_write_interval}
    if settings.catalog_ca_bundle:
        options["ca_bundle"] = settings.catalog_ca_bundle
    options.update(overrides)
    return CatalogConfig(base_url, user if user is not None else settings.catalog_user,
                         **options)
