"""The Windows installer script compiles (makensis on Linux, against a dummy payload).

Slow: the quick suite leaves it out; installers/ci-build-and-smoke.sh compiles the same
script in CI. Without makensis the test is left out with one summary line, except in CI
(CI=true), where it must run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
MAKE_INSTALLER = ROOT / "installers" / "windows" / "make_installer.py"


@pytest.mark.slow
@pytest.mark.needs_tool("makensis", "apt-get install nsis")
def test_nsis_script_compiles_against_a_dummy_payload(tmp_path: Path) -> None:
    output = tmp_path / f"diskominfo-desk-{__version__}-setup.exe"
    result = subprocess.run([sys.executable, str(MAKE_INSTALLER), "--dummy-payload",
                             "--output", str(output)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    data = output.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    assert len(data) > 50_000
