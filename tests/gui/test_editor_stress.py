"""Typing for a long time into the record editors never crashes the window.

The issue: ``Fatal Python error: none_dealloc`` after about 560 characters typed into one
article of a new KB (PySide6 6.12.0 on Python 3.11 lost a reference to ``None`` on every
void call and empty-role read, and each keystroke renamed every node of the tree and read
back dicts holding ``None``; see ``desktop/ui/qt_check.py``). The script
``editor_stress_script.py`` drives a real main window with key presses and clicks: the
article trees of a new KB and a new PKS (add Pasal/ayat/butir, type, rename, move,
delete), their parties and lampiran tables, and the sub-lists of the visit and dataset
forms. It runs in a subprocess under ``-X dev -X faulthandler`` so that a crash fails
this test (with the interpreter's last words) instead of killing pytest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("editor_stress_script.py")
QUICK_CHARS = 6_000  # about 15 s here
LONG_CHARS = 20_000  # the "done means"


def _run_stress(chars: int, tmp_path: Path, timeout: int) -> dict:
    out = tmp_path / "summary.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    for var in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(tmp_path / var.lower())
    proc = subprocess.run(
        [sys.executable, "-X", "dev", "-X", "faulthandler", str(SCRIPT), str(chars),
         str(out)],
        env=env, capture_output=True, text=True, timeout=timeout)
    tail = "\n".join(proc.stderr.splitlines()[-40:])
    assert "Fatal Python error" not in proc.stderr, tail
    assert proc.returncode == 0, f"exit {proc.returncode}\n{tail}"
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["typed"] >= chars
    # every chunk still in the form (not deleted or overwritten since) is in its values
    assert summary["missing"] == []
    assert summary["markers"] > 20
    counts = summary["counts"]
    for action in ("pasal added", "ayat added", "butir added", "typed into existing",
                   "moved", "deleted", "renamed",
                   "pihak cell typed", "lampiran cell typed", "peserta cell typed",
                   "tindak_lanjut cell typed", "resources cell typed"):
        assert counts.get(action, 0) > 0, (action, counts)
    return summary


def test_typing_thousands_of_characters_into_articles_parties_and_sub_lists(
        tmp_path: Path) -> None:
    _run_stress(QUICK_CHARS, tmp_path, timeout=240)


@pytest.mark.slow
def test_typing_twenty_thousand_characters_never_crashes(tmp_path: Path) -> None:
    _run_stress(LONG_CHARS, tmp_path, timeout=900)


def test_a_crash_in_the_script_fails_the_run(tmp_path: Path) -> None:
    """The harness sees an abort: a script that dies as the issue's window did fails."""
    crash = tmp_path / "crash.py"
    crash.write_text("import faulthandler, ctypes\nfaulthandler.enable()\n"
                     "ctypes.string_at(0)\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "dev", "-X", "faulthandler", str(crash)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "Fatal Python error" in proc.stderr
