"""The printed agreement follows the record: fields filled or parties renamed after
drafting show in the text; blanks and dangling references are reported with their place.

PDFs are read back with pypdf, on both database engines (the ``desk`` fixture).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from agreement_samples import kb
from conftest import dated_demo_desk
from pypdf import PdfReader

from desktop.core.desk import Desk
from desktop.core.drafting import kb_from_visit, pks_from_kb
from desktop.core.names import name_in_capitals
from desktop.documents.checks import check_agreement
from desktop.documents.naskah import resolve
from desktop.documents.pdf import render_agreement
from desktop.documents.templates import apply_template

TODAY = date(2026, 11, 28)
TEXT_CODES = {"isian_kosong", "kode_isian_tidak_dikenal", "isian_usang", "rujukan_lampiran",
              "rujukan_ayat", "rujukan_pasal"}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text().replace("\u00a0", " ")
                                        for p in reader.pages))


def pdf_lines(data: bytes) -> list[str]:
    reader = PdfReader(BytesIO(data))
    return [line.replace("\u00a0", " ") for page in reader.pages
            for line in page.extract_text().splitlines()]


def printed(desk: Desk, agreement_id: str) -> tuple[dict[str, Any], bytes]:
    agreement = desk.agreements.get(agreement_id)
    parent = desk.agreements.get(agreement["induk_id"]) if agreement.get("induk_id") else None
    return agreement, render_agreement(agreement, office=desk.office.get(), parent=parent)


def assert_complete(text: str) -> None:
    assert "...." not in text, text[max(text.find("...."), 0) - 150:text.find("....") + 50]
    assert not re.search(r"\{[a-z_]+\}", text), re.search(r"\{[a-z_]+\}", text)


# ---------------------------------------------------------------------------- the demo
def test_every_demo_agreement_prints_complete_and_as_its_fields_say(dated_demo: Desk) -> None:
    desk = dated_demo
    rows = desk.agreements.list().rows
    assert len(rows) >= 6
    for row in rows:
        agreement, data = printed(desk, row["id"])
        text = pdf_text(data)
        assert_complete(text)
        if agreement.get("tahun_anggaran_mulai") and agreement["jenis"] == "kb":
            # the year follows the agreement, never a fixed 2017
            assert f"mulai Tahun Anggaran {agreement['tahun_anggaran_mulai']}" in text
        if "Lampiran" in text.split("RENCANA KERJA")[0]:
            assert "RENCANA KERJA" in text
        for p in agreement["pihak"]:  # degrees as typed, only the name in capitals
            assert name_in_capitals(p["penandatangan_nama"]) in text, p["penandatangan_nama"]
        assert "addendum" not in text.lower()
        parent = desk.agreements.get(agreement["induk_id"]) if agreement.get("induk_id") \
            else None
        found = check_agreement(agreement, parent=parent, today=TODAY)
        assert not [f for f in found if f.code in TEXT_CODES], found

    # a demo KB signed in 2021 says its own budget year and duration
    row = next(r for r in rows if "Smart Kampung" in r["judul"])
    agreement, data = printed(desk, row["id"])
    assert agreement["tanggal_ttd"].year == 2021
    text = pdf_text(data)
    assert "mulai Tahun Anggaran 2021" in text and "Tahun Anggaran 2017" not in text
    assert "jangka waktu 5 (lima) tahun" in text
    samarinda = pdf_text(printed(desk, next(r["id"] for r in rows
                                            if "Satu Data Daerah" in r["judul"]))[1])
    assert "jangka waktu 3 (tiga) tahun" in samarinda

    # the names keep their degrees, only the name in capitals
    row = next(r for r in rows if r["jenis"] == "kb" and "Karanganyar" in (r["mitra"] or ""))
    text = pdf_text(printed(desk, row["id"])[1])
    assert "H. ARIF PRASETYO, S.H., M.Si." in text
    assert "Dr. Hj. SRI HANDAYANI, M.Pd." in text
    assert "M.SI." not in text and "HJ." not in text and "DR." not in text


# ---------------------------------------------------------------------------- KB from a visit
def _karanganyar_visit(desk: Desk) -> str:
    return next(r["id"] for r in desk.visits.list().rows
                if r.get("tanggal_mulai") == date(2017, 4, 20))


def _fill_kb(draft: dict[str, Any]) -> dict[str, Any]:
    """Every field of the drafted KB filled, as an officer would before signing."""
    draft.update({
        "tempat_ttd": "Banyuwangi", "tanggal_ttd": date(2017, 7, 27),
        "berlaku_mulai": date(2017, 8, 1), "berlaku_sampai": date(2022, 7, 31),
        "jangka_waktu_tahun": 5, "tahun_anggaran_mulai": 2018,
        "sumber_biaya": "Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK dan "
                        "sumber lain yang sah dan tidak mengikat.",
    })
    first, second = draft["pihak"]
    first.update({"kedudukan": "Jl. Ahmad Yani No. 100, Banyuwangi",
                  "nomor_naskah": "119/12/429.011/2017",
                  "penandatangan_nama": "H. Abdullah Azwar, S.Sos., M.Si."})
    second.update({"kedudukan": "Jl. Lawu No. 385, Karanganyar",
                   "nomor_naskah": "130/045/2017",
                   "penandatangan_nama": "Hj. Ratna Kusumawati, S.E., M.Si."})
    return draft


@pytest.fixture(params=["sqlite", "postgresql"])
def dated_demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    yield from dated_demo_desk(request, tmp_path, TODAY)


@pytest.fixture
def demo_desk_kb(dated_demo: Desk) -> tuple[Desk, str]:
    desk = dated_demo
    draft = _fill_kb(kb_from_visit(desk, _karanganyar_visit(desk)))
    saved = desk.agreements.create(draft)
    return desk, saved["id"]


def test_kb_drafted_from_a_visit_keeps_placeholders_and_prints_its_fields(
        demo_desk_kb: tuple[Desk, str]) -> None:
    desk, kb_id = demo_desk_kb
    stored = desk.agreements.get(kb_id)
    stored_text = str(stored["pasal"])
    assert "{sumber_biaya}" in stored_text and "{berlaku_mulai}" in stored_text
    assert stored["judul"] == ("Kerja Sama Koordinasi Pembuatan Aplikasi OPD dengan "
                               "Diskominfo")
    assert ("dalam rangka koordinasi pembuatan aplikasi OPD dengan Diskominfo, keterbukaan "
            "data OPD, Surat Pernyataan Miskin (SPM) online, dan data kemiskinan "
            "terintegrasi dengan Bappeda") in stored["premis"][0]
    _agreement, data = printed(desk, kb_id)
    text = pdf_text(data)
    assert_complete(text)
    assert ("dibebankan pada Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK dan "
            "sumber lain yang sah dan tidak mengikat mulai Tahun Anggaran 2018") in text
    assert ("berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak tanggal 1 Agustus "
            "2017.") in text
    assert "Hj. RATNA KUSUMAWATI, S.E., M.Si." in text
    # the lampiran (the visit's follow-ups) is printed and signed by both parties
    lampiran = text[text.rindex("LAMPIRAN"):]
    for part in ("RENCANA KERJA", "Menyusun draf Kesepakatan Bersama", "PIHAK PERTAMA,",
                 "PIHAK KEDUA,", "H. ABDULLAH AZWAR, S.Sos., M.Si.",
                 "Hj. RATNA KUSUMAWATI, S.E., M.Si."):
        assert part in lampiran, part
    assert check_agreement(desk.agreements.get(kb_id), today=TODAY) == []


def test_title_and_parties_changed_after_drafting_are_printed(
        demo_desk_kb: tuple[Desk, str]) -> None:
    desk, kb_id = demo_desk_kb
    stored = desk.agreements.get(kb_id)
    old_title = stored["judul"]
    pihak = [dict(p) for p in stored["pihak"]]
    pihak[1]["nama_instansi"] = "Pemerintah Kabupaten Sukoharjo"
    desk.agreements.update(kb_id, {"judul": "Kerja Sama Satu Data dan Aplikasi Layanan Publik",
                                   "pihak": pihak, "sumber_biaya": "APBD PARA PIHAK"},
                           expected_version=stored["version"])
    _agreement, data = printed(desk, kb_id)
    text = pdf_text(data)
    assert_complete(text)
    assert ("Objek Kesepakatan Bersama ini adalah Kerja Sama Satu Data dan Aplikasi Layanan "
            "Publik.") in text
    assert old_title not in text
    assert "PEMERINTAH KABUPATEN SUKOHARJO" in text and "dibebankan pada APBD PARA PIHAK" in text
    title_block, _, rest = text.partition("Pada hari ini")
    assert "KARANGANYAR" not in title_block
    assert "atas nama Pemerintah Kabupaten Sukoharjo, selanjutnya disebut PIHAK KEDUA" in rest


# ---------------------------------------------------------------------------- PKS from the KB
def test_pks_follows_its_kb_and_its_own_renamed_parties(
        demo_desk_kb: tuple[Desk, str]) -> None:
    desk, kb_id = demo_desk_kb
    draft = pks_from_kb(desk, kb_id)
    dinas = ["Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi",
             "Dinas Komunikasi dan Informatika Kabupaten Karanganyar"]
    draft.update({"tempat_ttd": "Karanganyar", "tanggal_ttd": date(2017, 11, 14),
                  "berlaku_mulai": date(2017, 11, 14), "berlaku_sampai": date(2019, 11, 13),
                  "jangka_waktu_tahun": 2,
                  "lampiran": [{"kegiatan": "Penyerahan kode sumber SPM Online",
                                "penanggung_jawab": "PIHAK PERTAMA", "waktu": "Desember 2017"}]})
    for index, p in enumerate(draft["pihak"]):
        p.update({"nomor_naskah": f"555/{index + 1}/2017",
                  "penandatangan_nama": ["Budi Santoso, S.Kom., M.T.",
                                         "Ir. Hartono Wibisono, M.M."][index],
                  "penandatangan_jabatan": f"Kepala {dinas[index]}"})
    saved = desk.agreements.create(draft)
    stored = desk.agreements.get(saved["id"])
    # the parties were the KB's governments when drafted; now they are the Dinas
    pihak = [{**p, "nama_instansi": dinas[i]} for i, p in enumerate(stored["pihak"])]
    desk.agreements.update(saved["id"], {"pihak": pihak}, expected_version=stored["version"])
    _agreement, data = printed(desk, saved["id"])
    text = pdf_text(data)
    assert_complete(text)
    assert f"PIHAK PERTAMA: {dinas[0]}, Jl. Ahmad Yani No. 100, Banyuwangi;" in text
    assert f"PIHAK KEDUA: {dinas[1]}, Jl. Lawu No. 385, Karanganyar." in text
    assert "PIHAK PERTAMA: Pemerintah Kabupaten" not in text
    assert ("jangka waktu 2 (dua) tahun terhitung sejak tanggal 14 November 2017.") in text
    assert ("Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017 tanggal 27 Juli "
            "2017 tentang Kerja Sama Koordinasi Pembuatan Aplikasi OPD dengan Diskominfo") \
        in text
    assert "RENCANA KERJA" in text and "Penyerahan kode sumber SPM Online" in text
    # the KB renumbered later: the PKS refers to its number as it is now
    kb_now = desk.agreements.get(kb_id)
    kb_pihak = [dict(p) for p in kb_now["pihak"]]
    kb_pihak[0]["nomor_naskah"] = "119/99/429.011/2017"
    desk.agreements.update(kb_id, {"pihak": kb_pihak}, expected_version=kb_now["version"])
    assert "Nomor 119/99/429.011/2017 dan 130/045/2017" in pdf_text(printed(desk,
                                                                           saved["id"])[1])


def test_pks_without_its_kb_names_each_blank() -> None:
    draft = {"jenis": "pks", "judul": "Replikasi SPM Online", "pihak": kb()["pihak"],
             "premis": ["bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor "
                        "{nomor_kb} tanggal {tanggal_kb} tentang {judul_kb}"],
             "pasal": apply_template("pks", {})["pasal"][:1]}
    draft["pasal"] = [{"judul": "Ketentuan Umum", "ayat": [{"teks": "Yang dimaksud:", "butir": [
        {"teks": "Kesepakatan Bersama adalah Kesepakatan Bersama Nomor {nomor_kb} tanggal "
                 "{tanggal_kb};"}]}]}]
    found = [f for f in check_agreement(draft, today=TODAY) if f.code == "isian_kosong"]
    messages = [f.message for f in found]
    assert "Premis huruf a: nomor Kesepakatan Bersama induk belum diisi." in messages
    assert "Pasal 1 huruf a: tanggal Kesepakatan Bersama induk belum diisi." in messages
    point = next(f for f in found if f.pasal == 0)
    assert (point.pasal, point.ayat, point.butir, point.field) == (0, 0, 0, "induk_id")


# ---------------------------------------------------------------------------- places
def test_each_blank_is_named_by_its_pasal_and_ayat() -> None:
    draft = kb(sumber_biaya=None, berlaku_mulai=None)
    from desktop.core.agreement_templates import template_text

    draft["pasal"] = template_text("kb")["pasal"]
    found = [f for f in check_agreement(draft, today=TODAY) if f.code == "isian_kosong"]
    by_message = {f.message: f for f in found}
    assert set(by_message) == {"Pasal 6 ayat (1): sumber biaya belum diisi.",
                               "Pasal 7 ayat (1): tanggal berlaku mulai belum diisi."}
    funding = by_message["Pasal 6 ayat (1): sumber biaya belum diisi."]
    assert (funding.pasal, funding.ayat, funding.butir, funding.field) == \
        (5, 0, None, "sumber_biaya")
    assert funding.in_text
    # the same record with both filled: nothing left, and the PDF has no blank
    filled = {**draft, "sumber_biaya": "APBD", "berlaku_mulai": date(2017, 5, 1)}
    assert not [f for f in check_agreement(filled, today=TODAY) if f.code in TEXT_CODES]
    assert "...." not in pdf_text(render_agreement(filled))


def test_dots_typed_in_an_article_are_reported_where_they_are() -> None:
    agreement = kb()
    agreement["pasal"][2]["ayat"][1]["butir"][1]["teks"] = "replikasi aplikasi ....;"
    found = [f for f in check_agreement(agreement, today=TODAY) if f.code == "isian_kosong"]
    assert [f.message for f in found] == [
        'Pasal 3 ayat (2) huruf b: masih memuat isian kosong ("....").']
    assert (found[0].pasal, found[0].ayat, found[0].butir) == (2, 1, 1)


def test_text_frozen_by_an_older_version_gets_its_blanks_filled() -> None:
    """Agreements drafted before placeholders were kept hold "...." where a field was
    empty then; the field filled now fills the recognised blank, typed text stays."""
    frozen = apply_template("kb", {**kb(), "sumber_biaya": None, "berlaku_mulai": None})
    agreement = kb(pasal=frozen["pasal"])
    text_before = str(agreement["pasal"])
    assert "dibebankan pada .... mulai" in text_before and "sejak tanggal ....." in text_before
    text = pdf_text(render_agreement(agreement))
    assert "dibebankan pada Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK mulai "\
        "Tahun Anggaran 2017" in text
    assert "terhitung sejak tanggal 20 April 2017." in text
    assert "...." not in text
    # a stale party name frozen in an old PKS is reported, not silently replaced
    pks_frozen = apply_template("pks", {**kb(), "jenis": "pks"}, parent=kb())
    renamed = [{**p, "nama_instansi": "Dinas Kominfo " + p["nama_instansi"].split()[-1]}
               for p in kb()["pihak"]]
    old = {**kb(), "jenis": "pks", "induk_id": "kb-1", "pihak": renamed,
           "pasal": pks_frozen["pasal"]}
    stale = [f for f in check_agreement(old, parent=kb(), today=TODAY)
             if f.code == "isian_usang"]
    assert [f.message for f in stale] == [
        'Pasal 17 ayat (1) huruf a: tertulis "Pemerintah Kabupaten Banyuwangi", sedangkan '
        'nama PIHAK PERTAMA kini "Dinas Kominfo Banyuwangi".',
        'Pasal 17 ayat (1) huruf b: tertulis "Pemerintah Kabupaten Karanganyar", sedangkan '
        'nama PIHAK KEDUA kini "Dinas Kominfo Karanganyar".']


def test_unknown_placeholder_is_named() -> None:
    agreement = kb()
    agreement["pasal"][0]["ayat"][0]["teks"] = "Berlaku di {tempat_tdd}."
    found = [f for f in check_agreement(agreement, today=TODAY)
             if f.code == "kode_isian_tidak_dikenal"]
    assert [f.message for f in found] == [
        "Pasal 1: kode isian {tempat_tdd} tidak dikenal; periksa ejaannya."]


# ---------------------------------------------------------------------------- references
def test_no_document_refers_to_what_it_does_not_contain() -> None:
    agreement = kb(lampiran=[])
    found = check_agreement(agreement, today=TODAY)
    lampiran = [f for f in found if f.code == "rujukan_lampiran"]
    assert [f.message for f in lampiran] == [
        "Pasal 5 ayat (2): merujuk Lampiran, tetapi rencana kerja (lampiran) belum diisi."]
    assert (lampiran[0].pasal, lampiran[0].ayat, lampiran[0].field) == (4, 1, "lampiran")

    agreement = kb()
    pembiayaan = agreement["pasal"][5]
    pembiayaan["ayat"] = [
        pembiayaan["ayat"][0],
        {"teks": "Biaya sebagaimana dimaksud pada ayat (3) dilaporkan.", "butir": []}]
    agreement["pasal"][6]["ayat"][1]["teks"] = (
        "Perpanjangan sebagaimana dimaksud dalam Pasal 14 ayat (1) dilakukan tertulis.")
    agreement["pasal"][7]["ayat"][1]["teks"] = (
        "Sesuai ketentuan sebagaimana dimaksud dalam Pasal 6 ayat (2), dan Pasal 363 "
        "Undang-Undang Nomor 23 Tahun 2014.")
    found = [f for f in check_agreement(agreement, today=TODAY)
             if f.code in ("rujukan_ayat", "rujukan_pasal")]
    assert [f.message for f in found] == [
        "Pasal 6 ayat (2): merujuk ayat (3), tetapi pasal ini tidak memiliki ayat tersebut.",
        "Pasal 7 ayat (2): merujuk Pasal 14 ayat (1), yang tidak ada dalam naskah ini.",
    ]
    # a law's article is not this document's: "Pasal 363 Undang-Undang ..." is fine
    assert check_agreement(kb(), today=TODAY) == []


def test_resolving_is_a_copy_and_idempotent() -> None:
    from desktop.core.agreement_templates import template_text

    agreement = kb(pasal=template_text("kb")["pasal"])
    once = resolve(agreement).agreement
    assert "{sumber_biaya}" in str(agreement["pasal"])  # the record is not changed
    assert resolve(once).agreement["pasal"] == once["pasal"]


# ---------------------------------------------------------------------------- typography
def test_long_names_with_degrees_stay_on_one_line() -> None:
    agreement = kb()
    agreement["pihak"][0]["penandatangan_nama"] = "Prof. Dr. Ir. H. Abdullah Azwar, M.Sc."
    agreement["pihak"][1]["penandatangan_nama"] = "Hj. Ratna Kusumawati, S.E., M.Si."
    data = render_agreement(agreement)
    lines = pdf_lines(data)
    for name in ("Prof. Dr. Ir. H. ABDULLAH AZWAR, M.Sc.", "Hj. RATNA KUSUMAWATI, S.E., M.Si."):
        # in the komparisi and under each signature (and the lampiran's), never split
        assert sum(name in line for line in lines) >= 3, (name, [
            line for line in lines if "AZWAR" in line or "RATNA" in line])
    text = pdf_text(data)
    assert "PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK." in text


def test_figures_written_in_the_text_that_the_record_contradicts() -> None:
    """An older demo froze "mulai Tahun Anggaran 2017" and "5 (lima) tahun" in every KB."""
    agreement = kb(tahun_anggaran_mulai=2021, jangka_waktu_tahun=3)
    agreement["pasal"][5]["ayat"][0]["teks"] = (
        "Biaya dibebankan pada APBD masing-masing PIHAK mulai Tahun Anggaran 2017.")
    agreement["pasal"][6]["ayat"][0]["teks"] = (
        "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun sejak tanggal "
        "ditandatangani.")
    found = [f for f in check_agreement(agreement, today=TODAY) if f.code == "isian_usang"]
    assert [(f.message, f.field, f.pasal) for f in found] == [
        ('Pasal 6 ayat (1): tertulis "Tahun Anggaran 2017", sedangkan tahun anggaran mulai '
         'kini "Tahun Anggaran 2021".', "tahun_anggaran_mulai", 5),
        ('Pasal 7 ayat (1): tertulis "5 tahun", sedangkan jangka waktu kini "3 tahun".',
         "jangka_waktu_tahun", 6)]


def test_a_database_holding_the_old_demo_prints_each_kb_as_its_fields_say() -> None:
    """The demo of earlier versions froze "Tahun Anggaran 2017", "5 (lima) tahun" and
    "addendum" into every KB; those exact sentences print as their current version."""
    old = kb(tahun_anggaran_mulai=2021, jangka_waktu_tahun=3, sumber_biaya="APBD")
    old["pasal"][5]["ayat"] = [{"teks": (
        "Biaya pelaksanaan Kesepakatan Bersama ini dibebankan pada Anggaran Pendapatan dan "
        "Belanja Daerah masing-masing PIHAK mulai Tahun Anggaran 2017 sesuai ketentuan "
        "peraturan perundang-undangan."), "butir": []}]
    old["pasal"][6]["ayat"] = [{"teks": (
        "Kesepakatan Bersama ini berlaku untuk jangka waktu 5 (lima) tahun sejak tanggal "
        "ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK."), "butir": []}]
    old["pasal"][8]["ayat"] = [{"teks": (
        "Perubahan atas Kesepakatan Bersama ini hanya dapat dilakukan atas persetujuan PARA "
        "PIHAK dan dituangkan dalam addendum."), "butir": []}]
    text = pdf_text(render_agreement(old))
    assert "dibebankan pada APBD mulai Tahun Anggaran 2021 sesuai ketentuan" in text
    assert "jangka waktu 3 (tiga) tahun sejak tanggal ditandatangani" in text
    assert "dituangkan dalam adendum." in text and "addendum" not in text.lower()
    assert not [f for f in check_agreement(old, today=TODAY) if f.code in TEXT_CODES]
    # one word changed by a person: the sentence is theirs and is left as typed
    old["pasal"][5]["ayat"][0]["teks"] = old["pasal"][5]["ayat"][0]["teks"].replace(
        "sesuai ketentuan", "menurut ketentuan")
    assert "mulai Tahun Anggaran 2017 menurut" in pdf_text(render_agreement(old))


def test_a_new_pks_refers_to_its_kb_from_the_start(desk: Desk) -> None:
    """The PKS template's "Kesepakatan Bersama tersebut" needs the premise naming the KB;
    until the KB is linked its number and date are blanks the check names."""
    from desktop.core.drafting import new_agreement

    draft = new_agreement(desk, "pks")
    assert draft["premis"][0].startswith("bahwa PARA PIHAK telah menandatangani "
                                         "Kesepakatan Bersama Nomor {nomor_kb}")
    found = check_agreement(draft, today=TODAY)
    assert "pks_tanpa_kb" in {f.code for f in found}
    assert "Premis huruf a: nomor Kesepakatan Bersama induk belum diisi." in {
        f.message for f in found}


def test_cli_pdf_of_the_demo_pks_names_its_kb(tmp_path, capsys) -> None:
    """``diskominfo-desk pdf`` passes the PKS's KB, so its number and date are printed."""
    import json

    from desktop.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    db = str(tmp_path / "pdf.sqlite3")
    assert run("--database", db, "demo")[0] == 0
    code, out, _ = run("--database", db, "list", "agreements", "--filter", "jenis=pks",
                       "--json")
    pks = json.loads(out)[0]
    target = tmp_path / "pks.pdf"
    code, _, err = run("--database", db, "pdf", pks["id"], "-o", str(target))
    assert code == 0, err
    text = pdf_text(target.read_bytes())
    assert ("Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017 tanggal 27 Juli "
            "2017 tentang Kerja Sama Pengembangan") in text
    assert_complete(text)


