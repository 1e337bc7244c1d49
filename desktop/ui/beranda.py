"""Beranda: the first page, "what needs my attention" and "how are we doing".

A thin view of ``desktop.core.dashboard``: the figures are computed in the background
(one grouped query each), shown as tiles and QtCharts, and every tile, slice and bar
emits ``navigate(kind, request)`` with the very filter that lists what it counts. The
page recomputes when records change, at once if it is visible, otherwise when shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dashboard import Chart, Dashboard, Figure, Segment, compute
from desktop.core.desk import Desk
from desktop.core.formatting import long_date, number
from desktop.ui.chart_style import segment_colours, series_colours, style_chart
from desktop.ui.hub import DataHub
from desktop.ui.style import current_scheme
from desktop.ui.tasks import TaskManager

LABEL_WIDTH = 40  # characters of an OPD or province name on a bar axis (two lines)
LINE_WIDTH = 20  # a bar label longer than this wraps onto a second line
CHART_MIN_WIDTH = 280  # two charts side by side on a 1024-px screen


def segment_code(segment: Segment) -> str:
    """The code a segment filters on (status, sifat, freshness bucket), for its colour."""
    for key in ("status", "sifat_data", "kesegaran", "arah"):
        if segment.filters and key in segment.filters:
            return str(segment.filters[key]).split("@")[0]
    return segment.series


def elide(text: str, width: int = LABEL_WIDTH) -> str:
    """A bar label: long names on two lines ("Daerah Istimewa / Yogyakarta"), shortened
    only beyond that (the bar's tooltip has the whole name)."""
    text = text if len(text) <= width else text[: width - 1].rstrip() + "…"
    if len(text) <= LINE_WIDTH or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1:]}"


class Tile(QPushButton):
    """A big number with a caption; clicking it opens the list it counts."""

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.key = key
        self.figure: Figure | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)  # a caption wrapped on a narrow tile gets its lines
        self.setSizePolicy(policy)
        self.setMinimumHeight(78)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.setSpacing(0)
        self.number = QLabel("–", self)
        self.number.setObjectName("tileNumber")
        self.caption = QLabel("", self)
        self.caption.setObjectName("tileCaption")
        self.caption.setWordWrap(True)
        for label in (self.number, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)

    def sizeHint(self) -> QSize:
        """The number and the caption's lines (a push button's own hint knows no layout)."""
        return self.layout().sizeHint().expandedTo(QSize(120, 78))

    def minimumSizeHint(self) -> QSize:
        return QSize(110, 78)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(78, self.layout().totalHeightForWidth(width))

    def show_figure(self, figure: Figure, caption: str, severity: str) -> None:
        self.figure = figure
        self.number.setText(number(figure.count))
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {figure.count}")
        self.setProperty("severity", severity)
        self.style().unpolish(self)
        self.style().polish(self)


