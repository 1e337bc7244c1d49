"""Save and open dialogs start where the user last saved that kind of file (else in
Documents, never the program folder) and suggest a dated name in the interface language
(issue 16: "the save dialog starts in the program folder and suggests datasets.xlsx")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from desktop.core.desk import Desk
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.save_paths import (
    DOCUMENT,
    EXPORT,
    IMPORT,
    dated_name,
    documents_folder,
    remember,
    safe_stem,
    start_folder,
    suggested_path,
)

from .helpers import build_window, open_page, settle

TODAY = date.today().isoformat()


class Dialogs:
    """Stands in for the native dialog: notes what it was opened with, answers ``reply``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.reply = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._answer)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._answer)

    def _answer(self, _parent, _caption, start, _filters, *_a, **_k) -> tuple[str, str]:
        self.asked.append(start)
        return self.reply, ""


def test_the_name_is_the_title_and_the_date() -> None:
    assert dated_name("Dataset", ".xlsx", date(2026, 12, 4)) == "Dataset 2026-12-04.xlsx"
    assert dated_name("Datasets", ".xlsx", date(2026, 12, 4)) == "Datasets 2026-12-04.xlsx"
    assert dated_name("Laporan", ".pdf", "2026-11") == "Laporan 2026-11.pdf"
    assert safe_stem('KB: Diskominfo/Karanganyar "2026"?') == "KB Diskominfo Karanganyar 2026"
    assert safe_stem("  ..a  b.. ") == "a b"
    long = safe_stem("kata " * 40)
    assert len(long) <= 80 and long.endswith("kata")


def test_the_first_dialog_starts_in_documents_then_where_the_user_saved(
        tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    assert start_folder(settings, EXPORT) == documents_folder()
    assert documents_folder() != Path.cwd() and documents_folder().is_dir()
    chosen = tmp_path / "laporan bulanan"
    chosen.mkdir()
    remember(settings, EXPORT, chosen / "Dataset 2026-12-04.xlsx")
    assert start_folder(settings, EXPORT) == chosen
    assert start_folder(settings, IMPORT) == documents_folder()  # each purpose its own
    assert suggested_path(settings, EXPORT, "Aplikasi 2026-12-04.csv") == str(
        chosen / "Aplikasi 2026-12-04.csv")
    chosen.rmdir()  # a folder since removed: back to Documents, not an error
    assert start_folder(settings, EXPORT) == documents_folder()


def test_export_suggests_the_page_title_and_date_and_remembers_the_folder(
        qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    dialogs = Dialogs(monkeypatch)
    open_page(qtbot, demo_window, "datasets")
    demo_window.act_export.trigger()  # cancelled: nothing written, nothing remembered
    assert dialogs.asked == [str(documents_folder() / f"Dataset {TODAY}.xlsx")]
    folder = tmp_path / "ekspor"
    folder.mkdir()
    dialogs.reply = str(folder / "pilihan saya.xlsx")
    demo_window.act_export.trigger()
    qtbot.waitUntil((folder / "pilihan saya.xlsx").exists, timeout=15_000)
    settle(qtbot, demo_window)
    open_page(qtbot, demo_window, "apps")
    dialogs.reply = ""
    demo_window.act_export.trigger()
    assert dialogs.asked[-1] == str(folder / f"Aplikasi {TODAY}.xlsx")

    # the folder survives a restart (view-state settings), other purposes keep theirs
    demo_window.settings.sync()
    again = build_window(qtbot, demo_window.desk, Path(demo_window.settings.fileName()))
    open_page(qtbot, again, "datasets")
    again.act_export.trigger()
    assert dialogs.asked[-1] == str(folder / f"Dataset {TODAY}.xlsx")
    again.act_import.trigger()
    dialog = again.findChild(ImportDialog)
    assert dialog is not None
    dialog.choose_file()
    assert dialogs.asked[-1] == str(documents_folder())
    dialog.save_template()
    assert dialogs.asked[-1] == str(documents_folder() / "Templat impor Dataset.xlsx")
    dialog.close()


def test_a_document_preview_saves_beside_the_last_document(
        qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from desktop.ui.pdf_preview import PdfPreviewDialog

    dialogs = Dialogs(monkeypatch)
    page = open_page(qtbot, demo_window, "agreements")
    preview = PdfPreviewDialog(b"%PDF-1.4", [], "KB", "KB Karanganyar.pdf", page,
                               tasks=demo_window.tasks)
    qtbot.addWidget(preview)
    target = tmp_path / "naskah" / "KB Karanganyar.pdf"
    target.parent.mkdir()
    dialogs.reply = str(target)
    assert preview.save_as() == str(target)
    assert target.read_bytes() == b"%PDF-1.4"
    assert dialogs.asked == [str(documents_folder() / "KB Karanganyar.pdf")]
    dialogs.reply = ""
    preview.save_as()
    assert dialogs.asked[-1] == str(target.parent / "KB Karanganyar.pdf")
    assert start_folder(demo_window.settings, EXPORT) == documents_folder()
    assert start_folder(demo_window.settings, DOCUMENT) == target.parent


def test_english_names_follow_the_interface_language(qtbot, sqlite_desk: Desk,
                                                     tmp_path: Path, monkeypatch) -> None:
    from desktop.ui.i18n import install_language

    assert install_language("en")
    try:
        dialogs = Dialogs(monkeypatch)
        win = build_window(qtbot, sqlite_desk, tmp_path / "view.ini")
        open_page(qtbot, win, "datasets")
        win.act_export.trigger()
        assert dialogs.asked == [str(documents_folder() / f"Datasets {TODAY}.xlsx")]
    finally:
        install_language("id")
