"""Kerja Sama where there is room: the wide article window and a preview that fits the screen.

The wide window borrows the form's own article editor: typing there is the agreement's
text (values, autosaved draft, saved record) and Esc puts the editor and the focus back.
The screen tests run in a child pytest whose offscreen screen is 1366×768 or 1024×700
(the offscreen platform's ``configfile``): the preview, the wide window and a geometry
remembered on a larger monitor all stay inside the available geometry, with Simpan PDF
and Cetak on screen and working.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton

from desktop.core.desk import Desk
from desktop.core.drafts import DraftStore
from desktop.ui import draft_recovery
from desktop.ui.articles_window import ArticlesWindow
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import GEOMETRY_KEY, PdfPreviewDialog
from desktop.ui.record.page import RecordPage
from desktop.ui.widgets.articles import COMPACT_TEXT_HEIGHT
from desktop.ui.widgets.collection import reveal

from .helpers import open_page, select_row, settle, wait_loaded

LEFT = Qt.MouseButton.LeftButton
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SCREEN_ENV = "DESK_TEST_ROOM_SCREEN"  # "WxH": set for the child run on that screen
HERE = Path(__file__)


def _open_kb(qtbot, window: MainWindow, desk: Desk, partner: str) -> tuple[RecordPage, str]:
    window.reminders.hide()  # the floating reminders (due demo items) closed, as a person does
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    page = open_page(qtbot, window, "agreements")
    kb_id = next(r["id"] for r in desk.agreements.list().rows
                 if r["jenis"] == "kb" and partner in r["mitra"])
    select_row(qtbot, page, page.model.row_of(kb_id))
    wait_loaded(qtbot, page, kb_id)
    return page, kb_id


def _click_article(qtbot, page: RecordPage, pasal: int, ayat: int) -> None:
    editor = page.form.collections["pasal"]
    item = editor.tree.topLevelItem(pasal).child(ayat)
    editor.tree.scrollToItem(item)
    reveal(editor)
    qtbot.mouseClick(editor.tree.viewport(), LEFT, pos=editor.tree.visualItemRect(item).center())
    assert editor.tree.currentItem() is item


def _wide_window(qtbot, page: RecordPage) -> ArticlesWindow:
    qtbot.waitUntil(lambda: page.findChild(ArticlesWindow) is not None
                    and page.findChild(ArticlesWindow).isVisible(), timeout=3000)
    return page.findChild(ArticlesWindow)


# ---------------------------------------------------------------------------- wide editor
def test_the_wide_article_window_edits_the_agreement_itself(
        qtbot, demo_window: MainWindow, demo_desk: Desk, monkeypatch) -> None:
    monkeypatch.setattr(draft_recovery, "DRAFT_DELAY_MS", 50)
    store = DraftStore()
    page, kb_id = _open_kb(qtbot, demo_window, demo_desk, "Pontianak")
    editor = page.form.collections["pasal"]
    home = editor.parentWidget()
    _click_article(qtbot, page, 2, 0)  # Pasal 3 ayat (1)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Tab)  # Tab to the text, as a person does
    assert QApplication.focusWidget() is editor.text
    before = editor.text.toPlainText()

    qtbot.keyClick(editor.text, Qt.Key.Key_E, CTRL_SHIFT)  # the shortcut
    window = _wide_window(qtbot, page)
    assert editor.parentWidget() is window and editor.wide  # moved, not copied
    assert editor.text.height() >= 3 * COMPACT_TEXT_HEIGHT  # a tall text area, not 4 lines
    assert editor.where.isVisible() and editor.where.text() == "Pasal 3, ayat (1)"
    # the article being edited (once the window is active)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text, timeout=3000)
    with qtbot.waitSignal(page.drafts.written, timeout=3000):
        qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.text, " Ditambah di jendela lebar.")
    typed = before + " Ditambah di jendela lebar."
    assert page.form.values()["pasal"][2]["ayat"][0]["teks"] == typed
    assert page.form.is_dirty()
    [draft] = [d for d in store.list(demo_desk.db.display_url) if d.record_id == kb_id]
    assert draft.values["pasal"][2]["ayat"][0]["teks"] == typed  # recovery keeps it

    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert editor.parentWidget() is home and not editor.wide and editor.isVisible()
    # where the user was
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.text, timeout=3000)
    assert editor.text.toPlainText() == typed
    shown = editor.tree.visualItemRect(editor.tree.currentItem())  # still in sight
    assert editor.tree.viewport().rect().intersects(shown)

    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    settle(qtbot, demo_window)
    saved = demo_desk.agreements.get(kb_id)
    assert saved["pasal"][2]["ayat"][0]["teks"] == typed
    assert not page.form.is_dirty()
    qtbot.wait(150)  # no autosave brings the draft back after the save
    assert [d for d in store.list(demo_desk.db.display_url) if d.record_id == kb_id] == []


def test_the_perluas_button_opens_it_and_selesai_returns_focus_to_the_button(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, _kb = _open_kb(qtbot, demo_window, demo_desk, "Samarinda")
    editor = page.form.collections["pasal"]
    assert editor.widen.isVisibleTo(page)
    editor.widen.setFocus()
    qtbot.keyClick(editor.widen, Qt.Key.Key_Space)  # a focused button, pressed by keyboard
    window = _wide_window(qtbot, page)
    # nothing chosen yet: the tree
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.tree, timeout=3000)
    assert not editor.widen.isVisible()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Return)  # Enter in the tree adds nothing
    count = editor.tree.topLevelItemCount()
    assert count == len(page.current_record["pasal"])
    qtbot.mouseClick(window.done_button, LEFT)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.widen, timeout=3000)
    assert editor.widen.isVisible()
    assert not page.form.is_dirty()  # looking changes nothing


# ---------------------------------------------------------------------------- screens
def _config(tmp_path: Path, width: int, height: int) -> Path:
    path = tmp_path / "screen.json"
    path.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": True,
        "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return path


@pytest.mark.parametrize("size", ["1366x768", "1024x700"])
def test_on_a_small_screen_the_dialogs_fit_with_their_buttons_reachable(
        tmp_path: Path, size: str) -> None:
    width, height = (int(n) for n in size.split("x"))
    config = _config(tmp_path, width, height)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env[SCREEN_ENV] = size
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n0", "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "child"), f"{HERE}::test_child_on_this_screen"],
        env=env, capture_output=True, text=True, timeout=240, cwd=HERE.parents[2])
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    engines = 2 if os.environ.get("DISKOMINFO_DESK_TEST_POSTGRES") else 1
    assert re.search(rf"\b{engines} passed", run.stdout), run.stdout[-2000:]


def _inside(frame: QRect, available: QRect) -> bool:
    return available.contains(frame.topLeft()) and available.contains(frame.bottomRight())


def _shown_on_screen(button: QPushButton, available: QRect) -> bool:
    centre = button.mapToGlobal(QPoint(button.width() // 2, button.height() // 2))
    return button.isVisible() and available.contains(centre) and \
        button.visibleRegion().boundingRect().size() == button.size()


@pytest.mark.child_run(SCREEN_ENV)
def test_child_on_this_screen(qtbot, demo_window: MainWindow, demo_desk: Desk,
                              tmp_path: Path, monkeypatch) -> None:
    width, height = (int(n) for n in os.environ[SCREEN_ENV].split("x"))
    available = demo_window.screen().availableGeometry()
    assert (available.width(), available.height()) == (width, height)
    assert _inside(demo_window.frameGeometry(), available)  # the main window too

    assert demo_window.settings.value(GEOMETRY_KEY) is None  # first time: 900×980 asked
    page, _kb = _open_kb(qtbot, demo_window, demo_desk, "Karanganyar")
    qtbot.mouseClick(page.preview_button, LEFT)
    qtbot.waitUntil(lambda: page.findChild(PdfPreviewDialog) is not None, timeout=15_000)
    preview = page.findChild(PdfPreviewDialog)
    qtbot.waitUntil(preview.isVisible, timeout=5000)
    qtbot.wait(20)
    assert _inside(preview.frameGeometry(), available), (preview.frameGeometry(), available)
    buttons = {b.text().replace("&", ""): b for b in preview.findChildren(QPushButton)}
    save, print_ = buttons["Simpan PDF…"], buttons["Cetak…"]
    assert _shown_on_screen(save, available) and _shown_on_screen(print_, available)

    target = tmp_path / "kb.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "PDF (*.pdf)"))
    qtbot.mouseClick(save, LEFT)
    assert target.read_bytes() == preview.pdf
    asked: list[str] = []

    def no_printer(dialog: QPrintDialog) -> int:
        asked.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", no_printer)
    qtbot.mouseClick(print_, LEFT)
    assert len(asked) == 1  # Cetak reached the print dialog

    qtbot.mouseClick(buttons["Tutup"], LEFT)
    qtbot.waitUntil(lambda: not preview.isVisible(), timeout=3000)
    assert isinstance(demo_window.settings.value(GEOMETRY_KEY), QByteArray)  # remembered
    big = QDialog()  # a preview remembered from a large monitor, far down and right
    big.setGeometry(600, 500, 1500, 1300)
    demo_window.settings.setValue(GEOMETRY_KEY, big.saveGeometry())
    big.deleteLater()
    again = PdfPreviewDialog(preview.pdf, [], "lagi", "kb.pdf", page)
    again.show()
    qtbot.waitExposed(again)
    assert _inside(again.frameGeometry(), available)  # restored, clamped
    again.close()

    demo_window.activateWindow()  # back in the main window (the WM's job on a desktop)
    qtbot.waitUntil(demo_window.isActiveWindow, timeout=3000)
    editor = page.form.collections["pasal"]
    editor.widen.setFocus()
    qtbot.keyClick(editor.widen, Qt.Key.Key_E, CTRL_SHIFT)
    window = _wide_window(qtbot, page)
    qtbot.wait(20)
    assert _inside(window.frameGeometry(), available)
    assert window.width() >= width * 0.9  # most of the screen
    assert editor.text.width() > editor.tree.width()  # the text has most of the room
    assert editor.text.height() >= height // 2
    assert _shown_on_screen(window.done_button, available)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_a_remembered_geometry_is_kept_when_it_fits(qtbot, demo_window: MainWindow) -> None:
    """Clamping is no reset: a window that fits opens where and as large as it was left."""
    page = open_page(qtbot, demo_window, "agreements")
    available = page.screen().availableGeometry()
    first = PdfPreviewDialog(b"", [], "satu", "a.pdf", page)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(available.left() + 30, available.top() + 40, 420, 300)
    qtbot.wait(10)
    first.accept()
    second = PdfPreviewDialog(b"", [], "dua", "b.pdf", page)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (420, 300)
    assert second.geometry().topLeft() == QPoint(available.left() + 30, available.top() + 40)
    second.close()
