"""What the Beranda's bar and ring charts share (``desktop.ui.beranda_charts`` says why
they are painted here): the layout constants, the drawn ``Row`` that tests read back, the
tooltips, name wrapping, and ``ChartBase``, the rows the keyboard and the mouse move over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.dashboard_board import Chart, Segment
from desktop.core.formatting import number
from desktop.ui.painting import painting
from desktop.ui.style import tokens

_T = TypeVar("_T")

ColourOf = Callable[[Segment, int], QColor]  # a segment (and its index) → its colour

MARGIN = 8
GAP = 8  # between a name and its bar, a bar and its figure
LABEL_SHARE = 0.42  # the name column takes at most this share of the width
LABEL_MIN = 72
MEMBERS_SHOWN = 20  # names listed in the tooltip of "Lainnya"
MIN_WIDTH = 260  # two charts side by side on a 1024-px screen
LEGEND_MAX = 280  # a pie's legend, figures included, spreads no wider


@dataclass(frozen=True)
class Row:
    """One drawn row: its segment(s), the name as drawn and where, each bar and figure."""

    segments: tuple[Segment, ...]
    rect: QRect  # the whole row: the area a click or a hover answers to
    label: str  # the name as drawn (elided if it had to be)
    label_rect: QRect
    bars: tuple[QRect | None, ...]  # per segment; None where "the rest" has no bar
    values: tuple[str, ...]  # per segment, as drawn
    value_rects: tuple[QRect, ...]
    tooltip: str


def rest_tooltip(segment: Segment) -> str:
    """"Lainnya (17 OPD): 18" and the names it holds, the first twenty of them."""
    names = list(segment.members[:MEMBERS_SHOWN])
    if len(segment.members) > MEMBERS_SHOWN:
        names.append("…")
    return f"{segment.label}: {number(segment.count)}\n" + "\n".join(names)


def segment_tooltip(segment: Segment, series: str = "") -> str:
    if segment.is_rest:
        return rest_tooltip(segment)
    name = segment.detail or segment.label
    if series:
        name = f"{name} · {series}"
    return f"{name}: {number(segment.count)}"


def wrap(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """A name in at most two lines of ``width``: whole if it fits, else broken at spaces
    ("Daerah Istimewa / Yogyakarta"), and only what still does not fit elided."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    first = words.pop(0)
    while words and metrics.horizontalAdvance(f"{first} {words[0]}") <= width:
        first = f"{first} {words.pop(0)}"
    elide = Qt.TextElideMode.ElideRight
    if not words:  # one word too long for the line
        return [metrics.elidedText(first, elide, width)]
    return [metrics.elidedText(first, elide, width),
            metrics.elidedText(" ".join(words), elide, width)]


class ChartBase(QWidget):
    """Rows the keyboard and the mouse move over; the subclasses lay them out and paint."""

    activated = Signal(object)  # Segment

    def __init__(self, chart: Chart, colour_of: ColourOf, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.colour_of = colour_of
        self.current = 0
        self._hover = -1
        self._cache: tuple[int, list[Row]] | None = None  # (width, rows) laid out for it
        # what the layout asks again and again (heightForWidth at a handful of widths, the
        # text widths behind it) depends only on the font and this chart's fixed figures:
        # measured once per font. (Measured afresh, the Beranda's charts spent ~45 ms of
        # every window's start in layout passes; see ``forget_layout``.)
        self._memo: dict[object, object] = {}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # names wrap, a legend moves under its ring
        self.setSizePolicy(policy)
        self.setAccessibleName(chart.title)
        self.setAccessibleDescription("; ".join(  # what a screen reader says: every figure
            segment_tooltip(s).replace("\n", ", ") for s in chart.segments))

    # --- layout, by the subclasses
    def rows(self) -> list[Row]:
        raise NotImplementedError

    def _row_at(self, pos: QPointF) -> int:
        for index, row in enumerate(self.rows()):
            if row.rect.contains(pos.toPoint()):
                return index
        return -1

    def _segment_at(self, index: int, pos: QPointF | None = None) -> Segment | None:
        row = self.rows()[index]
        if len(row.segments) == 1 or pos is None:
            return row.segments[0]
        for segment, bar, value in zip(row.segments, row.bars, row.value_rects, strict=True):
            band = (bar or value).united(value)
            if pos.y() >= band.top() - 2 and pos.y() <= band.bottom() + 2:
                return segment
        return row.segments[0]

    # --- keyboard and mouse
    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.rows())
        key = event.key()
        moves = {Qt.Key.Key_Up: self.current - 1, Qt.Key.Key_Down: self.current + 1,
                 Qt.Key.Key_Home: 0, Qt.Key.Key_End: count - 1}
        if key in moves and count:
            self.current = max(0, min(count - 1, moves[key]))
            self.update()
            self.setToolTip("")
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and count:
            self.activated.emit(self._segment_at(self.current))
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._row_at(event.position())
        if index != self._hover:
            self._hover = index
            openable = index >= 0 and self._segment_at(index, event.position()).filters
            self.setCursor(Qt.CursorShape.PointingHandCursor if openable
                           else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self._row_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self.current = index
            self.update()
            self.activated.emit(self._segment_at(index, event.position()))
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self._row_at(QPointF(event.pos()))
            if index >= 0:
                QToolTip.showText(event.globalPos(), self._tooltip(index, QPointF(event.pos())),
                                  self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def _tooltip(self, index: int, pos: QPointF) -> str:
        return self.rows()[index].tooltip

    def focusInEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().focusOutEvent(event)
        self.update()

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)
        self._cache = None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.forget_layout()
        super().changeEvent(event)

    def forget_layout(self) -> None:
        """The font changed (the style, the scheme, the display's scaling): measure anew."""
        self._memo.clear()
        self._cache = None
        self.updateGeometry()

    def remembered(self, key: object, measure: Callable[[], _T]) -> _T:
        """``measure()``, once per ``key`` until the font changes."""
        if key not in self._memo:
            if len(self._memo) > 64:  # a window dragged through many widths
                self._memo.clear()
            self._memo[key] = measure()
        return self._memo[key]  # type: ignore[return-value]

    # --- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        with painting(self, antialiased=True) as painter:
            self._paint(painter)

    def _paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _muted(self) -> QColor:
        return QColor(tokens().text_muted)

    def _text(self) -> QColor:
        return QColor(tokens().text)

    def _paint_row_state(self, painter: QPainter, index: int, rect: QRect) -> None:
        """Hover: a faint band; the keyboard's current row: the focus ring."""
        if index == self._hover:
            band = QColor(tokens().accent)
            band.setAlpha(28)
            painter.fillRect(rect, band)
        if self.hasFocus() and index == self.current:
            pen = QPen(QColor(tokens().focus), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 3, 3)


