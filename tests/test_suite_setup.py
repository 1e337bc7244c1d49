"""The quick suite on a fresh machine: cases that cannot apply there are left out with one
summary line each, never reported as hundreds of skips (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_pytest(tmp_path: Path, *args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("CI", "PYTEST_XDIST_WORKER", "PYTEST_CURRENT_TEST")}
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-n0", "-q", "-rs", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "inner"), *args],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode in (0, 5), done.stdout[-3000:] + done.stderr[-2000:]
    return done.stdout


def test_a_missing_program_leaves_its_cases_out_with_one_line(tmp_path: Path) -> None:
    out = run_pytest(tmp_path, "tests/test_documents_docx.py", "-k", "libreoffice",
                     PATH=str(tmp_path))  # no soffice on this PATH
    assert "deselected" in out and "passed" not in out and "skipped" not in out, out
    assert out.count("Not run: the cases that need soffice") == 1, out
    assert "apt-get install libreoffice-writer-nogui" in out


@pytest.mark.skipif(not os.environ.get("DISKOMINFO_DESK_TEST_POSTGRES"),
                    reason="needs both engines")
def test_a_query_plan_test_runs_on_its_engine_only(tmp_path: Path) -> None:
    out = run_pytest(tmp_path, "tests/test_list_head.py", "-k",
                     "opening_sort or full_text_index")
    assert "2 passed," in out and "skipped" not in out, out


def test_a_child_run_test_is_left_to_its_parent(tmp_path: Path) -> None:
    out = run_pytest(tmp_path, "tests/gui/test_agreement_room.py", "-k", "child_on_this_screen")
    assert "deselected" in out and "skipped" not in out and "passed" not in out, out
