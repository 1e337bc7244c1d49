"""Import memory: a 1,048,576-row sheet (Excel's last row) through ``import --dry-run``.

    .venv/bin/python tests/benchmarks/bench_import_memory.py [--rows N]

Before issue 20 the importer read every row into a list: this sheet did not finish in
600 s and a 1.8 KB file declaring A1:XFD1048576 took 6.2 GB. Now rows stream. Figures,
each measured in a fresh process (peak RSS from VmHWM, so start-up counts too;
``ru_maxrss`` would carry a forking parent's peak over):

- the CLI's ``import datasets FILE --dry-run`` with the default limits: the sheet is
  streamed and refused at the row limit (200,000) with its message, target <= 300 MB
  (with ``--rows`` under the limit every row is checked; the database has no OPD, so
  each row carries a message: the most a dry run's results can hold);
- the whole sheet streamed with the row limit lifted (``read_sheet`` counts every row,
  ``numbered_rows`` yields each once): what reading all 1,048,575 data rows costs,
  target <= 300 MB;
- the 1,813-byte dimension bomb refused, target <= 1 s and <= 200 MB.

The sheet is written like Excel writes one: every text in the shared-string table
(one unique title per row), which openpyxl holds in memory whole; that table, not the
rows, is most of the figure. Not collected by pytest; ``run.py`` runs it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from figures import Figure  # noqa: E402
from import_corpus import (  # noqa: E402
    CONTENT_TYPES,
    ROOT_RELS,
    SHEET_NS,
    STYLES,
    WORKBOOK,
    dimension_bomb,
)

WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '</Relationships>')
PEAK_KB = "int(next(x for x in open('/proc/self/status') if x.startswith('VmHWM')).split()[1])"
HEADER = ["Judul", "Produsen data (OPD)", "Sifat data", "Tahun"]
FIXED = ["Diskominfo", "Terbuka"]


def write_sheet(path: Path, rows: int) -> None:
    """``rows`` rows in all (a header and rows - 1 datasets), streamed into the zip."""
    data_rows = rows - 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.replace(
            "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        shared = len(HEADER) + len(FIXED)
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns='
                     f'"{SHEET_NS}" count="{shared + data_rows}" uniqueCount='
                     f'"{shared + data_rows}">'.encode())
            fh.write("".join(f"<si><t>{s}</t></si>" for s in HEADER + FIXED).encode())
            for start in range(0, data_rows, 10_000):
                fh.write("".join(f"<si><t>Dataset statistik sektoral {i:07d}</t></si>"
                                 for i in range(start, min(start + 10_000, data_rows)))
                         .encode())
            fh.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
                     f'xmlns="{SHEET_NS}"><dimension ref="A1:D{rows}"/><sheetData>'
                     '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                     '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>'.encode())
            for start in range(2, rows + 1, 10_000):
                fh.write("".join(
                    f'<row r="{r}"><c r="A{r}" t="s"><v>{shared + r - 2}</v></c>'
                    f'<c r="B{r}" t="s"><v>4</v></c><c r="C{r}" t="s"><v>5</v></c>'
                    f'<c r="D{r}"><v>{2000 + r % 25}</v></c></row>'
                    for r in range(start, min(start + 10_000, rows + 1))).encode())
            fh.write(b"</sheetData></worksheet>")


def measured(script: str, env: dict[str, str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, output) of ``script`` run in a fresh interpreter; the
    time starts after the program's modules are imported (the peak includes them)."""
    wrapped = ("import time\nimport desktop.cli, desktop.core.importing\n"
               "started = time.perf_counter()\n" + script
               + "\nprint('MEASURED', time.perf_counter() - started, "
               f"{PEAK_KB} / 1024)\n")
    done = subprocess.run([sys.executable, "-c", wrapped], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=3600, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("MEASURED")), None)
    if line is None:
        raise SystemExit(f"benchmark process failed:\n{done.stdout}\n{done.stderr[-3000:]}")
    _, seconds, peak = line.split()
    return float(seconds), float(peak), done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_048_576,
                        help="rows in the sheet, the header included (Excel's most)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-memory-"))
    env = dict(os.environ)
    env.setdefault("XDG_CONFIG_HOME", str(tmp / "config"))
    env.setdefault("XDG_DATA_HOME", str(tmp / "data"))
    env["PYTHONPATH"] = str(ROOT)
    sheet = tmp / "datasets.xlsx"
    started = time.perf_counter()
    write_sheet(sheet, args.rows)
    print(f"sheet: {args.rows:,} rows, {sheet.stat().st_size / 2**20:.1f} MB "
          f"(written in {time.perf_counter() - started:.0f} s)")
    database = tmp / "bench.sqlite3"

    seconds, peak, output = measured(
        "from desktop.cli import main\n"
        f"code = main(['--database', {str(database)!r}, 'import', 'datasets', "
        f"{str(sheet)!r}, '--dry-run'])\n"
        "print('exit', code)\n", env)
    refused = "exit 1" in output and "batas impor" in output
    limit_note = "refused at the row limit" if args.rows > 200_001 else "checked"
    Figure(f"import --dry-run, {args.rows:,}-row sheet: peak RSS", peak, "MB",
           target="<= 300 MB", met=peak <= 300 and (refused or args.rows <= 200_001),
           note=f"{limit_note} in {seconds:.0f} s").emit()

    seconds, peak, output = measured(
        "from desktop.core.importing import read_sheet\n"
        "from desktop.core.importing.limits import ImportLimits\n"
        f"sheet = read_sheet({str(sheet)!r}, ImportLimits(max_rows=2_000_000))\n"
        "streamed = sum(1 for _ in sheet.numbered_rows())\n"
        "print('rows', sheet.count, streamed)\n", env)
    counted = f"rows {args.rows - 1} {args.rows - 1}" in output
    Figure(f"stream every row of the {args.rows:,}-row sheet (limit lifted): peak RSS", peak,
           "MB", target="<= 300 MB", met=peak <= 300 and counted,
           note=f"{args.rows - 1:,} rows counted and streamed in {seconds:.0f} s").emit()

    bomb = dimension_bomb(tmp / "bomb.xlsx")
    seconds, peak, output = measured(
        "from desktop.cli import main\n"
        f"code = main(['--database', {str(database)!r}, 'import', 'apps', {str(bomb)!r}, "
        "'--dry-run'])\nprint('exit', code)\n", env)
    Figure(f"{bomb.stat().st_size:,}-byte dimension bomb refused: time", seconds * 1000, "ms",
           target="<= 1000 ms", met=seconds <= 1 and "exit 1" in output).emit()
    Figure(f"{bomb.stat().st_size:,}-byte dimension bomb refused: peak RSS", peak, "MB",
           target="<= 200 MB", met=peak <= 200 and "exit 1" in output).emit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
