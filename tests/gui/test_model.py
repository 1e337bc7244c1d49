"""RecordTableModel: a well-behaved Qt model for every kind, and lazy over 100,000 rows."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import clone_demo, opened_desk
from PySide6.QtCore import QPoint, QSettings, Qt

from desktop.core.desk import Desk
from desktop.core.kinds import KINDS
from desktop.core.seedbench import seed_bench
from desktop.core.services import ListQuery
from desktop.ui.main_window import MainWindow
from desktop.ui.page_fit import LIST_MIN_ROWS
from desktop.ui.record_model import BLOCK, ID_ROLE, VALUE_ROLE, RecordTableModel
from desktop.ui.widgets.fields import PickEditor

from .helpers import build_window, settle

BIG = 100_000


# ---------------------------------------------------------------------------- model tester
@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_demo_desk(request: pytest.FixtureRequest,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The demo register, shared by the read-only tests of this module."""
    urls = clone_demo(request, request.param, tmp_path_factory.mktemp("shared"))
    yield from opened_desk(next(urls))
    next(urls, None)  # drop the copy


@pytest.mark.parametrize("force_py", [False, True], ids=["qt", "py"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_the_model_passes_the_qt_model_tester(qtmodeltester, shared_demo_desk: Desk,
                                              kind: str, force_py: bool) -> None:
    service = shared_demo_desk.service(kind)
    model = RecordTableModel(service)  # no task manager: the id query runs inline
    model.refresh()
    assert model.rowCount() == service.count() > 0
    assert model.columnCount() == len(service.kind.columns)
    qtmodeltester.check(model, force_py=force_py)
    # and still passes after a new query (a reset) and a sort
    model.set_query(ListQuery(text=None, filters={}, sort=("-" + service.kind.columns[0].key,)))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model, force_py=force_py)


def test_a_search_shows_its_first_rows_before_the_kinds_total_is_counted(
        qtbot, shared_demo_desk: Desk) -> None:
    """The "of N" beside a filtered count is shown once the list settles: counting the
    whole kind (130-220 ms at 1,000,000 datasets) never holds up a keystroke's first
    screen; it comes with the rest of the ids, and is right then."""
    from desktop.ui.tasks import TaskManager

    service = shared_demo_desk.datasets
    counted: list[str] = []
    real_count = service.count

    def count(query: ListQuery | None = None) -> int:
        counted.append("total" if query is None or query == ListQuery() else "other")
        return real_count(query)

    service.count = count  # type: ignore[method-assign]
    try:
        tasks = TaskManager()
        model = RecordTableModel(service, tasks)
        at_first_rows: list[tuple[int, list[str]]] = []
        model.first_rows.connect(lambda: at_first_rows.append((model.rowCount(),
                                                               list(counted))))
        with qtbot.waitSignal(model.refreshed, timeout=10_000):
            model.set_query(ListQuery(text="penduduk"))
        tasks.wait()
        matches = len(service.ids(ListQuery(text="penduduk")))
        assert 0 < matches < real_count()
        assert at_first_rows == [(matches, [])]  # the screen was up before any total
        assert model.total == real_count() and "total" in counted
    finally:
        del service.count


@pytest.mark.parametrize("kind", list(KINDS))
def test_model_rows_match_the_service_rows(shared_demo_desk: Desk, kind: str) -> None:
    service = shared_demo_desk.service(kind)
    model = RecordTableModel(service)
    model.refresh()
    ids = service.ids()
    assert model.ids == ids
    rows = service.rows(ids[:5])
    for r, row in enumerate(rows):
        assert model.index(r, 0).data(ID_ROLE) == row["id"]
        for c, column in enumerate(service.kind.columns):
            assert model.index(r, c).data(VALUE_ROLE) == row[column.key]
    for c, column in enumerate(service.kind.columns):
        assert model.headerData(c, Qt.Orientation.Horizontal) == str(column.label)


def test_an_empty_kind_gives_an_empty_valid_model(qtmodeltester, desk: Desk) -> None:
    model = RecordTableModel(desk.visits)
    model.refresh()
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


# ---------------------------------------------------------------------------- 100,000 rows
@pytest.fixture(scope="module")
def big_database(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """A SQLite file with 100,000 datasets (seeded once for this module, ~15 s)."""
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    shutil.copyfile(sqlite_template, path)
    d = Desk.open(path, user="bench")
    report = seed_bench(d.db, BIG)
    d.close()
    assert report.datasets == BIG
    return path


@pytest.fixture
def big_desk(big_database: Path) -> Iterator[Desk]:
    yield from opened_desk(big_database)


@pytest.fixture
def big_window(qtbot, big_desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/page", "datasets")
    settings.sync()
    win = build_window(qtbot, big_desk, tmp_path / "view.ini")
    yield win
    win.tasks.wait()


def _shown(qtbot, win: MainWindow) -> None:
    page = win.pages["datasets"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=30_000)
    settle(qtbot, win)
    page.table.viewport().repaint()  # make sure the visible rows were painted (and fetched)
    qtbot.wait(20)


def test_a_table_of_100k_datasets_fetches_only_what_is_shown(
        qtbot, big_window: MainWindow, big_desk: Desk) -> None:
    page = big_window.pages["datasets"]
    assert big_window.page is page
    _shown(qtbot, big_window)
    model = page.model
    assert model.rowCount() == BIG
    assert page.count_label.text() == "100.000 data"
    assert page.table.viewport().height() < 1000  # a normal window, not a giant one
    assert 0 < model.rows_fetched <= 500
    visible = page.table.rowAt(page.table.viewport().height() - 1)
    # the offscreen screen is 800 px wide: the form sits below the list, which keeps
    # at least LIST_MIN_ROWS rows (desktop/ui/page_fit.py)
    assert visible >= LIST_MIN_ROWS - 1
    assert all(model.index(r, 0).data() for r in range(visible))  # drawn rows have text
    before = model.rows_fetched
    page.table.scrollToBottom()
    qtbot.wait(20)
    page.table.viewport().repaint()
    assert page.table.rowAt(page.table.viewport().height() - 1) == BIG - 1
    assert model.rows_fetched - before <= 3 * BLOCK
    assert model.rows_fetched <= 1000
    last = big_desk.datasets.rows([model.id_at(BIG - 1)])[0]
    assert model.index(BIG - 1, 0).data() == last["judul"]


def test_a_long_list_shows_its_head_first_then_the_rest(qtbot, big_desk: Desk) -> None:
    """First the HEAD ids and the count (first paint, right-sized scroll bar), then every
    id; rows below the head are blank in between, and nothing is reset once they fill."""
    from desktop.ui.record_model import HEAD
    from desktop.ui.tasks import TaskManager

    tasks = TaskManager()
    model = RecordTableModel(big_desk.datasets, tasks)
    seen: list[tuple[str, int, int, object]] = []
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.first_rows.connect(lambda: seen.append(
        ("head", model.rowCount(), len(model.ids), model.index(BIG - 1, 0).data())))
    model.refreshed.connect(lambda: seen.append(
        ("all", model.rowCount(), len(model.ids), model.index(BIG - 1, 0).data())))
    with qtbot.waitSignal(model.refreshed, timeout=30_000):
        model.refresh()
    tasks.wait()
    assert seen[0] == ("head", BIG, HEAD, None)  # the last row: known to exist, not yet read
    assert seen[1][:3] == ("all", BIG, BIG) and seen[1][3]
    assert len(resets) == 1  # the full list filled in the blanks without a second reset
    assert model.ids == big_desk.datasets.ids()
    # a query overtaken while the long id list is on its way never lands
    model.set_query(ListQuery(text="jumlah"))
    model.set_query(ListQuery(filters={"frekuensi": "tahunan"}))
    with qtbot.waitSignal(model.refreshed, timeout=30_000):
        pass
    tasks.wait()
    assert model.ids == big_desk.datasets.ids(ListQuery(filters={"frekuensi": "tahunan"}))


def test_scrolling_through_the_middle_fetches_blocks_not_the_list(
        qtbot, big_window: MainWindow) -> None:
    page = big_window.pages["datasets"]
    _shown(qtbot, big_window)
    bar = page.table.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.75):
        bar.setValue(int(bar.maximum() * fraction))
        qtbot.wait(10)
        page.table.viewport().repaint()
    assert page.model.rows_fetched <= 8 * BLOCK


def test_searching_and_sorting_100k_rows_stays_lazy(qtbot, big_window: MainWindow,
                                                    big_desk: Desk) -> None:
    page = big_window.pages["datasets"]
    _shown(qtbot, big_window)
    started = time.perf_counter()
    with qtbot.waitSignal(page.model.refreshed, timeout=10_000):
        qtbot.keyClicks(page.search, "puskesmas")
    assert time.perf_counter() - started < 5
    expected = big_desk.datasets.count(ListQuery(text="puskesmas"))
    assert page.model.rowCount() == expected
    assert 0 < expected < BIG
    header = page.table.horizontalHeader()
    section = [c.key for c in page.kind.columns].index("tahun")
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    with qtbot.waitSignal(page.model.refreshed, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))
    page.table.viewport().repaint()
    assert page.model.rowCount() == expected
    assert page.model.rows_fetched <= 1000
    years = [page.model.index(r, section).data(VALUE_ROLE) for r in range(20)]
    assert years == sorted(years, reverse=header.sortIndicatorOrder()
                           == Qt.SortOrder.DescendingOrder)


def _dataset_picker(qtbot, win: MainWindow) -> PickEditor:
    """The dataset picker of a new row in an application's "related datasets" table."""
    apps = win.show_kind("apps")
    settle(qtbot, win)
    links = apps.form.collections["datasets"]
    qtbot.mouseClick(links.add_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)
    pickers = [w for w in links.table.viewport().findChildren(PickEditor) if w.isVisible()]
    assert len(pickers) == 1
    return pickers[0]


def _search(qtbot, picker: PickEditor, text: str) -> None:
    qtbot.keyClicks(picker.combo.lineEdit(), text)
    qtbot.waitUntil(lambda: picker.combo.count() > 1, timeout=5000)
    qtbot.wait(20)


def test_a_picker_over_100k_datasets_searches_instead_of_listing(
        qtbot, big_window: MainWindow, big_desk: Desk) -> None:
    picker = _dataset_picker(qtbot, big_window)
    assert picker.combo.count() <= 1  # nothing listed up front
    _search(qtbot, picker, "Titik Wi-Fi")
    found = [(picker.combo.itemText(i), picker.combo.itemData(i))
             for i in range(1, picker.combo.count())]
    matches = [(text, data) for text, data in found if "Wi-Fi Publik" in text]
    assert 10 <= len(matches) <= 50
    index = picker.combo.findData(matches[3][1])
    picker.combo.setCurrentIndex(index)  # chosen from the drop-down
    assert picker.value() == matches[3][1]
    assert big_desk.datasets.get(picker.value())["judul"] == matches[3][0]


def test_a_picker_search_offers_only_real_records(qtbot, big_window: MainWindow,
                                                  big_desk: Desk) -> None:
    picker = _dataset_picker(qtbot, big_window)
    _search(qtbot, picker, "Titik Wi-Fi")
    texts = [picker.combo.itemText(i) for i in range(1, picker.combo.count())]
    assert all("Wi-Fi Publik" in t for t in texts), [t for t in texts if "Publik" not in t]
    assert picker.value() is None  # nothing chosen yet
