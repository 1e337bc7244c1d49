"""The PDF preview at Windows display scaling (125 %, 150 %): page images with one image
pixel per screen pixel, rendered again when the window moves to a screen with another
scaling.

Runs in a child pytest on two offscreen screens, "a" at 100 % and "b" at 150 %
(``QT_SCREEN_SCALE_FACTORS``), where the device pixel ratio of a window is what it is
on a scaled Windows desktop.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QGuiApplication

import desktop.ui.pdf_preview as pdf_preview
import desktop.ui.pdf_print as pdf_print
from desktop.core.desk import Desk
from desktop.documents.raster import PdfPages
from desktop.ui.main_window import MainWindow
from desktop.ui.pdf_preview import PREVIEW_SCALE, PdfPreviewDialog

from .helpers import open_page, select_row, wait_loaded

SCALED_ENV = "DESK_TEST_SCALED_SCREENS"  # set for the child run on the two screens
HERE = Path(__file__)


def test_preview_pages_follow_the_display_scaling(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    screen = {"y": 0, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({
        "synchronousWindowSystemEvents": False, "windowFrameMargins": True,
        "screens": [{**screen, "name": "a", "x": 0, "width": 1366, "height": 768},
                    {**screen, "name": "b", "x": 1366, "width": 1920, "height": 1080}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCREEN_SCALE_FACTORS="a=1;b=1.5")
    env[SCALED_ENV] = "1"
    env.pop("QT_SCALE_FACTOR", None)
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-n0", "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "child"), f"{HERE}::test_child_on_scaled_screens"],
        env=env, capture_output=True, text=True, timeout=240, cwd=HERE.parents[2])
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    engines = 2 if os.environ.get("DISKOMINFO_DESK_TEST_POSTGRES") else 1
    assert re.search(rf"\b{engines} passed", run.stdout), run.stdout[-2000:]


def _pixel_sizes(pdf: bytes, scale: float) -> list[QSize]:
    with PdfPages(pdf) as pages:
        return [QSize(*pages.pixel_size(index, scale)) for index in range(len(pages))]


def _shown(preview: PdfPreviewDialog) -> dict[int, tuple[QSize, float]]:
    """The rendered pages: pixel size and device pixel ratio of each label's pixmap."""
    return {index: (label.pixmap().size(), label.pixmap().devicePixelRatio())
            for index, label in enumerate(preview.page_labels)
            if not label.pixmap().isNull()}


def _all_at(preview: PdfPreviewDialog, sizes: list[QSize], ratio: float) -> bool:
    shown = _shown(preview)
    return 0 in shown and all(shown[i] == (sizes[i], ratio) for i in shown)


def _open_preview(qtbot, page: Any) -> PdfPreviewDialog:
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(PdfPreviewDialog)),
                    timeout=15_000)
    return next(d for d in page.findChildren(PdfPreviewDialog) if d.isVisible())


@pytest.mark.child_run(SCALED_ENV)
def test_child_on_scaled_screens(qtbot, demo_window: MainWindow, demo_desk: Desk,
                                 monkeypatch) -> None:
    plain, scaled = QGuiApplication.screens()
    assert (plain.devicePixelRatio(), scaled.devicePixelRatio()) == (1.0, 1.5)
    ratios: list[float] = []  # every page rendered for the preview, by device pixel ratio
    real = pdf_print.page_image

    def page_image(pages: PdfPages, index: int, scale: float, ratio: float = 1.0) -> Any:
        ratios.append(ratio)
        return real(pages, index, scale, ratio)

    monkeypatch.setattr(pdf_print, "page_image", page_image)  # pages as they scroll in
    monkeypatch.setattr(pdf_preview, "page_image", page_image)  # the first, before opening
    demo_window.reminders.hide()
    page = open_page(qtbot, demo_window, "agreements")
    kb_id = next(r["id"] for r in demo_desk.agreements.list().rows
                 if r["jenis"] == "kb" and "Karanganyar" in r["mitra"])
    select_row(qtbot, page, page.model.row_of(kb_id))
    wait_loaded(qtbot, page, kb_id)

    # at 100 %: as before, one image pixel per logical pixel
    preview = _open_preview(qtbot, page)
    assert preview.screen() is plain and preview.devicePixelRatioF() == 1.0
    at_100 = _pixel_sizes(preview.pdf, PREVIEW_SCALE)
    assert _all_at(preview, at_100, 1.0), _shown(preview)
    logical = [label.size() for label in preview.page_labels]
    assert logical[0] == at_100[0] + QSize(2, 2)  # the page and its frame
    assert set(ratios) == {1.0}

    # dragged to the 150 % screen: the pages again, 1.5 times the pixels, same size
    at_150 = _pixel_sizes(preview.pdf, PREVIEW_SCALE * 1.5)
    ratios.clear()
    preview.move(scaled.availableGeometry().topLeft() + QPoint(20, 20))
    qtbot.waitUntil(lambda: preview.devicePixelRatioF() == 1.5, timeout=5000)
    qtbot.waitUntil(lambda: _all_at(preview, at_150, 1.5), timeout=15_000)
    assert ratios and set(ratios) == {1.5}
    for size_100, size_150 in zip(at_100, at_150, strict=True):
        assert abs(size_150.width() - 1.5 * size_100.width()) <= 2
    assert [label.size() for label in preview.page_labels] == logical  # same size
    first = preview.page_labels[0].pixmap()
    assert first.deviceIndependentSize().toSize() == QSize(
        round(first.width() / 1.5), round(first.height() / 1.5))

    # and back
    preview.move(plain.availableGeometry().topLeft() + QPoint(20, 20))
    qtbot.waitUntil(lambda: _all_at(preview, at_100, 1.0), timeout=15_000)
    preview.close()

    # opened from a window on the 150 % screen: sharp from the start, never at 100 %
    demo_window.showNormal()  # a 1366×768 screen opens it maximized: restored to drag it
    demo_window.move(scaled.availableGeometry().topLeft())
    qtbot.waitUntil(lambda: demo_window.devicePixelRatioF() == 1.5, timeout=5000)
    ratios.clear()
    again = _open_preview(qtbot, page)
    assert again is not preview
    assert _all_at(again, at_150, 1.5), _shown(again)
    qtbot.wait(100)
    demo_window.tasks.wait()
    qtbot.wait(20)
    assert ratios and set(ratios) == {1.5}
    again.close()
