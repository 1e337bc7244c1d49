"""Start-up and memory: the real ``diskominfo-desk gui`` process, timed from launch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_startup.py \\
        [--runs 5] [--rows 100000] [--database URL]

Each run is a new process. The parent notes the wall clock and starts the child; the
child prints the wall clock twice: at its **first paint** (the window's first paint
event, once that paint is done: the frame with the navigation and the Beranda's empty
tiles, before the database layer is loaded) and once the **Beranda is filled** (the
paint that puts its figures on screen is done; the program builds the other pages after
it), then quits (printing, in between, when the whole window is complete: reported
beside them). The floor is a bare process that creates a QApplication
and shows an empty QMainWindow, timed at its first paint the same way. Medians of
``--runs``; targets (issue 19): first paint <= 1.5x the floor, filled Beranda <= 3x, on
the demo database and on a 100,000-dataset one. A last child opens the Dataset page of
the big database, waits for its whole id list, and reports its peak resident memory
(target <= 400 MB).

The child runs the application's own start-up (``desktop.cli.main(["gui"])``); the only
additions are hooks on the main window that note its first paint and report and quit
when the page is filled (set after ``feature_scan`` is installed, as the real start-up
has it first; the paint is noted before what the program starts after it).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from figures import Figure  # noqa: E402

# the first paint event of a window, noted once that paint is done (the queued call runs
# after the whole window was painted and flushed)
PAINT_WATCH = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer

class PaintWatch(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.seen = False
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, lambda: print("PAINTED", time.time(), flush=True))
        return False
"""

FLOOR_CHILD = PAINT_WATCH + """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
watch = PaintWatch(window)
window.show()
def done():
    if not watch.seen:
        QTimer.singleShot(1, done)
        return
    print("SHOWN", time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

APP_CHILD = PAINT_WATCH + """
import json, os, sys
# what ``diskominfo-desk gui`` does first (desktop.cli.gui.cmd_gui), before the hooks
# below import the window's module: otherwise its imports pay PySide6's source scan,
# which the real start-up does not
from desktop.ui import feature_scan
feature_scan.install()
from desktop.ui import app as app_module, main_window as mw
PAGE = os.environ["BENCH_PAGE"]
original_attach = mw.MainWindow.attach

original_first_paint = app_module.AfterPaint.__init__

def hooked_first_paint(self, widget, then, at_latest_ms):
    original_first_paint(self, widget, then, at_latest_ms)
    # the first one waits for the frame's paint: installed after the program's own paint
    # filter, so it is asked first, and the note is queued ahead of the work the program
    # starts after its first paint (the database)
    if not hasattr(PaintWatch, "first"):
        PaintWatch.first = widget._bench_watch = PaintWatch(widget)

