"""The Dataset page's tinted rows: datasets not updated as often as their frequency
(``frekuensi``) says, with the reason on the row and a legend naming the count."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.core.choices import FREKUENSI
from desktop.core.formatting import number

translate = QCoreApplication.translate


def overdue_note(row: dict[str, Any]) -> str | None:
    """Why this dataset's row is tinted, or None when it is up to date."""
    from desktop.core.freshness import is_overdue

    if is_overdue(row["frekuensi"], row.get("terakhir_diperbarui"), date.today()):
        return translate("MainWindow", "Terlambat diperbarui (frekuensi: {f})").replace(
            "{f}", FREKUENSI.label(row["frekuensi"]))
    return None


def mark_overdue(page: Any) -> None:
    """Tint the overdue datasets on their page; the legend's count filters to them."""
    page.mark_rows(
        overdue_note,
        lambda n: translate("MainWindow", "{n} terlambat diperbarui", "", n).replace(
            "{n}", number(n)),
        translate("MainWindow", "Baris berwarna: dataset yang belum diperbarui sesuai "
                                "frekuensinya. Arahkan penunjuk ke baris untuk rinciannya."),
        lambda: {"terlambat": 1})
