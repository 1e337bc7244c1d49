"""What the fit walk's screenshots (issue 16) showed and its measurements could not: a
record's Riwayat naming an OPD by its UUID and cutting long values, the About box's
English "OK" and Qt's other English words, the conflict editor's value on one endless
line, and an import file name that widened the dialog past the screen."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
)

from desktop.core.desk import Desk
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.main_window import MainWindow

from .helpers import open_page, select_row, settle, wait_loaded

LONG = ("Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Banyuwangi "
        "Provinsi Jawa Timur")


def _on_next_dialog(check) -> list[str]:
    """Run ``check(dialog)`` on the next modal dialog once it is up; returns a list that
    says it ran (exec() blocks the test until the check closes the dialog)."""
    ran: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, look)
            return
        ran.append(dialog.objectName())
        check(dialog)

    QTimer.singleShot(0, look)
    return ran


def test_history_shows_the_linked_opd_by_name_and_long_values_in_the_tooltip(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "apps")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    record = demo_desk.apps.get(record_id)
    owner = demo_desk.opd.get(record["opd_pemilik_id"])
    qtbot.mouseClick(page.history_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    tree = dialog.findChild(QTreeWidget)
    assert tree is not None
    created = tree.topLevelItem(tree.topLevelItemCount() - 1)
    lines = {created.child(i).text(0): created.child(i) for i in range(created.childCount())}
    shown = lines["OPD pemilik"].text(2)
    assert owner["nama"] in shown and record["opd_pemilik_id"] not in shown
    description = lines["Deskripsi"]
    assert description.text(2) == record["deskripsi"]
    assert description.toolTip(2) == record["deskripsi"]  # whole, where the column elides
    dialog.close()


def test_history_shows_dates_as_the_form_does_and_sub_lists_as_rows_not_json(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "visits")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    visit = demo_desk.visits.get(record_id)
    page.show_history()
    dialog = page.findChild(HistoryDialog)
    assert dialog is not None
    tree = dialog.tree
    created = tree.topLevelItem(tree.topLevelItemCount() - 1)
    lines = {created.child(i).text(0): created.child(i).text(2)
             for i in range(created.childCount())}
    assert lines["Tanggal mulai"] == visit["tanggal_mulai"].strftime("%d/%m/%Y")
    first = visit["peserta"][0]
    assert lines["Peserta"].startswith(f"{first['nama']} · {first['jabatan']}")
    assert "{" not in lines["Peserta"] and '"nama"' not in lines["Peserta"]
    dialog.close()


def test_about_is_closed_with_the_programs_own_word(qtbot, demo_window: MainWindow) -> None:
    buttons: list[str] = []

    def check(box) -> None:
        assert isinstance(box, QMessageBox)
        buttons.extend(b.text() for b in box.buttons())
        assert "Diskominfo Desk" in box.text()
        box.buttons()[0].click()

    ran = _on_next_dialog(check)
    demo_window.act_about.trigger()
    assert ran == ["aboutBox"] and buttons == ["&Tutup"]


def test_the_conflict_editor_wraps_a_long_value_and_fits_the_screen(
        qtbot, demo_window: MainWindow, monkeypatch) -> None:
    page = demo_window.sync_page.conflict_box
    page.show_conflicts([SimpleNamespace(id="c1", record_id="d1", title="Jumlah penduduk",
                                         field="notes", local=f"Data {LONG} " * 3,
                                         remote=f"Sumber {LONG}")])
    page.conflict_table.selectRow(0)
    chosen: list[tuple[str, str]] = []
    monkeypatch.setattr(page, "resolve", lambda choice, value=None: chosen.append(
        (choice, value)))
    seen: dict[str, object] = {}

    def check(dialog) -> None:
        edit = dialog.findChild(QPlainTextEdit)
        seen["wrap"] = edit.lineWrapMode()
        seen["width"] = dialog.frameGeometry().width()
        seen["screen"] = dialog.screen().availableGeometry().width()
        seen["buttons"] = sorted(b.text() for b in dialog.findChildren(QPushButton))
        edit.setPlainText("nilai baru")
        dialog.accept()

    ran = _on_next_dialog(check)
    page.edit_value.click()
    assert ran == ["conflictEditDialog"]
    assert seen["wrap"] == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert seen["width"] <= seen["screen"]  # was 2941 px: the question did not wrap
    assert seen["buttons"] == ["&Pakai nilai ini", "Batal"]
    assert chosen == [("edit", "nilai baru")]


def test_a_long_file_name_elides_in_the_import_dialog(
        qtbot, demo_window: MainWindow, tmp_path: Path) -> None:
    from desktop.ui.import_dialog import ImportDialog

    name = f"Rekapitulasi aplikasi {LONG} tahun anggaran 2026 (revisi ketiga, final).csv"
    sheet = tmp_path / name
    sheet.write_text("Nama Aplikasi,OPD pemilik\nPortal,Diskominfo\n", encoding="utf-8")
    open_page(qtbot, demo_window, "apps")
    dialog = ImportDialog(demo_window.desk, demo_window.tasks, "apps", demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(sheet))
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=5000)
    settle(qtbot, demo_window)
    available = dialog.screen().availableGeometry().width()
    assert dialog.minimumSizeHint().width() < available
    assert dialog.file_label.full_text().startswith(name)
    dialog.resize(700, 600)
    qtbot.waitUntil(lambda: "…" in dialog.file_label.text(), timeout=2000)
    assert dialog.file_label.text().endswith("(judul kolom di baris 1)")
    assert dialog.file_label.toolTip() == dialog.file_label.full_text()


def _qt_words_shown() -> set[str]:
    box = QMessageBox()
    box.setText("Terjadi kesalahan.")
    box.setDetailedText("rincian")
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.show()
    files = QFileDialog()
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    files.show()
    try:
        return ({b.text() for b in box.findChildren(QPushButton)}
                | {label.text() for label in files.findChildren(QLabel)})
    finally:
        box.deleteLater()
        files.deleteLater()


def test_qt_own_words_are_indonesian_in_an_indonesian_window(qtbot) -> None:
    """Qt ships no Indonesian catalogue: the error box's "Show Details...", a yes/no
    box's buttons and Qt's file dialog said English words; in English they still do."""
    from desktop.ui.i18n import install_language

    install_language("id")
    shown = _qt_words_shown()
    assert {"Tampilkan rincian…", "&Ya", "&Tidak", "&Lihat di:", "&Nama berkas:"} <= shown
    assert "Show Details..." not in shown
    try:
        assert install_language("en")
        shown = _qt_words_shown()
        assert {"Show Details...", "&Yes", "&No", "&Look in:"} <= shown
    finally:
        install_language("id")
