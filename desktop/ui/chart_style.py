"""Charts in the scheme's colours: QtCharts paints its own light theme whatever the palette.

A QChart ignores the application's palette and style sheet, so on the dark scheme it
would stay a white card with grey text. These functions give a chart the tokens'
background, text and grid colours, and name the colour of each meaning (good, waiting,
late, neutral) and the series colours, each checked for 3:1 against the chart's
background in ``tests/gui/test_palette.py``.
"""

from __future__ import annotations

from PySide6.QtCharts import QAbstractBarSeries, QChart, QPieSeries
from PySide6.QtGui import QBrush, QColor, QPen

from desktop.ui.style import tokens


def segment_colours() -> dict[str, str]:
    """A segment's code (status, sifat, freshness, direction) → its colour, by meaning."""
    p = tokens()
    good, wait, bad, neutral = p.ok, p.warn, p.bad, p.neutral
    return {
        "terkini": good, "segera": wait, "terlambat": bad, "tanpa_jadwal": neutral,
        "terbuka": good, "terbatas": wait, "dikecualikan": bad,
        "berhasil": good, "gagal": bad, "rollback": wait, "direncanakan": neutral,
        "masuk": p.chart[0], "keluar": p.chart[4],
    }


def series_colours() -> tuple[str, ...]:
    return tokens().chart


def style_chart(chart: QChart) -> None:
    """Background, title, legend, axes, grid and value labels in the scheme's colours
    (call once the series and axes are added)."""
    p = tokens()
    text = QColor(p.text)
    chart.setBackgroundBrush(QBrush(QColor(p.surface_alt)))
    chart.setBackgroundPen(QPen(QColor(p.divider)))
    chart.setTitleBrush(QBrush(text))
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(QBrush(text))
        axis.setGridLineColor(QColor(p.divider))
        axis.setLinePenColor(QColor(p.border))
        axis.setTitleBrush(QBrush(text))
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            for bar_set in series.barSets():
                bar_set.setLabelColor(text)
                bar_set.setBorderColor(QColor(p.surface_alt))
        elif isinstance(series, QPieSeries):
            for piece in series.slices():
                piece.setBorderColor(QColor(p.surface_alt))
                piece.setLabelColor(text)
