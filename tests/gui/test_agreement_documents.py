"""Kerja Sama in the window: drafts from templates, the template editor, the document
settings, and the PDF previewed, saved and printed to a file (read back with pypdf)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from desktop.core.agreement_templates import load_template, office_template_path
from desktop.core.desk import Desk
from desktop.core.settings import (
    COPIES_PER_PARTY,
    OFFICE_LOGO,
    PAGE_SIZE,
    TITLE_CASE_OPENING,
    Settings,
)
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PdfPreviewDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.template_dialog import TemplateDialog

from .helpers import answer_next_box, open_page, select_row, settle, wait_loaded

LEFT = Qt.MouseButton.LeftButton
MM = 72 / 25.4


def _headings(rows: list[dict]) -> list[str]:
    return [row["judul"] for row in rows]


def _choose_jenis(page, code: str) -> None:
    combo = page.form.editors["jenis"].combo
    index = combo.findData(code)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# ---------------------------------------------------------------------------- drafts
def test_a_new_agreement_starts_from_the_template_with_the_office_as_first_party(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "agreements")
    page.new_record(ask=False)
    settle(qtbot, demo_window)
    kb = load_template("kb")
    articles = page.form.collections["pasal"].rows()
    assert _headings(articles) == [a["judul"] for a in kb["pasal"]]
    assert page.form.editors["premis"].value()[:1] == kb["premis"][:1]
    first = page.form.collections["pihak"].rows()[0]
    assert first["region_kode"] == demo_desk.office.get()["region_kode"]
    assert not page.form.is_dirty()  # an untouched template is not unsaved work

    _choose_jenis(page, "pks")  # untouched: the PKS template replaces the KB one
    settle(qtbot, demo_window)
    pks = load_template("pks")
    assert _headings(page.form.collections["pasal"].rows()) == [a["judul"]
                                                                  for a in pks["pasal"]]


def test_switching_kind_never_replaces_edited_articles(
        qtbot, demo_window: MainWindow) -> None:
    page = open_page(qtbot, demo_window, "agreements")
    page.new_record(ask=False)
    settle(qtbot, demo_window)
    editor = page.form.collections["pasal"]
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    editor.text.setPlainText("Dasar Hukum Khusus")
    edited = editor.rows()
    _choose_jenis(page, "pks")
    settle(qtbot, demo_window)
    assert editor.rows() == edited


# ---------------------------------------------------------------------------- PDF
@pytest.fixture
def preview(qtbot, demo_window: MainWindow, demo_desk: Desk) -> PdfPreviewDialog:
    """The preview of the demo KB with Karanganyar."""
    page = open_page(qtbot, demo_window, "agreements")
    kb_id = next(r["id"] for r in demo_desk.agreements.list().rows
                 if r["jenis"] == "kb" and "Karanganyar" in r["mitra"])
    select_row(qtbot, page, page.model.row_of(kb_id))
    wait_loaded(qtbot, page, kb_id)
    qtbot.mouseClick(page.preview_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(PdfPreviewDialog) is not None, timeout=15_000)
    dialog = page.findChild(PdfPreviewDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def test_preview_shows_every_page_and_saves_the_pdf(
        qtbot, preview: PdfPreviewDialog, tmp_path: Path, monkeypatch) -> None:
    reader = PdfReader(io.BytesIO(preview.pdf))
    assert preview.info.text() == f"{len(reader.pages)} halaman"
    target = tmp_path / "kb karanganyar.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    save = next(b for b in preview.findChildren(QPushButton) if b.text() == "&Simpan PDF…")
    qtbot.mouseClick(save, LEFT)
    saved = PdfReader(target)
    text = saved.pages[0].extract_text()
    assert "KESEPAKATAN BERSAMA" in text and "KARANGANYAR" in text
    assert len(saved.pages) == len(reader.pages)
    assert "Disimpan ke" in preview.info.text()
    preview.close()


def test_printing_sends_every_page_to_the_printer(
        qtbot, preview: PdfPreviewDialog, tmp_path: Path) -> None:
    out = tmp_path / "cetak.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    preview.print_to(printer)  # what "Cetak…" does once the print dialog is accepted
    pages = len(PdfReader(io.BytesIO(preview.pdf)).pages)
    qtbot.waitUntil(lambda: "dikirim ke pencetak" in preview.info.text(), timeout=30_000)
    assert preview.info.text().startswith(f"{pages} halaman")
    assert len(PdfReader(out).pages) == pages
    preview.close()


# ---------------------------------------------------------------------------- settings
def _logo(path: Path) -> Path:
    image = QImage(120, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f6feb"))
    assert image.save(str(path))
    return path


def test_document_settings_are_saved_and_shape_the_pdf(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path) -> None:
    demo_window.open_settings()
    dialog = demo_window.findChild(SettingsDialog)
    dialog.tabs.setCurrentWidget(dialog.documents_tab)
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("F4"))
    dialog.title_case.setChecked(True)
    dialog.copies_per_party.setChecked(True)
    dialog.logo_path.setText(str(_logo(tmp_path / "logo.png")))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), LEFT)
    settings = Settings()
    assert settings.get(PAGE_SIZE) == "F4"
    assert settings.get(TITLE_CASE_OPENING) is True
    assert settings.get(COPIES_PER_PARTY) is True
    assert settings.get(OFFICE_LOGO) == str(tmp_path / "logo.png")

    from desktop.documents.options import render_options
    from desktop.documents.pdf import render_agreement

    kb = next(demo_desk.agreements.get(r["id"]) for r in demo_desk.agreements.list().rows
              if r["jenis"] == "kb" and "Karanganyar" in r["mitra"])
    office = demo_desk.office.get()
    pdf = PdfReader(io.BytesIO(render_agreement(kb, office=office,
                                                options=render_options(kb, office))))
    first = pdf.pages[0]
    assert round(float(first.mediabox.width) / MM) == 215
    assert round(float(first.mediabox.height) / MM) == 330
    assert "Pada Hari Ini" in first.extract_text()
    assert len(first.images) == 1  # the office logo
    # one original per party: the whole document twice
    single = PdfReader(io.BytesIO(render_agreement(kb, office=office)))
    assert len(pdf.pages) == 2 * len(single.pages)


def test_an_unreadable_logo_is_refused_and_nothing_is_saved(
        qtbot, dialog_settings: SettingsDialog, tmp_path: Path, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a, **_k: warned.append(text))
    fake = tmp_path / "logo.png"
    fake.write_text("<html>bukan gambar</html>", encoding="utf-8")
    dialog_settings.page_size.setCurrentIndex(dialog_settings.page_size.findData("F4"))
    dialog_settings.logo_path.setText(str(fake))
    qtbot.mouseClick(dialog_settings.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Save), LEFT)
    assert warned and "Logo tidak dapat dibaca" in warned[0]
    assert dialog_settings.tabs.currentWidget() is dialog_settings.documents_tab
    assert Settings().get(PAGE_SIZE) == "A4"  # nothing saved
    assert dialog_settings.isVisible()


@pytest.fixture
def dialog_settings(qtbot, desk: Desk, tmp_path: Path) -> SettingsDialog:
    from PySide6.QtCore import QSettings

    d = SettingsDialog(desk, QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(d)
    d.show()
    return d


# ---------------------------------------------------------------------------- templates
def test_the_office_template_is_edited_saved_used_and_reset(
        qtbot, demo_window: MainWindow, monkeypatch) -> None:
    demo_window.open_templates()
    dialog = demo_window.findChild(TemplateDialog)
    assert dialog is not None and dialog.source.text() == "templat bawaan"
    shipped = load_template("kb")
    dialog.premis.setPlainText(dialog.premis.toPlainText() + "\nbahwa <PARA PIHAK> & mitra")
    dialog.articles.tree.setCurrentItem(None)
    dialog.articles.add(0)
    dialog.articles.text.setPlainText("Kerahasiaan Data")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert office_template_path("kb").is_file()
    assert dialog.source.text() == "salinan kantor ini"
    own = load_template("kb")
    assert own["premis"][-1] == "bahwa <PARA PIHAK> & mitra"  # kept exactly as typed
    assert [a["judul"] for a in own["pasal"]][-1] == "Kerahasiaan Data"
    assert len(own["pasal"]) == len(shipped["pasal"]) + 1

    page = open_page(qtbot, demo_window, "agreements")
    page.new_record(ask=False)
    settle(qtbot, demo_window)
    assert _headings(page.form.collections["pasal"].rows())[-1] == "Kerahasiaan Data"

    qtbot.mouseClick(dialog.reset_button, LEFT)
    assert not office_template_path("kb").exists()
    assert load_template("kb") == shipped
    assert dialog.source.text() == "templat bawaan"
    dialog.close()


def test_switching_template_with_unsaved_edits_asks_first(qtbot, monkeypatch) -> None:
    dialog = TemplateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.premis.setPlainText("bahwa satu-satunya premis")
    asked: list[str] = []
    answer_next_box("Batal", asked)
    pks = dialog.kind.findData("pks")
    dialog.kind.setCurrentIndex(pks)
    dialog.kind.activated.emit(pks)
    assert asked and dialog.kind.currentData() == "kb"
    assert dialog.premis.toPlainText() == "bahwa satu-satunya premis"
    answer_next_box("Buang perubahan")
    dialog.kind.setCurrentIndex(pks)
    dialog.kind.activated.emit(pks)
    assert dialog.kind.currentData() == "pks"
    assert dialog.premis.toPlainText().splitlines() == load_template("pks")["premis"]
    assert not office_template_path("kb").exists()  # nothing was written
