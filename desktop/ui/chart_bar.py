"""The Beranda's horizontal bar chart (``BarChart``), plain or grouped by series."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QPainter,
)
from PySide6.QtWidgets import QWidget

from desktop.core.dashboard_board import Chart, Segment
from desktop.core.formatting import number
from desktop.ui.chart_base import (
    GAP,
    LABEL_MIN,
    LABEL_SHARE,
    MARGIN,
    MIN_WIDTH,
    ChartBase,
    ColourOf,
    Row,
    segment_tooltip,
    wrap,
)


class BarChart(ChartBase):
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
        rows = self._rows_for(width)
        bottom = rows[-1].rect.bottom() + 1 if rows else MARGIN
        return bottom + self._legend_height() + MARGIN

    def sizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(360))

    def minimumSizeHint(self) -> QSize:
        """The height at the usual width: the layout asks heightForWidth for the real one.
        (At the narrowest width it would keep a page of blank space under the charts.)"""
        return QSize(MIN_WIDTH, self.sizeHint().height())

    def rows(self) -> list[Row]:
        return self._rows_for(self.width())

    def _rows_for(self, width: int) -> list[Row]:
        return self.remembered(("rows", width), lambda: self._layout(width))

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
