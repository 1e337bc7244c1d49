"""The dialogs the main window's menus open one at a time: Pengaturan, the KB/PKS
templates editor and the period report. A second request while one is open brings that
one to the front instead of opening another beside it (two settings dialogs would save
over each other). Each is kept in ``window._dialogs`` under its key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget


def on_screen(dialog: QWidget) -> None:
    """A dialog opened from the menus: within this screen's free area at every show
    (the templates editor asks for 724 px, more than a 1024×700 screen has)."""
    from desktop.ui.geometry import keep_on_screen

    keep_on_screen(dialog)


def show_single(window: Any, key: str, make: Callable[[], QDialog]) -> QDialog:
    """The open dialog under ``key`` brought forward, or a new one from ``make``."""
    dialog = window._dialogs.get(key)
    if dialog is None or not dialog.isVisible():
        dialog = make()
        on_screen(dialog)
        window._dialogs[key] = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def open_settings(window: Any) -> None:
    def make() -> QDialog:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(window.desk, window.settings, window)
        dialog.office_saved.connect(window.office_saved)
        dialog.language_changed.connect(window.language_changed)
        return dialog

    show_single(window, "settings", make)


def open_templates(window: Any) -> None:
    """One template editor at a time, like the settings dialog."""
    from desktop.ui.template_dialog import TemplateDialog

    show_single(window, "templates", lambda: TemplateDialog(window))


def open_report(window: Any) -> None:
    """The period report ("Laporan Kegiatan") dialog, one at a time."""
    from desktop.ui.report_dialog import ReportDialog

    show_single(window, "report", lambda: ReportDialog(window.desk, window.tasks, window))
