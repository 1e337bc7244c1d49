"""The agreement as DOCX: read back with python-docx, and compared word for word with the
reportlab PDF of the same agreement (and, where LibreOffice is installed, with the PDF
LibreOffice makes of the DOCX). Demo agreements on both database engines (``desk``)."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import docx
import pytest
from agreement_samples import kb, pks
from conftest import dated_demo_desk
from docx.document import Document as DocxDocument
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader
from test_documents_follow_record import _fill_kb, _karanganyar_visit

from desktop.core.desk import Desk
from desktop.core.drafting import kb_from_visit
from desktop.core.names import name_in_capitals
from desktop.documents.docx_writer import render_docx
from desktop.documents.options import render_options
from desktop.documents.pdf import RenderOptions, render_agreement

TODAY = date(2026, 11, 28)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# what the PDF draws on every page (footer, paraf boxes, copy label): not the document's text
FURNITURE = re.compile(r"Halaman \d+ dari \d+|\bParaf\b|\bPIHAK (?:III|II|IV|I|V)\b"
                       r"|Naskah asli untuk PIHAK [A-Z]+")


# ---------------------------------------------------------------------------- reading back
def read(data: bytes) -> DocxDocument:
    return docx.Document(BytesIO(data))


def blocks(container: Any) -> Iterator[Paragraph]:
    """Every paragraph of the body in reading order, tables row by row, cell by cell."""
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    yield from blocks(cell)
        else:
            yield item


def docx_words(data: bytes) -> list[str]:
    text = " ".join(p.text for p in blocks(read(data)))
    return text.replace("\u00a0", " ").split()


def pdf_words(data: bytes) -> list[str]:
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return FURNITURE.sub(" ", text.replace("\u00a0", " ")).split()


def styled(document: DocxDocument, style: str) -> list[str]:
    return [p.text for p in blocks(document) if p.style.name == style]


def fields(part: Any) -> list[str]:
    return [node.text.strip() for node in part._element.iter(f"{W}instrText")]


def assert_same_text(ours: list[str], theirs: list[str]) -> None:
    """The same words in the same order, modulo whitespace: a line broken after a hyphen
    ("(20-" / "04-2017)") reads the same as one that is not."""
    a, b = "".join(ours), "".join(theirs)
    if a != b:
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                  min(len(a), len(b)))
        raise AssertionError(f"the texts differ at character {at}:\n"
                             f"  {a[max(at - 80, 0):at + 60]}\n  {b[max(at - 80, 0):at + 60]}")


def assert_same_words(docx_data: bytes, pdf_data: bytes) -> None:
    assert_same_text(docx_words(docx_data), pdf_words(pdf_data))


def assert_reads_as_agreement(data: bytes, agreement: dict[str, Any]) -> None:
    """Title, NOMOR lines, parties, every Pasal and ayat, signatures, page fields."""
    document = read(data)
    titles = styled(document, "Judul Naskah")
    assert titles[0] in ("KESEPAKATAN BERSAMA", "PERJANJIAN KERJA SAMA")
    assert agreement["judul"].upper() in " ".join(titles)
    nomor = styled(document, "Nomor Naskah")
    for party in agreement["pihak"]:
        assert f"NOMOR : {party['nomor_naskah']}" in nomor
    text = " ".join(p.text for p in blocks(document))
    # a table of the parties, or (a name too long for a column) each name on its line
    komparisi = styled(document, "Komparisi") + styled(document, "Komparisi Baris")
    for index, party in enumerate(agreement["pihak"]):
        name = name_in_capitals(party["penandatangan_nama"])
        roman = ("I.", "II.", "III.")[index]
        assert name in komparisi or f"{roman}\t{name}" in komparisi, (name, komparisi)
        assert name in styled(document, "Nama Penandatangan")
    assert "selanjutnya disebut PIHAK PERTAMA;" in text
    headings = styled(document, "Pasal")
    assert headings == [f"Pasal {n}" for n in range(1, len(agreement["pasal"]) + 1)]
    assert styled(document, "Judul Pasal") == [p["judul"].upper() for p in agreement["pasal"]]
    ayat = styled(document, "Ayat") + styled(document, "Ayat Tunggal")
    for pasal in agreement["pasal"]:
        texts = [a for a in pasal["ayat"] if a["teks"].strip()]
        for number, a in enumerate(texts, start=1):
            if "{" in a["teks"]:  # a placeholder: printed as the record says
                continue
            wanted = f"({number})\t{a['teks'].strip()}" if len(texts) > 1 else a["teks"].strip()
            assert wanted in ayat, wanted
    assert "...." not in text
    footer = document.sections[0].footer
    assert fields(footer) == ["PAGE", "NUMPAGES"]
    assert "Halaman" in footer.paragraphs[-1].text and "dari" in footer.paragraphs[-1].text


# ---------------------------------------------------------------------------- samples
def test_kb_reads_back_with_its_parts_as_styles() -> None:
    agreement = kb()
    data = render_docx(agreement)
    assert_reads_as_agreement(data, agreement)
    document = read(data)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.left_margin.cm, 2) == 2.5 and round(section.bottom_margin.cm, 2) == 2.5
    # butir lettered under their ayat; the considerations lettered too
    assert any(t.startswith("a.\t") for t in styled(document, "Butir"))
    assert styled(document, "Premis")[0].startswith("a.\tbahwa pada tanggal 20 April 2017")
    # the lampiran: its table and the parties' signatures after it
    lampiran = document.tables[-2]  # then the signatures under it
    assert [c.text for c in lampiran.rows[0].cells] == ["No", "Kegiatan", "Penanggung Jawab",
                                                        "Waktu", "Keterangan"]
    assert lampiran.rows[1].cells[1].text == agreement["lampiran"][0]["kegiatan"]
    names = styled(document, "Nama Penandatangan")
    assert names == ["ARIF PRASETYO", "SRI HANDAYANI"] * 2  # the naskah and the lampiran
    assert "RENCANA KERJA" in styled(document, "Judul Naskah")


def test_docx_has_the_pdfs_words_in_the_pdfs_order() -> None:
    for agreement, parent in ((kb(), None), (pks(), kb())):
        assert_same_words(render_docx(agreement, parent=parent),
                          render_agreement(agreement, parent=parent))


def test_f4_per_party_originals_are_sections_numbered_from_one() -> None:
    options = RenderOptions(page_size="F4", copies_per_party=True, meterai=True)
    data = render_docx(pks(), options=options, parent=kb())
    document = read(data)
    assert len(document.sections) == 2
    for index, section in enumerate(document.sections):
        assert round(section.page_width.mm) == 215 and round(section.page_height.mm) == 330
        assert section._sectPr.find(f"{W}pgNumType").get(f"{W}start") == "1"
        assert fields(section.footer) == ["PAGE", "SECTIONPAGES"]
        label = ("Naskah asli untuk PIHAK PERTAMA", "Naskah asli untuk PIHAK KEDUA")[index]
        assert label in section.footer.paragraphs[-1].text
    # the page count stored in the field is the PDF's per original (LibreOffice shows it)
    pdf_pages = len(PdfReader(BytesIO(render_agreement(pks(), options=options,
                                                        parent=kb()))).pages)
    shown = [t.text for t in document.sections[0].footer._element.iter(f"{W}t")]
    assert str(pdf_pages // 2) in shown
    # one meterai on each original: the other party signs over the one this party keeps
    assert docx_words(data).count("Meterai") == 2
    assert_same_words(data, render_agreement(pks(), options=options, parent=kb()))


def test_typed_markup_and_line_breaks_print_as_typed() -> None:
    agreement = kb(judul="Data <b>Terbuka</b> & Aman")
    agreement["pasal"][0]["ayat"][0]["teks"] = "Baris satu\nBaris dua <i>x</i> & y"
    data = render_docx(agreement)
    text = " ".join(p.text for p in blocks(read(data)))
    assert "DATA <B>TERBUKA</B> & AMAN" in text
    assert "Baris satu\nBaris dua <i>x</i> & y" in text
    assert_same_words(data, render_agreement(agreement))


def test_an_empty_agreement_still_writes_a_document() -> None:
    data = render_docx({})
    words = docx_words(data)
    assert words[:2] == ["KESEPAKATAN", "BERSAMA"] and "NOMOR" in words


# ---------------------------------------------------------------------------- the demo
def _documents(desk: Desk, agreement_id: str) -> tuple[dict[str, Any], bytes, bytes]:
    agreement = desk.agreements.get(agreement_id)
    parent = desk.agreements.get(agreement["induk_id"]) if agreement.get("induk_id") else None
    office = desk.office.get()
    options = render_options(agreement, office)
    return (agreement,
            render_docx(agreement, office=office, parent=parent, options=options),
            render_agreement(agreement, office=office, parent=parent, options=options))


@pytest.fixture(params=["sqlite", "postgresql"])
def dated_demo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    yield from dated_demo_desk(request, tmp_path, TODAY)


def test_every_demo_agreement_and_a_kb_from_a_visit_as_docx(dated_demo: Desk) -> None:
    desk = dated_demo
    ids = [r["id"] for r in desk.agreements.list().rows]
    assert len(ids) >= 6
    ids.append(desk.agreements.create(_fill_kb(kb_from_visit(
        desk, _karanganyar_visit(desk))))["id"])
    for agreement_id in ids:
        agreement, data, pdf = _documents(desk, agreement_id)
        assert_reads_as_agreement(data, agreement)
        assert_same_words(data, pdf)
        text = " ".join(docx_words(data))
        assert "addendum" not in text.lower() and "{" not in text
        if agreement.get("tahun_anggaran_mulai") and agreement["jenis"] == "kb":
            assert f"mulai Tahun Anggaran {agreement['tahun_anggaran_mulai']}" in text


# ---------------------------------------------------------------------------- the CLI
def test_cli_writes_docx_for_a_docx_name_and_with_the_docx_command(tmp_path, capsys) -> None:
    from desktop.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    db = str(tmp_path / "docx.sqlite3")
    assert run("--database", db, "demo")[0] == 0
    code, out, _ = run("--database", db, "list", "agreements", "--filter", "jenis=pks",
                       "--json")
    agreement = json.loads(out)[0]
    target = tmp_path / "pks.DOCX"
    code, out, err = run("--database", db, "pdf", agreement["id"], "-o", str(target))
    assert code == 0, err
    assert out.strip() == f"DOCX ditulis: {target}"
    words = " ".join(docx_words(target.read_bytes()))
    assert words.startswith("PERJANJIAN KERJA SAMA")
    assert "Kesepakatan Bersama Nomor 119/12/429.011/2017 dan 130/045/2017" in words
    alias = tmp_path / "naskah"  # the docx command writes DOCX whatever the name
    code, out, err = run("--database", db, "--lang", "en", "docx", agreement["id"],
                         "-o", str(alias))
    assert code == 0, err
    assert out.strip() == f"DOCX written: {alias}"
    assert docx_words(alias.read_bytes()) == docx_words(target.read_bytes())
    pdf = tmp_path / "pks.pdf"
    assert run("--database", db, "pdf", agreement["id"], "-o", str(pdf))[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")


# ---------------------------------------------------------------------------- LibreOffice
@pytest.mark.needs_tool("soffice", "apt-get install libreoffice-writer-nogui")
def test_libreoffice_prints_the_docx_with_the_pdfs_words(tmp_path: Path) -> None:
    cases = {"kb": (kb(), None, RenderOptions()),
             "pks": (pks(), kb(), RenderOptions(page_size="F4", copies_per_party=True))}
    for name, (agreement, parent, options) in cases.items():
        (tmp_path / f"{name}.docx").write_bytes(
            render_docx(agreement, parent=parent, options=options))
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path),
         *(str(tmp_path / f"{n}.docx") for n in cases)],
        capture_output=True, text=True, timeout=180, check=False)
    for name, (agreement, parent, options) in cases.items():
        converted = tmp_path / f"{name}.pdf"
        assert converted.is_file(), done.stdout + done.stderr
        ours = render_agreement(agreement, parent=parent, options=options)
        assert_same_text(pdf_words(converted.read_bytes()), pdf_words(ours))
        pages = PdfReader(converted).pages
        per_copy = len(pages) // (2 if options.copies_per_party else 1)
        footers = [FURNITURE.findall(p.extract_text()) for p in pages]
        assert f"Halaman 1 dari {per_copy}" in footers[0]
        assert f"Halaman {per_copy} dari {per_copy}" in footers[per_copy - 1]
        size = pages[0].mediabox
        mm = (round(float(size.width) / 72 * 25.4), round(float(size.height) / 72 * 25.4))
        assert mm == ((215, 330) if options.page_size == "F4" else (210, 297))