class BerandaPage(QWidget):
    """Tiles and charts over the whole register; see the module docstring."""

    navigate = Signal(str, dict)  # kind, {"filters": ..., "description": ...}
    report_requested = Signal()
    refreshed = Signal()  # the figures on screen are new (for tests and the status bar)

    def __init__(self, desk: Desk, tasks: TaskManager, hub: DataHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("berandaPage")
        self.desk = desk
        self.tasks = tasks
        self.board: Dashboard | None = None
        self.chart_views: dict[str, QChartView] = {}
        self._stale = True
        self._generation = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(400)
        self._debounce.timeout.connect(self.refresh)
        hub.changed.connect(self._data_changed)
        self._build()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        from desktop.ui.widgets.scroll_page import scrolling_column

        body, column = scrolling_column(self)
        column.setSpacing(10)
        head = QHBoxLayout()
        title = QLabel(self.tr("Beranda"), body)
        title.setObjectName("pageTitle")
        self.as_of = QLabel("", body)
        self.as_of.setObjectName("countLabel")
        self.refresh_button = QPushButton(self.tr("Muat ulang"), body)
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button = QPushButton(self.tr("Laporan kegiatan…"), body)
        self.report_button.setObjectName("reportButton")
        self.report_button.clicked.connect(self.report_requested)
        head.addWidget(title)
        head.addWidget(self.as_of, 1)
        head.addWidget(self.refresh_button)
        head.addWidget(self.report_button)
        column.addLayout(head)
        self.tiles: dict[str, Tile] = {}
        for keys in (("datasets_overdue", "agreements_expiring", "follow_ups_overdue",
                      "deployments_failed"),
                     ("apps", "datasets", "agreements_in_force", "visits_this_year")):
            row = QHBoxLayout()
            row.setSpacing(10)
            for key in keys:
                tile = Tile(key, body)
                tile.clicked.connect(lambda _c=False, t=tile: self._open_tile(t))
                self.tiles[key] = tile
                row.addWidget(tile)
            column.addLayout(row)
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.grid.setColumnStretch(0, 1)  # two charts side by side, equally wide
        self.grid.setColumnStretch(1, 1)
        column.addLayout(self.grid)
        column.addStretch(1)

    def _captions(self, board: Dashboard) -> dict[str, str]:
        return {
            "datasets_overdue": self.tr("Dataset terlambat diperbarui"),
            "agreements_expiring": self.tr("Kerja sama berakhir dalam {n} hari", "",
                                           board.expiry_days)
            .replace("{n}", str(board.expiry_days)),
            "follow_ups_overdue": self.tr("Kunjungan dengan tindak lanjut lewat tenggat "
                                          "({n} butir)", "", board.follow_ups_overdue)
            .replace("{n}", str(board.follow_ups_overdue)),
            "deployments_failed": self.tr("Deployment gagal, 30 hari terakhir"),
            "apps": self.tr("Aplikasi terdaftar"),
            "datasets": self.tr("Dataset"),
            "agreements_in_force": self.tr("Kerja sama berjalan"),
            "visits_this_year": self.tr("Kunjungan tahun {year}")
            .replace("{year}", str(board.today.year)),
        }

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Recompute in the background; a result overtaken by a newer one is dropped."""
        from desktop.core.settings import EXPIRY_DAYS, Settings

        self._stale = False
        self._generation += 1
        generation = self._generation
        expiry = int(Settings().get(EXPIRY_DAYS))
        today = date.today()
        self.tasks.run_report(lambda: compute(self.desk, today, expiry_days=expiry),
                          on_done=lambda board: self._show_board(board, generation))

    def _data_changed(self, _kind: str, _ids: list[str]) -> None:
        if self.isVisible():
            self._debounce.start()
        else:
            self._stale = True

    def changeEvent(self, event: QEvent) -> None:
        """The light/dark scheme changed: QtCharts keeps its colours, so redraw them."""
        super().changeEvent(event)
        if (event.type() == QEvent.Type.PaletteChange and self.board is not None
                and getattr(self, "_chart_scheme", None) != current_scheme()):
            self._show_charts(self.board.charts())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show_board(self, board: Dashboard, generation: int) -> None:
        if generation != self._generation:
            return
        self.board = board
        self.as_of.setText(self.tr("Keadaan per {date}").replace("{date}",
                                                                   long_date(board.today)))
        captions = self._captions(board)
        attention = {"datasets_overdue": "bad", "agreements_expiring": "warn",
                     "follow_ups_overdue": "bad", "deployments_failed": "bad"}
        for figure in board.tiles():
            severity = attention[figure.key] if figure.count else "ok"
            self.tiles[figure.key].show_figure(figure, captions[figure.key], severity)
        for figure in board.summary():
            self.tiles[figure.key].show_figure(figure, captions[figure.key], "plain")
        self._show_charts(board.charts())
        self.refreshed.emit()

    # ------------------------------------------------------------------ charts
    def _show_charts(self, charts: list[Chart]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.chart_views.clear()
        self._chart_scheme = current_scheme()
        for index, chart in enumerate(charts):
            widget = self._chart_widget(chart)
            self.grid.addWidget(widget, index // 2, index % 2)

    def _chart_widget(self, chart: Chart) -> QWidget:
        if not any(s.count for s in chart.segments):
            empty = QLabel(f"<b>{_escape(chart.title)}</b><br>" + self.tr("Belum ada data."),
                           self)
            empty.setObjectName("emptyChart")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            empty.setMinimumHeight(120)
            return empty
        qchart = QChart()
        qchart.setTitle(chart.title)
        qchart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        qchart.setMargins(QMargins(4, 4, 4, 4))
        qchart.setBackgroundRoundness(6)
        if chart.style == "pie":
            self._pie(qchart, chart)
        else:
            self._bars(qchart, chart)
        style_chart(qchart)  # QtCharts ignores the palette: the scheme's colours
        view = QChartView(qchart, self)
        view.setObjectName(f"chart_{chart.key}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(300 if chart.style == "hbar" else 270)
        view.setMinimumWidth(CHART_MIN_WIDTH)
        view.setAccessibleName(chart.title)
        self.chart_views[chart.key] = view
        return view

    def _pie(self, qchart: QChart, chart: Chart) -> None:
        series = QPieSeries()
        meaning, palette = segment_colours(), series_colours()
        for index, segment in enumerate(chart.segments):
            piece = series.append(f"{segment.label} ({number(segment.count)})", segment.count)
            colour = meaning.get(segment_code(segment), palette[index % len(palette)])
            piece.setColor(QColor(colour))
            piece.setLabelVisible(False)  # the legend carries label and count
            piece.clicked.connect(lambda c=chart, s=segment: self.open_segment(c, s))
            piece.hovered.connect(lambda on, p=piece: p.setExploded(on))
        series.setPieSize(0.62)
        qchart.addSeries(series)
        qchart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

    def _bars(self, qchart: QChart, chart: Chart) -> None:
        horizontal = chart.style == "hbar"
        if chart.style == "grouped":
            categories = list(dict.fromkeys(s.label for s in chart.segments))
            groups = list(dict.fromkeys(s.series for s in chart.segments))
        else:
            segments = list(reversed(chart.segments)) if horizontal else list(chart.segments)
            categories = [elide(s.label) for s in segments]
            groups = [""]
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for group in groups:
            members = ([s for s in chart.segments if s.series == group]
                       if chart.style == "grouped" else segments)
            bar_set = QBarSet(_series_label(group) if group else chart.title)
            bar_set.append([float(s.count) for s in members])
            bar_set.setColor(QColor(segment_colours().get(group, series_colours()[0])))
            bar_set.clicked.connect(lambda i, m=members, c=chart: self.open_segment(c, m[i]))
            bar_set.hovered.connect(lambda on, i, m=members: _tip(on, m[i]))
            series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        qchart.addSeries(series)
        category_axis = QBarCategoryAxis()
        category_axis.append(categories)
        small = category_axis.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        category_axis.setLabelsFont(small)
        value_axis = QValueAxis()
        top = max((s.count for s in chart.segments), default=1)
        value_axis.setRange(0, max(1, top * 1.15))
        value_axis.setTickCount(min(6, max(2, top + 1)))
        value_axis.applyNiceNumbers()  # 0, 5, 10, … rather than 0, 5.4, 10.8
        value_axis.setLabelFormat("%d")
        bottom, side = ((value_axis, category_axis) if horizontal
                        else (category_axis, value_axis))
        qchart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
        qchart.addAxis(side, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(bottom)
        series.attachAxis(side)
        qchart.legend().setVisible(chart.style == "grouped")
        qchart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    # ------------------------------------------------------------------ opening lists
    def _open_tile(self, tile: Tile) -> None:
        if tile.figure is not None:
            self.navigate.emit(tile.figure.kind, {
                "filters": dict(tile.figure.filters),
                "description": self.tr("Beranda: {what}").replace(
                    "{what}", tile.caption.text())})

    def open_segment(self, chart: Chart, segment: Segment) -> None:
        """A click on a slice or bar: the list of exactly those records."""
        if segment.filters is None:
            return
        what = f"{chart.title} · {segment.label}"
        if segment.series:
            what += f" · {_series_label(segment.series)}"
        self.navigate.emit(chart.kind, {"filters": dict(segment.filters),
                                        "description": what})


def _series_label(code: str) -> str:
    from desktop.core.choices import ARAH_KUNJUNGAN

    return ARAH_KUNJUNGAN.label(code).split(" (")[0] if code in ARAH_KUNJUNGAN else code


def _tip(on: bool, segment: Segment) -> None:
    if on:
        QToolTip.showText(QCursor.pos(),
                          f"{segment.detail or segment.label}: {number(segment.count)}")
    else:
        QToolTip.hideText()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
