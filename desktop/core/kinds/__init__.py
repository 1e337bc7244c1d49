"""The registry of record kinds, by their stable names (also the CLI's KIND argument)."""

from __future__ import annotations

from desktop.core.i18n import t
from desktop.core.kinds import aplikasi, dataset, deployment, kerjasama, kunjungan, opd
from desktop.core.kinds.base import ListColumn, RecordKind

KINDS: dict[str, RecordKind] = {
    k.name: k
    for k in (
        opd.KIND, aplikasi.KIND, dataset.KIND, kunjungan.KIND, kerjasama.KIND, deployment.KIND
    )
}


def kind_named(name: str) -> RecordKind:
    """Look a kind up by its name or an alias (``aplikasi`` = ``apps``)."""
    key = name.strip().lower()
    for kind in KINDS.values():
        if key == kind.name or key in kind.aliases:
            return kind
    raise KeyError(t("Jenis data tidak dikenal: {name}. Pilihan: {choices}.", name=name,
                     choices=", ".join([*KINDS, "regions"])))


__all__ = ["KINDS", "ListColumn", "RecordKind", "kind_named"]
