"""Agreement checks: each one fires on a crafted bad agreement and not on a sound one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from agreement_samples import as_stored, kb, pks, without_article

from desktop.core.desk import Desk
from desktop.core.i18n import set_language
from desktop.documents.checks import ERROR, WARNING, Finding, check_agreement

TODAY = date(2018, 1, 15)


def codes(findings: list[Finding]) -> set[str]:
    return {f.code for f in findings}


def test_sound_kb_and_pks_have_no_findings() -> None:
    assert check_agreement(kb(), today=TODAY) == []
    assert check_agreement(pks(), parent=kb(), today=TODAY) == []


def _party(agreement: dict[str, Any], index: int, **changes: Any) -> dict[str, Any]:
    pihak = [dict(p) for p in agreement["pihak"]]
    pihak[index].update(changes)
    return {**agreement, "pihak": pihak}


KB_MISSING: list[tuple[str, Callable[[], dict[str, Any]], set[str]]] = [
    ("identitas", lambda: _party(kb(), 1, kedudukan=""), {"isi_minimum.identitas_para_pihak"}),
    ("maksud", lambda: without_article(kb(), "Maksud dan Tujuan"),
     {"isi_minimum.maksud_tujuan"}),
    ("objek", lambda: without_article(kb(), "Objek dan Ruang Lingkup"),
     {"isi_minimum.objek", "isi_minimum.ruang_lingkup"}),
    ("bentuk", lambda: without_article(kb(), "Bentuk Kerja Sama"),
     {"isi_minimum.bentuk_kerja_sama"}),
    ("biaya", lambda: without_article(kb(), "Pembiayaan"),
     {"isi_minimum.sumber_biaya", "isi_minimum.tahun_anggaran_mulai"}),
    ("jangka", lambda: without_article(kb(), "Jangka Waktu"), {"isi_minimum.jangka_waktu"}),
    ("rencana", lambda: kb(lampiran=[]), {"isi_minimum.rencana_kerja", "rujukan_lampiran"}),
]


@pytest.mark.parametrize(("name", "make", "expected"), KB_MISSING,
                         ids=[m[0] for m in KB_MISSING])
def test_kb_minimum_contents(name: str, make: Callable[[], dict[str, Any]],
                             expected: set[str]) -> None:
    found = check_agreement(make(), today=TODAY)
    assert codes(found) == expected
    assert all(f.level == ERROR for f in found)


def test_kb_first_budget_year_must_be_in_the_text() -> None:
    agreement = kb()
    for pasal in agreement["pasal"]:
        if pasal["judul"] == "Pembiayaan":
            pasal["ayat"] = [{"teks": "Biaya dibebankan pada APBD masing-masing PIHAK.",
                              "butir": []}]
    assert codes(check_agreement(agreement, today=TODAY)) == {"isi_minimum.tahun_anggaran_mulai"}


PKS_MISSING: list[tuple[str, Callable[[], dict[str, Any]], set[str]]] = [
    # the unnamed party also leaves a blank where the text names it (Korespondensi)
    ("subjek", lambda: _party(pks(), 0, nama_instansi=" "),
     {"isi_minimum.subjek", "isian_kosong"}),
    ("objek", lambda: without_article(pks(), "Objek"), {"isi_minimum.objek"}),
    ("ruang_lingkup", lambda: without_article(pks(), "Ruang Lingkup"),
     {"isi_minimum.ruang_lingkup"}),
    ("hak", lambda: without_article(pks(), "Hak dan Kewajiban Pihak Pertama",
                                    "Hak dan Kewajiban Pihak Kedua"),
     {"isi_minimum.hak_kewajiban"}),
    ("jangka", lambda: without_article(pks(), "Jangka Waktu"), {"isi_minimum.jangka_waktu"}),
    ("memaksa", lambda: without_article(pks(), "Keadaan Memaksa"),
     {"isi_minimum.keadaan_memaksa"}),
    ("perselisihan", lambda: without_article(pks(), "Penyelesaian Perselisihan"),
     {"isi_minimum.penyelesaian_perselisihan"}),
    ("pengakhiran", lambda: without_article(pks(), "Pengakhiran"),
     {"isi_minimum.pengakhiran"}),
]


@pytest.mark.parametrize(("name", "make", "expected"), PKS_MISSING,
                         ids=[m[0] for m in PKS_MISSING])
def test_pks_minimum_contents(name: str, make: Callable[[], dict[str, Any]],
                              expected: set[str]) -> None:
    assert codes(check_agreement(make(), parent=kb(), today=TODAY)) == expected


def test_minimum_contents_found_under_other_wordings() -> None:
    agreement = pks()
    renames = {"Keadaan Memaksa": "Force Majeure", "Penyelesaian Perselisihan":
               "Penyelesaian Sengketa", "Pengakhiran": "Berakhirnya Perjanjian",
               "Jangka Waktu": "MASA BERLAKU"}
    for pasal in agreement["pasal"]:
        pasal["judul"] = renames.get(pasal["judul"], pasal["judul"])
    assert check_agreement(agreement, parent=kb(), today=TODAY) == []


def test_missing_contents_are_listed_one_by_one() -> None:
    bare = {"jenis": "kb", "judul": "X", "pasal": [], "pihak": kb()["pihak"],
            "tanggal_ttd": date(2017, 4, 20)}
    found = [f for f in check_agreement(bare, today=TODAY) if f.code.startswith("isi_minimum")]
    assert [f.code.split(".")[1] for f in found] == [
        "maksud_tujuan", "objek", "ruang_lingkup", "bentuk_kerja_sama", "sumber_biaya",
        "tahun_anggaran_mulai", "jangka_waktu", "rencana_kerja"]
    assert found[0].message == ("Isi minimum Kesepakatan Bersama belum ada: maksud dan "
                                "tujuan.")
    assert found[-1].field == "lampiran"


@pytest.mark.parametrize("kode", ["31.71", "31.74", "31.01"])
def test_party_must_be_an_autonomous_region(kode: str) -> None:
    found = check_agreement(_party(kb(), 1, region_kode=kode), today=TODAY)
    assert codes(found) == {"pihak_bukan_daerah_otonom"}
    assert found[0].field == "pihak[1].region_kode"
    assert kode in found[0].message


def test_provinces_and_cities_are_autonomous() -> None:
    for kode in ("31", "35", "35.78", "31.00"):
        assert check_agreement(_party(kb(), 1, region_kode=kode), today=TODAY) == []
    assert check_agreement(_party(pks(), 1, region_kode=None), parent=kb(), today=TODAY) == []


def test_kb_longer_than_five_years_is_a_warning() -> None:
    found = check_agreement(kb(jangka_waktu_tahun=6), today=TODAY)
    assert codes(found) == {"kb_lebih_lima_tahun"}
    assert found[0].level == WARNING
    by_dates = kb(berlaku_mulai=date(2017, 4, 20), berlaku_sampai=date(2022, 4, 20))
    assert codes(check_agreement(by_dates, today=TODAY)) == {"kb_lebih_lima_tahun"}
    # a PKS may run as long as its KB allows; the rule is about the KB
    assert check_agreement(pks(jangka_waktu_tahun=6), parent=kb(), today=TODAY) == []


def test_leap_day_start_and_five_years() -> None:
    agreement = kb(berlaku_mulai=date(2024, 2, 29), berlaku_sampai=date(2029, 2, 27))
    assert check_agreement(agreement, today=TODAY) == []


def test_end_before_start() -> None:
    agreement = kb(berlaku_sampai=date(2017, 4, 19))
    found = check_agreement(agreement, today=TODAY)
    assert codes(found) == {"berakhir_sebelum_mulai"}
    assert found[0].field == "berlaku_sampai"


def test_pks_needs_its_parent_kb() -> None:
    # no KB: its number and date are also blanks in the text
    assert codes(check_agreement(pks(induk_id=None), today=TODAY)) == {"pks_tanpa_kb",
                                                                       "isian_kosong"}
    assert check_agreement(pks(), today=TODAY) == []  # induk_id set, parent not loaded
    other_pks = pks(jenis="pks")
    assert codes(check_agreement(pks(), parent=other_pks, today=TODAY)) == {"induk_bukan_kb"}


def test_pks_beyond_its_kb() -> None:
    found = check_agreement(pks(berlaku_sampai=date(2023, 1, 1)), parent=kb(), today=TODAY)
    assert codes(found) == {"pks_melewati_kb"}


def test_fewer_than_two_parties() -> None:
    one = kb(pihak=kb()["pihak"][:1])
    assert "pihak_kurang" in codes(check_agreement(one, today=TODAY))
    assert "pihak_kurang" in codes(check_agreement(kb(pihak=[]), today=TODAY))


@pytest.mark.parametrize("missing", ["penandatangan_nama", "penandatangan_jabatan"])
def test_signatory_missing(missing: str) -> None:
    found = check_agreement(_party(kb(), 0, **{missing: None}), today=TODAY)
    assert codes(found) == {"penandatangan_kosong"}
    assert found[0].field == "pihak[0].penandatangan_nama"
    assert "Pemerintah Kabupaten Banyuwangi" in found[0].message


def test_document_number_and_signing_date_missing_are_warnings() -> None:
    found = check_agreement(_party(kb(tanggal_ttd=None), 1, nomor_naskah=""), today=TODAY)
    assert codes(found) == {"nomor_kosong", "tanggal_ttd_kosong"}
    assert {f.level for f in found} == {WARNING}


def test_expired_but_still_running() -> None:
    running = kb(status="pelaksanaan")
    assert check_agreement(running, today=date(2022, 4, 19)) == []
    assert codes(check_agreement(running, today=date(2022, 4, 20))) == {"masa_berlaku_habis"}


def test_blanks_left_from_the_template() -> None:
    from desktop.documents.templates import apply_template

    draft = kb(sumber_biaya=None)
    draft["pasal"] = apply_template("kb", draft)["pasal"]
    assert codes(check_agreement(draft, today=TODAY)) == {"isian_kosong"}
    typo = kb(premis=["bahwa {judull} perlu diatur"])
    assert codes(check_agreement(typo, today=TODAY)) == {"kode_isian_tidak_dikenal"}


def test_empty_draft_does_not_crash() -> None:
    found = check_agreement({}, today=TODAY)
    assert "pihak_kurang" in codes(found)
    assert check_agreement({"jenis": "pks"}, today=TODAY)


def test_messages_follow_the_language() -> None:
    set_language("en")
    try:
        found = check_agreement(without_article(kb(jangka_waktu_tahun=7), "Bentuk Kerja Sama"),
                                today=TODAY)
    finally:
        set_language("id")
    messages = {f.code: f.message for f in found}
    assert messages["isi_minimum.bentuk_kerja_sama"] == (
        "The Memorandum of Understanding (KB) still lacks a required content: the form of "
        "cooperation.")
    assert messages["kb_lebih_lima_tahun"].startswith("The Memorandum of Understanding (KB) runs")


def test_checks_read_a_stored_agreement(desk: Desk) -> None:
    saved_kb = desk.agreements.create(as_stored(kb()))
    saved_pks = desk.agreements.create({**as_stored(pks()), "induk_id": saved_kb["id"]})
    stored_kb = desk.agreements.get(saved_kb["id"])
    stored_pks = desk.agreements.get(saved_pks["id"])
    assert check_agreement(stored_kb, today=TODAY) == []
    assert check_agreement(stored_pks, parent=stored_kb, today=TODAY) == []
    broken = desk.agreements.update(
        saved_pks["id"], {"pasal": [p for p in stored_pks["pasal"]
                                    if p["judul"] != "Keadaan Memaksa"]},
        expected_version=stored_pks["version"])
    assert codes(check_agreement(broken, parent=stored_kb, today=TODAY)) == {
        "isi_minimum.keadaan_memaksa"}
