"""Yes/no questions with the application's own button words.

Qt ships no Indonesian catalogue for its standard buttons, so ``QMessageBox.question``
would say "Yes"/"No" in an Indonesian window; these boxes name their buttons via tr().
Callers use ``ask.confirm(...)`` through the module so tests can answer in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def confirm(parent: QWidget | None, title: str, text: str, accept_text: str,
            name: str = "confirmBox") -> bool:
    """True when the user chose ``accept_text``; Cancel and Escape say no."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept
