"""Demo data: a realistic register for a Banyuwangi-like office (region 35.10).

Everything goes in through the record services, in one transaction, so the demo obeys
the same rules as a clerk's typing (validation, audit, search index). Names of officials
are fictional; the Karanganyar study visit of 20 April 2017 and the KB and PKS that
followed it are modelled on the public account of that visit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import t, tn

DOMAIN = "banyuwangikab.go.id"


@dataclass
class DemoSummary:
    opd: int
    apps: int
    datasets: int
    visits: int
    agreements: int
    deployments: int


# kode, nama, singkatan, jenis
OPD = [
    ("4.01.01", "Sekretariat Daerah", "Setda", "sekretariat"),
    ("4.02.01", "Sekretariat DPRD", "Setwan", "sekretariat"),
    ("6.01.01", "Inspektorat", "Inspektorat", "inspektorat"),
    ("1.01.01", "Dinas Pendidikan", "Dispendik", "dinas"),
    ("1.02.01", "Dinas Kesehatan", "Dinkes", "dinas"),
    ("1.03.01", "Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR", "dinas"),
    ("1.06.01", "Dinas Sosial", "Dinsos", "dinas"),
    ("2.12.01", "Dinas Kependudukan dan Pencatatan Sipil", "Dispendukcapil", "dinas"),
    ("2.16.01", "Dinas Komunikasi, Informatika dan Persandian", "Diskominfo", "dinas"),
    ("2.18.01", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas"),
    ("2.09.01", "Dinas Pertanian dan Pangan", "Dispertan", "dinas"),
    ("3.26.01", "Dinas Kebudayaan dan Pariwisata", "Disbudpar", "dinas"),
    ("3.25.01", "Dinas Perikanan", "Diskan", "dinas"),
    ("2.15.01", "Dinas Perhubungan", "Dishub", "dinas"),
    ("2.17.01", "Dinas Koperasi, Usaha Mikro dan Perdagangan", "Diskopumdag", "dinas"),
    ("5.01.01", "Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan"),
    ("5.02.01", "Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan"),
    ("5.02.02", "Badan Pendapatan Daerah", "Bapenda", "badan"),
    ("5.03.01", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "badan"),
    ("1.05.02", "Badan Penanggulangan Bencana Daerah", "BPBD", "badan"),
    ("1.05.01", "Satuan Polisi Pamong Praja", "Satpol PP", "satpol"),
    ("1.02.02", "RSUD Blambangan", "RSUD", "rsud"),
    ("7.01.01", "Kecamatan Giri", "Kec. Giri", "kecamatan"),
    ("7.01.02", "Kecamatan Glagah", "Kec. Glagah", "kecamatan"),
    ("7.01.03", "Kecamatan Kalipuro", "Kec. Kalipuro", "kecamatan"),
]

FIRST = ["Agus", "Budi", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko", "Kartika",
         "Lukman", "Maya", "Nur", "Putri", "Rahmat", "Sari", "Teguh", "Wahyu", "Yuni", "Zainal",
         "Rina", "Dimas", "Ayu", "Bayu", "Citra", "Fajar", "Hesti", "Irfan"]
LAST = ["Santoso", "Wulandari", "Prasetyo", "Hidayat", "Lestari", "Saputra", "Rahayu",
        "Kurniawan", "Permatasari", "Nugroho", "Setiawati", "Firmansyah", "Handayani",
        "Wibowo", "Maharani", "Susanto", "Anggraini", "Purnomo"]

# nama, singkatan, OPD singkatan, jenis, layanan, sasaran, platform, subdomain
APPS = [
    ("Smart Kampung", "SK", "Diskominfo", "khusus", "publik", ["G2C"], ["web", "android"],
     "smartkampung"),
    ("Surat Pernyataan Miskin Online", "SPM Online", "Dinsos", "khusus", "publik", ["G2C"],
     ["web"], "spm"),
    ("Sistem Informasi Kemiskinan Terpadu", "SIKT", "Bappeda", "khusus", "administrasi",
     ["G2G"], ["web"], "sikt"),
    ("Mal Pelayanan Publik Daring", "MPP Daring", "DPMPTSP", "khusus", "publik",
     ["G2C", "G2B"], ["web", "android"], "mpp"),
    ("e-Kinerja", "eKin", "BKPSDM", "khusus", "administrasi", ["G2E"], ["web"], "ekinerja"),
    ("Sistem Informasi Pemerintahan Daerah", "SIPD", "Bappeda", "umum", "administrasi",
     ["G2G"], ["web"], "sipd"),
    ("e-Office Persuratan", "e-Office", "Setda", "khusus", "administrasi", ["G2E"],
     ["web", "android"], "eoffice"),
    ("Sistem Informasi Manajemen Kepegawaian", "SIMPEG", "BKPSDM", "khusus", "administrasi",
     ["G2E"], ["web"], "simpeg"),
    ("Layanan Aspirasi dan Pengaduan Online Rakyat", "LAPOR!", "Diskominfo", "umum",
     "publik", ["G2C"], ["web", "android", "ios"], "lapor"),
    ("e-Musrenbang", "e-Musrenbang", "Bappeda", "khusus", "administrasi", ["G2G", "G2C"],
     ["web"], "musrenbang"),
    ("Sistem Informasi Pengelolaan Keuangan Daerah", "SIPKD", "BPKAD", "khusus",
     "administrasi", ["G2G"], ["web"], "sipkd"),
    ("e-Pajak Daerah", "e-Pajak", "Bapenda", "khusus", "publik", ["G2C", "G2B"],
     ["web", "android"], "epajak"),
    ("Sistem Informasi Akta Kelahiran", "SIAK Lahir", "Dispendukcapil", "khusus", "publik",
     ["G2C"], ["web"], "akta"),
    ("Antrean Online Dukcapil", "Antrean Dukcapil", "Dispendukcapil", "khusus", "publik",
     ["G2C"], ["web", "android"], "antrean"),
    ("Sistem Informasi Puskesmas", "SIMPUS", "Dinkes", "khusus", "publik", ["G2C"], ["web"],
     "simpus"),
    ("Rujukan Online RSUD", "Rujukan", "RSUD", "khusus", "publik", ["G2C"], ["web"],
     "rujukan"),
    ("Penerimaan Peserta Didik Baru", "PPDB", "Dispendik", "khusus", "publik", ["G2C"],
     ["web"], "ppdb"),
    ("Dapodik Daerah", "Dapodik", "Dispendik", "umum", "administrasi", ["G2G"], ["web"],
     "dapodik"),
    ("Sistem Informasi Jalan dan Jembatan", "SIJALI", "PUPR", "khusus", "administrasi",
     ["G2G"], ["web"], "sijali"),
    ("Perizinan Bangunan Gedung", "SIMBG", "PUPR", "umum", "publik", ["G2C", "G2B"], ["web"],
     "simbg"),
    ("Kartu Tani Digital", "Kartu Tani", "Dispertan", "khusus", "publik", ["G2C"],
     ["android"], "kartutani"),
    ("Banyuwangi Tourism", "BTourism", "Disbudpar", "khusus", "publik", ["G2C", "G2B"],
     ["web", "android", "ios"], "tourism"),
    ("Sistem Informasi Nelayan", "SINELAYAN", "Diskan", "khusus", "publik", ["G2C"],
     ["android"], "nelayan"),
    ("Uji KIR Online", "KIR", "Dishub", "khusus", "publik", ["G2C", "G2B"], ["web"], "kir"),
    ("Pasar Rakyat Daring", "PasarDaring", "Diskopumdag", "khusus", "publik", ["G2C", "G2B"],
     ["web", "android"], "pasar"),
    ("Sistem Informasi Kebencanaan", "SIKENCANA", "BPBD", "khusus", "publik", ["G2C", "G2G"],
     ["web", "android"], "bencana"),
    ("Sistem Informasi Pengawasan", "SIWAS", "Inspektorat", "khusus", "administrasi",
     ["G2G"], ["web"], "siwas"),
    ("Jaringan Dokumentasi dan Informasi Hukum", "JDIH", "Setda", "umum", "publik",
     ["G2C"], ["web"], "jdih"),
    ("Sistem Informasi DPRD", "SIDPRD", "Setwan", "khusus", "administrasi", ["G2G"], ["web"],
     "dprd"),
    ("Penegakan Perda Online", "SIGAP", "Satpol PP", "khusus", "publik", ["G2C"],
     ["android"], "sigap"),
    ("Portal Satu Data Banyuwangi", "Satu Data", "Diskominfo", "khusus", "publik",
     ["G2C", "G2G"], ["web"], "satudata"),
    ("Pusat Data Daerah Monitoring", "PDD Monitor", "Diskominfo", "khusus", "administrasi",
     ["G2E"], ["web"], "monitor"),
    ("Tanda Tangan Elektronik", "TTE", "Diskominfo", "umum", "administrasi", ["G2E"],
     ["web"], "tte"),
    ("Layanan Kecamatan Giri", "Lakon Giri", "Kec. Giri", "khusus", "publik", ["G2C"],
     ["web"], "giri"),
    ("Layanan Kecamatan Glagah", "Lakon Glagah", "Kec. Glagah", "khusus", "publik", ["G2C"],
     ["web"], "glagah"),
    ("Layanan Kecamatan Kalipuro", "Lakon Kalipuro", "Kec. Kalipuro", "khusus", "publik",
     ["G2C"], ["web"], "kalipuro"),
    ("Beasiswa Banyuwangi Cerdas", "Beasiswa", "Dispendik", "khusus", "publik", ["G2C"],
     ["web"], "beasiswa"),
    ("Sistem Informasi Gizi Balita", "SIGIZI", "Dinkes", "khusus", "publik", ["G2C"],
     ["android"], "gizi"),
    ("Aset Daerah Online", "SIMDA BMD", "BPKAD", "umum", "administrasi", ["G2G"], ["web"],
     "aset"),
    ("Wi-Fi Publik Desa", "WiFi Desa", "Diskominfo", "khusus", "publik", ["G2C"], ["web"],
     "wifi"),
]

# topic, satuan, frekuensi, tingkat, OPD singkatan
DATASET_TOPICS = [
    ("Jumlah Penduduk Miskin", "jiwa", "tahunan", "kecamatan", "Dinsos"),
    ("Jumlah Keluarga Penerima Manfaat PKH", "keluarga", "triwulanan", "desa", "Dinsos"),
    ("Jumlah Surat Pernyataan Miskin yang Diterbitkan", "surat", "bulanan", "kecamatan",
     "Dinsos"),
    ("Jumlah Penduduk menurut Jenis Kelamin", "jiwa", "semesteran", "kecamatan",
     "Dispendukcapil"),
    ("Jumlah Akta Kelahiran yang Diterbitkan", "akta", "bulanan", "kecamatan",
     "Dispendukcapil"),
    ("Jumlah Kepemilikan KTP Elektronik", "jiwa", "semesteran", "kecamatan",
     "Dispendukcapil"),
    ("Angka Partisipasi Kasar SD", "persen", "tahunan", "kecamatan", "Dispendik"),
    ("Jumlah Sekolah Dasar Negeri dan Swasta", "sekolah", "tahunan", "kecamatan",
     "Dispendik"),
    ("Jumlah Guru menurut Jenjang Pendidikan", "orang", "tahunan", "kabupaten", "Dispendik"),
    ("Jumlah Puskesmas dan Jaringannya", "unit", "tahunan", "kecamatan", "Dinkes"),
    ("Prevalensi Balita Stunting", "persen", "semesteran", "desa", "Dinkes"),
    ("Cakupan Imunisasi Dasar Lengkap", "persen", "bulanan", "kecamatan", "Dinkes"),
    ("Panjang Jalan Kabupaten menurut Kondisi", "km", "tahunan", "kabupaten", "PUPR"),
    ("Jumlah Jembatan Kabupaten", "unit", "tahunan", "kecamatan", "PUPR"),
    ("Jumlah Menara Telekomunikasi", "menara", "tahunan", "kecamatan", "Diskominfo"),
    ("Jumlah Titik Wi-Fi Publik Desa", "titik", "triwulanan", "desa", "Diskominfo"),
    ("Jumlah Aplikasi Perangkat Daerah", "aplikasi", "tahunan", "kabupaten", "Diskominfo"),
    ("Jumlah Izin Usaha yang Diterbitkan", "izin", "bulanan", "kabupaten", "DPMPTSP"),
    ("Realisasi Investasi PMDN dan PMA", "rupiah", "triwulanan", "kabupaten", "DPMPTSP"),
    ("Produksi Padi", "ton", "tahunan", "kecamatan", "Dispertan"),
    ("Produksi Kopi Rakyat", "ton", "tahunan", "kecamatan", "Dispertan"),
    ("Jumlah Kunjungan Wisatawan", "orang", "bulanan", "kabupaten", "Disbudpar"),
    ("Jumlah Hotel dan Homestay", "unit", "tahunan", "kecamatan", "Disbudpar"),
    ("Produksi Perikanan Tangkap", "ton", "bulanan", "kecamatan", "Diskan"),
    ("Jumlah Kendaraan Lulus Uji KIR", "kendaraan", "bulanan", "kabupaten", "Dishub"),
    ("Jumlah Koperasi Aktif", "unit", "tahunan", "kecamatan", "Diskopumdag"),
    ("Jumlah Pelaku UMKM", "unit usaha", "tahunan", "kecamatan", "Diskopumdag"),
    ("Indikator Makro Pembangunan Daerah", "indeks", "tahunan", "kabupaten", "Bappeda"),
    ("Realisasi Pendapatan Asli Daerah", "rupiah", "bulanan", "kabupaten", "Bapenda"),
    ("Realisasi Belanja Daerah", "rupiah", "triwulanan", "kabupaten", "BPKAD"),
    ("Jumlah Aparatur Sipil Negara menurut Golongan", "orang", "semesteran", "kabupaten",
     "BKPSDM"),
    ("Kejadian Bencana Alam", "kejadian", "bulanan", "kecamatan", "BPBD"),
    ("Jumlah Penegakan Peraturan Daerah", "kasus", "triwulanan", "kabupaten", "Satpol PP"),
    ("Jumlah Kunjungan Pasien Rawat Jalan RSUD", "kunjungan", "bulanan", "kabupaten", "RSUD"),
    ("Temuan Hasil Pemeriksaan Inspektorat", "temuan", "tahunan", "kabupaten", "Inspektorat"),
    ("Produk Hukum Daerah", "dokumen", "adhoc", "kabupaten", "Setda"),
    ("Jumlah Rapat Paripurna DPRD", "rapat", "tahunan", "kabupaten", "Setwan"),
    ("Jumlah Layanan Administrasi Kecamatan Giri", "layanan", "bulanan", "desa", "Kec. Giri"),
    ("Jumlah Layanan Administrasi Kecamatan Glagah", "layanan", "bulanan", "desa",
     "Kec. Glagah"),
    ("Jumlah Layanan Administrasi Kecamatan Kalipuro", "layanan", "bulanan", "desa",
     "Kec. Kalipuro"),
]
YEARS = (2022, 2023, 2024)

# date, arah, region, instansi, jabatan ketua, topics, peserta
VISITS = [
    (date(2018, 3, 14), "masuk", "35.78", "Dinas Komunikasi dan Informatika Kota Surabaya",
     "Kepala Bidang Aplikasi Informatika", "Integrasi layanan publik dan Mal Pelayanan Publik"),
    (date(2018, 9, 5), "keluar", "51.71", "Dinas Komunikasi, Informatika dan Statistik Kota "
     "Denpasar", "Sekretaris Diskominfo Banyuwangi", "Smart city dan Pusat Data Daerah"),
    (date(2019, 2, 20), "masuk", "52.01", "Dinas Komunikasi dan Informatika Kabupaten Lombok "
     "Barat", "Kepala Dinas", "Smart Kampung dan layanan desa berbasis web"),
    (date(2019, 7, 11), "keluar", "32.73", "Dinas Komunikasi dan Informatika Kota Bandung",
     "Kepala Seksi Infrastruktur TI", "Command center dan keamanan informasi"),
    (date(2020, 1, 23), "masuk", "64.72", "Dinas Komunikasi, Informatika, Statistik dan "
     "Persandian Kota Samarinda", "Kepala Bidang Statistik", "Satu Data dan walidata daerah"),
    (date(2021, 11, 9), "masuk", "73.71", "Dinas Komunikasi, Informatika, Statistik dan "
     "Persandian Kota Makassar", "Sekretaris Dinas", "Tanda tangan elektronik BSrE"),
    (date(2022, 6, 16), "keluar", "34.71", "Dinas Komunikasi, Informatika dan Persandian Kota "
     "Yogyakarta", "Kepala Bidang Aplikasi", "Jogja Smart Service dan interoperabilitas"),
    (date(2022, 10, 27), "masuk", "33.74", "Dinas Komunikasi dan Informatika Kota Semarang",
     "Kepala Bidang E-Government", "Pengaduan masyarakat dan LAPOR!"),
    (date(2023, 3, 2), "masuk", "35.09", "Dinas Komunikasi dan Informatika Kabupaten Jember",
     "Kepala Dinas", "Tata kelola aplikasi OPD dan rekomendasi Diskominfo"),
    (date(2023, 8, 17), "keluar", "31.71", "Dinas Komunikasi, Informatika dan Statistik "
     "Provinsi DKI Jakarta", "Kepala Seksi Aplikasi", "Jakarta Smart City"),
    (date(2024, 2, 8), "masuk", "61.71", "Dinas Komunikasi dan Informatika Kota Pontianak",
     "Sekretaris Dinas", "Satu Data dan portal data terbuka CKAN"),
    (date(2024, 9, 19), "masuk", "18.71", "Dinas Komunikasi dan Informatika Kota Bandar "
     "Lampung", "Kepala Bidang Persandian", "Keamanan informasi dan persandian"),
    (date(2025, 4, 24), "keluar", "35.73", "Dinas Komunikasi dan Informatika Kota Malang",
     "Kepala Bidang Aplikasi Informatika", "Super app layanan publik"),
    (date(2025, 10, 2), "masuk", "63.71", "Dinas Komunikasi dan Informatika Kota "
     "Banjarmasin", "Kepala Dinas", "Wi-Fi publik desa dan Smart Kampung"),
]

# days before the demo's "today", so this year's Beranda and reports have visits too
RECENT_VISITS = [
    (25, "masuk", "35.15", "Dinas Komunikasi dan Informatika Kabupaten Sidoarjo",
     "Kepala Bidang Statistik", "Portal Satu Data dan dasbor pimpinan"),
    (70, "keluar", "36.71", "Dinas Komunikasi dan Informatika Kota Tangerang",
     "Kepala Bidang Aplikasi Informatika", "Tangerang LIVE dan layanan terpadu"),
    (140, "masuk", "12.71", "Dinas Komunikasi dan Informatika Kota Medan",
     "Sekretaris Dinas", "Pusat Data Daerah dan keamanan informasi"),
    (215, "masuk", "74.71", "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota "
     "Kendari", "Kepala Dinas", "Smart Kampung dan Wi-Fi publik desa"),
    (260, "keluar", "33.72", "Dinas Komunikasi, Informatika, Statistik dan Persandian Kota "
     "Surakarta", "Kepala Seksi Infrastruktur TI", "Command center dan CCTV kota"),
]

KB_TITLE = ("Kerja Sama Pengembangan dan Pemanfaatan Teknologi Informasi dan Komunikasi dalam "
            "Penyelenggaraan Pemerintahan Daerah")
PKS_TITLE = ("Replikasi Aplikasi Surat Pernyataan Miskin Online dan Integrasi Data Kemiskinan "
             "Terpadu")


class _People:
    """Fictional names and NIPs, repeatable for the same seed."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self.serial = 0

    def name(self) -> str:
        return f"{self.rnd.choice(FIRST)} {self.rnd.choice(LAST)}"

    def nip(self) -> str:
        self.serial += 1
        born = date(1968, 1, 1) + timedelta(days=self.rnd.randrange(9000))
        hired = date(1995, 1, 1) + timedelta(days=self.rnd.randrange(8000))
        sex = self.rnd.choice("12")
        return f"{born:%Y%m%d}{hired:%Y%m}{sex}{self.serial % 1000:03d}"


