"""A focus ring you can see: where the keyboard is, in every input, button and list.

Fusion marks the focused field with a faint frame that disappears on many screens, and
the navigation list and tables draw none at all. These rules draw a 2-px ring in the
palette's ``focus`` token (3:1 against every surface, light and dark). The widgets get a
box of the same outer size when unfocused (1-px border plus 1 px more padding), so
nothing shifts as the focus moves.
"""

from __future__ import annotations

from string import Template

from desktop.core.resources import resource_path
from desktop.ui.palette import Palette, luminance

_RULES = Template("""
QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox {
    border: 1px solid $border; border-radius: 3px; padding: 2px;
    background: $surface_alt;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus {
    border: 2px solid $focus; padding: 1px;
}
QComboBox {
    border: 1px solid $border; border-radius: 3px; padding: 2px 20px 2px 6px;
    background: $surface_alt;
}
QComboBox:!editable { background: $raised; }
QComboBox:focus { border: 2px solid $focus; padding: 1px 19px 1px 5px; }
QComboBox::drop-down {
    subcontrol-origin: border; subcontrol-position: center right; width: 20px;
    border: none;
}
QComboBox::down-arrow { image: url("$arrow"); width: 10px; height: 6px; }
QComboBox::down-arrow:disabled { image: none; }
QPushButton {
    border: 1px solid $border; border-radius: 4px; padding: 4px 12px;
    background: $raised;
}
QPushButton:hover { border-color: $focus; }
QPushButton:pressed { background: $divider; }
QPushButton:disabled { color: $text_muted; border-color: $divider; }
QPushButton:focus { border: 2px solid $focus; padding: 3px 11px; }
QPushButton:flat { border: 1px solid transparent; background: transparent; }
QPushButton:flat:focus { border: 2px solid $focus; }
QToolButton:focus { border: 2px solid $focus; border-radius: 3px; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 3px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid $focus; }
QTableView, QTreeView, QListView { border: 2px solid transparent; }
QTableView:focus, QTreeView:focus, QListView:focus { border: 2px solid $focus; }
QComboBox QAbstractItemView, QComboBox QAbstractItemView:focus {
    border: 1px solid $border; selection-background-color: $accent;
    selection-color: $on_accent;
}
QComboBox::item:selected {  /* the popup's current entry (drawn as a menu item) */
    background: $accent; color: $on_accent;
}
#navigation { border: 2px solid transparent; }
#navigation:focus { border: 2px solid $focus; }
#tile:focus { border-top: 2px solid $focus; border-right: 2px solid $focus;
              border-bottom: 2px solid $focus; }
#dateHint, #dateHint:focus { border: none; background: transparent; }
""")


def focus_style(p: Palette) -> str:
    """The rules in one palette's colours, with the combo arrow's file (style sheets take
    a path, not a resource; the dark scheme has its own light arrow)."""
    arrow = resource_path("icons", "combo-arrow.svg" if luminance(p.surface) > 0.2
                          else "combo-arrow-dark.svg").as_posix()
    values = {name: getattr(p, name) for name in p.__dataclass_fields__ if name != "chart"}
    return _RULES.substitute(values, arrow=arrow)
