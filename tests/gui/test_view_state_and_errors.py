"""What survives a restart (window size, splitters, table headers, the page) and what the
user sees when something goes wrong (plain message, "copy details", log and crash files).
"""

from __future__ import annotations

import faulthandler
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.logs import log_file
from desktop.ui import errors
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskManager

from .helpers import open_page, settle


def _window(qtbot, desk: Desk, ini: Path) -> MainWindow:
    win = MainWindow(desk, QSettings(str(ini), QSettings.Format.IniFormat), TaskManager())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    settle(qtbot, win)
    return win


def test_window_size_page_splitter_and_columns_come_back_after_a_restart(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    ini = tmp_path / "view.ini"
    first = _window(qtbot, desk, ini)
    # the 800×600 offscreen screen is smaller than the preferred size: a first start
    # opens maximized; the person restores it and makes it smaller
    assert first.isMaximized()
    first.showNormal()
    first.resize(first.width(), 550)
    assert first.height() == 550
    page = open_page(qtbot, first, "datasets")
    page.splitter.setSizes([800, 300])
    sizes = page.splitter.sizes()
    header = page.table.horizontalHeader()
    header.resizeSection(0, 333)
    header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)  # "Produsen data", Z to A
    settle(qtbot, first)
    assert page.model.query.sort == ("-opd",)
    first.close()

    second = _window(qtbot, desk, ini)
    # (the offscreen screen is 800 px wide, so only the height can be told from the
    # default; the width is clamped to the screen and the window's minimum)
    assert second.height() == 550 and not second.isMaximized()
    assert second.page.kind.name == "datasets"  # the page the user left
    again = second.pages["datasets"]
    # the detail pane keeps its width; the table takes what the (clamped) window leaves
    assert again.splitter.sizes()[1] == sizes[1]
    assert again.table.horizontalHeader().sectionSize(0) == 333
    assert again.table.horizontalHeader().sortIndicatorSection() == 1
    assert again.model.query.sort == ("-opd",)  # and the data is sorted that way
    second.close()


def test_a_fresh_start_uses_sensible_defaults(qtbot, desk: Desk, tmp_path: Path) -> None:
    win = _window(qtbot, desk, tmp_path / "none.ini")
    # a screen smaller than the preferred 1366×860 (offscreen: 800×600): maximized,
    # the window filling the screen's available geometry
    available = win.screen().availableGeometry()
    assert win.isMaximized()
    assert win.frameGeometry().size() == available.size(), (win.frameGeometry(), available)
    assert win.page is None and win.current_key == "beranda"  # the first page
    page = win.show_kind("apps")
    assert page.splitter.sizes()[0] > 0 and page.splitter.sizes()[1] > 0
    win.close()


def test_maximized_only_where_the_preferred_size_does_not_fit() -> None:
    from PySide6.QtCore import QSize

    from desktop.ui.window_state import PREFERRED_SIZE, opens_maximized

    assert opens_maximized(QSize(1358, 700))  # a 1366×768 laptop, frame taken off
    assert opens_maximized(QSize(1432, 824))  # 1440×900 with a task bar
    assert not opens_maximized(QSize(1912, 1004))  # a 1920×1080 monitor
    assert not opens_maximized(PREFERRED_SIZE)  # exactly room enough


def test_a_window_left_maximized_comes_back_maximized(
        qtbot, desk: Desk, tmp_path: Path) -> None:
    ini = tmp_path / "view.ini"
    first = _window(qtbot, desk, ini)
    first.showNormal()
    settle(qtbot, first)
    first.showMaximized()
    settle(qtbot, first)
    first.close()
    second = _window(qtbot, desk, ini)
    assert second.isMaximized()
    second.showNormal()  # and its normal size is still one that fits the screen
    settle(qtbot, second)
    available = second.screen().availableGeometry()
    assert available.contains(second.frameGeometry()), (second.frameGeometry(), available)
    second.close()


# ---------------------------------------------------------------------------- errors
def _error_box() -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.objectName() == "errorBox" and w.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_an_unexpected_error_is_apologised_for_with_details_to_copy(qtbot) -> None:
    try:
        {}["hilang"]
    except KeyError as exc:
        errors.show_error(exc)
    box = _error_box()
    assert box.text().startswith("Terjadi kesalahan yang tidak terduga")
    assert str(log_file()) in box.informativeText()
    assert "KeyError" in log_file().read_text(encoding="utf-8")
    copy = next(b for b in box.buttons() if b.text() == "Salin rincian")
    QApplication.clipboard().clear()
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "Diskominfo Desk" in copied and "Traceback" in copied and "'hilang'" in copied
    assert box.isVisible()  # copying does not close the message
    box.close()


def test_a_user_error_is_shown_as_written_without_a_traceback(qtbot) -> None:
    errors.show_error(DeskError("Tanggal selesai sebelum tanggal mulai."))
    box = _error_box()
    assert box.text() == "Tanggal selesai sebelum tanggal mulai."
    assert box.detailedText() == ""
    assert len(box.buttons()) == 1  # just Close: nothing to copy
    box.close()


def test_an_uncaught_exception_reaches_the_hook_and_the_user(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(faulthandler, "enable", lambda file: None)  # keep pytest's own
    errors.install_error_handling()
    assert sys.excepthook is errors._hook
    assert log_file().with_name("crash.log").exists()
    try:
        raise RuntimeError("di luar dugaan")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    box = _error_box()
    assert "di luar dugaan" in box.detailedText()
    box.close()
