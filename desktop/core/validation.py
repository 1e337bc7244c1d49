"""Turning what a user typed into clean values, or into field-level messages.

Every rule answers in the user's language (``desktop.core.i18n``) and names the field,
so a form can show the message next to it. Nothing is written when any rule fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from desktop.core.fields import Field, FieldType
from desktop.core.i18n import t

Errors = dict[str, list[str]]

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"^(?:{_LABEL}\.)*{_LABEL}$")
_EMAIL = re.compile(rf"^[^@\s<>()\[\],;:\"]+@(?:{_LABEL}\.)+{_LABEL}$")
# C0 controls but tab, LF and CR; DEL; C1 controls (\x9b is a terminal's CSI): a stored
# "\x1b[31m" would recolour every terminal that lists it, and no clerk types these
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Dates outside this span are typing slips (0001-01-01, 9999-12-31) for every date the
# register keeps (visits, agreements, releases, deployments): from independence to 2100.
# A field may narrow it with ``Field.minimum``/``maximum`` (years).
DATE_MIN_YEAR, DATE_MAX_YEAR = 1945, 2100
_TRUE = {"1", "true", "ya", "y", "yes", "benar"}
_FALSE = {"0", "false", "tidak", "t", "n", "no", "salah", ""}


class FieldProblem(ValueError):
    """One value that cannot be accepted; the message is already translated."""


def add_error(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        raw = value.strip()
        for fmt in _DATE_FORMATS:
            try:
                return datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
    shown = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
    raise FieldProblem(t("Tanggal tidak valid: {value} (gunakan HH/BB/TTTT).", value=shown))


def _date(value: Any, fld: Field) -> date | None:
    parsed = parse_date(value)
    if parsed is None:
        return None
    low, high = fld.minimum or DATE_MIN_YEAR, fld.maximum or DATE_MAX_YEAR
    if not low <= parsed.year <= high:
        raise FieldProblem(t("Tanggal di luar rentang yang masuk akal: {value} (tahun {low} "
                             "sampai {high}).", value=parsed.isoformat(), low=low, high=high))
    return parsed


def strip_controls(text: str) -> str:
    """``text`` without the control characters ``_text`` refuses (for text from elsewhere)."""
    return _CONTROL.sub("", text)


def _text(value: Any, fld: Field) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    if not value:
        return None
    if "\x00" in value:
        raise FieldProblem(t("Berisi karakter yang tidak diizinkan."))
    bad = _CONTROL.search(value)
    if bad:
        raise FieldProblem(t("Berisi karakter kendali {code} (mis. dari salinan terminal atau "
                             "berkas rusak) yang tidak diizinkan.",
                             code=f"U+{ord(bad.group()):04X}"))
    limit = fld.limit
    if limit is not None and len(value) > limit:
        raise FieldProblem(
            t("Terlalu panjang: {length} karakter, paling banyak {limit}.",
              length=len(value), limit=limit)
        )
    if fld.type != FieldType.LONGTEXT and ("\n" in value or "\r" in value):
        raise FieldProblem(t("Harus satu baris."))
    return value


def _int(value: Any, fld: Field) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise FieldProblem(t("Harus berupa bilangan bulat."))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        value = value.strip()
        if not re.fullmatch(r"[+-]?\d+", value):
            raise FieldProblem(t("Harus berupa bilangan bulat."))
        value = int(value)
    if not isinstance(value, int):
        raise FieldProblem(t("Harus berupa bilangan bulat."))
    low, high = fld.minimum, fld.maximum
    if fld.type == FieldType.YEAR:
        low, high = low or 1945, high or 2100
    if (low is not None and value < low) or (high is not None and value > high):
        raise FieldProblem(t("Harus antara {low} dan {high}.", low=low, high=high))
    return value


def _bool(value: Any, _fld: Field) -> bool:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    raw = str(value).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise FieldProblem(t("Harus ya atau tidak."))


def _choice(value: Any, fld: Field) -> str | None:
    if value is None or value == "":
        return None
    assert fld.choices is not None
    if value not in fld.choices:
        raise FieldProblem(t("Pilihan tidak dikenal: {value}.", value=value))
    return str(value)


def _as_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    raise FieldProblem(t("Harus berupa daftar."))


def _choices(value: Any, fld: Field) -> list[str]:
    items = _as_list(value)
    assert fld.choices is not None
    unknown = [v for v in items if v not in fld.choices]
    if unknown:
        raise FieldProblem(t("Pilihan tidak dikenal: {value}.", value=", ".join(map(str, unknown))))
    return list(dict.fromkeys(items))  # keep order, drop repeats


def _tags(value: Any, fld: Field) -> list[str]:
    out: list[str] = []
    for item in _as_list(value):
        text = _text(item, fld)
        if text and text not in out:
            out.append(text)
    return out


def _textlist(value: Any, fld: Field) -> list[str]:
    if isinstance(value, str):
        value = [value]
    items = value or []
    out = []
    for item in items:
        text = _text(item, Field(fld.name, fld.label, FieldType.LONGTEXT))
        if text:
            out.append(text)
    return out


def _url(value: Any, fld: Field) -> str | None:
    text = _text(value, fld)
    if text is None:
        return None
    parts = urlsplit(text)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or not _HOST.match(host) or " " in text:
        raise FieldProblem(t("Alamat URL tidak valid (contoh: https://contoh.go.id)."))
    return text


def _email(value: Any, fld: Field) -> str | None:
    text = _text(value, fld)
    if text is None:
        return None
    if not _EMAIL.match(text):
        raise FieldProblem(t("Alamat email tidak valid (contoh: nama@contoh.go.id)."))
    return text


def _nip(value: Any, fld: Field) -> str | None:
    text = _text(value, fld)
    if text is None:
        return None
    digits = re.sub(r"[\s.]", "", text)
    if not re.fullmatch(r"\d{18}", digits):
        raise FieldProblem(t("NIP harus 18 digit angka."))
    return digits


def _ids(value: Any, _fld: Field) -> list[str]:
    return [str(v) for v in dict.fromkeys(_as_list(value))]


_AS_TEXT: dict[tuple[int, int], tuple[Field, Field]] = {}


def _as_text(fld: Field, length: int) -> Field:
    """A plain text field of ``length`` named as ``fld`` (an id, a region code), made once
    per field: building a ``Field`` for every value was a sixth of a bulk check."""
    known = _AS_TEXT.get((id(fld), length))
    if known is None or known[0] is not fld:
        known = _AS_TEXT[(id(fld), length)] = (fld, Field(fld.name, fld.label,
                                                          max_length=length))
    return known[1]


_COERCE: dict[FieldType, Callable[[Any, Field], Any]] = {
    FieldType.TEXT: _text,
    FieldType.LONGTEXT: _text,
    FieldType.INT: _int,
    FieldType.YEAR: _int,
    FieldType.DATE: lambda v, f: _date(v, f),
    FieldType.BOOL: _bool,
    FieldType.CHOICE: _choice,
    FieldType.CHOICES: _choices,
    FieldType.TAGS: _tags,
    FieldType.TEXTLIST: _textlist,
    FieldType.REF: lambda v, f: _text(v, _as_text(f, 36)),
    FieldType.REFS: _ids,
    FieldType.REGION: lambda v, f: _text(v, _as_text(f, 13)),
    FieldType.URL: _url,
    FieldType.EMAIL: _email,
    FieldType.NIP: _nip,
}


def coerce_value(fld: Field, value: Any) -> Any:
    """The clean value of one field, or FieldProblem with a translated message."""
    return _COERCE[fld.type](value, fld)


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == ()


_WHOLE: dict[int, tuple[Field, Field]] = {}


def _kept_whole(fld: Field) -> Field:
    """``fld`` limited to what its column stores, made once per field (a pull cleans
    thousands of records' fields; ``dataclasses.replace`` each time was a tenth of it)."""
    known = _WHOLE.get(id(fld))
    if known is None or known[0] is not fld:  # the field itself is kept: its id stays its own
        known = _WHOLE[id(fld)] = (fld, replace(fld, max_length=fld.stored_length))
    return known[1]


def clean_fields(
    fields: tuple[Field, ...],
    data: Mapping[str, Any],
    errors: Errors,
    *,
    prefix: str = "",
    partial: bool = False,
    whole: bool = False,
    stored: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Coerce the known fields present in ``data``; required ones must be there unless partial.

    ``whole``: the values come from elsewhere (a catalog pull) and are stored whole, up to
    what the column holds (``Field.stored_limit``), not cut to the typing limit. A value
    equal to the one in ``stored`` (the record as it is) is kept whole too: a clerk editing
    another field of a pulled dataset must not be refused for its long title.
    """
    clean: dict[str, Any] = {}
    for fld in fields:
        key = prefix + fld.name
        if fld.name not in data:
            if partial:
                continue
            value = fld.default
        else:
            value = data[fld.name]
        if fld.stored_length and isinstance(value, str) and (
                whole or (stored is not None and value.strip() == stored.get(fld.name))):
            fld = _kept_whole(fld)
        if whole and isinstance(value, str):
            value = strip_controls(value)  # a catalog's stray control bytes: dropped, not fatal
        try:
            clean[fld.name] = coerce_value(fld, value)
        except FieldProblem as problem:
            add_error(errors, key, str(problem))
            continue
        if fld.required and is_empty(clean[fld.name]):
            add_error(errors, key, t("Wajib diisi."))
    return clean


def check_date_order(
    errors: Errors, values: Mapping[str, Any], start: str, end: str, prefix: str = ""
) -> None:
    first, last = values.get(start), values.get(end)
    if isinstance(first, date) and isinstance(last, date) and last < first:
        add_error(errors, prefix + end, t("Tanggal akhir tidak boleh sebelum tanggal mulai."))
