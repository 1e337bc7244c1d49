"""Settings: language, office profile, database (with "test connection"), user name.

Secrets never land in the settings file: a password typed into a database URL is moved
to the OS keyring before the URL is saved. Each tab is its own widget in
``desktop/ui/settings/``; the dialog assembles them and saves them all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, ValidationError
from desktop.core.kinds.base import RecordKind
from desktop.core.models import OfficeProfile
from desktop.core.services.office import FIELDS as OFFICE_FIELDS
from desktop.core.settings import DATABASE, LANGUAGE, Settings
from desktop.ui.settings.database_tab import DatabaseTab
from desktop.ui.settings.documents_tab import DocumentsTab
from desktop.ui.settings.general_tab import GeneralTab
from desktop.ui.style import apply_style, current_preference
from desktop.ui.widgets.form import RecordForm

OFFICE_KIND = RecordKind(
    name="office", label=OFFICE_FIELDS[1].label, plural=OFFICE_FIELDS[1].label,
    model=OfficeProfile, fields=OFFICE_FIELDS, columns=(), title=lambda r: r.nama,
    search_text=lambda r: r.nama,
)


def _office_refusal(desk: Desk) -> str | None:
    """Why this person may not change the office profile (None: they may)."""
    from desktop.core.roles import OFFICE, refusal

    access = getattr(desk, "access", None)
    return None if access is None or access.can(OFFICE) else refusal(access, ability=OFFICE)


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
        self.general_tab = GeneralTab(self.settings, tabs)
        tabs.addTab(self.general_tab, self.tr("Umum"))
        self.office_form = RecordForm(OFFICE_KIND, Lookups(desk), tabs)
        self.office_form.setObjectName("officeForm")
        self.office = desk.office.get()
        self.office_form.load(self.office)
        tabs.addTab(self.office_form, self.tr("Profil kantor"))
        self.office_refused = _office_refusal(desk)  # the administrator's profile
        if self.office_refused is not None:
            self.office_form.setEnabled(False)
            self.office_form.setToolTip(self.office_refused)
        self.database_tab = DatabaseTab(desk.db.url, self.settings.get(DATABASE),
                                        getattr(parent, "tasks", None), tabs)
        tabs.addTab(self.database_tab, self.tr("Basis data"))
        self.documents_tab = DocumentsTab(self.settings, tabs)
        self.documents_tab.templates_button.clicked.connect(self._edit_templates)
        tabs.addTab(self.documents_tab, self.tr("Naskah"))
        self._expose_fields()
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

    def _expose_fields(self) -> None:
        """The tabs' fields under the dialog's own names too (``dialog.language``,
        ``dialog.pg_url``, …), as callers and tests have known them."""
        general, database, documents = self.general_tab, self.database_tab, self.documents_tab
        self.language, self.scheme, self.user_name = (general.language, general.scheme,
                                                      general.user_name)
        self.expiry, self.backup_keep, self.csv_delimiter = (general.expiry,
                                                             general.backup_keep,
                                                             general.csv_delimiter)
        self.db_in_use, self.db_result = database.db_in_use, database.db_result
        self.use_sqlite, self.use_pg = database.use_sqlite, database.use_pg
        self.sqlite_path, self.pg_url = database.sqlite_path, database.pg_url
        self.page_size, self.title_case = documents.page_size, documents.title_case
        self.copies_per_party, self.logo_path = documents.copies_per_party, documents.logo_path

    def chosen_database(self) -> str:
        return self.database_tab.chosen_database()

    def test_connection(self) -> None:
        self.database_tab.test_connection()

    def _edit_templates(self) -> None:
        opener = getattr(self.parent(), "open_templates", None)
        if opener is not None:
            opener()  # the window's single template editor
            return
        from desktop.ui.template_dialog import TemplateDialog

        TemplateDialog(self).open()

    def save(self) -> None:
        try:  # checked first, so a bad address leaves every setting as it was; the
            # password goes to the keyring, or is refused (no keyring) before anything is
            # saved: the dialog stays open
            database = self.database_tab.checked_database()
        except DeskError as exc:
            self.tabs.setCurrentWidget(self.database_tab)
            QMessageBox.warning(self, self.tr("Pengaturan"), exc.message)
            return
        problem = self.documents_tab.logo_problem()
        if problem:
            self.tabs.setCurrentWidget(self.documents_tab)
            QMessageBox.warning(self, self.tr("Pengaturan"), problem)
            return
        if not self._save_office():
            return
        old_language = self.settings.get(LANGUAGE)
        self.general_tab.store(self.settings)
        self.documents_tab.store(self.settings)
        self.settings.set(DATABASE, database)
        self.settings.save()
        self.desk.saved_user = self.user_name.text().strip()
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.scheme.currentData() != current_preference():
            apply_style(app, self.scheme.currentData())  # the new look at once, not at restart
        if old_language != self.language.currentData():
            self.language_changed.emit(self.language.currentData())
        self.accept()

    def _save_office(self) -> bool:
        """The office profile, when there is one or the form holds anything; False (the
        dialog stays open, nothing else saved) when it is refused."""
        office_values = self.office_form.values()
        if self.office_refused is not None:
            return True  # shown, not changeable: nothing of it to save
        if self.office is None and not any(v for v in office_values.values()):
            return True
        try:
            saved = self.desk.office.save(
                office_values,
                expected_version=self.office["version"] if self.office else None)
        except ValidationError as exc:
            self.tabs.setCurrentWidget(self.office_form)
            self.office_form.show_errors(exc.errors)
            return False
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Pengaturan"), exc.message)
            return False
        self.office = saved
        self.office_saved.emit(saved)
        return True
