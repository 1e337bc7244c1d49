"""The list of a record page: a table over a RecordTableModel, its columns and their state.

Why its own class: the columns' widths, the sort the user left it in and the quirk of
focusing an empty list are the list's business, not the page's.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.kinds.base import RecordKind
from desktop.core.services import ListQuery
from desktop.ui.record_model import RecordTableModel
from desktop.ui.widgets.elided import fit_header_titles

ROW_HEIGHT = 26
FILES_COLUMN_WIDTH = 64  # "Berkas" and a count of two digits
WIDE_COLUMNS = ("nama", "judul", "instansi", "aplikasi", "opd", "mitra")


class RecordTable(QTableView):
    """The list: one Tab stop (arrows move inside it), and focusing it opens nothing.

    A plain QTableView makes its first row current when it gets the focus with none
    current; on a record page that would load the first record over a new, unsaved form
    just because the user tabbed through the list on the way to it.
    """

    def __init__(self, kind: RecordKind, model: RecordTableModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName("recordTable")
        self.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.setModel(model)
        self.setAccessibleName(str(kind.plural))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(150)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # default order until clicked
        for index, column in enumerate(kind.columns):
            header.resizeSection(index, 260 if column.key in WIDE_COLUMNS else 120)
        if model.files_column >= 0:  # the narrow count of files: the last column, unstretched
            header.setStretchLastSection(False)
            header.resizeSection(model.files_column, FILES_COLUMN_WIDTH)
        fit_header_titles(header)  # "Ketua rombongan" is wider than 120 px
        self.setSortingEnabled(True)
        self._sorted = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self._sort_changed)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        """The Berkas count does not sort (the core sorts by the kind's columns): a click
        on it leaves the arrow where the list's order really comes from."""
        files = self.model().files_column  # type: ignore[attr-defined]
        if files >= 0 and section == files:
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(*self._sorted)
            header.blockSignals(False)
            return
        self._sorted = (section, order)

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

    def select_row(self, row: int) -> None:
        """Make ``row`` current without announcing it (no record is opened by this)."""
        selection = self.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(
            self.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)

    def restore_header(self, settings: QSettings, key: str) -> ListQuery | None:
        """Column widths and order as the user left them; the query of the sort they left
        the list in (None when they never sorted it)."""
        header = settings.value(key)
        if not isinstance(header, QByteArray):
            return None
        view = self.horizontalHeader()
        view.restoreState(header)
        files = self.model().files_column  # type: ignore[attr-defined]
        if files >= 0 and view.stretchLastSection():
            # saved before the Berkas column: it would take the saved stretch and width
            view.setStretchLastSection(False)
            view.resizeSection(files, FILES_COLUMN_WIDTH)
        section = view.sortIndicatorSection()
        if not 0 <= section < len(self.kind.columns):
            return None
        descending = view.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        column = self.kind.columns[section].key
        return ListQuery(sort=(("-" if descending else "") + column,))
