"""The screenshot tour photographs the real window, in the scheme it was asked for.

One size, one scheme, the Beranda only (the walk still runs whole, ~20 s under Xvfb):
the picture exists at the screen's size and is mostly the dark scheme's window colour,
which proves the chain: DISKOMINFO_DESK_SCHEME → palette → X server → PNG."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.ui.palette import DARK, LIGHT

from .screenshot_tour import slug

ROOT = Path(__file__).resolve().parent.parent.parent


def test_places_become_file_names() -> None:
    assert slug("Dataset with a record") == "dataset-with-a-record"
    assert slug("dialog pdf preview kb") == "dialog-pdf-preview-kb"
    assert slug("Kerja Sama beside the Pengingat!") == "kerja-sama-beside-the-pengingat"


@pytest.mark.needs_tool("xvfb-run", "apt-get install xvfb")
def test_the_tour_photographs_the_beranda_in_the_dark_scheme(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.gui.screenshot_tour", str(out), "--sizes", "1024x700",
         "--schemes", "dark", "--only", "beranda"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "1024x700 dark:" in proc.stdout
    picture = out / "1024x700-dark-beranda.png"
    assert picture.is_file(), sorted(p.name for p in out.iterdir())
    assert not list(out.glob("*-dialog-*.png"))  # --only kept to the Beranda
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1024, 700)
    colours = Counter(image.pixelColor(x, y).name() for x in range(0, 1024, 8)
                      for y in range(0, 700, 8))
    total = sum(colours.values())
    dark_share = (colours[DARK.surface] + colours[DARK.surface_alt]) / total
    assert dark_share > 0.4, colours.most_common(5)
    assert colours[LIGHT.surface] == 0
    assert isinstance(json.loads((out / "problems-1024x700-dark.json").read_text()), list)
    sheet = (out / "index.html").read_text(encoding="utf-8")
    assert '<img src="1024x700-dark-beranda.png"' in sheet
