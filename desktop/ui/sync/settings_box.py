"""The catalog settings box: address, user, token, certificate, pace and the period.

Settings live in the database (one register, one catalog), the token in the keyring, the
period of the automatic sync in this workstation's view settings. The box also carries the
page's message line, under its buttons, where every answer of the page is said.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.ui.hub import DataHub
from desktop.ui.style import repolish
from desktop.ui.sync.common import is_offline
from desktop.ui.tasks import TaskManager


class CatalogSettingsBox(QGroupBox):
    """See the module docstring."""

    saved = Signal(str)  # the catalog address just stored ("" when none)
    connected = Signal(object)  # the ConnectionReport of a successful test
    unreachable = Signal()  # the test could not reach the catalog (offline)

    def __init__(self, desk: Desk, tasks: TaskManager, hub: DataHub, view: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Katalog data (CKAN)"))
        self.desk = desk
        self.tasks = tasks
        self.hub = hub
        self.view = view
        self._build()

    def _build(self) -> None:
        form = QFormLayout(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://data.contoh.go.id")
        self.user = QLineEdit(self)
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("tempel token API dari portal untuk menggantinya"))
        self.token_state = QLabel("", self)
        self.header = QLineEdit(self)
        self.ca_bundle = QLineEdit(self)
        browse = QPushButton(self.tr("Pilih…"), self)
        browse.clicked.connect(self._choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.pace = QDoubleSpinBox(self)
        self.pace.setRange(0.0, 10.0)
        self.pace.setSingleStep(0.25)
        self.pace.setSuffix(self.tr(" detik"))
        self.allow_private = QCheckBox(
            self.tr("Terbitkan data terbatas/dikecualikan sebagai dataset privat"), self)
        self.every = QSpinBox(self)
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
        self.save_button = QPushButton(self.tr("Simpan pengaturan"), self)
        self.test_button = QPushButton(self.tr("Tes koneksi"), self)
        self.save_button.clicked.connect(self.save_settings)
        self.test_button.clicked.connect(self.test_connection)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        form.addRow(buttons)
        self.message = QLabel("", self)
        self.message.setObjectName("syncMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.message)
        self.apps_note = QLabel("", self)
        self.apps_note.setWordWrap(True)
        form.addRow(self.apps_note)

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
        self.token_state.setText("")  # asked of the keyring when the page is shown

    def show_token_state(self) -> None:
        """Where the token comes from; asks the keyring (may be slow or prompt)."""
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
            self.say(error.message, bad=True)
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
        self.view.setValue("sync/every_minutes", self.every.value())
        self.saved.emit(config.base_url)  # the status bar and the period learn it now
        message = self.tr("Pengaturan katalog disimpan.")
        typed = self.token.text().strip()
        if typed:
            kept = save_token(config.base_url, config.user_name, typed)
            self.token.clear()  # never left in a widget longer than needed
            if not kept:
                message += " " + self.tr("Gudang kunci sistem tidak tersedia: token hanya "
                                         "diingat sampai aplikasi ditutup.")
        self.show_token_state()
        self.say(message)
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
            self.say(self.tr("Alamat katalog tidak diubah."))
            return False
        if answer == catalog_change.SAME:
            api.move_catalog(self.desk, new_url)
        else:
            api.start_fresh_links(self.desk, new_url)
            self.hub.notify("datasets", [])
        return True

    def say(self, text: str, bad: bool = False) -> None:
        """The page's answer under the buttons (``bad``: in the style's error colour)."""
        self.message.setText(text)
        self.message.setProperty("tone", "bad" if bad else "")
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
            self.say(error.message, bad=True)
            return

        def job() -> Any:
            client = CatalogClient.from_keyring(config)
            try:
                return check_connection(client)
            finally:
                client.close()

        self.test_button.setEnabled(False)
        self.say(self.tr("Menghubungi katalog…"))
        self.tasks.run_net(job, on_done=self._connected, on_error=self._not_connected,
                           cancellable=False)

    def _connected(self, report: Any) -> None:
        self.test_button.setEnabled(True)
        orgs = ", ".join(o.title or o.name for o in report.organizations) or "—"
        self.say(self.tr("Terhubung ke CKAN {version} sebagai {user}. Organisasi yang boleh "
                         "ditulis: {orgs}.")
                 .replace("{version}", report.ckan_version).replace("{user}", report.user_name)
                 .replace("{orgs}", orgs))
        self.apps_note.setText(
            self.tr("Server memasang ckanext-showcase: aplikasi diterbitkan sebagai "
                    "showcase.") if report.has_showcase else
            self.tr("Aplikasi tetap lokal: server katalog tidak memasang ckanext-showcase."))
        self.connected.emit(report)

    def _not_connected(self, error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.say(getattr(error, "message", str(error)), bad=True)
        if is_offline(error):
            self.unreachable.emit()
