"""Choose a period, then preview the "Laporan Kegiatan" (save or print from the preview).

The period is picked the way offices report: a month, a quarter (triwulan), a year, or
any range. The report is gathered, laid out and rasterised in the background; the
dialog stays open so a second period can follow the first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.formatting import long_date
from desktop.core.period import (
    MONTHS_EN,
    MONTHS_ID,
    ROMAN,
    Period,
    month_period,
    quarter_period,
    range_period,
    year_period,
)
from desktop.ui.tasks import TaskManager

MONTH, QUARTER, YEAR, RANGE = "bulan", "triwulan", "tahun", "rentang"


class ReportDialog(QDialog):
    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.preview: QDialog | None = None
        self.task: Any = None  # the report being made, for Batal
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Laporan kegiatan"))
        # room for the intro on two lines: as narrow as its fields, the dialog cut the
        # wrapped intro's last line off
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        today = date.today()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Kunjungan, kerja sama, aplikasi, deployment dan dataset dalam "
                               "satu periode, sebagai PDF untuk pimpinan."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.kind = QComboBox(self)
        for code, text in ((MONTH, self.tr("Bulan")), (QUARTER, self.tr("Triwulan")),
                           (YEAR, self.tr("Tahun")), (RANGE, self.tr("Rentang tanggal"))):
            self.kind.addItem(text, code)
        self.year = QSpinBox(self)
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.month = QComboBox(self)
        from desktop.core.i18n import current_language

        for index, name in enumerate(MONTHS_EN if current_language() == "en" else MONTHS_ID):
            self.month.addItem(name, index + 1)
        self.month.setCurrentIndex(today.month - 1)
        self.quarter = QComboBox(self)
        for index, roman in enumerate(ROMAN):
            self.quarter.addItem(roman, index + 1)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.start = QDateEdit(QDate(today.year, 1, 1), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form.addRow(self.tr("Periode"), self.kind)
        form.addRow(self.tr("Tahun"), self.year)
        form.addRow(self.tr("Bulan"), self.month)
        form.addRow(self.tr("Triwulan"), self.quarter)
        form.addRow(self.tr("Dari"), self.start)
        form.addRow(self.tr("Sampai"), self.end)
        self.form = form
        layout.addLayout(form)
        self.summary = QLabel("", self)
        self.summary.setObjectName("periodSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.make = QPushButton(self.tr("&Pratinjau laporan…"), self)
        self.make.setDefault(True)
        close = QPushButton(self.tr("&Tutup"), self)
        buttons.addWidget(self.make)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.make.clicked.connect(self.make_report)
        close.clicked.connect(self.reject)
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged,
                       self.month.currentIndexChanged, self.quarter.currentIndexChanged,
                       self.start.dateChanged, self.end.dateChanged):
            signal.connect(self._update)
        self.kind.setCurrentIndex(1)  # a quarter: the most common report
        self._update()

    # ------------------------------------------------------------------ period
    def period(self) -> Period:
        """The chosen period; DeskError for a range that ends before it starts."""
        kind = self.kind.currentData()
        year = self.year.value()
        if kind == MONTH:
            return month_period(year, int(self.month.currentData()))
        if kind == QUARTER:
            return quarter_period(year, int(self.quarter.currentData()))
        if kind == YEAR:
            return year_period(year)
        return range_period(self.start.date().toPython(), self.end.date().toPython())

    def _update(self) -> None:
        kind = self.kind.currentData()
        shown = {self.year: kind in (MONTH, QUARTER, YEAR), self.month: kind == MONTH,
                 self.quarter: kind == QUARTER, self.start: kind == RANGE,
                 self.end: kind == RANGE}
        for widget, visible in shown.items():
            self.form.setRowVisible(widget, visible)
        self._grow()
        try:
            period = self.period()
        except DeskError as error:
            self.summary.setText(error.message)
            self.make.setEnabled(False)
            return
        self.make.setEnabled(True)
        self.summary.setText(self.tr("{label}: {start} s.d. {end}")
                             .replace("{label}", period.label)
                             .replace("{start}", long_date(period.start))
                             .replace("{end}", long_date(period.end)))

    def _grow(self) -> None:
        """Taller when a range's two date rows replace one: the wrapped intro keeps the
        layout from growing the window itself, and the rows were squeezed."""
        if not self.isVisible():
            return  # sized when shown (desktop.ui.geometry.first_size)
        self.layout().activate()
        needed = max(self.heightForWidth(self.width()), self.sizeHint().height())
        if self.height() < needed:
            self.resize(self.width(), needed)

    # ------------------------------------------------------------------ report
    def make_report(self) -> None:
        from desktop.core.period import gather
        from desktop.core.settings import OFFICE_LOGO, current
        from desktop.documents.period_report import render_period_report
        from desktop.ui.pdf_preview import (
            FIRST_PAGES,
            PREVIEW_SCALE,
            PdfPreviewDialog,
            rasterise,
        )

        period = self.period()
        logo = str(current().get(OFFICE_LOGO) or "").strip() or None
        ratio = self.devicePixelRatioF()  # pages as sharp as this screen's scaling allows

        def job(token: Any) -> tuple[bytes, list[Any]]:
            report = gather(self.desk, period)
            token.check()  # Batal between the steps: a year at 100,000 rows takes seconds
            pdf = render_period_report(report, office=self.desk.office.get(), logo=logo)
            token.check()
            return pdf, rasterise(pdf, PREVIEW_SCALE, ratio, FIRST_PAGES)

        def show(result: tuple[bytes, list[Any]]) -> None:
            pdf, pages = result
            name = (self.tr("Laporan Kegiatan {period}.pdf")
                    .replace("{period}", period.label).replace("/", "-"))
            self.preview = PdfPreviewDialog(pdf, pages, period.label, name, self,
                                            tasks=self.tasks)
            self.preview.open()

        def failed(exc: Exception) -> None:
            QMessageBox.warning(self, self.tr("Laporan tidak dapat dibuat"),
                                getattr(exc, "message", str(exc)))

        self.task = self.tasks.run_db(job, on_done=show, on_error=failed,
                                      label=self.tr("Menyusun laporan kegiatan…"),
                                      parent_widget=self, cancellable=True)
