"""Alat → "Cadangkan sekarang" and "Pulihkan dari cadangan…", and the daily backup on
start: thin GUI over ``desktop.core.backups``, all work on the database worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core import backups
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.settings import BACKUP_KEEP, current
from desktop.ui import ask
from desktop.ui.tasks import TaskManager


class BackupActions(QObject):
    backed_up = Signal(str)  # path of the backup written
    restored = Signal(str)  # path of the safety backup taken before restoring
    # Alat → Cadangkan sekarang / Pulihkan dari cadangan…: rows of the window's action
    # table (desktop/ui/actions.py), which stores them here
    act_backup: QAction
    act_restore: QAction

    def __init__(self, desk: Desk, tasks: TaskManager, window: QWidget) -> None:
        super().__init__(window)
        self.desk, self.tasks, self.window = desk, tasks, window

    def backup(self) -> None:
        self.tasks.run_db(lambda: backups.backup_now(self.desk),
                          on_done=lambda path: self.backed_up.emit(str(path)),
                          on_error=self._failed, label=self.tr("Mencadangkan basis data…"),
                          parent_widget=self.window)

    def run_daily(self) -> None:
        """Once a day on start, quietly; a failure is logged and shown in the status bar."""
        keep = int(current().get(BACKUP_KEEP))
        self.tasks.run_db(lambda: backups.daily_backup(self.desk, keep),
                          on_done=lambda path: path and self.backed_up.emit(str(path)),
                          on_error=self._failed)

    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Pulihkan dari cadangan"), str(backups.default_folder()),
            self.tr("Cadangan Diskominfo Desk (*.sqlite3 *.dump)"))
        if path:
            self.restore(Path(path))

    def restore(self, path: Path) -> None:
        if not ask.confirm(
                self.window, self.tr("Pulihkan dari cadangan"),
                self.tr("Ganti seluruh isi basis data dengan cadangan {name}? Basis data saat "
                        "ini dicadangkan lebih dulu.").replace("{name}", path.name),
                self.tr("Pulihkan"), name="restoreBox"):
            return
        self.tasks.run_db(lambda: backups.restore(self.desk, path),
                          on_done=lambda safety: self.restored.emit(str(safety)),
                          on_error=self._failed, label=self.tr("Memulihkan basis data…"),
                          parent_widget=self.window)

    def _failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DeskError) else str(exc)
        QMessageBox.warning(self.window, self.tr("Cadangan"), message)
