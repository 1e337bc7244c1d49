"""Agreement templates filled in: what each ``{placeholder}`` reads for an agreement.

The templates themselves (shipped and the office's copy, checked and saved) are data in
the core, ``desktop.core.agreement_templates``; here their placeholders are filled from an
agreement's current fields whenever it is printed or checked (``desktop.documents.naskah``).
A value not known yet prints as a visible blank ("....") for the officer to complete,
never a crash; a placeholder the filler does not know is left as typed, so a typo shows.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.core.agreement_templates import BLANK, PLACEHOLDER, load_template
from desktop.documents.tanggal import tanggal_panjang
from desktop.documents.terbilang import jumlah


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return tanggal_panjang(value)
    return str(value).strip()


def placeholder_values(agreement: Mapping[str, Any],
                       parent: Mapping[str, Any] | None = None) -> dict[str, str]:
    """What each placeholder reads for this agreement; empty when not known yet."""
    pihak = list(agreement.get("pihak") or [])

    def party(index: int, key: str) -> str:
        return _text(pihak[index].get(key)) if index < len(pihak) else ""

    years = agreement.get("jangka_waktu_tahun")
    rangkap = agreement.get("rangkap")
    tahun = agreement.get("tahun_anggaran_mulai")
    values = {
        "judul": _text(agreement.get("judul")),
        "pihak_pertama": party(0, "nama_instansi"),
        "pihak_kedua": party(1, "nama_instansi"),
        "kedudukan_pertama": party(0, "kedudukan"),
        "kedudukan_kedua": party(1, "kedudukan"),
        "jangka_waktu": jumlah(int(years), "tahun") if _is_count(years) else "",
        "berlaku_mulai": _date_text(agreement.get("berlaku_mulai")),
        "berlaku_sampai": _date_text(agreement.get("berlaku_sampai")),
        "sumber_biaya": _text(agreement.get("sumber_biaya")),
        "tahun_anggaran_mulai": str(int(tahun)) if _is_count(tahun) else "",
        "tempat_ttd": _text(agreement.get("tempat_ttd")),
        "tanggal_ttd": _date_text(agreement.get("tanggal_ttd")),
        "rangkap": jumlah(int(rangkap)) if _is_count(rangkap) else "",
        "nomor_kb": _text(agreement.get("nomor_kb")),
        "tanggal_kb": _text(agreement.get("tanggal_kb")),
        "judul_kb": _text(agreement.get("judul_kb")),
    }
    if parent is not None:
        if not values["nomor_kb"]:
            values["nomor_kb"] = " dan ".join(
                _text(p.get("nomor_naskah")) for p in parent.get("pihak") or []
                if _text(p.get("nomor_naskah")))
        if not values["tanggal_kb"]:
            values["tanggal_kb"] = _date_text(parent.get("tanggal_ttd"))
        if not values["judul_kb"]:
            values["judul_kb"] = _text(parent.get("judul"))
    # drafting passes "...." itself for a date it does not know
    return {k: ("" if v == BLANK else v) for k, v in values.items()}


def _is_count(value: Any) -> bool:
    try:
        return value is not None and not isinstance(value, bool) and int(value) > 0
    except (TypeError, ValueError):
        return False


def _date_text(value: Any) -> str:
    if not value:
        return ""
    try:
        return tanggal_panjang(value)
    except (TypeError, ValueError):
        return _text(value)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace ``{name}`` by its value, ``....`` when empty; unknown names stay as typed."""
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            return match.group(0)
        return values[name] or BLANK

    return PLACEHOLDER.sub(one, text)


def apply_template(jenis: str, agreement: Mapping[str, Any],
                   parent: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """``{"pasal": [...], "premis": [...]}`` of the template, filled from ``agreement``."""
    template = copy.deepcopy(load_template(jenis))
    values = placeholder_values(agreement, parent)
    pasal = [
        {"judul": fill(article["judul"], values),
         "ayat": [{"teks": fill(ayat["teks"], values),
                   "butir": [{"teks": fill(b["teks"], values)} for b in ayat.get("butir", [])]}
                  for ayat in article.get("ayat", [])]}
        for article in template["pasal"]
    ]
    premis = [fill(p, values) for p in template.get("premis", [])]
    return {"pasal": pasal, "premis": premis}
