"""The one "data changed" signal every page listens to, instead of calling each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataHub(QObject):
    """``changed(kind, ids)``: records of ``kind`` were created, updated or deleted."""

    changed = Signal(str, list)
    # changes other workstations committed (``desktop.core.live.Change``), after their
    # ``changed``: a form showing one of the records offers to reload it (desktop.ui.live)
    live = Signal(list)

    def notify(self, kind: str, ids: list[str]) -> None:
        self.changed.emit(kind, list(ids))
