"""The main window: navigation, one page per record kind, menu, toolbar, status bar.

The window builds its parts and switches pages; the rest lives beside it: the actions,
menus and toolbar as a table (``desktop.ui.actions``), the side bar (``sidebar``), the
status bar (``window_status``), the record, sync and Pengguna pages (``window_pages``),
the size and page kept between runs (``window_state``), the order of the start
(``window_start``), and what the actions do (``window_dialogs``,
``list_transfer``, ``help_actions``, ``window_reload``, ``backup_actions``).

Two steps, so the window is on screen before the database layer is loaded
(``desktop.ui.app.run``): ``MainWindow(None, …)`` builds the frame (the side bar with the
Beranda only, the Beranda's empty tiles and chart frames, the menus and toolbar greyed
out) from Qt and light modules alone; ``attach(desk)`` then adds what the person's role
may see and do. ``MainWindow(desk, …)`` does both at once. Hence this module imports the
database layer, the record pages and the dialogs only inside the methods that use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop import APP_NAME
from desktop.ui import actions, help_actions, window_dialogs
from desktop.ui.beranda import BerandaPage
from desktop.ui.hub import DataHub
from desktop.ui.lazy_pages import LazyPages
from desktop.ui.role_view import readable_pages, shows_sync
from desktop.ui.sidebar import BERANDA, PEOPLE, SYNC, add_entry, build_sidebar, sidebar_width
from desktop.ui.tasks import TaskManager
from desktop.ui.widgets.status_bar import ElidingStatusBar
from desktop.ui.window_start import StartSequence

if TYPE_CHECKING:
    from desktop.core.desk import Desk
    from desktop.ui.people_page import PeoplePage
    from desktop.ui.record.page import RecordPage
    from desktop.ui.sync.page import SyncPage

SIDEBAR_KEY = "window/sidebar"  # the side bar's width with every page, for the frame


FIGURES_WAIT_MS = 1500  # the start builds the pages then at the latest (slow figures)
PAINT_WAIT_MS = 100  # ... and this long after the figures came if no paint shows them


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the user chose another language in the settings
    completed = Signal()  # attached: the pages, menus and actions are there

    def __init__(self, desk: Desk | None, settings: QSettings,
                 tasks: TaskManager | None = None) -> None:
        """With ``desk`` None only the frame is built (nothing can be done in it yet):
        ``attach`` completes it once the database is open."""
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.tasks = tasks or TaskManager(self)
        self.hub = DataHub(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._dialogs: dict[str, Any] = {}
        self.action_table: dict[str, QAction] = {}  # by name, see desktop.ui.actions
        # owned by the window, and stopped when it closes: nothing of it runs afterwards
        self.start_sequence = StartSequence(self)
        self.attached = False
        # a Beranda list asked for before the pages were built: opened once they are
        self._waiting_open: tuple[str, dict[str, Any]] | None = None
        self._frame()
        if desk is None:  # the shell of the first paint: greyed out until ``attach``
            self._placeholder_bar: QToolBar | None = actions.build_placeholders(self)
            from desktop.ui.window_state import restore_size

            restore_size(self)  # its size at the first paint already
            self.statusBar().showMessage(self.tr("Membuka basis data…"))
        else:
            self._placeholder_bar = None
            self.attach(desk)

    def attach(self, desk: Desk, *, figures_first: bool = False) -> None:
        """The database is open: the pages the person's role may read, the status bar,
        the actions with the role's refusals, the Beranda's figures; ``completed`` then.

        ``figures_first`` (the program's start, opening on the Beranda): the figures are
        put on screen before the rest is built, which takes the interpreter for a few
        hundred milliseconds (the Sinkronisasi page alone loads the HTTP stack); until
        then the frame stays as it was, menus greyed out."""
        self.desk = desk
        # opening on the Beranda: its figures are asked for first, so their queries run
        # on the worker while the pages are built here (or, figures first, before them)
        early = str(self.settings.value("window/page", "") or "") in ("", BERANDA)
        shown = self.beranda.board is not None  # the start's quick reading filled it
        if early:
            self.beranda.attach(desk)
        if early and figures_first and not shown:
            self._complete_after_figures()
        else:
            self._complete(early)

    def _complete_after_figures(self) -> None:
        """Build the rest once the Beranda's figures have been painted, or after
        FIGURES_WAIT_MS if they are slow to come (a huge register, a busy server)."""
        from desktop.ui.after_paint import AfterPaint

        def complete() -> None:  # once, whichever comes first; not if closed meanwhile
            if not self.attached and self.isVisible():
                self._complete(True)

        def figures_shown() -> None:
            self.beranda.refreshed.disconnect(figures_shown)
            AfterPaint(self.beranda, complete, PAINT_WAIT_MS)

        self.beranda.refreshed.connect(figures_shown)
        QTimer.singleShot(FIGURES_WAIT_MS, complete)

    def _complete(self, beranda_attached: bool) -> None:
        from desktop.ui.wheel_guard import install_wheel_guard

        # with the forms: a Python filter on every event of the application, and the
        # frame has no field a wheel could change
        install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
        self.statusBar().clearMessage()
        self._build()
        self._build_helpers()
        from desktop.ui.live import LiveUpdates

        # other workstations' saves (PostgreSQL NOTIFY) reach the lists and open forms
        self.live = LiveUpdates(self.desk, self.hub, self)
        if self._placeholder_bar is not None:
            self.menuBar().clear()
            self.removeToolBar(self._placeholder_bar)
            self._placeholder_bar.deleteLater()
            self._placeholder_bar = None
        self.action_table = actions.build_actions(self)
        self.attached = True
        self.start_sequence.begin()
        actions.update_enabled(self, self.page)  # the role's refusals from the start
        if not beranda_attached:  # computed when the Beranda is shown, if not the start
            self.beranda.attach(self.desk)  # type: ignore[arg-type]
        if self._waiting_open is not None:
            kind, request = self._waiting_open
            self._waiting_open = None
            self.open_filtered(kind, request)
        self.completed.emit()

    def _frame(self) -> None:
        """The side bar with the Beranda, the Beranda itself: no database needed."""
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.side, self.office_label, self.navigation = build_sidebar(central, "")
        self.stack = QStackedWidget(central)
        self.beranda = BerandaPage(None, self.tasks, self.hub, self.stack)
        self.beranda.navigate.connect(self.open_filtered)
        self.beranda.report_requested.connect(self.open_report)
        self.stack.addWidget(self.beranda)
        add_entry(self.navigation, "beranda", self.tr("Beranda"), BERANDA)
        self.slots: dict[str, QWidget] = {}  # stand-ins in the stack for unbuilt pages
        self.pages = LazyPages([], self._make_page)
        self.sync_page: SyncPage | None = None
        self.people_page: PeoplePage | None = None
        # as wide as when the pages were there last time: the side bar does not jump
        self.side.setFixedWidth(max(sidebar_width(self.navigation),
                                    int(self.settings.value(SIDEBAR_KEY, 0) or 0)))
        row.addWidget(self.side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setStatusBar(ElidingStatusBar(self))  # long messages end in "…", not cut

    def _make_page(self, kind: str) -> RecordPage:
        from desktop.ui import window_pages

        return window_pages.make_record_page(self, kind)

    def _build(self) -> None:
        """What the person's role decides: the office's name, the pages, the status bar."""
        from desktop.core.kinds import KINDS
        from desktop.ui import window_pages

        office = self.desk.office.get()
        if office:
            self.office_label.setText(office["nama"])
        else:
            self.office_label.setText(self.tr("Kantor belum diatur"))
        access = self.desk.access
        specs = readable_pages(access)  # no page of a kind the role may not read
        for spec in specs:
            slot = QWidget(self.stack)
            self.slots[spec.kind] = slot
            self.stack.addWidget(slot)
            add_entry(self.navigation, spec.icon, str(KINDS[spec.kind].plural), spec.kind,
                      tooltip=True)
        self.pages = LazyPages([spec.kind for spec in specs], self._make_page)
        self.sync_page, self.people_page = window_pages.add_role_pages(self, access)
        self.navigation.currentRowChanged.connect(self._switch)
        width = sidebar_width(self.navigation)
        self.side.setFixedWidth(width)
        self.settings.setValue(SIDEBAR_KEY, width)
        from desktop.ui.window_status import WindowStatus

        self.window_status = WindowStatus(self, self.desk.db.display_url, self.sync_page,
                                          self.tasks, lambda: self.show_page(SYNC))
        self.db_label = self.window_status.db_label
        self.busy_label = self.window_status.busy_label
        self.sync_status = self.window_status.sync_status
        self.sync_status.setVisible(shows_sync(access))

    def _build_helpers(self) -> None:
        """The objects some actions belong to: list import/export, backups, reminders."""
        from desktop.ui.backup_actions import BackupActions
        from desktop.ui.list_transfer import ListTransfer
        from desktop.ui.reminders_panel import RemindersPanel

        self.transfer = ListTransfer(self)
        self.backups = BackupActions(self.desk, self.tasks, self)
        self.backups.backed_up.connect(lambda path: self.statusBar().showMessage(
            self.tr("Cadangan ditulis: {path}").replace("{path}", path), 8000))
        self.backups.restored.connect(self._after_restore)
        self.reminders = RemindersPanel(self.desk, self.tasks, self.hub, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.reminders)
        self.reminders.hide()
        self.reminders.open_record.connect(self.open_record)
        self.reminders.open_list.connect(self.open_filtered)

    def draft_agreement(self, draft: dict[str, Any], visit_id: str) -> None:
        """A visit's "draft an agreement": the agreements page opens with the draft."""
        from desktop.ui.agreement_pages import AgreementPage

        self.show_kind("agreements")
        agreements = self.pages["agreements"]
        assert isinstance(agreements, AgreementPage)
        agreements.load_draft(draft, visit_id)

    def offer_drafts(self) -> None:
        """After a crash: offer back the unsaved edits left in recovery files."""
        from desktop.ui.draft_recovery import offer_drafts

        dialog = offer_drafts(self)
        if dialog is not None:
            self._dialogs["drafts"] = dialog

    def restore_draft(self, draft: Any) -> None:
        """Open a recovered draft in its page's form."""
        self.show_kind(draft.kind).restore_draft(draft)

    # ------------------------------------------------------------------ navigation
    @property
    def page(self) -> RecordPage | None:
        """The record page shown, or None on the Beranda (and in the frame)."""
        widget = self.stack.currentWidget()
        return next((page for page in self.pages.built().values() if page is widget), None)

    @property
    def current_key(self) -> str:
        page = self.page
        if page is not None:
            return page.kind.name
        if self.people_page is not None and self.stack.currentWidget() is self.people_page:
            return PEOPLE
        return SYNC if self.stack.currentWidget() is self.sync_page else BERANDA

    def _switch(self, row: int) -> None:
        if row < 0:
            return
        key = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        if key in self.pages:
            self.pages[key]  # built on first use, in place of its stand-in
        self.stack.setCurrentIndex(row)
        if key == PEOPLE and self.people_page is not None:
            self.people_page.refresh()
        page = self.page
        if not self.action_table:
            return  # still building: the actions follow the page once they exist
        actions.update_enabled(self, page)
        if page is not None and page.model.rowCount() == 0 and not page.model.query.text:
            page.model.refresh()

    def show_kind(self, kind: str) -> RecordPage:
        self.show_page(kind)
        return self.pages[kind]

    def show_page(self, key: str) -> None:
        """Show the Beranda or a record kind's page by its navigation key."""
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.navigation.setCurrentRow(row)

    def _readable(self, kind: str) -> bool:
        """A kind with a page here; else (the role may not read it) said in the status bar."""
        if kind in self.pages:
            return True
        from desktop.core.kinds import KINDS

        self.statusBar().showMessage(self.tr("Peran Anda tidak mengizinkan membuka {what}.")
                                     .replace("{what}", str(KINDS[kind].plural)), 6000)
        return False

    def open_record(self, kind: str, record_id: str) -> None:
        """Show one record on its page (asking first if that page has unsaved edits)."""
        if not self._readable(kind):
            return
        page = self.show_kind(kind)
        if page.current_id != record_id and page.confirm_discard():
            page.open_record(record_id)

    def show_reminders(self) -> None:
        self.reminders.show_beside_parent()
        self.reminders.refresh()

    def open_filtered(self, kind: str, request: dict[str, Any]) -> None:
        if not self.attached:  # a tile clicked while the window is still being opened
            self._waiting_open = (kind, request)
            self.statusBar().showMessage(self.tr("Daftar dibuka setelah basis data siap…"))
            return
        if not self._readable(kind):
            return
        page = self.show_kind(kind)
        page.set_external_filter(request.get("filters", {}), request.get("description", ""))

    # ------------------------------------------------------------------ actions
    # What the menus do lives in small modules; these names are the window's API
    # (the action table, the Beranda, the settings dialog and the tests call them).
    def export_list(self) -> None:
        self.transfer.export_list()

    def import_sheet(self) -> None:
        self.transfer.import_sheet()

    def open_settings(self) -> None:
        window_dialogs.open_settings(self)

    def open_templates(self) -> None:
        window_dialogs.open_templates(self)

    def open_report(self) -> None:
        window_dialogs.open_report(self)

    def load_demo(self) -> bool:
        """Bantuan → Isi data contoh (see ``desktop.ui.help_actions``)."""
        return help_actions.load_demo(self)

    def about(self) -> None:
        help_actions.about(self)

    def _after_restore(self, safety: str) -> None:
        from desktop.ui import window_reload

        window_reload.after_restore(self, safety)

    def office_saved(self, office: dict[str, Any]) -> None:
        """Pengaturan → Profil kantor saved: the side bar names the office."""
        self.office_label.setText(office.get("nama") or "")

    # ------------------------------------------------------------------ state
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.attached:  # closed while the database was opening: nothing to keep
            self.start_sequence.stop()
            event.accept()
            return
        for kind, page in self.pages.built().items():
            if page.form.is_dirty():
                self.show_kind(kind)  # show the page whose changes are asked about
                if not page.confirm_discard():
                    event.ignore()
                    return
        for page in self.pages.built().values():
            page.drafts.drop()  # every unsaved edit was saved or discarded just now
            page.save_view_state()
        from desktop.ui.window_state import save_geometry

        save_geometry(self)
        self.start_sequence.stop()
        self.live.stop()
        self.tasks.wait(10_000)
        event.accept()
