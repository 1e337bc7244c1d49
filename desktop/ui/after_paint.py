"""Run something once a widget's next paint has reached the screen.

Work that holds the interpreter for a while (the database layer's imports, building the
record pages) would otherwise hold up the paint of what is already there to show: the
window's frame at the start, the Beranda's figures just after it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls ``then`` once, after ``widget``'s next paint, or after ``at_latest_ms`` if
    none comes (a window started minimized paints nothing)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], at_latest_ms: int) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._go)  # after this paint has reached the screen
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)  # its one paint is seen
            then()
