"""The entry points' last resort: the program could not even be loaded.

``python -m desktop`` and the bundle's ``installers/diskominfo_desk_main.py`` call
:func:`report_broken_start` when importing ``desktop.cli`` failed (a damaged or
half-upgraded install). It sits at the top of the package, above the layers, because it
may try Qt's message box (``desktop.ui``) while the rest of the decision (which box, the
text, the log) is the Qt-free core's (``desktop.core.early_failure``).
"""

from __future__ import annotations

from pathlib import Path


def report_broken_start(exc: BaseException) -> int:
    """Log, show, exit 70 (what the CLI returns for an unexpected error)."""
    from desktop.core.early_failure import failure_text, show_early_failure

    path: Path | None
    try:
        from desktop.core.logs import log_exception

        path = log_exception(exc)
    except Exception:  # the log folder itself is unusable: the box still says what failed
        path = None

    def qt_box(title: str, text: str) -> None:
        from desktop.ui.early_failure import show_failure_box

        show_failure_box(title, text)

    show_early_failure(failure_text(exc, path), show_qt=qt_box)
    return 70
