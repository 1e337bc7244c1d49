"""The right-hand pane of a record page: the record's title, links, form and buttons.

Why its own widget: what the pane shows and which buttons are live follow from the
page's state (a record open or not, a save running, unsaved edits); the pane draws that,
the page decides it. Subclass pages add their buttons to ``related_bar`` and their boxes
to the pane's layout.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.core.desk import Desk
from desktop.ui.page_specs import PageSpec
from desktop.ui.record.berkas_box import BerkasBox
from desktop.ui.tasks import TaskManager
from desktop.ui.widgets.form import RecordForm


class DetailPane(QWidget):
    """Title, links to related records, the scrolling form and the record's Berkas,
    Simpan/Batalkan/Riwayat/Hapus."""

    related_clicked = QtSignal(object)  # the RelatedSpec of the link that was clicked

    def __init__(self, desk: Desk, spec: PageSpec, lookups: Any, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        kind = desk.service(spec.kind).kind
        self.spec = spec
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.related_bar = QHBoxLayout()
        self.related_buttons: list[QPushButton] = []
        for related in spec.related:
            button = QPushButton(f"→ {related.label}", self)
            button.setFlat(True)
            button.setObjectName("relatedLink")
            button.clicked.connect(lambda _c=False, r=related: self.related_clicked.emit(r))
            self.related_bar.addWidget(button)
            self.related_buttons.append(button)
        self.related_bar.addStretch(1)
        layout.addLayout(self.related_bar)
        scroll = QScrollArea(self)
        self.form_scroll = scroll
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop: its fields are
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form = RecordForm(kind, lookups, scroll, spec.collections)
        self.catalog_notice: Any = None
        if kind.name == "datasets":  # what the next sync does to its visibility
            from desktop.ui.widgets.catalog_notice import CatalogNotice

            self.catalog_notice = CatalogNotice(desk, self.form, tasks)
        # the record's files below its form, in the same scroll area: a short screen
        # scrolls to them rather than losing form rows to a fixed box
        body = QWidget(scroll)
        body.setObjectName("detailBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.form)
        self.berkas = BerkasBox(desk, kind.name, tasks, body)
        body_layout.addWidget(self.berkas)
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Simpan"), self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(self.tr("&Batalkan perubahan"), self)
        self.delete_button = QPushButton(self.tr("&Hapus"), self)
        self.delete_button.setObjectName("deleteButton")
        self.history_button = QPushButton(self.tr("&Riwayat"), self)
        for button in (self.save_button, self.revert_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        # why the person may not change this kind (desktop.ui.role_view), else None
        self.refused: str | None = None

    def update_buttons(self, has_record: bool, record: dict[str, Any] | None,
                       saving: bool) -> None:
        """Live buttons for the open record (none: a new one); a link to related records
        only when the record has something to link by."""
        self.delete_button.setEnabled(has_record and not saving)
        self.history_button.setEnabled(has_record)
        self.revert_button.setEnabled(self.form.is_dirty())
        self.save_button.setEnabled(not saving)
        if self.refused is not None:  # the role may read this kind, not change it
            for button in (self.save_button, self.revert_button, self.delete_button):
                button.setEnabled(False)
                button.setToolTip(self.refused)
        for button, related in zip(self.related_buttons, self.spec.related, strict=True):
            button.setEnabled(has_record and (related.from_field is None or bool(
                (record or {}).get(related.from_field))))

    def tab_chain(self) -> list[QWidget]:
        """Simpan and the other buttons, then the links above the form (a subclass page's
        too), so the links never stand between the list and the form."""
        chain: list[QWidget] = [self.save_button, self.revert_button, self.history_button,
                                self.delete_button]
        for index in range(self.related_bar.count()):
            widget = self.related_bar.itemAt(index).widget()
            if isinstance(widget, QPushButton):
                chain.append(widget)
        return chain
