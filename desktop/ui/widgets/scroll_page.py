"""A page whose content scrolls as a whole (Beranda, Sinkronisasi), not a table page."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget


def scrolling_column(page: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """Fill ``page`` with a frameless scroll area; returns its body and the body's column,
    with the margins every such page uses."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer.addWidget(scroll)
    body = QWidget(scroll)
    scroll.setWidget(body)
    column = QVBoxLayout(body)
    column.setContentsMargins(16, 10, 16, 16)
    return body, column
