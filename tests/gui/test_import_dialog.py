"""The import dialog: choose a sheet, fix the mapping, see every row's verdict, import."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from desktop.core.desk import Desk
from desktop.core.importing import load_mapping
from desktop.ui.import_dialog import ImportDialog, rows_in_error
from desktop.ui.main_window import MainWindow

from .helpers import open_page, settle

LEFT = Qt.MouseButton.LeftButton


def _sheet(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["REGISTER APLIKASI 2024"])
    sheet.merge_cells("A1:E1")
    sheet.append(["Nama Aplikasi", "Instansi pemilik", "Jenis", "Status", "Keterangan"])
    sheet.append(["Sistem Antrean Puskesmas", "Diskominfo", "Aplikasi Khusus", "Operasional",
                  "catatan"])
    sheet.append(["<b>Portal & Data</b>", "Diskominfo", "umum", "pengembangan", None])
    sheet.append(["Aplikasi Hantu", "Dinas Tidak Ada", "umum", "operasional", None])
    book.save(path)
    return path


def _open_dialog(qtbot, window: MainWindow, path: Path, monkeypatch) -> ImportDialog:
    open_page(qtbot, window, "apps")
    window.act_import.trigger()
    dialog = window.findChild(ImportDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(path), ""))
    qtbot.mouseClick(dialog.choose_button, LEFT)
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=5000)
    return dialog


def _combo(dialog: ImportDialog, row: int) -> QComboBox:
    combo = dialog.mapping_table.cellWidget(row, 1)
    assert isinstance(combo, QComboBox)
    return combo


def test_a_sheet_is_checked_then_imported_with_every_row_explained(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path, monkeypatch) -> None:
    before = demo_desk.apps.count()
    dialog = _open_dialog(qtbot, demo_window, _sheet(tmp_path / "apps.xlsx"), monkeypatch)
    assert "3 baris data (judul kolom di baris 2)" in dialog.file_label.text()
    # "Instansi pemilik" is not a known header: the owner column is missing until chosen
    assert _combo(dialog, 1).currentData() is None
    assert "OPD pemilik" in dialog.missing_label.text()
    assert not dialog.import_button.isEnabled()
    owner = _combo(dialog, 1)
    owner.setCurrentIndex(owner.findData("opd_pemilik_id"))
    assert dialog.missing_label.text() == "" and dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.check_button, LEFT)  # preview: nothing written
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert rows_in_error(dialog.results_table) == [5]
    assert "Dinas Tidak Ada" in dialog.results_table.item(0, 2).text()
    assert "Tidak ada yang diimpor" in dialog.summary.text()
    assert demo_desk.apps.count() == before

    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.outcome is not None and dialog.outcome.committed,
                    timeout=10_000)
    assert dialog.summary.text().startswith("2 baris ditambahkan, 0 diperbarui, 1 dilewati")
    assert demo_desk.apps.count() == before + 2
    names = {r["nama"] for r in demo_desk.apps.list().rows}
    assert "<b>Portal & Data</b>" in names  # markup kept as typed
    settle(qtbot, demo_window)
    page = demo_window.pages["apps"]
    assert page.model.rowCount() == before + 2  # the list follows
    assert load_mapping("apps")["instansipemilik"] == "opd_pemilik_id"  # remembered

    report = tmp_path / "laporan.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(report), ""))
    qtbot.mouseClick(dialog.report_button, LEFT)
    with report.open(encoding="utf-8-sig") as fh:
        assert len(list(csv.reader(fh))) == 4
    dialog.close()


def test_all_or_nothing_leaves_the_register_untouched(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path, monkeypatch) -> None:
    before = demo_desk.apps.count()
    dialog = _open_dialog(qtbot, demo_window, _sheet(tmp_path / "apps.xlsx"), monkeypatch)
    owner = _combo(dialog, 1)
    owner.setCurrentIndex(owner.findData("opd_pemilik_id"))
    dialog.all_or_nothing.setChecked(True)
    qtbot.mouseClick(dialog.import_button, LEFT)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert not dialog.outcome.committed
    assert demo_desk.apps.count() == before
    dialog.close()


def test_a_file_that_is_not_a_sheet_is_reported_in_the_dialog(
        qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "apps.xlsx"
    fake.write_text("<html>500 Internal Server Error</html>")
    open_page(qtbot, demo_window, "apps")
    demo_window.act_import.trigger()
    dialog = demo_window.findChild(ImportDialog)
    dialog.load_file(str(fake))
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("Gagal:"), timeout=5000)
    assert "bukan lembar kerja XLSX" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.close()


def test_import_is_offered_only_where_it_makes_sense(qtbot, demo_window: MainWindow) -> None:
    open_page(qtbot, demo_window, "agreements")
    assert not demo_window.act_import.isEnabled()
    open_page(qtbot, demo_window, "datasets")
    assert demo_window.act_import.isEnabled()


def test_a_blank_template_maps_itself_completely(
        qtbot, demo_window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    from desktop.core.importing.mapping import importable_fields
    from desktop.core.kinds import KINDS

    target = tmp_path / "templat.xlsx"
    open_page(qtbot, demo_window, "datasets")
    demo_window.act_import.trigger()
    dialog = demo_window.findChild(ImportDialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(dialog.template_button, LEFT)
    qtbot.waitUntil(lambda: "Templat disimpan" in dialog.summary.text(), timeout=5000)
    assert target.exists()
    from openpyxl import load_workbook

    from desktop.core.importing import auto_map

    headers = [c.value for c in next(load_workbook(target).worksheets[0].iter_rows())]
    assert auto_map("datasets", headers) == {
        i: f.name for i, f in enumerate(importable_fields(KINDS["datasets"]))}
    dialog.close()
