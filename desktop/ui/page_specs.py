"""What each page shows beyond the generic list: its filters and its related lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.choices import (
    ARAH_KUNJUNGAN,
    FREKUENSI,
    JENIS_APLIKASI,
    JENIS_KERJA_SAMA,
    JENIS_OPD,
    LINGKUNGAN,
    SIFAT_DATA,
    STATUS_APLIKASI,
    STATUS_DEPLOYMENT,
    STATUS_KERJA_SAMA,
    ChoiceSet,
)
from desktop.core.i18n import Label


@dataclass(frozen=True)
class FilterSpec:
    key: str  # a ListQuery filter key
    label: Label
    mode: str  # "choice", "ref", "year", "province", "flag"
    choices: ChoiceSet | None = None
    ref: str | None = None


@dataclass(frozen=True)
class RelatedSpec:
    """A button on the detail pane: open ``kind`` filtered to this record."""

    kind: str
    label: Label
    filter_key: str  # filter on the other kind, given this record's id
    from_field: str | None = None  # or: ids listed in this field of the record


@dataclass(frozen=True)
class PageSpec:
    kind: str
    icon: str  # resources/icons/nav-<icon>.svg
    filters: tuple[FilterSpec, ...] = ()
    related: tuple[RelatedSpec, ...] = ()
    collections: tuple[str, ...] | None = None  # None: every collection of the kind
    extra: dict[str, str] = field(default_factory=dict)


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "apps", "apps",
        filters=(
            FilterSpec("opd_pemilik_id", Label("OPD"), "ref", ref="opd"),
            FilterSpec("status", Label("Status"), "choice", STATUS_APLIKASI),
            FilterSpec("jenis", Label("Jenis", context="aplikasi"), "choice", JENIS_APLIKASI),
        ),
        related=(
            RelatedSpec("deployments", Label("Deployment aplikasi ini"),
                        "aplikasi_id"),
            RelatedSpec("datasets", Label("Dataset terkait"), "id__in",
                        from_field="datasets"),
        ),
    ),
    PageSpec(
        "datasets", "datasets",
        filters=(
            FilterSpec("opd_id", Label("OPD"), "ref", ref="opd"),
            FilterSpec("sifat_data", Label("Sifat data"), "choice", SIFAT_DATA),
            FilterSpec("frekuensi", Label("Frekuensi"), "choice", FREKUENSI),
            FilterSpec("terlambat", Label("Terlambat diperbarui"),
                       "flag"),
        ),
    ),
    PageSpec(
        "visits", "visits",
        filters=(
            FilterSpec("arah", Label("Arah"), "choice", ARAH_KUNJUNGAN),
            FilterSpec("tahun", Label("Tahun"), "year"),
            FilterSpec("provinsi", Label("Provinsi mitra"), "province"),
        ),
        related=(
            RelatedSpec("agreements", Label("Kerja sama terkait"), "id__in",
                        from_field="kerjasama_ids"),
            RelatedSpec("apps", Label("Aplikasi yang diminati"), "id__in",
                        from_field="aplikasi_ids"),
        ),
    ),
    PageSpec(
        "agreements", "agreements",
        filters=(
            FilterSpec("jenis", Label("Jenis"), "choice", JENIS_KERJA_SAMA),
            FilterSpec("status", Label("Status"), "choice", STATUS_KERJA_SAMA),
            FilterSpec("berakhir_dalam", Label("Segera berakhir"), "flag"),
        ),
        collections=("pihak", "pasal", "lampiran"),
    ),
    PageSpec(
        "deployments", "deployments",
        filters=(
            FilterSpec("aplikasi_id", Label("Aplikasi"), "ref", ref="apps"),
            FilterSpec("lingkungan", Label("Lingkungan"), "choice", LINGKUNGAN),
            FilterSpec("status", Label("Status"), "choice", STATUS_DEPLOYMENT),
        ),
    ),
    PageSpec(
        "opd", "opd",
        filters=(FilterSpec("jenis", Label("Jenis", context="opd"), "choice", JENIS_OPD),),
        related=(
            RelatedSpec("apps", Label("Aplikasi milik OPD ini"),
                        "opd_pemilik_id"),
            RelatedSpec("datasets", Label("Dataset OPD ini"), "opd_id"),
        ),
    ),
)
