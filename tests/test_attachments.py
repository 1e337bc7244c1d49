"""Berkas (files attached to records): bytes round-trip on both engines, the size and
type refusals (a 200 MB file refused without being opened), cancel leaves nothing,
counts for the lists, the ZIP of a record's files, and the audit of adds and deletes."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.core import attachments
from desktop.core.attachment_types import FileTypeError
from desktop.core.attachments import BerkasError, BerkasInfo
from desktop.core.desk import Desk
from desktop.core.errors import NotFoundError
from desktop.core.jobs import Cancelled, CancelToken
from desktop.core.models import AuditLog, Berkas, BerkasPotongan
from desktop.core.settings import BERKAS_BATAS_MB, Settings

MIB = 1024 * 1024


def tiny_pdf(path: Path, text: str = "PKS ditandatangani") -> Path:
    """A real PDF (reportlab), the kind of file a signed scan is."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.save()
    return path


def png_bytes() -> bytes:
    return (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
            b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
            b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def agreement(desk: Desk, judul: str = "PKS Integrasi Data") -> str:
    return desk.agreements.create({"judul": judul})["id"]


def chunk_rows(desk: Desk) -> int:
    with desk.db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(BerkasPotongan)) or 0)


def berkas_rows(desk: Desk) -> int:
    with desk.db.read_session() as s:
        return int(s.scalar(select(func.count()).select_from(Berkas)) or 0)


def audit_rows(desk: Desk, record_id: str, action: str) -> list[AuditLog]:
    with desk.db.read_session() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.record_id == record_id,
                                                     AuditLog.aksi == action)))


@pytest.fixture
def opened_paths() -> Iterator[list[str]]:
    """Every path this process opens while the test runs (a sys audit hook: the real
    ``open`` calls, whatever layer makes them)."""
    seen: list[str] = []
    active = [True]

    def hook(event: str, args: tuple) -> None:
        if active[0] and event == "open" and args and isinstance(args[0], (str, bytes)):
            seen.append(os.fsdecode(args[0]))

    sys.addaudithook(hook)  # cannot be removed: switched off after the test instead
    yield seen
    active[0] = False


def test_a_signed_scan_and_a_3_mib_file_come_back_byte_for_byte(desk: Desk,
                                                                tmp_path: Path) -> None:
    pks = agreement(desk)
    scan = tiny_pdf(tmp_path / "PKS bertanda tangan.pdf")
    big = tmp_path / "foto kunjungan.png"
    big.write_bytes(png_bytes() + os.urandom(3 * MIB + 12345))  # spans four chunks

    first = attachments.add(desk, "agreements", pks, scan)
    second = attachments.add(desk, "kerjasama", pks, big)  # an alias of the kind

    assert isinstance(first, BerkasInfo)
    assert (first.kind, first.record_id, first.nama, first.tipe) == (
        "agreements", pks, "PKS bertanda tangan.pdf", "application/pdf")
    assert first.ukuran == scan.stat().st_size and first.pengguna == "penguji"
    assert first.sha256 == hashlib.sha256(scan.read_bytes()).hexdigest()
    assert (second.tipe, second.ukuran) == ("image/png", big.stat().st_size)
    assert chunk_rows(desk) == 1 + 4
    assert {b.id for b in attachments.list_for(desk, "agreements", pks)} == {first.id,
                                                                             second.id}
    (tmp_path / "out").mkdir()
    for stored, original in ((first, scan), (second, big)):
        out = attachments.read_to(desk, stored.id, tmp_path / "out" / stored.nama)
        assert out.read_bytes() == original.read_bytes()
        assert not list((tmp_path / "out").glob("*.part"))


def test_progress_is_reported_per_chunk_while_adding(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(2 * MIB))
    seen: list[tuple[int, int]] = []
    attachments.add(desk, "agreements", pks, big,
                    progress=lambda done, total, _m: seen.append((done, total)))
    size = big.stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size) and len(seen) == 4