def _ayat(*texts: str, butir: dict[int, list[str]] | None = None) -> list[dict[str, Any]]:
    butir = butir or {}
    return [{"teks": text, "butir": [{"teks": b} for b in butir.get(i, [])]}
            for i, text in enumerate(texts)]


def kb_articles() -> list[dict[str, Any]]:
    return [
        {"judul": "Maksud dan Tujuan", "ayat": _ayat(
            "Kesepakatan Bersama ini dimaksudkan sebagai pedoman bagi PARA PIHAK dalam "
            "melaksanakan kerja sama pengembangan dan pemanfaatan teknologi informasi dan "
            "komunikasi.",
            "Kesepakatan Bersama ini bertujuan untuk meningkatkan kualitas pelayanan publik "
            "dan efisiensi penyelenggaraan pemerintahan daerah PARA PIHAK.")},
        {"judul": "Objek dan Ruang Lingkup", "ayat": _ayat(
            "Objek Kesepakatan Bersama ini adalah pengembangan dan pemanfaatan aplikasi "
            "pemerintahan berbasis elektronik.",
            "Ruang lingkup Kesepakatan Bersama ini meliputi:",
            butir={1: ["pertukaran pengetahuan dan pengalaman penyelenggaraan SPBE;",
                       "replikasi aplikasi layanan publik;",
                       "integrasi dan pemanfaatan bersama data;",
                       "peningkatan kapasitas sumber daya manusia."]})},
        {"judul": "Bentuk Kerja Sama", "ayat": _ayat(
            "Kerja sama dilaksanakan dalam bentuk pendampingan teknis, pelatihan, dan "
            "penyerahan kode sumber aplikasi dengan izin pemilik.")},
        {"judul": "Pelaksanaan", "ayat": _ayat(
            "Pelaksanaan Kesepakatan Bersama ini dituangkan lebih lanjut dalam Perjanjian "
            "Kerja Sama yang ditandatangani oleh Perangkat Daerah yang ditunjuk PARA PIHAK.")},
        {"judul": "Pembiayaan", "ayat": _ayat(
            # placeholders: each demo KB prints its own source, years and duration
            "Biaya pelaksanaan Kesepakatan Bersama ini dibebankan pada {sumber_biaya} mulai "
            "Tahun Anggaran {tahun_anggaran_mulai} sesuai ketentuan peraturan "
            "perundang-undangan.")},
        {"judul": "Jangka Waktu", "ayat": _ayat(
            "Kesepakatan Bersama ini berlaku untuk jangka waktu {jangka_waktu} sejak tanggal "
            "ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.")},
        {"judul": "Pemantauan dan Evaluasi", "ayat": _ayat(
            "PARA PIHAK melakukan pemantauan dan evaluasi pelaksanaan Kesepakatan Bersama ini "
            "paling sedikit 1 (satu) kali dalam setahun.")},
        {"judul": "Perubahan", "ayat": _ayat(
            "Perubahan Kesepakatan Bersama ini dilakukan atas persetujuan PARA PIHAK dan "
            "dituangkan dalam adendum yang merupakan bagian tidak terpisahkan.")},
        {"judul": "Penyelesaian Perselisihan", "ayat": _ayat(
            "Perselisihan yang timbul diselesaikan secara musyawarah untuk mufakat.",
            "Dalam hal musyawarah tidak mencapai mufakat, perselisihan diselesaikan oleh "
            "Gubernur sesuai ketentuan peraturan perundang-undangan.")},
        {"judul": "Penutup", "ayat": _ayat(
            "Hal-hal yang belum diatur dalam Kesepakatan Bersama ini akan diatur kemudian atas "
            "kesepakatan PARA PIHAK.")},
    ]


