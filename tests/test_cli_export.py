"""``export KIND FILE``: the sub-command on its own parser, against real databases.

desktop/cli.py wires ``add_parsers`` into the main parser; these tests build a parser
with the same global options so the command is tested without depending on the wiring.
"""

from __future__ import annotations

import argparse
import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop.cli.export import add_parsers
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.services import ListQuery


def parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    main = argparse.ArgumentParser(prog="diskominfo-desk")
    main.add_argument("--database")
    main.add_argument("--user")
    sub = main.add_subparsers(dest="command")
    return main, add_parsers(sub)


def run(*argv: str) -> int:
    main, commands = parser()
    args = main.parse_args(list(argv))
    return commands[args.command](args)


def expected_ids(url: str, kind: str, query: ListQuery) -> list[Any]:
    desk = Desk.open(url)
    try:
        return desk.service(kind).list(query).rows
    finally:
        desk.close()


def test_export_xlsx_with_filter_search_and_sort(demo_url: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "visits.xlsx"
    code = run("--database", demo_url, "export", "visits", str(target),
               "--filter", "arah=masuk", "--sort=-tanggal_mulai")
    assert code == 0
    shown = expected_ids(demo_url, "visits", ListQuery(filters={"arah": "masuk"},
                                                       sort=["-tanggal_mulai"]))
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [r[0].date() for r in rows] == [s["tanggal_mulai"] for s in shown]
    assert {r[1] for r in rows} == {"Masuk (daerah lain berkunjung)"}  # the label, not "masuk"
    assert f"{len(shown)} baris diekspor ke {target}" in capsys.readouterr().out


def test_export_csv_with_search(demo_url: str, tmp_path: Path) -> None:
    target = tmp_path / "apps.csv"
    assert run("--database", demo_url, "export", "aplikasi", str(target),
               "--search", "kesehatan") == 0
    shown = expected_ids(demo_url, "apps", ListQuery(text="kesehatan"))
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Nama"
    assert [r[0] for r in rows[1:]] == [s["nama"] for s in shown]
    assert shown


def test_export_pdf_report_with_title(demo_url: str, tmp_path: Path) -> None:
    target = tmp_path / "opd.pdf"
    assert run("--database", demo_url, "export", "opd", str(target), "--filter", "jenis=badan",
               "--title", "Daftar Badan") == 0
    text = PdfReader(target).pages[0].extract_text()
    assert "Daftar Badan" in text
    assert "Filter: Jenis: Badan" in text
    assert "Halaman 1 dari 1" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "kapal", "x.xlsx"], "Jenis data tidak dikenal: kapal"),
        (["export", "apps", "x.ods"], "Format ekspor tidak dikenal: .ods"),
        (["export", "apps", "x.xlsx", "--filter", "warna=merah"], "Filter tidak dikenal"),
        (["export", "apps", "x.xlsx", "--filter", "tanpa-sama-dengan"], "KOLOM=NILAI"),
        (["export", "apps", "x.xlsx", "--sort", "warna"], "Tidak dapat mengurutkan"),
        (["export", "apps", "tidak/ada/x.xlsx"], "Folder tujuan tidak ada"),
    ],
)
def test_bad_arguments_raise_a_readable_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(DeskError, match=message):
        run("--database", str(tmp_path / "x.sqlite3"), *args)
    assert not list(tmp_path.glob("x.*.part"))
    assert not (tmp_path / "x.xlsx").exists()