def report():
    peak = 0
    with open(f"/proc/{os.getpid()}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    print("SHOWN", time.time(), json.dumps({"peak_mb": peak}), flush=True)

# the Beranda's figures are on screen: the paint after its ``refreshed`` is done. Noted
# by an event of high priority posted during that paint: delivered once the paint is
# over and before any call the program queued in it (the database layer's loading or
# the other pages' building, after the program's own wait for that paint), whichever
# of the two event filters Qt asks first
from PySide6.QtCore import QCoreApplication, Qt

NOTE = QEvent.Type(QEvent.registerEventType())

class FilledWatch(QObject):

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.beranda.refreshed.connect(self.refreshed)

    def refreshed(self):
        self.window.beranda.refreshed.disconnect(self.refreshed)
        self.window.beranda.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QCoreApplication.postEvent(self, QEvent(NOTE),
                                       Qt.EventPriority.HighEventPriority.value)
        return False

    def event(self, event):
        if event.type() == NOTE:
            self.done()
            return True
        return super().event(event)

    def done(self):
        report()
        self.window.completed.connect(quit_after_jobs)
        if self.window.attached:
            quit_after_jobs()

def quit_after_jobs():
    from PySide6.QtWidgets import QApplication

    for window in QApplication.topLevelWidgets():
        tasks = getattr(window, "tasks", None)
        if tasks is not None:
            tasks.wait()
    QApplication.instance().quit()

def hooked_attach(self, desk, **kwargs):
    if PAGE != "beranda":
        def open_page():
            page = self.pages[PAGE]
            page.model.refreshed.connect(lambda: (report(), quit_after_jobs()))
            QTimer.singleShot(0, lambda: self.show_kind(PAGE))
        self.completed.connect(open_page)
    original_attach(self, desk, **kwargs)

original_init = mw.MainWindow.__init__

def hooked_init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    # the figures may come before the database layer (the quick reading of a SQLite
    # file) or after it: watched from the frame on, after the program's own wait
    if PAGE == "beranda" and not hasattr(FilledWatch, "made"):
        FilledWatch.made = self._bench_filled = FilledWatch(self)
        self.completed.connect(lambda: print("COMPLETE", time.time(), flush=True))

app_module.AfterPaint.__init__ = hooked_first_paint
mw.MainWindow.attach = hooked_attach
mw.MainWindow.__init__ = hooked_init
from desktop.cli import main
sys.exit(main(["--database", sys.argv[1], "gui"]))
"""


def _run(code: str, args: list[str], env: dict[str, str]) -> tuple[float, float, dict]:
    """Seconds from launch to the first paint and to the filled page, and the extras."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                         text=True, timeout=180, check=False)
    painted = shown = None
    extra: dict = {}
    for line in out.stdout.splitlines():
        if line.startswith("PAINTED") and painted is None:
            painted = float(line.split()[1]) - started
        if line.startswith("COMPLETE"):  # the whole window: every page, menu and action
            extra["complete"] = float(line.split()[1]) - started
        if line.startswith("SHOWN") and shown is None:
            parts = line.split(" ", 2)
            extra.update(json.loads(parts[2]) if len(parts) > 2 else {})
            shown = float(parts[1]) - started
    if shown is None:
        raise RuntimeError(f"the child did not report (exit {out.returncode}):\n"
                           f"{out.stderr[-2000:]}")
    return (painted if painted is not None else shown), shown, extra


def _env(tmp: Path, page: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"),
                "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "data"),
                "XDG_STATE_HOME": str(tmp / "state"), "BENCH_PAGE": page})
    return env


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", help="a big database to reuse (SQLite path or URL)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-start-"))
    # an installed copy starts from byte code; a source tree (and PYTHONDONTWRITEBYTECODE)
    # would make every child compile the package first
    import compileall

    compileall.compile_dir(str(HERE.parent.parent / "desktop"), quiet=1)
    from desktop.core.demo import load_demo
    from desktop.core.desk import Desk
    from desktop.core.seedbench import seed_bench

    demo = tmp / "demo.sqlite3"
    desk = Desk.open(demo, user="bench")
    load_demo(desk)
    desk.close()
    big = args.database or str(tmp / "big.sqlite3")
    desk = Desk.open(big, user="bench")
    if (missing := args.rows - desk.datasets.count()) > 0:
        seed_bench(desk.db, missing)
    rows = desk.datasets.count()
    desk.close()
    # one warm-up of each, so the OS file cache is the same for every measured run
    _run(FLOOR_CHILD, [], _env(tmp, "beranda"))
    _run(APP_CHILD, [str(demo)], _env(tmp, "beranda"))
    print(f"== start-up: median of {args.runs} processes each")
    floors = [_run(FLOOR_CHILD, [], _env(tmp, "beranda"))[0] * 1000 for _ in range(args.runs)]
    floor = statistics.median(floors)
    print(f"floor (bare window's first paint): runs {', '.join(f'{t:.0f}' for t in floors)}")
    for name, database in (("demo", str(demo)), (f"{rows} datasets", big)):
        runs = [_run(APP_CHILD, [database], _env(tmp, "beranda")) for _ in range(args.runs)]
        painted = [run[0] * 1000 for run in runs]
        filled = [run[1] * 1000 for run in runs]
        for figure, times, target in (("startup_first_paint", painted, 1.5),
                                      ("startup_to_filled_beranda", filled, 3.0)):
            value = statistics.median(times)
            Figure(f"{figure} ({name})", value, "ms", floor,
                   "bare QApplication + QMainWindow, first paint", f"<= {target:g}x floor",
                   value <= target * floor,
                   f"runs {', '.join(f'{t:.0f}' for t in times)}").emit()
        complete = [run[2]["complete"] * 1000 for run in runs if "complete" in run[2]]
        if complete:  # reported: the filled Beranda must not come at the window's cost
            Figure(f"startup_window_complete ({name})", statistics.median(complete), "ms",
                   floor, "bare QApplication + QMainWindow, first paint", "", None,
                   f"runs {', '.join(f'{t:.0f}' for t in complete)}").emit()
    _painted, seconds, extra = _run(APP_CHILD, [big], _env(tmp, "datasets"))
    Figure("peak_memory_dataset_page", extra["peak_mb"], "MB", None, "", "<= 400 MB",
           extra["peak_mb"] <= 400,
           f"{rows} datasets, whole id list loaded, {seconds * 1000:.0f} ms from launch").emit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
