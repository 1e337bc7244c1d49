"""One page per record kind: search, filters, the big table, and the edit pane.

The table is a RecordTableModel (ids from one SQL query, rows fetched lazily); loading
and saving run on the database worker, and every save is announced on the DataHub so
other pages refresh themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, StaleRecordError, ValidationError
from desktop.core.formatting import number
from desktop.core.services import ListQuery
from desktop.ui import ask
from desktop.ui.hub import DataHub
from desktop.ui.page_fit import SideBySide, narrow_filter
from desktop.ui.page_specs import FilterSpec, PageSpec
from desktop.ui.record_model import RecordTableModel, attention_brush
from desktop.ui.tasks import TaskManager
from desktop.ui.widgets.elided import ElidedButton, fit_header_titles
from desktop.ui.widgets.flow import FlowLayout
from desktop.ui.widgets.form import RecordForm
from desktop.ui.widgets.tint_legend import TintLegend

SEARCH_DEBOUNCE_MS = 250
ROW_HEIGHT = 26


class Lookups:
    """Pickers for the forms, cached per page and reset when their kind changes."""

    def __init__(self, desk: Desk) -> None:
        from desktop.ui.lookups import RecordLookup, RegionLookup

        self.desk = desk
        self._records: dict[str, RecordLookup] = {}
        self._regions: RegionLookup | None = None
        self._record_cls = RecordLookup
        self._region_cls = RegionLookup

    def records(self, kind: str | None) -> Any:
        assert kind is not None
        if kind not in self._records:
            self._records[kind] = self._record_cls(self.desk, kind)
        return self._records[kind]

    def regions(self) -> Any:
        if self._regions is None:
            self._regions = self._region_cls(self.desk)
        return self._regions

    def reset(self, kind: str) -> None:
        if kind in self._records:
            self._records[kind].reset()


class RecordTable(QTableView):
    """The list: one Tab stop (arrows move inside it), and focusing it opens nothing.

    A plain QTableView makes its first row current when it gets the focus with none
    current; on a record page that would load the first record over a new, unsaved form
    just because the user tabbed through the list on the way to it.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentIndex().isValid() or self.selectionModel() is None:
            super().focusInEvent(event)
            return
        selection = self.selectionModel()
        selection.blockSignals(True)
        try:
            super().focusInEvent(event)
            selection.clearCurrentIndex()
        finally:
            selection.blockSignals(False)
        self.viewport().update()


