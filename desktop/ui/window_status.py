"""The main window's status bar: the database in use, "Bekerja…" while a task runs, and
the catalog's state (Online/Offline, local changes waiting, open conflicts) on a button
that opens the Sinkronisasi page.

A QObject child of the window, so its slots are disconnected when the window goes (the
task manager outlives a window rebuilt for another language).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton


class WindowStatus(QObject):
    def __init__(self, window: QMainWindow, db_url: str, sync_page: Any, tasks: Any,
                 open_sync: Callable[[], None]) -> None:
        super().__init__(window)
        from desktop.ui.widgets.elided import ElidedLabel

        self.sync_page = sync_page
        bar = window.statusBar()
        # a long database path elides in the middle instead of widening the window
        self.db_label = ElidedLabel(db_url, window, Qt.TextElideMode.ElideMiddle)
        self.db_label.setObjectName("databaseLabel")
        bar.addPermanentWidget(self.db_label)
        self.busy_label = QLabel("", window)
        bar.addPermanentWidget(self.busy_label)
        self.sync_status = QPushButton("", window)
        self.sync_status.setObjectName("syncStatus")
        self.sync_status.setFlat(True)
        self.sync_status.setToolTip(self.tr("Buka halaman Sinkronisasi"))
        self.sync_status.clicked.connect(open_sync)
        bar.addPermanentWidget(self.sync_status)
        sync_page.status_changed.connect(self.show_sync)
        self.show_sync(sync_page.state, sync_page.pending)
        tasks.busy_changed.connect(self.show_busy)

    def show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Bekerja…") if busy else "")

    def show_sync(self, state: str, pending: int) -> None:
        """Online/Offline, the local changes waiting and every open conflict (the count
        each sync's summary gives)."""
        configured = getattr(self.sync_page, "configured", None)
        if configured is False:  # nothing can be waiting for a catalog nobody set up
            self.sync_status.setText(self.tr("Katalog belum diatur"))
            return
        word = {"online": self.tr("● Online"),
                "offline": self.tr("○ Offline")}.get(
            state, self.tr("Katalog"))
        if configured is None:
            self.sync_status.setText(word)
            return
        text = (self.tr("{state} · {n} menunggu sinkron")
                .replace("{state}", word).replace("{n}", str(pending)))
        conflicts = len(getattr(self.sync_page, "conflicts", None) or [])
        if conflicts:
            text += " · " + self.tr("{n} konflik", "", conflicts).replace(
                "{n}", str(conflicts))
        self.sync_status.setText(text)
