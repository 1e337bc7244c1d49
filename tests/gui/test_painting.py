"""A drawing error never crashes the window: every painter is ended (desktop/ui/painting.py).

Root cause of a segmentation fault seen once while the Beranda was built: an exception
inside ``paintEvent`` left its ``QPainter`` active, and Qt crashed a few paints later.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
SCRIPT = Path(__file__).with_name("paint_error_script.py")


def _paint(tmp_path: Path, *args: str) -> tuple[str, dict[str, int]]:
    """The script's stderr, and its counts: paints, failed paints, warnings of a
    painter left active (empty when the process died)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    done = subprocess.run([sys.executable, "-X", "dev", "-X", "faulthandler", str(SCRIPT),
                           *args], env=env, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    if done.returncode != 0 or "counts" not in done.stdout:
        return done.stderr, {}
    numbers = (int(n) for n in done.stdout.split("counts")[1].split())
    return done.stderr, dict(zip(("paints", "failed", "active"), numbers, strict=True))


def test_hundreds_of_failing_paints_through_painting_leave_no_painter_active(
        tmp_path: Path) -> None:
    stderr, counts = _paint(tmp_path)
    assert "Fatal Python error" not in stderr and counts, stderr[-2000:]
    # the paints really ran, and really failed
    assert counts["paints"] >= 200 and counts["failed"] == counts["paints"]
    assert counts["active"] == 0


def test_the_same_paints_with_a_bare_painter_crash_or_leave_it_active(tmp_path: Path) -> None:
    """The run above can see the fault it guards against."""
    stderr, counts = _paint(tmp_path, "bare")
    assert "Segmentation fault" in stderr or counts.get("active", 0) > 0


def test_every_painter_on_a_device_is_opened_through_painting() -> None:
    """``QPainter(device)`` only in painting.py; ``QPainter()`` with begin/end is for the
    printer, whose painter lives across pages (desktop/ui/pdf_print.py ends it)."""
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "painting.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "QPainter" and node.args):
                found.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert found == []
