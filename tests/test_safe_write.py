"""Issue 22, point 3: writing over a file another program holds open (Excel, a PDF
reader) gives a clear message, keeps the old file and leaves no ``.part``; a file held
only for a moment (an antivirus scan) is replaced after a retry.

Windows refuses the final rename with ``PermissionError`` (WinError 5/32); here
``os.replace`` is made to fail the same way."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core import safe_write
from desktop.core.agreement_templates import load_template, save_office_template
from desktop.core.backups import backup_now, list_backups
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.i18n import set_language
from desktop.core.importing.run import ImportOutcome, RowResult
from desktop.core.importing.template import write_sheet
from desktop.core.period import year_period
from desktop.core.safe_write import FileInUseError, write_atomic, write_bytes_atomic
from desktop.core.services import ListQuery
from desktop.documents.list_export import write_list
from desktop.documents.period_report import write_period_report

IN_USE = r"sedang dibuka program lain \(mis\. Excel\)\. Tutup berkas itu lalu coba lagi"


@pytest.fixture(autouse=True)
def _quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_write, "RETRY_DELAYS", (0.001, 0.001, 0.001, 0.001))


def _held_open(monkeypatch: pytest.MonkeyPatch, target: Path, times: int | None = None
               ) -> list[str]:
    """``os.replace`` onto ``target`` fails as on Windows while Excel has it open
    (``times`` failures, or always). Returns the log of attempts."""
    real = os.replace
    attempts: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == target:
            attempts.append(Path(src).name)
            if times is None or len(attempts) <= times:
                error = PermissionError(13, "The process cannot access the file because it "
                                            "is being used by another process", str(dst))
                error.winerror = 32  # type: ignore[attr-defined]
                raise error
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return attempts


def test_a_file_held_open_is_left_as_it_was_with_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "daftar opd.xlsx"
    target.write_bytes(b"versi lama")
    attempts = _held_open(monkeypatch, target)
    with pytest.raises(FileInUseError) as caught:
        write_bytes_atomic(target, b"versi baru")
    assert caught.value.message == (
        "Berkas daftar opd.xlsx sedang dibuka program lain (mis. Excel). Tutup berkas itu "
        "lalu coba lagi, atau simpan dengan nama lain.")
    assert len(attempts) == 5  # tried for about a second before giving up
    assert target.read_bytes() == b"versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["daftar opd.xlsx"]  # no .part


def test_the_message_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "laporan.pdf"
    _held_open(monkeypatch, target)
    set_language("en")
    try:
        with pytest.raises(FileInUseError, match=r"^The file laporan\.pdf is open in another "
                                                 r"program \(e\.g\. Excel\)\. Close it"):
            write_bytes_atomic(target, b"%PDF")
    finally:
        set_language("id")


def test_a_file_held_for_a_moment_is_replaced_after_retrying(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "laporan.csv"
    target.write_text("lama")
    attempts = _held_open(monkeypatch, target, times=2)
    write_atomic(target, lambda part: part.write_text("baru"))
    assert len(attempts) == 3
    assert target.read_text() == "baru"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.csv"]


def test_a_folder_in_the_way_or_an_unwritable_folder_gives_a_message(
        tmp_path: Path) -> None:
    folder_in_the_way = tmp_path / "laporan.pdf"
    (folder_in_the_way / "isi").mkdir(parents=True)
    # Linux: IsADirectoryError; Windows denies it like a file held open
    refusal = IN_USE if sys.platform == "win32" else r"^laporan\.pdf tidak dapat disimpan: "
    with pytest.raises(DeskError, match=refusal):
        write_bytes_atomic(folder_in_the_way, b"%PDF")
    assert (folder_in_the_way / "isi").is_dir()
    assert not (tmp_path / "laporan.pdf.part").exists()
    missing = tmp_path / "tidak ada" / "laporan.pdf"
    with pytest.raises(DeskError, match=r"^laporan\.pdf tidak dapat disimpan di .*tidak ada"):
        write_bytes_atomic(missing, b"%PDF")


def test_a_failed_write_leaves_no_part_and_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    target.write_text("lama")

    def fails(part: Path) -> None:
        part.write_text("setengah")
        raise KeyboardInterrupt  # a cancel is passed on as it was

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, fails)
    assert target.read_text() == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["x.csv"]


def _export_cases(desk: Desk, folder: Path) -> dict[str, Callable[[Path], object]]:
    outcome = ImportOutcome(results=[RowResult(row=2, action="error", errors=["kode kosong"])],
                            committed=False)
    return {
        "daftar.xlsx": lambda p: write_list(desk.opd, ListQuery(), p),
        "daftar.csv": lambda p: write_list(desk.opd, ListQuery(), p),
        "daftar.pdf": lambda p: write_list(desk.opd, ListQuery(), p, title="OPD"),
        "lengkap.xlsx": lambda p: write_sheet(desk, "opd", p),
        "templat-opd.xlsx": lambda p: write_sheet(desk, "opd", p, with_rows=False),
        "laporan-impor.csv": outcome.write_report,
        "Laporan Kegiatan 2026.pdf": lambda p: write_period_report(desk, year_period(2026), p),
    }


def test_every_export_reports_a_file_held_open(
        sqlite_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite_desk.opd.create({"kode": "9.0001", "nama": "Dinas Uji", "jenis": "dinas"})
    for name, write in _export_cases(sqlite_desk, tmp_path).items():
        target = tmp_path / name
        target.write_bytes(b"dibuka di Excel")
        with monkeypatch.context() as patched:
            _held_open(patched, target)
            with pytest.raises(FileInUseError, match=IN_USE):
                write(target)
        assert target.read_bytes() == b"dibuka di Excel", name
        assert not list(tmp_path.glob("*.part")), name
        write(target)  # closed in Excel: saved
        assert target.read_bytes() != b"dibuka di Excel", name


def test_the_office_template_save_reports_a_file_held_open(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_template("kb")
    saved = save_office_template("kb", data)
    before = saved.read_bytes()
    _held_open(monkeypatch, saved)
    with pytest.raises(FileInUseError):
        save_office_template("kb", {**data, "judul": "Diubah"})
    assert saved.read_bytes() == before
    assert not list(saved.parent.glob("*.part"))


def test_a_backup_rename_held_by_an_antivirus_for_a_moment_succeeds(
        sqlite_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace
    held: list[str] = []

    def scanning(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(src).endswith(".sqlite3.part") and len(held) < 3:
            held.append(str(src))
            raise PermissionError(13, "Access is denied", str(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", scanning)
    made = backup_now(sqlite_desk, tmp_path / "cadangan")
    assert len(held) == 3
    assert [b.path for b in list_backups(tmp_path / "cadangan")] == [made]
    assert not list((tmp_path / "cadangan").glob("*.part*"))


def test_a_backup_rename_that_never_succeeds_leaves_no_part(
        sqlite_desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def locked(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(src).endswith(".part"):
            raise PermissionError(13, "Access is denied", str(src))
        real(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(FileInUseError):
        backup_now(sqlite_desk, tmp_path / "cadangan")
    assert list((tmp_path / "cadangan").iterdir()) == []


def test_the_cli_says_the_report_is_open_and_exits_1(
        database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "laporan 2026.pdf"
    target.write_bytes(b"dibuka di pembaca PDF")
    _held_open(monkeypatch, target)
    code = main(["--database", database_url, "report", "--period", "2026", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Berkas laporan 2026.pdf sedang dibuka program lain (mis. Excel)." in err
    assert "tidak terduga" not in err
    assert target.read_bytes() == b"dibuka di pembaca PDF"
    assert [p.name for p in tmp_path.iterdir() if "laporan" in p.name] == ["laporan 2026.pdf"]
