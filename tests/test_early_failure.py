"""A failure before the window opens is shown to the user, not only logged.

The windowed ``.exe`` has no console. The "how to show" choice is tested with faked
platforms and message boxes; then, in subprocesses on offscreen Qt, a forced failure
while the window starts and a bundle that cannot load the program both end in a
message box (its text read and the box closed by a timer) and in the log file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.early_failure import failure_text, show_early_failure
from desktop.core.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent


def test_qt_box_when_qt_starts() -> None:
    shown: list[tuple[str, str]] = []
    way = show_early_failure("rusak", show_qt=lambda title, text: shown.append((title, text)),
                             platform="win32", show_windows=lambda *_: pytest.fail("no"))
    assert way == "qt" and shown == [("Diskominfo Desk", "rusak")]


def _broken_qt(title: str, text: str) -> None:
    raise ImportError("DLL load failed while importing QtWidgets")


def test_windows_box_when_qt_cannot_start_on_windows() -> None:
    shown: list[str] = []
    way = show_early_failure("rusak", show_qt=_broken_qt, platform="win32",
                             show_windows=lambda title, text: shown.append(text))
    assert way == "windows" and shown == ["rusak"]


def test_stderr_elsewhere(capsys) -> None:
    way = show_early_failure("rusak sekali", show_qt=_broken_qt, platform="linux",
                             show_windows=lambda *_: pytest.fail("not on Linux"))
    assert way == "stderr" and "rusak sekali" in capsys.readouterr().err


def test_text_names_the_error_and_the_log_in_the_users_language(tmp_path: Path) -> None:
    log = tmp_path / "diskominfo-desk.log"
    assert failure_text(RuntimeError("folder hilang"), log) == (
        f"Diskominfo Desk tidak dapat dimulai: folder hilang\n\nRincian tercatat di {log}.")
    set_language("en")
    try:
        assert failure_text(RuntimeError("gone"), None) == "Diskominfo Desk could not start: gone"
    finally:
        set_language("id")


# A child on offscreen Qt: the QApplication exists before the program runs, and a timer
# prints the text of whatever modal box opens, then closes it (else it waits forever).
WATCH_BOX = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["diskominfo-desk"])
def close_box():
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(50, close_box)
        return
    print("BOX:" + box.windowTitle() + "|" + box.text(), flush=True)
    box.done(0)
QTimer.singleShot(50, close_box)
"""


def _child(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    # portable mode: the log in tmp_path on every platform (Windows has no XDG folders)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               DISKOMINFO_DESK_PORTABLE_DIR=str(tmp_path / "portable"))
    return subprocess.run([sys.executable, "-c", WATCH_BOX + script], capture_output=True,
                          text=True, env=env, timeout=60, check=False, cwd=ROOT)


def _log(tmp_path: Path) -> str:
    logs = list((tmp_path / "portable").rglob("diskominfo-desk.log"))
    assert len(logs) == 1, logs
    return logs[0].read_text(encoding="utf-8")


def test_failure_while_the_window_starts_is_shown_in_a_box(tmp_path: Path) -> None:
    done = _child(tmp_path, f"""
import sys
from desktop.core.desk import Desk
def broken(*args, **kwargs):
    raise RuntimeError("profil pengguna tidak terbaca")
Desk.open = broken
from desktop.cli import main
sys.exit(main(["--database", {str(tmp_path / "d.sqlite3")!r}, "gui"]))
""")
    assert done.returncode == 70, done.stderr
    box = [line for line in done.stdout.splitlines() if line.startswith("BOX:")]
    assert len(box) == 1, done.stdout + done.stderr
    assert box[0].startswith("BOX:Diskominfo Desk|Diskominfo Desk tidak dapat dimulai: "
                             "profil pengguna tidak terbaca")
    assert "Rincian tercatat di" in done.stdout and "diskominfo-desk.log" in done.stdout
    assert "RuntimeError: profil pengguna tidak terbaca" in _log(tmp_path)


@pytest.mark.parametrize("start", [
    f"runpy.run_path({str(ROOT / 'installers' / 'diskominfo_desk_main.py')!r}, "
    "run_name='__main__')",
    "runpy.run_module('desktop', run_name='__main__', alter_sys=True)",  # pythonw -m desktop
])
def test_a_program_that_cannot_load_says_so(tmp_path: Path, start: str) -> None:
    """The bundle's entry point and ``python -m desktop`` with ``desktop.cli``
    unloadable (a damaged install)."""
    done = _child(tmp_path, f"""
import runpy, sys
sys.modules["desktop.cli"] = None  # import fails as a missing file would
sys.argv = ["diskominfo-desk"]
{start}
""")
    assert done.returncode == 70, done.stderr
    assert "BOX:Diskominfo Desk|Diskominfo Desk tidak dapat dimulai: " in done.stdout
    assert "ModuleNotFoundError" in _log(tmp_path) or "ImportError" in _log(tmp_path)


def test_cli_commands_do_not_open_boxes(tmp_path: Path) -> None:
    """Only the window's failures get a box; a sub-command's stays one line on stderr."""
    done = _child(tmp_path, f"""
import sys
from desktop.core.desk import Desk
def broken(*args, **kwargs):
    raise RuntimeError("tidak terbaca")
Desk.open = broken
from desktop.cli import main
code = main(["--database", {str(tmp_path / "d.sqlite3")!r}, "init"])
app.processEvents()
sys.exit(code)
""")
    assert done.returncode == 70
    assert "BOX:" not in done.stdout
    assert done.stderr.count("\n") == 1 and "tidak terbaca" in done.stderr
