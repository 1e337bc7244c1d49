"""A focus ring you can see: where the keyboard is, in every input, button and list.

Fusion marks the focused field with a faint frame that disappears on many screens, and
the navigation list and tables draw none at all. These rules draw a 2-px ring in the
palette's highlight colour (so it follows the light or dark scheme). The widgets get a
box of the same outer size when unfocused (1-px border plus 1 px more padding), so
nothing shifts as the focus moves.
"""

from __future__ import annotations

from desktop.core.resources import resource_path

_RULES = """
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox {
    border: 1px solid palette(mid); border-radius: 3px; padding: 2px;
    background: palette(base);
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus {
    border: 2px solid palette(highlight); padding: 1px;
}
QComboBox {
    border: 1px solid palette(mid); border-radius: 3px; padding: 2px 20px 2px 6px;
    background: palette(base);
}
QComboBox:!editable { background: palette(button); }
QComboBox:focus { border: 2px solid palette(highlight); padding: 1px 19px 1px 5px; }
QComboBox::drop-down {
    subcontrol-origin: border; subcontrol-position: center right; width: 20px;
    border: none;
}
QComboBox::down-arrow { image: url("{arrow}"); width: 10px; height: 6px; }
QComboBox::down-arrow:disabled { image: none; }
QPushButton {
    border: 1px solid palette(mid); border-radius: 4px; padding: 4px 12px;
    background: palette(button);
}
QPushButton:hover { border-color: palette(highlight); }
QPushButton:pressed { background: palette(midlight); }
QPushButton:disabled { color: palette(mid); border-color: palette(midlight); }
QPushButton:focus { border: 2px solid palette(highlight); padding: 3px 11px; }
QPushButton:flat { border: 1px solid transparent; background: transparent; }
QPushButton:flat:focus { border: 2px solid palette(highlight); }
QToolButton:focus { border: 2px solid palette(highlight); border-radius: 3px; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 3px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid palette(highlight); }
QTableView, QTreeView, QListView { border: 2px solid transparent; }
QTableView:focus, QTreeView:focus, QListView:focus { border: 2px solid palette(highlight); }
QComboBox QAbstractItemView, QComboBox QAbstractItemView:focus {
    border: 1px solid palette(mid); selection-background-color: palette(highlight);
    selection-color: palette(highlighted-text);
}
QComboBox::item:selected {  /* the popup's current entry (drawn as a menu item) */
    background: palette(highlight); color: palette(highlighted-text);
}
#navigation { border: 2px solid transparent; }
#navigation:focus { border: 2px solid palette(highlight); }
#tile:focus { border-top: 2px solid palette(highlight); border-right: 2px solid palette(highlight);
              border-bottom: 2px solid palette(highlight); }
#dateHint, #dateHint:focus { border: none; background: transparent; }
"""


def focus_style() -> str:
    """The rules, with the combo arrow's file (style sheets take a path, not a resource)."""
    arrow = resource_path("icons", "combo-arrow.svg").as_posix()
    return _RULES.replace("{arrow}", arrow)
