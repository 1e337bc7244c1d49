"""KB and PKS templates: the usual articles, filled from the agreement, office copies."""

from __future__ import annotations

import json
import logging
from datetime import date

import pytest
from agreement_samples import kb

from desktop.core.agreement_templates import (
    BLANK,
    load_template,
    office_template_path,
    reset_office_template,
    save_office_template,
)
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.documents.templates import apply_template

KB_ARTICLES = [
    "Dasar Hukum", "Maksud dan Tujuan", "Objek dan Ruang Lingkup", "Bentuk Kerja Sama",
    "Pelaksanaan", "Pembiayaan", "Jangka Waktu", "Pemantauan dan Evaluasi", "Perubahan",
    "Penyelesaian Perselisihan", "Pengakhiran", "Penutup",
]
PKS_ARTICLES = [
    "Ketentuan Umum", "Maksud dan Tujuan", "Objek", "Ruang Lingkup", "Pelaksanaan",
    "Hak dan Kewajiban Pihak Pertama", "Hak dan Kewajiban Pihak Kedua", "Pembiayaan",
    "Hak Kekayaan Intelektual dan Kode Sumber", "Kerahasiaan dan Pelindungan Data Pribadi",
    "Jangka Waktu", "Pemantauan, Evaluasi, dan Pelaporan", "Keadaan Memaksa",
    "Penyelesaian Perselisihan", "Pengakhiran", "Perubahan", "Korespondensi", "Penutup",
]


def _texts(filled: dict) -> list[str]:
    out = [*filled["premis"]]
    for pasal in filled["pasal"]:
        out.append(pasal["judul"])
        for ayat in pasal["ayat"]:
            out.append(ayat["teks"])
            out += [b["teks"] for b in ayat["butir"]]
    return out


@pytest.mark.parametrize(("jenis", "headings"), [("kb", KB_ARTICLES), ("pks", PKS_ARTICLES)])
def test_shipped_templates_hold_the_usual_articles(jenis: str, headings: list[str]) -> None:
    template = load_template(jenis)
    assert [p["judul"] for p in template["pasal"]] == headings
    assert template["premis"] and all(p.startswith("bahwa ") for p in template["premis"])
    for pasal in template["pasal"]:
        assert pasal["ayat"], pasal["judul"]
        for ayat in pasal["ayat"]:
            assert ayat["teks"].strip()
            assert all(b["teks"].strip() for b in ayat.get("butir", []))


def test_kb_template_is_filled_from_the_agreement() -> None:
    agreement = kb()
    text = "\n".join(_texts(apply_template("kb", agreement)))
    assert "berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak tanggal 20 April 2017" \
        in text
    assert ("dibebankan pada Anggaran Pendapatan dan Belanja Daerah masing-masing PIHAK mulai "
            "Tahun Anggaran 2017") in text
    assert f"Objek Kesepakatan Bersama ini adalah {agreement['judul']}." in text
    assert "{" not in text and BLANK not in text


def test_pks_template_refers_to_the_parent_kb() -> None:
    parent = kb()
    draft = {"jenis": "pks", "judul": "Replikasi SPM Online", "jangka_waktu_tahun": 2,
             "pihak": parent["pihak"]}
    text = "\n".join(_texts(apply_template("pks", draft, parent=parent)))
    assert ("Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017 tanggal "
            "20 April 2017") in text
    assert "PIHAK PERTAMA: Pemerintah Kabupaten Banyuwangi, Jl. Ahmad Yani No. 100" in text
    assert "2 (dua) tahun" in text


def test_pks_numbers_given_by_the_drafter_win() -> None:
    draft = {"jenis": "pks", "nomor_kb": "1/2017 dan 2/2017", "tanggal_kb": "...."}
    text = "\n".join(_texts(apply_template("pks", draft)))
    assert "Kesepakatan Bersama Nomor 1/2017 dan 2/2017 tanggal .... " in text


def test_missing_values_leave_visible_blanks() -> None:
    filled = apply_template("kb", {})
    text = "\n".join(_texts(filled))
    assert "jangka waktu .... terhitung sejak tanggal ....." in text
    assert "Objek Kesepakatan Bersama ini adalah ...." in text
    assert "{" not in text
    odd = {"jangka_waktu_tahun": "lima", "rangkap": None, "tahun_anggaran_mulai": True,
           "berlaku_mulai": "bukan tanggal", "pihak": [{}]}
    assert "jangka waktu ...." in "\n".join(_texts(apply_template("kb", odd)))


def test_office_copy_is_preferred_and_can_be_reset() -> None:
    mine = load_template("kb")
    sanksi = {"judul": "Sanksi", "ayat": [{"teks": "Berlaku di {tempat_ttd}; {tidak_dikenal}.",
                                          "butir": []}]}
    mine["pasal"] = [*mine["pasal"][:2], sanksi]
    path = save_office_template("kb", mine)
    assert path == office_template_path("kb") and path.is_file()
    filled = apply_template("kb", {"tempat_ttd": "Banyuwangi"})
    assert [p["judul"] for p in filled["pasal"]][-1] == "Sanksi"
    # a placeholder the filler does not know stays as typed, so the typo shows
    assert filled["pasal"][-1]["ayat"][0]["teks"] == "Berlaku di Banyuwangi; {tidak_dikenal}."
    assert len(load_template("pks")["pasal"]) == len(PKS_ARTICLES)  # other kind untouched
    reset_office_template("kb")
    assert len(load_template("kb")["pasal"]) == len(KB_ARTICLES)


def test_broken_office_copy_falls_back_to_the_shipped_one(
        caplog: pytest.LogCaptureFixture) -> None:
    path = office_template_path("pks")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert len(load_template("pks")["pasal"]) == len(PKS_ARTICLES)
    assert "unusable" in caplog.text
    path.write_text(json.dumps({"pasal": [{"judul": 3}]}), encoding="utf-8")
    assert len(load_template("pks")["pasal"]) == len(PKS_ARTICLES)


@pytest.mark.parametrize("bad", [[], {"pasal": "x"}, {"pasal": [{"ayat": []}]},
                                 {"pasal": [{"judul": "A", "ayat": [{"teks": 1}]}]},
                                 {"pasal": [], "premis": [1]}])
def test_malformed_office_template_is_refused(bad: object) -> None:
    with pytest.raises(DeskError):
        save_office_template("kb", bad)  # type: ignore[arg-type]
    assert not office_template_path("kb").exists()


def test_unknown_kind_has_no_template() -> None:
    with pytest.raises(DeskError):
        load_template("addendum")


def test_pks_drafted_from_a_stored_kb(desk: Desk) -> None:
    """desktop.core.drafting fills the PKS template from a KB read back from the database."""
    from agreement_samples import as_stored

    from desktop.core.drafting import pks_from_kb
    from desktop.documents.naskah import resolve

    saved = desk.agreements.create(as_stored(kb(tanggal_ttd=date(2017, 7, 27))))
    draft = pks_from_kb(desk, saved["id"])
    assert [p["judul"] for p in draft["pasal"]] == PKS_ARTICLES
    # the draft keeps the placeholders; printing fills them from the KB as it is then
    assert "{nomor_kb}" in "\n".join(_texts(draft))
    text = "\n".join(_texts(resolve(draft, parent=desk.agreements.get(saved["id"])).agreement))
    assert ("Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017 tanggal "
            "27 Juli 2017 tentang Kerja Sama Pengembangan") in text
    assert "nomor_kb" not in draft
