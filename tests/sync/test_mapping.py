"""Dataset record <-> CKAN package: round trips, stable extras keys, the publish policy."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from desktop.sync.client import CatalogClient
from desktop.sync.licences import from_ckan_licence, to_ckan_licence
from desktop.sync.mapping import (
    DESK_ID_KEY,
    PackageTarget,
    clean_tags,
    dataset_to_package,
    organization_for_opd,
    package_to_dataset,
)
from desktop.sync.naming import is_our_name, package_name
from desktop.sync.publication import Publication, publication_for

LOCAL_ID = "3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b"
CKAN_NAME_RE = re.compile(r"^[a-z0-9_-]{2,100}$")


def full_record() -> dict[str, Any]:
    return {
        "judul": "Jumlah Penduduk per Kecamatan", "deskripsi": "Data kependudukan semester I.",
        "walidata": "Diskominfo", "kontak_nama": "Sri Wahyuni",
        "kontak_email": "sri@contoh.go.id", "konsep": "Penduduk", "definisi": "Orang yang "
        "berdomisili", "klasifikasi": "Kependudukan", "ukuran": "Jumlah", "satuan": "jiwa",
        "frekuensi": "semesteran", "tahun": 2024, "periode": "Semester I",
        "tingkat_penyajian": "kecamatan", "cakupan_kode": "35.10", "format": ["CSV", "XLSX"],
        "sifat_data": "terbuka", "dasar_pengecualian": None, "lisensi": "CC-BY-4.0",
        "tanggal_rilis": date(2024, 7, 1), "terakhir_diperbarui": date(2024, 7, 15),
        "data_pribadi": False, "tags": ["kependudukan", "kecamatan"],
        "resources": [{"nama": "Tabel 2024", "url": "https://data.contoh.go.id/p.csv",
                       "format": "CSV", "deskripsi": "Per kecamatan", "remote_id": None}],
    }


def target(**changes: Any) -> PackageTarget:
    base = {"name": package_name(LOCAL_ID, "Jumlah Penduduk per Kecamatan"),
            "owner_org": "diskominfo", "produsen_data": "Dinas Kependudukan", "private": False}
    return PackageTarget(**{**base, **changes})


def test_round_trip_keeps_every_mapped_field() -> None:
    record = full_record()
    remote = package_to_dataset({**dataset_to_package(record, LOCAL_ID, target()),
                                 "id": "remote-1", "state": "active",
                                 "metadata_modified": "2024-07-15T01:02:03.456789"})
    assert remote.values == record
    assert (remote.desk_id, remote.produsen_data, remote.owner_org) == (
        LOCAL_ID, "Dinas Kependudukan", "diskominfo")


def test_round_trip_through_a_real_catalog(make_client: Callable[..., CatalogClient]) -> None:
    client = make_client()
    record = full_record()
    created = client.package_create(dataset_to_package(record, LOCAL_ID, target()))
    remote = package_to_dataset(client.package_show(created["id"]))
    resource_id = created["resources"][0]["id"]
    assert remote.values == {**record, "resources": [{**record["resources"][0],
                                                      "remote_id": resource_id}]}
    assert remote.metadata_modified == created["metadata_modified"]


def test_empty_fields_come_back_empty() -> None:
    record = {"judul": "Minimal", "frekuensi": "tahunan", "sifat_data": "terbuka"}
    remote = package_to_dataset({**dataset_to_package(record, LOCAL_ID, target()),
                                 "id": "r"})
    assert remote.values["judul"] == "Minimal" and remote.values["tahun"] is None
    assert remote.values["tags"] == [] and remote.values["resources"] == []
    assert remote.values["format"] == [] and remote.values["data_pribadi"] is False


def test_satu_data_fields_go_to_extras_under_stable_string_keys() -> None:
    package = dataset_to_package(full_record(), LOCAL_ID, target())
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert all(isinstance(v, str) for v in extras.values())
    assert extras == {
        DESK_ID_KEY: LOCAL_ID, "produsen_data": "Dinas Kependudukan",
        "walidata": "Diskominfo", "frekuensi": "semesteran",
        "tingkat_penyajian": "kecamatan", "satuan": "jiwa", "konsep": "Penduduk",
        "definisi": "Orang yang berdomisili", "klasifikasi": "Kependudukan",
        "ukuran": "Jumlah", "tahun": "2024", "periode": "Semester I", "cakupan": "35.10",
        "format": "CSV,XLSX", "sifat_data": "terbuka", "tanggal_rilis": "2024-07-01",
        "terakhir_diperbarui": "2024-07-15", "data_pribadi": "false"}
    assert package["license_id"] == "cc-by" and package["maintainer"] == "Sri Wahyuni"
    assert package["tags"] == [{"name": "kependudukan"}, {"name": "kecamatan"}]


def test_extras_of_others_survive_ours_are_replaced() -> None:
    foreign = [{"key": "harvest_source", "value": "x"}, {"key": "frekuensi", "value": "harian"}]
    package = dataset_to_package(full_record(), LOCAL_ID, target(), foreign_extras=foreign)
    extras = {e["key"]: e["value"] for e in package["extras"]}
    assert extras["harvest_source"] == "x" and extras["frekuensi"] == "semesteran"
    assert len(package["extras"]) == len(extras)


def test_remote_resource_ids_are_sent_back() -> None:
    record = full_record()
    record["resources"][0]["remote_id"] = "res-1"
    assert dataset_to_package(record, LOCAL_ID, target())["resources"][0]["id"] == "res-1"


@pytest.mark.parametrize(("sifat", "personal", "allow", "expected"), [
    ("terbuka", False, False, Publication.PUBLIC),
    ("terbuka", False, True, Publication.PUBLIC),
    ("terbuka", True, False, Publication.NOT_PUBLISHED),
    ("terbuka", True, True, Publication.PRIVATE),
    ("terbatas", False, False, Publication.NOT_PUBLISHED),
    ("terbatas", False, True, Publication.PRIVATE),
    ("dikecualikan", False, False, Publication.NOT_PUBLISHED),
    ("dikecualikan", False, True, Publication.PRIVATE),
])
def test_publish_policy_follows_sifat_data(sifat: str, personal: bool, allow: bool,
                                           expected: Publication) -> None:
    assert publication_for(sifat, contains_personal_data=personal,
                           allow_private=allow) is expected


@pytest.mark.parametrize("title", ["Jumlah Penduduk", "Data Ṣekolah Dasar — 2024 (BPS)", "",
                                   "!!!", "x" * 300, "Ăplikasi_Ü"])
def test_package_names_are_valid_stable_and_ours(title: str) -> None:
    name = package_name(LOCAL_ID, title)
    assert CKAN_NAME_RE.match(name), name
    assert name == package_name(LOCAL_ID, title)
    assert is_our_name(name, LOCAL_ID)
    assert not is_our_name(name, str(uuid.uuid4()))


def test_licences_translate_known_ids_and_keep_others() -> None:
    assert to_ckan_licence("CC-BY-4.0") == "cc-by"
    assert from_ckan_licence("cc-by") == "CC-BY-4.0"
    assert to_ckan_licence("Lisensi Daerah") == "Lisensi Daerah"
    assert from_ckan_licence("Lisensi Daerah") == "Lisensi Daerah"
    assert to_ckan_licence(None) is None and from_ckan_licence("") is None


def test_tags_are_cleaned_to_what_ckan_accepts() -> None:
    assert clean_tags(["Kependudukan", "kependudukan", "a", "Data/Sosial!", "  spasi  "]) == [
        "Kependudukan", "Data Sosial", "spasi"]


def test_opd_becomes_an_organization() -> None:
    org = organization_for_opd({"kode": "1.02", "nama": "Dinas Kesehatan",
                                "singkatan": "Dinkes"})
    assert org == {"name": "dinkes", "title": "Dinas Kesehatan", "description": ""}
