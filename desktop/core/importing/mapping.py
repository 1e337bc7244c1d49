"""Which spreadsheet column holds which field.

Headers match a field by its name, its Indonesian or English label, the label of the
list column showing it (so an exported list imports back), or a few common aliases;
case, spacing and punctuation do not matter. The user's corrections are remembered
per kind, keyed by the normalised header, in the user config folder.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from desktop.core.fields import Field, FieldType
from desktop.core.kinds import KINDS, RecordKind
from desktop.core.settings import settings_path

IMPORT_KINDS = ("opd", "apps", "datasets", "visits", "deployments")

# Words offices use for a column that no label says.
ALIASES: dict[str, dict[str, str]] = {
    "opd": {"kodeopd": "kode", "namaopd": "nama", "perangkatdaerah": "nama",
            "kepala": "kepala_nama", "nipkepala": "kepala_nip"},
    "apps": {"opd": "opd_pemilik_id", "pemilik": "opd_pemilik_id", "aplikasi": "nama",
             "url": "url", "link": "url", "tahun": "tahun"},
    "datasets": {"opd": "opd_id", "produsen": "opd_id", "produsendata": "opd_id",
                 "sifat": "sifat_data", "diperbarui": "terakhir_diperbarui",
                 "dataset": "judul", "namadataset": "judul"},
    "visits": {"tanggal": "tanggal_mulai", "daerah": "region_kode", "asal": "region_kode",
               "ketua": "ketua_nama", "peserta": "jumlah_peserta"},
    "deployments": {"aplikasi": "aplikasi_id", "app": "aplikasi_id",
                    "application": "aplikasi_id", "tanggal": "tanggal"},
}


def normalise(header: str) -> str:
    """'Nama  Aplikasi' / 'nama_aplikasi' / 'NAMA-APLIKASI' -> 'namaaplikasi'."""
    text = unicodedata.normalize("NFKD", str(header)).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "", text)


def importable_fields(kind: RecordKind) -> tuple[Field, ...]:
    """Top-level fields only: owned rows (participants, resources) are not in a sheet."""
    return tuple(f for f in kind.fields if f.type != FieldType.REFS)


def _candidates(kind: RecordKind) -> dict[str, str]:
    names: dict[str, str] = {}
    fields = {f.name: f for f in importable_fields(kind)}
    for fld in fields.values():
        for label in (fld.name, fld.label.id, fld.label.en):
            names.setdefault(normalise(label), fld.name)
    for column in kind.columns:
        target = column.key if column.key in fields else ALIASES.get(kind.name, {}).get(
            normalise(column.key))
        if target in fields:
            for label in (column.label.id, column.label.en):
                names.setdefault(normalise(label), target)
    for alias, target in ALIASES.get(kind.name, {}).items():
        if target in fields:
            names.setdefault(alias, target)
    return names


def auto_map(kind_name: str, headers: list[str],
             remembered: dict[str, str] | None = None) -> dict[int, str]:
    """Column index -> field name for every header recognised (each field once)."""
    kind = KINDS[kind_name]
    known = _candidates(kind)
    fields = {f.name for f in importable_fields(kind)}
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, header in enumerate(headers):
        key = normalise(header)
        if not key:
            continue
        target = (remembered or {}).get(key)
        if target is not None and target not in fields:
            target = None
        target = target or known.get(key)
        if target and target not in used:
            mapping[index] = target
            used.add(target)
    return mapping


def _store() -> Path:
    return settings_path().with_name("import-mappings.json")


def load_mapping(kind_name: str) -> dict[str, str]:
    """The user's remembered header -> field choices for a kind ({} when none)."""
    try:
        data = json.loads(_store().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    chosen = data.get(kind_name, {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in chosen.items()} if isinstance(chosen, dict) else {}


def save_mapping(kind_name: str, headers: list[str], mapping: dict[int, str]) -> None:
    """Remember this sheet's mapping so the next sheet with these headers maps itself."""
    path = _store()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    chosen = dict(data.get(kind_name) or {})
    for index, header in enumerate(headers):
        key = normalise(header)
        if not key:
            continue
        if index in mapping:
            chosen[key] = mapping[index]
        else:
            chosen.pop(key, None)
    data[kind_name] = chosen
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
