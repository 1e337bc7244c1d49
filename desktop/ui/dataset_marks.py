"""The Dataset page's tinted rows: datasets not updated as often as their frequency
(``frekuensi``) says, with the reason on the row and a legend naming the count."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QObject

from desktop.core.choices import FREKUENSI
from desktop.core.formatting import number


class OverdueMarks(QObject):
    """Installed on the Dataset page (its child): tints the overdue datasets; the
    legend's count filters to them."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        page.mark_rows(
            self.note,
            lambda n: self.tr("{n} terlambat diperbarui", "", n).replace("{n}", number(n)),
            self.tr("Baris berwarna: dataset yang belum diperbarui sesuai frekuensinya. "
                    "Arahkan penunjuk ke baris untuk rinciannya."),
            lambda: {"terlambat": 1})

    def note(self, row: dict[str, Any]) -> str | None:
        """Why this dataset's row is tinted, or None when it is up to date."""
        from desktop.core.freshness import is_overdue

        if is_overdue(row["frekuensi"], row.get("terakhir_diperbarui"), date.today()):
            return self.tr("Terlambat diperbarui (frekuensi: {f})").replace(
                "{f}", FREKUENSI.label(row["frekuensi"]))
        return None
