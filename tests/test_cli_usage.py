"""The command line behaves as a Unix tool: usage errors exit 2 with one line, ``| head``
ends quietly, ``--lang`` works before or after the sub-command and for ``--help``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "desk.sqlite3")


@pytest.mark.parametrize("argv", [
    ["list", "foo"],
    ["list", "datasets", "--filter", "nosuch=1"],
    ["list", "datasets", "--filter", "tanpa-sama-dengan"],
    ["list", "datasets", "--sort=-nosuch"],
    ["search", "jalan", "--kind", "kapal"],
    ["report", "--period", "2026-13", "-o", "x.pdf"],
    ["report", "--period", "2026", "--from", "2026-01-01", "-o", "x.pdf"],
])
def test_usage_errors_exit_2_with_one_line(capsys, db: str, argv: list[str]) -> None:
    code, _, err = run(capsys, "--database", db, *argv)
    assert code == 2, err
    assert err.strip().count("\n") == 0 and err.startswith("diskominfo-desk: ")
    assert "Traceback" not in err


def test_the_unknown_kind_message_lists_every_kind_with_regions(capsys, db: str) -> None:
    _, _, err = run(capsys, "--database", db, "list", "foo")
    for kind in ("opd", "apps", "datasets", "visits", "agreements", "deployments", "regions"):
        assert kind in err


def test_regions_count_all_rows_not_the_shown_ones(capsys, db: str) -> None:
    code, out, _ = run(capsys, "--database", db, "--lang", "en", "list", "regions",
                       "--limit", "3")
    assert code == 0
    assert out.strip().splitlines()[-1] == "3 of 552 rows"


@pytest.mark.parametrize("before", [True, False])
def test_lang_before_or_after_the_sub_command(capsys, db: str, before: bool) -> None:
    argv = (["--lang", "en", "list", "kapal"] if before else ["list", "kapal", "--lang", "en"])
    code, _, err = run(capsys, "--database", db, *argv)
    assert code == 2 and "Unknown kind of record: kapal" in err


def test_dashboard_takes_lang_after_the_sub_command(capsys, db: str) -> None:
    code, out, err = run(capsys, "--database", db, "dashboard", "--lang", "en")
    assert code == 0, err
    assert "Datasets" in out or "datasets" in out


@pytest.mark.parametrize("argv", [["--lang", "en", "--help"], ["list", "--help", "--lang=en"]])
def test_help_is_in_the_language_asked(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "bahasa pesan" not in out and "language of messages" in out
    assert "folder data pengguna" not in out


def test_list_into_a_closed_pipe_ends_quietly_with_exit_0(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "st"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--database", str(tmp_path / "d.sqlite3"),
         "list", "regions", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # like head -1: read one line, then go away
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first.strip() == b"["
    assert err == ""


def test_an_unexpected_error_is_one_line_in_the_users_language(tmp_path: Path) -> None:
    # in a process of its own: pytest's log capture would hide Python's last-resort
    # handler, which printed an English "unexpected error" line beside ours
    script = (
        "import sys, desktop.cli as cli\n"
        "def broken(args):\n"
        "    raise OSError(2, 'No such file or directory', '/opt/x/template.xml')\n"
        "cli.COMMANDS['init'] = broken\n"
        f"sys.exit(cli.main(['--database', {str(tmp_path / 'd.sqlite3')!r}, 'init']))\n")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "st"))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert done.returncode == 70
    assert done.stderr.count("\n") == 1 and "kesalahan tak terduga" in done.stderr
    assert "unexpected error" not in done.stderr, done.stderr
