"""Realistic agreements as plain dicts (the shape ``desk.agreements.get`` returns).

The KB between Kabupaten Banyuwangi (35.10) and Kabupaten Karanganyar (33.13) after the
20 April 2017 study visit, and the PKS carrying it out; the officials are fictional.
Both are complete, so ``check_agreement`` finds nothing; tests break them on purpose.
Their articles are stored as drafts store them now: the template's text with its
``{placeholders}``, filled from the fields when printed or checked.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.core.agreement_templates import template_text

KB_TITLE = ("Kerja Sama Pengembangan dan Pemanfaatan Teknologi Informasi dan Komunikasi "
            "dalam Penyelenggaraan Pemerintahan Daerah")
PKS_TITLE = ("Replikasi Aplikasi Surat Pernyataan Miskin Online dan Integrasi Data "
             "Kemiskinan")


def kb(**changes: Any) -> dict[str, Any]:
    agreement: dict[str, Any] = {
        "id": "kb-1", "version": 1, "jenis": "kb", "induk_id": None, "judul": KB_TITLE,
        "tempat_ttd": "Banyuwangi", "tanggal_ttd": date(2017, 4, 20),
        "berlaku_mulai": date(2017, 4, 20), "berlaku_sampai": date(2022, 4, 19),
        "jangka_waktu_tahun": 5,
        "sumber_biaya": "Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK",
        "tahun_anggaran_mulai": 2017, "perlu_persetujuan_dprd": False, "meterai": False,
        "rangkap": 2, "status": "penandatanganan", "catatan": None,
        "premis": [
            "bahwa pada tanggal 20 April 2017 Dinas Komunikasi dan Informatika Kabupaten "
            "Karanganyar telah melakukan kunjungan kerja ke Dinas Komunikasi, Informatika "
            "dan Persandian Kabupaten Banyuwangi dalam rangka studi tiru tata kelola aplikasi "
            "dan data terbuka",
        ],
        "pihak": [
            {"region_kode": "35.10", "nama_instansi": "Pemerintah Kabupaten Banyuwangi",
             "kedudukan": "Jl. Ahmad Yani No. 100, Banyuwangi",
             "nomor_naskah": "119/12/429.011/2017", "penandatangan_nama": "Arif Prasetyo",
             "penandatangan_jabatan": "Bupati Banyuwangi", "penandatangan_pangkat": None,
             "penandatangan_nip": None, "surat_kuasa_nomor": None,
             "surat_kuasa_tanggal": None, "posisi_ttd": "kiri"},
            {"region_kode": "33.13", "nama_instansi": "Pemerintah Kabupaten Karanganyar",
             "kedudukan": "Jl. Lawu No. 385, Karanganyar", "nomor_naskah": "130/045/2017",
             "penandatangan_nama": "Sri Handayani",
             "penandatangan_jabatan": "Bupati Karanganyar", "penandatangan_pangkat": None,
             "penandatangan_nip": None, "surat_kuasa_nomor": None,
             "surat_kuasa_tanggal": None, "posisi_ttd": "kanan"},
        ],
        "lampiran": [
            {"kegiatan": "Pertukaran pengetahuan tata kelola aplikasi Perangkat Daerah",
             "penanggung_jawab": "Diskominfo PARA PIHAK", "waktu": "Triwulan III 2017",
             "keterangan": "Kunjungan balasan"},
            {"kegiatan": "Penyusunan Perjanjian Kerja Sama replikasi SPM Online",
             "penanggung_jawab": "Diskominfo PARA PIHAK", "waktu": "Triwulan IV 2017",
             "keterangan": None},
        ],
    }
    filled = template_text("kb")
    agreement["pasal"] = filled["pasal"]
    agreement["premis"] = [*agreement["premis"], *filled["premis"]]
    agreement.update(changes)
    return agreement


def pks(**changes: Any) -> dict[str, Any]:
    agreement: dict[str, Any] = {
        "id": "pks-1", "version": 1, "jenis": "pks", "induk_id": "kb-1", "judul": PKS_TITLE,
        "tempat_ttd": "Karanganyar", "tanggal_ttd": date(2017, 11, 14),
        "berlaku_mulai": date(2017, 11, 14), "berlaku_sampai": date(2019, 11, 13),
        "jangka_waktu_tahun": 2, "sumber_biaya": "APBD masing-masing PIHAK",
        "tahun_anggaran_mulai": 2018, "perlu_persetujuan_dprd": False, "meterai": True,
        "rangkap": 2, "status": "penandatanganan", "catatan": None,
        "premis": [
            "bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor "
            "119/12/429.011/2017 dan 130/045/2017 tanggal 20 April 2017",
        ],
        "pihak": [
            {"region_kode": "35.10",
             "nama_instansi": "Dinas Komunikasi, Informatika dan Persandian Kabupaten "
                              "Banyuwangi",
             "kedudukan": "Jl. Ahmad Yani No. 78, Banyuwangi",
             "nomor_naskah": "555/318/429.111/2017", "penandatangan_nama": "Budi Santoso",
             "penandatangan_jabatan": "Kepala Dinas Komunikasi, Informatika dan Persandian "
                                      "Kabupaten Banyuwangi",
             "penandatangan_pangkat": "Pembina Utama Muda (IV/c)",
             "penandatangan_nip": "196805121994031007",
             "surat_kuasa_nomor": "180/87/429.011/2017",
             "surat_kuasa_tanggal": date(2017, 11, 1), "posisi_ttd": "kanan"},
            {"region_kode": "33.13",
             "nama_instansi": "Dinas Komunikasi dan Informatika Kabupaten Karanganyar",
             "kedudukan": "Jl. Lawu No. 385, Karanganyar", "nomor_naskah": "555/212/2017",
             "penandatangan_nama": "Hartono Wibisono",
             "penandatangan_jabatan": "Kepala Dinas Komunikasi dan Informatika Kabupaten "
                                      "Karanganyar",
             "penandatangan_pangkat": "Pembina Tingkat I (IV/b)",
             "penandatangan_nip": "197003041995031002",
             "surat_kuasa_nomor": "180/66/2017", "surat_kuasa_tanggal": date(2017, 11, 3),
             "posisi_ttd": "kiri"},
        ],
        "lampiran": [
            {"kegiatan": "Penyerahan kode sumber dan dokumentasi SPM Online",
             "penanggung_jawab": "PIHAK PERTAMA", "waktu": "Desember 2017", "keterangan": None},
            {"kegiatan": "Pemasangan aplikasi di Pusat Data Daerah Karanganyar",
             "penanggung_jawab": "PARA PIHAK", "waktu": "Januari 2018", "keterangan": None},
        ],
    }
    filled = template_text("pks")
    agreement["pasal"] = filled["pasal"]
    agreement["premis"] = [*agreement["premis"], *filled["premis"]]
    agreement.update(changes)
    return agreement


def without_article(agreement: dict[str, Any], *headings: str) -> dict[str, Any]:
    """The agreement minus the articles with these headings (exact, case-insensitive)."""
    drop = {h.lower() for h in headings}
    missing = drop - {p["judul"].lower() for p in agreement["pasal"]}
    assert not missing, f"no such article: {missing}"
    return {**agreement, "pasal": [p for p in agreement["pasal"]
                                   if p["judul"].lower() not in drop]}


def as_stored(agreement: dict[str, Any]) -> dict[str, Any]:
    """What ``desk.agreements.create`` accepts (no id, version or drafting-only keys)."""
    return {k: v for k, v in agreement.items() if k not in ("id", "version", "induk_id")}
