"""Bringing the main window up to date after its data changed under it (a backup
restored, the demo data loaded): every built page reads again, and unsaved forms go
with the replaced data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.core.kinds import KINDS

translate = QCoreApplication.translate


def after_restore(window: Any, safety: str) -> None:
    """Every page reads the restored data; unsaved forms are dropped with it."""
    for page in window.pages.built().values():
        page.form.mark_clean()
        page.new_record(ask=False)
        page.model.invalidate_all()
        page.model.refresh()
    window.beranda.refresh()
    QMessageBox.information(
        window, translate("MainWindow", "Pulihkan dari cadangan"),
        translate("MainWindow", "Basis data dipulihkan. Isi sebelumnya dicadangkan ke {path}.")
        .replace("{path}", safety))


def demo_loaded(window: Any) -> None:
    """The demo brought its own office profile and records: every list and the Beranda
    hear of it."""
    office = window.desk.office.get()
    window.office_label.setText(office["nama"] if office else "")
    for kind in KINDS:
        window.hub.notify(kind, [])
    window.beranda.refresh()
    window.statusBar().showMessage(translate("MainWindow", "Data contoh dimuat."), 6000)

