"""The catalog's action API, one method per action the sync engine uses.

Every call has a timeout, goes through one retry loop (backoff for 429, 5xx and lost
connections, honouring ``Retry-After``; never for what the server refused on the merits)
and comes back as the ``result`` or a typed ``CatalogError``. Writes keep a polite pace.
Redirects are not followed: a redirect to another host would carry a custom token header
along (requests strips only ``Authorization``), so the user is asked to fix the URL.

Writes are retried after a lost connection too; the engine keeps them idempotent (creates
by a name derived from the local id, updates by ``package_revise`` on the last seen
``metadata_modified``), so a write that did land the first time fails cleanly the second.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import requests

from desktop.core.i18n import t
from desktop.sync.backoff import describe_wait
from desktop.sync.ckan_text import quote
from desktop.sync.config import CatalogConfig
from desktop.sync.envelope import read_result
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogConfigError,
    CatalogError,
    CatalogPluginMissingError,
    CatalogTimeoutError,
    CatalogTLSError,
    CatalogTokenMissingError,
    CatalogTokenRejectedError,
    CatalogUnreachableError,
)
from desktop.sync.token import CatalogToken, load_token
from desktop.sync.transport import build_session

log = logging.getLogger(__name__)
SEARCH_ROWS_MAX = 1000
ORGANIZATION_PAGE_MAX = 25
PULL_SORT = "metadata_modified asc, id asc"
WAIT_SLICE = 1.0  # seconds between ``on_wait`` calls during a retry's wait


class CatalogClient:
    """A connection to one CKAN catalog as one user; safe to reuse, not to share threads."""

    def __init__(self, config: CatalogConfig, token: str | CatalogToken | None = None, *,
                 session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._token = _checked_token(token.value if isinstance(token, CatalogToken) else token)
        self._session = session or build_session(config.ca_bundle, config.user_agent)
        self._sleep = sleep
        self._monotonic = monotonic
        self._last_write: float | None = None
        self._status: dict[str, Any] | None = None
        self.server_date: str | None = None  # HTTP Date of the last answer (server clock)
        # told each retry's wait, in the user's language (the CLI prints it, the GUI shows
        # it as progress); never gets the token
        self.on_retry: Callable[[str], None] | None = None
        self.last_search_count = 0
        # called while a retry waits (the sync engine's lock heartbeat), so a run stuck in
        # retries is never taken for a dead one; may run on the prefetching thread
        self.on_wait: Callable[[], None] | None = None

    @classmethod
    def from_keyring(cls, config: CatalogConfig, **kwargs: Any) -> CatalogClient:
        """A client with the stored token (environment first, then the keyring)."""
        return cls(config, load_token(config.base_url, config.user_name), **kwargs)

    def __repr__(self) -> str:
        return f"CatalogClient({self.config.base_url!r}, user={self.config.user_name!r})"

    @property
    def has_token(self) -> bool:
        return bool(self._token)

    def close(self) -> None:
        self._session.close()

    # the one road to the server ----------------------------------------------------------
    def call(self, action: str, data: dict[str, Any] | None = None, *,
             write: bool = False, attempts: int | None = None) -> Any:
        """POST ``data`` to ``action``; the result, after retries, or a ``CatalogError``.

        ``attempts`` overrides the policy's count (1: no retry, for a quick probe). Each
        wait is announced through ``on_retry`` in the user's language with its real
        length; an error given up on says how many tries and how long it took in all.
        """
        if write and not self._token:
            raise CatalogTokenMissingError(t("Token katalog belum diisi; simpan token di "
                                             "Pengaturan > Katalog."), action=action)
        policy = self.config.retry
        tries = attempts or policy.attempts
        started = self._monotonic()
        retry = 0
        while True:
            if write:
                self._keep_pace()
            try:
                return self._attempt(action, data or {})
            except CatalogAuthorizationError as error:
                if write and self._token_rejected(error):
                    raise CatalogTokenRejectedError(
                        t("Katalog menolak token: penulisan berjalan sebagai {who}, bukan "
                          "sebagai pengguna katalog yang diatur. Periksa token (mungkin salah, "
                          "kedaluwarsa atau dicabut) lalu simpan ulang di Pengaturan > "
                          "Katalog. Sinkronisasi dihentikan. Jawaban server: {detail}",
                          who=t("tamu tanpa hak") if error.anonymous else error.user,
                          detail=quote(error.detail or "-")),
                        action=action, status=error.status, detail=error.detail) from None
                raise
            except CatalogError as error:
                if not error.retryable or policy.gives_up_on(error.retry_after):
                    raise
                if retry + 1 >= tries:
                    if retry:
                        error.reword(t("{message} Sudah dicoba {attempts} kali selama {wait}.",
                                       message=error.message, attempts=retry + 1,
                                       wait=describe_wait(self._monotonic() - started)))
                    raise
                wait = policy.delay(retry, error.retry_after)
                log.info("catalog %s failed (%s, HTTP %s); retry %d in %.2f s", action,
                         type(error).__name__, error.status, retry + 1, wait)
                self._announce_retry(error, wait, retry + 2, tries)
                self._wait(wait)
                retry += 1
            finally:
                if write:
                    self._last_write = self._monotonic()

    def _token_rejected(self, error: CatalogAuthorizationError) -> bool:
        """A write refused because it ran as a guest or as somebody else: the token."""
        user = error.user
        return error.anonymous or bool(self.config.user_name and user
                                       and user.lower() != self.config.user_name.lower())

    def _announce_retry(self, error: CatalogError, wait: float, attempt: int,
                        tries: int) -> None:
        if self.on_retry is None:
            return
        if isinstance(error, CatalogTimeoutError):
            reason = t("tidak menjawab dalam {seconds} detik",
                       seconds=f"{self.config.read_timeout:g}")
        elif isinstance(error, CatalogUnreachableError):
            reason = t("koneksi terputus")
        else:
            reason = f"HTTP {error.status}" if error.status else type(error).__name__
        if error.retry_after:
            message = t("Katalog belum bisa melayani ({reason}) dan meminta menunggu; mencoba "
                        "lagi dalam {wait} (percobaan {attempt} dari {tries}).", reason=reason,
                        wait=describe_wait(wait), attempt=attempt, tries=tries)
        else:
            message = t("Katalog belum bisa melayani ({reason}); mencoba lagi dalam {wait} "
                        "(percobaan {attempt} dari {tries}).", reason=reason,
                        wait=describe_wait(wait), attempt=attempt, tries=tries)
        self.on_retry(message)

    def _attempt(self, action: str, data: dict[str, Any]) -> Any:
        headers = {self.config.token_header: self._token} if self._token else {}
        started = time.perf_counter()
        try:
            response = self._session.post(self.config.action_url(action), json=data,
                                          headers=headers, timeout=self.config.timeout,
                                          allow_redirects=False)
        except requests.exceptions.SSLError as exc:
            raise CatalogTLSError(
                t("Sertifikat server katalog tidak dapat diverifikasi. Jika kantor memakai "
                  "proksi atau CA sendiri, isi berkas sertifikat CA di Pengaturan."),
                action=action, detail=_reason(exc)) from None
        except requests.exceptions.Timeout as exc:
            raise CatalogTimeoutError(
                t("Server katalog tidak menjawab dalam {seconds} detik.",
                  seconds=f"{self.config.read_timeout:g}"),
                action=action, detail=_reason(exc)) from None
        except (requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError) as exc:
            raise CatalogUnreachableError(
                t("Tidak dapat terhubung ke server katalog {url}; periksa jaringan.",
                  url=self.config.base_url), action=action, detail=_reason(exc)) from None
        except requests.exceptions.InvalidHeader:  # its text would quote the token
            raise CatalogConfigError(t("Token katalog memuat karakter yang tidak sah; salin "
                                       "ulang token dari portal."), action=action) from None
        except requests.exceptions.InvalidURL as exc:
            raise CatalogConfigError(t("Alamat katalog tidak valid: {url}. Contoh: "
                                       "https://data.contoh.go.id", url=self.config.base_url),
                                     action=action, detail=_reason(exc)) from None
        log.debug("catalog %s -> HTTP %s in %.0f ms", action, response.status_code,
                  (time.perf_counter() - started) * 1000)
        self.server_date = response.headers.get("Date")  # the pull's watermark clock
        return read_result(response, action)

    def _wait(self, seconds: float) -> None:
        """Sleep before a retry; with ``on_wait`` set, in slices with a call between them,
        so a two-minute Retry-After keeps the caller's heartbeat fresh."""
        if self.on_wait is None:
            self._sleep(seconds)
            return
        remaining = seconds
        while remaining > 0:
            self.on_wait()
            step = min(remaining, WAIT_SLICE)
            self._sleep(step)
            remaining -= step
        self.on_wait()

    def _keep_pace(self) -> None:
        if self._last_write is None or self.config.write_interval <= 0:
            return
        wait = self._last_write + self.config.write_interval - self._monotonic()
        if wait > 0:
            self._sleep(wait)

    # status and identity ------------------------------------------------------------------
    def status_show(self) -> dict[str, Any]:
        """Version and plugins; cached for :meth:`has_plugin`."""
        self._status = self.call("status_show")
        return self._status

    def ping(self) -> bool:
        """One quick ``status_show`` without retries: the Online/Offline probe."""
        try:
            self._status = self.call("status_show", attempts=1)
        except CatalogError as error:
            log.info("catalog offline: %s", error.detail or type(error).__name__)
            return False
        return True

    def has_plugin(self, name: str) -> bool:
        status = self._status if self._status is not None else self.status_show()
        return name in (status.get("extensions") or [])

    def api_token_list(self, user_name: str) -> list[dict[str, Any]]:
        """403 unless our token belongs to ``user_name``: how a token is verified."""
        # 2.9 reads ``user_id``, later versions ``user``; CKAN ignores the key it does not use
        return self.call("api_token_list", {"user": user_name, "user_id": user_name})

    # datasets -----------------------------------------------------------------------------
    def package_show(self, ref: str) -> dict[str, Any]:
        return self.call("package_show", {"id": ref})

    def package_search(self, *, q: str = "*:*", fq: str | None = None,
                       sort: str = PULL_SORT, rows: int = SEARCH_ROWS_MAX, start: int = 0,
                       include_private: bool = True, include_drafts: bool = False
                       ) -> dict[str, Any]:
        """One page; ``rows`` above 1000 would be silently cut by the server, so it is here."""
        data: dict[str, Any] = {"q": q, "sort": sort, "rows": min(rows, SEARCH_ROWS_MAX),
                                "start": start, "include_private": include_private,
                                "include_drafts": include_drafts}
        if fq:
            data["fq"] = fq
        result = self.call("package_search", data)
        self.last_search_count = int(result.get("count") or 0)  # a walk's progress total
        return result

    def package_list(self, *, limit: int = 1000, offset: int = 0) -> list[str]:
        return self.call("package_list", {"limit": limit, "offset": offset})

    def package_create(self, package: dict[str, Any]) -> dict[str, Any]:
        """Create; give a ``name`` derived from the local record so a retry is harmless."""
        return self.call("package_create", package, write=True)

    def package_update(self, package: dict[str, Any]) -> dict[str, Any]:
        """Full replace. Refused here without ``resources``: CKAN would delete them all."""
        if "resources" not in package:
            raise ValueError("package_update replaces the whole dataset: send its resources")
        return self.call("package_update", package, write=True)

    def package_revise(self, package_id: str, last_modified: str, update: dict[str, Any],
                       *, filter: list[str] | None = None) -> dict[str, Any]:
        """Update only if nobody changed the dataset since ``last_modified``; the new dict.

        Raises ``CatalogMatchError`` when someone did (fetch, merge, try again).
        """
        data: dict[str, Any] = {"match": {"id": package_id, "metadata_modified": last_modified},
                                "update": update}
        if filter:
            data["filter"] = filter
        return self.call("package_revise", data, write=True)["package"]

    def package_delete(self, package_id: str) -> None:
        self.call("package_delete", {"id": package_id}, write=True)

    # organizations ------------------------------------------------------------------------
    def organization_list(self, *, all_fields: bool = True, limit: int = ORGANIZATION_PAGE_MAX,
                          offset: int = 0) -> list[Any]:
        """One page; with ``all_fields`` servers return at most 25 (see ``iter_organizations``)."""
        return self.call("organization_list", {"all_fields": all_fields, "limit": limit,
                                               "offset": offset})

    def organization_show(self, ref: str) -> dict[str, Any]:
        return self.call("organization_show", {"id": ref, "include_datasets": False})

    def organization_list_for_user(self, user_name: str,
                                   permission: str = "create_dataset") -> list[dict[str, Any]]:
        """Organizations where ``user_name`` holds ``permission`` (default: may add datasets)."""
        return self.call("organization_list_for_user",
                         {"id": user_name, "permission": permission})

    # showcases (ckanext-showcase) --------------------------------------------------------
    def _showcase(self, action: str, data: dict[str, Any], *, write: bool = False) -> Any:
        if not self.has_plugin("showcase"):
            raise CatalogPluginMissingError(
                t("Server katalog tidak memasang plugin showcase; aplikasi tetap dicatat "
                  "di sini saja."), action=action)
        return self.call(action, data, write=write)

    def showcase_create(self, showcase: dict[str, Any]) -> dict[str, Any]:
        return self._showcase("ckanext_showcase_create", showcase, write=True)

    def showcase_show(self, ref: str) -> dict[str, Any]:
        return self._showcase("ckanext_showcase_show", {"id": ref})

    def showcase_list(self) -> list[dict[str, Any]]:
        return self._showcase("ckanext_showcase_list", {})

    def showcase_update(self, showcase: dict[str, Any]) -> dict[str, Any]:
        """Full replace; the plugin fails without ``image_url``, so it is required here."""
        if "image_url" not in showcase or "id" not in showcase:
            raise ValueError("showcase_update replaces the whole showcase: send id, image_url")
        return self._showcase("ckanext_showcase_update", showcase, write=True)

    def showcase_delete(self, showcase_id: str) -> None:
        """Purges at once: the plugin has no soft delete."""
        self._showcase("ckanext_showcase_delete", {"id": showcase_id}, write=True)

    def showcase_add_package(self, showcase_id: str, package_id: str) -> None:
        self._showcase("ckanext_showcase_package_association_create",
                       {"showcase_id": showcase_id, "package_id": package_id}, write=True)

    def showcase_remove_package(self, showcase_id: str, package_id: str) -> None:
        self._showcase("ckanext_showcase_package_association_delete",
                       {"showcase_id": showcase_id, "package_id": package_id}, write=True)

    def showcase_packages(self, showcase_id: str) -> list[dict[str, Any]]:
        """At most 100: the plugin stops there without saying so."""
        return self._showcase("ckanext_showcase_package_list", {"showcase_id": showcase_id})

    def package_showcases(self, package_id: str) -> list[dict[str, Any]]:
        return self._showcase("ckanext_package_showcase_list", {"package_id": package_id})


def _checked_token(token: str | None) -> str | None:
    """The token trimmed; refused (without quoting it) if it could not go in a header."""
    token = (token or "").strip()
    if any(not (32 < ord(ch) < 127) for ch in token):
        raise CatalogConfigError(t("Token katalog memuat karakter yang tidak sah; salin "
                                   "ulang token dari portal."))
    return token or None


def _reason(exc: Exception) -> str:
    """The exception's text for the log; it never holds headers, so never the token."""
    return str(exc)[:300]
