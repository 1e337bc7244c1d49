"""The CLI writes UTF-8 whatever the console or pipe encoding (Windows: cp1252).

In a subprocess with ``PYTHONIOENCODING=cp1252`` and UTF-8 mode off, as a piped
``diskominfo-desk list --json`` runs on a Windows workstation: a dataset titled with
characters cp1252 does not have must come out as valid UTF-8, exit 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.desk import Desk

TITLE = "Łuas lahan — panen 🌾 Kabupaten Ōsaka"


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    desk = Desk.open(path, user="penguji")
    try:
        opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Pertanian — Ł"})["id"]
        desk.datasets.create({"judul": TITLE, "opd_id": opd})
    finally:
        desk.close()
    return path


def _run_cp1252(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONUTF8="0",
               DISKOMINFO_DESK_PORTABLE_DIR=str(tmp_path / "portable"))
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          env=env, timeout=60, check=False)


def test_child_stream_really_starts_as_cp1252(tmp_path: Path) -> None:
    """The premise: without the fix, this child's stdout would be cp1252."""
    env = dict(os.environ, PYTHONIOENCODING="cp1252", PYTHONUTF8="0")
    done = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
                          capture_output=True, env=env, timeout=30, check=True)
    assert done.stdout.strip().lower() == b"cp1252"


def test_list_json_is_utf8_on_a_cp1252_pipe(tmp_path: Path, register: Path) -> None:
    done = _run_cp1252(tmp_path, "--database", str(register), "list", "datasets", "--json")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    rows = json.loads(done.stdout.decode("utf-8"))  # strict: invalid UTF-8 raises
    assert [row["judul"] for row in rows] == [TITLE]


def test_list_text_is_utf8_on_a_cp1252_pipe(tmp_path: Path, register: Path) -> None:
    done = _run_cp1252(tmp_path, "--database", str(register), "list", "datasets")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert TITLE[:30] in done.stdout.decode("utf-8")


def test_errors_are_utf8_on_a_cp1252_pipe(tmp_path: Path) -> None:
    """stderr too: a message naming a file "Ł—🌾" is written, not a UnicodeEncodeError."""
    folder = tmp_path / "Łaporan—🌾"
    folder.mkdir()
    done = _run_cp1252(tmp_path, "--database", str(folder), "init")
    assert done.returncode == 1
    message = done.stderr.decode("utf-8")
    assert "Łaporan—🌾" in message and "folder" in message
