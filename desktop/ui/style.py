"""The look: Fusion, a QPalette and a style sheet, both generated from the tokens.

The colours, spacing and type sizes are chosen once in ``desktop.ui.palette`` (checked
for contrast there); this module turns one scheme's tokens into the application's
QPalette, so that Fusion and the widgets no rule touches (menus, scroll bars, native
dialogs) agree with the style sheet, and into the style sheet itself, which names
literal colours rather than ``palette(...)`` roles because Fusion's derived roles
(``mid``, ``dark``) are too faint to read as text on a dark scheme.

Which scheme: the user's choice (Settings → Tampilan: follow the system, light, dark),
or ``DISKOMINFO_DESK_SCHEME`` / ``gui --scheme`` for one run (the screenshot tour).
Following the system means reading ``styleHints().colorScheme()`` and repainting on
``colorSchemeChanged``, as a Qt ≥ 6.5 application should.
"""

from __future__ import annotations

import os
from string import Template
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:  # loaded when a form needs them, not before the window's first paint
    from PySide6.QtWidgets import QCalendarWidget, QWidget

from desktop.ui.palette import (
    FONT_FIGURE,
    FONT_NAV,
    FONT_PAGE_TITLE,
    FONT_SMALL,
    FONT_TITLE,
    PALETTES,
    SPACE_L,
    SPACE_M,
    SPACE_S,
    SPACE_XS,
    Palette,
    Scheme,
    with_alpha,
)

PREFERENCES = ("system", "light", "dark")
SCHEME_ENV = "DISKOMINFO_DESK_SCHEME"

_STYLE = Template("""
#navigation { border: none; font-size: ${nav}pt; padding-top: ${s}px; outline: none;
              background: $surface; color: $text; }
#navigation::item { padding: 7px ${m}px; border-radius: 6px; margin: 1px 6px; }
#navigation::item:hover { background: $hover; }
#navigation::item:selected { background: $accent; color: $on_accent; }
#pageTitle { font-size: ${page_title}pt; font-weight: 600; padding: 2px 0 6px 0; color: $text; }
#detailTitle { font-size: ${title}pt; font-weight: 600; padding: ${xs}px 0; color: $text; }
#countLabel { color: $text_muted; padding-left: ${s}px; }
#fieldError { color: $bad; font-size: ${small}pt; }
#catalogNotice { color: $warn; font-size: ${small}pt; }
#changedBar { background: $warn_bg; border: 1px solid $warn_mark; border-radius: 6px; }
#changedMessage { color: $text; background: transparent; }
QLabel[tone="bad"] { color: $bad; }
QLabel[tone="ok"] { color: $ok; }
QLabel[tone="muted"] { color: $text_muted; }
#dateHint { color: $text_muted; background: transparent; }
#filterChip { border: 1px solid $accent; border-radius: 10px; padding: 2px ${s}px;
              background: $accent_soft; color: $text; }
#filterChip:hover { border-color: $focus; }
#relatedLink { text-align: left; color: $link; padding: 2px ${xs}px; }
#brand { font-size: ${title}pt; font-weight: 700; padding: ${m}px 14px 2px 14px; color: $text; }
#brandSub { color: $text_muted; padding: 0 14px ${s}px 14px; }
#tile { text-align: left; border: 1px solid $border; border-left: 5px solid $neutral;
        border-radius: 6px; background: $surface_alt; }
#tile:hover { border-color: $accent; background: $hover_alt; }
#tile[severity="ok"] { border-left-color: $ok; }
#tile[severity="warn"] { border-left-color: $warn_mark; }
#tile[severity="bad"] { border-left-color: $bad; }
#tile[severity="plain"] { border-left-color: $info; }
#tileNumber { font-size: ${figure}pt; font-weight: 700; color: $text; }
#tileCaption { color: $text_muted; }
#emptyChart { border: 1px dashed $border; border-radius: 6px; color: $text_muted;
              background: $surface_alt; }
QChartView { background: transparent; border: none; }  /* the chart draws its own card */
QTableView { gridline-color: $divider; alternate-background-color: $stripe; }
QHeaderView::section { padding: ${xs}px 6px; font-weight: 600; background: $raised; color: $text;
                       border: none; border-right: 1px solid $divider;
                       border-bottom: 1px solid $border; }
QToolTip { background: $tooltip; color: $text; border: 1px solid $border; padding: ${xs}px; }
QTabWidget::pane { border: 1px solid $divider; border-radius: 4px; top: -1px; }
QTabBar::tab { padding: 5px ${m}px; border: 1px solid $divider; border-bottom: none;
               border-top-left-radius: 4px; border-top-right-radius: 4px;
               background: $raised; color: $text; margin-right: 2px; }
QTabBar::tab:selected { background: $surface_alt; border-color: $border; }
QTabBar::tab:focus { border: 2px solid $focus; border-bottom: none; }
QSplitter::handle { background: $divider; }
QSplitter::handle:hover { background: $accent; }
QStatusBar { color: $text_muted; }
QMenu { background: $surface_alt; color: $text; border: 1px solid $border; }
QMenu::item:selected { background: $accent; color: $on_accent; }
QMenu::separator { height: 1px; background: $divider; margin: ${xs}px ${s}px; }
QMenuBar::item:selected { background: $accent; color: $on_accent; }
QGroupBox { border: 1px solid $divider; border-radius: 6px; margin-top: ${l}px;
            padding-top: ${s}px; }
QGroupBox::title { subcontrol-origin: margin; left: ${s}px; padding: 0 ${xs}px;
                   color: $text; font-weight: 600; }
""")

