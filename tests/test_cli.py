"""The command line end to end: real databases, real output, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_the_database_and_says_where(tmp_path: Path, capsys) -> None:
    target = tmp_path / "kantor" / "desk.sqlite3"
    code, out, _ = run(capsys, "--database", str(target), "init")
    assert code == 0
    assert target.exists()
    assert str(target) in out


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "init")
    assert code == 0
    expected = Path(os.environ["XDG_DATA_HOME"]) / "diskominfo-desk" / "diskominfo-desk.sqlite3"
    assert expected.exists()
    assert str(expected) in out


def test_environment_variable_selects_the_database(tmp_path: Path, capsys,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "env.sqlite3"
    monkeypatch.setenv("DISKOMINFO_DESK_DATABASE", str(target))
    assert run(capsys, "init")[0] == 0
    assert target.exists()


def test_demo_then_search_finds_the_karanganyar_visit_and_agreements(database_url: str,
                                                                     capsys) -> None:
    code, out, err = run(capsys, "--database", database_url, "demo")
    assert code == 0, err
    code, out, _ = run(capsys, "--database", database_url, "search", "karanganyar", "--json")
    assert code == 0
    hits = json.loads(out)
    kinds = [h["kind"] for h in hits]
    assert "visits" in kinds
    assert kinds.count("agreements") >= 2  # the KB and the PKS that followed the visit
    assert all({"kind", "id", "title"} <= set(h) for h in hits)


def test_list_json_gives_ids_and_display_fields(database_url: str, capsys) -> None:
    run(capsys, "--database", database_url, "demo")
    code, out, _ = run(capsys, "--database", database_url, "list", "apps", "--json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 40
    first = rows[0]
    assert {"id", "nama", "opd", "status", "status_label"} <= set(first)
    names = [r["nama"].lower() for r in rows]
    assert names == sorted(names)


def test_list_with_filter_sort_and_limit(database_url: str, capsys) -> None:
    run(capsys, "--database", database_url, "demo")
    code, out, _ = run(capsys, "--database", database_url, "list", "visits",
                       "--filter", "arah=masuk", "--sort=-tanggal_mulai", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["arah"] == "masuk" for r in rows)
    dates = [r["tanggal_mulai"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    code, out, _ = run(capsys, "--database", database_url, "list", "datasets", "--limit", "5")
    assert code == 0
    assert out.strip().splitlines()[-1] == "5 dari 120 baris"


def test_list_regions_has_all_514_regencies_and_cities(tmp_path: Path, capsys) -> None:
    code, out, _ = run(capsys, "--database", str(tmp_path / "r.sqlite3"), "list", "regions",
                       "--json")
    rows = json.loads(out)
    assert code == 0
    assert len(rows) == 552
    assert sum(r["jenis"] in ("kabupaten", "kota") for r in rows) == 514


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "kapal"], "Jenis data tidak dikenal: kapal"),
        (["list", "apps", "--filter", "warna=merah"], "Filter tidak dikenal: warna"),
        (["list", "apps", "--filter", "tanpa-sama-dengan"], "KOLOM=NILAI"),
        (["list", "apps", "--sort", "warna"], "Tidak dapat mengurutkan menurut warna"),
        (["search", "x", "--kind", "kapal"], "Jenis data tidak dikenal"),
        (["seed-bench", "-5"], "N harus antara"),
    ],
)
def test_bad_arguments_give_one_clear_line(tmp_path: Path, capsys, args: list[str],
                                           message: str) -> None:
    code, _out, err = run(capsys, "--database", str(tmp_path / "x.sqlite3"), *args)
    assert code == 2  # a usage error, as argparse's own (tests/test_cli_usage.py)
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_english_messages_on_request(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--lang", "en", "--database", str(tmp_path / "x.sqlite3"),
                       "list", "kapal")
    assert code == 2
    assert "Unknown kind of record: kapal" in err


def test_corrupt_database_file_is_reported_and_left_alone(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "rusak.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    before = bad.read_bytes()
    code, _, err = run(capsys, "--database", str(bad), "list", "opd")
    assert code == 1
    assert "rusak atau bukan basis data SQLite" in err
    assert str(bad) in err
    assert bad.read_bytes() == before


def test_directory_as_database_is_reported(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--database", str(tmp_path), "init")
    assert code == 1
    assert "folder" in err


def test_unreachable_postgresql_is_reported_without_the_password(capsys) -> None:
    code, _, err = run(capsys, "--database",
                       "postgresql://desk:rahasia@127.0.0.1:1/desk", "list", "opd")
    assert code == 1
    assert "Tidak dapat terhubung" in err
    assert "rahasia" not in err


def test_seed_bench_adds_datasets_that_list_and_search_see(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "bench.sqlite3")
    code, out, _ = run(capsys, "--database", db, "seed-bench", "3000")
    assert code == 0
    assert "3000 dataset" in out
    code, out, _ = run(capsys, "--database", db, "list", "datasets", "--limit", "1")
    assert out.strip().splitlines()[-1] == "1 dari 3000 baris"
    code, out, _ = run(capsys, "--database", db, "search", "penduduk", "--json",
                       "--limit", "5000")
    hits = json.loads(out)
    assert hits and all("penduduk" in h["title"].lower() for h in hits)


def test_installed_entry_point_prints_version_and_never_a_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("diskominfo-desk")
    if not exe.exists():
        pytest.skip("entry point not installed in this environment")
    env = {**os.environ, "DISKOMINFO_DESK_DATABASE": str(tmp_path / "e.sqlite3")}
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 0
    assert done.stdout.strip() == f"diskominfo-desk {__version__}"
    done = subprocess.run([str(exe), "list", "kapal"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    done = subprocess.run([str(exe), "list"], capture_output=True, text=True, env=env,
                          check=False)
    assert done.returncode == 2  # argparse: missing argument, usage on stderr
    assert "Traceback" not in done.stderr


def test_pdf_command_prints_the_demo_kb(tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    db = str(tmp_path / "pdf.sqlite3")
    run(capsys, "--database", db, "demo")
    code, out, _ = run(capsys, "--database", db, "list", "agreements", "--filter", "jenis=kb",
                       "--json")
    kb = next(r for r in json.loads(out) if "Teknologi Informasi" in r["judul"])
    target = tmp_path / "kb.pdf"
    code, out, err = run(capsys, "--database", db, "pdf", kb["id"], "-o", str(target))
    assert code == 0, err
    text = " ".join(p.extract_text() for p in PdfReader(str(target)).pages)
    assert "KESEPAKATAN BERSAMA" in text
    assert "KARANGANYAR" in text.upper()
    code, _, err = run(capsys, "--database", db, "pdf", "tidak-ada", "-o", str(target))
    assert code == 1 and "tidak ditemukan" in err
