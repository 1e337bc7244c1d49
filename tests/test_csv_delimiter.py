"""The CSV column separator: the locale's by default (";" for Indonesian Excel), or chosen.

An Excel with Indonesian regional settings opened a comma-separated export as one
column. ``auto`` follows the regional settings (Windows: their list separator), the CLI
takes ``--delimiter``, the setting ``csv_delimiter`` holds the default, and whatever an
export wrote, the importer reads back.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import csv_format
from desktop.core.csv_format import locale_delimiter, resolve_delimiter
from desktop.core.desk import Desk
from desktop.core.errors import QueryError
from desktop.core.settings import CSV_DELIMITER, Settings
from tests.test_export_import_roundtrip import ORDER, _empty_database, _records


@pytest.mark.parametrize(("name", "expected"), [
    ("id_ID", ";"), ("id_ID.UTF-8", ";"), ("id-ID", ";"), ("Indonesian_Indonesia", ";"),
    ("de_DE.UTF-8", ";"), ("fr_FR", ";"), ("pt_BR", ";"), ("nl_NL@euro", ";"),
    ("en_US", ","), ("en_US.UTF-8", ","), ("English_United States", ","), ("ms_MY", ","),
    ("de_CH", ","), ("es_MX", ","), ("C", ","), ("C.UTF-8", ","), ("", ","),
])
def test_locale_convention(name: str, expected: str) -> None:
    assert locale_delimiter(name) == expected


@pytest.fixture
def linux(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))  # settings.ini here
    monkeypatch.setattr(csv_format, "this_platform", lambda: "linux")
    for variable in ("LC_ALL", "LC_NUMERIC", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    return monkeypatch


def test_auto_follows_the_users_locale(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("LANG", "id_ID.UTF-8")
    assert resolve_delimiter("auto") == ";"
    assert resolve_delimiter(None) == ";"  # the setting's default is auto
    linux.setenv("LANG", "en_US.UTF-8")
    assert resolve_delimiter("auto") == ","
    linux.setenv("LC_ALL", "id_ID.UTF-8")  # LC_ALL wins over LANG, as in POSIX
    assert resolve_delimiter("auto") == ";"


def test_auto_on_windows_takes_the_regional_list_separator(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csv_format, "this_platform", lambda: "win32")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setattr(csv_format, "windows_list_separator", lambda: ";")
    assert resolve_delimiter("auto") == ";"
    monkeypatch.setattr(csv_format, "windows_list_separator", lambda: "|")  # not ours: locale
    assert resolve_delimiter("auto") == ","


def test_the_setting_chooses_and_a_broken_one_falls_back(linux: pytest.MonkeyPatch) -> None:
    linux.setenv("LANG", "id_ID.UTF-8")
    settings = Settings()
    settings.set(CSV_DELIMITER, ",")
    settings.save()
    assert resolve_delimiter(None) == ","
    assert resolve_delimiter(";") == ";"  # an explicit choice beats the setting
    settings.set(CSV_DELIMITER, "|")
    settings.save()
    assert resolve_delimiter(None) == ";"  # hand-edited nonsense: auto
    with pytest.raises(QueryError, match="harus"):
        resolve_delimiter("|")


def _header(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig").splitlines()[0]


def test_cli_flag_and_default(desk: Desk, database_url: str, tmp_path: Path,
                              linux: pytest.MonkeyPatch, capsys) -> None:
    desk.opd.create({"kode": "1.01", "nama": "Dinas Komunikasi, Informatika; dan Persandian"})
    linux.setenv("LANG", "id_ID.UTF-8")
    base = ["--database", database_url, "export", "opd"]
    for flag, expected in (([], ";"), (["--delimiter", ","], ","),
                           (["--delimiter", ";"], ";")):
        target = tmp_path / f"opd{len(flag)}{expected == ';'}.csv"
        assert main([*base, str(target), *flag]) == 0, capsys.readouterr().err
        assert _header(target).count(expected) >= 2
        with target.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh, delimiter=expected))
        assert "Dinas Komunikasi, Informatika; dan Persandian" in rows[1]
    linux.setenv("LANG", "en_US.UTF-8")
    target = tmp_path / "en.csv"
    assert main([*base, str(target)]) == 0
    assert ";" not in _header(target) and "," in _header(target)


def test_cli_delimiter_refused_for_xlsx_and_unknown(tmp_path: Path, capsys) -> None:
    base = ["--database", str(tmp_path / "d.sqlite3"), "export", "opd"]
    assert main([*base, str(tmp_path / "o.xlsx"), "--delimiter", ";"]) == 1
    assert "--delimiter hanya berlaku untuk .csv" in capsys.readouterr().err
    assert not (tmp_path / "o.xlsx").exists()
    with pytest.raises(SystemExit) as usage:
        main([*base, str(tmp_path / "o.csv"), "--delimiter", "|"])
    assert usage.value.code == 2
    assert "--delimiter" in capsys.readouterr().err


def test_a_semicolon_csv_round_trips_through_import(demo_desk: Desk, demo_url: str,
                                                    tmp_path: Path, capsys) -> None:
    desk, database_url = demo_desk, demo_url  # the demo, loaded once per session
    for kind in ORDER:
        path = tmp_path / f"{kind}.csv"
        assert main(["--database", database_url, "export", kind, str(path), "--full",
                     "--delimiter", ";"]) == 0
        assert _header(path).count(";") >= 2 and "," not in _header(path)
    capsys.readouterr()
    target = _empty_database(database_url, tmp_path)
    for kind in ORDER:
        code = main(["--database", target, "import", kind, str(tmp_path / f"{kind}.csv")])
        output = capsys.readouterr().out
        assert code == 0, output[-2000:]
        assert f"{desk.service(kind).count()} baris ditambahkan, 0 diperbarui, 0 dilewati." \
            in output
    other = Desk.open(target)
    try:
        for kind in ORDER:
            assert _records(other, kind) == _records(desk, kind), kind
    finally:
        other.close()
