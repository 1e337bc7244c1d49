"""``diskominfo-desk berkas``: list, add (several files, a refused one reported and the
others kept), get, delete, zip; messages and exit codes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import attachments
from desktop.core.desk import Desk
from tests.test_attachments import png_bytes, tiny_pdf


@pytest.fixture
def pks(database_url: str) -> Iterator[str]:
    with Desk.open(database_url) as desk:
        yield desk.agreements.create({"judul": "PKS Pusat Data"})["id"]


def run(database_url: str, *args: str) -> int:
    return main(["--database", database_url, "--user", "operator cli", "berkas", *args])


def stored(database_url: str, record_id: str) -> list[attachments.BerkasInfo]:
    with Desk.open(database_url) as desk:
        return attachments.list_for(desk, "agreements", record_id)


def test_add_several_files_one_refused_the_others_kept(database_url: str, pks: str,
                                                       tmp_path: Path, capsys) -> None:
    scan = tiny_pdf(tmp_path / "scan PKS.pdf")
    photo = tmp_path / "foto.png"
    photo.write_bytes(png_bytes())
    fake = tmp_path / "palsu.pdf"
    fake.write_text("<html>bukan PDF</html>")
    code = run(database_url, "add", "agreements", pks, str(scan), str(fake), str(photo))
    out, err = capsys.readouterr()
    assert code == 1
    assert "Dilampirkan: scan PKS.pdf" in out and "Dilampirkan: foto.png" in out
    assert "palsu.pdf tidak dapat dilampirkan" in err and "PDF, PNG, JPEG" in err
    files = stored(database_url, pks)
    assert sorted(f.nama for f in files) == ["foto.png", "scan PKS.pdf"]
    assert {f.pengguna for f in files} == {"operator cli"}


def test_list_as_table_and_json(database_url: str, pks: str, tmp_path: Path, capsys) -> None:
    scan = tiny_pdf(tmp_path / "scan.pdf")
    assert run(database_url, "add", "kerjasama", pks, str(scan)) == 0
    capsys.readouterr()
    assert run(database_url, "list", "agreements", pks) == 0
    table = capsys.readouterr().out
    assert "scan.pdf" in table and "PDF" in table and "1 dari 1 baris" in table
    assert run(database_url, "list", "agreements", pks, "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["nama"] == "scan.pdf" and rows[0]["tipe"] == "application/pdf"
    assert rows[0]["ukuran"] == scan.stat().st_size and len(rows[0]["sha256"]) == 64


def test_get_writes_the_same_bytes_and_never_overwrites_unasked(
        database_url: str, pks: str, tmp_path: Path, capsys,
        monkeypatch: pytest.MonkeyPatch) -> None:
    scan = tiny_pdf(tmp_path / "scan.pdf")
    run(database_url, "add", "agreements", pks, str(scan))
    berkas_id = stored(database_url, pks)[0].id
    capsys.readouterr()
    assert run(database_url, "get", berkas_id, "-o", str(tmp_path / "salinan.pdf")) == 0
    assert (tmp_path / "salinan.pdf").read_bytes() == scan.read_bytes()
    assert "Disimpan:" in capsys.readouterr().out

    here = tmp_path / "kerja"
    here.mkdir()
    monkeypatch.chdir(here)
    assert run(database_url, "get", berkas_id) == 0
    assert (here / "scan.pdf").read_bytes() == scan.read_bytes()
    (here / "scan.pdf").write_bytes(b"milik pengguna")
    capsys.readouterr()
    assert run(database_url, "get", berkas_id) == 1
    assert "sudah ada; tidak ditimpa" in capsys.readouterr().err
    assert (here / "scan.pdf").read_bytes() == b"milik pengguna"


def test_delete_then_get_reports_not_found(database_url: str, pks: str, tmp_path: Path,
                                           capsys) -> None:
    run(database_url, "add", "agreements", pks, str(tiny_pdf(tmp_path / "scan.pdf")))
    berkas_id = stored(database_url, pks)[0].id
    capsys.readouterr()
    assert run(database_url, "delete", berkas_id) == 0
    assert "Berkas scan.pdf dihapus." in capsys.readouterr().out
    assert stored(database_url, pks) == []
    with Desk.open(database_url) as desk:
        history = desk.agreements.history(pks)
    assert history[0]["aksi"] == "berkas-" and history[0]["pengguna"] == "operator cli"
    assert run(database_url, "get", berkas_id) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_zip_of_a_record(database_url: str, pks: str, tmp_path: Path, capsys) -> None:
    scan = tiny_pdf(tmp_path / "scan.pdf")
    run(database_url, "add", "agreements", pks, str(scan), str(scan))
    capsys.readouterr()
    target = tmp_path / "berkas.zip"
    assert run(database_url, "zip", "agreements", pks, "-o", str(target)) == 0
    assert "2 berkas ditulis ke" in capsys.readouterr().out
    with zipfile.ZipFile(target) as z:
        assert sorted(z.namelist()) == ["scan (2).pdf", "scan.pdf"]
        assert z.read("scan (2).pdf") == scan.read_bytes()


def test_wrong_kind_is_a_usage_error_and_a_missing_record_an_error(
        database_url: str, tmp_path: Path, capsys) -> None:
    scan = tiny_pdf(tmp_path / "scan.pdf")
    assert run(database_url, "list", "surat", "x") == 2
    assert "Jenis data tidak dikenal: surat" in capsys.readouterr().err
    missing = "00000000-0000-0000-0000-000000000000"
    assert run(database_url, "add", "agreements", missing, str(scan)) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
    assert run(database_url, "list", "agreements", missing) == 1
    assert run(database_url, "zip", "agreements", missing, "-o", str(tmp_path / "z.zip")) == 1
    assert not (tmp_path / "z.zip").exists()


def test_messages_in_english(database_url: str, pks: str, tmp_path: Path, capsys) -> None:
    huge = tmp_path / "video.pdf"
    with huge.open("wb") as f:
        f.truncate(30 * 1024 * 1024)
    assert main(["--lang", "en", "--database", database_url, "berkas", "add", "agreements",
                 pks, str(huge)]) == 1
    assert "video.pdf is too large to attach: 30 MB, at most 25 MB" in capsys.readouterr().err
