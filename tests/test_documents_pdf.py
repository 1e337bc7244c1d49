"""Agreement PDFs, read back with pypdf: order of the parts, numbering, escaping, layout."""

from __future__ import annotations

import ast
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from agreement_samples import as_stored, kb, pks
from pypdf import PdfReader

from desktop.core.desk import Desk
from desktop.documents.pdf import RenderOptions, render_agreement

DOCUMENTS = Path(__file__).resolve().parents[1] / "desktop" / "documents"


def pages(data: bytes) -> list[str]:
    """Each page's text, whitespace (no-break spaces too) collapsed to single spaces."""
    reader = PdfReader(BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text().replace("\u00a0", " "))
            for page in reader.pages]


def in_order(text: str, parts: list[str]) -> None:
    """Every part occurs in ``text``, each after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} missing after: ...{text[position:position + 200]}"
        position = found + len(part)


def article(judul: str, *ayat: str) -> dict[str, Any]:
    return {"judul": judul, "ayat": [{"teks": a, "butir": []} for a in ayat]}


def test_kb_reads_in_document_order() -> None:
    agreement = kb()
    text = " ".join(pages(render_agreement(agreement)))
    in_order(text, [
        "KESEPAKATAN BERSAMA", "ANTARA", "PEMERINTAH KABUPATEN BANYUWANGI", "DAN",
        "PEMERINTAH KABUPATEN KARANGANYAR", "TENTANG", "KERJA SAMA PENGEMBANGAN",
        "NOMOR : 119/12/429.011/2017", "NOMOR : 130/045/2017",
        "Pada hari ini Kamis tanggal dua puluh bulan April tahun dua ribu tujuh belas "
        "(20-04-2017), bertempat di Banyuwangi, kami yang bertanda tangan di bawah ini:",
        "I.", "ARIF PRASETYO", "Bupati Banyuwangi, berkedudukan di Jl. Ahmad Yani No. 100",
        "dalam hal ini bertindak dalam jabatannya untuk dan atas nama Pemerintah Kabupaten "
        "Banyuwangi, selanjutnya disebut PIHAK PERTAMA;",
        "II.", "SRI HANDAYANI", "selanjutnya disebut PIHAK KEDUA.",
        "PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK.",
        "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:",
        "a. bahwa pada tanggal 20 April 2017", "b. bahwa PARA PIHAK merupakan daerah otonom",
        "sepakat untuk mengadakan Kesepakatan Bersama tentang Kerja Sama Pengembangan",
        "dengan ketentuan sebagai berikut:",
        *[part for n, p in enumerate(agreement["pasal"], start=1)
          for part in (f"Pasal {n}", p["judul"].upper())],
        "Demikian Kesepakatan Bersama ini dibuat dan ditandatangani pada hari, tanggal, bulan, "
        "dan tahun sebagaimana tersebut di atas dalam rangkap 2 (dua) asli, yang masing-masing "
        "mempunyai kekuatan hukum yang sama.",
        "PIHAK PERTAMA,", "PIHAK KEDUA,", "BUPATI BANYUWANGI,", "BUPATI KARANGANYAR,",
        "ARIF PRASETYO", "SRI HANDAYANI",
        "LAMPIRAN", "RENCANA KERJA", "No", "Kegiatan", "Penanggung", "Waktu", "Keterangan",
        "1.", "Pertukaran pengetahuan tata kelola", "2.", "Penyusunan Perjanjian Kerja Sama",
    ])
    assert "Meterai" not in text  # a KB between two regions: sealed, no meterai


def test_ayat_and_points_are_numbered() -> None:
    text = " ".join(pages(render_agreement(kb())))
    in_order(text, ["Pasal 1", "DASAR HUKUM", "Dasar hukum Kesepakatan Bersama ini adalah:",
                    "a. Undang-Undang Nomor 23 Tahun 2014", "b. Peraturan Pemerintah Nomor 28",
                    "Pasal 2", "MAKSUD DAN TUJUAN", "(1) Kesepakatan Bersama ini dimaksudkan",
                    "(2) Kesepakatan Bersama ini bertujuan",
                    "Pasal 3", "(2) Ruang lingkup", "a. pertukaran informasi"])
    # an article of a single paragraph carries no "(1)"
    in_order(text, ["PENUTUP", "Hal-hal yang belum diatur"])
    assert "PENUTUP (1)" not in text


def test_pks_under_power_of_attorney_with_meterai() -> None:
    text = " ".join(pages(render_agreement(pks(), parent=kb())))
    in_order(text, [
        "PERJANJIAN KERJA SAMA", "ANTARA",
        "DINAS KOMUNIKASI, INFORMATIKA DAN PERSANDIAN KABUPATEN BANYUWANGI", "DAN",
        "DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN KARANGANYAR", "TENTANG",
        "NOMOR : 555/318/429.111/2017", "NOMOR : 555/212/2017",
        "Pada hari ini Selasa tanggal empat belas bulan November tahun dua ribu tujuh belas "
        "(14-11-2017), bertempat di Karanganyar",
        "BUDI SANTOSO", "dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten "
        "Banyuwangi berdasarkan Surat Kuasa Bupati Banyuwangi Nomor 180/87/429.011/2017 "
        "tanggal 1 November 2017, selanjutnya disebut PIHAK PERTAMA;",
        "HARTONO WIBISONO", "Surat Kuasa Bupati Karanganyar Nomor 180/66/2017 tanggal "
        "3 November 2017",
        "Pasal 1", "KETENTUAN UMUM", "Kesepakatan Bersama Nomor 119/12/429.011/2017",
        "Pasal 18", "PENUTUP",
        "dalam rangkap 2 (dua) asli, masing-masing bermeterai cukup dan mempunyai kekuatan "
        "hukum yang sama.",
        "Meterai", "Rp10.000", "Meterai", "Rp10.000",
    ])
    in_order(text, ["HARTONO WIBISONO", "Pembina Tingkat I (IV/b)", "NIP. 197003041995031002"])
    in_order(text, ["BUDI SANTOSO", "Pembina Utama Muda (IV/c)", "NIP. 196805121994031007"])


def test_signature_sides_follow_the_setting() -> None:
    """posisi_ttd: the party set "kiri" stands left, whatever its order."""
    swapped = kb()
    swapped["pihak"][0]["posisi_ttd"], swapped["pihak"][1]["posisi_ttd"] = "kanan", "kiri"
    last = pages(render_agreement(swapped, options=RenderOptions(lampiran=False)))[-1]
    in_order(last, ["PIHAK KEDUA,", "PIHAK PERTAMA,", "SRI HANDAYANI", "ARIF PRASETYO"])
    last = pages(render_agreement(kb(), options=RenderOptions(lampiran=False)))[-1]
    in_order(last, ["PIHAK PERTAMA,", "PIHAK KEDUA,", "ARIF PRASETYO", "SRI HANDAYANI"])


def test_every_page_is_numbered_and_has_paraf_boxes() -> None:
    data = render_agreement(pks())
    texts = pages(data)
    total = len(PdfReader(BytesIO(data)).pages)
    assert total == len(texts) >= 5
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {total}" in text
        assert "Paraf" in text and "PIHAK I " in text and "PIHAK II" in text


def test_title_markup_prints_literally() -> None:
    agreement = kb(judul='Uji <b>&"Markup"</b> & <i>Co</i>')
    agreement["pihak"][0]["nama_instansi"] = "Pemerintah <Kota> A&B"
    agreement["pasal"] = [article("Ayat <br/> & co", 'Teks "kutip" <font size=40>x</font>')]
    text = " ".join(pages(render_agreement(agreement)))
    assert 'UJI <B>&"MARKUP"</B> & <I>CO</I>' in text  # the title block, upper-cased
    assert 'tentang Uji <b>&"Markup"</b> & <i>Co</i>' in text  # as typed in the body
    assert "PEMERINTAH <KOTA> A&B" in text
    assert 'AYAT <BR/> & CO' in text
    assert 'Teks "kutip" <font size=40>x</font>' in text


def test_names_in_any_script_print() -> None:
    agreement = kb()
    agreement["pihak"][1]["penandatangan_nama"] = "Ñoman Ağus Çahyo"
    text = " ".join(pages(render_agreement(agreement)))
    assert "ÑOMAN AĞUS ÇAHYO" in text
    fonts = PdfReader(BytesIO(render_agreement(agreement))).pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("DejaVuSans" in name for name in names), names
    assert not any("Helvetica" in name for name in names), names


def test_hundred_articles_render() -> None:
    agreement = kb(pasal=[article(f"Ketentuan {n}", f"Isi ayat pertama pasal {n}.",
                                  f"Isi ayat kedua pasal {n}.")
                          for n in range(1, 101)])
    data = render_agreement(agreement)
    texts = pages(data)
    total = len(texts)
    assert total > 10
    in_order(" ".join(texts), [f"Pasal {n} KETENTUAN {n} (1) Isi ayat pertama pasal {n}."
                               for n in range(1, 101)])
    assert f"Halaman {total} dari {total}" in texts[-1]
    for text in texts:
        body = text.split("PIHAK II", 1)[1].rsplit("Halaman", 1)[0].strip()
        # no page ends on an article's number or heading
        assert not re.search(r"(Pasal \d+|KETENTUAN \d+)$", body), body[-80:]


@pytest.mark.parametrize("filler", range(0, 40, 3))
def test_signatures_never_stand_alone(filler: int) -> None:
    """Whatever the length, the signature page also holds the closing "Demikian ..."."""
    words = " ".join(["kalimat pengisi"] * 12)
    agreement = kb(pasal=[article(f"Pasal Uji {n}", words) for n in range(1, 9 + filler)],
                   lampiran=[])
    texts = pages(render_agreement(agreement))
    signature_pages = [i for i, text in enumerate(texts)
                       if "ARIF PRASETYO" in text and "SRI HANDAYANI" in text
                       and "BUPATI BANYUWANGI," in text]
    assert signature_pages == [len(texts) - 1]
    assert "Demikian Kesepakatan Bersama ini dibuat" in texts[-1]


def test_signatures_stay_with_the_closing_after_a_very_long_last_article() -> None:
    long_ayat = [" ".join(["ayat yang sangat panjang"] * 40)] * 8
    agreement = kb(lampiran=[])
    agreement["pasal"] = [*agreement["pasal"], article("Ketentuan Peralihan", *long_ayat)]
    texts = pages(render_agreement(agreement, options=RenderOptions(lampiran=False)))
    assert "ARIF PRASETYO" in texts[-1] and "Demikian" in texts[-1]
    assert "ARIF PRASETYO" not in texts[-2]


def test_lampiran_has_its_own_page() -> None:
    texts = pages(render_agreement(kb()))
    assert "Demikian" not in texts[-1] and "RENCANA KERJA" in texts[-1]
    assert "RENCANA KERJA" not in " ".join(texts[:-1])
    in_order(texts[-1], ["LAMPIRAN", "KESEPAKATAN BERSAMA ANTARA PEMERINTAH KABUPATEN "
                         "BANYUWANGI DAN PEMERINTAH KABUPATEN KARANGANYAR",
                         "NOMOR : 119/12/429.011/2017", "TENTANG", "RENCANA KERJA",
                         "Triwulan III 2017", "Kunjungan balasan"])
    # the parties sign the lampiran too
    in_order(texts[-1], ["Kunjungan balasan", "PIHAK PERTAMA,", "BUPATI BANYUWANGI,",
                         "ARIF PRASETYO", "SRI HANDAYANI"])
    unreferred = kb(lampiran=[])
    for pasal in unreferred["pasal"]:
        pasal["ayat"] = [a for a in pasal["ayat"] if "Lampiran" not in a["teks"]]
    without = pages(render_agreement(unreferred))
    assert len(without) == len(texts) - 1
    # referred to but empty: still printed, with visible blanks for the officer to fill
    empty = pages(render_agreement(kb(lampiran=[])))
    assert len(empty) == len(texts) and "RENCANA KERJA" in empty[-1] and "...." in empty[-1]


def test_title_case_opening_and_f4_paper() -> None:
    data = render_agreement(kb(), options=RenderOptions(title_case_opening=True,
                                                        page_size="F4"))
    assert ("Pada Hari Ini Kamis Tanggal Dua Puluh Bulan April Tahun Dua Ribu Tujuh Belas "
            "(20-04-2017)") in pages(data)[0]
    box = PdfReader(BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (609, 935)
    a4 = PdfReader(BytesIO(render_agreement(kb()))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


def test_one_original_per_party() -> None:
    single = pages(render_agreement(pks()))
    data = render_agreement(pks(), options=RenderOptions(copies_per_party=True))
    texts = pages(data)
    assert len(texts) == 2 * len(single)
    half = len(single)
    for copy, label in enumerate(("PIHAK PERTAMA", "PIHAK KEDUA")):
        part = texts[copy * half:(copy + 1) * half]
        assert all(f"Naskah asli untuk {label}" in text for text in part)
        assert [f"Halaman {n} dari {half}" in text for n, text in enumerate(part, 1)] == \
            [True] * half
        # each party signs over the meterai on the original the other party keeps
        assert " ".join(part).count("Rp10.000") == 1
    assert " ".join(single).count("Rp10.000") == 2


def test_meterai_option_overrides_the_agreement() -> None:
    text = " ".join(pages(render_agreement(pks(), options=RenderOptions(meterai=False))))
    assert "Rp10.000" not in text and "bermeterai" not in text
    text = " ".join(pages(render_agreement(kb(), options=RenderOptions(meterai=True))))
    assert text.count("Rp10.000") == 2 and "masing-masing bermeterai cukup" in text


def test_logos_are_placed(tmp_path: Path) -> None:
    from PIL import Image

    paths = []
    for name, colour in (("a", (200, 30, 30)), ("b", (30, 90, 200))):
        path = tmp_path / f"logo_{name}.png"
        Image.new("RGB", (120, 150), colour).save(path)
        paths.append(path)
    data = render_agreement(kb(), options=RenderOptions(logos=paths))
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages[0].images) == 2
    assert len(reader.pages[1].images) == 0
    # a logo file gone missing leaves its place empty instead of failing the document
    data = render_agreement(kb(), options=RenderOptions(logos=[paths[0], tmp_path / "x.png"]))
    assert len(PdfReader(BytesIO(data)).pages[0].images) == 1


def test_three_parties_and_missing_values() -> None:
    agreement = kb()
    third = {**agreement["pihak"][1], "nama_instansi": "Pemerintah Kota Denpasar",
             "penandatangan_nama": "Made Wirawan", "penandatangan_jabatan": "Wali Kota Denpasar",
             "nomor_naskah": "415.4/10/2017", "posisi_ttd": None}
    agreement["pihak"].append(third)
    text = " ".join(pages(render_agreement(agreement)))
    in_order(text, ["ANTARA", "PEMERINTAH KABUPATEN BANYUWANGI,",
                    "PEMERINTAH KABUPATEN KARANGANYAR", "DAN", "PEMERINTAH KOTA DENPASAR",
                    "NOMOR : 415.4/10/2017", "III.", "MADE WIRAWAN",
                    "selanjutnya disebut PIHAK KETIGA.",
                    "PIHAK PERTAMA, PIHAK KEDUA, dan PIHAK KETIGA secara bersama-sama",
                    "PIHAK KETIGA,", "WALI KOTA DENPASAR,", "MADE WIRAWAN"])
    empty = " ".join(pages(render_agreement({})))
    in_order(empty, ["KESEPAKATAN BERSAMA", "TENTANG", "....", "NOMOR : ....",
                     "Pada hari ini .... tanggal .... bulan .... tahun .... (....), bertempat di "
                     "....", "Demikian", "rangkap .... asli", "Halaman 1 dari 1"])


def test_documents_layer_never_imports_qt() -> None:
    for path in DOCUMENTS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.startswith(("PySide6", "desktop.ui")) for n in names), path


def test_stored_agreement_renders(desk: Desk) -> None:
    saved = desk.agreements.create(as_stored(pks()))
    stored = desk.agreements.get(saved["id"])
    office = {"nama": "Dinas Komunikasi, Informatika dan Persandian Kabupaten Banyuwangi"}
    data = render_agreement(stored, office=office)
    reader = PdfReader(BytesIO(data))
    assert reader.metadata.title.startswith("Perjanjian Kerja Sama tentang Replikasi")
    assert reader.metadata.author == office["nama"]
    text = " ".join(pages(data))
    in_order(text, ["PERJANJIAN KERJA SAMA", "Pasal 1", "KETENTUAN UMUM", "Pasal 18",
                    "Demikian", "HARTONO WIBISONO", "RENCANA KERJA",
                    "Pemasangan aplikasi di Pusat Data Daerah Karanganyar"])
