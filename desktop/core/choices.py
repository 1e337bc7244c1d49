"""Enumerations stored as stable codes, with their Indonesian and English labels.

Codes are what the database, the catalog and exports keep; labels are only for people
and may change. Everything that lists statuses, kinds or frequencies reads them here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop.core.i18n import Label


@dataclass(frozen=True)
class Choice:
    code: str
    label: Label


class ChoiceSet:
    """An ordered set of codes; ``label(code)`` speaks the current language."""

    def __init__(self, name: str, *items: tuple[str, str, str]) -> None:
        self.name = name
        self.choices = tuple(Choice(code, Label(id_, en)) for code, id_, en in items)
        self._by_code = {c.code: c for c in self.choices}

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def label(self, code: str | None) -> str:
        if code is None:
            return ""
        choice = self._by_code.get(code)
        return str(choice.label) if choice else code


JENIS_OPD = ChoiceSet(
    "jenis_opd",
    ("sekretariat", "Sekretariat", "Secretariat"),
    ("dinas", "Dinas", "Agency (Dinas)"),
    ("badan", "Badan", "Board (Badan)"),
    ("inspektorat", "Inspektorat", "Inspectorate"),
    ("kecamatan", "Kecamatan", "District (Kecamatan)"),
    ("kelurahan", "Kelurahan", "Urban village (Kelurahan)"),
    ("rsud", "RSUD", "Regional hospital (RSUD)"),
    ("satpol", "Satuan Polisi Pamong Praja", "Civil service police"),
    ("lainnya", "Lainnya", "Other"),
)

JENIS_APLIKASI = ChoiceSet(
    "jenis_aplikasi",
    ("umum", "Aplikasi Umum", "General application"),
    ("khusus", "Aplikasi Khusus", "Specific application"),
)

LAYANAN_APLIKASI = ChoiceSet(
    "layanan_aplikasi",
    ("administrasi", "Administrasi pemerintahan", "Government administration"),
    ("publik", "Layanan publik", "Public service"),
)

SASARAN_APLIKASI = ChoiceSet(
    "sasaran_aplikasi",
    ("G2C", "G2C (masyarakat)", "G2C (citizens)"),
    ("G2B", "G2B (pelaku usaha)", "G2B (businesses)"),
    ("G2G", "G2G (antarinstansi)", "G2G (government)"),
    ("G2E", "G2E (pegawai)", "G2E (employees)"),
)

PLATFORM_APLIKASI = ChoiceSet(
    "platform_aplikasi",
    ("web", "Web", "Web"),
    ("android", "Android", "Android"),
    ("ios", "iOS", "iOS"),
    ("desktop", "Desktop", "Desktop"),
)

PENGEMBANG_APLIKASI = ChoiceSet(
    "pengembang_aplikasi",
    ("inhouse", "Swakelola OPD", "In-house (OPD)"),
    ("diskominfo", "Diskominfo", "Diskominfo"),
    ("vendor", "Pihak ketiga (vendor)", "Vendor"),
    ("pusat", "Pemerintah pusat", "Central government"),
)

STATUS_APLIKASI = ChoiceSet(
    "status_aplikasi",
    ("perencanaan", "Perencanaan", "Planning"),
    ("pengembangan", "Pengembangan", "Development"),
    ("uji_coba", "Uji coba", "Trial"),
    ("operasional", "Operasional", "In operation"),
    ("dihentikan", "Dihentikan", "Discontinued"),
)

PERAN_DATASET_APLIKASI = ChoiceSet(
    "peran_dataset_aplikasi",
    ("menggunakan", "Menggunakan", "Uses"),
    ("menghasilkan", "Menghasilkan", "Produces"),
)

FREKUENSI = ChoiceSet(
    "frekuensi",
    ("harian", "Harian", "Daily"),
    ("mingguan", "Mingguan", "Weekly"),
    ("bulanan", "Bulanan", "Monthly"),
    ("triwulanan", "Triwulanan", "Quarterly"),
    ("semesteran", "Semesteran", "Half-yearly"),
    ("tahunan", "Tahunan", "Yearly"),
    ("adhoc", "Ad hoc", "Ad hoc"),
)

TINGKAT_PENYAJIAN = ChoiceSet(
    "tingkat_penyajian",
    ("kabupaten", "Kabupaten/Kota", "Regency/City"),
    ("kecamatan", "Kecamatan", "District"),
    ("desa", "Desa/Kelurahan", "Village"),
)

SIFAT_DATA = ChoiceSet(
    "sifat_data",
    ("terbuka", "Terbuka", "Open"),
    ("terbatas", "Terbatas (dibagipakaikan)", "Restricted (shared)"),
    ("dikecualikan", "Dikecualikan", "Exempt"),
)

STATUS_VERIFIKASI = ChoiceSet(
    "status_verifikasi",
    ("belum", "Belum diverifikasi", "Not verified"),
    ("diverifikasi", "Terverifikasi walidata", "Verified by walidata"),
    ("ditolak", "Perlu perbaikan", "Needs correction"),
)

FORMAT_DATA = ChoiceSet(
    "format_data",
    ("CSV", "CSV", "CSV"),
    ("XLSX", "XLSX", "XLSX"),
    ("JSON", "JSON", "JSON"),
    ("API", "API", "API"),
    ("PDF", "PDF", "PDF"),
    ("SHP", "SHP", "SHP"),
)

ARAH_KUNJUNGAN = ChoiceSet(
    "arah_kunjungan",
    ("masuk", "Masuk (daerah lain berkunjung)", "Incoming (another region visits)"),
    ("keluar", "Keluar (kami berkunjung)", "Outgoing (we visit)"),
)

STATUS_TINDAK_LANJUT = ChoiceSet(
    "status_tindak_lanjut",
    ("belum", "Belum dimulai", "Not started"),
    ("proses", "Dalam proses", "In progress"),
    ("selesai", "Selesai", "Done"),
    ("batal", "Dibatalkan", "Cancelled"),
)

JENIS_KERJA_SAMA = ChoiceSet(
    "jenis_kerja_sama",
    ("kb", "Kesepakatan Bersama (KB)", "Memorandum of Understanding (KB)"),
    ("pks", "Perjanjian Kerja Sama (PKS)", "Cooperation agreement (PKS)"),
    ("addendum", "Adendum", "Addendum"),  # KBBI: adendum
)

STATUS_KERJA_SAMA = ChoiceSet(
    "status_kerja_sama",
    ("persiapan", "Persiapan", "Preparation"),
    ("penawaran", "Penawaran", "Offer"),
    ("penyusunan", "Penyusunan naskah", "Drafting"),
    ("persetujuan_dprd", "Persetujuan DPRD", "DPRD approval"),
    ("penandatanganan", "Penandatanganan", "Signing"),
    ("pelaksanaan", "Pelaksanaan", "In force"),
    ("monev", "Monev dan pelaporan", "Monitoring and reporting"),
    ("berakhir", "Berakhir", "Ended"),
)

POSISI_TTD = ChoiceSet(
    "posisi_ttd",
    ("kiri", "Kiri", "Left"),
    ("kanan", "Kanan", "Right"),
)

LINGKUNGAN = ChoiceSet(
    "lingkungan",
    ("produksi", "Produksi", "Production"),
    ("staging", "Staging", "Staging"),
    ("uji", "Uji", "Test"),
)

LOKASI_DEPLOYMENT = ChoiceSet(
    "lokasi_deployment",
    ("pdn", "Pusat Data Nasional", "National Data Centre"),
    ("pdd", "Pusat Data Daerah", "Regional Data Centre"),
    ("cloud", "Cloud", "Cloud"),
    ("server_opd", "Server OPD", "OPD server"),
)

STATUS_DEPLOYMENT = ChoiceSet(
    "status_deployment",
    ("direncanakan", "Direncanakan", "Planned"),
    ("berhasil", "Berhasil", "Succeeded"),
    ("gagal", "Gagal", "Failed"),
    ("rollback", "Rollback", "Rolled back"),
)

JENIS_WILAYAH = ChoiceSet(
    "jenis_wilayah",
    ("provinsi", "Provinsi", "Province"),
    ("kabupaten", "Kabupaten", "Regency"),
    ("kota", "Kota", "City"),
)

AKSI_AUDIT = ChoiceSet(
    "aksi_audit",
    ("create", "Dibuat", "Created"),
    ("update", "Diubah", "Updated"),
    ("delete", "Dihapus", "Deleted"),
    # the sync changed a dataset's visibility on the catalog (its sifat data changed here)
    ("publish", "Dibuka untuk umum di katalog", "Made public on the catalog"),
    ("unpublish", "Dijadikan privat di katalog", "Made private on the catalog"),
)

ALL_CHOICE_SETS: tuple[ChoiceSet, ...] = tuple(
    v for v in list(globals().values()) if isinstance(v, ChoiceSet)
)
