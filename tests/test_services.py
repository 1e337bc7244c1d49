"""Record services on SQLite and PostgreSQL: create, get, update, list, soft delete.

Owned rows (participants, follow-ups, resources, links, parties, articles) round-trip
exactly; versions guard against lost updates between two workstations.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, NotFoundError, StaleRecordError, ValidationError
from desktop.core.services.records import ListQuery

KINDS = ("opd", "apps", "datasets", "visits", "agreements", "deployments")
TABLES = {
    "opd": "perangkat_daerah", "apps": "aplikasi", "datasets": "dataset",
    "visits": "kunjungan", "agreements": "kerjasama", "deployments": "deployment",
}


# --------------------------------------------------------------------------- helpers
def project(actual: Any, expected: Any) -> Any:
    """``actual`` cut down to the keys ``expected`` names (recursively, lists kept whole)."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: project(actual.get(k), v) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list):
        if len(actual) != len(expected):
            return actual
        return [project(a, e) for a, e in zip(actual, expected, strict=True)]
    return actual


def ids_of(rows: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in rows]


def make_opd(desk: Desk, kode: str = "1.01", nama: str = "Dinas Kesehatan", **extra: Any) -> str:
    return desk.opd.create({"kode": kode, "nama": nama, **extra})["id"]


class World:
    """The records a full payload of each kind points at."""

    def __init__(self, desk: Desk) -> None:
        self.opd1 = make_opd(desk, "1.02.01", "Dinas Kesehatan", singkatan="Dinkes")
        self.opd2 = make_opd(desk, "2.16.01", "Dinas Komunikasi dan Informatika",
                             singkatan="Diskominfo")
        self.ds1 = desk.datasets.create({"judul": "Jumlah Puskesmas", "opd_id": self.opd1})["id"]
        self.ds2 = desk.datasets.create({"judul": "Jumlah Tenaga Kesehatan",
                                         "opd_id": self.opd1})["id"]
        self.app = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": self.opd1})["id"]
        self.kb = desk.agreements.create({"judul": "Kesepakatan Bersama SPBE"})["id"]


