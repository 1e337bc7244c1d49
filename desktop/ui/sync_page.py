"""Sinkronisasi: the catalog settings, the state of the sync, its conflicts and its log.

A thin view of ``desktop.sync``: settings live in the database (one register, one
catalog), the token in the keyring; a sync runs on the network pool with progress and a
Cancel button on this page (never a modal dialog: the window stays usable), and the
status bar shows Online/Offline and the number of local changes waiting.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.formatting import date_time, display
from desktop.ui.hub import DataHub
from desktop.ui.style import repolish
from desktop.ui.tasks import Task, TaskManager

ONLINE, OFFLINE, UNKNOWN = "online", "offline", "unknown"
PING_MS = 5 * 60_000  # how often the status bar's Online/Offline is checked


def _local(value: datetime | None) -> str:
    """A stored UTC time in the workstation's time zone."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return date_time(aware.astimezone().replace(tzinfo=None))


def _read_only_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A table the page fills; rows are picked whole, never edited in place."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setMinimumHeight(150)
    return table


def _offline(error: Exception) -> bool:
    """Errors that mean "cannot reach the catalog now" rather than "it said no"."""
    from desktop.sync.api import (
        CatalogProxyError,
        CatalogServerError,
        CatalogUnreachableError,
    )

    return isinstance(error, (CatalogUnreachableError, CatalogServerError, CatalogProxyError))


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return display(value) if not isinstance(value, dict) else str(value)


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
        self.conflicts: list[Any] = []
        self.organizations: list[Any] = []  # writable ones, from the last connection test
        self.periodic = QTimer(self)
        self.periodic.timeout.connect(lambda: self.sync_now(quiet=True))
        self._build()
        self.load_settings()
        hub.changed.connect(lambda kind, _ids: self.refresh_state() if kind == "datasets"
                            else None)
        self.pinger = QTimer(self)
        self.pinger.setInterval(PING_MS)
        self.pinger.timeout.connect(self.ping)

    def start(self) -> None:
        """Begin the status checks; the window calls this once its first page is filled,
        so they do not compete with it at start-up."""
        if self.pinger.isActive():
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
        column.addWidget(self._settings_box(body))
        column.addWidget(self._orgmap_box(body))
        column.addWidget(self._conflicts_box(body))
        column.addWidget(self._runs_box(body))
        column.addStretch(1)

    def _settings_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Katalog data (CKAN)"), parent)
        form = QFormLayout(box)
        self.url = QLineEdit(box)
        self.url.setPlaceholderText("https://data.contoh.go.id")
        self.user = QLineEdit(box)
        self.token = QLineEdit(box)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("tempel token API dari portal untuk menggantinya"))
        self.token_state = QLabel("", box)
        self.header = QLineEdit(box)
        self.ca_bundle = QLineEdit(box)
        browse = QPushButton(self.tr("Pilih…"), box)
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.pace = QDoubleSpinBox(box)
        self.pace.setRange(0.0, 10.0)
        self.pace.setSingleStep(0.25)
        self.pace.setSuffix(self.tr(" detik"))
        self.allow_private = QCheckBox(
            self.tr("Terbitkan data terbatas/dikecualikan sebagai dataset privat"), box)
        self.every = QSpinBox(box)
        self.every.setRange(0, 24 * 60)
        self.every.setSuffix(self.tr(" menit"))
        self.every.setSpecialValueText(self.tr("mati"))
        form.addRow(self.tr("Alamat katalog"), self.url)
        form.addRow(self.tr("Pengguna"), self.user)
        form.addRow(self.tr("Token API"), self.token)
        form.addRow("", self.token_state)
        form.addRow(self.tr("Nama header token"), self.header)
        form.addRow(self.tr("Sertifikat CA tambahan"), ca_row)
        form.addRow(self.tr("Jeda antar penulisan"), self.pace)
        form.addRow("", self.allow_private)
        form.addRow(self.tr("Sinkron otomatis setiap"), self.every)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Simpan pengaturan"), box)
        self.test_button = QPushButton(self.tr("Tes koneksi"), box)
        self.save_button.clicked.connect(self.save_settings)
        self.test_button.clicked.connect(self.test_connection)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        form.addRow(buttons)
        self.message = QLabel("", box)
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.message)
        self.apps_note = QLabel("", box)
        self.apps_note.setWordWrap(True)
        form.addRow(self.apps_note)
        return box

    def _orgmap_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("OPD dan organisasi di katalog"), parent)
        column = QVBoxLayout(box)
        note = QLabel(self.tr("Dataset sebuah OPD diterbitkan atas nama organisasinya. OPD "
                              "dicocokkan otomatis menurut nama atau singkatan; pilihan Anda "
                              "di sini selalu didahulukan. Tes koneksi memuat daftar "
                              "organisasi yang boleh Anda tulisi."), box)
        note.setWordWrap(True)
        column.addWidget(note)
        self.org_table = _read_only_table(
            box, "orgMap", [self.tr("OPD"), self.tr("Organisasi di katalog"), self.tr("Cara")])
        self.org_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.org_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.org_table)
        return box

    def _conflicts_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Konflik"), parent)
        column = QVBoxLayout(box)
        note = QLabel(self.tr("Kolom yang diubah di sini dan di katalog sejak sinkron "
                              "terakhir. Tidak ada yang ditimpa sampai Anda memilih."), box)
        note.setWordWrap(True)
        column.addWidget(note)
        self.conflict_table = _read_only_table(
            box, "conflicts", [self.tr("Dataset"), self.tr("Kolom"), self.tr("Nilai di sini"),
                               self.tr("Nilai di katalog")])
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.conflict_table.itemSelectionChanged.connect(self._update_buttons)
        self.conflict_table.itemDoubleClicked.connect(lambda _i: self._open_conflict())
        column.addWidget(self.conflict_table)
        row = QHBoxLayout()
        self.keep_mine = QPushButton(self.tr("Pakai nilai di sini"), box)
        self.take_theirs = QPushButton(self.tr("Pakai nilai katalog"), box)
        self.edit_value = QPushButton(self.tr("Sunting nilai…"), box)
        self.keep_mine.clicked.connect(lambda: self.resolve("keep_mine"))
        self.take_theirs.clicked.connect(lambda: self.resolve("take_theirs"))
        self.edit_value.clicked.connect(self._edit_conflict)
        row.addStretch(1)
        for button in (self.keep_mine, self.take_theirs, self.edit_value):
            row.addWidget(button)
        column.addLayout(row)
        return box

    def _runs_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Riwayat sinkronisasi"), parent)
        column = QVBoxLayout(box)
        self.runs_table = _read_only_table(
            box, "syncRuns",
            [self.tr("Mulai"), self.tr("Hasil"), self.tr("Dikirim"), self.tr("Diambil"),
             self.tr("Dihapus"), self.tr("Konflik"), self.tr("Galat"), self.tr("Keterangan")])
        self.runs_table.horizontalHeader().setStretchLastSection(True)
        self.runs_table.itemSelectionChanged.connect(self._show_run_errors)
        column.addWidget(self.runs_table)
        self.run_errors = QLabel("", box)
        self.run_errors.setObjectName("runErrors")
        self.run_errors.setWordWrap(True)
        self.run_errors.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.run_errors)
        return box

    # ------------------------------------------------------------------ settings
    def load_settings(self) -> None:
        from desktop.sync.api import load_catalog_settings

        stored = load_catalog_settings(self.desk.db)
        self.url.setText(stored.catalog_url)
        self.user.setText(stored.catalog_user)
        self.header.setText(stored.catalog_token_header)
        self.ca_bundle.setText(stored.catalog_ca_bundle)
        self.pace.setValue(stored.catalog_write_interval)
        self.allow_private.setChecked(stored.catalog_allow_private)
        self.every.setValue(int(self.view.value("sync/every_minutes", 0) or 0))
        self._apply_periodic()
        self.token_state.setText("")  # asked of the keyring when the page is shown (below)

    def showEvent(self, event: QShowEvent) -> None:
        """The keyring may be slow (D-Bus) or ask to be unlocked: ask it only when the
        page is looked at, never during start-up."""
        super().showEvent(event)
        self._show_token_state()

    def _show_token_state(self) -> None:
        from desktop.sync.api import TokenOrigin, load_token

        url, user = self.url.text().strip(), self.user.text().strip()
        found = load_token(url, user) if url else None
        if found is None:
            text = self.tr("Belum ada token tersimpan untuk pengguna ini.")
        elif found.origin is TokenOrigin.ENVIRONMENT:
            text = self.tr("Token dari variabel lingkungan DISKOMINFO_DESK_CATALOG_TOKEN.")
        else:
            text = self.tr("Token tersimpan di gudang kunci sistem (keyring).")
        self.token_state.setText(text)

    def _choose_ca(self) -> None:
        from desktop.ui.save_paths import CERTIFICATE, ask_open_path

        path = ask_open_path(self, CERTIFICATE, self.tr("Sertifikat CA"),
                             self.tr("Sertifikat (*.pem *.crt *.cer)"), self.ca_bundle.text())
        if path:
            self.ca_bundle.setText(path)

    def _config(self) -> Any:
        """The client config from the fields as typed (checked: CatalogConfigError)."""
        from desktop.sync.api import CatalogConfig

        return CatalogConfig(self.url.text().strip(), self.user.text().strip(),
                             token_header=self.header.text().strip() or "Authorization",
                             ca_bundle=self.ca_bundle.text().strip() or None,
                             write_interval=self.pace.value())

    def save_settings(self) -> bool:
        """Check, then store the settings (database) and a new token (keyring)."""
        from desktop.core.errors import DeskError
        from desktop.core.secrets import check_secret_size
        from desktop.sync.api import save_catalog_settings, save_token

        try:
            config = self._config()
            # a token the keyring cannot hold (Windows: 1,280 characters): refused before
            # anything is saved, the typed token left in its field to correct
            check_secret_size(self.token.text().strip())
        except DeskError as error:
            self._say(error.message, bad=True)
            return False
        if not self._settle_address_change(config.base_url):
            return False
        save_catalog_settings(
            self.desk.db, catalog_url=config.base_url, catalog_user=config.user_name,
            catalog_token_header=self.header.text().strip() or "Authorization",
            catalog_ca_bundle=self.ca_bundle.text().strip(),
            catalog_write_interval=self.pace.value(),
            catalog_allow_private=self.allow_private.isChecked())
        self.url.setText(config.base_url)
        self.configured = bool(config.base_url)
        self.status_changed.emit(self.state, self.pending)  # the status bar learns it now
        self.view.setValue("sync/every_minutes", self.every.value())
        self._apply_periodic()
        message = self.tr("Pengaturan katalog disimpan.")
        typed = self.token.text().strip()
        if typed:
            kept = save_token(config.base_url, config.user_name, typed)
            self.token.clear()  # never left in a widget longer than needed
            if not kept:
                message += " " + self.tr("Gudang kunci sistem tidak tersedia: token hanya "
                                         "diingat sampai aplikasi ditutup.")
        self._show_token_state()
        self._say(message)
        return True

    def _settle_address_change(self, new_url: str) -> bool:
        """A new address for a register with links: the same catalog moved (links kept)
        or another catalog (fresh links, nothing deleted)? False: the user cancelled."""
        from desktop.sync import api
        from desktop.ui import catalog_change

        if not api.address_change_needs_answer(self.desk, new_url):
            return True
        identity_url = api.catalog_settings(self.desk).catalog_url
        answer = catalog_change.ask_same_or_other(self, identity_url, new_url)
        if answer is None:
            self.url.setText(identity_url)
            self._say(self.tr("Alamat katalog tidak diubah."))
            return False
        if answer == catalog_change.SAME:
            api.move_catalog(self.desk, new_url)
        else:
            api.start_fresh_links(self.desk, new_url)
            self.hub.notify("datasets", [])
        return True

    def _apply_periodic(self) -> None:
        minutes = self.every.value()
        if minutes:
            self.periodic.start(minutes * 60_000)
        else:
            self.periodic.stop()

    def _say(self, text: str, bad: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("tone", "bad" if bad else "")  # the style's colour
        repolish(self.message)

    # ------------------------------------------------------------------ connection
    def test_connection(self) -> None:
        from desktop.core.errors import DeskError
        from desktop.sync.api import CatalogClient, check_connection

        if not self.save_settings():
            return
        try:
            config = self._config()
        except DeskError as error:
            self._say(error.message, bad=True)
            return

        def job() -> Any:
            client = CatalogClient.from_keyring(config)
            try:
                return check_connection(client)
            finally:
                client.close()

        self.test_button.setEnabled(False)
        self._say(self.tr("Menghubungi katalog…"))
        self.tasks.run_net(job, on_done=self._connected, on_error=self._not_connected,
                           cancellable=False)

    def _connected(self, report: Any) -> None:
        self.test_button.setEnabled(True)
        self.organizations = list(report.organizations)
        self.refresh_state()
        orgs = ", ".join(o.title or o.name for o in report.organizations) or "—"
        self._say(self.tr("Terhubung ke CKAN {version} sebagai {user}. Organisasi yang boleh "
                          "ditulis: {orgs}.")
                  .replace("{version}", report.ckan_version).replace("{user}", report.user_name)
                  .replace("{orgs}", orgs))
        self.apps_note.setText(
            self.tr("Server memasang ckanext-showcase: aplikasi diterbitkan sebagai "
                    "showcase.") if report.has_showcase else
            self.tr("Aplikasi tetap lokal: server katalog tidak memasang ckanext-showcase."))
        self._set_state(ONLINE)

    def _not_connected(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self._say(getattr(error, "message", str(error)), bad=True)
        if _offline(error):
            self._set_state(OFFLINE)

    def ping(self) -> None:
        """One quick status_show for the Online/Offline indicator (when configured).

        Everything runs on the network worker, imports included: the HTTP stack is not
        needed to show the window, and loading it there keeps it off the start-up path.
        """
        if self.running is not None:
            return

        def job() -> str:
            from desktop.core.errors import DeskError
            from desktop.sync.api import CatalogClient, catalog_config, load_catalog_settings

            try:
                config = catalog_config(load_catalog_settings(self.desk.db))
            except DeskError:
                return UNKNOWN  # not configured: nothing to be on- or offline from
            client = CatalogClient(config)
            try:
                return ONLINE if client.ping() else OFFLINE
            finally:
                client.close()

        self.tasks.run_net(job, on_done=self._set_state,
                           on_error=lambda _e: self._set_state(OFFLINE), cancellable=False)

    # ------------------------------------------------------------------ state
    def refresh_state(self) -> None:
        """Pending count, conflicts and the run log, read in the background."""
        from desktop.sync.api import list_conflicts, pending_count, recent_runs

        def job() -> tuple[int, list[Any], list[Any], list[Any], dict[str, Any], list[str],
                           bool]:
            from sqlalchemy import select

            from desktop.core.models import PerangkatDaerah
            from desktop.sync.api import (
                end_interrupted_runs,
                org_mappings,
                pending_visibility_changes,
            )

            end_interrupted_runs(self.desk.db)  # runs of this computer killed mid-way

            with self.desk.db.session() as s:
                opds = s.execute(select(PerangkatDaerah.id, PerangkatDaerah.nama)
                                 .where(PerangkatDaerah.deleted_at.is_(None))
                                 .order_by(PerangkatDaerah.nama)).all()
            chosen = {m.opd_id: m for m in org_mappings(self.desk)}
            visibility = [c.message for c in pending_visibility_changes(self.desk)]
            from desktop.sync.api import load_catalog_settings

            configured = bool(load_catalog_settings(self.desk.db).catalog_url.strip())
            return (pending_count(self.desk), list_conflicts(self.desk),
                    recent_runs(self.desk), opds, chosen, visibility, configured)

        self.tasks.run_report(job, on_done=self._show_state)

    def _show_state(self, result: tuple[int, list[Any], list[Any], list[Any], dict[str, Any],
                                        list[str], bool]) -> None:
        self.pending, self.conflicts, runs, opds, chosen, visibility, configured = result
        # a read begun before the address was saved here must not undo what was saved
        self.configured = configured or bool(self.url.text().strip())
        self._fill_orgmap(opds, chosen)
        last = runs[0] if runs else None
        parts = [self.tr("{n} perubahan lokal menunggu dikirim", "", self.pending).replace(
            "{n}", str(self.pending)),
                 self.tr("{n} konflik", "", len(self.conflicts)).replace(
                     "{n}", str(len(self.conflicts)))]
        if last is not None:
            parts.insert(0, self.tr("Sinkron terakhir {when}: {status}")
                         .replace("{when}", _local(last.started_at))
                         .replace("{status}", self._status_label(last.status)))
        else:
            parts.insert(0, self.tr("Belum pernah disinkronkan"))
        self.summary.setText(" · ".join(parts))
        self.visibility_note.setText("\n".join(visibility))
        self.visibility_note.setVisible(bool(visibility))
        self._fill_conflicts()
        self._fill_runs(runs)
        self.status_changed.emit(self.state, self.pending)

    def _status_label(self, status: str) -> str:
        return {"ok": self.tr("berhasil"), "conflicts": self.tr("ada konflik"),
                "errors": self.tr("ada galat"), "cancelled": self.tr("dibatalkan"),
                "failed": self.tr("gagal"), "running": self.tr("berjalan"),
                "interrupted": self.tr("terhenti"),
                "held": self.tr("penghapusan menunggu konfirmasi")}.get(status, status)

    def _set_state(self, state: str) -> None:
        self.state = state
        self.status_changed.emit(state, self.pending)

    def _fill_orgmap(self, opds: list[Any], chosen: dict[str, Any]) -> None:
        from PySide6.QtWidgets import QComboBox

        table = self.org_table
        table.setRowCount(len(opds))
        known = {o.id: (o.title or o.name, o.name) for o in self.organizations}
        for mapping in chosen.values():
            known.setdefault(mapping.org_id, (mapping.org_name, mapping.org_name))
        for row, (opd_id, nama) in enumerate(opds):
            table.setItem(row, 0, QTableWidgetItem(nama))
            combo = QComboBox(table)
            combo.addItem(self.tr("— belum dipetakan —"), None)
            for org_id, (title, name) in sorted(known.items(), key=lambda kv: kv[1][0]):
                combo.addItem(title, (org_id, name))
            mapping = chosen.get(opd_id)
            if mapping is not None:
                combo.setCurrentIndex(max(0, combo.findText(known[mapping.org_id][0])))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, o=opd_id: self._map(o, c.currentData()))
            table.setCellWidget(row, 1, combo)
            how = (self.tr("pilihan pengguna") if mapping is not None and mapping.manual
                   else self.tr("otomatis") if mapping is not None else "")
            table.setItem(row, 2, QTableWidgetItem(how))

    def _map(self, opd_id: str, choice: tuple[str, str] | None) -> None:
        """The user's choice of organization for an OPD (none: not published)."""
        from desktop.sync import api

        def job() -> None:
            if choice is None:
                api.clear_org_mapping(self.desk, opd_id)
            else:
                api.set_org_mapping(self.desk, opd_id, choice[0], choice[1])

        self.tasks.run_db(job, on_done=lambda _r: self.refresh_state())

    def _fill_conflicts(self) -> None:
        table = self.conflict_table
        table.setRowCount(len(self.conflicts))
        from desktop.sync.api import field_label, is_whole_record, side_text

        for row, conflict in enumerate(self.conflicts):
            if is_whole_record(conflict.field):  # a deletion: what happened, in words
                values = [conflict.title, field_label(conflict.field),
                          side_text(conflict.field, "local", conflict.local),
                          side_text(conflict.field, "remote", conflict.remote)]
            else:
                values = [conflict.title, conflict.field, _show(conflict.local),
                          _show(conflict.remote)]
            for col, text in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(text))
        self._update_buttons()

    def _fill_runs(self, runs: list[Any]) -> None:
        self.runs = runs
        table = self.runs_table
        table.setRowCount(len(runs))
        for row, run in enumerate(runs):
            values = [_local(run.started_at), self._status_label(run.status), str(run.pushed),
                      str(run.pulled), str(run.deleted), str(run.conflicts), str(run.errors),
                      run.message or ""]
            for col, text in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    def _show_run_errors(self) -> None:
        rows = {i.row() for i in self.runs_table.selectedItems()}
        if not rows:
            self.run_errors.setText("")
            return
        run = self.runs[min(rows)]
        if not run.record_errors:
            self.run_errors.setText(self.tr("Tidak ada galat per data pada putaran ini."))
            return
        self.run_errors.setText("\n".join(f"• {message}" for _id, message in
                                          run.record_errors[:50]))

    def _update_buttons(self) -> None:
        from desktop.sync.api import DELETED_HERE_FIELD, USED_BY_APPS_FIELD

        conflict = self._chosen_conflict()
        chosen = conflict is not None
        for button in (self.keep_mine, self.take_theirs, self.edit_value):
            button.setEnabled(chosen and self.running is None)
        field = conflict.field if conflict is not None else ""
        # whole-dataset conflicts: the two choices say what will happen
        mine, theirs = {
            DELETED_HERE_FIELD: (self.tr("Hapus juga di katalog"),
                                 self.tr("Pulihkan dengan nilai katalog")),
            USED_BY_APPS_FIELD: (self.tr("Simpan di sini, lepas dari katalog"),
                                 self.tr("Lepas dari aplikasi, lalu hapus")),
        }.get(field, (self.tr("Pakai nilai di sini"), self.tr("Pakai nilai katalog")))
        self.keep_mine.setText(mine)
        self.take_theirs.setText(theirs)
        if field.startswith("_"):
            self.edit_value.setEnabled(False)

    def _chosen_conflict(self) -> Any:
        rows = {i.row() for i in self.conflict_table.selectedItems()}
        return self.conflicts[min(rows)] if rows and min(rows) < len(self.conflicts) else None

    # ------------------------------------------------------------------ conflicts
    def resolve(self, choice: str, value: Any = None) -> None:
        from desktop.sync.api import resolve_conflict

        conflict = self._chosen_conflict()
        if conflict is None:
            return

        def done(_result: Any) -> None:
            self.hub.notify("datasets", [conflict.record_id])
            self.refresh_state()

        from desktop.sync.api import USED_BY_APPS_FIELD

        if conflict.field == USED_BY_APPS_FIELD:  # its own words: keep or delete
            choice = {"keep_mine": "keep", "take_theirs": "delete"}.get(choice, choice)

        self.tasks.run_db(lambda: resolve_conflict(self.desk, conflict.id, choice, value),
                          on_done=done)

    def _edit_conflict(self) -> None:
        conflict = self._chosen_conflict()
        if conflict is None or conflict.field == "__deleted__":
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("conflictEditDialog")
        dialog.setWindowTitle(self.tr("Sunting nilai"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setLabelText(
            self.tr("Nilai baru untuk {field} (di sini: {mine}; di katalog: {theirs})")
            .replace("{field}", conflict.field).replace("{mine}", _show(conflict.local))
            .replace("{theirs}", _show(conflict.remote)))
        dialog.setTextValue(_show(conflict.local) if conflict.local is not None else "")
        dialog.setOkButtonText(self.tr("&Pakai nilai ini"))
        dialog.setCancelButtonText(self.tr("Batal"))
        # the two values are in the question: wrapped, a long one no longer widens the
        # dialog past the screen (it was 2900 px wide for a dataset's description)
        for label in dialog.findChildren(QLabel):
            label.setWordWrap(True)
        from PySide6.QtWidgets import QPlainTextEdit

        for edit in dialog.findChildren(QPlainTextEdit):  # a long value in sight, wrapped
            edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        dialog.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        if dialog.exec() == QInputDialog.DialogCode.Accepted:
            self.resolve("edit", dialog.textValue())

    def _open_conflict(self) -> None:
        conflict = self._chosen_conflict()
        if conflict is not None and conflict.field != "__deleted__":
            self.open_record.emit("datasets", conflict.record_id)

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
        self._update_buttons()
        return task

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()
            self.progress_text.setText(self.tr("Membatalkan…"))

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
        self._update_buttons()

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
            if _offline(error):
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