def test_a_file_above_the_limit_is_refused_naming_its_size_and_the_limit(
        desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    settings = Settings()
    settings.set(BERKAS_BATAS_MB, 1)
    settings.save()
    big = tmp_path / "scan besar.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (MIB + 600 * 1024))
    with pytest.raises(BerkasError) as refused:
        attachments.add(desk, "agreements", pks, big)
    assert "scan besar.pdf" in str(refused.value)
    assert "1,6 MB" in str(refused.value)
    assert "paling besar 1 MB (pengaturan “berkas_batas_mb”)" in str(refused.value)
    assert berkas_rows(desk) == 0 and chunk_rows(desk) == 0


def test_a_200_mb_file_is_refused_without_being_opened(desk: Desk, tmp_path: Path,
                                                       opened_paths: list[str]) -> None:
    pks = agreement(desk)
    huge = tmp_path / "rekaman rapat.pdf"
    subprocess.run(["truncate", "-s", "200M", str(huge)], check=True)  # sparse: no bytes
    assert huge.stat().st_size == 200 * MIB
    with pytest.raises(BerkasError, match="200 MB, paling besar 25 MB"):
        attachments.add(desk, "agreements", pks, huge)
    assert str(huge) not in opened_paths
    assert berkas_rows(desk) == 0


@pytest.mark.parametrize(("name", "content"), [
    ("surat.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>"),
    ("catatan.txt", b"hanya teks biasa"),
    ("arsip.docx", None),  # a ZIP without word/document.xml
    ("kosong.pdf", b""),
])
def test_files_that_are_not_an_allowed_type_are_refused(desk: Desk, tmp_path: Path,
                                                         name: str,
                                                         content: bytes | None) -> None:
    pks = agreement(desk)
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("readme.txt", "bukan dokumen Word")
    else:
        path.write_bytes(content)
    with pytest.raises(BerkasError) as refused:
        attachments.add(desk, "agreements", pks, path)
    message = str(refused.value)
    assert name in message
    if content:
        assert isinstance(refused.value, FileTypeError)
    if content != b"":
        assert "PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX" in message
    assert berkas_rows(desk) == 0 and chunk_rows(desk) == 0


def test_docx_and_xlsx_are_told_by_their_content(desk: Desk, tmp_path: Path) -> None:
    import docx
    import openpyxl

    visit = desk.visits.create({"tanggal_mulai": "02/11/2026",
                                "instansi": "Diskominfo Provinsi"})["id"]
    letter = tmp_path / "surat permohonan.bin"  # the extension says nothing
    document = docx.Document()
    document.add_paragraph("Surat permohonan kunjungan")
    document.save(str(letter))
    sheet = tmp_path / "daftar hadir.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Nama", "Jabatan"])
    workbook.save(sheet)
    assert attachments.add(desk, "visits", visit, letter).tipe.endswith(
        "wordprocessingml.document")
    assert attachments.add(desk, "visits", visit, sheet).tipe.endswith("spreadsheetml.sheet")


def test_files_go_only_on_a_record_that_exists(desk: Desk, tmp_path: Path) -> None:
    scan = tiny_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NotFoundError):
        attachments.add(desk, "agreements", "00000000-0000-0000-0000-000000000000", scan)
    pks = agreement(desk)
    desk.agreements.delete(pks)
    with pytest.raises(NotFoundError):
        attachments.add(desk, "agreements", pks, scan)
    assert berkas_rows(desk) == 0


def test_cancel_mid_way_leaves_nothing_behind(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * MIB))
    token = CancelToken()

    def progress(done: int, _total: int, _message: str) -> None:
        if done >= 2 * MIB:
            token.cancel()

    with pytest.raises(Cancelled):
        attachments.add(desk, "agreements", pks, big, progress=progress, cancel=token)
    assert berkas_rows(desk) == 0 and chunk_rows(desk) == 0
    assert audit_rows(desk, pks, attachments.ADDED) == []


def test_counts_for_a_list_page_in_one_query(desk: Desk, tmp_path: Path) -> None:
    first, second, third = (agreement(desk, f"PKS {n}") for n in range(3))
    scan = tiny_pdf(tmp_path / "scan.pdf")
    attachments.add(desk, "agreements", first, scan)
    attachments.add(desk, "agreements", first, scan)
    attachments.add(desk, "agreements", third, scan)
    opd = desk.opd.create({"kode": "1.01", "nama": "Dinas Pendidikan", "jenis": "dinas"})["id"]
    attachments.add(desk, "opd", opd, scan)
    assert attachments.counts(desk, "agreements", [first, second, third, opd]) == {
        first: 2, third: 1}
    assert attachments.counts(desk, "agreements", []) == {}


