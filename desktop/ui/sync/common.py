"""Small helpers the Sinkronisasi boxes share: times, values and their read-only tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QWidget

from desktop.core.formatting import date_time, display


def local_time(value: datetime | None) -> str:
    """A stored UTC time in the workstation's time zone."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return date_time(aware.astimezone().replace(tzinfo=None))


def read_only_table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A table the page fills; rows are picked whole, never edited in place."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setMinimumHeight(150)
    return table


def is_offline(error: Exception) -> bool:
    """Errors that mean "cannot reach the catalog now" rather than "it said no"."""
    from desktop.sync.api import (
        CatalogProxyError,
        CatalogServerError,
        CatalogUnreachableError,
    )

    return isinstance(error, (CatalogUnreachableError, CatalogServerError, CatalogProxyError))


def show_value(value: Any) -> str:
    """A conflict's value as the user reads it (a list joined, nothing as a dash)."""
    if value is None:
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return display(value) if not isinstance(value, dict) else str(value)
