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

from desktop.ui.chart_bar import BarChart
from desktop.ui.chart_base import ChartBase, Row
from desktop.ui.chart_pie import PieChart

__all__ = ["BarChart", "ChartBase", "PieChart", "Row"]
