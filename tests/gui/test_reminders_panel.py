"""The Pengingat panel (issue 16): docked beside the page, never over it; on start only
when something new is due; every line starts with its date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from desktop.core.desk import Desk
from desktop.core.formatting import medium_date
from desktop.core.reminders import Reminder
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskManager

from .helpers import settle


def _start(qtbot, desk: Desk, folder: Path, name: str) -> MainWindow:
    """A window started as the program does, waiting until the panel has decided."""
    win = MainWindow(desk, QSettings(str(folder / f"{name}.ini"), QSettings.Format.IniFormat),
                     TaskManager())
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.reminders.refreshed, timeout=8000):
        win.show()
    settle(qtbot, win)
    return win


def _lines(win: MainWindow) -> list[tuple[str, Reminder]]:
    tree = win.reminders.tree
    return [(tree.topLevelItem(i).child(j).text(0),
             tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole))
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())
            if isinstance(tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole),
                          Reminder)]


def test_the_panel_is_docked_dated_and_only_comes_back_for_something_new(
        qtbot, demo_desk: Desk, tmp_path: Path) -> None:
    win = _start(qtbot, demo_desk, tmp_path, "first")
    panel = win.reminders
    assert panel.isVisible() and not panel.isFloating()
    assert not panel.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable
    assert win.dockWidgetArea(panel) != Qt.DockWidgetArea.NoDockWidgetArea
    # beside the page, not over it
    assert not panel.geometry().intersects(win.stack.geometry())
    lines = _lines(win)
    assert lines
    for text, reminder in lines:
        if reminder.due is not None:
            assert text.startswith(f"{medium_date(reminder.due)} · {reminder.title}"), text
    win.close()
    # the next start: the same reminders, already seen, so the panel stays away
    again = _start(qtbot, demo_desk, tmp_path, "second")
    assert again.reminders.isHidden()
    assert _lines(again)  # it did collect them: on request it shows them
    again.close()
    # something new comes due: the panel opens by itself again, with the new line
    ends = date.today() + timedelta(days=12)
    created = demo_desk.agreements.create({
        "jenis": "kb", "judul": "KB Baru Jatuh Tempo", "status": "pelaksanaan",
        "berlaku_mulai": date.today() - timedelta(days=100), "berlaku_sampai": ends})
    third = _start(qtbot, demo_desk, tmp_path, "third")
    assert third.reminders.isVisible()
    assert f"{medium_date(ends)} · KB KB Baru Jatuh Tempo" in [t for t, _r in _lines(third)]
    assert any(r.record_id == created["id"] for _t, r in _lines(third))
