"""Windows that fit the screen they are on.

A dialog sized for a large monitor (a 980-px preview) puts its buttons below the bottom
edge of a 1366×768 laptop, where nobody can reach them; a geometry remembered on a big
monitor does the same after the window moves to a small one. ``fit_to_screen`` shrinks
and moves a window so its frame (title bar included) lies inside the available geometry
(the screen minus task bars) of the screen its parent is on; ``restore_geometry`` and
``remember_geometry`` keep the size the user chose, clamped on every restore.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMargins,
    QObject,
    QPoint,
    QRect,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

# Title bar and borders a window manager usually adds, used until the real frame is known
# (before the first show a window has no frame yet).
GUESSED_FRAME = QMargins(4, 32, 4, 4)


def screen_of(widget: QWidget) -> QScreen:
    """The screen the widget, or else its parent window, is on (else the primary one)."""
    for candidate in (widget.parentWidget(), widget):
        if candidate is not None and candidate.isVisible():
            return candidate.window().screen()
    return widget.screen() or QGuiApplication.primaryScreen()


def frame_margins(widget: QWidget) -> QMargins:
    """The window's decoration: measured once it is shown, guessed before."""
    if widget.isVisible():
        frame, inner = widget.frameGeometry(), widget.geometry()
        measured = QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                            frame.right() - inner.right(), frame.bottom() - inner.bottom())
        if frame != inner:
            return measured
    return GUESSED_FRAME


def first_size(widget: QWidget) -> QSize:
    """The size to fit: the current one, or for a window never sized nor shown the one
    ``show()`` would give it (its layout's, as ``adjustSize`` does). A dialog's size
    before its first show is a child widget's 100×30: kept, the dialog opened squeezed
    to its minimum, combo boxes as slivers and a wrapped intro cut off."""
    if widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
        return widget.size()
    hint = widget.sizeHint().expandedTo(widget.minimumSize())
    if widget.hasHeightForWidth():
        hint.setHeight(max(hint.height(), widget.heightForWidth(hint.width())))
    return hint


def fit_to_screen(widget: QWidget, preferred: QSize | None = None,
                  centre: bool = True) -> QRect:
    """Resize (to ``preferred`` or the current size, never larger than the screen) and
    move the window so its whole frame is inside the screen's available geometry;
    returns the new frame geometry. A window not moved yet is centred on its parent.
    A maximized or full-screen window is the window manager's to place: left alone."""
    if widget.isMaximized() or widget.isFullScreen():
        return widget.frameGeometry()
    if widget.windowState() & (Qt.WindowState.WindowMaximized
                               | Qt.WindowState.WindowFullScreen):
        return widget.frameGeometry()  # the window manager fits those
    available = screen_of(widget).availableGeometry()
    margins = frame_margins(widget)
    room = available.marginsRemoved(margins)
    wanted = preferred if preferred is not None else first_size(widget)
    minimum = widget.minimumSize()
    width = max(min(wanted.width(), room.width()), min(minimum.width(), room.width()))
    height = max(min(wanted.height(), room.height()), min(minimum.height(), room.height()))
    widget.resize(width, height)
    frame = QRect(widget.pos(), QSize(width + margins.left() + margins.right(),
                                      height + margins.top() + margins.bottom()))
    parent = widget.parentWidget()
    if centre and not widget.isVisible() and parent is not None and parent.isVisible():
        centre = parent.window().frameGeometry().center()
        frame.moveCenter(centre)
    frame.moveLeft(min(max(frame.left(), available.left()), available.right() - frame.width()
                       + 1))
    frame.moveTop(min(max(frame.top(), available.top()), available.bottom() - frame.height()
                      + 1))
    if frame.topLeft() != widget.pos():  # a no-op move() before the first show would
        widget.move(QPoint(frame.left(), frame.top()))  # shift it by the frame's width
    return frame


class _KeepOnScreen(QObject):
    """Fits the window again when it is shown, once its real frame is known."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            fit_to_screen(watched)
        return False


def keep_on_screen(widget: QWidget, preferred: QSize | None = None,
                   centre: bool = True) -> None:
    """Fit now and again at every show (the frame is only measured when shown)."""
    fit_to_screen(widget, preferred, centre)
    keeper = _KeepOnScreen(widget)
    widget.installEventFilter(keeper)


def restore_geometry(widget: QWidget, settings: QSettings | None, key: str,
                     preferred: QSize) -> None:
    """The size and place the user left the window in, clamped to this screen; the
    preferred size when nothing was remembered."""
    saved = settings.value(key) if settings is not None else None
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved):
        keep_on_screen(widget, centre=False)
    else:
        keep_on_screen(widget, preferred)


def remember_geometry(widget: QWidget, settings: QSettings | None, key: str) -> None:
    if settings is not None:
        settings.setValue(key, widget.saveGeometry())
