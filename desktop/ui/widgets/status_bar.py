"""A status bar whose messages end in "…" where they meet its permanent widgets.

QStatusBar draws a message up to the first permanent widget (the database in use, the
catalog's state) and cuts it there mid-letter, flush against that widget's text: on a
1024-px screen "Cadangan ditulis: /home/…/diskominfo-desk-cadangan-2026-12" ran straight
into "sqlite:///…", reading as one garbled line. Here a message is elided in the middle
(a path keeps its file name), a few pixels before that widget, again at every resize,
and the whole message is the status bar's tooltip while it is cut. A permanent widget
that elides its own text (the database's URL: a long file path) is held to a third of the
bar, so a message always has room to be read.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

LEFT = 6  # where QStatusBar starts drawing a message
GAP = 16  # between the message's last letter and the first permanent widget
ELIDING_SHARE = 3  # a permanent widget that elides takes at most 1/3 of the bar


class ElidingStatusBar(QStatusBar):
    """``showMessage`` as QStatusBar's, with the text fitted to the room it has."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._fitting = False
        # our own clock: re-fitting the text on a resize must not restart the timeout
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.clearMessage)
        self.messageChanged.connect(self._message_changed)

    def showMessage(self, text: str, timeout: int = 0) -> None:
        self._full = text
        self._show_fitted()
        if timeout > 0:
            self._expiry.start(timeout)
        else:
            self._expiry.stop()

    def full_message(self) -> str:
        """The message as it was given (``currentMessage()`` is what fits)."""
        return self._full

    def message_room(self) -> int:
        """The pixels a message may take: up to the first visible permanent widget."""
        right = self.width() - 12
        for child in self.children():
            if (isinstance(child, QWidget) and child.isVisible()
                    and child.x() > LEFT and self._is_permanent(child)):
                right = min(right, child.x() - GAP)
        return max(right - LEFT, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        for child in self.children():
            if (isinstance(child, QWidget) and self._is_permanent(child)
                    and child.property("elidedByDesign")):
                child.setMaximumWidth(max(event.size().width() // ELIDING_SHARE, 1))
        super().resizeEvent(event)
        if self._full:
            self._show_fitted()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A permanent widget moved or resized (a text changed, "Bekerja…" came or went):
        the room for the message changed with it."""
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                            QEvent.Type.Hide) and self._full:
            self._show_fitted()
        return False

    def _show_fitted(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                              self.message_room())
        if shown != self.currentMessage():
            self._fitting = True
            try:
                super().showMessage(shown)
            finally:
                self._fitting = False
        self.setToolTip(self._full if shown != self._full else "")

    def _message_changed(self, message: str) -> None:
        """A message not shown through ``showMessage`` above: cleared (its timeout,
        ``clearMessage``) or put there by Qt itself (an action's status tip)."""
        if self._fitting:
            return
        self._expiry.stop()
        self._full = message
        self.setToolTip("")

    def _is_permanent(self, widget: QWidget) -> bool:
        return bool(widget.property("permanentInStatusBar"))

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        widget.setProperty("permanentInStatusBar", True)
        if widget.property("elidedByDesign"):
            widget.setMaximumWidth(max(self.width() // ELIDING_SHARE, 1))
        widget.installEventFilter(self)
        super().addPermanentWidget(widget, stretch)
