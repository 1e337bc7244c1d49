"""A table model over an id list: one SQL query decides which rows and in what order,
row data is fetched lazily, a block at a time, only for what the view draws.

This is what keeps a list of 100,000 datasets fluid: the view never holds more than the
ids plus a bounded cache of rows. A long list arrives in two steps: the first HEAD ids
and the count (so the first screen and a right-sized scroll bar show at once), then the
whole id list, which takes a few hundred milliseconds at 100,000 rows; rows below the
head stay blank until then.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from desktop.core.formatting import display
from desktop.core.kinds.base import RecordKind
from desktop.core.services import ListQuery, RecordService
from desktop.ui.style import tokens
from desktop.ui.tasks import TaskManager

BLOCK = 100
HEAD = 200  # ids fetched first: a screen or two, enough to paint before the rest arrives
CACHE_ROWS = 3000
ID_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


def attention_brush() -> QBrush:
    """The tint of a row that needs attention, in the scheme in force (text readable on it:
    ``text`` on ``warn_bg`` is one of the palette's checked pairs)."""
    return QBrush(QColor(tokens().warn_bg))


def __getattr__(name: str) -> object:
    """``ATTENTION``, the tint as a constant, for callers written before the schemes: the
    brush of the scheme in force when it is read (prefer ``attention_brush()``)."""
    if name == "ATTENTION":
        return attention_brush()
    raise AttributeError(name)


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind for a ListQuery.

    ``first_rows`` when the head of a new list is shown, ``refreshed`` once the whole id
    list is in (for a short list, both at once)."""

    refreshed = Signal()
    first_rows = Signal()

    def __init__(self, service: RecordService, tasks: TaskManager | None = None,
                 parent: Any = None,
                 counts: Callable[[list[str]], dict[str, int]] | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.kind: RecordKind = service.kind
        self.tasks = tasks
        # The "Berkas" column after the kind's own: how many files each record has, read
        # with the rows, one ``counts`` query per block (never one per row)
        self.counts = counts
        self._files: dict[str, int] = {}
        self.count_queries = 0  # for tests: how many times ``counts`` was asked
        self.query = ListQuery()
        self._ids: list[str] = []
        self._cache: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self.rows_fetched = 0  # for tests and benchmarks: rows actually read from SQL
        self.total = 0  # live records of the kind, whatever the filter
        self._rows = 0  # rows of the list: the count, known before every id is
        # A note for rows that need attention (expiring agreement, overdue dataset): the
        # row is tinted and the note is its tooltip.
        self.row_note: Callable[[dict[str, Any]], str | None] | None = None
        self._generation = 0

    # -------------------------------------------------------------- query
    def set_query(self, query: ListQuery) -> None:
        self.query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-run the id query (in the background when a task manager is given).

        The first screen needs the head of the ids and the count only. The kind's total
        (the "of N" beside a filtered count, shown once the list has settled) comes with
        the rest of the ids: counting every record took 130-220 ms a keystroke at
        1,000,000 datasets on PostgreSQL, and no one sees it before the rest arrives.
        """
        self._generation += 1
        generation = self._generation
        query = self.query
        filtered = self._filtered()

        def head() -> tuple[list[str], int]:
            return self.service.head(query, HEAD)

        def rest(known: list[str], rows: int) -> tuple[list[str], int] | None:
            if generation != self._generation:
                return None  # overtaken while queued (typing): skip the long queries
            ids = known if len(known) >= rows else self.service.ids(query)
            return ids, self.service.count(ListQuery()) if filtered else rows

        if self.tasks is None:
            ids, rows = head()
            self._apply_head(generation, (ids, rows), lambda: rest(ids, rows))
            return
        self.tasks.run_db(head, on_done=lambda result: self._apply_head(
            generation, result, lambda: rest(*result)))

    def _apply_head(self, generation: int, result: tuple[list[str], int],
                    rest: Callable[[], tuple[list[str], int] | None]) -> None:
        if generation != self._generation:
            return  # a newer query was asked for meanwhile (fast typing)
        ids, rows = result
        self.beginResetModel()
        self._ids = ids
        self._rows = rows
        self._cache.clear()
        self._files.clear()
        self.endResetModel()
        self.first_rows.emit()
        if self.tasks is None:
            self._apply_rest(generation, rest())
        elif len(ids) >= rows and not self._filtered():
            self.total = rows  # the whole list, all here: nothing more to ask
            self.refreshed.emit()
        else:
            self.tasks.run_db(rest, on_done=lambda found: self._apply_rest(generation, found))

    def _filtered(self) -> bool:
        query = self.query
        return bool(query.text or query.filters or query.include_deleted)

    def _apply_rest(self, generation: int, found: tuple[list[str], int] | None) -> None:
        if generation != self._generation or found is None:
            return
        ids, self.total = found
        head = len(self._ids)
        if ids[:head] != self._ids or len(ids) != self._rows:
            # the data changed between the two queries: start the list afresh
            self.beginResetModel()
            self._ids, self._rows = ids, len(ids)
            self._cache.clear()
            self._files.clear()
            self.endResetModel()
        elif head < len(ids):
            self._ids = ids  # same rows, now every id known: the blank rows fill in
            self.dataChanged.emit(self.index(head, 0),
                                  self.index(self._rows - 1, self.columnCount() - 1))
        self.refreshed.emit()

    def invalidate(self, ids: list[str]) -> None:
        """Forget cached rows so the next paint reads them again."""
        for record_id in ids:
            self._cache.pop(record_id, None)
            self._files.pop(record_id, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def invalidate_all(self) -> None:
        """Forget every cached row: names shown from related records may have changed."""
        self._cache.clear()
        self._files.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    # -------------------------------------------------------------- model API
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else max(self._rows, len(self._ids))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.kind.columns) + (1 if self.counts is not None else 0)

    @property
    def files_column(self) -> int:
        """The "Berkas" column's index (-1 when the list has none)."""
        return len(self.kind.columns) if self.counts is not None else -1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == self.files_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Berkas")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Jumlah berkas yang dilampirkan")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.kind.columns):
            return str(self.kind.columns[section].label)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == ID_ROLE:
            return record_id
        files = index.column() == self.files_column
        if files and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, VALUE_ROLE,
                        Qt.ItemDataRole.BackgroundRole):
            return None
        row = self._row(index.row())
        if row is None or not (files or 0 <= index.column() < len(self.kind.columns)):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.row_note and self.row_note(row):  # the scheme's tint, text readable on it
                return attention_brush()
            return None
        if role == Qt.ItemDataRole.ToolTipRole and self.row_note:
            note = self.row_note(row)
            if note:
                return note
        if files:  # a count, empty for none: the column stays quiet
            count = self._files.get(record_id, 0)
            return count if role == VALUE_ROLE else (str(count) if count else "")
        column = self.kind.columns[index.column()]
        value = row.get(column.key)
        if role == VALUE_ROLE:
            return value
        return display(value, column.choices)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.kind.columns):
            return
        key = self.kind.columns[column].key
        prefix = "-" if order == Qt.SortOrder.DescendingOrder else ""
        self.query = ListQuery(text=self.query.text, filters=self.query.filters,
                               sort=(prefix + key,), include_deleted=self.query.include_deleted)
        self.refresh()

    # -------------------------------------------------------------- lazy rows
    def _row(self, row: int) -> dict[str, Any] | None:
        record_id = self._ids[row]
        cached = self._cache.get(record_id)
        if cached is not None:
            self._cache.move_to_end(record_id)
            return cached
        start = (row // BLOCK) * BLOCK
        block = [i for i in self._ids[start:start + BLOCK] if i not in self._cache]
        for fetched in self.service.rows(block):
            self._cache[fetched["id"]] = fetched
        self.rows_fetched += len(block)
        if self.counts is not None and block:
            self.count_queries += 1
            found = self.counts(block)
            self._files.update({i: found.get(i, 0) for i in block})
        while len(self._cache) > CACHE_ROWS:
            dropped, _row = self._cache.popitem(last=False)
            self._files.pop(dropped, None)
        return self._cache.get(record_id)
