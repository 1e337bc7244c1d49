"""The Beranda's ring chart (``PieChart``) with its legend of name, figure and share."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QWidget

from desktop.core.dashboard_board import Chart, Segment
from desktop.core.formatting import number
from desktop.ui.chart_base import (
    GAP,
    LEGEND_MAX,
    MARGIN,
    MIN_WIDTH,
    ChartBase,
    ColourOf,
    Row,
)
from desktop.ui.style import tokens


class PieChart(ChartBase):
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
        def measure() -> int:
            metrics = self.fontMetrics()
            names = max((metrics.horizontalAdvance(s.label) + 2
                         for s in self.chart.segments), default=0)
            values = max((metrics.horizontalAdvance(self._value(s))
                          for s in self.chart.segments), default=0)
            return 20 + names + GAP + values

        return self.remembered("legend", measure)

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