def pks_articles() -> list[dict[str, Any]]:
    return [
        {"judul": "Maksud dan Tujuan", "ayat": _ayat(
            "Perjanjian Kerja Sama ini dimaksudkan untuk melaksanakan Kesepakatan Bersama "
            "PARA PIHAK di bidang teknologi informasi dan komunikasi.",
            "Perjanjian Kerja Sama ini bertujuan mereplikasi aplikasi Surat Pernyataan Miskin "
            "Online dan mengintegrasikan data kemiskinan dengan Bappeda.")},
        {"judul": "Objek", "ayat": _ayat(
            "Objek Perjanjian Kerja Sama ini adalah aplikasi Surat Pernyataan Miskin Online "
            "beserta dokumentasi dan kode sumbernya.")},
        {"judul": "Ruang Lingkup", "ayat": _ayat(
            "Ruang lingkup Perjanjian Kerja Sama ini meliputi:",
            butir={0: ["penyerahan kode sumber dan dokumentasi aplikasi;",
                       "pendampingan pemasangan pada Pusat Data Daerah PIHAK KEDUA;",
                       "pelatihan operator dan administrator;",
                       "integrasi data kemiskinan dengan sistem Bappeda."]})},
        {"judul": "Hak dan Kewajiban Pihak Pertama", "ayat": _ayat(
            "PIHAK PERTAMA berhak menerima laporan pemanfaatan aplikasi.",
            "PIHAK PERTAMA berkewajiban menyerahkan kode sumber dan memberikan pendampingan "
            "teknis.")},
        {"judul": "Hak dan Kewajiban Pihak Kedua", "ayat": _ayat(
            "PIHAK KEDUA berhak memanfaatkan aplikasi untuk penyelenggaraan pemerintahannya.",
            "PIHAK KEDUA berkewajiban menjaga kerahasiaan data dan tidak mengalihkan aplikasi "
            "kepada pihak lain tanpa persetujuan PIHAK PERTAMA.")},
        {"judul": "Pembiayaan", "ayat": _ayat(
            "Biaya yang timbul dibebankan pada {sumber_biaya} mulai Tahun Anggaran "
            "{tahun_anggaran_mulai}.")},
        {"judul": "Hak Kekayaan Intelektual dan Kode Sumber", "ayat": _ayat(
            "Hak cipta aplikasi tetap pada PIHAK PERTAMA; PIHAK KEDUA memperoleh hak pakai "
            "tanpa batas waktu selama Perjanjian berlaku.")},
        {"judul": "Kerahasiaan dan Pelindungan Data Pribadi", "ayat": _ayat(
            "PARA PIHAK wajib melindungi data pribadi sesuai Undang-Undang Nomor 27 Tahun "
            "2022 tentang Pelindungan Data Pribadi.")},
        {"judul": "Jangka Waktu", "ayat": _ayat(
            "Perjanjian Kerja Sama ini berlaku selama {jangka_waktu} sejak ditandatangani.")},
        {"judul": "Keadaan Memaksa", "ayat": _ayat(
            "Keadaan memaksa adalah keadaan di luar kemampuan PARA PIHAK, antara lain bencana "
            "alam, kebakaran, dan huru-hara.",
            "PIHAK yang mengalami keadaan memaksa memberitahukan kepada PIHAK lain paling lambat "
            "14 (empat belas) hari kalender.")},
        {"judul": "Penyelesaian Perselisihan", "ayat": _ayat(
            "Perselisihan diselesaikan secara musyawarah untuk mufakat, dan bila tidak tercapai "
            "diselesaikan oleh Gubernur.")},
        {"judul": "Pengakhiran", "ayat": _ayat(
            "Perjanjian Kerja Sama ini berakhir karena jangka waktunya habis, atas kesepakatan "
            "PARA PIHAK, atau karena keadaan memaksa yang tidak dapat diatasi.")},
        {"judul": "Penutup", "ayat": _ayat(
            "Hal-hal yang belum diatur dalam Perjanjian Kerja Sama ini akan diatur kemudian "
            "atas kesepakatan PARA PIHAK.")},
    ]