def full_payload(kind: str, w: World) -> dict[str, Any]:
    """Every field filled, owned rows in a deliberate (non-alphabetical) order."""
    if kind == "opd":
        return {
            "kode": "4.01.01", "nama": "Badan Perencanaan Pembangunan Daerah",
            "singkatan": "Bappeda", "jenis": "badan", "kepala_nama": "Ir. Siti Aminah",
            "kepala_nip": "197001011990032001", "alamat": "Jl. Lawu 385\nKaranganyar",
            "telepon": "(0271) 495039", "email": "bappeda@karanganyarkab.go.id",
            "website": "https://bappeda.karanganyarkab.go.id",
        }
    if kind == "apps":
        return {
            "nama": "Sistem Informasi Puskesmas", "singkatan": "SIMPUS2",
            "deskripsi": "Rekam medis elektronik\npuskesmas", "opd_pemilik_id": w.opd1,
            "opd_pengelola_id": w.opd2, "pic_nama": "Budi Santoso",
            "pic_nip": "198501012010011001", "pic_kontak": "0812-0000-0000", "jenis": "umum",
            "layanan": "publik", "sasaran": ["G2G", "G2C"], "platform": ["web", "android"],
            "url": "https://simpus.karanganyarkab.go.id", "bahasa_pemrograman": "PHP",
            "framework": "Laravel", "dbms": "PostgreSQL", "lisensi": "GPL-3.0",
            "repositori": "https://git.karanganyarkab.go.id/simpus", "pengembang": "vendor",
            "sumber_dana": "APBD", "tahun": 2021, "rekomendasi_nomor": "555/12/2021",
            "rekomendasi_tanggal": date(2021, 3, 4), "status": "operasional",
            "boleh_direplikasi": True,
            "datasets": [{"dataset_id": w.ds2, "peran": "menghasilkan"},
                         {"dataset_id": w.ds1, "peran": "menggunakan"}],
        }
    if kind == "datasets":
        return {
            "judul": "Jumlah Balita Gizi Buruk", "deskripsi": "Per kecamatan",
            "opd_id": w.opd1, "walidata": "Diskominfo", "kontak_nama": "Ani",
            "kontak_email": "data@karanganyarkab.go.id", "konsep": "Balita", "definisi": "Umur",
            "klasifikasi": "Kecamatan", "ukuran": "Jumlah", "satuan": "Jiwa",
            "frekuensi": "bulanan", "tahun": 2024, "periode": "Januari-Desember",
            "tingkat_penyajian": "kecamatan", "cakupan_kode": "33.13", "format": ["XLSX", "CSV"],
            "sifat_data": "terbatas", "dasar_pengecualian": None, "lisensi": "CC-BY-4.0",
            "tanggal_rilis": date(2024, 1, 15), "terakhir_diperbarui": date(2024, 6, 30),
            "status_verifikasi": "diverifikasi",
            "portal_url": "https://data.karanganyarkab.go.id/dataset/gizi",
            "data_pribadi": True, "tags": ["stunting", "gizi", "balita"],
            "resources": [
                {"nama": "Tabel 2024", "url": "https://data.karanganyarkab.go.id/2024.csv",
                 "format": "CSV", "deskripsi": "Semester 1"},
                {"nama": "Tabel 2023", "url": None, "format": "XLSX", "deskripsi": None},
            ],
        }
    if kind == "visits":
        return {
            "arah": "keluar", "tanggal_mulai": date(2024, 5, 21),
            "tanggal_selesai": date(2024, 5, 23), "region_kode": "35.10",
            "instansi": "Diskominfo Kabupaten Banyuwangi", "ketua_nama": "Drs. Joko",
            "ketua_jabatan": "Kepala Dinas", "jumlah_peserta": 3, "penerima": "Sekretaris",
            "lokasi": "Ruang Rapat", "topik": "Smart kampung", "ringkasan": "Baris 1\nBaris 2",
            "kerjasama_ids": [w.kb], "aplikasi_ids": [w.app],
            "peserta": [{"nama": "Zaenal", "jabatan": "Kabid", "instansi": "Diskominfo"},
                        {"nama": "Ani", "jabatan": "Staf", "instansi": None},
                        {"nama": "Mira", "jabatan": None, "instansi": "Bappeda"}],
            "tindak_lanjut": [
                {"uraian": "Kirim kode sumber", "penanggung_jawab": "Bidang Aptika",
                 "tenggat": date(2024, 6, 30), "status": "proses", "catatan": None},
                {"uraian": "Susun PKS", "penanggung_jawab": None, "tenggat": None,
                 "status": "belum", "catatan": "Menunggu KB"},
            ],
        }
    if kind == "agreements":
        return {
            "jenis": "pks", "induk_id": w.kb, "judul": "Replikasi Aplikasi SIMPUS",
            "tempat_ttd": "Karanganyar", "tanggal_ttd": date(2024, 8, 1),
            "berlaku_mulai": date(2024, 8, 1), "berlaku_sampai": date(2027, 7, 31),
            "jangka_waktu_tahun": 3, "sumber_biaya": "APBD masing-masing",
            "tahun_anggaran_mulai": 2025, "perlu_persetujuan_dprd": True, "meterai": True,
            "rangkap": 3, "status": "pelaksanaan",
            "premis": ["bahwa para pihak ...", "bahwa replikasi ..."], "catatan": "Catatan",
            "pihak": [
                {"region_kode": "33.13", "nama_instansi": "Pemerintah Kabupaten Karanganyar",
                 "kedudukan": "Jl. Lawu 385", "nomor_naskah": "180/1/2024",
                 "penandatangan_nama": "Juliyatmono", "penandatangan_jabatan": "Bupati",
                 "penandatangan_pangkat": None, "penandatangan_nip": None,
                 "surat_kuasa_nomor": None, "surat_kuasa_tanggal": None, "posisi_ttd": "kanan"},
                {"region_kode": "35.10", "nama_instansi": "Pemerintah Kabupaten Banyuwangi",
                 "penandatangan_nip": "197001011990031001",
                 "surat_kuasa_nomor": "800/2/2024", "surat_kuasa_tanggal": date(2024, 7, 25),
                 "posisi_ttd": "kiri"},
            ],
            "pasal": [
                {"judul": "Maksud dan Tujuan", "ayat": [
                    {"teks": "Ayat (1)", "butir": [{"teks": "c. tiga"}, {"teks": "a. satu"}]},
                    {"teks": "Ayat (2)", "butir": []},
                ]},
                {"judul": "Ruang Lingkup", "ayat": [{"teks": "Satu-satunya", "butir": []}]},
            ],
            "lampiran": [
                {"kegiatan": "Pelatihan", "penanggung_jawab": "Diskominfo", "waktu": "2025",
                 "keterangan": None},
                {"kegiatan": "Instalasi", "penanggung_jawab": None, "waktu": None,
                 "keterangan": "Server PDD"},
            ],
        }
    assert kind == "deployments"
    return {
        "aplikasi_id": w.app, "versi": "2.1.0", "lingkungan": "staging", "host": "vm-simpus-01",
        "lokasi": "pdd", "domain": "simpus.karanganyarkab.go.id",
        "ssl_berakhir": date(2025, 1, 31), "jadwal_backup": "Harian 02:00",
        "uji_restore_terakhir": date(2024, 5, 1), "tanggal": date(2024, 6, 12),
        "pelaksana": "Tim Aptika", "status": "berhasil", "catatan": "Tanpa kendala",
        "tte_bsre": True,
    }