def test_delete_removes_the_bytes_and_is_audited_on_the_record(desk: Desk,
                                                               tmp_path: Path) -> None:
    pks = agreement(desk)
    info = attachments.add(desk, "agreements", pks, tiny_pdf(tmp_path / "scan.pdf"))
    added = audit_rows(desk, pks, "berkas+")
    assert len(added) == 1 and added[0].perubahan["sha256"] == [None, info.sha256]
    assert added[0].perubahan["berkas"] == [None, "scan.pdf"] and added[0].jenis == "agreements"
    assert added[0].perubahan["ukuran_berkas"] == [None, info.ukuran]

    attachments.delete(desk, info.id)
    assert attachments.list_for(desk, "agreements", pks) == []
    assert chunk_rows(desk) == 0
    deleted = audit_rows(desk, pks, "berkas-")
    assert len(deleted) == 1 and deleted[0].perubahan["berkas_id"] == [info.id, None]
    assert deleted[0].perubahan["berkas"] == ["scan.pdf", None]
    # the history names who did it (on PostgreSQL the row is stamped with the login and
    # the shared owner login's claimed name kept beside it, migration 0008)
    assert desk.agreements.history(pks)[0]["pengguna"] == "penguji"
    with pytest.raises(NotFoundError):
        attachments.delete(desk, info.id)


