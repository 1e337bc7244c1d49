"""Where the catalog token comes from: the environment (headless runs), else the keyring.

The token is a password in all but name: it never goes to the settings file, the
database or a log line. ``DISKOMINFO_DESK_CATALOG_TOKEN`` wins so a scheduled headless
sync can run where no keyring exists; the GUI stores what the user types in the keyring
(or, with none available, for this session only, and says so).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import Enum

from desktop.core import secrets

TOKEN_ENV = "DISKOMINFO_DESK_CATALOG_TOKEN"


class TokenOrigin(Enum):
    ENVIRONMENT = "environment"
    KEYRING = "keyring"


@dataclass(frozen=True)
class CatalogToken:
    value: str
    origin: TokenOrigin

    def __repr__(self) -> str:  # never print the secret, even in a traceback
        return f"CatalogToken(origin={self.origin.value}, value=<hidden>)"

    __str__ = __repr__


def load_token(base_url: str, user_name: str) -> CatalogToken | None:
    """The token to use for this catalog and user, or None when there is none."""
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return CatalogToken(from_env, TokenOrigin.ENVIRONMENT)
    stored = secrets.read_secret(secrets.catalog_token_name(base_url, user_name))
    return CatalogToken(stored, TokenOrigin.KEYRING) if stored else None


def save_token(base_url: str, user_name: str, token: str) -> bool:
    """True if the keyring keeps it; False if it is kept for this session only."""
    return secrets.store_secret(secrets.catalog_token_name(base_url, user_name), token.strip())


def forget_token(base_url: str, user_name: str) -> None:
    secrets.delete_secret(secrets.catalog_token_name(base_url, user_name))
