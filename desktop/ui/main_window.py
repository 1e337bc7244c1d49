"""The main window: navigation, one page per record kind, menu, toolbar, status bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.core.choices import FREKUENSI
from desktop.core.desk import Desk
from desktop.core.formatting import number
from desktop.core.kinds import KINDS
from desktop.core.resources import resource_path
from desktop.ui.agreement_pages import AgreementPage, VisitPage
from desktop.ui.beranda import BerandaPage
from desktop.ui.hub import DataHub
from desktop.ui.lazy_pages import LazyPages
from desktop.ui.page_specs import PAGES
from desktop.ui.record.page import RecordPage
from desktop.ui.tasks import TaskManager

PAGE_CLASSES: dict[str, type[RecordPage]] = {"visits": VisitPage, "agreements": AgreementPage}
BERANDA = "beranda"  # the first navigation entry
SYNC = "sync"  # the last one; the ones between are record kinds
FIRST_PAGE_GRACE_MS = 3000  # background checks start then at the latest
AFTER_PAINT_MS = 50  # from the first page filled to the background checks
IDLE_BUILD_MS = 150  # between building two not-yet-opened pages
SIDEBAR_WIDTH = 200  # at least; wider when its longest entry needs it (_sidebar_width)
SIDEBAR_MAX_WIDTH = 240  # every pixel more is taken from the pages
PREFERRED_SIZE = QSize(1366, 860)  # clamped to the screen: a 1366×768 laptop's full width


def on_screen(dialog: QWidget) -> None:
    """A dialog opened from the menus: within this screen's free area at every show
    (the templates editor asks for 724 px, more than a 1024×700 screen has)."""
    from desktop.ui.geometry import keep_on_screen

    keep_on_screen(dialog)


def nav_icon(name: str) -> QIcon:
    """A side-bar icon in the scheme's colours (readable on dark and when selected)."""
    from desktop.ui.icons import tinted_icon

    return tinted_icon(resource_path("icons", f"nav-{name}.svg"))


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the user chose another language in the settings

    def __init__(self, desk: Desk, settings: QSettings, tasks: TaskManager | None = None
                 ) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings
        self.tasks = tasks or TaskManager(self)
        self.hub = DataHub(self)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self._dialogs: dict[str, Any] = {}
        self._started = False
        self._closed = False
        # owned by the window, and stopped when it closes: nothing of it runs afterwards
        self._grace = self._timer(self._after_first_page)
        self._idle_build = self._timer(self._build_idle_pages, IDLE_BUILD_MS)
        from desktop.ui.wheel_guard import install_wheel_guard

        install_wheel_guard(QApplication.instance())  # type: ignore[arg-type]
        self._build()
        self._build_actions()
        self._restore()

    def _timer(self, slot: Any, interval: int = 0) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(slot)
        return timer

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget(central)
        side.setObjectName("sidebar")
        side.setFixedWidth(SIDEBAR_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        brand = QLabel(APP_NAME, side)
        brand.setObjectName("brand")
        office = self.desk.office.get()
        sub = QLabel(office["nama"] if office else self.tr("Kantor belum diatur"), side)
        sub.setObjectName("brandSub")
        sub.setWordWrap(True)
        self.office_label = sub
        self.navigation = QListWidget(side)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(self.tr("Navigasi"))
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_layout.addWidget(brand)
        side_layout.addWidget(sub)
        side_layout.addWidget(self.navigation, 1)
        self.stack = QStackedWidget(central)
        self.beranda = BerandaPage(self.desk, self.tasks, self.hub, self.stack)
        self.beranda.navigate.connect(self.open_filtered)
        self.beranda.report_requested.connect(self.open_report)
        self.stack.addWidget(self.beranda)
        home = QListWidgetItem(nav_icon("beranda"), self.tr("Beranda"))
        home.setData(Qt.ItemDataRole.UserRole, BERANDA)
        self.navigation.addItem(home)
        self._slots: dict[str, QWidget] = {}  # stand-ins in the stack for unbuilt pages
        for spec in PAGES:
            slot = QWidget(self.stack)
            self._slots[spec.kind] = slot
            self.stack.addWidget(slot)
            item = QListWidgetItem(nav_icon(spec.icon), str(KINDS[spec.kind].plural))
            item.setToolTip(item.text())  # elided when the side bar is narrow
            item.setData(Qt.ItemDataRole.UserRole, spec.kind)
            self.navigation.addItem(item)
        self.pages = LazyPages([spec.kind for spec in PAGES], self._make_page)
        from desktop.ui.sync.page import SyncPage

        self.sync_page = SyncPage(self.desk, self.tasks, self.hub, self.settings, self.stack)
        self.sync_page.open_record.connect(self.open_record)
        self.stack.addWidget(self.sync_page)
        item = QListWidgetItem(nav_icon("sync"), self.tr("Sinkronisasi"))
        item.setData(Qt.ItemDataRole.UserRole, SYNC)
        self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._switch)
        side.setFixedWidth(self._sidebar_width())
        row.addWidget(side)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        from desktop.ui.widgets.elided import ElidedLabel

        # a long database path elides in the middle instead of widening the window
        self.db_label = ElidedLabel(self.desk.db.display_url, self,
                                    Qt.TextElideMode.ElideMiddle)
        self.db_label.setObjectName("databaseLabel")
        self.statusBar().addPermanentWidget(self.db_label)
        self.busy_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.sync_status = QPushButton("", self)
        self.sync_status.setObjectName("syncStatus")
        self.sync_status.setFlat(True)
        self.sync_status.setToolTip(self.tr("Buka halaman Sinkronisasi"))
        self.sync_status.clicked.connect(lambda: self.show_page(SYNC))
        self.statusBar().addPermanentWidget(self.sync_status)
        self.sync_page.status_changed.connect(self._sync_status)
        self._sync_status(self.sync_page.state, self.sync_page.pending)
        # a bound method, so Qt disconnects it when this window is destroyed (the task
        # manager outlives a window rebuilt for another language)
        self.tasks.busy_changed.connect(self._show_busy)

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Bekerja…") if busy else "")

    def _make_page(self, kind: str) -> RecordPage:
        """Build a record page in place of its stand-in (see ``LazyPages``)."""
        spec = next(spec for spec in PAGES if spec.kind == kind)
        page = PAGE_CLASSES.get(kind, RecordPage)(self.desk, spec, self.tasks, self.hub,
                                                  self.settings, self.stack)
        page.navigate.connect(self.open_filtered)
        page.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        slot = self._slots.pop(kind)
        current = self.stack.currentWidget() is slot
        self.stack.insertWidget(self.stack.indexOf(slot), page)
        if current:
            self.stack.setCurrentWidget(page)
        self.stack.removeWidget(slot)
        slot.deleteLater()
        if kind == "datasets":
            page.mark_rows(self._overdue_note, lambda n: self.tr(
                "{n} terlambat diperbarui", "", n).replace("{n}", number(n)),
                           self.tr("Baris berwarna: dataset yang belum diperbarui sesuai "
                                   "frekuensinya. Arahkan penunjuk ke baris untuk rinciannya."),
                           lambda: {"terlambat": 1})
        if isinstance(page, VisitPage):
            page.draft_agreement.connect(self._draft_agreement)
        return page

    def _draft_agreement(self, draft: dict[str, Any], visit_id: str) -> None:
        """A visit's "draft an agreement": the agreements page opens with the draft."""
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

    def _build_idle_pages(self) -> None:
        """Build the remaining pages one per pause, so opening them later is instant."""
        kind = self.pages.next_unbuilt()
        if kind is not None and not self._closed:
            self.pages[kind]
            self._idle_build.start()

    def _sync_status(self, state: str, pending: int) -> None:
        """Online/Offline, the local changes waiting and every open conflict (the count
        each sync's summary gives), in the status bar."""
        configured = getattr(self.sync_page, "configured", None)
        if configured is False:  # nothing can be waiting for a catalog nobody set up
            self.sync_status.setText(self.tr("Katalog belum diatur"))
            return
        word = {"online": self.tr("● Online"), "offline": self.tr("○ Offline")}.get(
            state, self.tr("Katalog"))
        if configured is None:
            self.sync_status.setText(word)
            return
        text = (self.tr("{state} · {n} menunggu sinkron")
                .replace("{state}", word).replace("{n}", str(pending)))
        conflicts = len(getattr(self.sync_page, "conflicts", None) or [])
        if conflicts:
            text += " · " + self.tr("{n} konflik", "", conflicts).replace("{n}", str(conflicts))
        self.sync_status.setText(text)

    def _overdue_note(self, row: dict[str, Any]) -> str | None:
        from desktop.core.freshness import is_overdue

        if is_overdue(row["frekuensi"], row.get("terakhir_diperbarui"), date.today()):
            return self.tr("Terlambat diperbarui (frekuensi: {f})").replace(
                "{f}", FREKUENSI.label(row["frekuensi"]))
        return None

    def _action(self, text: str, shortcut: QKeySequence | str | None, slot: Any,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip or text.replace("&", ""))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.act_new = self._action(self.tr("&Baru"), key.New,
                                    lambda: self._on_page(RecordPage.start_new))
        self.act_save = self._action(self.tr("&Simpan"), key.Save,
                                     lambda: self._on_page(RecordPage.save))
        self.act_delete = self._action(self.tr("&Hapus"), "Ctrl+Delete",
                                       lambda: self._on_page(RecordPage.delete))
        self.act_search = self._action(self.tr("&Cari"), key.Find,
                                       lambda: self._on_page(RecordPage.focus_search))
        self.act_export = self._action(self.tr("&Ekspor daftar…"), "Ctrl+E",
                                       self.export_list)
        self.act_import = self._action(self.tr("&Impor dari lembar kerja…"), "Ctrl+I",
                                       self.import_sheet)
        self.act_settings = self._action(self.tr("&Pengaturan…"), "Ctrl+,", self.open_settings)
        from desktop.ui.backup_actions import BackupActions

        self.backups = BackupActions(self.desk, self.tasks, self)
        self.backups.backed_up.connect(lambda path: self.statusBar().showMessage(
            self.tr("Cadangan ditulis: {path}").replace("{path}", path), 8000))
        self.backups.restored.connect(self._after_restore)
        self.act_templates = self._action(self.tr("&Templat naskah KB/PKS…"), None,
                                          self.open_templates)
        self.act_report = self._action(self.tr("&Laporan kegiatan…"), "Ctrl+Shift+L",
                                       self.open_report)
        self.act_sync = self._action(self.tr("Sin&kronkan"), "F9",
                                     lambda: self.sync_page.sync_now(),
                                     self.tr("Sinkronkan dataset dengan katalog data (F9)"))
        # Ctrl+Q everywhere: the standard Quit key is empty on Windows and some desktops
        self.act_quit = self._action(self.tr("&Keluar"), "Ctrl+Q", self.close)
        self.act_about = self._action(self.tr("&Tentang Diskominfo Desk"), None, self.about)
        self.act_demo = self._action(self.tr("Isi data &contoh…"), None, self.load_demo)
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&Berkas"))
        for action in (self.act_new, self.act_save, self.act_delete):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_report)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu(self.tr("&Sunting"))
        edit_menu.addAction(self.act_search)
        tools = menu.addMenu(self.tr("&Alat"))
        tools.addAction(self.act_sync)
        tools.addSeparator()
        tools.addAction(self.act_templates)
        tools.addSeparator()
        tools.addAction(self.backups.act_backup)
        tools.addAction(self.backups.act_restore)
        tools.addSeparator()
        tools.addAction(self.act_settings)
        go = menu.addMenu(self.tr("&Buka"))
        for index in range(self.navigation.count()):
            action = self._action(self.navigation.item(index).text(), f"Ctrl+{index + 1}",
                                  lambda _c=False, i=index: self.navigation.setCurrentRow(i))
            go.addAction(action)
        from desktop.ui.reminders_panel import RemindersPanel

        self.reminders = RemindersPanel(self.desk, self.tasks, self.hub, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.reminders)
        self.reminders.hide()
        self.reminders.open_record.connect(self.open_record)
        self.reminders.open_list.connect(self.open_filtered)
        self.act_reminders = self._action(self.tr("&Pengingat"), "Ctrl+Shift+R",
                                          self.show_reminders)
        go.addSeparator()
        go.addAction(self.act_reminders)
        help_menu = menu.addMenu(self.tr("Ban&tuan"))
        help_menu.addAction(self.act_demo)
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)
        toolbar = self.addToolBar(self.tr("Alat utama"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_new, self.act_save, self.act_delete, None, self.act_search,
                       self.act_export, None, self.act_sync, self.act_settings):
            if action is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(action)

    # ------------------------------------------------------------------ navigation
    @property
    def page(self) -> RecordPage | None:
        """The record page shown, or None on the Beranda."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, RecordPage) else None

    @property
    def current_key(self) -> str:
        page = self.page
        if page is not None:
            return page.kind.name
        return SYNC if self.stack.currentWidget() is self.sync_page else BERANDA

    def _on_page(self, action: Any) -> None:
        """Record actions (new, save, …) apply to the record page shown, if any.

        Looked up by name on the page, so a page's own version runs (the agreements
        page's "Baru" starts from the office's KB template, not from a blank form)."""
        page = self.page
        if page is not None:
            getattr(page, action.__name__)()

    def _switch(self, row: int) -> None:
        if row < 0:
            return
        key = self.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        if key in self.pages:
            self.pages[key]  # built on first use, in place of its stand-in
        self.stack.setCurrentIndex(row)
        page = self.page
        if not hasattr(self, "act_import"):
            return
        from desktop.core.importing.mapping import IMPORT_KINDS

        for action in (self.act_new, self.act_save, self.act_delete, self.act_search,
                       self.act_export):
            action.setEnabled(page is not None)
        self.act_import.setEnabled(page is not None and page.kind.name in IMPORT_KINDS)
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

    def open_record(self, kind: str, record_id: str) -> None:
        """Show one record on its page (asking first if that page has unsaved edits)."""
        page = self.show_kind(kind)
        if page.current_id != record_id and page.confirm_discard():
            page.open_record(record_id)

    def show_reminders(self) -> None:
        self.reminders.show_beside_parent()
        self.reminders.refresh()

    def open_filtered(self, kind: str, request: dict[str, Any]) -> None:
        page = self.show_kind(kind)
        page.set_external_filter(request.get("filters", {}), request.get("description", ""))

    # ------------------------------------------------------------------ actions
    def export_list(self) -> None:
        """The list as shown (filter, sort) to XLSX, CSV or a printable PDF report."""
        from desktop.documents.list_export import write_list

        page = self.page
        if page is None:
            return
        xlsx, csv_, pdf = (self.tr("Excel (*.xlsx)"), self.tr("CSV (*.csv)"),
                           self.tr("Laporan PDF (*.pdf)"))
        from desktop.ui.save_paths import EXPORT, ask_save_path, dated_name

        # "Dataset 2026-12-04.xlsx" in the last export folder (else Documents)
        path, chosen = ask_save_path(self, EXPORT, self.tr("Ekspor daftar"),
                                     dated_name(str(page.kind.plural), ".xlsx"),
                                     f"{xlsx};;{csv_};;{pdf}")
        if not path:
            return
        suffix = {xlsx: ".xlsx", csv_: ".csv", pdf: ".pdf"}.get(chosen, ".xlsx")
        if Path(path).suffix.lower() not in (".xlsx", ".csv", ".pdf"):
            path += suffix
        query = page.model.query
        title = str(page.kind.plural)
        self.tasks.run_db(
            lambda token: write_list(page.service, query, path, progress=token.progress,
                                     title=title),
            on_done=lambda n: self.statusBar().showMessage(
                self.tr("{n} baris diekspor ke {path}", "", n).replace("{n}", str(n))
                .replace("{path}", path), 6000),
            label=self.tr("Mengekspor daftar…"), parent_widget=self, cancellable=True)

    def import_sheet(self) -> None:
        """Import into the kind of the page shown (where importing makes sense)."""
        from desktop.core.importing.mapping import IMPORT_KINDS
        from desktop.ui.import_dialog import ImportDialog

        kind = self.page.kind.name if self.page is not None else ""
        if kind not in IMPORT_KINDS:
            self.statusBar().showMessage(self.tr("Impor tidak tersedia di halaman ini."), 6000)
            return
        dialog = ImportDialog(self.desk, self.tasks, kind, self)
        on_screen(dialog)
        dialog.imported.connect(self.hub.notify)
        self._dialogs["import"] = dialog
        dialog.open()

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        dialog = self._dialogs.get("settings")
        if dialog is None or not dialog.isVisible():
            dialog = SettingsDialog(self.desk, self.settings, self)
            on_screen(dialog)
            dialog.office_saved.connect(self._office_saved)
            dialog.language_changed.connect(self.language_changed)
            self._dialogs["settings"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _after_restore(self, safety: str) -> None:
        """Every page reads the restored data; unsaved forms are dropped with it."""
        for page in self.pages.built().values():
            page.form.mark_clean()
            page.new_record(ask=False)
            page.model.invalidate_all()
            page.model.refresh()
        self.beranda.refresh()
        QMessageBox.information(
            self, self.tr("Pulihkan dari cadangan"),
            self.tr("Basis data dipulihkan. Isi sebelumnya dicadangkan ke {path}.")
            .replace("{path}", safety))

    def open_templates(self) -> None:
        """One template editor at a time, like the settings dialog."""
        from desktop.ui.template_dialog import TemplateDialog

        dialog = self._dialogs.get("templates")
        if dialog is None or not dialog.isVisible():
            dialog = TemplateDialog(self)
            on_screen(dialog)
            self._dialogs["templates"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def open_report(self) -> None:
        """The period report ("Laporan Kegiatan") dialog, one at a time."""
        from desktop.ui.report_dialog import ReportDialog

        dialog = self._dialogs.get("report")
        if dialog is None or not dialog.isVisible():
            dialog = ReportDialog(self.desk, self.tasks, self)
            on_screen(dialog)
            self._dialogs["report"] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def load_demo(self) -> bool:
        """Bantuan → Isi data contoh: asks before replacing the office profile, refuses
        over records (see ``desktop.ui.demo_action``). False when nothing was started."""
        from desktop.ui.demo_action import load_demo_asking

        return load_demo_asking(self, self.desk, self.tasks, self._demo_loaded)

    def _demo_loaded(self, _summary: Any) -> None:
        office = self.desk.office.get()
        self.office_label.setText(office["nama"] if office else "")
        for kind in KINDS:
            self.hub.notify(kind, [])
        self.beranda.refresh()
        self.statusBar().showMessage(self.tr("Data contoh dimuat."), 6000)

    def _office_saved(self, office: dict[str, Any]) -> None:
        self.office_label.setText(office.get("nama") or "")

    def about(self) -> None:
        """QMessageBox.about's own button says "OK" (Qt has no Indonesian catalogue):
        the same box, closed with the program's "Tutup"."""
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("Tentang Diskominfo Desk"))
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.setText(
            self.tr("<b>Diskominfo Desk</b> {version}<br>Register aplikasi, dataset, kunjungan "
                    "dan kerja sama Dinas Komunikasi dan Informatika.<br>Data wilayah: "
                    "Kepmendagri 300.2.2-2138/2025 (cahyadsn/wilayah, MIT).")
            .replace("{version}", __version__))
        close = box.addButton(self.tr("&Tutup"), QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(close)
        box.exec()

    def _sidebar_width(self) -> int:
        """Room for the longest entry ("Perangkat Daerah", "Regional work units") in the
        navigation's own font, never less than SIDEBAR_WIDTH nor more than SIDEBAR_MAX_WIDTH:
        the pages keep the rest."""
        from PySide6.QtGui import QFont, QFontMetrics

        from desktop.ui.palette import FONT_NAV, SPACE_M

        font = QFont(self.navigation.font())
        font.setPointSizeF(FONT_NAV)
        metrics = QFontMetrics(font)
        longest = max(metrics.horizontalAdvance(self.navigation.item(row).text())
                      for row in range(self.navigation.count()))
        # icon and its gap, the item's padding and margins, the frame and the focus ring
        # (and the side layout's margins): measured on screen, 24 px more than they add up
        chrome = self.navigation.iconSize().width() + 8 + 2 * SPACE_M + 2 * 6 + 8 + 24
        return max(SIDEBAR_WIDTH, min(longest + chrome, SIDEBAR_MAX_WIDTH))

    # ------------------------------------------------------------------ state
    def _restore(self) -> None:
        from desktop.ui.geometry import keep_on_screen

        geometry = self.settings.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(PREFERRED_SIZE)
        # 800 px high, or a big monitor's size: clamped to this screen now and at every show
        keep_on_screen(self, centre=False)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        # always docked: floating, it covered the tiles and forms (older settings kept it so)
        self.reminders.setFloating(False)
        start = str(self.settings.value("window/page", BERANDA))
        self.show_page(start if start in self.pages or start == SYNC else BERANDA)
        page = self.page
        if page is not None:
            QTimer.singleShot(0, page.model.refresh)
            page.model.first_rows.connect(self._first_page_filled)
        elif self.current_key == BERANDA:
            self.beranda.refreshed.connect(self._first_page_filled)
        self._grace.start(0 if self.current_key == SYNC else FIRST_PAGE_GRACE_MS)
        self.reminders.hide()  # shown by start() only when something is due today

    def _first_page_filled(self) -> None:
        """Start the rest shortly after, so the filled page is painted first."""
        if not self._started:
            self._grace.start(AFTER_PAINT_MS)

    def _after_first_page(self) -> None:
        """What can wait until the first page is on screen: the reminders and the sync
        status. Started earlier they would queue their imports and queries in front of
        the page the user is waiting for."""
        if self._started or self._closed:
            return
        self._started = True
        self._grace.stop()
        self.reminders.start()
        self.sync_page.start()
        self._idle_build.start()

    def closeEvent(self, event: QCloseEvent) -> None:
        for kind, page in self.pages.built().items():
            if page.form.is_dirty():
                self.show_kind(kind)  # show the page whose changes are asked about
                if not page.confirm_discard():
                    event.ignore()
                    return
        for page in self.pages.built().values():
            page.drafts.drop()  # every unsaved edit was saved or discarded just now
            page.save_view_state()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/page", self.current_key)
        self.settings.sync()
        self._closed = True
        self._grace.stop()
        self._idle_build.stop()
        self.tasks.wait(10_000)
        event.accept()
