"""The look: Fusion (follows the system's light/dark scheme), a few palette-aware rules."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE = """
#navigation { border: none; font-size: 11pt; padding-top: 8px; outline: none; }
#navigation::item { padding: 7px 10px; border-radius: 6px; margin: 1px 6px; }
#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
#pageTitle { font-size: 16pt; font-weight: 600; padding: 2px 0 6px 0; }
#detailTitle { font-size: 13pt; font-weight: 600; padding: 4px 0; }
#countLabel { color: palette(mid); padding-left: 8px; }
#fieldError { color: #c62828; font-size: 9pt; }
#catalogNotice { color: #8a5300; font-size: 9pt; }
#dateHint { color: palette(mid); background: transparent; }
#filterChip { border: 1px solid palette(highlight); border-radius: 10px; padding: 2px 8px; }
#relatedLink { text-align: left; color: palette(link); padding: 2px 4px; }
#brand { font-size: 12pt; font-weight: 700; padding: 12px 14px 2px 14px; }
#brandSub { color: palette(mid); padding: 0 14px 8px 14px; }
#tile { text-align: left; border: 1px solid palette(midlight); border-left: 5px solid palette(mid);
        border-radius: 6px; background: palette(base); }
#tile:hover { border-color: palette(highlight); }
#tile[severity="ok"] { border-left-color: #2e7d32; }
#tile[severity="warn"] { border-left-color: #f9a825; }
#tile[severity="bad"] { border-left-color: #c62828; }
#tile[severity="plain"] { border-left-color: #1565c0; }
#tileNumber { font-size: 20pt; font-weight: 700; }
#tileCaption { color: palette(dark); }
#emptyChart { border: 1px dashed palette(midlight); border-radius: 6px; color: palette(mid); }
QTableView { gridline-color: palette(midlight); }
QHeaderView::section { padding: 4px 6px; font-weight: 600; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    from desktop.ui.focus_ring import focus_style

    app.setStyleSheet(STYLE + focus_style())
