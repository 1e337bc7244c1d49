"""The mouse wheel scrolls the form; it never changes a field the user has not entered.

Qt's combo boxes, spin boxes and date editors take a wheel turn over them as "choose
another value", even without the focus: scrolling a long form with the pointer passing
over one silently changed an agreement's status. One filter, installed on the
application, gives such a turn to the scroll area around the field instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit and QDateTimeEdit are spin boxes


def has_focus_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: ``isinstance`` first, because
        # ``event.type()`` builds a Python enum each call (3-4 us; a window's start and
        # a test's life see tens of thousands of events)
        if not isinstance(event, QWheelEvent) or not isinstance(watched, GUARDED):
            return False
        if has_focus_within(watched):
            return False  # the user is in this field: the wheel is theirs to use
        area = _scroll_area_around(watched)
        if area is not None:
            QApplication.sendEvent(area.viewport(), event)
        return True  # never a new value from a passing wheel


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Install the guard once on ``app`` (later calls return the same one)."""
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
    return guard
