"""Pengaturan → Umum: language, colour scheme, the user's name for the audit log, how
early agreements' ends are announced, the daily backups kept and the CSV separator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from desktop.core.settings import (
    BACKUP_KEEP,
    COLOR_SCHEME,
    CSV_DELIMITER,
    EXPIRY_DAYS,
    LANGUAGE,
    USER_NAME,
    Settings,
)

translate = QCoreApplication.translate


class GeneralTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        form.addRow(translate("SettingsDialog", "&Bahasa"), self.language)
        self.scheme = QComboBox(self)
        self.scheme.setObjectName("schemeCombo")
        self.scheme.addItem(translate("SettingsDialog", "Ikuti sistem"), "system")
        self.scheme.addItem(translate("SettingsDialog", "Terang"), "light")
        self.scheme.addItem(translate("SettingsDialog", "Gelap"), "dark")
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(settings.get(COLOR_SCHEME))))
        form.addRow(translate("SettingsDialog", "&Tampilan"), self.scheme)
        self.user_name = QLineEdit(settings.get(USER_NAME), self)
        self.user_name.setObjectName("userNameEdit")
        self.user_name.setPlaceholderText(
            translate("SettingsDialog", "nama Anda, dicatat di log audit"))
        form.addRow(translate("SettingsDialog", "&Nama pengguna"), self.user_name)
        self.expiry = QSpinBox(self)
        self.expiry.setRange(1, 3650)
        self.expiry.setValue(settings.get(EXPIRY_DAYS))
        self.expiry.setSuffix(translate("SettingsDialog", " hari"))
        form.addRow(translate("SettingsDialog", "Peringatan kerja sama berakhir"), self.expiry)
        self.backup_keep = QSpinBox(self)
        self.backup_keep.setObjectName("backupKeepSpin")
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(int(settings.get(BACKUP_KEEP)))
        self.backup_keep.setSuffix(translate("SettingsDialog", " cadangan"))
        form.addRow(translate("SettingsDialog", "Cadangan harian yang disimpan"),
                    self.backup_keep)
        self.csv_delimiter = self._csv_delimiter_combo(settings)
        form.addRow(translate("SettingsDialog", "Pemisah kolom &CSV"), self.csv_delimiter)

    def _csv_delimiter_combo(self, settings: Settings) -> QComboBox:
        """"auto" names what it means here: Excel with Indonesian settings wants ";"."""
        from desktop.core.csv_format import automatic_delimiter

        combo = QComboBox(self)
        combo.setObjectName("csvDelimiterCombo")
        combo.addItem(translate("SettingsDialog", "Menurut pengaturan wilayah ({sep})")
                      .replace("{sep}", automatic_delimiter()), "auto")
        combo.addItem(translate("SettingsDialog", "Titik koma (;)"), ";")
        combo.addItem(translate("SettingsDialog", "Koma (,)"), ",")
        combo.setToolTip(translate(
            "SettingsDialog",
            "Excel membuka CSV dengan pemisah daftar dari pengaturan wilayah Windows: "
            "dengan pengaturan Indonesia itu titik koma."))
        combo.setCurrentIndex(max(0, combo.findData(settings.get(CSV_DELIMITER))))
        return combo

    def store(self, settings: Settings) -> None:
        """Its values into ``settings`` (saved to disk by the dialog)."""
        settings.set(LANGUAGE, self.language.currentData())
        settings.set(COLOR_SCHEME, self.scheme.currentData())
        settings.set(USER_NAME, self.user_name.text().strip())
        settings.set(EXPIRY_DAYS, self.expiry.value())
        settings.set(BACKUP_KEEP, self.backup_keep.value())
        settings.set(CSV_DELIMITER, self.csv_delimiter.currentData())
