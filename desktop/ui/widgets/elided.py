"""Texts that end in "…" where they do not fit, with the whole text in the tooltip.

A QLabel's or a button's minimum width is its whole text: one long value (a filter
description, an office name) then widens the window past the screen. These widgets ask
for little width and show as much of the text as there is room for.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QSizePolicy, QToolButton, QWidget

MIN_CHARS = 8  # a text is never squeezed below this many average characters


class ElidedLabel(QLabel):
    """A one-line label eliding at the right; ``full_text()`` is what was set."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(parent)
        self._full = ""
        self._mode = mode
        self._own_tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setProperty("elidedByDesign", True)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def full_text(self) -> str:
        return self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + margins.left()
                     + margins.right() + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        width = min(self.sizeHint().width(),
                    self.fontMetrics().averageCharWidth() * MIN_CHARS)
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(width, 0))
        QLabel.setText(self, shown)
        self.setToolTip(self._full if shown != self._full else "")


class ElidedButton(QToolButton):
    """A tool button (the filter chip) whose text elides; the full text is its tooltip,
    before any tooltip of its own (what clicking does)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        self._full = text
        self._elide()
        self.updateGeometry()

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _padding(self) -> int:
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(
            QToolButton.text(self))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + self._padding(),
                     hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(),
                         self.fontMetrics().averageCharWidth() * MIN_CHARS + self._padding()),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.width() - self._padding()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                              max(room, 0))
        QToolButton.setText(self, shown)
        tip = "\n".join(part for part in (self._full if shown != self._full else "",
                                          self._tip) if part)
        QToolButton.setToolTip(self, tip)


HEADER_PADDING = 14  # the style sheet's 6 px each side of a section's text, and a little
SORT_ARROW = 18


def fit_header_titles(header: QHeaderView) -> None:
    """Widen every section that is narrower than its title ("erkedudukan" otherwise):
    measured in the bold face the style sheet gives header sections."""
    model = header.model()
    if model is None:
        return
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(font)
    extra = HEADER_PADDING + (SORT_ARROW if header.isSortIndicatorShown() else 0)
    for section in range(header.count()):
        title = model.headerData(section, header.orientation())
        if title:
            needed = metrics.horizontalAdvance(str(title)) + extra
            if header.sectionSize(section) < needed:
                header.resizeSection(section, needed)
