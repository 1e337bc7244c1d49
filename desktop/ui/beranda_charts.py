"""The Beranda's charts, painted here rather than by QtCharts.

QtCharts decides its own axis room and elides category names ("Daerah Istimewa
Yogya…") with no tooltip, prints value labels as raw numbers ("1234", not "1.234"),
has no keyboard focus and ignores the palette. A dashboard of a few bars needs none of
its machinery, so these widgets lay out their rows themselves:

* ``BarChart``: horizontal bars in the order the core gives (most first, "Lainnya"
  last and muted). Names sit on the left in a column as wide as the longest name, up to
  a share of the width; a name that still does not fit is elided and whole in the
  tooltip. Every bar carries its figure at its end, in the language's number format,
  with the room for it reserved so it is never cut. Grouped charts (visits per year:
  masuk/keluar) draw one bar per series in each row, with a legend.
* ``PieChart``: a ring for parts of a whole, with a legend of name, figure and share.

Both are keyboard-driven like a list (Up/Down, Home/End, Enter or Space opens) and emit
``activated(segment)``; the mouse opens a bar, a slice or a legend row. ``rows()``
returns what is drawn where, so tests read the screen rather than trust the code.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.dashboard import Chart, Segment
from desktop.core.formatting import number
from desktop.ui.painting import painting
from desktop.ui.style import tokens

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


class _ChartBase(QWidget):
    """Rows the keyboard and the mouse move over; the subclasses lay them out and paint."""

    activated = Signal(object)  # Segment

    def __init__(self, chart: Chart, colour_of: ColourOf, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.colour_of = colour_of
        self.current = 0
        self._hover = -1
        self._cache: tuple[int, list[Row]] | None = None  # (width, rows) laid out for it
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


class BarChart(_ChartBase):
    """Horizontal bars with names on the left and figures at the bars' ends."""

    def __init__(self, chart: Chart, colour_of: ColourOf, series_label: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(chart, colour_of, parent)
        self.series_label = series_label
        if chart.style == "grouped":  # one row per category, a bar per series in it
            categories = list(dict.fromkeys(s.label for s in chart.segments))
            self.series = list(dict.fromkeys(s.series for s in chart.segments))
            self.groups = [tuple(s for s in chart.segments if s.label == c) for c in categories]
        else:
            self.series = [""]
            self.groups = [(s,) for s in chart.segments]
        self.setAccessibleDescription("; ".join(
            segment_tooltip(s, series_label(s.series) if s.series else "").replace("\n", ", ")
            for s in chart.segments))

    # --- geometry
    def _bar_height(self) -> int:
        """A line of text; thinner where a row holds a bar per series (kept compact)."""
        height = self.fontMetrics().height()
        return height + 2 if len(self.series) == 1 else max(8, height - 4)

    def _bars_height(self) -> int:
        """The bars of one row (one per series) with 2 px between them."""
        return len(self.series) * (self._bar_height() + 2) - 2

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + 8 if len(self.series) > 1 else 0

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = self._layout(width)
        bottom = rows[-1].rect.bottom() + 1 if rows else MARGIN
        return bottom + self._legend_height() + MARGIN

    def sizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(360))

    def minimumSizeHint(self) -> QSize:
        """The height at the usual width: the layout asks heightForWidth for the real one.
        (At the narrowest width it would keep a page of blank space under the charts.)"""
        return QSize(MIN_WIDTH, self.sizeHint().height())

    def rows(self) -> list[Row]:
        if self._cache is None or self._cache[0] != self.width():
            self._cache = (self.width(), self._layout(self.width()))
        return self._cache[1]

    def _label_font(self, segment: Segment) -> QFont:
        font = QFont(self.font())
        font.setItalic(segment.is_rest)  # "the rest" reads as a note, not a group
        return font

    def _layout(self, width: int) -> list[Row]:
        """Rows for ``width``: the name column as wide as the longest name up to its share
        (a longer name wraps onto a second line, and only beyond that is elided), the
        figures' room reserved at the right, the bars scaled into what is left."""
        metrics = self.fontMetrics()
        width = max(width, MIN_WIDTH)
        fonts = [QFontMetrics(self._label_font(group[0])) for group in self.groups]
        names = [group[0].label for group in self.groups]
        label_room = max(LABEL_MIN, int(width * LABEL_SHARE))
        label_width = min(max((m.horizontalAdvance(n) + 2 for m, n in zip(
            fonts, names, strict=True)), default=0), label_room)
        values = [[number(s.count) for s in group] for group in self.groups]
        value_width = max((metrics.horizontalAdvance(v) for row in values for v in row),
                          default=0)
        bar_left = MARGIN + label_width + GAP
        longest = max(1, width - MARGIN - value_width - GAP - bar_left)
        top_count = max((s.count for g in self.groups for s in g if s.bar), default=1) or 1
        rows: list[Row] = []
        y = MARGIN
        bar_height, bars_height = self._bar_height(), self._bars_height()
        for group, texts, name, font in zip(self.groups, values, names, fonts, strict=True):
            lines = wrap(font, name, label_width)
            row_height = max(bars_height, len(lines) * font.height()) + 8
            rect = QRect(0, y, width, row_height)
            label_rect = QRect(MARGIN, y, label_width, row_height)
            bars: list[QRect | None] = []
            value_rects: list[QRect] = []
            bar_y = y + (row_height - bars_height) // 2
            for segment, text in zip(group, texts, strict=True):
                length = round(longest * segment.count / top_count) if segment.bar else 0
                if segment.bar and segment.count:
                    length = max(2, length)  # a one among hundreds is still seen
                bar = QRect(bar_left, bar_y, length, bar_height) if segment.bar else None
                bars.append(bar)
                value_x = bar_left + length + (GAP if length else 0)
                text_top = bar_y + (bar_height - metrics.height()) // 2  # centred on the bar
                value_rects.append(QRect(value_x, text_top, metrics.horizontalAdvance(text),
                                         metrics.height()))
                bar_y += bar_height + 2
            tooltip = "\n".join(segment_tooltip(s, self.series_label(s.series) if s.series
                                                else "") for s in group)
            rows.append(Row(group, rect, "\n".join(lines), label_rect, tuple(bars),
                            tuple(texts), tuple(value_rects), tooltip))
            y += row_height
        return rows

    def _tooltip(self, index: int, pos: QPointF) -> str:
        """A grouped row: the bar under the pointer (2026 · Masuk: 3)."""
        row = self.rows()[index]
        if len(row.segments) > 1:
            segment = self._segment_at(index, pos)
            if segment is not None:
                return segment_tooltip(segment, self.series_label(segment.series))
        return row.tooltip

    def legend(self) -> list[tuple[str, QRect]]:
        """The series names as drawn under a grouped chart, each with its swatch's rect."""
        if len(self.series) < 2:
            return []
        metrics = self.fontMetrics()
        rows = self.rows()
        y = (rows[-1].rect.bottom() + 1 if rows else MARGIN) + 4
        x = MARGIN + 4
        items = []
        for code in self.series:
            text = self.series_label(code)
            items.append((text, QRect(x, y + 2, 10, 10)))
            x += 16 + metrics.horizontalAdvance(text) + 16
        return items

    # --- painting
    def _paint(self, painter: QPainter) -> None:
        text = self._text()
        muted = self._muted()
        align_label = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        align_value = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for index, row in enumerate(self.rows()):
            self._paint_row_state(painter, index, row.rect)
            rest = row.segments[0].is_rest
            painter.setFont(self._label_font(row.segments[0]))
            painter.setPen(muted if rest else text)
            painter.drawText(row.label_rect, align_label, row.label)
            painter.setFont(self.font())
            for position, (segment, bar, value, value_rect) in enumerate(zip(
                    row.segments, row.bars, row.values, row.value_rects, strict=True)):
                colour = self.colour_of(segment, self.series.index(segment.series)
                                        if segment.series else position)
                if bar is not None and bar.width():
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colour)
                    painter.drawRoundedRect(QRectF(bar), 2, 2)
                painter.setPen(muted if rest or not segment.count else text)
                painter.drawText(value_rect, align_value, value)
        legend = self.legend()  # empty for a single series
        for (label, swatch), code in zip(legend, self.series[:len(legend)], strict=True):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour_of(Segment("", 0, None, series=code),
                                            self.series.index(code)))
            painter.drawRect(swatch)
            painter.setPen(text)
            painter.drawText(QRect(swatch.right() + 6, swatch.top() - 4,
                                   self.fontMetrics().horizontalAdvance(label) + 2,
                                   self.fontMetrics().height()), align_value, label)