def expected_stored(kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What get() gives back: many-to-many links come back sorted by id; owned rows
    (dataset links included) keep the order they were saved in."""
    out = dict(payload)
    for key in ("kerjasama_ids", "aplikasi_ids"):
        if key in out:
            out[key] = sorted(out[key])
    return out


@pytest.fixture
def world(desk: Desk) -> World:
    return World(desk)


# --------------------------------------------------------------------------- create / get
@pytest.mark.parametrize("kind", KINDS)
def test_full_record_round_trips_every_field_and_owned_row(desk: Desk, world: World,
                                                           kind: str) -> None:
    payload = full_payload(kind, world)
    created = desk.service(kind).create(payload)
    stored = desk.service(kind).get(created["id"])
    expected = expected_stored(kind, payload)
    assert project(stored, expected) == expected
    assert project(created, expected) == expected
    assert stored["version"] == 1 and stored["deleted_at"] is None


@pytest.mark.parametrize("kind", KINDS)
def test_created_record_is_listed_once(desk: Desk, world: World, kind: str) -> None:
    service = desk.service(kind)
    before = set(service.ids())
    created = service.create(full_payload(kind, world))
    page = service.list()
    assert set(service.ids()) - before == {created["id"]}
    assert page.total == len(before) + 1
    assert [r["id"] for r in page.rows].count(created["id"]) == 1


def test_dates_given_as_text_come_back_as_dates(desk: Desk) -> None:
    created = desk.visits.create({"tanggal_mulai": "20/04/2017", "tanggal_selesai": "2017-04-22",
                                  "instansi": "Pemkab Banyuwangi"})
    stored = desk.visits.get(created["id"])
    assert (stored["tanggal_mulai"], stored["tanggal_selesai"]) == (date(2017, 4, 20),
                                                                     date(2017, 4, 22))


def test_get_of_an_unknown_id_raises_not_found(desk: Desk) -> None:
    with pytest.raises(NotFoundError):
        desk.opd.get("00000000-0000-0000-0000-000000000000")


def test_kind_aliases_reach_the_same_service(desk: Desk) -> None:
    assert desk.service("aplikasi") is desk.apps
    assert desk.service("kunjungan") is desk.visits
    assert desk.service("kerjasama") is desk.agreements


# --------------------------------------------------------------------------- owned rows on update
def test_update_keeps_ids_of_kept_rows_in_the_new_order(desk: Desk) -> None:
    created = desk.visits.create({
        "tanggal_mulai": "2024-05-21", "instansi": "Pemkab Banyuwangi",
        "peserta": [{"nama": "Ani"}, {"nama": "Budi"}, {"nama": "Citra"}],
    })
    ani, budi, citra = created["peserta"]
    updated = desk.visits.update(created["id"], {"peserta": [
        {"id": citra["id"], "nama": "Citra"},
        {"id": ani["id"], "nama": "Ani Rahayu", "jabatan": "Kasi"},
        {"nama": "Dedi"},
    ]}, expected_version=1)
    stored = desk.visits.get(created["id"])
    assert [p["nama"] for p in stored["peserta"]] == ["Citra", "Ani Rahayu", "Dedi"]
    assert ids_of(stored["peserta"])[:2] == [citra["id"], ani["id"]]
    assert ids_of(stored["peserta"])[2] not in {ani["id"], budi["id"], citra["id"]}
    assert stored["peserta"][1]["jabatan"] == "Kasi"
    assert updated["version"] == 2 and stored["version"] == 2


def test_nested_articles_keep_their_ids_when_reordered(desk: Desk, world: World) -> None:
    created = desk.agreements.create(full_payload("agreements", world))
    pasal = created["pasal"]
    ayat1 = pasal[0]["ayat"][0]
    new_pasal = [
        {"id": pasal[1]["id"], "judul": "Ruang Lingkup (diubah)",
         "ayat": pasal[1]["ayat"]},
        {"id": pasal[0]["id"], "judul": pasal[0]["judul"], "ayat": [
            {"id": ayat1["id"], "teks": ayat1["teks"],
             "butir": [ayat1["butir"][1], {"teks": "b. baru"}]},
        ]},
    ]
    desk.agreements.update(created["id"], {"pasal": new_pasal}, expected_version=1)
    stored = desk.agreements.get(created["id"])["pasal"]
    assert ids_of(stored) == [pasal[1]["id"], pasal[0]["id"]]
    assert stored[0]["judul"] == "Ruang Lingkup (diubah)"
    assert ids_of(stored[0]["ayat"]) == ids_of(pasal[1]["ayat"])
    assert ids_of(stored[1]["ayat"]) == [ayat1["id"]]
    butir = stored[1]["ayat"][0]["butir"]
    assert [b["teks"] for b in butir] == ["a. satu", "b. baru"]
    assert butir[0]["id"] == ayat1["butir"][1]["id"]


def test_rows_of_a_collection_not_given_are_left_alone(desk: Desk, world: World) -> None:
    created = desk.agreements.create(full_payload("agreements", world))
    desk.agreements.update(created["id"], {"lampiran": []}, expected_version=1)
    stored = desk.agreements.get(created["id"])
    assert stored["lampiran"] == []
    assert stored["pihak"] == created["pihak"] and stored["pasal"] == created["pasal"]


def test_dataset_links_of_an_app_can_be_changed(desk: Desk, world: World) -> None:
    created = desk.apps.create(full_payload("apps", world))
    desk.apps.update(created["id"], {"datasets": [{"dataset_id": world.ds1,
                                                   "peran": "menghasilkan"}]},
                     expected_version=1)
    assert desk.apps.get(created["id"])["datasets"] == [
        {"dataset_id": world.ds1, "peran": "menghasilkan"}
    ]


def test_dataset_links_of_an_app_keep_their_order(desk: Desk, world: World) -> None:
    links = [{"dataset_id": world.ds2, "peran": "menghasilkan"},
             {"dataset_id": world.ds1, "peran": "menggunakan"}]
    links.sort(key=lambda r: r["dataset_id"], reverse=True)  # never the stored order
    created = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": world.opd1,
                                "datasets": links})
    assert desk.apps.get(created["id"])["datasets"] == links


def test_saving_the_same_dataset_links_again_is_a_no_op(desk: Desk, world: World) -> None:
    links = sorted([{"dataset_id": world.ds1, "peran": "menggunakan"},
                    {"dataset_id": world.ds2, "peran": "menggunakan"}],
                   key=lambda r: r["dataset_id"], reverse=True)
    created = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": world.opd1,
                                "datasets": links})
    again = desk.apps.update(created["id"], {"datasets": links}, expected_version=1)
    assert again["version"] == 1
    assert len(desk.apps.history(created["id"])) == 1


# --------------------------------------------------------------------------- partial update
PARTIAL_CHANGES: dict[str, Callable[[World], dict[str, Any]]] = {
    "opd": lambda w: {"nama": "Badan Perencanaan, Penelitian dan Pengembangan Daerah"},
    "apps": lambda w: {"status": "dihentikan", "tahun": None},
    "datasets": lambda w: {"terakhir_diperbarui": date(2024, 12, 31), "tags": ["gizi"]},
    "visits": lambda w: {"ketua_nama": "Dra. Sri", "aplikasi_ids": []},
    "agreements": lambda w: {"status": "berakhir", "premis": ["bahwa hanya satu"]},
    "deployments": lambda w: {"versi": "2.2.0", "domain": None},
}


@pytest.mark.parametrize("kind", KINDS)
def test_partial_update_changes_only_the_given_fields(desk: Desk, world: World,
                                                      kind: str) -> None:
    service = desk.service(kind)
    created = service.create(full_payload(kind, world))
    before = service.get(created["id"])
    changes = PARTIAL_CHANGES[kind](world)
    returned = service.update(created["id"], changes, expected_version=1)
    after = service.get(created["id"])
    assert returned == after
    assert after["version"] == 2
    assert after["updated_at"] >= before["updated_at"]
    assert after["created_at"] == before["created_at"]
    for key, value in before.items():
        if key in ("version", "updated_at"):
            continue
        assert after[key] == changes.get(key, value), key


# --------------------------------------------------------------------------- versions
def test_each_real_change_increments_the_version(desk: Desk) -> None:
    opd_id = make_opd(desk)
    assert desk.opd.update(opd_id, {"singkatan": "Dinkes"}, expected_version=1)["version"] == 2
    assert desk.opd.update(opd_id, {"singkatan": "DKK"}, expected_version=2)["version"] == 3
    assert desk.opd.get(opd_id)["version"] == 3


def test_change_of_owned_rows_only_increments_the_version(desk: Desk) -> None:
    created = desk.visits.create({"tanggal_mulai": "2024-05-21", "instansi": "Pemkab",
                                  "peserta": [{"nama": "Ani"}]})
    row = created["peserta"][0]
    updated = desk.visits.update(created["id"], {"peserta": [{**row, "jabatan": "Kasi"}]},
                                 expected_version=1)
    assert updated["version"] == 2
    assert desk.visits.get(created["id"])["peserta"] == [{**row, "jabatan": "Kasi"}]


def test_change_of_a_nested_row_only_increments_the_version(desk: Desk, world: World) -> None:
    created = desk.agreements.create(full_payload("agreements", world))
    pasal = created["pasal"]
    pasal[0]["ayat"][0]["butir"][0]["teks"] = "c. tiga (diubah)"
    assert desk.agreements.update(created["id"], {"pasal": pasal},
                                  expected_version=1)["version"] == 2


@pytest.mark.parametrize("kind", KINDS)
def test_saving_a_record_unchanged_keeps_its_version(desk: Desk, world: World,
                                                     kind: str) -> None:
    service = desk.service(kind)
    created = service.create(full_payload(kind, world))
    stored = service.get(created["id"])
    assert service.update(created["id"], stored, expected_version=1)["version"] == 1
    assert service.get(created["id"]) == stored


def test_same_values_written_differently_are_no_change(desk: Desk) -> None:
    created = desk.visits.create({"tanggal_mulai": "2024-05-21", "instansi": "Pemkab",
                                  "jumlah_peserta": 3})
    same = {"tanggal_mulai": "21/05/2024", "instansi": "  Pemkab ", "jumlah_peserta": "3"}
    assert desk.visits.update(created["id"], same, expected_version=1)["version"] == 1
    assert desk.visits.get(created["id"])["updated_at"] == created["updated_at"]


def test_refused_update_keeps_the_version(desk: Desk) -> None:
    opd_id = make_opd(desk)
    with pytest.raises(ValidationError):
        desk.opd.update(opd_id, {"nama": ""}, expected_version=1)
    assert desk.opd.get(opd_id)["version"] == 1


# --------------------------------------------------------------------------- stale saves
@pytest.fixture
def other_desk(database_url: str) -> Any:
    d = Desk.open(database_url, user="lain")
    yield d
    d.close()


def test_second_workstation_saving_a_stale_copy_is_refused(desk: Desk, other_desk: Desk) -> None:
    created = desk.visits.create({"tanggal_mulai": "2024-05-21", "instansi": "Pemkab",
                                  "peserta": [{"nama": "Ani"}]})
    mine = desk.visits.get(created["id"])
    theirs = other_desk.visits.get(created["id"])
    assert mine["version"] == theirs["version"] == 1

    desk.visits.update(created["id"], {"ketua_nama": "Pertama",
                                       "peserta": [*mine["peserta"], {"nama": "Budi"}]},
                       expected_version=mine["version"])
    with pytest.raises(StaleRecordError) as info:
        other_desk.visits.update(created["id"], {"ketua_nama": "Kedua", "lokasi": "Aula",
                                                 "peserta": []},
                                 expected_version=theirs["version"])
    assert info.value.current_version == 2

    for reader in (desk, other_desk):
        stored = reader.visits.get(created["id"])
        assert stored["version"] == 2
        assert stored["ketua_nama"] == "Pertama" and stored["lokasi"] is None
        assert [p["nama"] for p in stored["peserta"]] == ["Ani", "Budi"]
    assert [h["pengguna"] for h in desk.visits.history(created["id"])] == ["penguji", "penguji"]


def test_stale_copy_can_be_saved_after_reloading(desk: Desk, other_desk: Desk) -> None:
    opd_id = make_opd(desk)
    desk.opd.update(opd_id, {"singkatan": "Dinkes"}, expected_version=1)
    reloaded = other_desk.opd.get(opd_id)
    saved = other_desk.opd.update(opd_id, {"kepala_nama": "Budi"},
                                  expected_version=reloaded["version"])
    assert (saved["version"], saved["singkatan"], saved["kepala_nama"]) == (3, "Dinkes", "Budi")


def test_deleting_with_a_stale_version_is_refused(desk: Desk, other_desk: Desk) -> None:
    opd_id = make_opd(desk)
    other_desk.opd.update(opd_id, {"singkatan": "Dinkes"}, expected_version=1)
    with pytest.raises(StaleRecordError):
        desk.opd.delete(opd_id, expected_version=1)
    assert desk.opd.get(opd_id)["deleted_at"] is None


# --------------------------------------------------------------------------- soft delete
def standalone(desk: Desk, kind: str) -> str:
    """A record of ``kind`` nothing else points at."""
    if kind == "opd":
        return make_opd(desk, "9.99", "Kantor Lama")
    opd_id = make_opd(desk)
    data = {
        "apps": {"nama": "SIMPUS", "opd_pemilik_id": opd_id},
        "datasets": {"judul": "Jumlah Puskesmas", "opd_id": opd_id},
        "visits": {"tanggal_mulai": "2024-05-21", "instansi": "Pemkab Banyuwangi",
                   "peserta": [{"nama": "Ani"}]},
        "agreements": {"judul": "KB SPBE", "pihak": [{"nama_instansi": "Pemkab"}]},
    }.get(kind)
    if data is None:
        app = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": opd_id})["id"]
        data = {"aplikasi_id": app, "tanggal": "2024-06-12"}
    return desk.service(kind).create(data)["id"]


@pytest.mark.parametrize("kind", KINDS)
def test_soft_deleted_record_is_hidden_but_kept(desk: Desk, kind: str) -> None:
    service = desk.service(kind)
    record_id = standalone(desk, kind)
    service.delete(record_id, expected_version=1)

    with pytest.raises(NotFoundError):
        service.get(record_id)
    assert record_id not in service.ids()
    assert record_id not in [r["id"] for r in service.list().rows]
    assert record_id in [r["id"] for r in service.list(ListQuery(include_deleted=True)).rows]
    kept = service.get(record_id, include_deleted=True)
    assert kept["deleted_at"] is not None and kept["version"] == 2
    with desk.db.session() as s:
        deleted_at = s.execute(text(f"SELECT deleted_at FROM {TABLES[kind]} WHERE id = :id"),
                               {"id": record_id}).scalar_one()
    assert deleted_at is not None


def test_owned_rows_of_a_deleted_record_are_kept(desk: Desk) -> None:
    record_id = standalone(desk, "visits")
    desk.visits.delete(record_id)
    assert [p["nama"] for p in desk.visits.get(record_id, include_deleted=True)["peserta"]] == [
        "Ani"
    ]


def test_deleted_record_cannot_be_updated_or_deleted_again(desk: Desk) -> None:
    opd_id = make_opd(desk)
    desk.opd.delete(opd_id)
    with pytest.raises(NotFoundError):
        desk.opd.update(opd_id, {"nama": "Hidup lagi"}, expected_version=2)
    with pytest.raises(NotFoundError):
        desk.opd.delete(opd_id)
    assert desk.opd.get(opd_id, include_deleted=True)["nama"] == "Dinas Kesehatan"


@pytest.mark.parametrize("user", ["app_owner", "app_manager", "dataset", "deployment",
                                  "app_link", "pks"])
def test_deleting_a_record_still_in_use_is_refused(desk: Desk, user: str) -> None:
    opd_id = make_opd(desk)
    other_opd = make_opd(desk, "1.02", "Dinas Pendidikan")
    if user in ("app_owner", "app_manager"):
        field = "opd_pemilik_id" if user == "app_owner" else "opd_pengelola_id"
        data = {"nama": "SIMPUS", "opd_pemilik_id": other_opd, field: opd_id}
        using = desk.apps.create(data)["id"]
        service, target = desk.opd, opd_id
    elif user == "dataset":
        using = desk.datasets.create({"judul": "Data", "opd_id": opd_id})["id"]
        service, target = desk.opd, opd_id
    elif user == "deployment":
        target = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": opd_id})["id"]
        using = desk.deployments.create({"aplikasi_id": target, "tanggal": "2024-06-12"})["id"]
        service = desk.apps
    elif user == "app_link":
        target = desk.datasets.create({"judul": "Data", "opd_id": opd_id})["id"]
        using = desk.apps.create({"nama": "SIMPUS", "opd_pemilik_id": opd_id,
                                  "datasets": [{"dataset_id": target}]})["id"]
        service = desk.datasets
    else:
        target = desk.agreements.create({"judul": "KB"})["id"]
        using = desk.agreements.create({"judul": "PKS", "jenis": "pks",
                                        "induk_id": target})["id"]
        service = desk.agreements

    with pytest.raises(DeskError) as info:
        service.delete(target)
    assert not isinstance(info.value, (NotFoundError, StaleRecordError, ValidationError))
    assert service.get(target)["version"] == 1

    user_kind = {"dataset": "datasets", "deployment": "deployments", "pks": "agreements"}.get(
        user, "apps")
    desk.service(user_kind).delete(using)
    service.delete(target)  # nothing uses it any more
    with pytest.raises(NotFoundError):
        service.get(target)


def test_visit_linked_to_a_deleted_agreement_can_still_be_saved(desk: Desk) -> None:
    kb = desk.agreements.create({"judul": "KB SPBE"})["id"]
    visit_id = desk.visits.create({"tanggal_mulai": "2024-05-21", "instansi": "Pemkab",
                                   "kerjasama_ids": [kb]})["id"]
    try:
        desk.agreements.delete(kb)
    except DeskError:
        return  # refusing the delete is a fix too
    stored = desk.visits.get(visit_id)
    desk.visits.update(visit_id, {**stored, "ketua_nama": "Budi"},
                       expected_version=stored["version"])


def test_creating_with_an_id_already_in_use_is_a_desk_error(desk: Desk) -> None:
    opd_id = make_opd(desk)
    with pytest.raises(DeskError):
        desk.opd.create({"id": opd_id, "kode": "9.99", "nama": "Kembar"})


def test_create_keeps_a_given_id(desk: Desk) -> None:
    wanted = "0b7e1f9a-1111-4222-8333-444455556666"
    assert desk.opd.create({"id": wanted, "kode": "1.01", "nama": "Dinas"})["id"] == wanted
    assert desk.opd.get(wanted)["nama"] == "Dinas"


# --------------------------------------------------------------------------- lists
@pytest.fixture
def apps(desk: Desk) -> dict[str, str]:
    """Five apps with distinct statuses, years and dates; some fields left empty."""
    opd1 = make_opd(desk, "1.01", "Dinas Kesehatan")
    opd2 = make_opd(desk, "1.02", "Badan Keuangan")
    rows = [
        ("alpha", "Aa", opd1, "operasional", 2019, "2019-03-01"),
        ("Bravo", None, opd1, "pengembangan", 2021, "2021-07-15"),
        ("charlie", "Cc", opd2, "operasional", None, None),
        ("delta", "dd", opd2, "dihentikan", 2020, "2020-01-31"),
        ("Echo Karanganyar", None, opd1, "perencanaan", 2023, "2023-12-01"),
    ]
    out = {}
    for nama, singkatan, opd, status, tahun, tanggal in rows:
        out[nama] = desk.apps.create({
            "nama": nama, "singkatan": singkatan, "opd_pemilik_id": opd, "status": status,
            "tahun": tahun, "rekomendasi_tanggal": tanggal,
        })["id"]
    return out


def names(desk: Desk, query: ListQuery) -> list[str]:
    return [r["nama"] for r in desk.apps.list(query).rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"status": "operasional"}, {"alpha", "charlie"}),
        ({"status__ne": "operasional"}, {"Bravo", "delta", "Echo Karanganyar"}),
        ({"status__in": ["dihentikan", "perencanaan"]}, {"delta", "Echo Karanganyar"}),
        ({"rekomendasi_tanggal__gte": "2020-01-31"}, {"Bravo", "delta", "Echo Karanganyar"}),
        ({"rekomendasi_tanggal__lte": "31/01/2020"}, {"alpha", "delta"}),
        ({"rekomendasi_tanggal__gte": "2020-01-01", "rekomendasi_tanggal__lte": "2021-12-31"},
         {"Bravo", "delta"}),
        ({"tahun__gte": 2021}, {"Bravo", "Echo Karanganyar"}),
        ({"tahun": None}, {"charlie"}),
        ({"tahun__isnull": False}, {"alpha", "Bravo", "delta", "Echo Karanganyar"}),
        ({"nama__contains": "ARANG"}, {"Echo Karanganyar"}),
        ({"nama__contains": "a"}, {"alpha", "Bravo", "charlie", "delta", "Echo Karanganyar"}),
        ({"nama__contains": "%"}, set()),
        ({"status": "operasional", "tahun__lte": 2019}, {"alpha"}),
    ],
)
def test_list_filters(desk: Desk, apps: dict[str, str], filters: dict[str, Any],
                      expected: set[str]) -> None:
    page = desk.apps.list(ListQuery(filters=filters))
    assert {r["nama"] for r in page.rows} == expected
    assert page.total == len(expected)


def test_filter_on_a_reference(desk: Desk, apps: dict[str, str]) -> None:
    opd2 = desk.apps.get(apps["charlie"])["opd_pemilik_id"]
    assert set(names(desk, ListQuery(filters={"opd_pemilik_id": opd2}))) == {"charlie", "delta"}


@pytest.mark.parametrize("filters", [{"tidak_ada": 1}, {"status__mirip": "x"},
                                     {"rekomendasi_tanggal__gte": "kemarin"}])
def test_unknown_or_malformed_filter_is_a_desk_error(desk: Desk, apps: dict[str, str],
                                                     filters: dict[str, Any]) -> None:
    with pytest.raises(DeskError):
        desk.apps.list(ListQuery(filters=filters))


def test_sort_ascending_ignores_case(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery(sort=["nama"])) == [
        "alpha", "Bravo", "charlie", "delta", "Echo Karanganyar"
    ]


def test_sort_descending(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery(sort=["-nama"])) == [
        "Echo Karanganyar", "delta", "charlie", "Bravo", "alpha"
    ]


def test_empty_values_sort_last_both_ways(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery(sort=["tahun"])) == [
        "alpha", "delta", "Bravo", "Echo Karanganyar", "charlie"
    ]
    assert names(desk, ListQuery(sort=["-tahun"])) == [
        "Echo Karanganyar", "Bravo", "delta", "alpha", "charlie"
    ]
    assert names(desk, ListQuery(sort=["-singkatan", "nama"])) == [
        "delta", "charlie", "alpha", "Bravo", "Echo Karanganyar"
    ]


def test_sort_by_a_column_computed_from_another_table(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery(sort=["opd", "-nama"])) == [
        "delta", "charlie", "Echo Karanganyar", "Bravo", "alpha"
    ]


def test_default_sort_of_the_kind(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery()) == names(desk, ListQuery(sort=["nama"]))


def test_unknown_sort_key_is_a_desk_error(desk: Desk, apps: dict[str, str]) -> None:
    with pytest.raises(DeskError):
        desk.apps.list(ListQuery(sort=["tidak_ada"]))


def test_paging_gives_a_slice_and_the_full_total(desk: Desk, apps: dict[str, str]) -> None:
    assert [names(desk, ListQuery(sort=["nama"], offset=o, limit=2)) for o in (0, 2, 4)] == [
        ["alpha", "Bravo"], ["charlie", "delta"], ["Echo Karanganyar"]
    ]
    for offset in (0, 2, 4, 10):
        assert desk.apps.list(ListQuery(offset=offset, limit=2)).total == 5
    assert desk.apps.list(ListQuery(offset=10, limit=2)).rows == []
    page = desk.apps.list(ListQuery(filters={"status": "operasional"}, limit=1))
    assert (len(page.rows), page.total) == (1, 2)
    assert desk.apps.count(ListQuery(filters={"status": "operasional"})) == 2


def test_rows_come_back_in_the_order_asked(desk: Desk, apps: dict[str, str]) -> None:
    order = [apps["delta"], apps["alpha"], apps["Echo Karanganyar"], apps["Bravo"]]
    rows = desk.apps.rows(order)
    assert [r["id"] for r in rows] == order
    assert [r["nama"] for r in rows] == ["delta", "alpha", "Echo Karanganyar", "Bravo"]
    assert rows[1]["opd"] == "Dinas Kesehatan" and rows[0]["opd"] == "Badan Keuangan"
    assert desk.apps.rows([apps["alpha"], "tidak-ada"])[0]["id"] == apps["alpha"]
    assert len(desk.apps.rows([apps["alpha"], "tidak-ada"])) == 1


def test_text_query_narrows_the_list(desk: Desk, apps: dict[str, str]) -> None:
    assert names(desk, ListQuery(text="karang")) == ["Echo Karanganyar"]
    assert set(names(desk, ListQuery(text="dinas kes"))) == {"alpha", "Bravo",
                                                             "Echo Karanganyar"}
    assert names(desk, ListQuery(text="dinas kes", filters={"tahun__lte": 2021},
                                 sort=["-nama"])) == ["Bravo", "alpha"]
    assert names(desk, ListQuery(text="zzz")) == []
    assert desk.apps.list(ListQuery(text="keuangan")).total == 2


def test_deleted_records_leave_the_text_query(desk: Desk, apps: dict[str, str]) -> None:
    desk.apps.delete(apps["Echo Karanganyar"])
    assert names(desk, ListQuery(text="karang")) == []


# --------------------------------------------------------------------------- office profile
def test_office_profile_is_created_then_updated_partially(desk: Desk) -> None:
    assert desk.office.get() is None
    first = desk.office.save({"region_kode": "33.13", "nama": "Diskominfo Karanganyar",
                              "kepala_nip": "19700101 199003 1 001"})
    assert (first["version"], first["kepala_nip"]) == (1, "197001011990031001")
    second = desk.office.save({"telepon": "(0271) 495039"}, expected_version=1)
    stored = desk.office.get()
    assert stored == second
    assert (stored["version"], stored["nama"], stored["telepon"]) == (
        2, "Diskominfo Karanganyar", "(0271) 495039")


def test_stale_office_profile_save_is_refused(desk: Desk) -> None:
    desk.office.save({"region_kode": "33.13", "nama": "Diskominfo"})
    desk.office.save({"nama": "Diskominfo Karanganyar"}, expected_version=1)
    with pytest.raises(StaleRecordError):
        desk.office.save({"nama": "Lama"}, expected_version=1)
    assert desk.office.get()["nama"] == "Diskominfo Karanganyar"
