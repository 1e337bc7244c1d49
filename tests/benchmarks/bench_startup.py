"""Start-up and memory: the real ``diskominfo-desk gui`` process, timed from launch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_startup.py \\
        [--runs 5] [--rows 100000] [--database URL]

Each run is a new process. The parent notes the wall clock, starts the child, and the
child prints the wall clock once the main window is shown with its first page filled
(the Beranda's figures on screen), then quits. The floor is a bare process that
creates a QApplication and shows an empty QMainWindow, timed the same way. Medians of
``--runs``; target (issue 9) <= 1.5x the floor, on the demo database and on a
100,000-dataset one. A last child opens the Dataset page of the big database, waits
for its whole id list, and reports its peak resident memory (target <= 400 MB).

The child runs the application's own start-up (``desktop.cli.main(["gui"])``); the only
addition is a hook on the main window that reports and quits when the page is filled.
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

FLOOR_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
def done():
    print("SHOWN", time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
"""

APP_CHILD = """
import json, os, sys, time
from desktop.ui import main_window as mw
PAGE = os.environ["BENCH_PAGE"]
original = mw.MainWindow.__init__

def hooked(self, *args, **kwargs):
    original(self, *args, **kwargs)
    from PySide6.QtWidgets import QApplication

    def report():
        peak = 0
        with open(f"/proc/{os.getpid()}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
        print("SHOWN", time.time(), json.dumps({"peak_mb": peak}), flush=True)
        self.tasks.wait()
        QApplication.instance().quit()

    if PAGE == "beranda":
        self.beranda.refreshed.connect(report)
    else:
        page = self.pages[PAGE]
        page.model.refreshed.connect(report)
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, lambda: self.show_kind(PAGE))

mw.MainWindow.__init__ = hooked
from desktop.cli import main
sys.exit(main(["--database", sys.argv[1], "gui"]))
"""


def _run(code: str, args: list[str], env: dict[str, str]) -> tuple[float, dict]:
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                         text=True, timeout=180, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("SHOWN"):
            parts = line.split(" ", 2)
            extra = json.loads(parts[2]) if len(parts) > 2 else {}
            return float(parts[1]) - started, extra
    raise RuntimeError(f"the child did not report (exit {out.returncode}):\n{out.stderr[-2000:]}")


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
    floor = statistics.median(_run(FLOOR_CHILD, [], _env(tmp, "beranda"))[0] * 1000
                              for _ in range(args.runs))
    for name, database in (("demo", str(demo)), (f"{rows} datasets", big)):
        times = [_run(APP_CHILD, [database], _env(tmp, "beranda"))[0] * 1000
                 for _ in range(args.runs)]
        value = statistics.median(times)
        Figure(f"startup_to_filled_beranda ({name})", value, "ms", floor,
               "bare QApplication + QMainWindow", "<= 1.5x floor", value <= 1.5 * floor,
               f"runs {', '.join(f'{t:.0f}' for t in times)}").emit()
    seconds, extra = _run(APP_CHILD, [big], _env(tmp, "datasets"))
    Figure("peak_memory_dataset_page", extra["peak_mb"], "MB", None, "", "<= 400 MB",
           extra["peak_mb"] <= 400,
           f"{rows} datasets, whole id list loaded, {seconds * 1000:.0f} ms from launch").emit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