# ---------------------------------------------------------------------------- one text
def test_one_text_read_alone_says_what_the_whole_document_prints(dated_demo: Desk) -> None:
    """The articles editor labels each node with ``printed_text``; for every article of
    every demo agreement, and with its fields emptied, it must read as ``resolve`` does."""
    from desktop.documents.naskah import blank_slots, document_values, printed_text

    for row in dated_demo.agreements.list().rows:
        agreement = dated_demo.agreements.get(row["id"])
        parent = (dated_demo.agreements.get(agreement["induk_id"])
                  if agreement.get("induk_id") else None)
        for fields in (agreement, {**agreement, "sumber_biaya": "", "jangka_waktu_tahun": None,
                                   "tahun_anggaran_mulai": None}):
            values = document_values(fields, parent)
            whole = resolve(fields, parent).agreement["pasal"]
            for pasal, printed_pasal in zip(fields["pasal"], whole, strict=True):
                assert printed_text(pasal["judul"], values) == printed_pasal["judul"]
                for ayat, printed_ayat in zip(pasal["ayat"], printed_pasal["ayat"],
                                              strict=True):
                    assert printed_text(ayat["teks"], values) == printed_ayat["teks"]
    values = document_values({"sumber_biaya": "APBD", "jangka_waktu_tahun": None})
    text = "Dibebankan pada {sumber_biaya} selama {jangka_waktu}, {jangka_waktu}, {nama_x}."
    assert printed_text(text, values) == "Dibebankan pada APBD selama ...., ...., {nama_x}."
    assert blank_slots(text, values) == ["jangka waktu"]  # once, and not the unknown name
