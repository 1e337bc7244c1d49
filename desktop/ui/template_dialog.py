"""The office's own KB and PKS templates, edited like an agreement's articles.

Saving writes the office's copy (``desktop.core.agreement_templates``); new drafts use it from
then on. "Kembalikan ke bawaan" forgets the copy so the shipped template applies again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agreement_templates import (
    PLACEHOLDERS,
    load_template,
    office_template_path,
    reset_office_template,
    save_office_template,
)
from desktop.core.errors import DeskError
from desktop.ui import ask
from desktop.ui.widgets.articles import ArticlesEditor


class TemplateDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Templat naskah kerja sama"))
        self.resize(860, 720)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("templateKind")
        self.kind.addItem(self.tr("Kesepakatan Bersama (KB)"), "kb")
        self.kind.addItem(self.tr("Perjanjian Kerja Sama (PKS)"), "pks")
        self.source = QLabel(self)
        self.source.setObjectName("templateSource")
        top.addWidget(QLabel(self.tr("Templat:"), self))
        top.addWidget(self.kind)
        top.addWidget(self.source, 1)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Premis (satu \"bahwa …\" per baris)"), self))
        self.premis = QPlainTextEdit(self)
        self.premis.setObjectName("templatePremis")
        self.premis.setMaximumHeight(120)
        layout.addWidget(self.premis)
        self.articles = ArticlesEditor(self)
        layout.addWidget(self.articles, 1)
        names = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        hint = QLabel(self.tr("Isian yang diganti dari data kerja sama: {names}")
                      .replace("{names}", names), self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("&Kembalikan ke bawaan"), self)
        self.save_button = QPushButton(self.tr("&Simpan templat"), self)
        self.save_button.setObjectName("saveTemplateButton")
        close = QPushButton(self.tr("&Tutup"), self)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.kind.activated.connect(self._kind_chosen)
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        close.clicked.connect(self.reject)
        self._jenis = "kb"
        self._loaded: dict[str, Any] = {}
        self.load("kb")

    # ------------------------------------------------------------------ data
    def load(self, jenis: str) -> None:
        template = load_template(jenis)
        self._jenis = jenis
        self.kind.setCurrentIndex(self.kind.findData(jenis))
        self.premis.setPlainText("\n".join(template.get("premis", [])))
        self.articles.set_rows(template["pasal"])
        self._loaded = self.values()
        own = office_template_path(jenis).is_file()
        self.source.setText(self.tr("salinan kantor ini") if own else
                            self.tr("templat bawaan"))
        self.reset_button.setEnabled(own)

    def values(self) -> dict[str, Any]:
        premis = [line.strip() for line in self.premis.toPlainText().splitlines()
                  if line.strip()]
        return {"premis": premis, "pasal": self.articles.rows()}

    def is_dirty(self) -> bool:
        return self.values() != self._loaded

    # ------------------------------------------------------------------ actions
    def _kind_chosen(self) -> None:
        jenis = self.kind.currentData()
        if jenis == self._jenis:
            return
        if self.is_dirty() and not self._discard_ok():
            self.kind.setCurrentIndex(self.kind.findData(self._jenis))
            return
        self.load(jenis)

    def _discard_ok(self) -> bool:
        return ask.confirm(self, self.tr("Templat naskah kerja sama"),
                           self.tr("Perubahan templat belum disimpan. Buang perubahan itu?"),
                           self.tr("Buang perubahan"), name="unsavedTemplateBox")

    def save(self) -> bool:
        try:
            save_office_template(self._jenis, {**load_template(self._jenis), **self.values()})
        except DeskError as exc:
            QMessageBox.warning(self, self.tr("Templat naskah kerja sama"), exc.message)
            return False
        self.load(self._jenis)
        return True

    def reset(self) -> None:
        reset_office_template(self._jenis)
        self.load(self._jenis)

    def reject(self) -> None:
        if self.is_dirty() and not self._discard_ok():
            return
        super().reject()
