"""Compile the Windows installer with makensis, the version taken from desktop/__init__.py.

    python installers/windows/make_installer.py [--payload dist/diskominfo-desk]
                                                [--output dist/diskominfo-desk-X.Y.Z-setup.exe]
    python installers/windows/make_installer.py --dummy-payload --output /tmp/setup.exe

On Windows (CI) the payload is the PyInstaller bundle. ``--dummy-payload`` stands a few
placeholder files in for it, so the script can be compiled on Linux (apt-get install
nsis) to prove it: every page, language string and section is checked by makensis.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = HERE / "diskominfo-desk.nsi"


def app_version() -> str:
    """The version has one home, desktop/__init__.py; read it without importing the app."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in desktop/__init__.py")
    return match.group(1)


def four_numbers(version: str) -> str:
    """0.2.0rc1 -> 0.2.0.0: Windows version resources take four integers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])][:3]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def find_makensis() -> str:
    """makensis on PATH, else where the NSIS installer puts it on Windows."""
    found = shutil.which("makensis")
    if found:
        return found
    for folder in ("ProgramFiles(x86)", "ProgramFiles"):
        candidate = Path(os.environ.get(folder, "")) / "NSIS" / "makensis.exe"
        if os.environ.get(folder) and candidate.is_file():
            return str(candidate)
    return "makensis"


def make_dummy_payload(folder: Path) -> Path:
    payload = folder / "diskominfo-desk"
    (payload / "_internal").mkdir(parents=True)
    for exe in ("diskominfo-desk.exe", "diskominfo-desk-cli.exe"):
        (payload / exe).write_bytes(b"MZ placeholder: the real payload is the PyInstaller bundle")
    (payload / "_internal" / "README.txt").write_text("dummy payload\n", encoding="utf-8")
    return payload


def license_with_crlf(folder: Path) -> Path:
    """The licence page shows a plain-text file; Windows controls want CRLF line ends."""
    text = (ROOT / "LICENSE").read_text(encoding="utf-8").replace("\r\n", "\n")
    target = folder / "LICENSE.txt"
    target.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return target


def build(payload: Path, output: Path, makensis: str, workdir: Path,
          sign_command: str | None = None) -> Path:
    version = app_version()
    output.parent.mkdir(parents=True, exist_ok=True)
    command = [
        makensis, "-V2", "-WX",  # warnings are errors: a script that compiles is clean
        f"-DVERSION={version}", f"-DVERSION4={four_numbers(version)}",
        f"-DPAYLOAD={payload.resolve()}", f"-DOUTFILE={output.resolve()}",
        f"-DLICENSE_FILE={license_with_crlf(workdir).resolve()}",
    ]
    if sign_command:
        # the uninstaller is written inside the installer: signed while makensis builds
        # it (!uninstfinalize), since nothing can sign it afterwards
        command.append(f"-DUNINST_SIGN_CMD={sign_command}")
    command.append(str(SCRIPT))
    subprocess.run(command, check=True)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, default=ROOT / "dist" / "diskominfo-desk")
    parser.add_argument("--dummy-payload", action="store_true",
                        help="compile against placeholder files (proves the script)")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--makensis", default=find_makensis())
    parser.add_argument("--sign-command", metavar="COMMAND",
                        help="sign the uninstaller with COMMAND <file> while compiling, e.g. "
                             "'pwsh -NoProfile -File installers/windows/sign.ps1'")
    args = parser.parse_args(argv)
    output = args.output or ROOT / "dist" / f"diskominfo-desk-{app_version()}-setup.exe"
    with tempfile.TemporaryDirectory() as tmp:
        payload = make_dummy_payload(Path(tmp)) if args.dummy_payload else args.payload
        if not (payload / "diskominfo-desk.exe").is_file():
            print(f"no diskominfo-desk.exe in {payload}: build the bundle first "
                  "(pyinstaller installers/diskominfo-desk.spec)", file=sys.stderr)
            return 1
        try:
            build(payload, output, args.makensis, Path(tmp), args.sign_command)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"makensis failed: {exc}", file=sys.stderr)
            return 1
    print(f"{output} ({output.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
