"""A write PostgreSQL refused because of the person's role, told in words.

Why here and not in each service: the grants and row-level policies of migration 0008
are the office's real rules, and every door (a form, an import, the sync, a berkas, a
script) can run into them. The engine turns SQLSTATE 42501 (``permission denied for
table …`` and ``new row violates row-level security policy …``) into one
:class:`PermissionRefusedError` that names what was refused, so the window and the command
line show a sentence, never a traceback. Qt-free.
"""

from __future__ import annotations

import re

from desktop.core.errors import PermissionRefusedError
from desktop.core.i18n import t

SQLSTATE = "42501"  # insufficient_privilege

# the tables of each record kind (SHARED17's contract), children with their parent
TABLE_KINDS: dict[str, str] = {
    "perangkat_daerah": "opd",
    "aplikasi": "apps", "aplikasi_dataset": "apps",
    "dataset": "datasets", "dataset_resource": "datasets",
    "kunjungan": "visits", "kunjungan_peserta": "visits", "kunjungan_tindak_lanjut": "visits",
    "kerjasama": "agreements", "kerjasama_pihak": "agreements",
    "kerjasama_butir": "agreements", "kerjasama_ayat": "agreements",
    "kerjasama_pasal": "agreements", "kerjasama_lampiran": "agreements",
    "deployment": "deployments",
}

_TABLE = re.compile(r'(?:table|relation) "?([A-Za-z0-9_]+)"?')


def is_refusal(error: BaseException | None) -> bool:
    """A DB-API error PostgreSQL raised for a missing privilege or a row policy."""
    return getattr(error, "sqlstate", None) == SQLSTATE


def refused_table(error: BaseException) -> str | None:
    """The table named by the refusal (psycopg's diagnostics, else its message)."""
    diag = getattr(error, "diag", None)
    name = getattr(diag, "table_name", None) if diag is not None else None
    if name:
        return str(name)
    found = _TABLE.search(str(error))
    return found.group(1) if found else None


def what_was_refused(table: str | None) -> tuple[str | None, str]:
    """(record kind or None, the words for it) of a refused table."""
    from desktop.core.kinds import KINDS

    if table in TABLE_KINDS:
        kind = TABLE_KINDS[table]
        return kind, str(KINDS[kind].label)
    others = {
        "office_profile": t("profil kantor"),
        "pengguna": t("daftar pengguna"),
        "berkas": t("berkas"),
        "berkas_potongan": t("berkas"),
    }
    if table in others:
        return None, others[table]
    if table and table.startswith("sync_"):
        return None, t("sinkronisasi katalog")
    return None, ""


def permission_refused(error: BaseException, statement: str | None = None
                       ) -> PermissionRefusedError:
    """The user's message for a refused write (or read: ``statement`` tells which);
    nothing was saved (the transaction is rolled back by whoever held it)."""
    kind, what = what_was_refused(refused_table(error))
    if (statement or "").lstrip().lower().startswith("select"):
        if what:
            return PermissionRefusedError(
                t("Peran Anda tidak mengizinkan membaca {what}.", what=what), kind=kind)
        return PermissionRefusedError(t("Peran Anda tidak mengizinkan membaca data ini."),
                                      kind=kind)
    if what:
        message = t("Peran Anda tidak mengizinkan perubahan ini: {what}. Tidak ada yang "
                    "tersimpan.", what=what)
    else:
        message = t("Peran Anda tidak mengizinkan perubahan ini. Tidak ada yang tersimpan.")
    return PermissionRefusedError(message, kind=kind)
