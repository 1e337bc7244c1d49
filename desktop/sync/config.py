"""How to reach the catalog: the settings the client needs, checked before any request.

Where the values are kept is elsewhere (URL and user in the database,
``catalog_settings``; the token in the environment or the OS keyring, ``token``); this
module only states what a working connection needs and refuses what would be unsafe (a
token over plain http to a remote host, a header name a proxy would mangle) with a
message the user can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from desktop import __version__
from desktop.core.i18n import t
from desktop.sync.backoff import RetryPolicy
from desktop.sync.errors import CatalogConfigError

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
HEADER_NAME_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")
API_SUFFIXES = ("/api/3/action", "/api/action", "/api/3", "/api")


def normalize_base_url(url: str) -> str:
    """The site root (``https://data.example.go.id``) from whatever the user pasted.

    Plain http is allowed only to this machine: anywhere else the token would cross the
    network readable by anyone on the way.
    """
    text = (url or "").strip()
    parts = urlsplit(text)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise CatalogConfigError(t("Alamat katalog tidak valid: {url}. Contoh: "
                                   "https://data.contoh.go.id", url=text or "-"))
    if parts.username or parts.password:
        raise CatalogConfigError(t("Alamat katalog tidak boleh memuat nama pengguna atau "
                                   "kata sandi; isi token di kolom token."))
    if parts.scheme == "http" and parts.hostname not in LOCAL_HOSTS:
        raise CatalogConfigError(t("Alamat katalog harus memakai https:// (http:// hanya "
                                   "untuk localhost), agar token tidak terkirim terbuka: "
                                   "{url}", url=text))
    path = parts.path.rstrip("/")
    for suffix in API_SUFFIXES:
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


@dataclass(frozen=True)
class CatalogConfig:
    """Everything the client needs except the token (which never lives in settings).

    ``write_interval`` is the polite pause between writes: bulk writers have been
    throttled at about five writes a second, so the default stays below that.
    """

    base_url: str
    user_name: str = ""
    token_header: str = "Authorization"
    ca_bundle: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    write_interval: float = 0.25
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    user_agent: str = f"diskominfo-desk/{__version__}"

    def __post_init__(self) -> None:
        object.__setattr__(self, "base_url", normalize_base_url(self.base_url))
        if not HEADER_NAME_RE.match(self.token_header or ""):
            raise CatalogConfigError(t("Nama header token tidak valid: {name}",
                                       name=self.token_header or "-"))
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            raise CatalogConfigError(t("Berkas sertifikat CA tidak ditemukan: {path}",
                                       path=self.ca_bundle))

    @property
    def timeout(self) -> tuple[float, float]:
        return (self.connect_timeout, self.read_timeout)

    def action_url(self, action: str) -> str:
        return f"{self.base_url}/api/3/action/{action}"
