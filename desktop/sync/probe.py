""""Test connection": is the server a CKAN, is the token really this user's, where may we write.

An invalid token is not an error in CKAN (the request runs as anonymous), so a probe that
only reads would call a wrong token fine; ``api_token_list`` for the configured user is
the one cheap call that fails unless the token belongs to that user.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import t
from desktop.sync.client import CatalogClient
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogConfigError,
    CatalogIdentityError,
    CatalogNotFoundError,
    CatalogTokenMissingError,
)


@dataclass(frozen=True)
class WritableOrganization:
    id: str
    name: str
    title: str
    capacity: str


@dataclass(frozen=True)
class ConnectionReport:
    ckan_version: str
    extensions: tuple[str, ...]
    user_name: str
    organizations: tuple[WritableOrganization, ...]

    @property
    def has_showcase(self) -> bool:
        return "showcase" in self.extensions


def check_connection(client: CatalogClient) -> ConnectionReport:
    """Raise a readable ``CatalogError`` for the first thing wrong, else the report."""
    status = client.status_show()
    user = client.config.user_name.strip()
    if not user:
        raise CatalogConfigError(t("Nama pengguna katalog belum diisi."))
    if not client.has_token:
        raise CatalogTokenMissingError(t("Token katalog belum diisi; simpan token di "
                                         "Pengaturan > Katalog."))
    try:
        client.api_token_list(user)
    except CatalogNotFoundError:
        raise CatalogIdentityError(t("Pengguna {user} tidak dikenal oleh server katalog.",
                                     user=user)) from None
    except CatalogAuthorizationError:
        raise CatalogIdentityError(t("Token tidak berlaku atau bukan milik pengguna {user}.",
                                     user=user)) from None
    orgs = client.organization_list_for_user(user, "create_dataset")
    return ConnectionReport(
        ckan_version=str(status.get("ckan_version") or "?"),
        extensions=tuple(status.get("extensions") or ()),
        user_name=user,
        organizations=tuple(WritableOrganization(o["id"], o["name"], o.get("title") or o["name"],
                                                 o.get("capacity") or "")
                            for o in orgs))
