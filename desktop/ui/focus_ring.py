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
QPushButton:default { border-color: $accent; }  /* Enter presses it: the primary action */
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
QSpinBox, QDoubleSpinBox { padding-right: 18px; }
QSpinBox:focus, QDoubleSpinBox:focus { padding-right: 17px; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {
    subcontrol-origin: border; width: 16px; border: none; background: transparent;
}
QAbstractSpinBox::up-button { subcontrol-position: top right; }
QAbstractSpinBox::down-button { subcontrol-position: bottom right; }
QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover { background: $divider; }
QAbstractSpinBox::up-arrow { image: url("$up"); width: 8px; height: 5px; }
QAbstractSpinBox::down-arrow { image: url("$arrow"); width: 8px; height: 5px; }
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off,
QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off { image: none; }
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {
    width: 13px; height: 13px; border: 1px solid $border; border-radius: 3px;
    background: $surface_alt;
}
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:hover, QRadioButton::indicator:hover { border-color: $focus; }
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {
    background: $accent; border-color: $accent; image: url("$check");
}
QCheckBox::indicator:indeterminate { background: $accent; border-color: $accent; }
QRadioButton::indicator:checked { background: $accent; border-color: $accent; image: url("$dot"); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {
    border-color: $divider; background: $surface;
}
DateEditor QToolButton { border: 1px solid $border; border-radius: 3px; padding: 1px 6px;
                         background: $raised; }
DateEditor QToolButton:hover { border-color: $focus; }
DateEditor QToolButton::menu-indicator { image: none; width: 0; }  /* "…" says it opens */
QDockWidget { titlebar-close-icon: url("$close"); }
QDockWidget::title { background: $raised; padding: 4px 8px; text-align: left; }
QDockWidget::close-button { border: 1px solid transparent; border-radius: 3px; }
QDockWidget::close-button:hover { border-color: $border; background: $surface_alt; }
""")


def focus_style(p: Palette) -> str:
    """The rules in one palette's colours, with the combo arrow's file (style sheets take
    a path, not a resource; the dark scheme has its own light arrow)."""
    dark = "-dark" if luminance(p.surface) < 0.2 else ""

    def icon(name: str) -> str:
        return resource_path("icons", f"{name}.svg").as_posix()

    values = {name: getattr(p, name) for name in p.__dataclass_fields__ if name != "chart"}
    return _RULES.substitute(values, arrow=icon(f"combo-arrow{dark}"), up=icon(f"spin-up{dark}"),
                             close=icon(f"close{dark}"), check=icon("check-mark"),
                             dot=icon("radio-dot"))
