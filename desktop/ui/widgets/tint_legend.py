"""The key to a list's tinted rows: a swatch of the tint and what it means.

Rows that need attention (a dataset overdue for its update, an agreement about to end)
are tinted amber; without a key a new user cannot tell why. The legend sits
beside the list's count and is shown only while the list has such rows, as a mail
client shows "3 unread" only when there are some.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui.painting import painting

SWATCH = 12  # px: the size of a small icon next to text


def swatch(brush: QBrush, base: QColor, size: int = SWATCH) -> QPixmap:
    """The tint as the rows show it: over the list's base colour, with a thin edge."""
    pixmap = QPixmap(size, size)
    pixmap.fill(base)
    with painting(pixmap) as painter:
        painter.fillRect(0, 0, size, size, brush)
        edge = QColor(brush.color())
        edge.setAlpha(220)
        painter.setPen(edge)
        painter.drawRect(0, 0, size - 1, size - 1)
    return pixmap


class TintLegend(QWidget):
    """Swatch + label ("12 terlambat diperbarui"); hidden until ``show_count`` says n > 0.

    The number tells it apart from the filter of the same name beside it, and says how
    many tinted rows there are beyond the screen."""

    def __init__(self, brush: Callable[[], QBrush], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tintLegend")
        self.brush = brush  # asked at every show: the colour follows the scheme
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.swatch = QLabel(self)
        self.swatch.setObjectName("tintSwatch")
        self.text = QLabel(self)
        self.text.setObjectName("tintLegendText")
        row.addWidget(self.swatch, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.text, 0, Qt.AlignmentFlag.AlignVCenter)
        self.count = 0
        self.label: Callable[[int], str] = str
        self.hide()

    def set_meaning(self, label: Callable[[int], str], tooltip: str) -> None:
        """``label(n)``: the text for n tinted rows, e.g. "{n} segera berakhir"."""
        self.label = label
        self.setToolTip(tooltip)

    def show_count(self, count: int) -> None:
        """Shown only while the list has tinted rows."""
        self.count = count
        if count > 0:
            base = self.palette().base().color()
            self.swatch.setPixmap(swatch(self.brush(), base))
            self.text.setText(self.label(count))
            self.setAccessibleName(self.text.text())
        self.setVisible(count > 0)
