"""Agreement templates as data: the usual articles and premises of a KB and of a PKS.

The shipped templates live in ``resources/templates/<jenis>.json``; an office may keep
its own edited copy in the user data folder, which wins. A template is
``{"premis": [...], "pasal": [{"judul", "ayat": [{"teks", "butir": [{"teks"}]}]}]}``
whose texts hold ``{placeholders}``. A draft keeps them (``template_text``, used by
``desktop.core.drafting``) and they are filled from the agreement's current fields
whenever it is printed or checked (``desktop.documents.templates.placeholder_values`` and
``desktop.documents.naskah``). Reading, checking and saving templates needs no document
library, so it is the core's; filling and printing is the documents layer's.
"""

from __future__ import annotations

import copy
import json
import logging
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.core.errors import DeskError
from desktop.core.i18n import t
from desktop.core.paths import user_data_dir
from desktop.core.resources import resource_path
from desktop.core.safe_write import write_text_atomic

log = logging.getLogger(__name__)

TEMPLATE_KINDS = ("kb", "pks")
BLANK = "...."
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# Sentences the drafting code itself writes (not from a template file), in the words older
# versions froze them with, so their blanks are recognised too (desktop.documents.naskah).
DRAFTED_TEXTS = (
    "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor {nomor_kb} tanggal "
    "{tanggal_kb} tentang {judul_kb}",
)

PLACEHOLDERS: dict[str, str] = {
    "judul": "judul kerja sama (tentang ...)",
    "pihak_pertama": "nama PIHAK PERTAMA",
    "pihak_kedua": "nama PIHAK KEDUA",
    "kedudukan_pertama": "alamat/kedudukan PIHAK PERTAMA",
    "kedudukan_kedua": "alamat/kedudukan PIHAK KEDUA",
    "jangka_waktu": 'jangka waktu, mis. "5 (lima) tahun"',
    "berlaku_mulai": 'tanggal mulai berlaku, mis. "27 Juli 2017"',
    "berlaku_sampai": "tanggal akhir berlaku",
    "sumber_biaya": "sumber biaya",
    "tahun_anggaran_mulai": "tahun anggaran mulai",
    "tempat_ttd": "tempat penandatanganan",
    "tanggal_ttd": "tanggal penandatanganan",
    "rangkap": 'jumlah rangkap, mis. "2 (dua)"',
    "nomor_kb": "nomor Kesepakatan Bersama induk (untuk PKS)",
    "tanggal_kb": "tanggal Kesepakatan Bersama induk (untuk PKS)",
    "judul_kb": "judul Kesepakatan Bersama induk (untuk PKS)",
}


def shipped_template_path(jenis: str) -> Path:
    return resource_path("templates", f"{jenis}.json")


def office_template_path(jenis: str) -> Path:
    return user_data_dir() / "templates" / f"{jenis}.json"


def _check_kind(jenis: str) -> None:
    if jenis not in TEMPLATE_KINDS:
        raise DeskError(t("Tidak ada templat naskah untuk jenis kerja sama {jenis}.",
                          jenis=jenis))


def template_problems(data: Any) -> list[str]:
    """What makes ``data`` unusable as a template (empty when it is fine)."""
    if not isinstance(data, Mapping):
        return [t("Templat harus berupa objek JSON.")]
    problems: list[str] = []
    premis = data.get("premis", [])
    if not isinstance(premis, list) or not all(isinstance(p, str) for p in premis):
        problems.append(t("Premis templat harus berupa daftar teks."))
    pasal = data.get("pasal")
    if not isinstance(pasal, list):
        return [*problems, t("Templat harus memuat daftar pasal.")]
    for number, article in enumerate(pasal, start=1):
        ok = (isinstance(article, Mapping) and isinstance(article.get("judul"), str)
              and isinstance(article.get("ayat", []), list)
              and all(isinstance(a, Mapping) and isinstance(a.get("teks"), str)
                      and isinstance(a.get("butir", []), list)
                      and all(isinstance(b, Mapping) and isinstance(b.get("teks"), str)
                              for b in a.get("butir", []))
                      for a in article.get("ayat", [])))
        if not ok:
            problems.append(t("Pasal {nomor} templat tidak lengkap (judul, ayat, butir).",
                              nomor=number))
    return problems


def _read(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = template_problems(data)
    if problems:
        raise ValueError("; ".join(problems))
    return data


def load_template(jenis: str) -> dict[str, Any]:
    """The office's own copy if it has a usable one, else the shipped template."""
    _check_kind(jenis)
    own = office_template_path(jenis)
    if own.is_file():
        try:
            return _read(own)
        except (OSError, ValueError) as exc:  # json.JSONDecodeError is a ValueError
            # A broken office copy must not stop drafting: use the shipped one, say why.
            log.warning("office template %s unusable (%s); using the shipped one", own, exc)
    return _read(shipped_template_path(jenis))


def save_office_template(jenis: str, data: Mapping[str, Any]) -> Path:
    """Keep this office's edited template (checked first, written atomically)."""
    _check_kind(jenis)
    problems = template_problems(data)
    if problems:
        raise DeskError(t("Templat tidak dapat disimpan: {detail}", detail="; ".join(problems)))
    path = office_template_path(jenis)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomic(path, json.dumps({**data, "jenis": jenis}, ensure_ascii=False,
                                              indent=2))


def reset_office_template(jenis: str) -> None:
    """Forget the office's copy: the shipped template applies again."""
    _check_kind(jenis)
    office_template_path(jenis).unlink(missing_ok=True)


def template_text(jenis: str) -> dict[str, Any]:
    """``{"pasal": [...], "premis": [...]}`` of the template with its placeholders kept.

    What a new draft stores: the placeholders are filled each time the document is
    printed or checked (``desktop.documents.naskah``), so the text follows the fields.
    """
    template = copy.deepcopy(load_template(jenis))
    pasal = [{"judul": article["judul"],
              "ayat": [{"teks": ayat["teks"],
                        "butir": [{"teks": b["teks"]} for b in ayat.get("butir", [])]}
                       for ayat in article.get("ayat", [])]}
             for article in template["pasal"]]
    return {"pasal": pasal, "premis": list(template.get("premis", []))}
