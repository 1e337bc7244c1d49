"""Walk every page and dialog of a real main window on a screen of a given size.

Run by ``tests/gui/test_screen_fit.py`` in a subprocess, because the screen's size is
fixed when the Qt application starts (the offscreen platform reads it from a file):

    python tests/gui/screen_fit_script.py DATABASE_URL 1366x768 RESULT.json

RESULT.json lists the problems seen: a window whose frame (or whose minimum size) is
past the screen's available geometry, a one-line label whose text is wider than the
label, a table header section narrower than its title. Labels that elide by design
(property ``elidedByDesign``) and word-wrapped or rich-text ones are not measured.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

WIDTH, HEIGHT = (int(v) for v in sys.argv[2].split("x"))
_config = Path(tempfile.mkdtemp()) / "screen.json"
_config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": WIDTH,
                                            "height": HEIGHT, "logicalDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"

from PySide6.QtCore import QCoreApplication, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QWidget  # noqa: E402

from desktop.core.desk import Desk  # noqa: E402
from desktop.ui.app import create_application  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskManager  # noqa: E402

HEADER_PADDING = 12  # the style sheet's 6 px each side of a header section's text
problems: list[str] = []
seen: list[str] = []


def settle(app: QApplication, tasks: TaskManager) -> None:
    for _ in range(4):
        tasks.wait()
        app.processEvents()
        QCoreApplication.sendPostedEvents()


def check_window(where: str, window: QWidget) -> None:
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    seen.append(f"{where}: {frame.width()}x{frame.height()}")
    if not available.contains(frame):
        problems.append(f"{where}: window {frame.getRect()} is past the screen "
                        f"{available.getRect()}")
    minimum = window.minimumSizeHint().boundedTo(QWidget.maximumSize(window))
    if minimum.width() > available.width() or minimum.height() > available.height():
        problems.append(f"{where}: window needs at least {minimum.width()}x"
                        f"{minimum.height()}, the screen has {available.width()}x"
                        f"{available.height()}")
    for label in window.findChildren(QLabel):
        check_label(where, label)
    for header in window.findChildren(QHeaderView):
        check_header(where, header)


def check_form(where: str, page: Any) -> None:
    """The form is never wider than its scroll area (no field under the scroll bar), and
    the list and the form are side by side or one above the other, as the page says."""
    form, viewport = page.form, page.form_scroll.viewport()
    if form.minimumSizeHint().width() > viewport.width() + 1 or form.width() > (
            viewport.width() + 1):
        problems.append(f"{where}: the form needs {form.minimumSizeHint().width()} px, its "
                        f"scroll area shows {viewport.width()}")
    side = page.splitter.orientation() == Qt.Orientation.Horizontal
    seen.append(f"{where} form {'beside' if side else 'below'} the list: "
                f"{page.window().width()}x{page.window().height()}")


def check_label(where: str, label: QLabel) -> None:
    text = label.text()
    if (not label.isVisible() or not text or label.wordWrap()
            or label.property("elidedByDesign") or (label.pixmap() is not None
            and not label.pixmap().isNull()) or label.textFormat() == Qt.TextFormat.RichText
            or (label.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text)):
        return
    if label.buddy() is not None:
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    metrics = label.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    room = label.contentsRect().width() - 2 * label.margin() - label.indent() * (
        label.indent() > 0)
    if needed > room + 1:
        problems.append(f"{where}: label {label.objectName() or type(label).__name__} "
                        f"{text!r} needs {needed} px, has {room}")


def check_header(where: str, header: QHeaderView) -> None:
    if not header.isVisible() or header.orientation() != Qt.Orientation.Horizontal:
        return
    model = header.model()
    if model is None:
        return
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # the style sheet's font-weight: 600
    metrics = QFontMetrics(font)
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not title:
            continue
        needed = metrics.horizontalAdvance(str(title)) + HEADER_PADDING
        if needed > header.sectionSize(section) + 1:
            table = header.parentWidget()
            name = table.objectName() if table is not None else ""
            problems.append(f"{where}: header {name} {str(title)!r} needs {needed} px, "
                            f"has {header.sectionSize(section)}")


def walk(url: str) -> dict[str, Any]:
    app = create_application()
    desk = Desk.open(url, user="penguji")
    tasks = TaskManager()
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "view.ini"), QSettings.Format.IniFormat)
    win = MainWindow(desk, settings, tasks)
    win.show()
    settle(app, tasks)
    win.beranda.refresh()
    settle(app, tasks)
    check_window("Beranda", win)
    # a Beranda tile: the list filtered, with a long chip; then the chip cleared
    win.beranda.tiles["datasets_overdue"].click()
    settle(app, tasks)
    check_window("Dataset after a Beranda tile", win)
    page = win.page
    assert page is not None and page.chip.isVisible()
    page.chip.click()
    settle(app, tasks)
    check_window("Dataset after the chip was cleared", win)
    win.reminders.hide()
    settle(app, tasks)
    for row in range(win.navigation.count()):
        win.navigation.setCurrentRow(row)
        settle(app, tasks)
        name = win.navigation.item(row).text()
        check_window(name, win)
        page = win.page
        if page is not None and page.model.rowCount():  # a record in the form
            page.table.selectRow(0)
            settle(app, tasks)
            check_window(f"{name} with a record", win)
        if page is not None:
            check_form(name, page)
    win.act_reminders.trigger()
    settle(app, tasks)
    check_window("Pengingat", win)
    for kind in ("datasets", "agreements"):  # the pages beside the docked panel
        page = win.show_kind(kind)
        settle(app, tasks)
        check_window(f"{kind} beside the Pengingat", win)
        check_form(f"{kind} beside the Pengingat", page)
    if win.reminders.isVisible() and win.reminders.geometry().intersects(
            win.stack.geometry()) and win.reminders.isFloating():
        problems.append("Pengingat: floats over the page")
    win.show_kind("datasets")
    settle(app, tasks)
    for opener, key in ((win.open_settings, "settings"), (win.open_templates, "templates"),
                        (win.open_report, "report"), (win.import_sheet, "import")):
        opener()
        settle(app, tasks)
        dialog = win._dialogs[key]
        check_window(f"dialog {key}", dialog)
        dialog.close()
        settle(app, tasks)
    for page in win.pages.built().values():
        page.form.mark_clean()
    win.close()
    settle(app, tasks)
    desk.close()
    return {"problems": problems, "seen": seen}


if __name__ == "__main__":
    result = walk(sys.argv[1])
    Path(sys.argv[3]).write_text(json.dumps(result, indent=1), encoding="utf-8")
