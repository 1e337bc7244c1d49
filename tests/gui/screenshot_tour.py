"""A screenshot of every page and dialog, at laptop sizes, in the light and dark scheme.

    python -m tests.gui.screenshot_tour OUTDIR [--sizes 1366x768,1024x700]
                                                [--schemes light,dark] [--only WORD]

Builds the demo database (SQLite, in a temporary folder), then for each size and scheme
starts a child under ``xvfb-run`` with a screen of that size (a real X server, with the
``openbox`` window manager when it is installed, so the pictures are what a clerk sees:
frames and title bars; without ``xvfb-run`` it uses ``$DISPLAY`` as it is), and
saves ``OUTDIR/1366x768-dark-dataset.png`` and so on: one picture per place.

The places are those of the screen-fit walk (``screen_fit_script.py``: the Beranda, the
list after a tile and after clearing its chip, every page with and without a record,
the Pengingat, every dialog and secondary window), and a few popups (a menu, a combo
box's list, a date field's calendar, a tooltip). The tour does not walk again: it
imports that walk and wraps its ``check_window`` so that each window it measures is
also photographed, so a page or dialog added to the walk is in the tour too. The
walk's problems (clipped texts, windows past the screen) are written beside the
pictures as ``problems-SIZE-SCHEME.json``, and ``index.html`` shows every place in a row,
light beside dark, for looking at them.

Nothing of the user's is touched: settings, data, drafts and reminders live in the
temporary folder for the run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SIZES = ("1366x768", "1024x700")
SCHEMES = ("light", "dark")


def slug(where: str) -> str:
    """"Dataset with a record" → "dataset-with-a-record" (a file name)."""
    return re.sub(r"[^a-z0-9]+", "-", where.lower()).strip("-") or "window"


def build_demo(folder: Path) -> str:
    """A SQLite database holding the demo register; its URL."""
    sys.path.insert(0, str(ROOT))
    from desktop.core.demo import load_demo
    from desktop.core.desk import Desk

    path = folder / "demo.sqlite3"
    desk = Desk.open(path, user="demo")
    load_demo(desk)
    desk.close()
    return str(path)


def child_env(folder: Path, scheme: str) -> dict[str, str]:
    env = dict(os.environ, DISKOMINFO_DESK_SCHEME=scheme, QT_QPA_PLATFORM="xcb",
               DISKOMINFO_DESK_REMINDERS=str(folder / "reminders.json"),
               DISKOMINFO_DESK_CONFIG=str(folder / "settings.ini"))
    for var in ("DATA", "CONFIG", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(folder / var.lower())
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    return env


def tour(outdir: Path, sizes: list[str], schemes: list[str], only: str | None) -> int:
    outdir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="desk-tour-"))
    url = build_demo(folder)
    xvfb = shutil.which("xvfb-run")
    if xvfb is None and not os.environ.get("DISPLAY"):
        print("screenshot_tour: needs xvfb-run (apt install xvfb) or a $DISPLAY",
              file=sys.stderr)
        return 2
    failed = 0
    for size in sizes:
        for scheme in schemes:
            run_dir = folder / f"{size}-{scheme}"
            run_dir.mkdir()
            database = run_dir / "demo.sqlite3"
            shutil.copyfile(url, database)  # the walk edits and restores: a fresh copy each
            wm = shutil.which("openbox") if xvfb is not None else None
            command = [sys.executable, str(Path(__file__).resolve()), "--shoot", str(database),
                       size, scheme, str(outdir.resolve()), only or "", wm or ""]
            if xvfb is not None:
                command = [xvfb, "-a", "-s", f"-screen 0 {size}x24", *command]
            started = time.monotonic()
            proc = subprocess.run(command, env=child_env(run_dir, scheme), cwd=ROOT,
                                  capture_output=True, text=True, timeout=900)
            pictures = len(list(outdir.glob(f"{size}-{scheme}-*.png")))
            print(f"{size} {scheme}: {pictures} pictures in "
                  f"{time.monotonic() - started:.0f} s", flush=True)
            if proc.returncode != 0:
                failed += 1
                print(proc.stderr[-3000:], file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    contact_sheet(outdir)
    return 1 if failed else 0


def contact_sheet(outdir: Path) -> Path:
    """``index.html``: one row per place, a column per size and scheme, to look at them
    side by side (light next to dark) rather than one file at a time."""
    from html import escape

    pictures = sorted(outdir.glob("*.png"))
    columns = sorted({"-".join(p.stem.split("-")[:2]) for p in pictures},
                     key=lambda c: (c.split("-")[0] != "1366x768", c.split("-")[0],
                                    c.endswith("-dark")))
    places = sorted({p.stem.split("-", 2)[2] for p in pictures if p.stem.count("-") >= 2})
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for place in places:
        cells = "".join(
            f'<td><a href="{escape(f"{c}-{place}.png")}"><img src="{escape(f"{c}-{place}.png")}" '
            f'loading="lazy"></a></td>' if (outdir / f"{c}-{place}.png").exists() else "<td></td>"
            for c in columns)
        rows.append(f"<tr><th>{escape(place)}</th>{cells}</tr>")
    sheet = outdir / "index.html"
    sheet.write_text(
        "<!doctype html><meta charset=utf-8><title>Diskominfo Desk: screenshot tour</title>"
        "<style>body{font-family:sans-serif}img{width:340px;border:1px solid #888}"
        "th{text-align:left;vertical-align:top;padding:4px}</style>"
        f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>\n", encoding="utf-8")
    return sheet


# ---------------------------------------------------------------------------- the child
def shoot(database: str, size: str, scheme: str, outdir: Path, only: str, wm: str) -> None:
    """In the child, on the X server of that size: the screen-fit walk, photographing.

    With a window manager (``wm``: openbox, when installed) windows get the frames and
    title bars a clerk sees, and the geometry is measured with them."""
    manager = None
    if wm:
        manager = subprocess.Popen([wm], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # managing the screen before the first window maps
    try:
        _walk_and_shoot(database, size, scheme, outdir, only)
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(timeout=10)


def _walk_and_shoot(database: str, size: str, scheme: str, outdir: Path, only: str) -> None:
    sys.path.insert(0, str(HERE))  # the walk imports fit_checks as a sibling
    sys.argv = [sys.argv[0], database, size, str(outdir / f"walk-{size}-{scheme}.json")]
    import screen_fit_script as walk  # reads the size from sys.argv; sets offscreen

    os.environ["QT_QPA_PLATFORM"] = "xcb"  # but here the pictures come from a real server
    from PySide6.QtWidgets import QApplication, QWidget

    measure = walk.check_window
    taken: dict[str, int] = {}

    def grab(where: str, window: QWidget | None = None, rounds: int = 3) -> None:
        if only and only.lower() not in where.lower():
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if window is not None:
            window.raise_()
            window.activateWindow()
        for _ in range(rounds):  # the X server's expose events, then the paint
            app.processEvents()
            time.sleep(0.03)
        name = slug(where)
        taken[name] = taken.get(name, 0) + 1
        if taken[name] > 1:
            name = f"{name}-{taken[name]}"
        screen = (window or app.activeWindow() or app.topLevelWidgets()[0]).screen()
        screen.grabWindow(0).save(str(outdir / f"{size}-{scheme}-{name}.png"))

    def photograph(where: str, window: QWidget) -> None:
        measure(where, window)
        grab(where, window)

    dialogs = walk.walk_dialogs

    def popups_then_dialogs(win: Any, desk: Any, app: QApplication, tasks: Any) -> None:
        shoot_popups(win, app, tasks, walk.settle, grab)
        dialogs(win, desk, app, tasks)

    walk.check_window = photograph
    walk.walk_dialogs = popups_then_dialogs
    result: dict[str, Any] = walk.walk(database)
    (outdir / f"problems-{size}-{scheme}.json").write_text(
        json.dumps(result["problems"], indent=1, ensure_ascii=False), encoding="utf-8")


def shoot_popups(win: Any, app: Any, tasks: Any, settle: Any, grab: Any) -> None:
    """What the walk does not measure but a clerk sees: a menu, a combo box's list, the
    calendar of a date field and a tooltip, open over a Kunjungan record."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QComboBox, QToolTip

    from desktop.ui.widgets.fields import DateEditor

    page = win.show_kind("visits")
    settle(app, tasks)
    page.table.selectRow(0)
    settle(app, tasks)
    menu = win.menuBar().actions()[0].menu()
    QTimer.singleShot(300, lambda: (grab("popup menu"), menu.close()))
    menu.exec(win.menuBar().mapToGlobal(QPoint(0, win.menuBar().height())))
    combo = next(c for c in page.form.findChildren(QComboBox) if c.isVisible())
    combo.showPopup()
    grab("popup combo")
    combo.hidePopup()
    editor = next(e for e in page.form.findChildren(DateEditor) if e.isVisible())
    QTimer.singleShot(300, lambda: (grab("popup calendar"), editor.button.menu().close()))
    editor.button.showMenu()
    where = page.table.viewport().mapToGlobal(QPoint(120, 60))
    QCursor.setPos(where)  # a tooltip away from the pointer is hidden at its next move
    settle(app, tasks)
    QToolTip.showText(where, "Dinas Komunikasi, Informatika, Statistik dan Persandian",
                      page.table)
    grab("popup tooltip", rounds=15)  # a tooltip maps a moment later
    QToolTip.hideText()
    settle(app, tasks)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "--shoot":
        database, size, scheme, outdir, only, wm = args[1:7]
        shoot(database, size, scheme, Path(outdir), only, wm)
        return 0
    parser = argparse.ArgumentParser(prog="python -m tests.gui.screenshot_tour",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--schemes", default=",".join(SCHEMES))
    parser.add_argument("--only", help="only the places whose name holds this word")
    options = parser.parse_args(args)
    sizes = [s for s in options.sizes.split(",") if s]
    schemes = [s for s in options.schemes.split(",") if s]
    for size in sizes:
        if not re.fullmatch(r"\d{3,4}x\d{3,4}", size):
            parser.error(f"size {size!r}: WIDTHxHEIGHT, e.g. 1366x768")
    for scheme in schemes:
        if scheme not in SCHEMES:
            parser.error(f"scheme {scheme!r}: light or dark")
    return tour(options.outdir, sizes, schemes, options.only)


if __name__ == "__main__":
    sys.exit(main())
