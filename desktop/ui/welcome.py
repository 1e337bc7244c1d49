"""First run on an empty database: set the office profile, or load the demo data."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.desk import Desk
from desktop.core.errors import ValidationError
from desktop.core.services.office import FIELDS as OFFICE_FIELDS
from desktop.ui.lookups import RegionLookup
from desktop.ui.tasks import TaskManager
from desktop.ui.widgets.fields import PickEditor


def needs_welcome(desk: Desk) -> bool:
    return desk.office.get() is None and desk.opd.count() == 0


class WelcomeDialog(QDialog):
    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.demo_loaded = False
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Selamat datang di Diskominfo Desk"))
        # as tall as its content: a fixed 380 px left a blank band above the buttons;
        # it grows when an error is shown under the fields
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<h2>Selamat datang</h2><p>Diskominfo Desk mencatat aplikasi OPD, dataset Satu "
            "Data, kunjungan kerja dan kerja sama daerah. Mulailah dengan profil kantor "
            "Anda, atau isi data contoh untuk mencoba aplikasi.</p>"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.region = PickEditor(OFFICE_FIELDS[0], RegionLookup(desk), self)
        self.region.setObjectName("welcomeRegion")
        self.name = QLineEdit(self)
        self.name.setObjectName("welcomeName")
        self.address = QLineEdit(self)
        self.head = QLineEdit(self)
        form.addRow(self.tr("Daerah *"), self.region)
        form.addRow(self.tr("Nama kantor *"), self.name)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Kepala dinas"), self.head)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()  # shown with a message only (an empty one still took a gap)
        layout.addWidget(self.error)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Isi &data contoh"), self)
        self.demo_button.setObjectName("demoButton")
        self.start_button = QPushButton(self.tr("&Mulai"), self)
        self.start_button.setObjectName("startButton")
        self.start_button.setDefault(True)
        later = QPushButton(self.tr("Nanti saja"), self)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        self.region.changed.connect(self._suggest_name)
        self.demo_button.clicked.connect(self.load_demo)
        self.start_button.clicked.connect(self.start)
        later.clicked.connect(self.reject)

    def _suggest_name(self) -> None:
        kode = self.region.value()
        if kode and not self.name.text().strip():
            nama = self.region.lookup.text_of(kode).rsplit(" (", 1)[0]
            self.name.setText(f"Dinas Komunikasi dan Informatika {nama}")

    def start(self) -> None:
        data: dict[str, Any] = {"region_kode": self.region.value(), "nama": self.name.text(),
                                "alamat": self.address.text(), "kepala_nama": self.head.text()}
        try:
            self.desk.office.save(data)
        except ValidationError as exc:
            labels = {f.name: str(f.label) for f in OFFICE_FIELDS}
            self._show_error("\n".join(f"{labels.get(k, k)}: {' '.join(v)}"
                                        for k, v in exc.errors.items()))
            return
        self.accept()

    def load_demo(self) -> None:
        """The demo, after asking when a profile typed here would give way to its own."""
        from desktop.ui.demo_action import load_demo_asking

        typed = self.name.text().strip() or (self.region.lookup.text_of(self.region.value())
                                             if self.region.value() else "")
        self.demo_button.setEnabled(False)
        self.start_button.setEnabled(False)
        if not load_demo_asking(self, self.desk, self.tasks, self._demo_done,
                                self._demo_failed, typed_office=typed or None):
            self.demo_button.setEnabled(True)
            self.start_button.setEnabled(True)

    def _demo_done(self, _summary: Any) -> None:
        self.demo_loaded = True
        self.accept()

    def _demo_failed(self, exc: Exception) -> None:
        self.demo_button.setEnabled(True)
        self.start_button.setEnabled(True)
        self._show_error(getattr(exc, "message", str(exc)))

    def _show_error(self, text: str) -> None:
        """The message under the fields, the dialog made taller for it: a layout only
        grows its window to the minimum, which squeezed the fields below their height."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        layout = self.layout()
        layout.activate()
        wanted = max(self.sizeHint().height(), self.heightForWidth(self.width()))
        if self.height() < wanted:
            self.resize(self.width(), wanted)