@dataclass(frozen=True)
class DemoTarget:
    """What the demo would overwrite or mix with: asked about before loading it."""

    office: str | None  # the office profile's name, replaced by the demo's Banyuwangi one
    records: int  # live records of every kind (the demo's OPD codes would clash with them)

    @property
    def empty(self) -> bool:
        return self.office is None and self.records == 0


class DemoRefused(DeskError):
    """The database is not empty and the caller did not say to go on anyway."""


def demo_target(desk: Desk) -> DemoTarget:
    office = desk.office.get()
    records = sum(service.count() for service in desk.services.values())
    return DemoTarget(office=str(office["nama"]) if office else None, records=records)


def describe_target(target: DemoTarget) -> str:
    """What is already in the database, in one sentence part ("profil kantor “X”")."""
    parts = []
    if target.office is not None:
        parts.append(t("profil kantor “{nama}”", nama=target.office))
    if target.records:
        parts.append(tn("{n} data", target.records, n=target.records))
    return t(" dan ").join(parts)


def load_demo(desk: Desk, *, today: date | None = None,
              replace_office: bool = False) -> DemoSummary:
    """Fill an empty database, writing nothing otherwise.

    Records of any kind refuse it always: demo OPDs, datasets and agreements mixed into a
    real register could not be told apart from real ones. An office profile alone is
    replaced only with ``replace_office`` (the window asked the user, or the CLI was given
    ``--force``): the profile heads every printed KB and report, so losing it silently is
    what issue 16 saw."""
    today = today or date.today()
    target = demo_target(desk)
    if target.records:
        raise DeskError(t("Basis data sudah berisi data; data contoh hanya dapat dimuat ke "
                          "basis data kosong."))
    if target.office is not None and not replace_office:
        raise DemoRefused(t("Basis data sudah berisi {what}; data contoh akan menggantinya.",
                            what=describe_target(target)))
    rnd = random.Random(2017)
    people = _People(rnd)
    desk.office.save({
        "region_kode": "35.10",
        "nama": "Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi",
        "alamat": "Jl. Ahmad Yani No. 78, Banyuwangi, Jawa Timur 68416",
        "telepon": "(0333) 424172", "email": f"diskominfo@{DOMAIN}",
        "website": f"https://diskominfo.{DOMAIN}",
        "kepala_nama": "Budi Santoso", "kepala_jabatan": "Kepala Dinas",
        "kepala_pangkat": "Pembina Utama Muda (IV/c)", "kepala_nip": people.nip(),
    })
    counts = DemoSummary(0, 0, 0, 0, 0, 0)
    with desk.db.session() as s:
        opd_ids: dict[str, str] = {}
        for kode, nama, singkatan, jenis in OPD:
            row = desk.opd.create({
                "kode": kode, "nama": nama, "singkatan": singkatan, "jenis": jenis,
                "kepala_nama": people.name(), "kepala_nip": people.nip(),
                "telepon": f"(0333) {rnd.randrange(410000, 429999)}",
                "email": f"{singkatan.lower().replace(' ', '').replace('.', '')}@{DOMAIN}",
                "alamat": "Banyuwangi",
            }, session=s)
            opd_ids[singkatan] = row["id"]
        counts.opd = len(OPD)

        dataset_ids: dict[str, list[str]] = {}
        sifat_cycle = ["terbuka"] * 8 + ["terbatas"]
        for index in range(120):
            topic, satuan, frekuensi, tingkat, opd = DATASET_TOPICS[index % len(DATASET_TOPICS)]
            year = YEARS[index // len(DATASET_TOPICS)]
            sifat = sifat_cycle[index % len(sifat_cycle)]
            if index in (17, 88):
                sifat = "dikecualikan"
            age = rnd.randrange(5, 500)
            slug = topic.lower().replace(" ", "-")[:40]
            row = desk.datasets.create({
                "judul": f"{topic} Tahun {year}",
                "deskripsi": f"{topic} di Kabupaten Banyuwangi tahun {year}, "
                             f"disajikan per {tingkat}.",
                "opd_id": opd_ids[opd], "walidata": "Diskominfo Kabupaten Banyuwangi",
                "kontak_nama": people.name(), "kontak_email": f"data.{slug[:12]}@{DOMAIN}",
                "konsep": topic, "definisi": f"Banyaknya {topic.lower()} pada periode laporan.",
                "klasifikasi": tingkat.capitalize(), "ukuran": "Jumlah", "satuan": satuan,
                "frekuensi": frekuensi, "tahun": year, "periode": str(year),
                "tingkat_penyajian": tingkat, "cakupan_kode": "35.10",
                "format": ["CSV", "XLSX"] if index % 3 else ["CSV", "JSON"],
                "sifat_data": sifat,
                "dasar_pengecualian": "UU 14/2008 Pasal 17 huruf h (informasi pribadi)"
                if sifat == "dikecualikan" else None,
                "lisensi": "CC-BY-4.0",
                "tanggal_rilis": date(year, 1, 15) + timedelta(days=rnd.randrange(200)),
                "terakhir_diperbarui": today - timedelta(days=age),
                "status_verifikasi": ("diverifikasi", "belum", "ditolak")[index % 5 % 3],
                "portal_url": f"https://satudata.{DOMAIN}/dataset/{slug}-{year}",
                "data_pribadi": sifat == "dikecualikan" or index % 23 == 0,
                "tags": [opd.lower(), topic.split()[1].lower()],
                "resources": [
                    {"nama": f"{topic} {year} (CSV)", "format": "CSV",
                     "url": f"https://satudata.{DOMAIN}/unduh/{slug}-{year}.csv"},
                ] + ([{"nama": "Metadata", "format": "PDF",
                       "url": f"https://satudata.{DOMAIN}/unduh/{slug}-{year}.pdf"}]
                     if index % 4 == 0 else []),
            }, session=s)
            dataset_ids.setdefault(opd, []).append(row["id"])
        counts.datasets = 120

        app_ids: dict[str, str] = {}
        statuses = ["operasional"] * 5 + ["pengembangan", "uji_coba", "perencanaan",
                                          "dihentikan"]
        developers = ["diskominfo", "inhouse", "vendor", "pusat"]
        for index, (nama, singkatan, opd, jenis, layanan, sasaran, platform, sub) in enumerate(
                APPS):
            year = 2014 + index % 11
            links = [{"dataset_id": d, "peran": "menghasilkan" if i == 0 else "menggunakan"}
                     for i, d in enumerate(dataset_ids.get(opd, [])[:2])]
            row = desk.apps.create({
                "nama": nama, "singkatan": singkatan,
                "deskripsi": f"{nama} dikelola {opd} untuk mendukung layanan "
                             f"{'publik' if layanan == 'publik' else 'administrasi pemerintahan'}.",
                "opd_pemilik_id": opd_ids[opd], "opd_pengelola_id": opd_ids["Diskominfo"],
                "pic_nama": people.name(), "pic_nip": people.nip(),
                "pic_kontak": f"0812{rnd.randrange(10_000_000, 99_999_999)}",
                "jenis": jenis, "layanan": layanan, "sasaran": sasaran, "platform": platform,
                "url": f"https://{sub}.{DOMAIN}",
                "bahasa_pemrograman": rnd.choice(["PHP", "Python", "Java", "JavaScript"]),
                "framework": rnd.choice(["Laravel", "CodeIgniter", "Django", "Spring Boot"]),
                "dbms": rnd.choice(["MySQL", "PostgreSQL", "MariaDB"]),
                "lisensi": "Open source (GPL-3.0)" if index % 2 else "Milik Pemerintah Daerah",
                "repositori": f"https://git.{DOMAIN}/aplikasi/{sub}",
                "pengembang": "pusat" if jenis == "umum" else developers[index % 3],
                "sumber_dana": "APBD" if jenis == "khusus" else "APBN", "tahun": year,
                "rekomendasi_nomor": f"555/{100 + index}/429.111/{year}"
                if index % 6 else None,
                "rekomendasi_tanggal": date(year, 1 + index % 12, 1 + index % 27)
                if index % 6 else None,
                "status": statuses[index % len(statuses)],
                "boleh_direplikasi": index % 3 == 0 or singkatan == "SPM Online",
                "datasets": links,
            }, session=s)
            app_ids[singkatan] = row["id"]
        counts.apps = len(APPS)

        kb, pks, others = _agreements(desk, s, people, today)
        counts.agreements = 2 + len(others)

        def visit_people(n: int, instansi: str, head: tuple[str, str]) -> list[dict[str, Any]]:
            rows = [{"nama": head[0], "jabatan": head[1], "instansi": instansi}]
            roles = ["Kepala Seksi", "Pranata Komputer", "Analis Data", "Staf"]
            rows += [{"nama": people.name(), "jabatan": rnd.choice(roles), "instansi": instansi}
                     for _ in range(n - 1)]
            return rows

        karanganyar = "Dinas Komunikasi dan Informatika Kabupaten Karanganyar"
        sekretaris = ("Hartono Wibisono", "Sekretaris Dinas Komunikasi dan Informatika "
                      "Kabupaten Karanganyar")
        desk.visits.create({
            "arah": "masuk", "tanggal_mulai": date(2017, 4, 20),
            "tanggal_selesai": date(2017, 4, 20), "region_kode": "33.13",
            "instansi": karanganyar, "ketua_nama": sekretaris[0], "ketua_jabatan": sekretaris[1],
            "jumlah_peserta": 9,
            "penerima": "Kepala Seksi Infrastruktur TI Diskominfo Kabupaten Banyuwangi",
            "lokasi": "Lounge Pelayanan Publik, Kantor Pemerintah Kabupaten Banyuwangi",
            "topik": "Koordinasi pembuatan aplikasi OPD dengan Diskominfo; keterbukaan data "
                     "OPD; Surat Pernyataan Miskin (SPM) online; data kemiskinan terintegrasi "
                     "dengan Bappeda.",
            "ringkasan": "Rombongan mempelajari mekanisme rekomendasi Diskominfo bagi setiap "
                         "SKPD yang akan membuat aplikasi, penyediaan subdomain dan hosting di "
                         "Pusat Data Daerah, serta alur SPM online yang datanya terhubung dengan "
                         "basis data kemiskinan Bappeda.",
            "peserta": visit_people(9, karanganyar, sekretaris),
            "tindak_lanjut": [
                {"uraian": "Menyusun draf Kesepakatan Bersama kerja sama TIK",
                 "penanggung_jawab": "Bagian Kerja Sama Setda", "tenggat": date(2017, 6, 30),
                 "status": "selesai"},
                {"uraian": "Menyerahkan dokumentasi teknis aplikasi SPM online",
                 "penanggung_jawab": "Seksi Aplikasi Diskominfo", "tenggat": date(2017, 9, 30),
                 "status": "selesai"},
                {"uraian": "Evaluasi pemanfaatan aplikasi di Karanganyar",
                 "penanggung_jawab": "Seksi Infrastruktur TI",
                 "tenggat": today - timedelta(days=20), "status": "proses"},
            ],
            "kerjasama_ids": [kb, pks], "aplikasi_ids": [app_ids["SPM Online"],
                                                         app_ids["SIKT"]],
        }, session=s)
        def visit(day: date, end: date, arah: str, region: str, instansi: str, jabatan: str,
                  topik: str, n: int, penerima: str, follow_up: dict[str, Any],
                  **links: Any) -> dict[str, Any]:
            head = (people.name(), jabatan)
            return {
                "arah": arah, "tanggal_mulai": day, "tanggal_selesai": end,
                "region_kode": region, "instansi": instansi, "ketua_nama": head[0],
                "ketua_jabatan": jabatan, "jumlah_peserta": n,
                "penerima": penerima if arah == "masuk" else None,
                "lokasi": "Ruang Rapat Diskominfo Banyuwangi" if arah == "masuk"
                else f"Kantor {instansi}",
                "topik": topik, "ringkasan": f"Diskusi tentang {topik.lower()}.",
                "peserta": visit_people(n, instansi if arah == "masuk"
                                        else "Diskominfo Kabupaten Banyuwangi", head),
                "tindak_lanjut": [follow_up], **links,
            }

        for index, (day, arah, region, instansi, jabatan, topik) in enumerate(VISITS):
            due = day + timedelta(days=60) if index < 10 else today + timedelta(days=15 * index
                                                                                  - 150)
            desk.visits.create(visit(
                day, day + timedelta(days=index % 2), arah, region, instansi, jabatan, topik,
                3 + index % 9, "Sekretaris Dinas",
                {"uraian": f"Tindak lanjut: {topik}",
                 "penanggung_jawab": "Bidang Aplikasi Informatika", "tenggat": due,
                 "status": "selesai" if due < today - timedelta(days=90) else "belum"},
                kerjasama_ids=[others[index]] if index < len(others) else [],
                aplikasi_ids=[list(app_ids.values())[index * 2 % len(app_ids)]],
            ), session=s)
        for days, arah, region, instansi, jabatan, topik in RECENT_VISITS:
            day = today - timedelta(days=days)
            desk.visits.create(visit(
                day, day, arah, region, instansi, jabatan, topik, 4 + days % 5, "Kepala Dinas",
                {"uraian": f"Laporan hasil kunjungan: {topik}",
                 "penanggung_jawab": "Sekretariat", "tenggat": day + timedelta(days=30),
                 "status": "selesai" if days > 60 else "proses"},
            ), session=s)
        counts.visits = 1 + len(VISITS) + len(RECENT_VISITS)

        environments = ["produksi"] * 3 + ["staging", "uji"]
        results = ["berhasil"] * 5 + ["gagal", "rollback", "direncanakan"]
        for index in range(30):
            singkatan = list(app_ids)[index % len(app_ids)]
            sub = APPS[index % len(APPS)][7]
            status = results[index % len(results)]
            when = today - timedelta(days=index * 9 - 12) if status == "direncanakan" \
                else today - timedelta(days=index * 9 + 1)
            desk.deployments.create({
                "aplikasi_id": app_ids[singkatan], "versi": f"{1 + index % 4}.{index % 7}.0",
                "lingkungan": environments[index % len(environments)],
                "host": f"vm-{sub}-{index % 3 + 1:02d}.pdd.local",
                "lokasi": ("pdd", "pdd", "cloud", "pdn", "server_opd")[index % 5],
                "domain": f"{sub}.{DOMAIN}",
                "ssl_berakhir": today + timedelta(days=index * 13 - 20),
                "jadwal_backup": ("Harian 02.00", "Mingguan (Minggu 01.00)")[index % 2],
                "uji_restore_terakhir": today - timedelta(days=30 + index * 7),
                "tanggal": when, "pelaksana": people.name(), "status": status,
                "catatan": "Pemasangan rutin melalui pipeline CI." if status == "berhasil"
                else "Perlu ditinjau ulang oleh Seksi Infrastruktur TI.",
                "tte_bsre": singkatan in ("TTE", "e-Office", "SPM Online"),
            }, session=s)
        counts.deployments = 30
    return counts


def _party(nama: str, region: str | None, kedudukan: str, nomor: str, signer: str,
           jabatan: str, side: str, **extra: Any) -> dict[str, Any]:
    return {"nama_instansi": nama, "region_kode": region, "kedudukan": kedudukan,
            "nomor_naskah": nomor, "penandatangan_nama": signer,
            "penandatangan_jabatan": jabatan, "posisi_ttd": side, **extra}


def _agreements(desk: Desk, s: Any, people: _People, today: date
                ) -> tuple[str, str, list[str]]:
    kb = desk.agreements.create({
        "jenis": "kb", "judul": KB_TITLE, "tempat_ttd": "Banyuwangi",
        "tanggal_ttd": date(2017, 7, 27), "berlaku_mulai": date(2017, 7, 27),
        "berlaku_sampai": date(2022, 7, 26), "jangka_waktu_tahun": 5,
        "sumber_biaya": "Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK",
        "tahun_anggaran_mulai": 2017, "perlu_persetujuan_dprd": False, "meterai": False,
        "rangkap": 2, "status": "berakhir",
        "premis": [
            "bahwa PARA PIHAK berwenang menyelenggarakan urusan pemerintahan bidang komunikasi "
            "dan informatika sesuai Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
            "Daerah",
            "bahwa pada tanggal 20 April 2017 Dinas Komunikasi dan Informatika Kabupaten "
            "Karanganyar telah melakukan kunjungan kerja ke Kabupaten Banyuwangi untuk "
            "mempelajari tata kelola aplikasi pemerintahan",
            "bahwa PARA PIHAK sepakat bekerja sama mengembangkan dan memanfaatkan teknologi "
            "informasi dan komunikasi untuk peningkatan pelayanan publik",
        ],
        "pihak": [
            _party("Pemerintah Kabupaten Banyuwangi", "35.10",
                   "Jl. Ahmad Yani No. 100, Banyuwangi", "119/12/429.011/2017",
                   "H. Arif Prasetyo, S.H., M.Si.", "Bupati Banyuwangi", "kiri"),
            _party("Pemerintah Kabupaten Karanganyar", "33.13",
                   "Jl. Lawu No. 385, Karanganyar", "130/045/2017",
                   "Dr. Hj. Sri Handayani, M.Pd.",
                   "Bupati Karanganyar", "kanan"),
        ],
        "pasal": kb_articles(),
        "lampiran": [
            {"kegiatan": "Pertukaran pengetahuan tata kelola aplikasi OPD",
             "penanggung_jawab": "Diskominfo PARA PIHAK", "waktu": "Triwulan III 2017"},
            {"kegiatan": "Penyusunan Perjanjian Kerja Sama replikasi SPM Online",
             "penanggung_jawab": "Diskominfo PARA PIHAK", "waktu": "Triwulan IV 2017"},
        ],
    }, session=s)["id"]
    pks = desk.agreements.create({
        "jenis": "pks", "induk_id": kb, "judul": PKS_TITLE, "tempat_ttd": "Karanganyar",
        "tanggal_ttd": date(2017, 11, 14), "berlaku_mulai": date(2017, 11, 14),
        "berlaku_sampai": date(2019, 11, 13), "jangka_waktu_tahun": 2,
        "sumber_biaya": "APBD masing-masing PIHAK", "tahun_anggaran_mulai": 2018,
        "meterai": True, "rangkap": 2, "status": "berakhir",
        "premis": [
            # filled from the KB when printed (its numbers, date and title)
            "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor {nomor_kb} "
            "tanggal {tanggal_kb} tentang {judul_kb}",
            "bahwa PIHAK KEDUA memerlukan aplikasi Surat Pernyataan Miskin Online yang telah "
            "dikembangkan dan dioperasikan oleh PIHAK PERTAMA",
        ],
        "pihak": [
            _party("Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi", "35.10",
                   "Jl. Ahmad Yani No. 78, Banyuwangi", "555/318/429.111/2017",
                   "Budi Santoso, S.Kom., M.T.",
                   "Kepala Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi",
                   "kiri", penandatangan_pangkat="Pembina Utama Muda (IV/c)",
                   penandatangan_nip=people.nip(), surat_kuasa_nomor="180/87/429.011/2017",
                   surat_kuasa_tanggal=date(2017, 11, 1)),
            _party("Dinas Komunikasi dan Informatika Kabupaten Karanganyar", "33.13",
                   "Jl. Lawu No. 385, Karanganyar", "555/212/2017",
                   "Ir. Hartono Wibisono, M.M.",
                   "Kepala Dinas Komunikasi dan Informatika Kabupaten Karanganyar", "kanan",
                   penandatangan_pangkat="Pembina Tingkat I (IV/b)",
                   penandatangan_nip=people.nip(), surat_kuasa_nomor="180/66/2017",
                   surat_kuasa_tanggal=date(2017, 11, 3)),
        ],
        "pasal": pks_articles(),
        "lampiran": [
            {"kegiatan": "Penyerahan kode sumber dan dokumentasi SPM Online",
             "penanggung_jawab": "PIHAK PERTAMA", "waktu": "Desember 2017"},
            {"kegiatan": "Pemasangan aplikasi di Pusat Data Daerah Karanganyar",
             "penanggung_jawab": "PARA PIHAK", "waktu": "Januari 2018"},
            {"kegiatan": "Pelatihan operator kecamatan dan desa",
             "penanggung_jawab": "PIHAK PERTAMA", "waktu": "Februari 2018"},
            {"kegiatan": "Integrasi data kemiskinan dengan Bappeda Karanganyar",
             "penanggung_jawab": "PIHAK KEDUA", "waktu": "Maret - Juni 2018"},
            {"kegiatan": "Monitoring dan evaluasi pemanfaatan",
             "penanggung_jawab": "PARA PIHAK", "waktu": "Setiap semester"},
        ],
    }, session=s)["id"]
    partners = [
        ("Pemerintah Kota Denpasar", "51.71", "Bupati Banyuwangi", "Wali Kota Denpasar",
         "Kerja Sama Pengembangan Kota Cerdas", date(2019, 3, 12), 5, "pelaksanaan"),
        ("Pemerintah Kabupaten Lombok Barat", "52.01", "Bupati Banyuwangi",
         "Bupati Lombok Barat", "Replikasi Program Smart Kampung", date(2021, 8, 3), 5,
         "pelaksanaan"),
        ("Pemerintah Kota Samarinda", "64.72", "Bupati Banyuwangi", "Wali Kota Samarinda",
         "Pengembangan Satu Data Daerah", date(2023, 5, 22), 3, "monev"),
        # ready to sign: the signing is scheduled, so the draft prints complete
        ("Pemerintah Kota Pontianak", "61.71", "Bupati Banyuwangi", "Wali Kota Pontianak",
         "Pemanfaatan Bersama Portal Data Terbuka", today + timedelta(days=30), 5,
         "penandatanganan"),
    ]
    others = []
    for index, (nama, region, own, theirs, judul, signed, years, status) in enumerate(partners):
        start = signed
        end = None
        if signed is not None:
            day = min(signed.day, 28) if signed.month == 2 else signed.day  # 29 February
            end = today + timedelta(days=45) if index == 0 else \
                date(signed.year + years, signed.month, day) - timedelta(days=1)
        others.append(desk.agreements.create({
            "jenis": "kb", "judul": judul, "tempat_ttd": "Banyuwangi" if index % 2 else
            nama.split()[-1], "tanggal_ttd": signed, "berlaku_mulai": start,
            "berlaku_sampai": end, "jangka_waktu_tahun": years,
            "sumber_biaya": "APBD masing-masing PIHAK",
            "tahun_anggaran_mulai": signed.year if signed else today.year + 1,
            "rangkap": 2, "status": status,
            "premis": [f"bahwa PARA PIHAK sepakat bekerja sama dalam {judul.lower()}"],
            "pihak": [
                _party("Pemerintah Kabupaten Banyuwangi", "35.10", "Banyuwangi",
                       f"119/{30 + index}/429.011/{signed.year if signed else today.year}",
                       "Arif Prasetyo", own, "kiri"),
                _party(nama, region, nama.replace("Pemerintah ", ""),
                       f"415.4/{10 + index}/{signed.year if signed else today.year}",
                       people.name(), theirs, "kanan"),
            ],
            "pasal": kb_articles()[:6] + kb_articles()[-2:],
        }, session=s)["id"])
    return kb, pks, others
