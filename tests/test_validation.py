"""Every validation rule, through the record services, on SQLite and PostgreSQL.

Each refusal names the exact field key(s) a form shows the message next to, and writes
nothing: no record, no owned row, no audit entry, no search entry.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.core.desk import Desk
from desktop.core.errors import ValidationError
from desktop.core.i18n import set_language
from desktop.core.models import Base
from desktop.core.services.records import RecordService

REQUIRED = "Wajib diisi."
DATE_ORDER = "Tanggal akhir tidak boleh sebelum tanggal mulai."


# --------------------------------------------------------------------------- helpers
def row_counts(desk: Desk) -> dict[str, int]:
    """Rows in every table of the schema: the proof that nothing was written."""
    tables = Base.metadata.sorted_tables
    counts = select(*(
        select(func.count()).select_from(table).scalar_subquery().label(table.name)
        for table in tables
    ))
    with desk.db.session() as s:
        return dict(s.execute(counts).mappings().one())


def refused(desk: Desk, action: Callable[[], object]) -> dict[str, list[str]]:
    """Run ``action``; it must raise ValidationError and leave every table as it was."""
    before = row_counts(desk)
    with pytest.raises(ValidationError) as info:
        action()
    assert row_counts(desk) == before
    return info.value.errors


def refuse_create(desk: Desk, service: RecordService, data: Any) -> dict[str, list[str]]:
    return refused(desk, lambda: service.create(data))


def refuse_update(desk: Desk, service: RecordService, record_id: str,
                  data: dict[str, Any]) -> dict[str, list[str]]:
    stored = service.get(record_id)
    errors = refused(
        desk, lambda: service.update(record_id, data, expected_version=stored["version"])
    )
    assert service.get(record_id) == stored
    return errors


def make_opd(desk: Desk, kode: str = "1.01", nama: str = "Dinas Kesehatan") -> str:
    return desk.opd.create({"kode": kode, "nama": nama})["id"]


def make_app(desk: Desk, opd_id: str | None = None, nama: str = "SIMPUS") -> str:
    return desk.apps.create({"nama": nama, "opd_pemilik_id": opd_id or make_opd(desk)})["id"]


def make_dataset(desk: Desk, opd_id: str, judul: str = "Jumlah Puskesmas") -> str:
    return desk.datasets.create({"judul": judul, "opd_id": opd_id})["id"]


def visit(**extra: Any) -> dict[str, Any]:
    return {"tanggal_mulai": "2024-05-21", "instansi": "Pemerintah Kabupaten Karanganyar",
            **extra}


def agreement(**extra: Any) -> dict[str, Any]:
    return {"judul": "Kerja Sama Pengembangan Satu Data", **extra}


# --------------------------------------------------------------------------- required
@pytest.mark.parametrize(
    ("kind", "keys"),
    [
        ("opd", {"kode", "nama"}),
        ("apps", {"nama", "opd_pemilik_id"}),
        ("datasets", {"judul", "opd_id"}),
        ("visits", {"tanggal_mulai", "instansi"}),
        ("agreements", {"judul"}),
        ("deployments", {"aplikasi_id", "tanggal"}),
    ],
)
def test_empty_record_is_refused_naming_each_required_field(desk: Desk, kind: str,
                                                            keys: set[str]) -> None:
    errors = refuse_create(desk, desk.service(kind), {})
    assert set(errors) == keys
    assert all(errors[key] == [REQUIRED] for key in keys)


def test_whitespace_only_counts_as_empty_for_a_required_field(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "   "})
    assert errors == {"nama": [REQUIRED]}


def test_explicit_none_for_a_required_choice_with_a_default_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "jenis": None})
    assert errors == {"jenis": [REQUIRED]}


def test_update_clearing_a_required_field_is_refused_and_keeps_the_record(desk: Desk) -> None:
    opd_id = make_opd(desk)
    errors = refuse_update(desk, desk.opd, opd_id, {"nama": ""})
    assert errors == {"nama": [REQUIRED]}


@pytest.mark.parametrize(
    ("kind", "data", "key"),
    [
        ("visits", visit(peserta=[{"nama": "Budi"}, {"nama": " "}]), "peserta[1].nama"),
        ("visits", visit(tindak_lanjut=[{"uraian": ""}]), "tindak_lanjut[0].uraian"),
        ("agreements", agreement(pihak=[{"nama_instansi": "Pemkab Banyuwangi"},
                                        {"kedudukan": "Karanganyar"}]),
         "pihak[1].nama_instansi"),
        ("agreements", agreement(lampiran=[{"kegiatan": "Pelatihan"}, {"waktu": "2025"}]),
         "lampiran[1].kegiatan"),
        ("agreements", agreement(pasal=[{"judul": ""}]), "pasal[0].judul"),
        ("agreements",
         agreement(pasal=[{"judul": "Ruang Lingkup", "ayat": [
             {"teks": "Ayat satu"},
             {"teks": "Ayat dua", "butir": [{"teks": "a"}, {"teks": ""}]},
         ]}]),
         "pasal[0].ayat[1].butir[1].teks"),
    ],
)
def test_missing_required_value_in_an_owned_row_is_reported_at_its_row(
    desk: Desk, kind: str, data: dict[str, Any], key: str
) -> None:
    errors = refuse_create(desk, desk.service(kind), data)
    assert errors == {key: [REQUIRED]}


def test_missing_resource_name_is_reported_at_its_row(desk: Desk) -> None:
    opd_id = make_opd(desk)
    data = {"judul": "Jumlah Puskesmas", "opd_id": opd_id,
            "resources": [{"nama": "Tabel 2023"}, {"nama": "Tabel 2024"}, {"url": None}]}
    assert refuse_create(desk, desk.datasets, data) == {"resources[2].nama": [REQUIRED]}


# --------------------------------------------------------------------------- dates
def test_visit_ending_before_it_starts_is_refused_on_the_end_date(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits,
                           visit(tanggal_mulai="21/05/2024", tanggal_selesai="20/05/2024"))
    assert errors == {"tanggal_selesai": [DATE_ORDER]}


def test_visit_ending_on_the_day_it_starts_is_accepted(desk: Desk) -> None:
    created = desk.visits.create(visit(tanggal_mulai="21/05/2024", tanggal_selesai="21/05/2024"))
    assert created["tanggal_selesai"] == date(2024, 5, 21)


def test_moving_a_visit_start_past_its_stored_end_is_refused(desk: Desk) -> None:
    visit_id = desk.visits.create(visit(tanggal_selesai="2024-05-23"))["id"]
    errors = refuse_update(desk, desk.visits, visit_id, {"tanggal_mulai": "2024-05-24"})
    assert errors == {"tanggal_selesai": [DATE_ORDER]}


def test_agreement_valid_until_before_valid_from_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.agreements,
                           agreement(berlaku_mulai="2025-01-01", berlaku_sampai="2024-12-31"))
    assert errors == {"berlaku_sampai": [DATE_ORDER]}


def test_dataset_updated_before_its_release_is_refused(desk: Desk) -> None:
    data = {"judul": "Jumlah Puskesmas", "opd_id": make_opd(desk),
            "tanggal_rilis": "2024-03-01", "terakhir_diperbarui": "2024-02-28"}
    assert refuse_create(desk, desk.datasets, data) == {"terakhir_diperbarui": [DATE_ORDER]}


@pytest.mark.parametrize("raw", ["31/02/2024", "kemarin", "2024-13-01", "29/02/2023", "2024"])
def test_invalid_date_string_is_refused_naming_the_value(desk: Desk, raw: str) -> None:
    errors = refuse_create(desk, desk.visits, visit(tanggal_mulai=raw))
    assert set(errors) == {"tanggal_mulai"}
    assert raw in errors["tanggal_mulai"][0]


def test_invalid_date_in_an_owned_row_is_reported_at_its_row(desk: Desk) -> None:
    data = visit(tindak_lanjut=[{"uraian": "Kirim kode sumber", "tenggat": "kemarin"}])
    assert set(refuse_create(desk, desk.visits, data)) == {"tindak_lanjut[0].tenggat"}


@pytest.mark.parametrize(
    "raw", ["20/04/2017", "2017-04-20", " 20/04/2017 ", "20-04-2017", "20.04.2017"]
)
def test_dates_are_accepted_day_first_or_iso(desk: Desk, raw: str) -> None:
    created = desk.visits.create(visit(tanggal_mulai=raw))
    assert created["tanggal_mulai"] == date(2017, 4, 20)
    assert desk.visits.get(created["id"])["tanggal_mulai"] == date(2017, 4, 20)


# --------------------------------------------------------------------------- URL, NIP, email
@pytest.mark.parametrize(
    "url",
    [
        "contoh.go.id",
        "www.contoh.go.id",
        "ftp://contoh.go.id",
        "https://contoh .go.id",
        "https://contoh.go.id/berkas saya",
        "https://",
        "javascript:alert(1)",
        "https://contoh_go.id",
    ],
)
def test_malformed_url_is_refused(desk: Desk, url: str) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "website": url})
    assert set(errors) == {"website"}


@pytest.mark.parametrize(
    "url", ["https://contoh.go.id", "http://layanan.contoh.go.id:8080/cari?q=1&p=2"]
)
def test_http_and_https_urls_are_accepted_as_written(desk: Desk, url: str) -> None:
    created = desk.opd.create({"kode": "1.01", "nama": "Dinas", "website": url})
    assert desk.opd.get(created["id"])["website"] == url


def test_malformed_url_in_an_owned_row_is_reported_at_its_row(desk: Desk) -> None:
    data = {"judul": "Jumlah Puskesmas", "opd_id": make_opd(desk),
            "resources": [{"nama": "Tabel", "url": "ftp://data.go.id/tabel.csv"}]}
    assert set(refuse_create(desk, desk.datasets, data)) == {"resources[0].url"}


@pytest.mark.parametrize(
    "nip",
    ["12345", "1970010119900310011", "19700101199003100A", "1970-0101-1990-0310-01",
     "12345678901234567"],
)
def test_nip_that_is_not_18_digits_is_refused(desk: Desk, nip: str) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "kepala_nip": nip})
    assert errors == {"kepala_nip": ["NIP harus 18 digit angka."]}


@pytest.mark.parametrize(
    "nip", ["197001011990031001", "19700101 199003 1 001", "19700101.199003.1.001"]
)
def test_nip_is_accepted_with_spaces_or_dots_and_stored_as_digits(desk: Desk, nip: str) -> None:
    created = desk.opd.create({"kode": "1.01", "nama": "Dinas", "kepala_nip": nip})
    assert desk.opd.get(created["id"])["kepala_nip"] == "197001011990031001"


def test_bad_nip_of_a_signatory_is_reported_at_its_party(desk: Desk) -> None:
    data = agreement(pihak=[{"nama_instansi": "Pemkab Banyuwangi",
                             "penandatangan_nip": "123"}])
    assert set(refuse_create(desk, desk.agreements, data)) == {"pihak[0].penandatangan_nip"}


@pytest.mark.parametrize(
    "email",
    ["budi", "budi@", "@contoh.go.id", "budi@contoh", "budi santoso@contoh.go.id",
     "<budi@contoh.go.id>", "budi@contoh..go.id"],
)
def test_malformed_email_is_refused(desk: Desk, email: str) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "email": email})
    assert set(errors) == {"email"}


def test_wellformed_email_is_accepted(desk: Desk) -> None:
    email = "budi.santoso@karanganyarkab.go.id"
    created = desk.opd.create({"kode": "1.01", "nama": "Dinas", "email": email})
    assert desk.opd.get(created["id"])["email"] == email


# --------------------------------------------------------------------------- regions
def test_unknown_region_code_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits, visit(region_kode="99.99"))
    assert errors == {"region_kode": ["Kode wilayah 99.99 tidak dikenal."]}


def test_unknown_coverage_region_of_a_dataset_is_refused(desk: Desk) -> None:
    data = {"judul": "Jumlah Puskesmas", "opd_id": make_opd(desk), "cakupan_kode": "35.99"}
    assert set(refuse_create(desk, desk.datasets, data)) == {"cakupan_kode"}


def test_unknown_region_of_a_party_is_reported_at_its_row(desk: Desk) -> None:
    data = agreement(pihak=[{"nama_instansi": "Pemkab X", "region_kode": "00.00"}])
    assert set(refuse_create(desk, desk.agreements, data)) == {"pihak[0].region_kode"}


def two_parties(kode: str) -> dict[str, Any]:
    return agreement(pihak=[
        {"nama_instansi": "Pemerintah Kabupaten Banyuwangi", "region_kode": "35.10"},
        {"nama_instansi": "Pemerintah Mitra", "region_kode": kode},
    ])


@pytest.mark.parametrize("kode", ["31.71", "31.01", "31.75"])
def test_administrative_jakarta_region_cannot_be_a_party(desk: Desk, kode: str) -> None:
    errors = refuse_create(desk, desk.agreements, two_parties(kode))
    assert set(errors) == {"pihak[1].region_kode"}
    assert kode in errors["pihak[1].region_kode"][0]


@pytest.mark.parametrize("kode", ["31", "35.10", "33.74"])
def test_autonomous_region_can_be_a_party(desk: Desk, kode: str) -> None:
    created = desk.agreements.create(two_parties(kode))
    assert [p["region_kode"] for p in created["pihak"]] == ["35.10", kode]


# --------------------------------------------------------------------------- text
def test_text_one_character_over_its_limit_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "N" * 201})
    assert set(errors) == {"nama"}
    assert "201" in errors["nama"][0] and "200" in errors["nama"][0]


def test_text_at_its_limit_is_accepted(desk: Desk) -> None:
    created = desk.opd.create({"kode": "1.01", "nama": "N" * 200})
    assert desk.opd.get(created["id"])["nama"] == "N" * 200


def test_field_specific_limit_applies(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "singkatan": "S" * 41})
    assert set(errors) == {"singkatan"}


def test_long_text_of_20000_characters_is_accepted_and_read_back_exactly(desk: Desk) -> None:
    ringkasan = ("Rapat koordinasi SPBE.\n" * 1000)[:19_999] + "Z"
    assert len(ringkasan) == 20_000
    created = desk.visits.create(visit(ringkasan=ringkasan))
    assert desk.visits.get(created["id"])["ringkasan"] == ringkasan


def test_long_text_of_20001_characters_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits, visit(ringkasan="x" * 20_001))
    assert set(errors) == {"ringkasan"}


def test_line_break_in_a_one_line_field_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas\nKesehatan"})
    assert errors == {"nama": ["Harus satu baris."]}


def test_line_break_in_a_long_text_field_is_kept(desk: Desk) -> None:
    alamat = "Jl. Lawu 385\nKarangpandan"
    created = desk.opd.create({"kode": "1.01", "nama": "Dinas", "alamat": alamat})
    assert desk.opd.get(created["id"])["alamat"] == alamat


@pytest.mark.parametrize(
    ("kind", "data", "key"),
    [
        ("opd", {"kode": "1.01", "nama": "Dinas\x00Kesehatan"}, "nama"),
        ("visits", visit(ringkasan="baris satu\x00"), "ringkasan"),
        ("visits", visit(peserta=[{"nama": "Budi\x00"}]), "peserta[0].nama"),
    ],
)
def test_nul_character_is_refused(desk: Desk, kind: str, data: dict[str, Any], key: str) -> None:
    errors = refuse_create(desk, desk.service(kind), data)
    assert errors == {key: ["Berisi karakter yang tidak diizinkan."]}


def test_markup_characters_are_stored_and_read_back_exactly(desk: Desk) -> None:
    nama = """<b>Dinas & "Kominfo"</b> 'Utama' <script>x</script>"""
    alamat = "Jl. A & B <No. 5>\n'Gedung \"C\"'; DROP TABLE perangkat_daerah; --"
    created = desk.opd.create({"kode": "<1&2>", "nama": nama, "alamat": alamat})
    stored = desk.opd.get(created["id"])
    assert (stored["kode"], stored["nama"], stored["alamat"]) == ("<1&2>", nama, alamat)
    assert desk.opd.rows([created["id"]])[0]["nama"] == nama


def test_surrounding_whitespace_is_trimmed(desk: Desk) -> None:
    created = desk.opd.create({"kode": " 1.01 ", "nama": "  Dinas Kesehatan\t"})
    assert (created["kode"], created["nama"]) == ("1.01", "Dinas Kesehatan")


# --------------------------------------------------------------------------- choices, numbers
@pytest.mark.parametrize("jenis", ["kementerian", "Dinas", "DINAS"])
def test_unknown_choice_code_is_refused(desk: Desk, jenis: str) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "jenis": jenis})
    assert errors == {"jenis": [f"Pilihan tidak dikenal: {jenis}."]}


def test_unknown_code_among_several_choices_is_refused(desk: Desk) -> None:
    data = {"nama": "SIMPUS", "opd_pemilik_id": make_opd(desk), "sasaran": ["G2C", "G2X"]}
    assert refuse_create(desk, desk.apps, data) == {"sasaran": ["Pilihan tidak dikenal: G2X."]}


def test_unknown_choice_in_an_owned_row_is_reported_at_its_row(desk: Desk) -> None:
    data = visit(tindak_lanjut=[{"uraian": "Replikasi", "status": "tunda"}])
    assert set(refuse_create(desk, desk.visits, data)) == {"tindak_lanjut[0].status"}


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"rangkap": 0}, "rangkap"),
        ({"rangkap": 21}, "rangkap"),
        ({"jangka_waktu_tahun": "dua"}, "jangka_waktu_tahun"),
        ({"jangka_waktu_tahun": 2.5}, "jangka_waktu_tahun"),
        ({"tahun_anggaran_mulai": 1900}, "tahun_anggaran_mulai"),
        ({"meterai": "mungkin"}, "meterai"),
    ],
)
def test_out_of_range_or_malformed_numbers_and_flags_are_refused(
    desk: Desk, data: dict[str, Any], key: str
) -> None:
    assert set(refuse_create(desk, desk.agreements, agreement(**data))) == {key}


def test_boolean_is_not_accepted_as_a_number(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits, visit(jumlah_peserta=True))
    assert errors == {"jumlah_peserta": ["Harus berupa bilangan bulat."]}


# --------------------------------------------------------------------------- shape of the data
def test_unknown_field_name_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas", "namaa": "x"})
    assert errors == {"namaa": ["Kolom tidak dikenal."]}


def test_unknown_field_name_is_refused_on_update(desk: Desk) -> None:
    opd_id = make_opd(desk)
    errors = refuse_update(desk, desk.opd, opd_id, {"nama": "Dinas Baru", "kepala": "Budi"})
    assert errors == {"kepala": ["Kolom tidak dikenal."]}


def test_unknown_field_name_in_an_owned_row_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits, visit(peserta=[{"nama": "Budi", "jabatn": "Kabid"}]))
    assert set(errors) == {"peserta[0].jabatn"}


def test_data_that_is_not_a_mapping_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.opd, ["kode", "nama"])
    assert set(errors) == {"_"}


def test_owned_rows_that_are_not_a_list_of_rows_are_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.visits, visit(peserta="Budi, Ani"))
    assert errors == {"peserta": ["Harus berupa daftar baris."]}


def test_every_problem_is_reported_at_once(desk: Desk) -> None:
    data = {"kode": "", "nama": "N" * 300, "jenis": "x", "email": "budi", "website": "x",
            "kepala_nip": "1", "lain": 1}
    errors = refuse_create(desk, desk.opd, data)
    assert set(errors) == {"kode", "nama", "jenis", "email", "website", "kepala_nip", "lain"}


# --------------------------------------------------------------------------- record rules
def test_duplicate_opd_code_is_refused(desk: Desk) -> None:
    make_opd(desk, kode="1.01")
    errors = refuse_create(desk, desk.opd, {"kode": "1.01", "nama": "Dinas Lain"})
    assert errors == {"kode": ["Kode 1.01 sudah dipakai OPD lain."]}


def test_duplicate_opd_code_differing_only_in_case_is_refused(desk: Desk) -> None:
    make_opd(desk, kode="DISKOMINFO")
    errors = refuse_create(desk, desk.opd, {"kode": "diskominfo", "nama": "Dinas Lain"})
    assert set(errors) == {"kode"}


def test_changing_an_opd_code_to_one_in_use_is_refused(desk: Desk) -> None:
    make_opd(desk, kode="1.01")
    other = make_opd(desk, kode="1.02", nama="Dinas Pendidikan")
    assert set(refuse_update(desk, desk.opd, other, {"kode": "1.01"})) == {"kode"}


def test_opd_keeps_its_own_code_on_update(desk: Desk) -> None:
    opd_id = make_opd(desk, kode="1.01")
    updated = desk.opd.update(opd_id, {"kode": "1.01", "nama": "Dinas Kesehatan Daerah"},
                              expected_version=1)
    assert updated["nama"] == "Dinas Kesehatan Daerah"


def test_code_of_a_deleted_opd_can_be_reused(desk: Desk) -> None:
    old = make_opd(desk, kode="1.01")
    desk.opd.delete(old)
    new = desk.opd.create({"kode": "1.01", "nama": "Dinas Kesehatan (baru)"})
    assert new["kode"] == "1.01" and new["id"] != old


def test_pks_whose_parent_is_not_a_kb_is_refused(desk: Desk) -> None:
    kb = desk.agreements.create(agreement(jenis="kb"))["id"]
    pks = desk.agreements.create(agreement(jenis="pks", induk_id=kb))
    assert pks["induk_id"] == kb
    errors = refuse_create(desk, desk.agreements, agreement(jenis="pks", induk_id=pks["id"]))
    assert errors == {"induk_id": ["Induk sebuah PKS harus Kesepakatan Bersama (KB)."]}


def test_agreement_with_a_missing_parent_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.agreements, agreement(jenis="pks", induk_id="tidak-ada"))
    assert set(errors) == {"induk_id"}


def test_agreement_cannot_be_its_own_parent(desk: Desk) -> None:
    kb = desk.agreements.create(agreement(jenis="kb"))["id"]
    assert set(refuse_update(desk, desk.agreements, kb, {"induk_id": kb})) == {"induk_id"}


def test_exempt_dataset_without_grounds_is_refused(desk: Desk) -> None:
    data = {"judul": "Data Pasien", "opd_id": make_opd(desk), "sifat_data": "dikecualikan"}
    errors = refuse_create(desk, desk.datasets, data)
    assert errors == {
        "dasar_pengecualian": ["Data yang dikecualikan wajib menyebut dasar pengecualiannya."]
    }


def test_exempt_dataset_with_grounds_is_accepted(desk: Desk) -> None:
    data = {"judul": "Data Pasien", "opd_id": make_opd(desk), "sifat_data": "dikecualikan",
            "dasar_pengecualian": "UU 14/2008 Pasal 17 huruf h"}
    assert desk.datasets.create(data)["sifat_data"] == "dikecualikan"


def test_making_a_dataset_exempt_without_grounds_is_refused(desk: Desk) -> None:
    dataset_id = make_dataset(desk, make_opd(desk))
    errors = refuse_update(desk, desk.datasets, dataset_id, {"sifat_data": "dikecualikan"})
    assert set(errors) == {"dasar_pengecualian"}


@pytest.mark.parametrize(
    "domain",
    ["https://layanan.go.id", "layanan", "layanan_go.id", "-layanan.go.id", "layanan..go.id",
     "layanan.go.id/daftar", "layanan.go.id:443", "layanan.go.1d"],
)
def test_invalid_deployment_domain_is_refused(desk: Desk, domain: str) -> None:
    data = {"aplikasi_id": make_app(desk), "tanggal": "2024-06-12", "domain": domain}
    assert set(refuse_create(desk, desk.deployments, data)) == {"domain"}


@pytest.mark.parametrize("domain", ["layanan.banyuwangikab.go.id", "SIMPUS.Karanganyarkab.GO.ID"])
def test_valid_deployment_domain_is_accepted(desk: Desk, domain: str) -> None:
    created = desk.deployments.create(
        {"aplikasi_id": make_app(desk), "tanggal": "2024-06-12", "domain": domain}
    )
    assert created["domain"] == domain


# --------------------------------------------------------------------------- references
def test_reference_to_a_missing_opd_is_refused(desk: Desk) -> None:
    errors = refuse_create(desk, desk.apps, {"nama": "SIMPUS", "opd_pemilik_id": "tidak-ada"})
    assert errors == {"opd_pemilik_id": ["OPD pemilik tidak ditemukan."]}


def test_reference_to_a_soft_deleted_opd_is_refused(desk: Desk) -> None:
    opd_id = make_opd(desk)
    desk.opd.delete(opd_id)
    errors = refuse_create(desk, desk.apps, {"nama": "SIMPUS", "opd_pemilik_id": opd_id})
    assert set(errors) == {"opd_pemilik_id"}


def test_moving_a_dataset_to_a_soft_deleted_opd_is_refused(desk: Desk) -> None:
    live = make_opd(desk, kode="1.01")
    gone = make_opd(desk, kode="1.02", nama="Dinas Lama")
    desk.opd.delete(gone)
    dataset_id = make_dataset(desk, live)
    assert set(refuse_update(desk, desk.datasets, dataset_id, {"opd_id": gone})) == {"opd_id"}


def test_deployment_of_a_missing_app_is_refused(desk: Desk) -> None:
    data = {"aplikasi_id": "tidak-ada", "tanggal": "2024-06-12"}
    assert set(refuse_create(desk, desk.deployments, data)) == {"aplikasi_id"}


def test_link_to_a_missing_agreement_is_refused(desk: Desk) -> None:
    kb = desk.agreements.create(agreement())["id"]
    errors = refuse_create(desk, desk.visits, visit(kerjasama_ids=[kb, "tidak-ada"]))
    assert errors == {"kerjasama_ids": ["1 data terkait tidak ditemukan."]}


def test_link_to_a_missing_dataset_is_reported_at_its_row(desk: Desk) -> None:
    opd_id = make_opd(desk)
    dataset_id = make_dataset(desk, opd_id)
    data = {"nama": "SIMPUS", "opd_pemilik_id": opd_id,
            "datasets": [{"dataset_id": dataset_id}, {"dataset_id": "tidak-ada"}]}
    assert set(refuse_create(desk, desk.apps, data)) == {"datasets[1].dataset_id"}


def test_same_dataset_linked_twice_is_refused(desk: Desk) -> None:
    opd_id = make_opd(desk)
    dataset_id = make_dataset(desk, opd_id)
    data = {"nama": "SIMPUS", "opd_pemilik_id": opd_id,
            "datasets": [{"dataset_id": dataset_id}, {"dataset_id": dataset_id}]}
    errors = refuse_create(desk, desk.apps, data)
    assert errors == {"datasets[1].dataset_id": ["Tercantum lebih dari sekali."]}


# --------------------------------------------------------------------------- office profile
def test_office_profile_needs_region_and_name(desk: Desk) -> None:
    errors = refused(desk, lambda: desk.office.save({}))
    assert errors == {"region_kode": [REQUIRED], "nama": [REQUIRED]}
    assert desk.office.get() is None


def test_office_profile_checks_region_nip_and_addresses(desk: Desk) -> None:
    data = {"region_kode": "99", "nama": "Diskominfo", "kepala_nip": "1", "email": "x",
            "website": "kominfo.go.id"}
    errors = refused(desk, lambda: desk.office.save(data))
    assert set(errors) == {"region_kode", "kepala_nip", "email", "website"}


def test_office_profile_refuses_an_unknown_field_name(desk: Desk) -> None:
    data = {"region_kode": "35.10", "nama": "Diskominfo", "kepala_nipp": "1"}
    assert set(refused(desk, lambda: desk.office.save(data))) == {"kepala_nipp"}


# --------------------------------------------------------------------------- English
def english(source: str, **params: object) -> str:
    from tests.catalogue import english_messages

    catalogue = english_messages()
    if source not in catalogue:
        pytest.skip(f"no English translation yet for {source!r}")
    return catalogue[source].format(**params)


@pytest.mark.parametrize(
    ("case", "key", "source", "params"),
    [
        ("required", "nama", "Wajib diisi.", {}),
        ("date", "tanggal_mulai", "Tanggal tidak valid: {value} (gunakan HH/BB/TTTT).",
         {"value": "kemarin"}),
        ("order", "tanggal_selesai", "Tanggal akhir tidak boleh sebelum tanggal mulai.", {}),
        ("nip", "kepala_nip", "NIP harus 18 digit angka.", {}),
        ("choice", "jenis", "Pilihan tidak dikenal: {value}.", {"value": "kementerian"}),
        ("unknown", "namaa", "Kolom tidak dikenal.", {}),
        ("region", "region_kode", "Kode wilayah {kode} tidak dikenal.", {"kode": "99.99"}),
        ("length", "nama", "Terlalu panjang: {length} karakter, paling banyak {limit}.",
         {"length": 201, "limit": 200}),
    ],
)
def test_messages_are_english_when_the_language_is_english(
    desk: Desk, case: str, key: str, source: str, params: dict[str, object]
) -> None:
    expected = english(source, **params)
    attempts: dict[str, tuple[RecordService, dict[str, Any]]] = {
        "required": (desk.opd, {"kode": "1.01", "nama": ""}),
        "date": (desk.visits, visit(tanggal_mulai="kemarin")),
        "order": (desk.visits, visit(tanggal_selesai="2024-05-20")),
        "nip": (desk.opd, {"kode": "1.01", "nama": "Dinas", "kepala_nip": "1"}),
        "choice": (desk.opd, {"kode": "1.01", "nama": "Dinas", "jenis": "kementerian"}),
        "unknown": (desk.opd, {"kode": "1.01", "nama": "Dinas", "namaa": "x"}),
        "region": (desk.visits, visit(region_kode="99.99")),
        "length": (desk.opd, {"kode": "1.01", "nama": "N" * 201}),
    }
    service, data = attempts[case]
    set_language("en")
    try:
        errors = refuse_create(desk, service, data)
    finally:
        set_language("id")
    assert errors == {key: [expected]}
    assert expected != source.format(**params)
