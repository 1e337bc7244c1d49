"""Read a CKAN answer: the result on success, else the typed error for every form CKAN
(or whatever stands in front of it) answers with.

``success`` is what counts, never the status alone: a proxy may say 200 with an HTML
page, and CKAN's own 400 for an unknown action is a bare JSON string.
"""

from __future__ import annotations

import re
from typing import Any

import requests

from desktop.core.i18n import t
from desktop.sync.backoff import describe_wait, parse_retry_after
from desktop.sync.ckan_text import quote
from desktop.sync.errors import (
    CatalogAuthorizationError,
    CatalogBadRequestError,
    CatalogError,
    CatalogMatchError,
    CatalogNotFoundError,
    CatalogProxyError,
    CatalogRedirectError,
    CatalogResponseError,
    CatalogSearchError,
    CatalogServerError,
    CatalogThrottledError,
    CatalogUnknownActionError,
    CatalogValidationError,
    field_reasons,
)

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")
MAX_DETAIL = 300


def read_result(response: requests.Response, action: str) -> Any:
    """The ``result`` of a successful call; raises a ``CatalogError`` for anything else."""
    status = response.status_code
    context: dict[str, Any] = {"action": action, "status": status,
                               "retry_after": parse_retry_after(
                                   response.headers.get("Retry-After"))}
    if 300 <= status < 400:
        raise CatalogRedirectError(
            t("Server katalog mengalihkan permintaan ke {location}; perbarui alamat katalog "
              "di Pengaturan.", location=response.headers.get("Location") or "-"), **context)
    try:
        body = response.json()
    except ValueError:
        raise _not_json(response, context) from None
    if isinstance(body, dict) and body.get("success") is True and "result" in body:
        return body["result"]
    if status == 429:
        raise _throttled(context)
    if isinstance(body, str):
        raise _bare_string(body, context)
    if isinstance(body, dict) and body.get("success") is False \
            and isinstance(body.get("error"), dict):
        raise _envelope_error(body["error"], context)
    if status in RETRYABLE_STATUSES:
        raise _server_error(str(body)[:MAX_DETAIL], context)
    raise CatalogResponseError(
        t("Jawaban server katalog tidak dikenali (HTTP {status}) untuk {action}.",
          status=status, action=action), detail=str(body)[:MAX_DETAIL], **context)


def _throttled(context: dict[str, Any]) -> CatalogError:
    wait = context["retry_after"]
    if wait is None:
        message = t("Server katalog meminta pengiriman diperlambat (HTTP 429).")
    else:
        message = t("Server katalog meminta pengiriman diperlambat; coba lagi dalam "
                    "{seconds} detik.", seconds=int(wait))
    return CatalogThrottledError(message, **context)


def _server_error(detail: str, context: dict[str, Any]) -> CatalogError:
    if context["status"] == 429:
        return _throttled(context)
    if context["retry_after"]:
        return CatalogServerError(
            t("Server katalog sedang bermasalah (HTTP {status}) dan meminta menunggu {wait}; "
              "coba lagi nanti.", status=context["status"],
              wait=describe_wait(context["retry_after"])), detail=detail, **context)
    return CatalogServerError(
        t("Server katalog sedang bermasalah (HTTP {status}); coba lagi nanti.",
          status=context["status"]), detail=detail, **context)


def _not_json(response: requests.Response, context: dict[str, Any]) -> CatalogError:
    text = response.text or ""
    status = context["status"]
    html = "html" in (response.headers.get("Content-Type") or "").lower() \
        or text.lstrip().startswith("<")
    if html:
        title = TITLE_RE.search(text)
        summary = " ".join(TAG_RE.sub(" ", title.group(1) if title else text).split())
        return CatalogProxyError(
            t("Yang menjawab bukan API katalog, melainkan halaman web (HTTP {status}: "
              "{summary}). Periksa alamat katalog, atau proksi jaringan sedang bermasalah.",
              status=status, summary=quote(summary[:120]) if summary else "-"),
            retryable=status in RETRYABLE_STATUSES, detail=text[:MAX_DETAIL], **context)
    if status in RETRYABLE_STATUSES:
        return _server_error(text[:MAX_DETAIL], context)
    return CatalogResponseError(
        t("Jawaban server katalog tidak dapat dibaca (HTTP {status}).", status=status),
        detail=text[:MAX_DETAIL], **context)


