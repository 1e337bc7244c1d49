"""Bantuan: "Isi data contoh…" (asked first, see ``desktop.ui.demo_action``) and
"Tentang Diskominfo Desk"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop import __version__

translate = QCoreApplication.translate


def load_demo(window: Any) -> bool:
    """Asks before replacing the office profile, refuses over records. False when
    nothing was started."""
    from desktop.ui.demo_action import load_demo_asking
    from desktop.ui.window_reload import demo_loaded

    return load_demo_asking(window, window.desk, window.tasks,
                            lambda _summary: demo_loaded(window))


def about(window: Any) -> None:
    """QMessageBox.about's own button says "OK" (Qt has no Indonesian catalogue):
    the same box, closed with the program's "Tutup"."""
    box = QMessageBox(window)
    box.setObjectName("aboutBox")
    box.setWindowTitle(translate("MainWindow", "Tentang Diskominfo Desk"))
    box.setIconPixmap(window.windowIcon().pixmap(64, 64))
    box.setText(
        translate("MainWindow",
                  "<b>Diskominfo Desk</b> {version}<br>Register aplikasi, dataset, kunjungan "
                  "dan kerja sama Dinas Komunikasi dan Informatika.<br>Data wilayah: "
                  "Kepmendagri 300.2.2-2138/2025 (cahyadsn/wilayah, MIT).")
        .replace("{version}", __version__))
    close = box.addButton(translate("MainWindow", "&Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(close)
    box.exec()
