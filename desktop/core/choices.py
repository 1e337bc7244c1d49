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

    def __init__(self, name: str, *items: tuple[str, Label]) -> None:
        self.name = name
        self.choices = tuple(Choice(code, label) for code, label in items)
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
    ("sekretariat", Label("Sekretariat")),
    ("dinas", Label("Dinas")),
    ("badan", Label("Badan")),
    ("inspektorat", Label("Inspektorat")),
    ("kecamatan", Label("Kecamatan")),
    ("kelurahan", Label("Kelurahan")),
    ("rsud", Label("RSUD")),
    ("satpol", Label("Satuan Polisi Pamong Praja")),
    ("lainnya", Label("Lainnya")),
)

JENIS_APLIKASI = ChoiceSet(
    "jenis_aplikasi",
    ("umum", Label("Aplikasi Umum")),
    ("khusus", Label("Aplikasi Khusus")),
)

LAYANAN_APLIKASI = ChoiceSet(
    "layanan_aplikasi",
    ("administrasi", Label("Administrasi pemerintahan")),
    ("publik", Label("Layanan publik")),
)

SASARAN_APLIKASI = ChoiceSet(
    "sasaran_aplikasi",
    ("G2C", Label("G2C (masyarakat)")),
    ("G2B", Label("G2B (pelaku usaha)")),
    ("G2G", Label("G2G (antarinstansi)")),
    ("G2E", Label("G2E (pegawai)")),
)

PLATFORM_APLIKASI = ChoiceSet(
    "platform_aplikasi",
    ("web", Label("Web")),
    ("android", Label("Android")),
    ("ios", Label("iOS")),
    ("desktop", Label("Desktop")),
)

PENGEMBANG_APLIKASI = ChoiceSet(
    "pengembang_aplikasi",
    ("inhouse", Label("Swakelola OPD")),
    ("diskominfo", Label("Diskominfo")),
    ("vendor", Label("Pihak ketiga (vendor)")),
    ("pusat", Label("Pemerintah pusat")),
)

STATUS_APLIKASI = ChoiceSet(
    "status_aplikasi",
    ("perencanaan", Label("Perencanaan")),
    ("pengembangan", Label("Pengembangan")),
    ("uji_coba", Label("Uji coba")),
    ("operasional", Label("Operasional")),
    ("dihentikan", Label("Dihentikan")),
)

PERAN_DATASET_APLIKASI = ChoiceSet(
    "peran_dataset_aplikasi",
    ("menggunakan", Label("Menggunakan")),
    ("menghasilkan", Label("Menghasilkan")),
)

FREKUENSI = ChoiceSet(
    "frekuensi",
    ("harian", Label("Harian")),
    ("mingguan", Label("Mingguan")),
    ("bulanan", Label("Bulanan")),
    ("triwulanan", Label("Triwulanan")),
    ("semesteran", Label("Semesteran")),
    ("tahunan", Label("Tahunan")),
    ("adhoc", Label("Ad hoc")),
)

TINGKAT_PENYAJIAN = ChoiceSet(
    "tingkat_penyajian",
    ("kabupaten", Label("Kabupaten/Kota")),
    ("kecamatan", Label("Kecamatan", context="tingkat wilayah")),
    ("desa", Label("Desa/Kelurahan")),
)

SIFAT_DATA = ChoiceSet(
    "sifat_data",
    ("terbuka", Label("Terbuka")),
    ("terbatas", Label("Terbatas (dibagipakaikan)")),
    ("dikecualikan", Label("Dikecualikan")),
)

STATUS_VERIFIKASI = ChoiceSet(
    "status_verifikasi",
    ("belum", Label("Belum diverifikasi")),
    ("diverifikasi", Label("Terverifikasi walidata")),
    ("ditolak", Label("Perlu perbaikan")),
)

FORMAT_DATA = ChoiceSet(
    "format_data",
    ("CSV", Label("CSV")),
    ("XLSX", Label("XLSX")),
    ("JSON", Label("JSON")),
    ("API", Label("API")),
    ("PDF", Label("PDF")),
    ("SHP", Label("SHP")),
)

ARAH_KUNJUNGAN = ChoiceSet(
    "arah_kunjungan",
    ("masuk", Label("Masuk (daerah lain berkunjung)")),
    ("keluar", Label("Keluar (kami berkunjung)")),
)

STATUS_TINDAK_LANJUT = ChoiceSet(
    "status_tindak_lanjut",
    ("belum", Label("Belum dimulai")),
    ("proses", Label("Dalam proses")),
    ("selesai", Label("Selesai")),
    ("batal", Label("Dibatalkan")),
)

JENIS_KERJA_SAMA = ChoiceSet(
    "jenis_kerja_sama",
    ("kb", Label("Kesepakatan Bersama (KB)")),
    ("pks", Label("Perjanjian Kerja Sama (PKS)")),
    ("addendum", Label("Adendum")),  # KBBI: adendum
)

STATUS_KERJA_SAMA = ChoiceSet(
    "status_kerja_sama",
    ("persiapan", Label("Persiapan")),
    ("penawaran", Label("Penawaran")),
    ("penyusunan", Label("Penyusunan naskah")),
    ("persetujuan_dprd", Label("Persetujuan DPRD")),
    ("penandatanganan", Label("Penandatanganan")),
    ("pelaksanaan", Label("Pelaksanaan")),
    ("monev", Label("Monev dan pelaporan")),
    ("berakhir", Label("Berakhir")),
)

POSISI_TTD = ChoiceSet(
    "posisi_ttd",
    ("kiri", Label("Kiri")),
    ("kanan", Label("Kanan")),
)

LINGKUNGAN = ChoiceSet(
    "lingkungan",
    ("produksi", Label("Produksi")),
    ("staging", Label("Staging")),
    ("uji", Label("Uji")),
)

LOKASI_DEPLOYMENT = ChoiceSet(
    "lokasi_deployment",
    ("pdn", Label("Pusat Data Nasional")),
    ("pdd", Label("Pusat Data Daerah")),
    ("cloud", Label("Cloud")),
    ("server_opd", Label("Server OPD")),
)

STATUS_DEPLOYMENT = ChoiceSet(
    "status_deployment",
    ("direncanakan", Label("Direncanakan")),
    ("berhasil", Label("Berhasil")),
    ("gagal", Label("Gagal")),
    ("rollback", Label("Rollback")),
)

JENIS_WILAYAH = ChoiceSet(
    "jenis_wilayah",
    ("provinsi", Label("Provinsi")),
    ("kabupaten", Label("Kabupaten")),
    ("kota", Label("Kota")),
)

AKSI_AUDIT = ChoiceSet(
    "aksi_audit",
    ("create", Label("Dibuat")),
    ("update", Label("Diubah")),
    ("delete", Label("Dihapus")),
    # the sync changed a dataset's visibility on the catalog (its sifat data changed here)
    ("publish", Label("Dibuka untuk umum di katalog")),
    ("unpublish", Label("Dijadikan privat di katalog")),
    # a file attached to the record or deleted from it (desktop.core.attachments)
    ("berkas+", Label("Berkas dilampirkan")),
    ("berkas-", Label("Berkas dihapus")),
)

ALL_CHOICE_SETS: tuple[ChoiceSet, ...] = tuple(
    v for v in list(globals().values()) if isinstance(v, ChoiceSet)
)
