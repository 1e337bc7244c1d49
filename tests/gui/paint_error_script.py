"""Paint widgets whose drawing raises, hundreds of times, through ``desktop.ui.painting``.

Run by ``tests/gui/test_painting.py`` under ``python -X dev -X faulthandler``. A painter
left active by the error makes Qt say "endPaint() called with active painter" and "Cannot
destroy paint device that is being painted", then use a device being torn down: the
segmentation fault seen once while the Beranda was built. The script counts those
warnings and the failed paints; ``bare`` as the argument paints with a bare ``QPainter``
instead, to show the test sees the fault.
"""

from __future__ import annotations

import faulthandler
import os
import sys

faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QPainter, QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.ui.painting import painting  # noqa: E402

BARE = sys.argv[1:] == ["bare"]
counts = {"paints": 0, "failed": 0, "active painter": 0}


class Faulty(QWidget):
    """Draws a line, then fails, as a chart with a figure it cannot draw would."""

    def paintEvent(self, event: QPaintEvent) -> None:
        counts["paints"] += 1
        if BARE:
            painter = QPainter(self)
            painter.drawLine(0, 0, 10, 10)
            raise ValueError("a figure that cannot be drawn")
        with painting(self, antialiased=True) as painter:
            painter.drawLine(0, 0, 10, 10)
            raise ValueError("a figure that cannot be drawn")


def on_message(_kind: object, _context: object, message: str) -> None:
    if "active painter" in message or "being painted" in message:
        counts["active painter"] += 1


def main() -> None:
    app = QApplication([])
    qInstallMessageHandler(on_message)
    sys.excepthook = lambda *exc: counts.__setitem__("failed", counts["failed"] + 1)
    widgets = [Faulty() for _ in range(5)]
    for widget in widgets:
        widget.resize(120, 80)
        widget.show()
    timer = QTimer()
    timer.timeout.connect(lambda: [widget.update() for widget in widgets])
    timer.start(1)
    QTimer.singleShot(1500, app.quit)
    app.exec()
    print("counts", counts["paints"], counts["failed"], counts["active painter"], flush=True)


if __name__ == "__main__":
    main()
