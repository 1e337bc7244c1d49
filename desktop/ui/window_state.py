"""The main window's size, place, docks and page, kept between runs in the view
settings (``window/geometry``, ``window/state``, ``window/page``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSize

PREFERRED_SIZE = QSize(1366, 860)  # clamped to the screen: a 1366×768 laptop's full width


def restore_size(window: Any) -> None:
    """Size and place as they were: the window's frame is painted at its own size before
    the database is open (``restore_geometry`` follows, with the docks)."""
    from desktop.ui.geometry import keep_on_screen

    geometry = window.settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(PREFERRED_SIZE)
    # 800 px high, or a big monitor's size: clamped to this screen now and at every show
    keep_on_screen(window, centre=False)


def restore_geometry(window: Any) -> str:
    """Size, place and docks as they were; returns the page key saved (or "")."""
    settings = window.settings
    restore_size(window)
    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    # always docked: floating, it covered the tiles and forms (older settings kept it so)
    window.reminders.setFloating(False)
    return str(settings.value("window/page", ""))


def save_geometry(window: Any) -> None:
    settings = window.settings
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/page", window.current_key)
    settings.sync()
