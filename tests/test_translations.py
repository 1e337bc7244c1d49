"""The GUI's English catalogue covers every tr() string and is compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "desk_en.ts"
QM = ROOT / "resources" / "translations" / "desk_en.qm"


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not installed")
    return path


def test_every_tr_string_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copyfile(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-source-language", "id_ID",
                    "-target-language", "en_GB", "-ts", str(fresh)],
                   check=True, capture_output=True)
    text = fresh.read_text(encoding="utf-8")
    unfinished = re.findall(r"<source>(.*?)</source>\s*<translation type=\"unfinished\">",
                            text, flags=re.S)
    assert not unfinished, f"untranslated GUI strings: {unfinished}"


def test_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "desk_en.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert QM.read_bytes() == compiled.read_bytes(), "run pyside6-lrelease on desk_en.ts"
