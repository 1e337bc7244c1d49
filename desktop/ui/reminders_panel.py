"""The reminders panel: a dock beside the pages listing what needs attention.

A thin view of ``desktop.core.reminders``: the groups are collected in the background;
each item can be opened, snoozed until tomorrow or dismissed, and the whole panel can be
hidden for the rest of the day. Dismissals are kept per workstation (``Dismissals``).

It is always docked (never floating over the tiles and forms), opens by itself on start
only when something is due that it has not shown before, and each line starts with the
date ("18 Jan 2027 · KB Kerja Sama …") so that eliding a long title never hides it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QBoxLayout,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.formatting import medium_date
from desktop.core.reminders import Dismissals, Reminder, ReminderGroup, collect
from desktop.ui.geometry import fit_to_screen
from desktop.ui.hub import DataHub
from desktop.ui.style import tokens
from desktop.ui.tasks import TaskManager

ROLE = Qt.ItemDataRole.UserRole
PANEL_WIDTH = 280  # beside a 1366-px page the list and its form still fit
WIDE_WINDOW = 1200  # narrower windows get the panel below the page, not beside it
BOTTOM_HEIGHT = 150


class RemindersPanel(QDockWidget):
    open_record = Signal(str, str)  # kind, record id
    open_list = Signal(str, dict)  # kind, {"filters": ..., "description": ...}
    refreshed = Signal()

    def __init__(self, desk: Desk, tasks: TaskManager, hub: DataHub,
                 parent: QWidget | None = None, dismissals: Dismissals | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersDock")
        self.setWindowTitle(self.tr("Pengingat"))
        self.desk = desk
        self.tasks = tasks
        self.dismissals = dismissals or Dismissals()
        self.groups: list[ReminderGroup] = []
        self._generation = 0
        self._show_when_ready = False
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.LeftDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 6, 6, 6)
        self.empty = QLabel(self.tr("Tidak ada yang perlu diingatkan hari ini."), body)
        self.empty.setWordWrap(True)
        self.tree = QTreeWidget(body)
        self.tree.setObjectName("reminders")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(False)  # one line each: date first, the title elided after it
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setStretchLastSection(True)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._open(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.content = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.content.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.content, 1)
        self.content.addLayout(list_column := QVBoxLayout(), 1)
        list_column.addWidget(self.empty)
        list_column.addWidget(self.tree, 1)
        self.buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.content.addLayout(self.buttons)
        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Buka"), body)
        self.snooze_button = QPushButton(self.tr("Ingatkan besok"), body)
        self.dismiss_button = QPushButton(self.tr("Abaikan"), body)
        self.dismiss_button.setToolTip(self.tr("Jangan ingatkan lagi untuk tanggal ini"))
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            row.addWidget(button)
        self.buttons.addLayout(row)
        self.hide_today_button = QPushButton(self.tr("Sembunyikan sampai besok"), body)
        self.buttons.addWidget(self.hide_today_button)
        self.buttons.addStretch(1)
        self._button_row = row
        self.setWidget(body)
        self.open_button.clicked.connect(lambda: self._open(self.tree.currentItem()))
        self.snooze_button.clicked.connect(self.snooze_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.hide_today_button.clicked.connect(self.hide_today)
        hub.changed.connect(lambda *_: self.refresh() if self.isVisible() else None)
        self.resize(PANEL_WIDTH, self.height())
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def start(self) -> None:
        """On start-up: collect, and show the panel if something is due that it has not
        shown before (and it is not hidden for today)."""
        if self.dismissals.panel_hidden(date.today()):
            return
        self._show_when_ready = True
        self.refresh()

    def refresh(self) -> None:
        from desktop.core.settings import EXPIRY_DAYS, current

        self._generation += 1
        generation = self._generation
        expiry = int(current().get(EXPIRY_DAYS))
        today = date.today()
        self.tasks.run_report(lambda: collect(self.desk, today, expiry_days=expiry),
                          on_done=lambda groups: self._fill(groups, today, generation))

    def _fill(self, groups: list[ReminderGroup], today: date, generation: int) -> None:
        if generation != self._generation:
            return
        self.groups = groups
        visible = self.dismissals.visible(groups, today)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in visible:
            head = QTreeWidgetItem([f"{group.title} ({group.total})"])
            head.setToolTip(0, head.text(0))
            head.setFont(0, bold)
            head.setData(0, ROLE, group)
            self.tree.addTopLevelItem(head)
            for reminder in group.items:
                item = QTreeWidgetItem([self.line(reminder)])
                item.setToolTip(0, f"{reminder.title}\n{reminder.detail}")
                item.setData(0, ROLE, reminder)
                if reminder.due is not None and reminder.due < today:
                    item.setForeground(0, QBrush(QColor(tokens().bad)))  # as late tiles
                head.addChild(item)
            hidden_or_more = group.total - len(group.items)
            if hidden_or_more > 0:
                more = QTreeWidgetItem([self.tr("… semua {n} di daftar").replace(
                    "{n}", str(group.total))])
                more.setData(0, ROLE, group)
                head.addChild(more)
            head.setExpanded(True)
        self.empty.setVisible(not visible)
        self.tree.setVisible(bool(visible))
        self._update_buttons()
        if self._show_when_ready:
            self._show_when_ready = False
            if self.dismissals.new_since_seen(groups, today):
                self.show_beside_parent()
        if self.isVisible():
            self.dismissals.mark_seen(groups, today)
        self.refreshed.emit()

    def line(self, reminder: Reminder) -> str:
        """ "18 Jan 2027 · KB Kerja Sama …": the date first, where eliding cannot reach."""
        when = medium_date(reminder.due) if reminder.due else self.tr("belum pernah")
        return f"{when} · {reminder.title}"

    def show_beside_parent(self) -> None:
        """Show, docked beside the pages (never floating over them): at their right on a
        wide window, below them on a narrow one, where the right side has no room."""
        if self.isFloating():
            self.setFloating(False)
        window = self.parentWidget()
        if isinstance(window, QMainWindow):
            area = (Qt.DockWidgetArea.RightDockWidgetArea if window.width() >= WIDE_WINDOW
                    else Qt.DockWidgetArea.BottomDockWidgetArea)
            if window.dockWidgetArea(self) != area:
                window.addDockWidget(area, self)
            below = area == Qt.DockWidgetArea.BottomDockWidgetArea
            # below the page: the buttons stacked beside the list, so it takes little height
            self.content.setDirection(QBoxLayout.Direction.LeftToRight if below
                                      else QBoxLayout.Direction.TopToBottom)
            self._button_row.setDirection(QBoxLayout.Direction.TopToBottom if below
                                          else QBoxLayout.Direction.LeftToRight)
            if below:
                window.resizeDocks([self], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        self.show()
        self.raise_()
        if isinstance(window, QMainWindow):
            # the dock may make the window a few pixels taller: once laid out, its frame
            # is brought back inside the screen (seen at 1024x700: 1 px past the bottom)
            QTimer.singleShot(0, window, lambda: fit_to_screen(window, window.size(),
                                                               centre=False))
        if self.groups:
            self.dismissals.mark_seen(self.groups, date.today())

    # ------------------------------------------------------------------ actions
    def current_reminder(self) -> Reminder | None:
        item = self.tree.currentItem()
        value = item.data(0, ROLE) if item is not None else None
        return value if isinstance(value, Reminder) else None

    def _update_buttons(self) -> None:
        item = self.tree.currentItem()
        self.open_button.setEnabled(item is not None)
        has_reminder = self.current_reminder() is not None
        self.snooze_button.setEnabled(has_reminder)
        self.dismiss_button.setEnabled(has_reminder)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        value = item.data(0, ROLE) if item is not None else None
        if isinstance(value, Reminder):
            self.open_record.emit(value.kind, value.record_id)
        elif isinstance(value, ReminderGroup):
            self.open_list.emit(value.kind, {"filters": dict(value.filters),
                                             "description": value.title})

    def snooze_current(self) -> None:
        reminder = self.current_reminder()
        if reminder is not None:
            self.dismissals.snooze(reminder.key, date.today())
            self._fill(self.groups, date.today(), self._generation)

    def dismiss_current(self) -> None:
        reminder = self.current_reminder()
        if reminder is not None:
            self.dismissals.dismiss(reminder.key)
            self._fill(self.groups, date.today(), self._generation)

    def hide_today(self) -> None:
        self.dismissals.hide_all_today(date.today())
        self.hide()
