"""The look follows the scheme: the palette and the style sheet carry the tokens of the
scheme in force (light, dark, or the system's, followed when it changes), the setting in
Settings → Tampilan switches it at once, and Qt parses the generated style sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from desktop.core.desk import Desk
from desktop.core.settings import COLOR_SCHEME, Settings
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import DARK, LIGHT, Palette
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.style import SCHEME_ENV, apply_style, current_scheme, tokens

from .helpers import settle

R = QPalette.ColorRole


@pytest.fixture
def qt_warnings(qapp: QApplication) -> Iterator[list[str]]:
    """Every Qt warning while the test runs; the system scheme again afterwards."""
    seen: list[str] = []

    def handler(kind: QtMsgType, _context: object, message: str) -> None:
        if kind != QtMsgType.QtDebugMsg:
            seen.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield seen
    finally:
        qInstallMessageHandler(previous)
        # the test's windows, closed by pytest-qt, are deleted first: alive, every one
        # was re-polished for the system scheme (3-4 s a test)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        apply_style(qapp, "system")


def colours_of(window: MainWindow) -> dict[str, str]:
    label = window.findChild(QLabel, "brandSub")
    assert label is not None and label.isVisible()
    title = window.findChild(QLabel, "pageTitle")
    assert title is not None
    return {
        "window": window.palette().color(R.Window).name(),
        "base": window.palette().color(R.Base).name(),
        "text": window.palette().color(R.Text).name(),
        "highlight": window.palette().color(R.Highlight).name(),
        "muted label": label.palette().color(label.foregroundRole()).name(),
        "title": title.palette().color(title.foregroundRole()).name(),
    }


def expected(p: Palette) -> dict[str, str]:
    return {"window": p.surface, "base": p.surface_alt, "text": p.text,
            "highlight": p.accent, "muted label": p.text_muted, "title": p.text}


def test_switching_the_scheme_repaints_the_window_with_its_tokens(
        qtbot, qapp: QApplication, window: MainWindow, qt_warnings: list[str]) -> None:
    assert apply_style(qapp, "light") == "light"
    settle(qtbot, window)
    assert colours_of(window) == expected(LIGHT)
    assert apply_style(qapp, "dark") == "dark"
    settle(qtbot, window)
    assert colours_of(window) == expected(DARK)
    assert tokens() is DARK
    assert DARK.bad in qapp.styleSheet() and LIGHT.bad not in qapp.styleSheet()
    apply_style(qapp, "light")
    settle(qtbot, window)
    assert colours_of(window) == expected(LIGHT)
    assert not [w for w in qt_warnings if "stylesheet" in w.lower()], qt_warnings


def test_following_the_system_repaints_when_the_system_switches(
        qtbot, qapp: QApplication, window: MainWindow, qt_warnings: list[str]) -> None:
    hints = qapp.styleHints()
    apply_style(qapp, "system")
    settle(qtbot, window)
    assert colours_of(window) == expected(LIGHT)  # the test platform reports no scheme
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # as the desktop does at dusk
    settle(qtbot, window)
    assert current_scheme() == "dark" and colours_of(window) == expected(DARK)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle(qtbot, window)
    assert colours_of(window) == expected(LIGHT)
    apply_style(qapp, "dark")  # chosen by the user: the system's switch is ignored
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    settle(qtbot, window)
    assert colours_of(window) == expected(DARK)


def test_the_environment_chooses_the_scheme_for_one_run(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch, qt_warnings: list[str]) -> None:
    monkeypatch.setenv(SCHEME_ENV, "dark")
    assert apply_style(qapp) == "dark"
    assert qapp.palette().color(R.Base).name() == DARK.surface_alt
    monkeypatch.setenv(SCHEME_ENV, "purple")  # nonsense: the setting (system) decides
    assert apply_style(qapp) == "light"


def test_settings_tampilan_switches_the_scheme_at_once_and_keeps_it(
        qtbot, qapp: QApplication, desk: Desk, tmp_path, qt_warnings: list[str]) -> None:
    from PySide6.QtCore import QSettings

    apply_style(qapp, "system")
    dialog = SettingsDialog(desk, QSettings(str(tmp_path / "v.ini"),
                                            QSettings.Format.IniFormat))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.scheme.currentData() == "system"
    assert [dialog.scheme.itemText(i) for i in range(dialog.scheme.count())] == [
        "Ikuti sistem", "Terang", "Gelap"]
    dialog.scheme.setFocus()
    qtbot.keyClick(dialog.scheme, Qt.Key.Key_End)  # the last entry: Gelap
    assert dialog.scheme.currentData() == "dark"
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert Settings().get(COLOR_SCHEME) == "dark"
    assert current_scheme() == "dark"
    assert qapp.palette().color(R.Window).name() == DARK.surface
    assert apply_style(qapp) == "dark"  # the next start reads the setting
    again = SettingsDialog(desk, QSettings(str(tmp_path / "v.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    assert again.scheme.currentData() == "dark"


def test_the_style_sheet_parses_in_both_schemes(
        qtbot, qapp: QApplication, window: MainWindow, qt_warnings: list[str]) -> None:
    broken = QLabel("x")
    qtbot.addWidget(broken)
    broken.setStyleSheet("QLabel { color: ; ")  # the capture itself works
    broken.show()
    settle(qtbot, window)
    assert any("Could not parse" in w for w in qt_warnings), qt_warnings
    broken.setStyleSheet("")
    qt_warnings.clear()
    for scheme in ("dark", "light"):
        apply_style(qapp, scheme)
        for row in range(window.navigation.count()):  # every page polished
            window.navigation.setCurrentRow(row)
            settle(qtbot, window)
    assert not [w for w in qt_warnings if "Could not parse" in w], qt_warnings


def test_gui_scheme_flag_reaches_the_window_start(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """``diskominfo-desk gui --scheme dark`` (the screenshot tour's way, for one run);
    a scheme that does not exist is a usage error, exit 2."""
    from desktop import cli
    from desktop.ui import app as gui_app

    started: list[dict[str, object]] = []
    monkeypatch.setattr(gui_app, "run", lambda **kw: started.append(kw) or 0)
    assert cli.main(["gui", "--scheme", "dark"]) == 0
    assert started[-1]["scheme"] == "dark"
    assert cli.main(["gui"]) == 0
    assert started[-1]["scheme"] is None  # the setting decides
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["gui", "--scheme", "ungu"])
    assert exit_info.value.code == 2
    assert "--scheme" in capsys.readouterr().err


def test_calendar_weekends_take_the_schemes_bad_colour(
        qtbot, qapp: QApplication, window: MainWindow, qt_warnings: list[str]) -> None:
    """Qt paints weekends pure red (under 4.5:1 on white and on the dark surface)."""
    from desktop.ui.widgets.fields import DateEditor

    page = window.show_kind("visits")
    settle(qtbot, window)
    editor = page.form.findChildren(DateEditor)[0]
    for scheme, palette in (("dark", DARK), ("light", LIGHT)):
        apply_style(qapp, scheme)
        editor.button.menu().aboutToShow.emit()  # as the "…" button opens it
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            colour = editor.calendar.weekdayTextFormat(day).foreground().color().name()
            assert colour == palette.bad, (scheme, day, colour)
