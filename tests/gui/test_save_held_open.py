"""Issue 22, point 3 in the window: saving over a file another program holds open shows
the core's clear message (not the "unexpected error" box), keeps the old file and leaves
no ``.part``; once the file is closed the same click saves.

Windows refuses the rename with ``PermissionError`` (WinError 32); ``os.replace`` onto
the chosen file is made to fail that way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from desktop.core import safe_write
from desktop.core.desk import Desk
from desktop.ui import errors
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PdfPreviewDialog

from .helpers import open_page, settle
from .test_import_dialog import _combo, _open_dialog, _sheet

LEFT = Qt.MouseButton.LeftButton


def _in_use(name: str) -> str:
    return (f"Berkas {name} sedang dibuka program lain (mis. Excel). Tutup berkas itu lalu "
            "coba lagi, atau simpan dengan nama lain.")


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_write, "RETRY_DELAYS", (0.001,) * 4)


def _hold_open(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            error = PermissionError(13, "The process cannot access the file because it is "
                                        "being used by another process", str(dst))
            error.winerror = 32  # type: ignore[attr-defined]
            raise error
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def _choose(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), ""))


def _error_boxes() -> list[QMessageBox]:
    return [box for box in errors._open_boxes if box.isVisible()]


def _close_boxes() -> None:
    for box in list(errors._open_boxes):
        box.close()


def test_simpan_pdf_over_a_file_open_in_a_reader(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = PdfPreviewDialog(b"%PDF-1.4 versi baru", [], "KB", "kb.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = tmp_path / "KB Karanganyar.pdf"
    target.write_bytes(b"%PDF-1.4 versi lama")
    _choose(monkeypatch, target)
    save = next(b for b in dialog.findChildren(QPushButton)
                if b.text().replace("&", "") == "Simpan PDF…")
    with monkeypatch.context() as held:
        _hold_open(held, target)
        qtbot.mouseClick(save, LEFT)
        qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=5000)
    boxes = _error_boxes()
    assert [box.text() for box in boxes] == [_in_use("KB Karanganyar.pdf")]
    assert boxes[0].parent() is dialog and not boxes[0].detailedText()  # not the bug box
    assert dialog.info.text() == ""  # never "Disimpan ke", nor a line too wide to fit
    assert target.read_bytes() == b"%PDF-1.4 versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["KB Karanganyar.pdf"]
    _close_boxes()

    qtbot.mouseClick(save, LEFT)  # the reader closed: saved
    assert target.read_bytes() == b"%PDF-1.4 versi baru"
    assert dialog.info.text() == f"Disimpan ke {target}"
    assert not _error_boxes()
    dialog.close()


def test_simpan_docx_over_a_document_open_in_word(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = PdfPreviewDialog(b"%PDF-1.4", [], "KB", "kb.pdf", docx=lambda: b"PK docx baru")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    target = tmp_path / "kb.docx"
    target.write_bytes(b"PK docx lama")
    _choose(monkeypatch, target)
    with monkeypatch.context() as held:
        _hold_open(held, target)
        qtbot.mouseClick(dialog.save_docx, LEFT)
        qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=5000)
    assert [box.text() for box in _error_boxes()] == [_in_use("kb.docx")]
    assert dialog.info.text() == ""
    assert target.read_bytes() == b"PK docx lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.docx"]
    _close_boxes()
    qtbot.mouseClick(dialog.save_docx, LEFT)
    assert target.read_bytes() == b"PK docx baru"
    assert dialog.info.text() == f"Disimpan ke {target}"
    dialog.close()


def test_ekspor_daftar_over_a_workbook_open_in_excel(
        qtbot, window: MainWindow, desk: Desk, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk.opd.create({"kode": "9.0001", "nama": "Dinas Kopi Gayo", "jenis": "dinas"})
    open_page(qtbot, window, "opd")
    target = tmp_path / "daftar opd.xlsx"
    target.write_bytes(b"dibuka di Excel")
    _choose(monkeypatch, target)
    with monkeypatch.context() as held:
        _hold_open(held, target)
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: bool(_error_boxes()), timeout=10_000)
        settle(qtbot, window)
    assert [box.text() for box in _error_boxes()] == [_in_use("daftar opd.xlsx")]
    assert target.read_bytes() == b"dibuka di Excel"
    assert sorted(p.name for p in tmp_path.iterdir() if "daftar" in p.name) == [
        "daftar opd.xlsx"]  # no .part
    _close_boxes()
    window.activateWindow()  # back from the box
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # closed now
    settle(qtbot, window)
    qtbot.waitUntil(lambda: "diekspor" in window.statusBar().currentMessage(), timeout=10_000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert any("Dinas Kopi Gayo" in row for row in rows)
    assert not _error_boxes()


def test_simpan_laporan_impor_over_a_report_open_in_excel(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = _open_dialog(qtbot, window, _sheet(tmp_path / "apps.xlsx"), monkeypatch)
    owner = _combo(dialog, 1)
    owner.setCurrentIndex(owner.findData("opd_pemilik_id"))
    qtbot.mouseClick(dialog.check_button, LEFT)  # the preview gives a per-row outcome
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    report = tmp_path / "laporan-impor.csv"
    report.write_text("laporan kemarin", encoding="utf-8")
    _choose(monkeypatch, report)
    with monkeypatch.context() as held:
        _hold_open(held, report)
        qtbot.mouseClick(dialog.report_button, LEFT)
    assert [box.text() for box in _error_boxes()] == [_in_use("laporan-impor.csv")]
    assert dialog.summary.text() == "Gagal: " + _in_use("laporan-impor.csv")
    assert report.read_text(encoding="utf-8") == "laporan kemarin"
    assert not list(tmp_path.glob("*.part"))
    _close_boxes()
    qtbot.mouseClick(dialog.report_button, LEFT)
    assert report.read_text(encoding="utf-8-sig").startswith("Baris,Hasil,Keterangan")
    assert "Laporan disimpan ke" in dialog.summary.text()
    dialog.close()
