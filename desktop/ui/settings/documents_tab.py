"""Pengaturan → Naskah: how KB/PKS documents print (paper, the opening date's case, one
original per party, the office logo) and a way to the templates editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.settings import (
    COPIES_PER_PARTY,
    OFFICE_LOGO,
    PAGE_SIZE,
    TITLE_CASE_OPENING,
    Settings,
)

translate = QCoreApplication.translate


class DocumentsTab(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("pageSizeCombo")
        self.page_size.addItem(translate("SettingsDialog", "A4 (210 × 297 mm)"), "A4")
        self.page_size.addItem(translate("SettingsDialog", "F4 / folio (215 × 330 mm)"), "F4")
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(
            str(settings.get(PAGE_SIZE)).upper())))
        form.addRow(translate("SettingsDialog", "&Ukuran kertas"), self.page_size)
        self.title_case = QCheckBox(translate(
            "SettingsDialog", "Tanggal pembuka dengan Huruf Kapital di Awal Kata "
                              "(\"Pada Hari Ini Kamis Tanggal …\")"), self)
        self.title_case.setObjectName("titleCaseCheck")
        self.title_case.setChecked(bool(settings.get(TITLE_CASE_OPENING)))
        form.addRow("", self.title_case)
        self.copies_per_party = QCheckBox(translate(
            "SettingsDialog", "Cetak satu naskah asli per pihak, meterai di tanda tangan "
                              "pihak lain"), self)
        self.copies_per_party.setObjectName("copiesPerPartyCheck")
        self.copies_per_party.setChecked(bool(settings.get(COPIES_PER_PARTY)))
        form.addRow("", self.copies_per_party)
        self.logo_path = QLineEdit(str(settings.get(OFFICE_LOGO) or ""), self)
        self.logo_path.setObjectName("logoPathEdit")
        self.logo_path.setPlaceholderText(
            translate("SettingsDialog", "PNG atau JPEG; kosongkan bila tanpa logo"))
        pick = QPushButton(translate("SettingsDialog", "Pilih…"), self)
        pick.clicked.connect(self._browse_logo)
        row = QHBoxLayout()
        row.addWidget(self.logo_path, 1)
        row.addWidget(pick)
        logo_label = QLabel(translate("SettingsDialog", "&Logo kantor"), self)
        logo_label.setBuddy(self.logo_path)
        form.addRow(logo_label, row)
        self.templates_button = QPushButton(
            translate("SettingsDialog", "Ubah &templat KB/PKS…"), self)
        self.templates_button.setObjectName("editTemplatesButton")
        form.addRow("", self.templates_button)

    def _browse_logo(self) -> None:
        from desktop.ui.save_paths import LOGO, ask_open_path

        path = ask_open_path(self, LOGO, translate("SettingsDialog", "Logo kantor"),
                             translate("SettingsDialog", "Gambar (*.png *.jpg *.jpeg)"),
                             self.logo_path.text())
        if path:
            self.logo_path.setText(path)

    def logo_problem(self) -> str | None:
        """Why the logo named cannot be used, or None (no logo, or a readable image)."""
        path = self.logo_path.text().strip()
        if not path:
            return None
        if QImage(str(Path(path).expanduser())).isNull():
            return translate("SettingsDialog", "Logo tidak dapat dibaca sebagai gambar PNG "
                                               "atau JPEG: {path}").replace("{path}", path)
        return None

    def store(self, settings: Settings) -> None:
        settings.set(PAGE_SIZE, self.page_size.currentData())
        settings.set(TITLE_CASE_OPENING, self.title_case.isChecked())
        settings.set(COPIES_PER_PARTY, self.copies_per_party.isChecked())
        settings.set(OFFICE_LOGO, self.logo_path.text().strip())