def test_a_soft_deleted_record_keeps_its_files(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    info = attachments.add(desk, "agreements", pks, tiny_pdf(tmp_path / "scan.pdf"))
    desk.agreements.delete(pks)
    assert [b.id for b in attachments.list_for(desk, "agreements", pks)] == [info.id]
    desk.agreements.restore(pks)
    assert attachments.read_bytes(desk, info.id) == (tmp_path / "scan.pdf").read_bytes()


def test_a_damaged_stored_file_is_never_handed_out(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    info = attachments.add(desk, "agreements", pks, tiny_pdf(tmp_path / "scan.pdf"))
    with desk.db.session() as s:
        s.execute(BerkasPotongan.__table__.update().values(data=b"%PDF-rusak"))
    target = tmp_path / "salinan.pdf"
    with pytest.raises(BerkasError, match="SHA-256"):
        attachments.read_to(desk, info.id, target)
    assert not target.exists() and not list(tmp_path.glob("*.part"))


def test_zip_of_a_record_holds_every_file_with_unique_names(desk: Desk,
                                                            tmp_path: Path) -> None:
    pks = agreement(desk)
    scan = tiny_pdf(tmp_path / "scan.pdf")
    (tmp_path / "lain").mkdir()
    other = tiny_pdf(tmp_path / "lain" / "scan.pdf", "Adendum")
    photo = tmp_path / "foto.png"
    photo.write_bytes(png_bytes())
    for path in (scan, other, photo):
        attachments.add(desk, "agreements", pks, path)
    target = attachments.export_zip(desk, "agreements", pks, tmp_path / "berkas PKS.zip")
    with zipfile.ZipFile(target) as z:
        assert sorted(z.namelist()) == ["foto.png", "scan (2).pdf", "scan.pdf"]
        assert z.read("scan.pdf") == scan.read_bytes()
        assert z.read("scan (2).pdf") == other.read_bytes()
        assert z.read("foto.png") == photo.read_bytes()
        assert z.testzip() is None
    empty = agreement(desk, "PKS tanpa berkas")
    with pytest.raises(BerkasError):
        attachments.export_zip(desk, "agreements", empty, tmp_path / "kosong.zip")
    assert not (tmp_path / "kosong.zip").exists()


def test_open_copy_is_private_and_named_for_its_real_type(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    misnamed = tmp_path / "foto.pdf"
    misnamed.write_bytes(png_bytes())
    info = attachments.add(desk, "agreements", pks, misnamed)
    copy = attachments.open_copy(desk, info.id)
    assert copy.name == "foto.pdf.png" and copy.read_bytes() == png_bytes()
    assert copy.parent.parent.name == str(os.getpid())
    if os.name == "posix":
        assert copy.parent.parent.stat().st_mode & 0o077 == 0


def test_unique_names() -> None:
    assert attachments.unique_names(["a.pdf", "A.pdf", "a.pdf", "b", "../x/b"]) == [
        "a.pdf", "A (2).pdf", "a (3).pdf", "b", "b (2)"]


def test_sniffing_works_on_any_binary_stream() -> None:
    from desktop.core.attachment_types import PDF, sniff

    assert sniff(io.BytesIO(b"%PDF-1.7 ..."), "x") is PDF


def test_adding_and_reading_a_20_mib_file_never_holds_it_whole(desk: Desk,
                                                               tmp_path: Path) -> None:
    """Peak Python memory while a 20 MiB file goes in and comes out stays a few chunks."""
    import tracemalloc

    pks = agreement(desk)
    big = tmp_path / "pindaian.pdf"
    with big.open("wb") as out:
        out.write(b"%PDF-1.7\n")
        for _ in range(20):
            out.write(os.urandom(MIB))
    tracemalloc.start()
    try:
        info = attachments.add(desk, "agreements", pks, big)
        _, add_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        copy = attachments.read_to(desk, info.id, tmp_path / "salinan.pdf")
        _, read_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert copy.stat().st_size == big.stat().st_size and info.ukuran == big.stat().st_size
    assert add_peak < 6 * MIB, add_peak
    assert read_peak < 6 * MIB, read_peak


def test_a_hard_delete_of_a_record_takes_its_files(desk: Desk, tmp_path: Path) -> None:
    keep, remove = agreement(desk, "PKS tetap"), agreement(desk, "PKS dibuang")
    scan = tiny_pdf(tmp_path / "scan.pdf")
    kept = attachments.add(desk, "agreements", keep, scan)
    attachments.add(desk, "agreements", remove, scan)
    attachments.add(desk, "agreements", remove, scan)
    with desk.db.session() as s:
        assert attachments.delete_all_for(s, "agreements", remove) == 2
    assert attachments.list_for(desk, "agreements", remove) == []
    assert [f.id for f in attachments.list_for(desk, "agreements", keep)] == [kept.id]
    assert chunk_rows(desk) == 1


def test_viewer_copies_go_when_their_process_ends(sqlite_desk: Desk, tmp_path: Path) -> None:
    """A process that opened a copy removes its folder at exit; the next start removes
    the folders of processes that ended without doing so, never a running one's."""
    from desktop.core.open_copies import clean_open_copies, open_copies_root

    pks = agreement(sqlite_desk)
    info = attachments.add(sqlite_desk, "agreements", pks, tiny_pdf(tmp_path / "scan.pdf"))
    script = ("import sys\nfrom desktop.core.desk import Desk\nfrom desktop.core import "
              "attachments\nwith Desk.open(sys.argv[1]) as desk:\n"
              "    print(attachments.open_copy(desk, sys.argv[2]))\n")
    done = subprocess.run([sys.executable, "-c", script, str(sqlite_desk.db.sqlite_path),
                           info.id], capture_output=True, text=True, check=True)
    copy = Path(done.stdout.strip())
    assert copy.name == "scan.pdf" and copy.is_relative_to(open_copies_root())
    assert not copy.exists() and not copy.parent.parent.exists()

    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    left = open_copies_root() / str(ended.pid) / info.id
    left.mkdir(parents=True)
    (left / "scan.pdf").write_bytes(b"%PDF-sisa")
    mine = attachments.open_copy(sqlite_desk, info.id)
    assert clean_open_copies() == 1
    assert not left.parent.exists() and mine.read_bytes() == (tmp_path / "scan.pdf").read_bytes()


def test_who_added_a_file_is_shown_by_name_when_the_login_is_a_person(
        desk: Desk, tmp_path: Path) -> None:
    from desktop.core.models import Pengguna

    pks = agreement(desk)
    before = attachments.add(desk, "agreements", pks, tiny_pdf(tmp_path / "scan.pdf"))
    assert before.nama_pengguna is None and before.oleh == before.pengguna
    with desk.db.session() as s:
        s.add(Pengguna(login=before.pengguna, nama="Sri Wahyuni", aktif=True))
    (shown,) = attachments.list_for(desk, "agreements", pks)
    assert (shown.pengguna, shown.nama_pengguna, shown.oleh) == (
        before.pengguna, "Sri Wahyuni", "Sri Wahyuni")


def test_a_cancelled_zip_or_copy_leaves_no_file(desk: Desk, tmp_path: Path) -> None:
    pks = agreement(desk)
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * MIB))
    info = attachments.add(desk, "agreements", pks, big)
    token = CancelToken()

    def progress(done: int, _total: int, _message: str) -> None:
        if done >= MIB:
            token.cancel()

    with pytest.raises(Cancelled):
        attachments.read_to(desk, info.id, tmp_path / "salinan.pdf", progress=progress,
                            cancel=token)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        attachments.export_zip(desk, "agreements", pks, tmp_path / "berkas.zip", cancel=token)
    assert not (tmp_path / "salinan.pdf").exists() and not (tmp_path / "berkas.zip").exists()
    assert not list(tmp_path.glob("*.part"))
