""""Simpan DOCX" in the preview: a click writes the previewed agreement as a Word file,
built off the GUI thread, on the paper the settings say (read back with python-docx)."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.desk import Desk
from desktop.core.settings import PAGE_SIZE, Settings
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PdfPreviewDialog

from .helpers import open_page, select_row, wait_loaded

LEFT = Qt.MouseButton.LeftButton


def test_simpan_docx_writes_the_previewed_agreement(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path, monkeypatch) -> None:
    settings = Settings()
    settings.set(PAGE_SIZE, "F4")
    settings.save()
    page = open_page(qtbot, demo_window, "agreements")
    kb = next(r for r in demo_desk.agreements.list().rows
              if r["jenis"] == "kb" and "Karanganyar" in r["mitra"])
    select_row(qtbot, page, page.model.row_of(kb["id"]))
    wait_loaded(qtbot, page, kb["id"])
    qtbot.mouseClick(page.preview_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(PdfPreviewDialog) is not None, timeout=15_000)
    dialog = page.findChild(PdfPreviewDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)

    asked: list[tuple[str, str]] = []
    target = tmp_path / "kb karanganyar"  # typed without the suffix: .docx is added

    def choose(_parent, _caption, suggested, filters, *_a, **_k):
        asked.append((suggested, filters))
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert dialog.save_docx.isVisible() and dialog.save_docx.text() == "Simpan &DOCX…"
    qtbot.mouseClick(dialog.save_docx, LEFT)
    written = target.with_name("kb karanganyar.docx")
    qtbot.waitUntil(lambda: "Disimpan ke" in dialog.info.text(), timeout=30_000)
    assert dialog.info.text() == f"Disimpan ke {written}"
    # the PDF's suggested name, as a .docx: whole words of the title, in Documents (the
    # first document saved; see desktop/ui/save_paths.py)
    from desktop.ui.save_paths import documents_folder

    assert asked == [(str(documents_folder() / (dialog.suggested_name[:-4] + ".docx")),
                      "Dokumen Word (*.docx)")]
    assert Path(asked[0][0]).name.startswith(kb["judul"].split()[0])

    document = docx.Document(str(written))
    titles = [p.text for p in document.paragraphs if p.style.name == "Judul Naskah"]
    assert titles[:2] == ["KESEPAKATAN BERSAMA", "ANTARA"]
    assert "PEMERINTAH KABUPATEN KARANGANYAR" in titles
    assert kb["judul"].upper() in " ".join(titles)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (215, 330)
    assert not target.exists()  # only the .docx
    dialog.close()
