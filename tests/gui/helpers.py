"""Helpers shared by the GUI tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from desktop.core.desk import Desk
from desktop.ui.main_window import MainWindow
from desktop.ui.record.page import RecordPage
from desktop.ui.tasks import TaskManager


# ---------------------------------------------------------------------------- helpers
def settle(qtbot, win: MainWindow | None = None, tasks: TaskManager | None = None) -> None:
    """Let background jobs finish and their queued results reach the GUI thread."""
    manager = tasks or (win.tasks if win is not None else None)
    for _ in range(3):
        if manager is not None:
            manager.wait()
        qtbot.wait(5)


def answer_next_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click ``button_text`` on the next modal message box (for exec()/static boxes)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)  # not up yet
            return
        if seen is not None:
            seen.append(f"{box.objectName()}|{box.text()}")
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} on {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def message_boxes(widget: QWidget, name: str) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox, name) if b.isVisible()]


def buttons_named(box: QMessageBox) -> dict[str, QPushButton]:
    return {b.text().replace("&", ""): b for b in box.buttons()}  # type: ignore[misc]


def _clean_before_close(win: MainWindow) -> None:
    """Unsaved test input must not make the closing window ask (it would block). Only
    the pages built: reading ``pages`` builds a page (~80 ms each, half a second for a
    window of which the test opened one page)."""
    for page in win.pages.built().values():
        page.form.mark_clean()
    for box in win.findChildren(QMessageBox):
        box.close()


def build_window(qtbot, desk: Desk, path: Path) -> MainWindow:
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, TaskManager())
    qtbot.addWidget(win, before_close_func=_clean_before_close)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def open_page(qtbot, win: MainWindow, kind: str) -> RecordPage:
    page = win.show_kind(kind)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        page.model.refresh()
    settle(qtbot, win)
    return page


def select_row(qtbot, page: RecordPage, row: int) -> None:
    """Click a row of the table like a user, then wait for the record to load."""
    table = page.table
    table.scrollTo(page.model.index(row, 0))
    rect = table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def wait_loaded(qtbot, page: RecordPage, record_id: str) -> None:
    qtbot.waitUntil(lambda: page.current_id == record_id, timeout=5000)
    page.tasks.wait()
    qtbot.wait(10)


