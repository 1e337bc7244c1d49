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


def _shown(preview: PdfPreviewDialog) -> list[tuple[QSize, float]]:
    """Each page label's pixmap: its size in pixels and its device pixel ratio."""
    return [(label.pixmap().size(), label.pixmap().devicePixelRatio())
            for label in preview.page_labels]


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
    ratios: list[float] = []  # every rendering of preview pages, by device pixel ratio
    real = pdf_preview.rasterise

    def rasterise(pdf: bytes, scale: float, ratio: float = 1.0) -> list[Any]:
        ratios.append(ratio)
        return real(pdf, scale, ratio)

    monkeypatch.setattr(pdf_preview, "rasterise", rasterise)
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
    assert _shown(preview) == [(size, 1.0) for size in at_100]
    logical = [label.size() for label in preview.page_labels]

    # dragged to the 150 % screen: the pages again, 1.5 times the pixels, same size
    at_150 = _pixel_sizes(preview.pdf, PREVIEW_SCALE * 1.5)
    preview.move(scaled.availableGeometry().topLeft() + QPoint(20, 20))
    qtbot.waitUntil(lambda: preview.devicePixelRatioF() == 1.5, timeout=5000)
    qtbot.waitUntil(lambda: _shown(preview) == [(size, 1.5) for size in at_150],
                    timeout=15_000)
    for size_100, size_150 in zip(at_100, at_150, strict=True):
        assert abs(size_150.width() - 1.5 * size_100.width()) <= 2
    for label, before in zip(preview.page_labels, logical, strict=True):
        assert abs(label.width() - before.width()) <= 1  # the page keeps its size
        assert label.pixmap().deviceIndependentSize().toSize() == QSize(
            round(label.pixmap().width() / 1.5), round(label.pixmap().height() / 1.5))
    assert ratios == [1.0, 1.5]

    # and back
    preview.move(plain.availableGeometry().topLeft() + QPoint(20, 20))
    qtbot.waitUntil(lambda: _shown(preview) == [(size, 1.0) for size in at_100],
                    timeout=15_000)
    assert ratios == [1.0, 1.5, 1.0]
    preview.close()

    # opened from a window on the 150 % screen: sharp from the start, rendered once
    demo_window.move(scaled.availableGeometry().topLeft())
    qtbot.waitUntil(lambda: demo_window.devicePixelRatioF() == 1.5, timeout=5000)
    again = _open_preview(qtbot, page)
    assert again is not preview
    assert _shown(again) == [(size, 1.5) for size in at_150]
    qtbot.wait(100)
    demo_window.tasks.wait()
    qtbot.wait(20)
    assert ratios == [1.0, 1.5, 1.0, 1.5]  # no second rendering once open
    again.close()
