"""What can go wrong talking to the catalog, as typed errors a person can read.

Every error is a ``DeskError`` whose message is already translated and says what to do.
``retryable`` tells the client's retry loop whether trying again can help (throttling,
a server or proxy hiccup, a lost connection), never for what the server refused on the
merits (validation, authorization, not found). The CKAN detail stays in ``detail`` for
the log and for "copy debug info".
"""

from __future__ import annotations

from typing import Any

from desktop.core.errors import DeskError


class CatalogError(DeskError):
    """Base of every catalog failure."""

    retryable = False

    def __init__(self, message: str, *, action: str | None = None, status: int | None = None,
                 detail: str = "", retry_after: float | None = None) -> None:
        super().__init__(message)
        self.action = action
        self.status = status
        self.detail = detail
        self.retry_after = retry_after


class CatalogConfigError(CatalogError):
    """The settings cannot work (bad URL, plain http to a remote host, missing CA file)."""


class CatalogTokenMissingError(CatalogConfigError):
    """No token in the environment, the keyring or this session."""


class CatalogUnreachableError(CatalogError):
    """No answer: connection refused, reset or lost (a write may or may not have happened)."""

    retryable = True


class CatalogTimeoutError(CatalogUnreachableError):
    """The server took longer than the timeout."""


class CatalogTLSError(CatalogUnreachableError):
    """The certificate could not be verified; retrying will not fix a trust problem."""

    retryable = False


class CatalogResponseError(CatalogError):
    """An answer that is not CKAN's envelope (unreadable, empty, a redirect)."""

    def __init__(self, message: str, *, retryable: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retryable = retryable


class CatalogProxyError(CatalogResponseError):
    """An HTML page, usually from a proxy or gateway in front of CKAN."""


class CatalogRedirectError(CatalogResponseError):
    """The server redirects; the token is not sent on to another address."""


class CatalogFilterIgnoredError(CatalogResponseError):
    """A search came back unfiltered: something between us and CKAN dropped ``fq``."""


class CatalogBadRequestError(CatalogError):
    """CKAN's bare-string 400 (bad JSON, wrong method)."""


class CatalogUnknownActionError(CatalogBadRequestError):
    """The action does not exist there: usually a plugin (showcase) not installed."""


class CatalogPluginMissingError(CatalogError):
    """The server's ``status_show`` does not list a plugin the call needs."""


class CatalogAuthorizationError(CatalogError):
    """403: no right to do this, or a wrong token (CKAN then runs us as anonymous)."""


class CatalogIdentityError(CatalogAuthorizationError):
    """The token does not belong to the configured user."""


class CatalogNotFoundError(CatalogError):
    """404: no such dataset, organization or user (or it was purged)."""


class CatalogSearchError(CatalogError):
    """The search query was refused (Search Query Error / Search Error)."""


class CatalogServerError(CatalogError):
    """5xx from CKAN or its gateway; worth retrying."""

    retryable = True


class CatalogThrottledError(CatalogServerError):
    """429: the server asks us to slow down (``retry_after`` seconds, when it says)."""


class CatalogValidationError(CatalogError):
    """409 Validation Error; ``errors`` maps a field path to CKAN's messages."""

    def __init__(self, message: str, errors: dict[str, list[str]], *,
                 raw: dict[str, Any] | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.errors = errors
        self.raw = raw or {}

    @property
    def name_in_use(self) -> bool:
        """The create failed because the dataset name exists (adopt it if it is ours)."""
        return any("already in use" in m for m in self.errors.get("name", []))


class CatalogMatchError(CatalogValidationError):
    """``package_revise`` refused: the dataset changed since we saw it (``fields`` differ)."""

    @property
    def fields(self) -> list[str]:
        return self.errors.get("match", [])
