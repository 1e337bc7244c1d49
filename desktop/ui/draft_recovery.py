"""Draft recovery in the window: keep unsaved form edits on disk, offer them back.

``DraftKeeper`` watches one record page: a few seconds after the last change (and at
least every ``DRAFT_MAX_WAIT_MS`` while typing goes on) it writes the form's values to a
recovery file (``desktop.core.drafts``); a save, a revert, a discard or a delete removes
it. ``RecoveryDialog`` lists what a crash or a power cut left behind (kind, title, time),
each to restore into its form or to discard. The files and their format are the core's;
this module only decides when to write and what to show.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.drafts import Draft, DraftStore, new_record_key, record_key
from desktop.core.formatting import date_time
from desktop.core.kinds import KINDS
from desktop.ui import ask

if TYPE_CHECKING:
    from desktop.ui.record.page import RecordPage

DRAFT_DELAY_MS = 3000  # after the last change
DRAFT_MAX_WAIT_MS = 15000  # while typing never pauses that long
log = logging.getLogger(__name__)


class DraftKeeper(QObject):
    """Writes a page's unsaved edits to its recovery file, and removes it when done."""

    written = Signal(str)  # the key of the draft just written (tests wait for it)

    def __init__(self, page: RecordPage, store: DraftStore | None = None) -> None:
        super().__init__(page)
        self.page = page
        self.store = store or DraftStore()
        self.kind = page.kind.name
        self.database = page.desk.db.display_url
        self._new_key: str | None = None  # the key of the new record being typed
        self._written: str | None = None  # the file this form session wrote
        self._first_change = 0.0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.write_now)
        page.form.changed.connect(self._changed)

    def key(self) -> str:
        if self.page.current_id is not None:
            return record_key(self.kind, self.page.current_id)
        if self._new_key is None:
            self._new_key = new_record_key(self.kind)
        return self._new_key

    def _changed(self) -> None:
        now = time.monotonic()
        if not self.timer.isActive():
            self._first_change = now
        left_ms = DRAFT_MAX_WAIT_MS - (now - self._first_change) * 1000
        self.timer.start(int(max(0, min(DRAFT_DELAY_MS, left_ms))))

    def write_now(self) -> None:
        """Write the form's values if it has unsaved edits; else drop this session's file."""
        self.timer.stop()
        form = self.page.form
        if not form.is_dirty():
            self.drop()
            return
        values = form.values()
        draft = Draft(key=self.key(), kind=self.kind, values=values,
                      title=self.page.draft_title(values), record_id=self.page.current_id,
                      version=self.page.current_version, database=self.database)
        try:
            self.store.save(draft)
        except OSError as exc:  # a full or read-only disk must not stop the typing
            log.warning("draft %s not written: %s", draft.key, exc)
            return
        self._written = draft.key
        self.written.emit(draft.key)

    def drop(self, record_too: bool = False) -> None:
        """Forget this session's draft; ``record_too``: also the record's (saved,
        discarded, reverted or deleted: nothing of it is left to recover)."""
        self.timer.stop()
        keys = {self._written}
        if record_too and (self.page.current_id is not None or self._new_key):
            keys.add(self.key())
        for key in keys - {None}:
            self.store.remove(str(key))
        self._written = None
        self._new_key = None

    def adopt(self, draft: Draft) -> None:
        """A restored draft goes on in its own file (a new record keeps its key)."""
        if draft.record_id is None:
            self._new_key = draft.key
        self._written = draft.key
        self.write_now()


class RecoveryDialog(QDialog):
    """What a crash left unsaved, per record: restore it into its form, or discard it."""

    restore = Signal(object)  # a Draft

    def __init__(self, drafts: list[Draft], store: DraftStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Pulihkan perubahan yang belum disimpan"))
        self.store = store
        self.drafts = list(drafts)  # by table row: kept in Python, not in item roles
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Program berhenti sebelum perubahan berikut disimpan. Pulihkan untuk "
            "membukanya kembali di formulirnya (lalu simpan), atau buang."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("recoveryTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Jenis"), self.tr("Judul"), self.tr("Terakhir diketik")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("&Pulihkan"), self)
        self.restore_button.setObjectName("restoreDraftButton")
        self.discard_button = QPushButton(self.tr("&Buang"), self)
        self.discard_button.setObjectName("discardDraftButton")
        self.later_button = QPushButton(self.tr("&Nanti saja"), self)
        self.later_button.setToolTip(self.tr("Tawarkan lagi saat program dibuka berikutnya"))
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        layout.addLayout(buttons)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.later_button.clicked.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self._fill()
        self.resize(640, 320)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.drafts))
        for row, draft in enumerate(self.drafts):
            kind = KINDS.get(draft.kind)
            kind_text = str(kind.label) if kind is not None else draft.kind
            if draft.is_new:
                kind_text = self.tr("{kind} (baru)").replace("{kind}", kind_text)
            cells = (kind_text, draft.title or self.tr("(tanpa judul)"),
                     date_time(draft.saved_at.astimezone()))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        if self.drafts:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.drafts))
        self.discard_button.setEnabled(bool(self.drafts))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows (kind, title, time), for tests and screen readers."""
        return [tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
                for r in range(self.table.rowCount())]

    def selected(self) -> Draft | None:
        row = self.table.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _take(self, draft: Draft) -> None:
        self.drafts.remove(draft)
        self._fill()
        if not self.drafts:
            self.accept()

    def restore_selected(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        self._take(draft)
        self.restore.emit(draft)

    def discard_selected(self) -> None:
        draft = self.selected()
        if draft is None:
            return
        if not ask.confirm(self, self.tr("Buang perubahan"),
                           self.tr("Buang perubahan yang belum disimpan pada “{title}”?")
                           .replace("{title}", draft.title or draft.key),
                           self.tr("Buang"), name="discardDraftBox"):
            return
        self.store.remove(draft.key)
        self._take(draft)


def offer_drafts(window: Any, store: DraftStore | None = None) -> RecoveryDialog | None:
    """Open the recovery dialog over ``window`` if drafts of its database are waiting
    (drafts of a window still open in another running program are not offered)."""
    store = store or DraftStore()
    drafts = [d for d in store.left_behind(window.desk.db.display_url)
              if d.kind in window.pages]
    if not drafts:
        return None
    dialog = RecoveryDialog(drafts, store, window)
    dialog.restore.connect(window.restore_draft)
    dialog.open()
    return dialog