class PieChart(_ChartBase):
    """A ring of the parts of a whole, with a legend row per part: name, figure, share.

    Beside the ring when there is room, under it on a narrow card."""

    RING, RING_SMALL = 150, 110  # the ring's diameter: as drawn, and on a narrow card

    def __init__(self, chart: Chart, colour_of: ColourOf, parent: QWidget | None = None,
                 ) -> None:
        super().__init__(chart, colour_of, parent)
        self.total = sum(s.count for s in chart.segments) or 1
        self.peers: list[PieChart] = []  # pies side by side: their rings share one size

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _legend_need(self) -> int:
        """The legend's width here or, the widest, in a pie beside this one."""
        return max([self._own_legend_need(), *(p._own_legend_need() for p in self.peers)])

    def _own_legend_need(self) -> int:
        """The width of the legend: swatch, longest name, the widest figure."""
        metrics = self.fontMetrics()
        names = max((metrics.horizontalAdvance(s.label) + 2 for s in self.chart.segments),
                    default=0)
        values = max((metrics.horizontalAdvance(self._value(s)) for s in self.chart.segments),
                     default=0)
        return 20 + names + GAP + values

    def _beside(self, width: int, ring: int) -> bool:
        return width - (4 * MARGIN + ring) - MARGIN >= self._legend_need()

    def _ring(self, width: int) -> tuple[int, bool]:
        """The ring's diameter for ``width``, and whether the legend goes under it: a
        full ring beside the legend, else a smaller one, else the legend below."""
        for ring in (self.RING, self.RING_SMALL):
            if self._beside(width, ring):
                return ring, False
        return self.RING, True

    def _value(self, segment: Segment) -> str:
        share = 100 * segment.count / self.total
        percent = "<1" if 0 < share < 1 else number(round(share))
        return f"{number(segment.count)} ({percent}%)"

    def _legend_height(self) -> int:
        return len(self.chart.segments) * self._row_height()

    def heightForWidth(self, width: int) -> int:
        ring, stacked = self._ring(max(width, MIN_WIDTH))
        if stacked:
            return ring + 3 * MARGIN + self._legend_height()
        return max(ring + 2 * MARGIN, self._legend_height() + 2 * MARGIN)

    def sizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(360))

    def minimumSizeHint(self) -> QSize:
        """The height at the usual width: the layout asks heightForWidth for the real one.
        (At the narrowest width it would keep a page of blank space under the charts.)"""
        return QSize(MIN_WIDTH, self.sizeHint().height())

    def ring_rect(self) -> QRect:
        width = max(self.width(), MIN_WIDTH)
        ring, stacked = self._ring(width)
        if stacked:
            return QRect((width - ring) // 2, MARGIN, ring, ring)
        return QRect(MARGIN * 2, MARGIN, ring, ring)

    def rows(self) -> list[Row]:
        if self._cache is not None and self._cache[0] == self.width():
            return self._cache[1]
        metrics = self.fontMetrics()
        width = max(self.width(), MIN_WIDTH)
        ring = self.ring_rect()
        if self._ring(width)[1]:
            left, y = MARGIN, ring.bottom() + 1 + MARGIN
        else:
            left = ring.right() + 1 + 2 * MARGIN
            y = max(MARGIN, ring.center().y() - self._legend_height() // 2)
        # figures in a column near their names, not at the far end of a wide card
        room = min(width - left - MARGIN, max(LEGEND_MAX, self._legend_need()))
        rows = []
        row_height = self._row_height()
        for segment in self.chart.segments:
            value = self._value(segment)
            value_width = metrics.horizontalAdvance(value)
            label_width = max(0, room - 20 - GAP - value_width)
            shown = metrics.elidedText(segment.label, Qt.TextElideMode.ElideRight, label_width)
            rect = QRect(left, y, room, row_height)
            label_rect = QRect(left + 20, y, label_width, row_height)
            value_rect = QRect(left + room - value_width, y, value_width, row_height)
            swatch = QRect(left + 4, y + (row_height - 10) // 2, 10, 10)
            rows.append(Row((segment,), rect, shown, label_rect, (swatch,), (value,),
                            (value_rect,), f"{segment.detail or segment.label}: {value}"))
            y += row_height
        self._cache = (self.width(), rows)
        return rows

    def _slice_at(self, pos: QPointF) -> int:
        ring = QRectF(self.ring_rect())
        dx, dy = pos.x() - ring.center().x(), ring.center().y() - pos.y()
        distance = math.hypot(dx, dy)
        if distance > ring.width() / 2 or distance < ring.width() / 4:
            return -1
        angle = (90 - math.degrees(math.atan2(dy, dx))) % 360  # clockwise from twelve
        start = 0.0
        for index, segment in enumerate(self.chart.segments):
            start += 360 * segment.count / self.total
            if angle < start:
                return index
        return len(self.chart.segments) - 1

    def slice_centre(self, index: int) -> QPointF:
        """A point inside slice ``index`` (for a click), on the ring's middle circle."""
        before = sum(s.count for s in self.chart.segments[:index])
        middle = 360 * (before + self.chart.segments[index].count / 2) / self.total
        ring = QRectF(self.ring_rect())
        radius = ring.width() * 3 / 8
        angle = math.radians(90 - middle)
        return QPointF(ring.center().x() + radius * math.cos(angle),
                       ring.center().y() - radius * math.sin(angle))

    def _row_at(self, pos: QPointF) -> int:
        index = self._slice_at(pos)
        return index if index >= 0 else super()._row_at(pos)

    def _paint(self, painter: QPainter) -> None:
        ring = QRectF(self.ring_rect())
        base = QColor(tokens().surface_alt)
        start = 90 * 16  # twelve o'clock, clockwise (negative spans)
        for index, segment in enumerate(self.chart.segments):
            span = -round(360 * 16 * segment.count / self.total)
            painter.setPen(QPen(base, 1.5))
            painter.setBrush(self.colour_of(segment, index))
            grow = 4 if index in (self._hover, self.current if self.hasFocus() else -1) else 0
            painter.drawPie(ring.adjusted(-grow, -grow, grow, grow), start, span)
            start += span
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        hole = ring.width() / 4
        painter.drawEllipse(ring.center(), hole, hole)
        text = self._text()
        painter.setPen(text)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.drawText(QRectF(ring.center().x() - hole, ring.center().y() - hole,
                                2 * hole, 2 * hole), Qt.AlignmentFlag.AlignCenter,
                         number(sum(s.count for s in self.chart.segments)))
        painter.setFont(self.font())
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for index, row in enumerate(self.rows()):
            self._paint_row_state(painter, index, row.rect)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.colour_of(row.segments[0], index))
            swatch = row.bars[0]
            assert swatch is not None
            painter.drawRect(swatch)
            painter.setPen(text)
            painter.drawText(row.label_rect, left, row.label)
            painter.drawText(row.value_rects[0], left, row.values[0])

