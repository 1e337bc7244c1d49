"""Sinkronisasi: the catalog settings, the state of the sync, its conflicts and its log.

A thin view of ``desktop.sync``: settings live in the database (one register, one
catalog), the token in the keyring; a sync runs on the network pool with progress and a
Cancel button on this page (never a modal dialog: the window stays usable), and the
status bar shows Online/Offline and the number of local changes waiting. This page keeps
the run and the state; each box it shows is its own widget (see ``desktop.ui.sync``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.core.desk import Desk
from desktop.ui.hub import DataHub
from desktop.ui.sync.common import is_offline, local_time
from desktop.ui.sync.conflicts_box import ConflictsBox
from desktop.ui.sync.orgmap_box import OrgMapBox
from desktop.ui.sync.runs_box import RunLogBox
from desktop.ui.sync.settings_box import CatalogSettingsBox
from desktop.ui.sync.state import OFFLINE, ONLINE, UNKNOWN, PageState, ping_catalog, read_page_state
from desktop.ui.tasks import Task, TaskManager

PING_MS = 5 * 60_000  # how often the status bar's Online/Offline is checked


class SyncPage(QWidget):
    """See the module docstring."""

    status_changed = Signal(str, int)  # ONLINE/OFFLINE/UNKNOWN, local changes waiting
    open_record = Signal(str, str)  # kind, record id (a conflict's dataset)
    synced = Signal(object)  # the SyncSummary of a finished run

    def __init__(self, desk: Desk, tasks: TaskManager, hub: DataHub, view: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.desk = desk
        self.tasks = tasks
        self.hub = hub
        self.view = view
        self.state = UNKNOWN
        self.pending = 0
        self.configured: bool | None = None  # a catalog address saved (None: not read yet)
        self.running: Task | None = None
        self.quiet_run = False  # the current run is the periodic one: it asks nothing
        self.periodic = QTimer(self)
        self.periodic.timeout.connect(lambda: self.sync_now(quiet=True))
        self._build()
        if self.allowed:  # the catalog's settings and state are the sync roles' tables
            self.catalog_box.load_settings()
            self._apply_periodic()
        hub.changed.connect(lambda kind, _ids: self.refresh_state() if kind == "datasets"
                            else None)
        self.pinger = QTimer(self)
        self.pinger.setInterval(PING_MS)
        self.pinger.timeout.connect(self.ping)

    @property
    def conflicts(self) -> list[Any]:
        """The open conflicts as last read (the status bar counts them)."""
        return self.conflict_box.conflicts

    @property
    def allowed(self) -> bool:
        """May this person sync (``desktop.core.roles``: admin, sekretariat)? Otherwise the
        page reads nothing: PostgreSQL refuses the sync tables to the other roles."""
        from desktop.core.roles import SYNC

        access = getattr(self.desk, "access", None)
        return access is not None and access.can(SYNC)

    def start(self) -> None:
        """Begin the status checks; the window calls this once its first page is filled,
        so they do not compete with it at start-up."""
        if self.pinger.isActive() or not self.allowed:
            return
        self.pinger.start()
        self.refresh_state()
        self.ping()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        from desktop.ui.widgets.scroll_page import scrolling_column

        body, column = scrolling_column(self)
        head = QHBoxLayout()
        title = QLabel(self.tr("Sinkronisasi"), body)
        title.setObjectName("pageTitle")
        self.sync_button = QPushButton(self.tr("Sinkronkan sekarang"), body)
        self.sync_button.setObjectName("syncNow")
        self.cancel_button = QPushButton(self.tr("Batalkan"), body)
        self.cancel_button.setVisible(False)
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.cancel_button.clicked.connect(self.cancel)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.sync_button)
        head.addWidget(self.cancel_button)
        column.addLayout(head)
        self.summary = QLabel("", body)
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        column.addWidget(self.summary)
        # what the next sync does to datasets' visibility on the catalog, said beforehand
        self.visibility_note = QLabel("", body)
        self.visibility_note.setObjectName("catalogNotice")
        self.visibility_note.setWordWrap(True)
        self.visibility_note.setVisible(False)
        column.addWidget(self.visibility_note)
        self.progress = QProgressBar(body)
        self.progress.setVisible(False)
        self.progress_text = QLabel("", body)
        self.progress_text.setVisible(False)
        column.addWidget(self.progress)
        column.addWidget(self.progress_text)
        self.catalog_box = CatalogSettingsBox(self.desk, self.tasks, self.hub, self.view, body)
        self.catalog_box.saved.connect(self._settings_saved)
        self.catalog_box.connected.connect(self._connected)
        self.catalog_box.unreachable.connect(lambda: self._set_state(OFFLINE))
        self.orgmap_box = OrgMapBox(self.desk, self.tasks, body)
        self.orgmap_box.changed.connect(self.refresh_state)
        self.conflict_box = ConflictsBox(self.desk, self.tasks, self.hub, body)
        self.conflict_box.resolved.connect(self.refresh_state)
        self.conflict_box.open_record.connect(self.open_record)
        self.runs_box = RunLogBox(body)
        for box in (self.catalog_box, self.orgmap_box, self.conflict_box, self.runs_box):
            column.addWidget(box)
        column.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        """The keyring may be slow (D-Bus) or ask to be unlocked: ask it only when the
        page is looked at, never during start-up."""
        super().showEvent(event)
        self.catalog_box.show_token_state()

    def _settings_saved(self, url: str) -> None:
        self.configured = bool(url)
        self.status_changed.emit(self.state, self.pending)  # the status bar learns it now
        self._apply_periodic()

    def _connected(self, report: Any) -> None:
        self.orgmap_box.organizations = list(report.organizations)
        self.refresh_state()
        self._set_state(ONLINE)

    def _apply_periodic(self) -> None:
        minutes = self.catalog_box.every.value()
        if minutes:
            self.periodic.start(minutes * 60_000)
        else:
            self.periodic.stop()

    def _say(self, text: str, bad: bool = False) -> None:
        self.catalog_box.say(text, bad)

    def ping(self) -> None:
        """One quick status_show for the Online/Offline indicator (when configured),
        on the network worker."""
        if self.running is not None or not self.allowed:
            return
        self.tasks.run_net(lambda: ping_catalog(self.desk), on_done=self._set_state,
                           on_error=lambda _e: self._set_state(OFFLINE), cancellable=False)

    # ------------------------------------------------------------------ state
    def refresh_state(self) -> None:
        """Pending count, conflicts and the run log, read in the background."""
        if not self.allowed:
            return
        self.tasks.run_report(lambda: read_page_state(self.desk), on_done=self._show_state)

    def _show_state(self, state: PageState) -> None:
        self.pending = state.pending
        # a read begun before the address was saved here must not undo what was saved
        self.configured = state.configured or bool(self.catalog_box.url.text().strip())
        self.orgmap_box.fill(state.opds, state.chosen)
        last = state.runs[0] if state.runs else None
        parts = [self.tr("{n} perubahan lokal menunggu dikirim", "", self.pending).replace(
            "{n}", str(self.pending)),
                 self.tr("{n} konflik", "", len(state.conflicts)).replace(
                     "{n}", str(len(state.conflicts)))]
        if last is not None:
            parts.insert(0, self.tr("Sinkron terakhir {when}: {status}")
                         .replace("{when}", local_time(last.started_at))
                         .replace("{status}", self.runs_box.status_label(last.status)))
        else:
            parts.insert(0, self.tr("Belum pernah disinkronkan"))
        self.summary.setText(" · ".join(parts))
        self.visibility_note.setText("\n".join(state.visibility))
        self.visibility_note.setVisible(bool(state.visibility))
        self.conflict_box.show_conflicts(state.conflicts)
        self.runs_box.fill(state.runs)
        self.status_changed.emit(self.state, self.pending)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.status_changed.emit(state, self.pending)

    # ------------------------------------------------------------------ running
    def sync_now(self, quiet: bool = False, confirm_deletions: bool = False) -> Task | None:
        """One sync on the network pool; ``quiet`` (periodic) skips when unconfigured."""
        from desktop.core.errors import DeskError
        from desktop.sync import api
        from desktop.sync.api import catalog_config, load_catalog_settings

        if self.running is not None:
            return None
        try:  # configured? (settings only: the keyring is read on the worker)
            catalog_config(load_catalog_settings(self.desk.db))
        except DeskError as error:
            if not quiet:
                self._say(error.message, bad=True)
            return None

        def job(token: Any) -> Any:
            def progress(done: int, total: int, message: str) -> None:
                if not token.cancelled:  # the engine itself stops at its next check
                    token.progress(done, total, message)

            return api.run_sync(self.desk, progress=progress, token=token,
                                confirm_deletions=confirm_deletions)

        task = self.tasks.run_net(job, on_done=self._finished, on_error=self._failed,
                                  cancellable=True)
        task.signals.progress.connect(self._progress)
        self.running = task
        self.quiet_run = quiet
        self.sync_button.setEnabled(False)
        self.cancel_button.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.progress_text.setText(self.tr("Menyinkronkan…"))
        self.progress_text.setVisible(True)
        self._busy(True)
        return task

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.progress_text.setText(self.tr("Membatalkan…"))

    def _busy(self, busy: bool) -> None:
        """Conflicts wait while a run goes on: their choices are off until it ends."""
        self.conflict_box.busy = busy
        self.conflict_box.update_buttons()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(min(done, total))
        if message:
            self.progress_text.setText(message)

    def _end(self) -> None:
        self.running = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setVisible(False)
        self.progress.setVisible(False)
        self.progress_text.setVisible(False)
        self._busy(False)

    def _finished(self, summary: Any) -> None:
        self._end()
        self._set_state(ONLINE)
        text = (self.tr("Selesai: {pushed} dikirim, {pulled} diambil, {deleted} dihapus, "
                        "{conflicts} konflik, {errors} galat.")
                .replace("{pushed}", str(summary.pushed)).replace("{pulled}", str(summary.pulled))
                .replace("{deleted}", str(summary.deleted))
                .replace("{conflicts}", str(summary.conflicts))
                .replace("{errors}", str(summary.errors)))
        if summary.cancelled:
            text = self.tr("Dibatalkan. Yang sudah selesai tersimpan; sinkron berikutnya "
                           "melanjutkan.")
        self._say(text, bad=bool(summary.errors))
        if summary.pulled or summary.deleted:
            self.hub.notify("datasets", [])
        self.refresh_state()
        self.synced.emit(summary)
        if getattr(summary, "held_deletions", None):
            self._ask_held_deletions(summary.held_deletions)

    def _ask_held_deletions(self, titles: list[str]) -> None:
        """More datasets gone from the catalog than one sync deletes: the user decides."""
        from desktop.sync.api import DELETION_SHARE
        from desktop.ui import catalog_change

        self._say(self.tr("{n} dataset hilang dari katalog; belum ada yang dihapus di sini.", "",
                          len(titles))
                  .replace("{n}", str(len(titles))), bad=True)
        if catalog_change.ask_apply_deletions(self, titles, round(DELETION_SHARE * 100)):
            self.sync_now(confirm_deletions=True)

    def _failed(self, error: Exception) -> None:
        from desktop.core.jobs import Cancelled  # the sync's SyncCancelled is one too

        self._end()
        if isinstance(error, Cancelled):
            self._say(self.tr("Dibatalkan. Yang sudah selesai tersimpan; sinkron berikutnya "
                              "melanjutkan."))
        else:
            self._say(getattr(error, "message", str(error)), bad=True)
            if is_offline(error):
                self._set_state(OFFLINE)
        self.hub.notify("datasets", [])
        self.refresh_state()
        from desktop.sync.api import CatalogChangedError

        if isinstance(error, CatalogChangedError) and not getattr(self, "quiet_run", False):
            self._ask_catalog_changed(error)

    def _ask_catalog_changed(self, error: Any) -> None:
        """The configured catalog is not the links' one: same catalog moved, or another?"""
        from desktop.sync import api
        from desktop.ui import catalog_change

        answer = catalog_change.ask_same_or_other(self, error.linked_url, error.url)
        if answer is None:
            return
        if answer == catalog_change.SAME:
            api.move_catalog(self.desk, error.url)
        else:
            api.start_fresh_links(self.desk, error.url)
        self.sync_now()
