"""Qt's message box for a failure before the main window exists (see core.early_failure)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox


def show_failure_box(title: str, text: str) -> None:
    """A modal error box; starts Qt when the failure came before the application did."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QMessageBox.critical(None, title, text)
