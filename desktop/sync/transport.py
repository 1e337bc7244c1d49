"""The HTTP session: certificates always verified, against the OS trust store.

Offices often sit behind a TLS-intercepting proxy whose CA is installed in Windows or
macOS but not in certifi's bundle; ``truststore`` asks the operating system instead. An
optional CA file (the office CA, exported) is added on top, never in place of it.
"""

from __future__ import annotations

import ssl
from typing import Any

import requests
from requests.adapters import HTTPAdapter

from desktop.core.i18n import t
from desktop.sync.errors import CatalogConfigError


def trust_context(ca_bundle: str | None = None) -> ssl.SSLContext:
    """An SSL context verifying against the OS store, plus ``ca_bundle`` when given."""
    import truststore

    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_bundle:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise CatalogConfigError(t("Berkas sertifikat CA tidak dapat dibaca: {path} "
                                       "({error})", path=ca_bundle, error=exc)) from exc
    return context


class TrustStoreAdapter(HTTPAdapter):
    """An adapter whose connection pools use our SSL context (verification stays on)."""

    def __init__(self, context: ssl.SSLContext, **kwargs: Any) -> None:
        self._context = context
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(*args, **kwargs)


def build_session(ca_bundle: str | None, user_agent: str) -> requests.Session:
    """A session that retries nothing by itself (the client's loop decides)."""
    session = requests.Session()
    session.verify = True
    session.mount("https://", TrustStoreAdapter(trust_context(ca_bundle), max_retries=0))
    session.mount("http://", HTTPAdapter(max_retries=0))
    session.headers["User-Agent"] = user_agent
    session.headers["Accept"] = "application/json"
    return session