_state: dict[str, str] = {"preference": "system", "scheme": "", "connected": ""}


def tokens() -> Palette:
    """The palette in force: what a widget reads when it paints (row tints, charts)."""
    return PALETTES[current_scheme()]


def current_scheme() -> Scheme:
    return "dark" if _state["scheme"] == "dark" else "light"


def current_preference() -> str:
    return _state["preference"]


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def stylesheet(p: Palette) -> str:
    """The whole application style sheet for one palette (the focus rings included)."""
    from desktop.ui.focus_ring import focus_style

    values = {name: getattr(p, name) for name in p.__dataclass_fields__ if name != "chart"}
    values.update(
        hover=with_alpha(p.accent, 0.16), hover_alt=with_alpha(p.accent, 0.08),
        accent_soft=with_alpha(p.accent, 0.12), nav=FONT_NAV, page_title=FONT_PAGE_TITLE,
        title=FONT_TITLE, small=FONT_SMALL, figure=FONT_FIGURE, xs=SPACE_XS, s=SPACE_S,
        m=SPACE_M, l=SPACE_L)
    return _STYLE.substitute(values) + focus_style(p)


def qpalette(p: Palette) -> QPalette:
    """The QPalette for one scheme: every role Fusion paints with, from the tokens."""
    R = QPalette.ColorRole
    pal = QPalette()
    button = QColor(p.raised)
    roles = {
        R.Window: p.surface, R.WindowText: p.text, R.Base: p.surface_alt,
        R.AlternateBase: p.stripe, R.Text: p.text, R.Button: p.raised,
        R.ButtonText: p.text, R.BrightText: p.on_accent, R.Highlight: p.accent,
        R.HighlightedText: p.on_accent, R.Link: p.link, R.LinkVisited: p.link,
        R.ToolTipBase: p.tooltip, R.ToolTipText: p.text, R.PlaceholderText: p.text_muted,
        R.Mid: p.border, R.Midlight: p.divider, R.Accent: p.accent,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    pal.setColor(R.Light, button.lighter(130))
    pal.setColor(R.Dark, button.darker(160))
    pal.setColor(R.Shadow, QColor(Qt.GlobalColor.black))
    disabled = QColor(p.text_muted)
    disabled.setAlphaF(0.7)
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    pal.setColor(QPalette.ColorGroup.Disabled, R.Highlight, QColor(p.neutral))
    return pal


def resolve(preference: str) -> Scheme:
    if preference in ("light", "dark"):
        return preference  # type: ignore[return-value]
    return system_scheme()


def apply_style(app: QApplication, preference: str | None = None) -> Scheme:
    """Apply the look for ``preference`` ("system", "light", "dark"; by default the
    environment variable, then the setting) and keep following the system if asked."""
    if preference not in PREFERENCES:
        preference = os.environ.get(SCHEME_ENV, "").strip().lower()
    if preference not in PREFERENCES:
        from desktop.core.settings import COLOR_SCHEME, current

        preference = str(current().get(COLOR_SCHEME))
    if preference not in PREFERENCES:
        preference = "system"
    app.setStyle("Fusion")
    _state["preference"] = preference
    hints = app.styleHints()
    if not _state["connected"]:
        hints.colorSchemeChanged.connect(_follow_system)
        _state["connected"] = "yes"
    # Qt 6.8+: tell Qt too, so native dialogs and the title bar match the choice
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        preference, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(wanted)
    _paint(app, resolve(preference), force=True)
    return current_scheme()


def _follow_system(scheme: Qt.ColorScheme) -> None:
    """The system switched light/dark: repaint, unless the user fixed the scheme."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and _state["preference"] == "system":
        _paint(app, "dark" if scheme == Qt.ColorScheme.Dark else "light")


def _paint(app: QApplication, scheme: Scheme, force: bool = False) -> None:
    if scheme == _state["scheme"] and not force:
        return
    _state["scheme"] = scheme
    palette = PALETTES[scheme]
    app.setPalette(qpalette(palette))
    app.setStyleSheet(stylesheet(palette))


def tint_calendar(calendar: QCalendarWidget) -> None:
    """Weekend days in the scheme's ``bad`` colour (Qt's own pure red misses 4.5:1 on white
    and on the dark surface); called as the calendar opens, so it follows a switch."""
    for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        text_format = calendar.weekdayTextFormat(day)
        text_format.setForeground(QColor(tokens().bad))
        calendar.setWeekdayTextFormat(day, text_format)


def repolish(widget: QWidget) -> None:
    """After a dynamic property (``tone``, ``severity``) changed: re-read the rules."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()
