"""The import dialog says what is wrong with a bad file, in words, and imports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_corpus import dimension_bomb, hand_made_xlsx, sheet_xml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.desk import Desk
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.main_window import MainWindow

from .helpers import open_page

LEFT = Qt.MouseButton.LeftButton
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _mixed(path: Path) -> Path:
    path.write_bytes("Nama aplikasi,OPD pemilik\nSistem Kébudayaan,Diskominfo\n".encode()
                     + "Sistem Kébudayaan Lama,Diskominfo\n".encode("latin-1"))
    return path


CASES = {
    "mixed.csv": (_mixed, "baris 3 bukan UTF-8"),
    "bomb.xlsx": (dimension_bomb, "Tidak ditemukan baris judul kolom"),
    "xxe.xlsx": (lambda p: hand_made_xlsx(p, sheet_xml("", prolog=XXE)), "DOCTYPE/ENTITY"),
    "dup.csv": (lambda p: p.write_text("Nama aplikasi,OPD pemilik,Nama Aplikasi\na,b,c\n",
                                       encoding="utf-8") and p,
                "ada dua kali (kolom A dan C)"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_file_is_explained_in_the_dialog_and_nothing_is_imported(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path, monkeypatch,
        name: str) -> None:
    make, words = CASES[name]
    path = make(tmp_path / name)
    before = demo_desk.apps.count()
    open_page(qtbot, demo_window, "apps")
    demo_window.act_import.trigger()
    dialog = demo_window.findChild(ImportDialog)
    assert dialog is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Gagal:"), timeout=10_000)
    assert words in dialog.summary.text()
    assert "tak terduga" not in dialog.summary.text()
    assert dialog.sheet is None and not dialog.import_button.isEnabled()
    assert dialog.file_label.text() == "Belum ada berkas."
    assert demo_desk.apps.count() == before
    dialog.close()
