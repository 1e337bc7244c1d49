"""A failure before the window opens must reach the user, not only the log file.

The windowed program (``diskominfo-desk.exe``, built without a console) has no stderr:
an error while opening the database or building the window was logged and the program
simply never appeared. So such a failure is shown in a message box: Qt's when Qt can
start, else on Windows the system's own ``MessageBoxW`` (a bundle whose Qt is broken
still says what happened), else only stderr. Which one is a small function of the
platform and of what worked, so it can be tested on Linux with faked answers.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.core.i18n import t

APP_NAME = "Diskominfo Desk"
MB_ICONERROR = 0x10
Show = Callable[[str, str], None]  # (title, text)
log = logging.getLogger(__name__)


def this_platform() -> str:
    """``sys.platform``, behind a name tests can replace without touching ``sys``."""
    return sys.platform


def windows_message_box(title: str, text: str) -> None:
    """The system's message box (user32), which needs nothing but Windows itself."""
    import ctypes

    ctypes.windll.user32.MessageBoxW(None, text, title, MB_ICONERROR)  # type: ignore[attr-defined]


def failure_text(error: BaseException | str, log_path: Path | None) -> str:
    """What the user reads: what failed and where the details are."""
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    text = t("Diskominfo Desk tidak dapat dimulai: {error}", error=message)
    if log_path is not None:
        text += "\n\n" + t("Rincian tercatat di {path}.", path=log_path)
    return text


def show_early_failure(text: str, *, show_qt: Show | None = None,
                       platform: str | None = None,
                       show_windows: Show | None = None, echo: bool = True) -> str:
    """Show ``text`` the best way available; returns which: "qt", "windows" or "stderr".

    ``show_qt`` is the GUI layer's box (passed in: the core never imports Qt); it may
    fail (Qt's libraries missing or broken), then Windows' own box is used there.
    ``echo=False``: the caller has already written the text to stderr.
    """
    if show_qt is not None:
        try:
            show_qt(APP_NAME, text)
            return "qt"
        except Exception as exc:  # Qt cannot start: the next way
            log.warning("no Qt message box for a start-up failure: %s", exc)
    if (platform or this_platform()) == "win32":
        try:
            (show_windows or windows_message_box)(APP_NAME, text)
            return "windows"
        except Exception as exc:
            log.warning("no Windows message box for a start-up failure: %s", exc)
    if echo and sys.stderr is not None:
        print(text, file=sys.stderr)
    return "stderr"

