"""The main window's size, place, docks and page, kept between runs in the view
settings (``window/geometry``, ``window/state``, ``window/page``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSize, Qt

PREFERRED_SIZE = QSize(1366, 860)  # clamped to the screen: a 1366×768 laptop's full width


def restore_size(window: Any) -> None:
    """Size and place as they were: the window's frame is painted at its own size before
    the database is open (``restore_geometry`` follows, with the docks).

    Nothing remembered (the first start): the preferred size, or, on a screen it does
    not fit (a 1366×768 laptop, a 1440×900 one with its task bar), the window opens
    maximized, as a laptop's user expects of a program they work in all day; they can
    restore it to a smaller size, which is remembered as they leave it."""
    from desktop.ui.geometry import frame_margins, keep_on_screen, screen_of

    geometry = window.settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and window.restoreGeometry(geometry):
        keep_on_screen(window, centre=False)  # a big monitor's size: clamped to this one
        return
    if window.windowState() & Qt.WindowState.WindowMaximized:
        return  # the second call, after ``attach``: maximized by the first
    window.resize(PREFERRED_SIZE)
    keep_on_screen(window, centre=False)  # the size it has when restored from maximized
    room = screen_of(window).availableGeometry().marginsRemoved(frame_margins(window)).size()
    if opens_maximized(room):
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def opens_maximized(room: QSize) -> bool:
    """A first start maximizes the window where its preferred size, frame included,
    does not fit the screen's available room."""
    return PREFERRED_SIZE.width() > room.width() or PREFERRED_SIZE.height() > room.height()


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
