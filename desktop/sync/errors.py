"""What can go wrong talking to the catalog, as typed errors a person can read.

Every error is a ``DeskError`` whose message is already translated and says what to do.
``retryable`` tells the client's retry loop whether trying again can help (throttling,
a server or proxy hiccup, a lost connection), never for what the server refused on the
merits (validation, authorization, not found). The CKAN detail stays in ``detail`` for
the log and for "copy debug info".
"""

from __future__ import annotations

import re
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.sync.ckan_text import explain, quote

# CKAN's auth messages read "User %s not authorized to ..."; a token CKAN does not know
# makes the request anonymous, so the name is empty ("User  not authorized").
AUTH_USER_RE = re.compile(r"\bUser\s(\S*?)\s*not authori[sz]ed", re.IGNORECASE)


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

    def reword(self, message: str) -> None:
        """Replace the message (a retry loop adding how long it tried, say)."""
        self.message = message
        self.args = (message,)

    def about(self, title: str) -> str:
        """The message for the run log, naming the dataset (or app) it concerns."""
        return t('"{title}": {message}', title=title, message=self.message)


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

    @property
    def user(self) -> str | None:
        """The user CKAN ran the request as ("" for anonymous), when its text says."""
        found = AUTH_USER_RE.search(self.detail or "")
        return found.group(1) if found else None

    @property
    def anonymous(self) -> bool:
        """CKAN did not recognise the token (or got none): the request ran as a guest."""
        return self.user == ""

    def about(self, title: str) -> str:
        return t('Katalog menolak "{title}": pengguna {user} tidak berhak mengubah dataset '
                 'ini atau organisasinya ({detail}).', title=title, user=self.user or "-",
                 detail=quote(self.detail or "-"))


class CatalogTokenRejectedError(CatalogAuthorizationError):
    """A write ran as anonymous or as another user: the token is wrong, expired or
    revoked. Nothing else will succeed either, so the run stops at the first one."""


class CatalogIdentityError(CatalogAuthorizationError):
    """The token does not belong to the configured user."""


class CatalogNotFoundError(CatalogError):
    """404: no such dataset, organization or user (or it was purged)."""

    def about(self, title: str) -> str:
        return t('"{title}" tidak ditemukan di katalog ({detail}).', title=title,
                 detail=quote(self.detail) if self.detail else self.action or "-")


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

    @property
    def reason(self) -> str:
        """Each refused field with CKAN's own words quoted (and explained when known)."""
        return field_reasons(self.errors)

    def about(self, title: str) -> str:
        return t('Katalog menolak "{title}": {reason}', title=title, reason=self.reason)


class CatalogMatchError(CatalogValidationError):
    """``package_revise`` refused: the dataset changed since we saw it (``fields`` differ)."""

    @property
    def fields(self) -> list[str]:
        return self.errors.get("match", [])

    def about(self, title: str) -> str:
        return t('"{title}": {message}', title=title, message=self.message)


def field_label(name: str) -> str:
    """A CKAN field path in the user's words where it is a well-known one."""
    labels = {"name": t("alamat (nama) dataset"), "title": t("judul"),
              "owner_org": t("organisasi"), "notes": t("deskripsi"),
              "license_id": t("lisensi"), "message": t("pesan")}
    return labels.get(name, name)


def field_reasons(errors: dict[str, list[str]]) -> str:
    """``name: alamat ... («That URL is already in use.»); title: ...``."""
    return "; ".join(f"{field_label(name)}: {', '.join(explain(m) for m in messages)}"
                     for name, messages in errors.items()) or "-"


def describe(error: BaseException, title: str) -> str:
    """What the run log says about one record: ``error``'s reason naming ``title``."""
    if isinstance(error, CatalogError):
        return error.about(title)
    message = getattr(error, "message", None) or str(error)
    return t('"{title}": {message}', title=title, message=message)
