"""Take the README's screenshots (the Beranda as the app opens, then the Aplikasi page
with one record open) with the demo data, under Xvfb.

    xvfb-run -a -s "-screen 0 1400x860x24" .venv/bin/python docs/screenshot.py

It builds a demo database in a temporary folder, opens the real window on the X server,
shows the Aplikasi page with one record open, and captures the whole screen with
ImageMagick's ``import`` (Debian packages: xvfb, imagemagick).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer

OUT = Path(__file__).resolve().parent / "main-window.png"


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("no DISPLAY: run me under xvfb-run", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="desk-shot-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    lang = sys.argv[1] if len(sys.argv) > 1 else "id"
    out = OUT if lang == "id" else OUT.with_name(f"main-window-{lang}.png")
    home = OUT.with_name("beranda.png" if lang == "id" else f"beranda-{lang}.png")

    from desktop.core.demo import load_demo
    from desktop.core.desk import Desk
    from desktop.ui.app import create_application
    from desktop.ui.i18n import install_language
    from desktop.ui.main_window import MainWindow

    app = create_application()
    install_language(lang)
    desk = Desk.open(tmp / "demo.sqlite3", user="Rina (Seksi Aplikasi)")
    load_demo(desk)
    window = MainWindow(desk, QSettings(str(tmp / "view.ini"), QSettings.Format.IniFormat))
    window.move(0, 0)
    window.resize(1400, 860)
    window.show()

    def shoot(path: Path) -> None:
        window.tasks.wait()
        app.processEvents()
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path)

    def open_first() -> None:
        window.reminders.hide()
        page = window.show_kind("apps")
        window.tasks.wait()
        app.processEvents()
        page.table.selectRow(2)

    def last() -> None:
        shoot(out)
        app.quit()

    QTimer.singleShot(1500, lambda: shoot(home))
    QTimer.singleShot(1800, open_first)
    QTimer.singleShot(3000, last)
    app.exec()
    desk.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
