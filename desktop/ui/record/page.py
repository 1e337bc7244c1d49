"""One page per record kind: the filter bar, the big list and the detail pane, composed.

The list is a RecordTableModel (ids from one SQL query, rows fetched lazily); loading
and saving run on the database worker, and every save is announced on the DataHub so
other pages refresh themselves. The boxes are widgets of their own (``filter_bar``,
``list_pane``, ``detail_pane``); what happens to the record in the form is in ``editing``.
The boxes' parts stay reachable as the page's attributes (``page.search``,
``page.table``, ``page.form``, ``page.save_button``…): other pages and the tests use them.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.core import attachments
from desktop.core.desk import Desk
from desktop.core.services import ListQuery
from desktop.ui.hub import DataHub
from desktop.ui.lookups import Lookups
from desktop.ui.page_fit import SideBySide
from desktop.ui.page_specs import PageSpec
from desktop.ui.record.detail_pane import DetailPane
from desktop.ui.record.editing import RecordEditing
from desktop.ui.record.filter_bar import FilterBar
from desktop.ui.record.list_pane import RecordTable
from desktop.ui.record_model import RecordTableModel
from desktop.ui.tasks import TaskManager


class RecordPage(RecordEditing, QWidget):
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
        self._attention: Callable[[], dict[str, Any]] | None = None
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
        self.filter_bar = FilterBar(self.desk, self.spec, self.lookups, self)
        layout.addWidget(self.filter_bar)
        self.search = self.filter_bar.search
        self.filter_widgets = self.filter_bar.filter_widgets
        self.chip = self.filter_bar.chip
        self.legend = self.filter_bar.legend
        self.count_label = self.filter_bar.count_label

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        kind_name = self.kind.name
        self.model = RecordTableModel(
            self.service, self.tasks, self,
            counts=lambda ids: attachments.counts(self.desk, kind_name, ids))
        self.table = RecordTable(self.kind, self.model, self.splitter)
        self.detail = DetailPane(self.desk, self.spec, self.lookups, self.tasks, self.splitter)
        self.detail_title = self.detail.title
        self.related_bar = self.detail.related_bar
        self.related_buttons = self.detail.related_buttons
        self.form_scroll = self.detail.form_scroll
        self.form = self.detail.form
        if self.detail.catalog_notice is not None:
            self.catalog_notice = self.detail.catalog_notice
        self.save_button = self.detail.save_button
        self.revert_button = self.detail.revert_button
        self.delete_button = self.detail.delete_button
        self.history_button = self.detail.history_button
        self.berkas = self.detail.berkas
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)
        # the form goes below the list when the page is narrow
        self.side_by_side = SideBySide(self, self.splitter, self.form_scroll)

        self.filter_bar.changed.connect(self.apply_query)
        self.filter_bar.chip_clicked.connect(self.clear_external_filter)
        self.model.first_rows.connect(self._show_first_count)
        self.model.refreshed.connect(self._after_refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail.related_clicked.connect(self._open_related)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.delete)
        self.history_button.clicked.connect(self.show_history)
        self.form.changed.connect(self._update_buttons)
        self.form.submitted.connect(self.save)
        self.berkas.changed.connect(lambda record_id: self.hub.notify(self.kind.name,
                                                                      [record_id]))
        self.berkas.status.connect(self.status)
        from desktop.ui.draft_recovery import DraftKeeper

        self.drafts = DraftKeeper(self)  # unsaved edits survive a crash (recovery files)
        from desktop.ui.record.changed_bar import ChangeWatch

        # "Diubah oleh …" above the form when another workstation changes its record
        self.change_watch = ChangeWatch(self)
        self._restore_view_state()
        self.new_record(ask=False)

    # ------------------------------------------------------------------ query
    def filters(self) -> dict[str, Any]:
        return {**self.external_filters, **self.filter_bar.values()}

    def apply_query(self) -> None:
        sort = self.model.query.sort
        self.model.set_query(ListQuery(text=self.filter_bar.text(), filters=self.filters(),
                                       sort=sort))

    def set_external_filter(self, filters: dict[str, Any], description: str) -> None:
        self.external_filters = dict(filters)
        self.filter_bar.show_chip(description, bool(filters))
        self.apply_query()

    def clear_external_filter(self) -> None:
        self.set_external_filter({}, "")

    def _show_first_count(self) -> None:
        """The count with the first screen, beside the kind's total as the last settled
        list counted it: the total is counted again with the rest of the ids (it would
        hold up every keystroke, see ``RecordTableModel.refresh``) and put right then."""
        shown = self.model.rowCount()
        self.filter_bar.show_count(shown, max(self.model.total, shown))

    def _after_refresh(self) -> None:
        self.filter_bar.show_count(self.model.rowCount(), self.model.total)
        if self.current_id:
            row = self.model.row_of(self.current_id)
            if row >= 0:
                self.table.select_row(row)
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

        def count() -> int | None:
            if self.model.query is not query:
                return None  # overtaken while queued (typing): the newer search counts
            return self.service.count(tinted)  # its own; this one would only delay it

        def show(count: int | None) -> None:
            if count is not None and self.model.query is query:  # not overtaken
                self.legend.show_count(count)

        self.tasks.run_db(count, on_done=show)

    def _data_changed(self, kind: str, ids: list[str]) -> None:
        self.lookups.reset(kind)
        if kind == self.kind.name:
            self.model.invalidate(ids)
            self.model.refresh()
            if self.current_id in ids:  # its files too (added on another workstation)
                self.berkas.reload()
            return
        if kind in self._referenced_kinds():
            # Rows show (and sort by) names of related records: read them again.
            self.model.invalidate_all()
            self.model.refresh()
            self.form.reload_lookups(kind)
            if self.filter_bar.reload_ref_filters(kind):  # a picked record is gone
                self.apply_query()

    def _referenced_kinds(self) -> set[str]:
        fields = list(self.kind.fields)
        for collection in self.kind.collections:
            fields.extend(collection.fields)
        return {f.ref for f in fields if f.ref}

    # ------------------------------------------------------------------ selection
    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        record_id = self.model.id_at(current.row())
        if record_id is None or record_id == self.current_id:
            return
        if not self.confirm_discard():
            if previous.isValid():
                self.table.select_row(previous.row())
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
        self.berkas.set_record(record["id"], self._title_of(record))
        self._update_buttons()

    def _title_of(self, record: dict[str, Any]) -> str:
        for key in ("nama", "judul", "instansi"):
            if record.get(key):
                return str(record[key])
        return str(self.kind.label)

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
        self.berkas.set_record(None)
        self.detail_title.setText(self.tr("{kind} baru").replace("{kind}", str(self.kind.label)))
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        self.detail.update_buttons(self.current_id is not None, self.current_record,
                                   self.saving)

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

    # ------------------------------------------------------------------ focus
    def showEvent(self, event: QShowEvent) -> None:
        if not self._tabs_ordered:
            self._tabs_ordered = True
            self._order_tabs()
        super().showEvent(event)

    def _order_tabs(self) -> None:
        """Tab goes search → filters → list → form fields → Simpan and the other buttons;
        the links and document buttons above the form (added by subclasses too) come
        last, so they never stand between the list and the form."""
        for first, second in pairwise(self.detail.tab_chain()):
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
        sorted_query = self.table.restore_header(self.settings, f"view/{self.kind.name}/header")
        if sorted_query is not None:  # the sort the user left it in
            self.model.query = sorted_query
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
