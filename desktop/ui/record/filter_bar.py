"""The bar above a record list: search, filter lists, the chip, the tint legend, the count.

One widget so the page deals with one thing that says "the query changed" (``changed``)
and answers "which filters are set" (``values``); it wraps on a narrow window instead of
widening it (FlowLayout).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.core.desk import Desk
from desktop.core.formatting import number
from desktop.ui.page_fit import narrow_filter
from desktop.ui.page_specs import FilterSpec, PageSpec
from desktop.ui.record_model import attention_brush
from desktop.ui.widgets.elided import ElidedButton
from desktop.ui.widgets.flow import FlowLayout
from desktop.ui.widgets.tint_legend import TintLegend

SEARCH_DEBOUNCE_MS = 250


class FilterBar(QWidget):
    """Search box, one widget per FilterSpec, the external filter's chip, legend and count."""

    changed = QtSignal()  # the search text (after a pause) or a filter changed
    chip_clicked = QtSignal()  # the user dropped the filter set from elsewhere

    def __init__(self, desk: Desk, spec: PageSpec, lookups: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.spec = spec
        self.lookups = lookups
        bar = FlowLayout(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari…  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Cari"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        bar.add_widget(self.search, 2)
        self.filter_widgets: dict[str, QWidget] = {}
        for filter_spec in spec.filters:
            widget = self._filter_widget(filter_spec)
            self.filter_widgets[filter_spec.key] = widget
            bar.addWidget(widget)
        self.chip = ElidedButton(self)  # a long description elides, never widens
        self.chip.setObjectName("filterChip")
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.chip.hide()
        self.chip.clicked.connect(self.chip_clicked)
        bar.addWidget(self.chip)
        # the count at the right end of the bar, the key to tinted rows just before it
        count_box = QWidget(self)
        count_box.setObjectName("countBox")
        count_box.setProperty("pushRight", True)
        count_row = QHBoxLayout(count_box)
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.setSpacing(12)
        self.legend = TintLegend(attention_brush, count_box)
        self.count_label = QLabel(count_box)
        self.count_label.setObjectName("countLabel")
        count_row.addWidget(self.legend)
        count_row.addWidget(self.count_label)
        bar.addWidget(count_box)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    def _filter_widget(self, spec: FilterSpec) -> QWidget:
        if spec.mode == "flag":
            box = QCheckBox(str(spec.label), self)
            box.setObjectName(f"filter_{spec.key}")
            box.toggled.connect(lambda _v: self.changed.emit())
            return box
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{spec.key}")
        combo.setAccessibleName(str(spec.label))
        combo.addItem(self.tr("Semua: {label}").replace("{label}", str(spec.label)), None)
        if spec.mode == "choice" and spec.choices is not None:
            for choice in spec.choices:
                combo.addItem(str(choice.label), choice.code)
        elif spec.mode == "ref":
            options = self.lookups.records(spec.ref).all() or []
            for option in options:
                combo.addItem(option.text, option.id)
        elif spec.mode == "year":
            for year in range(date.today().year + 1, 2009, -1):
                combo.addItem(str(year), year)
        elif spec.mode == "province":
            for region in self.desk.regions(jenis="provinsi"):
                combo.addItem(region["nama"], region["kode"])
        combo.setMaximumWidth(220)
        narrow_filter(combo)
        combo.activated.connect(lambda _i: self.changed.emit())
        return combo

    def text(self) -> str | None:
        return self.search.text().strip() or None

    def values(self) -> dict[str, Any]:
        """The filters the bar's own widgets set (a filter from elsewhere is the page's)."""
        filters: dict[str, Any] = {}
        for spec in self.spec.filters:
            widget = self.filter_widgets[spec.key]
            if isinstance(widget, QCheckBox):
                if widget.isChecked():
                    filters[spec.key] = self._flag_value(spec)
            elif isinstance(widget, QComboBox) and widget.currentData() is not None:
                filters[spec.key] = widget.currentData()
        return filters

    def _flag_value(self, spec: FilterSpec) -> Any:
        if spec.key == "berakhir_dalam":
            from desktop.core.settings import EXPIRY_DAYS, current

            return current().get(EXPIRY_DAYS)
        return 1

    def show_chip(self, description: str, visible: bool) -> None:
        self.chip.setText(f"{description}  ✕")
        self.chip.setToolTip(self.tr("Hapus saringan ini"))
        self.chip.setVisible(visible)

    def show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count_label.setText(self.tr("{n} data", "", shown).replace("{n}", number(shown)))
        else:
            self.count_label.setText(self.tr("{shown} dari {total} data", "", total)
                                     .replace("{shown}", number(shown))
                                     .replace("{total}", number(total)))

    def reload_ref_filters(self, kind: str) -> bool:
        """Refill the filter lists over ``kind``, keeping what the user picked; True when
        a picked record is gone (the list then shows everything again)."""
        gone = False
        for spec in self.spec.filters:
            widget = self.filter_widgets[spec.key]
            if spec.mode != "ref" or spec.ref != kind or not isinstance(widget, QComboBox):
                continue
            chosen = widget.currentData()
            widget.blockSignals(True)
            while widget.count() > 1:
                widget.removeItem(1)
            for option in self.lookups.records(kind).all() or []:
                widget.addItem(option.text, option.id)
            index = widget.findData(chosen) if chosen is not None else 0
            widget.setCurrentIndex(max(index, 0))
            widget.blockSignals(False)
            gone = gone or index < 0
        return gone