class RecordPage(QWidget):
    navigate = QtSignal(str, dict)  # kind, filters: open another page, filtered
    status = QtSignal(str)  # a short message for the status bar

    def __init__(self, desk: Desk, spec: PageSpec, tasks: TaskManager, hub: DataHub,
                 settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.spec = spec
        self.service = desk.service(spec.kind)
        self.kind = self.service.kind
        self.tasks = tasks
        self.hub = hub
        self.settings = settings
        self.lookups = Lookups(desk)
        self.current_id: str | None = None
        self.current_version: int | None = None
        self.current_record: dict[str, Any] | None = None
        self.external_filters: dict[str, Any] = {}
        self.saving = False
        self._tabs_ordered = False
        self.setObjectName(f"page_{spec.kind}")
        self._build()
        hub.changed.connect(self._data_changed)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        title = QLabel(str(self.kind.plural), self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)

        bar = FlowLayout()  # wraps on a narrow window instead of widening it
        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari…  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Cari"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        bar.add_widget(self.search, 2)
        self.filter_widgets: dict[str, QWidget] = {}
        for spec in self.spec.filters:
            widget = self._filter_widget(spec)
            self.filter_widgets[spec.key] = widget
            bar.addWidget(widget)
        self.chip = ElidedButton(self)  # a long description elides, never widens
        self.chip.setObjectName("filterChip")
        self.chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.chip.hide()
        self.chip.clicked.connect(self.clear_external_filter)
        bar.addWidget(self.chip)
        # the count at the right end of the bar, the key to tinted rows just before it
        count_box = QWidget(self)
        count_box.setObjectName("countBox")
        count_box.setProperty("pushRight", True)
        count_row = QHBoxLayout(count_box)
        count_row.setContentsMargins(0, 0, 0, 0)
        count_row.setSpacing(12)
        self.legend = TintLegend(attention_brush, count_box)
        self._attention: Callable[[], dict[str, Any]] | None = None
        self.count_label = QLabel(count_box)
        self.count_label.setObjectName("countLabel")
        count_row.addWidget(self.legend)
        count_row.addWidget(self.count_label)
        bar.addWidget(count_box)
        layout.addLayout(bar)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = RecordTableModel(self.service, self.tasks, self)
        self.table = RecordTable(self.splitter)
        self.table.setObjectName("recordTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setModel(self.model)
        self.table.setAccessibleName(str(self.kind.plural))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # default order until clicked
        for index, column in enumerate(self.kind.columns):
            wide = column.key in ("nama", "judul", "instansi", "aplikasi", "opd", "mitra")
            header.resizeSection(index, 260 if wide else 120)
        fit_header_titles(header)  # "Ketua rombongan" is wider than 120 px
        self.table.setSortingEnabled(True)

        detail = QWidget(self.splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.detail_title = QLabel(self)
        self.detail_title.setObjectName("detailTitle")
        self.detail_title.setWordWrap(True)
        detail_layout.addWidget(self.detail_title)
        self.related_bar = QHBoxLayout()
        self.related_buttons: list[QPushButton] = []
        for related in self.spec.related:
            button = QPushButton(f"→ {related.label}", detail)
            button.setFlat(True)
            button.setObjectName("relatedLink")
            button.clicked.connect(lambda _c=False, r=related: self._open_related(r))
            self.related_bar.addWidget(button)
            self.related_buttons.append(button)
        self.related_bar.addStretch(1)
        detail_layout.addLayout(self.related_bar)
        scroll = QScrollArea(detail)
        self.form_scroll = scroll
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: its fields are
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form = RecordForm(self.kind, self.lookups, scroll, self.spec.collections)
        if self.kind.name == "datasets":  # what the next sync does to its visibility
            from desktop.ui.widgets.catalog_notice import CatalogNotice

            self.catalog_notice = CatalogNotice(self.desk, self.form, self.tasks)
        scroll.setWidget(self.form)
        detail_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Simpan"), detail)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("&Batalkan perubahan"), detail)
        self.delete_button = QPushButton(self.tr("&Hapus"), detail)
        self.delete_button.setObjectName("deleteButton")
        self.history_button = QPushButton(self.tr("&Riwayat"), detail)
        for button in (self.save_button, self.revert_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        detail_layout.addLayout(buttons)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        self.side_by_side = SideBySide(self, self.splitter, scroll)  # form below when narrow

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.model.refreshed.connect(self._after_refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        self.form.changed.connect(self._update_buttons)
        self.form.submitted.connect(self.save)
        from desktop.ui.draft_recovery import DraftKeeper

        self.drafts = DraftKeeper(self)  # unsaved edits survive a crash (recovery files)
        self._restore_view_state()
        self.new_record(ask=False)

    def _filter_widget(self, spec: FilterSpec) -> QWidget:
        if spec.mode == "flag":
            box = QCheckBox(str(spec.label), self)
            box.setObjectName(f"filter_{spec.key}")
            box.toggled.connect(lambda _v: self.apply_query())
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
        combo.activated.connect(lambda _i: self.apply_query())
        return combo

    # ------------------------------------------------------------------ query
    def filters(self) -> dict[str, Any]:
        filters: dict[str, Any] = dict(self.external_filters)
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

    def apply_query(self) -> None:
        sort = self.model.query.sort
        self.model.set_query(ListQuery(text=self.search.text().strip() or None,
                                       filters=self.filters(), sort=sort))

    def set_external_filter(self, filters: dict[str, Any], description: str) -> None:
        self.external_filters = dict(filters)
        self.chip.setText(f"{description}  ✕")
        self.chip.setToolTip(self.tr("Hapus saringan ini"))
        self.chip.setVisible(bool(filters))
        self.apply_query()

    def clear_external_filter(self) -> None:
        self.set_external_filter({}, "")

    def _after_refresh(self) -> None:
        total = self.model.total
        shown = self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} data", "", shown).replace("{n}", number(shown)))
        else:
            self.count_label.setText(self.tr("{shown} dari {total} data", "", total)
                                     .replace("{shown}", number(shown))
                                     .replace("{total}", number(total)))
        if self.current_id:
            row = self.model.row_of(self.current_id)
            if row >= 0:
                self._select_row(row)
        self._count_tinted()

    def mark_rows(self, note: Callable[[dict[str, Any]], str | None],
                  label: Callable[[int], str], tooltip: str,
                  filters: Callable[[], dict[str, Any]]) -> None:
        """Tint the rows ``note`` explains (its text is the row's tooltip), with a legend
        beside the count while the list has such rows. ``filters`` selects the same rows
        in the core, so the legend knows of rows not fetched yet (the list is lazy)."""
        self.model.row_note = note
        self.legend.set_meaning(label, tooltip)
        self._attention = filters
        self._count_tinted()

    def _count_tinted(self) -> None:
        if self._attention is None:
            return
        query = self.model.query
        tinted = ListQuery(text=query.text, filters={**query.filters, **self._attention()},
                           include_deleted=query.include_deleted)

        def show(count: int) -> None:
            if self.model.query is query:  # not overtaken by a newer search
                self.legend.show_count(count)

        self.tasks.run_db(lambda: self.service.count(tinted), on_done=show)

    def _select_row(self, row: int) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)

    def _data_changed(self, kind: str, ids: list[str]) -> None:
        self.lookups.reset(kind)
        if kind == self.kind.name:
            self.model.invalidate(ids)
            self.model.refresh()
            return
        if kind in self._referenced_kinds():
            # Rows show (and sort by) names of related records: read them again.
            self.model.invalidate_all()
            self.model.refresh()
            self.form.reload_lookups(kind)
            self._reload_ref_filters(kind)

    def _referenced_kinds(self) -> set[str]:
        fields = list(self.kind.fields)
        for collection in self.kind.collections:
            fields.extend(collection.fields)
        return {f.ref for f in fields if f.ref}

    def _reload_ref_filters(self, kind: str) -> None:
        """Refill the filter lists over ``kind``, keeping what the user picked."""
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
            if index < 0:  # the filtered-on record is gone: show everything again
                self.apply_query()

    # ------------------------------------------------------------------ selection
    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record_id = self.model.id_at(current.row())
        if record_id is None or record_id == self.current_id:
            return
        if not self.confirm_discard():
            if previous.isValid():
                self._select_row(previous.row())
            return
        self.open_record(record_id)

    def open_record(self, record_id: str) -> None:
        self.tasks.run_db(lambda: self.service.get(record_id), on_done=self._show_record)

    def _show_record(self, record: dict[str, Any]) -> None:
        self.current_record = record
        self.current_id = record["id"]
        self.current_version = record["version"]
        self.form.load(record)
        self.detail_title.setText(self._title_of(record))
        self._update_buttons()

    def draft_title(self, values: dict[str, Any]) -> str:
        """How the recovery dialog names a draft of this page's form."""
        title = self._title_of(values)
        return title if title != str(self.kind.label) else self.detail_title.text()

    def restore_draft(self, draft: Any) -> bool:
        """Show a recovered draft (``desktop.core.drafts.Draft``) in the form, unsaved.

        A draft of a saved record opens that record and lays the draft over it; its
        version stays the one the edit started from, so a save over someone else's later
        change meets the usual "changed by another user" question instead of overwriting.
        """
        if not self.confirm_discard():
            return False
        if draft.record_id is None:
            self._show_restored(None, draft)
            return True
        record_id = draft.record_id

        def missing(_exc: Exception) -> None:  # deleted since: keep the text as a new one
            draft.record_id = None
            self._show_restored(None, draft)
            self.status.emit(self.tr("Data asal draf sudah tidak ada; dipulihkan sebagai "
                                     "data baru."))

        self.tasks.run_db(lambda: self.service.get(record_id),
                          on_done=lambda record: self._show_restored(record, draft),
                          on_error=missing)
        return True

    def _show_restored(self, record: dict[str, Any] | None, draft: Any) -> None:
        if record is None:
            self.new_record(ask=False)
            self.form.load(None)
            self.form.fill(draft.values)
            self.form.mark_unsaved()
        else:
            self._show_record(record)
            self.form.fill(draft.values)
            if draft.version is not None:
                self.current_version = draft.version
        self.drafts.adopt(draft)
        self.detail_title.setText(self.tr("{title} (dipulihkan)").replace(
            "{title}", draft.title or str(self.kind.label)))
        self._update_buttons()
        self.status.emit(self.tr("Perubahan yang belum disimpan dipulihkan; simpan untuk "
                                 "menyimpannya."))

    def _title_of(self, record: dict[str, Any]) -> str:
        for key in ("nama", "judul", "instansi"):
            if record.get(key):
                return str(record[key])
        return str(self.kind.label)

    def confirm_discard(self) -> bool:
        """True when there is nothing unsaved or the user chose to discard or save it."""
        if not self.form.is_dirty():
            self.drafts.drop()
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Perubahan belum disimpan"))
        box.setText(self.tr("Ada perubahan yang belum disimpan pada data ini."))
        save = box.addButton(self.tr("Simpan"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Buang perubahan"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("unsavedBox")
        box.exec()
        if box.clickedButton() is save:
            return self.save_now()
        if box.clickedButton() is discard:
            self.drafts.drop(record_too=True)
            return True
        return False

    # ------------------------------------------------------------------ actions
    def new_record(self, ask: bool = True) -> bool:
        """Start a new record; False if the user kept unsaved changes instead."""
        if ask and not self.confirm_discard():
            return False
        self.drafts.drop()
        self.current_id = None
        self.current_version = None
        self.current_record = None
        self.table.clearSelection()
        self.form.load(None)
        self.detail_title.setText(self.tr("{kind} baru").replace("{kind}", str(self.kind.label)))
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        has_record = self.current_id is not None
        self.delete_button.setEnabled(has_record and not self.saving)
        self.history_button.setEnabled(has_record)
        self.revert_button.setEnabled(self.form.is_dirty())
        self.save_button.setEnabled(not self.saving)
        for button, related in zip(self.related_buttons, self.spec.related, strict=True):
            button.setEnabled(has_record and (related.from_field is None or bool(
                (self.current_record or {}).get(related.from_field))))

    def _save_job(self, data: dict[str, Any]) -> Any:
        if self.current_id is None:
            return lambda: self.service.create(data)
        record_id, version = self.current_id, self.current_version or 0
        return lambda: self.service.update(record_id, data, expected_version=version)

    def save(self) -> None:
        """Save in the background; the form stays as typed until the core answers."""
        if self.saving:
            return
        self.saving = True
        self._update_buttons()
        self.tasks.run_db(self._save_job(self.form.values()), on_done=self._saved,
                          on_error=self._save_failed)

    def save_now(self) -> bool:
        """Save and wait (used when leaving a record); False if it could not be saved."""
        try:
            record = self._save_job(self.form.values())()
        except Exception as exc:
            self._save_failed(exc)
            return False
        self._saved(record)
        return True

    def _saved(self, record: dict[str, Any]) -> None:
        self.saving = False
        self.drafts.drop(record_too=True)  # saved: no recovery file is needed any more
        self._show_record(record)
        self.hub.notify(self.kind.name, [record["id"]])
        self.status.emit(self.tr("Tersimpan."))

    def _save_failed(self, exc: Exception) -> None:
        self.saving = False
        self._update_buttons()
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.errors)
            self.status.emit(self.tr("Belum tersimpan: periksa isian yang ditandai."))
            return
        if isinstance(exc, StaleRecordError):
            self._stale(exc)
            return
        from desktop.ui.errors import show_error

        show_error(exc, self)

    def _stale(self, exc: StaleRecordError) -> None:
        """Someone saved first: say so, keep the user's text, let them choose."""
        box = QMessageBox(self)
        box.setObjectName("staleBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Data diubah pengguna lain"))
        box.setText(exc.message)
        keep = box.addButton(self.tr("Tetap di sini"), QMessageBox.ButtonRole.RejectRole)
        reload_ = box.addButton(self.tr("Muat ulang (buang perubahan saya)"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.finished.connect(lambda _r: box.clickedButton() is reload_ and self.current_id
                             and self.open_record(self.current_id))
        box.open()

    def revert(self) -> None:
        self.drafts.drop(record_too=True)
        self.form.load(self.current_record)
        self._update_buttons()

    def delete(self) -> None:
        if self.current_id is None:
            return
        if not ask.confirm(
                self, self.tr("Hapus data"),
                self.tr("Hapus “{title}”? Data yang dihapus tetap tercatat di log audit.")
                .replace("{title}", self.detail_title.text()),
                self.tr("Hapus"), name="deleteBox"):
            return
        record_id, version = self.current_id, self.current_version

        def job() -> None:
            self.service.delete(record_id, expected_version=version)

        def done(_r: Any) -> None:
            self.drafts.drop(record_too=True)
            self.form.mark_clean()
            self.new_record(ask=False)
            self.hub.notify(self.kind.name, [record_id])
            self.status.emit(self.tr("Dihapus."))

        def failed(exc: Exception) -> None:
            if isinstance(exc, StaleRecordError):
                self._stale(exc)
            elif isinstance(exc, DeskError):
                QMessageBox.warning(self, self.tr("Tidak dapat dihapus"), exc.message)
            else:
                from desktop.ui.errors import show_error

                show_error(exc, self)

        self.tasks.run_db(job, on_done=done, on_error=failed)

    def show_history(self) -> None:
        if self.current_id is None:
            return
        from desktop.ui.history_dialog import HistoryDialog

        HistoryDialog.show_for(self, self.kind, self.service.history(self.current_id),
                               self.detail_title.text(), self.lookups)

    def _open_related(self, related: Any) -> None:
        if self.current_record is None:
            return
        if related.from_field is None:
            value: Any = self.current_record["id"]
        else:
            raw = self.current_record.get(related.from_field) or []
            value = [r["dataset_id"] if isinstance(r, dict) else r for r in raw]
        self.navigate.emit(related.kind, {"filters": {related.filter_key: value},
                                          "description": f"{self.detail_title.text()}"})

    def showEvent(self, event: QShowEvent) -> None:
        if not self._tabs_ordered:
            self._tabs_ordered = True
            self._order_tabs()
        super().showEvent(event)

    def _order_tabs(self) -> None:
        """Tab goes search → filters → list → form fields → Simpan and the other buttons;
        the links and document buttons above the form (added by subclasses too) come
        last, so they never stand between the list and the form."""
        chain: list[QWidget] = [self.save_button, self.revert_button, self.history_button,
                                self.delete_button]
        for index in range(self.related_bar.count()):
            widget = self.related_bar.itemAt(index).widget()
            if isinstance(widget, QPushButton):
                chain.append(widget)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def start_new(self) -> bool:
        """Ctrl+N: a new record with the cursor in its first field, ready to type."""
        if not self.new_record():
            return False
        self.focus_form()
        return True

    def focus_form(self) -> None:
        editor = self.form.first_editor()
        if editor is None:
            return
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form_scroll.ensureWidgetVisible(editor)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ------------------------------------------------------------------ view state
    def _restore_view_state(self) -> None:
        header = self.settings.value(f"view/{self.kind.name}/header")
        if isinstance(header, QByteArray):
            view = self.table.horizontalHeader()
            view.restoreState(header)
            section = view.sortIndicatorSection()
            if 0 <= section < len(self.kind.columns):  # the sort the user left it in
                descending = view.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                key = self.kind.columns[section].key
                self.model.query = ListQuery(sort=(("-" if descending else "") + key,))
        # the list/form sizes of each shape of the page (side by side, form below)
        if self.side_by_side.load(self.settings, f"view/{self.kind.name}"):
            return
        splitter = self.settings.value(f"view/{self.kind.name}/splitter")
        if isinstance(splitter, QByteArray):  # written by versions before both shapes
            self.side_by_side.restore(splitter)
        else:
            self.splitter.setSizes([700, 520])

    def save_view_state(self) -> None:
        self.settings.setValue(f"view/{self.kind.name}/header",
                               self.table.horizontalHeader().saveState())
        self.side_by_side.save(self.settings, f"view/{self.kind.name}")

