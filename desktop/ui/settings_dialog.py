"""Settings: language, office profile, database (with "test connection"), user name.

Secrets never land in the settings file: a password typed into a database URL is moved
to the OS keyring before the URL is saved.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, ValidationError
from desktop.core.kinds.base import RecordKind
from desktop.core.models import OfficeProfile
from desktop.core.paths import default_database_path
from desktop.core.services.office import FIELDS as OFFICE_FIELDS
from desktop.core.settings import (
    BACKUP_KEEP,
    COLOR_SCHEME,
    COPIES_PER_PARTY,
    CSV_DELIMITER,
    DATABASE,
    EXPIRY_DAYS,
    LANGUAGE,
    OFFICE_LOGO,
    PAGE_SIZE,
    TITLE_CASE_OPENING,
    USER_NAME,
    Settings,
)
from desktop.ui.style import apply_style, current_preference
from desktop.ui.widgets.form import RecordForm

OFFICE_KIND = RecordKind(
    name="office", label=OFFICE_FIELDS[1].label, plural=OFFICE_FIELDS[1].label,
    model=OfficeProfile, fields=OFFICE_FIELDS, columns=(), title=lambda r: r.nama,
    search_text=lambda r: r.nama,
)


class SettingsDialog(QDialog):
    office_saved = Signal(dict)
    language_changed = Signal(str)

    def __init__(self, desk: Desk, qsettings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop.ui.lookups import Lookups

        self.desk = desk
        self.qsettings = qsettings
        self.settings = Settings()
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Pengaturan"))
        self.resize(720, 560)
        tabs = QTabWidget(self)

        general = QWidget(tabs)
        form = QFormLayout(general)
        self.language = QComboBox(general)
        self.language.setObjectName("languageCombo")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.get(LANGUAGE))))
        form.addRow(self.tr("&Bahasa"), self.language)
        self.scheme = QComboBox(general)
        self.scheme.setObjectName("schemeCombo")
        self.scheme.addItem(self.tr("Ikuti sistem"), "system")
        self.scheme.addItem(self.tr("Terang"), "light")
        self.scheme.addItem(self.tr("Gelap"), "dark")
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(self.settings.get(COLOR_SCHEME))))
        form.addRow(self.tr("&Tampilan"), self.scheme)
        self.user_name = QLineEdit(self.settings.get(USER_NAME), general)
        self.user_name.setObjectName("userNameEdit")
        self.user_name.setPlaceholderText(self.tr("nama Anda, dicatat di log audit"))
        form.addRow(self.tr("&Nama pengguna"), self.user_name)
        self.expiry = QSpinBox(general)
        self.expiry.setRange(1, 3650)
        self.expiry.setValue(self.settings.get(EXPIRY_DAYS))
        self.expiry.setSuffix(self.tr(" hari"))
        form.addRow(self.tr("Peringatan kerja sama berakhir"), self.expiry)
        self.backup_keep = QSpinBox(general)
        self.backup_keep.setObjectName("backupKeepSpin")
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(int(self.settings.get(BACKUP_KEEP)))
        self.backup_keep.setSuffix(self.tr(" cadangan"))
        form.addRow(self.tr("Cadangan harian yang disimpan"), self.backup_keep)
        form.addRow(self.tr("Pemisah kolom &CSV"), self._csv_delimiter_combo(general))
        tabs.addTab(general, self.tr("Umum"))

        self.office_form = RecordForm(OFFICE_KIND, Lookups(desk), tabs)
        self.office_form.setObjectName("officeForm")
        self.office = desk.office.get()
        self.office_form.load(self.office)
        tabs.addTab(self.office_form, self.tr("Profil kantor"))

        database = QWidget(tabs)
        db_layout = QVBoxLayout(database)
        self.db_in_use = QLabel(self._in_use_text(), database)
        self.db_in_use.setObjectName("databaseInUse")
        self.db_in_use.setWordWrap(True)
        self.db_in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        db_layout.addWidget(self.db_in_use)
        self.use_sqlite = QRadioButton(self.tr("Berkas SQLite di komputer ini"), database)
        self.use_pg = QRadioButton(self.tr("Server PostgreSQL bersama (beberapa komputer)"),
                                   database)
        group = QButtonGroup(database)
        group.addButton(self.use_sqlite)
        group.addButton(self.use_pg)
        self.sqlite_path = QLineEdit(database)
        self.sqlite_path.setObjectName("sqlitePathEdit")
        self.sqlite_path.setPlaceholderText(str(default_database_path()))
        browse = QPushButton(self.tr("Pilih…"), database)
        browse.clicked.connect(self._browse)
        self.pg_url = QLineEdit(database)
        self.pg_url.setObjectName("postgresUrlEdit")
        self.pg_url.setPlaceholderText("postgresql://pengguna:sandi@server:5432/diskominfo")
        test = QPushButton(self.tr("&Uji koneksi"), database)
        test.setObjectName("testConnectionButton")
        test.clicked.connect(self.test_connection)
        self.db_result = QLabel(database)
        self.db_result.setObjectName("connectionResult")
        self.db_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.sqlite_path, 1)
        row.addWidget(browse)
        db_layout.addWidget(self.use_sqlite)
        db_layout.addLayout(row)
        db_layout.addWidget(self.use_pg)
        db_layout.addWidget(self.pg_url)
        db_layout.addWidget(QLabel(self.tr("Kata sandi disimpan di brankas kunci sistem "
                                           "operasi, tidak di berkas pengaturan."), database))
        db_layout.addWidget(test)
        db_layout.addWidget(self.db_result)
        db_layout.addWidget(QLabel(self.tr("Perubahan basis data berlaku saat aplikasi dibuka "
                                           "kembali."), database))
        db_layout.addStretch(1)
        current = self.settings.get(DATABASE)
        if current.startswith("postgres"):
            self.use_pg.setChecked(True)
            self.pg_url.setText(current)
        else:
            self.use_sqlite.setChecked(True)
            self.sqlite_path.setText(current)
        tabs.addTab(database, self.tr("Basis data"))
        self.database_tab = database
        self.documents_tab = self._documents_tab(tabs)
        tabs.addTab(self.documents_tab, self.tr("Naskah"))

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        # Qt has no Indonesian catalogue for its standard buttons: name them ourselves.
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.tabs = tabs

    def _documents_tab(self, parent: QWidget) -> QWidget:
        """How KB/PKS documents print: paper, opening date, copies, the office logo."""
        tab = QWidget(parent)
        form = QFormLayout(tab)
        self.page_size = QComboBox(tab)
        self.page_size.setObjectName("pageSizeCombo")
        self.page_size.addItem(self.tr("A4 (210 × 297 mm)"), "A4")
        self.page_size.addItem(self.tr("F4 / folio (215 × 330 mm)"), "F4")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(
            str(self.settings.get(PAGE_SIZE)).upper())))
        form.addRow(self.tr("&Ukuran kertas"), self.page_size)
        self.title_case = QCheckBox(self.tr("Tanggal pembuka dengan Huruf Kapital di Awal Kata "
                                            "(\"Pada Hari Ini Kamis Tanggal …\")"), tab)
        self.title_case.setObjectName("titleCaseCheck")
        self.title_case.setChecked(bool(self.settings.get(TITLE_CASE_OPENING)))
        form.addRow("", self.title_case)
        self.copies_per_party = QCheckBox(self.tr("Cetak satu naskah asli per pihak, meterai "
                                                  "di tanda tangan pihak lain"), tab)
        self.copies_per_party.setObjectName("copiesPerPartyCheck")
        self.copies_per_party.setChecked(bool(self.settings.get(COPIES_PER_PARTY)))
        form.addRow("", self.copies_per_party)
        self.logo_path = QLineEdit(str(self.settings.get(OFFICE_LOGO) or ""), tab)
        self.logo_path.setObjectName("logoPathEdit")
        self.logo_path.setPlaceholderText(self.tr("PNG atau JPEG; kosongkan bila tanpa logo"))
        pick = QPushButton(self.tr("Pilih…"), tab)
        pick.clicked.connect(self._browse_logo)
        row = QHBoxLayout()
        row.addWidget(self.logo_path, 1)
        row.addWidget(pick)
        logo_label = QLabel(self.tr("&Logo kantor"), tab)
        logo_label.setBuddy(self.logo_path)
        form.addRow(logo_label, row)
        templates = QPushButton(self.tr("Ubah &templat KB/PKS…"), tab)
        templates.setObjectName("editTemplatesButton")
        templates.clicked.connect(self._edit_templates)
        form.addRow("", templates)
        return tab

    def _csv_delimiter_combo(self, parent: QWidget) -> QComboBox:
        """"auto" names what it means here: Excel with Indonesian settings wants ";"."""
        from desktop.core.csv_format import automatic_delimiter

        self.csv_delimiter = QComboBox(parent)
        self.csv_delimiter.setObjectName("csvDelimiterCombo")
        self.csv_delimiter.addItem(self.tr("Menurut pengaturan wilayah ({sep})")
                                   .replace("{sep}", automatic_delimiter()), "auto")
        self.csv_delimiter.addItem(self.tr("Titik koma (;)"), ";")
        self.csv_delimiter.addItem(self.tr("Koma (,)"), ",")
        self.csv_delimiter.setToolTip(self.tr(
            "Excel membuka CSV dengan pemisah daftar dari pengaturan wilayah Windows: "
            "dengan pengaturan Indonesia itu titik koma."))
        self.csv_delimiter.setCurrentIndex(
            max(0, self.csv_delimiter.findData(self.settings.get(CSV_DELIMITER))))
        return self.csv_delimiter

    def _browse_logo(self) -> None:
        from desktop.ui.save_paths import LOGO, ask_open_path

        path = ask_open_path(self, LOGO, self.tr("Logo kantor"),
                             self.tr("Gambar (*.png *.jpg *.jpeg)"), self.logo_path.text())
        if path:
            self.logo_path.setText(path)

    def _edit_templates(self) -> None:
        opener = getattr(self.parent(), "open_templates", None)
        if opener is not None:
            opener()  # the window's single template editor
            return
        from desktop.ui.template_dialog import TemplateDialog

        TemplateDialog(self).open()

    def _logo_problem(self) -> str | None:
        path = self.logo_path.text().strip()
        if not path:
            return None
        if QImage(str(Path(path).expanduser())).isNull():
            return self.tr("Logo tidak dapat dibaca sebagai gambar PNG atau JPEG: {path}"
                           ).replace("{path}", path)
        return None

    def _browse(self) -> None:
        # the file named (or the default one's folder): choosing a database is about that
        # file, not about the last export folder
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Berkas basis data"),
                                              self.sqlite_path.text() or
                                              str(default_database_path()),
                                              self.tr("SQLite (*.sqlite3 *.db)"))
        if path:
            self.sqlite_path.setText(path)

    def _in_use_text(self) -> str:
        """The database open now and what chose it; when that is not the settings file's
        choice, that the fields below are the setting, used on a start without it."""
        from desktop.core.database_choice import ARGUMENT, in_use, source_text

        current = in_use(self.desk.db.url)
        text = (self.tr("Dipakai sekarang: {location} ({source})")
                .replace("{location}", current.location)
                .replace("{source}", source_text(current.source)))
        if current.overridden:
            text += "\n" + (self.tr(
                "Pilihan di bawah disimpan di pengaturan dan dipakai saat aplikasi dibuka "
                "tanpa {override}.").replace(
                "{override}", "--database" if current.source == ARGUMENT
                else "DISKOMINFO_DESK_DATABASE"))
        return text

    def chosen_database(self) -> str:
        return self.pg_url.text().strip() if self.use_pg.isChecked() else \
            self.sqlite_path.text().strip()

    def test_connection(self) -> None:
        from desktop.core.database import open_database

        target = self.chosen_database() or str(default_database_path())
        self.db_result.setText(self.tr("Menghubungi…"))

        def job() -> str:
            if "://" not in target and not Path(target).expanduser().exists():
                # Testing must not create the file; saying where it will be is enough.
                folder = Path(target).expanduser().parent
                if folder.is_dir() and not os.access(folder, os.W_OK):
                    raise DeskError(self.tr("Folder tidak dapat ditulisi: {path}")
                                    .replace("{path}", str(folder)))
                return self.tr("{path} belum ada; berkas baru dibuat saat aplikasi dimulai "
                               "ulang.").replace("{path}", target)
            db = open_database(target, upgrade=False)
            shown = db.display_url
            db.dispose()
            return self.tr("Berhasil terhubung: {url}").replace("{url}", shown)

        parent = self.parent()
        tasks = getattr(parent, "tasks", None)
        if tasks is None:
            try:
                self._tested(job())
            except Exception as exc:
                self._test_failed(exc)
            return
        tasks.run_net(job, on_done=self._tested, on_error=self._test_failed)

    def _tested(self, message: str) -> None:
        self.db_result.setText(message)

    def _test_failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DeskError) else str(exc)
        self.db_result.setText(self.tr("Gagal: {message}").replace("{message}", message))

    def save(self) -> None:
        database = self.chosen_database()
        if database.startswith("postgres"):
            from desktop.core.database import parse_database_url
            from desktop.core.secrets import split_database_password

            try:  # checked first, so a bad address leaves every setting as it was
                parse_database_url(database)
                # the password to the keyring, or refused (no keyring) before anything
                # is saved: the dialog stays open
                database = split_database_password(database)
            except DeskError as exc:
                self.tabs.setCurrentWidget(self.database_tab)
                QMessageBox.warning(self, self.tr("Pengaturan"), exc.message)
                return
        problem = self._logo_problem()
        if problem:
            self.tabs.setCurrentWidget(self.documents_tab)
            QMessageBox.warning(self, self.tr("Pengaturan"), problem)
            return
        office_values = self.office_form.values()
        if self.office is not None or any(v for v in office_values.values()):
            try:
                saved = self.desk.office.save(
                    office_values,
                    expected_version=self.office["version"] if self.office else None)
            except ValidationError as exc:
                self.tabs.setCurrentWidget(self.office_form)
                self.office_form.show_errors(exc.errors)
                return
            except DeskError as exc:
                QMessageBox.warning(self, self.tr("Pengaturan"), exc.message)
                return
            self.office = saved
            self.office_saved.emit(saved)
        old_language = self.settings.get(LANGUAGE)
        self.settings.set(LANGUAGE, self.language.currentData())
        self.settings.set(COLOR_SCHEME, self.scheme.currentData())
        self.settings.set(USER_NAME, self.user_name.text().strip())
        self.settings.set(EXPIRY_DAYS, self.expiry.value())
        self.settings.set(BACKUP_KEEP, self.backup_keep.value())
        self.settings.set(CSV_DELIMITER, self.csv_delimiter.currentData())
        self.settings.set(PAGE_SIZE, self.page_size.currentData())
        self.settings.set(TITLE_CASE_OPENING, self.title_case.isChecked())
        self.settings.set(COPIES_PER_PARTY, self.copies_per_party.isChecked())
        self.settings.set(OFFICE_LOGO, self.logo_path.text().strip())
        self.settings.set(DATABASE, database)
        self.settings.save()
        self.desk.saved_user = self.user_name.text().strip()
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.scheme.currentData() != current_preference():
            apply_style(app, self.scheme.currentData())  # the new look at once, not at restart
        if old_language != self.language.currentData():
            self.language_changed.emit(self.language.currentData())
        self.accept()