def _bare_string(text: str, context: dict[str, Any]) -> CatalogError:
    if context["status"] in RETRYABLE_STATUSES:
        return _server_error(text[:MAX_DETAIL], context)
    if "action name not known" in text.lower():
        return CatalogUnknownActionError(
            t("Server katalog tidak mengenal perintah {action}; plugin yang diperlukan "
              "mungkin tidak terpasang.", action=context["action"]), detail=text, **context)
    return CatalogBadRequestError(
        t("Server katalog menolak permintaan: {detail}", detail=quote(text[:MAX_DETAIL])),
        detail=text, **context)


def flatten_errors(errors: Any, prefix: str = "") -> dict[str, list[str]]:
    """CKAN's nested validation dict as ``{"tags[1].name": [...], ...}``.

    Lists of dicts carry one (often empty) dict per item, e.g. ``{"resources": [{}, {"url":
    [...]}]}``; plain lists of strings are the messages themselves.
    """
    flat: dict[str, list[str]] = {}
    if isinstance(errors, dict):
        for key, value in errors.items():
            if key == "__type":
                continue
            flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(errors, list):
        if all(isinstance(item, str) for item in errors):
            if errors:
                flat[prefix or "message"] = list(errors)
        else:
            for index, item in enumerate(errors):
                flat.update(flatten_errors(item, f"{prefix}[{index}]"))
    elif errors not in (None, ""):
        flat[prefix or "message"] = [str(errors)]
    return flat


def _envelope_error(error: dict[str, Any], context: dict[str, Any]) -> CatalogError:
    kind = str(error.get("__type") or "")
    message = error.get("message") if isinstance(error.get("message"), str) else ""
    if kind == "Validation Error":
        flat = flatten_errors(error)
        described = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in flat.items())
        if "match" in flat:
            return CatalogMatchError(
                t("Dataset di katalog sudah diubah orang lain sejak terakhir dibaca "
                  "({fields}); ambil versi terbaru lalu ulangi.",
                  fields=", ".join(flat["match"])),
                flat, raw=error, detail=described, **context)
        return CatalogValidationError(
            t("Server katalog menolak data: {detail}", detail=field_reasons(flat)),
            flat, raw=error, detail=described, **context)
    if kind == "Authorization Error":
        return _authorization(message or kind, context)
    if kind == "Not Found Error":
        return CatalogNotFoundError(
            t("Tidak ditemukan di katalog: {detail}",
              detail=quote(message) if message else context["action"]),
            detail=message, **context)
    if kind in {"Search Query Error", "Search Error"}:
        return CatalogSearchError(
            t("Pencarian di katalog ditolak: {detail}", detail=quote(message or kind)),
            detail=message, **context)
    if kind == "Integrity Error":
        return CatalogBadRequestError(
            t("Server katalog menolak permintaan: {detail}", detail=quote(message or kind)),
            detail=message, **context)
    if context["status"] in RETRYABLE_STATUSES or kind in {"Internal Server Error",
                                                           "Search Index Error"}:
        return _server_error(message or kind, context)
    return CatalogResponseError(
        t("Server katalog melaporkan kesalahan {kind}: {detail}", kind=kind or "-",
          detail=quote(message or "-")), detail=message, **context)


def _authorization(message: str, context: dict[str, Any]) -> CatalogError:
    """403 in words about what to do: a guest means the token was not recognised."""
    error = CatalogAuthorizationError(message, detail=message, **context)
    if error.anonymous:
        text = t("Katalog tidak mengenali token: permintaan berjalan sebagai tamu tanpa hak. "
                 "Periksa token (mungkin salah, kedaluwarsa atau dicabut) lalu simpan ulang di "
                 "Pengaturan > Katalog. Jawaban server: {detail}", detail=quote(message))
    elif error.user:
        text = t("Pengguna katalog {user} tidak berhak melakukan ini; minta pengelola portal "
                 "memberi hak di organisasi dataset itu. Jawaban server: {detail}",
                 user=error.user, detail=quote(message))
    else:
        text = t("Server katalog menolak akses ({detail}). Periksa token dan hak pengguna di "
                 "organisasi tersebut.", detail=quote(message))
    error.reword(text)
    return error
