"""The big list: the Dataset page over 100,000 datasets, offscreen, in one process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_list.py \\
        [--rows 100000] [--database URL] [--keys 40] [--search-only --target-ms 100]

1. Open to first paint: a fresh window on the Beranda, then the Dataset page is shown
   (built on the click if idle time has not built it yet);
   timed until the first rows (the head of the id list and the count) are back and the
   table has painted them (median of 5 windows). Target <= 150 ms.
2. Search keystroke: what the search box does once its debounce fires (the query, the
   model reset, the repaint) for a term growing one letter at a time; p95 over all
   keystrokes. Floor: the raw full-text query for the same term (p95 of the same terms).
   Targets: <= 50 ms (``--target-ms``; 100 ms for 1,000,000 datasets on PostgreSQL),
   <= 3x the floor. The debounce itself (a deliberate wait for the typist to pause) is
   reported, not counted. ``--search-only`` times this figure and 2b alone (the
   1,000,000 case: opening ten windows and scrolling a million rows would take the
   run's hour).
2b. Sort by OPD (a related record's name): a header click until the first screen is
   painted, p95 over both directions. Floor: the same for the opening sort (judul),
   read straight off its index. Target <= 100 ms.
3. Scrolling top to bottom a screen at a time: rows read from SQL against rows drawn,
   and memory growth.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from figures import Figure, percentile, rss_mb  # noqa: E402

TERMS = ("jumlah penduduk", "data kesehatan", "angka partisipasi", "realisasi anggaran",
         "indeks pembangunan")


def _seeded(database: str | None, rows: int, tmp: Path) -> str:
    from desktop.core.desk import Desk
    from desktop.core.seedbench import seed_bench

    url = database or str(tmp / "big.sqlite3")
    desk = Desk.open(url, user="bench")
    missing = rows - desk.datasets.count()
    if missing > 0:
        seed_bench(desk.db, missing)
    desk.close()
    return url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", help="PostgreSQL URL (default: a temporary SQLite file)")
    parser.add_argument("--keys", type=int, default=40, help="keystrokes to time")
    parser.add_argument("--search-only", action="store_true",
                        help="time the search keystrokes and the OPD sort only "
                             "(the 1,000,000 case)")
    parser.add_argument("--target-ms", type=float, default=50.0,
                        help="the keystroke's p95 target")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-list-"))
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    os.environ["XDG_DATA_HOME"] = str(tmp / "data")
    url = _seeded(args.database, args.rows, tmp)

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from desktop.core.desk import Desk
    from desktop.core.search import matching_ids
    from desktop.core.services import ListQuery
    from desktop.ui.main_window import MainWindow
    from desktop.ui.record.filter_bar import SEARCH_DEBOUNCE_MS
    from desktop.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    desk = Desk.open(url, user="bench")
    engine = desk.db.engine.dialect.name
    rows = desk.datasets.count()
    print(f"== big list: {rows} datasets on {engine}")

    def run_until(signal, start) -> None:
        """Call ``start`` and run the event loop until ``signal`` fires (30 s at most)."""
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        start()
        loop.exec()
        signal.disconnect(loop.quit)

    # 1. open to first paint: after the window has been idle a moment (the page was
    # built in idle time), and straight after start-up (the page is built on the click)
    def open_datasets(index: int, idle: bool) -> tuple[float, int]:
        win = MainWindow(desk, QSettings(str(tmp / f"v{index}.ini"), QSettings.Format.IniFormat),
                         TaskManager())
        win.resize(1280, 800)
        win.show()
        for _ in range(5):  # the Beranda's figures, reminders, sync state: all settled
            win.tasks.wait()
            app.processEvents()
        deadline = time.perf_counter() + 5
        while idle and not win.pages.is_built("datasets") and time.perf_counter() < deadline:
            pause = QEventLoop()  # the user reads the Beranda
            QTimer.singleShot(20, pause.quit)
            pause.exec()
        assert win.pages.is_built("datasets") == idle
        if idle:  # what started with the idle time (reminders, sync state) has finished
            win.tasks.wait()
            app.processEvents()
        win.reminders.hide()
        started = time.perf_counter()
        page = win.show_kind("datasets")  # builds the page if idle time has not yet
        loop = QEventLoop()  # the head arrives through the event loop: connecting now is
        page.model.first_rows.connect(loop.quit)  # in time
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        page.table.viewport().repaint()
        elapsed = (time.perf_counter() - started) * 1000
        fetched = page.model.rows_fetched
        win.tasks.wait()  # the rest of the ids arrive in the background
        app.processEvents()
        win.close()
        win.deleteLater()
        app.processEvents()
        return elapsed, fetched

    if not args.search_only:  # the 1,000,000 case times the search alone
        opens = [open_datasets(index, idle=True) for index in range(5)]
        open_ms = statistics.median(t for t, _ in opens)
        Figure("dataset_page_open_to_first_paint", open_ms, "ms", None, "", "<= 150 ms",
               open_ms <= 150, f"median of 5; {opens[-1][1]} rows read; page built while idle"
               ).emit()
        colds = [open_datasets(10 + index, idle=False)[0] for index in range(5)]
        cold_ms = statistics.median(colds)
        Figure("dataset_page_first_open_right_after_start", cold_ms, "ms", None, "",
               "reported", None, "median of 5; the page is built on the click").emit()

    # 2. search keystrokes
    win = MainWindow(desk, QSettings(str(tmp / "search.ini"), QSettings.Format.IniFormat),
                     TaskManager())
    win.resize(1280, 800)
    win.show()
    win.reminders.hide()
    page = win.show_kind("datasets")
    app_times: list[float] = []
    raw_times: list[float] = []
    settle_times: list[float] = []

    def settle() -> None:
        """The typist pauses: the rest of the ids arrive, and what their arrival starts
        (the tinted-row count beside the total) runs too, so the next keystroke does not
        queue behind this one's follow-ups (the search_settle figure reports them)."""
        while True:
            win.tasks.wait()
            app.processEvents()
            if win.tasks.db_pool.activeThreadCount() == 0:
                win.tasks.wait()
                return

    settle()  # the page opened: its list, its counts
    prefixes = [t[:n] for t in TERMS for n in range(3, len(t) + 1)][: args.keys]
    for prefix in prefixes:
        page.search.blockSignals(True)  # the debounce is measured apart
        page.search.setText(prefix)
        page.search.blockSignals(False)
        started = time.perf_counter()
        run_until(page.model.first_rows, page.apply_query)
        page.table.viewport().repaint()
        app_times.append((time.perf_counter() - started) * 1000)
        settle()
        settle_times.append((time.perf_counter() - started) * 1000)
        with desk.db.session() as s:
            stmt = matching_ids(engine, prefix, "datasets")
            started = time.perf_counter()
            s.execute(select(stmt.subquery())).all() if stmt is not None else None
            raw_times.append((time.perf_counter() - started) * 1000)
    p95, raw95 = percentile(app_times, 95), percentile(raw_times, 95)
    Figure("search_keystroke_p95", p95, "ms", raw95, "raw full-text query p95",
           f"<= {args.target_ms:.0f} ms and <= 3x floor",
           p95 <= args.target_ms and p95 <= 3 * raw95,
           f"{len(prefixes)} keystrokes on {rows} datasets; plus a {SEARCH_DEBOUNCE_MS} ms "
           "debounce").emit()
    Figure("search_settle_p95", percentile(settle_times, 95), "ms", None, "", "reported",
           None, "from the search to its follow-ups done: every matching id, the tinted-row "
           "count; a keystroke sooner than this waits for them").emit()
    # 2b. a click on the OPD header: the list sorted by a related record's name, first
    # screen painted; floor: the same for the opening sort (straight off its index)
    page.search.setText("")
    sort_times: dict[str, list[float]] = {"opd": [], "judul": []}
    for sort in ("opd", "-opd", "judul", "-judul") * 5:
        started = time.perf_counter()
        run_until(page.model.first_rows,
                  lambda sort=sort: page.model.set_query(ListQuery(sort=[sort])))
        page.table.viewport().repaint()
        sort_times[sort.lstrip("-")].append((time.perf_counter() - started) * 1000)
        settle()
    opd95, own95 = percentile(sort_times["opd"], 95), percentile(sort_times["judul"], 95)
    Figure("sort_by_opd_first_screen_p95", opd95, "ms", own95,
           "the opening sort (judul) p95", "<= 100 ms", opd95 <= 100,
           f"{len(sort_times['opd'])} clicks, both directions; the rest of the ids follow "
           "in the background").emit()
    page.model.set_query(ListQuery())
    settle()
    if args.search_only:
        win.tasks.wait()
        win.close()
        desk.close()
        return 0

    # 3. scrolling top to bottom
    page.search.setText("")
    run_until(page.model.refreshed, page.apply_query)
    win.tasks.wait()
    app.processEvents()
    table = page.table
    before_rows, before_mb = page.model.rows_fetched, rss_mb()
    drawn = 0
    bar = table.verticalScrollBar()
    step = max(1, table.viewport().height() // max(1, table.rowHeight(0)))
    started = time.perf_counter()
    while True:
        app.processEvents()
        table.viewport().repaint()
        drawn += step
        if bar.value() >= bar.maximum():
            break
        bar.setValue(bar.value() + bar.pageStep())
    scroll_s = time.perf_counter() - started
    fetched = page.model.rows_fetched - before_rows
    Figure("scroll_rows_read_per_row_drawn", fetched / max(1, drawn), "x", None, "",
           "reads only what is drawn (~1x)", fetched <= 1.5 * drawn + 1000,
           f"{fetched} rows read for ~{drawn} drawn in {scroll_s:.1f} s").emit()
    Figure("scroll_memory_growth", rss_mb() - before_mb, "MB", None, "", "reported",
           None, f"RSS {rss_mb():.0f} MB after").emit()
    win.tasks.wait()
    win.close()
    desk.close()
    return 0


if __name__ == "__main__":
    code = main()
    # PySide6 6.12 can abort in its own clean-up at interpreter exit (a refcount error in
    # the extension, "bool_dealloc"); the figures are printed by now, so leave at once.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
