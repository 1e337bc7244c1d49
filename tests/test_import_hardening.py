"""Imports that trust no file: bounded memory and time, a clear message for every bad file.

The corpus (``tests/import_corpus.py``) holds the probe's kinds of bad file for every
import kind; each goes through the real CLI, dry run and real import: the exit code is
1 (0 where the file is valid after all), never 70, no traceback, no "unexpected", and a
refused file leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from import_corpus import ROWS, dimension_bomb, write_corpus, zip_bomb
from openpyxl import load_workbook
from sqlalchemy import text

from desktop.cli import main
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, ValidationError
from desktop.core.importing import read_sheet
from desktop.core.importing.limits import ImportLimits
from desktop.core.importing.mapping import IMPORT_KINDS
from desktop.core.settings import (
    IMPORT_MAX_EXPANDED_MB,
    IMPORT_MAX_FILE_MB,
    IMPORT_MAX_ROWS,
    Settings,
)

ROOT = Path(__file__).resolve().parent.parent
# Peak RSS of the process itself (VmHWM, reset by exec): ru_maxrss would carry the
# pytest parent's peak over from the fork
PEAK_KB = "int(next(x for x in open('/proc/self/status') if x.startswith('VmHWM')).split()[1])"
BAD_WORDS = ("Traceback", "tak terduga", "unexpected", "Error:", "Exception")


def _seed(url: str) -> None:
    """What the corpus rows refer to: an OPD "Diskominfo" and an application "SIMPEG"."""
    desk = Desk.open(url, user="uji")
    try:
        opd = desk.opd.create({"kode": "2.16.01", "nama": "Diskominfo", "jenis": "dinas"})
        desk.apps.create({"nama": "SIMPEG", "opd_pemilik_id": opd["id"], "jenis": "umum",
                          "status": "operasional"})
    finally:
        desk.close()


def _snapshot(url: str) -> dict[str, list[tuple[str, int]]]:
    desk = Desk.open(url)
    try:
        out = {}
        for kind in IMPORT_KINDS:
            model = desk.service(kind).kind.model
            with desk.db.session() as s:
                out[kind] = sorted(s.execute(text(
                    f"SELECT id, version FROM {model.__tablename__}")).all())
        with desk.db.session() as s:
            out["audit"] = [(str(s.execute(text("SELECT count(*) FROM audit_log")).scalar()), 0)]
        return out
    finally:
        desk.close()


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture(scope="session")
def bomb_200mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zip_bomb(tmp_path_factory.mktemp("bomb") / "zip-bomb.xlsx", megabytes=200)


def _run_corpus(url: str, kind: str, files: dict[str, tuple[Path, int]],
                capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Every file, dry run then real import; returns what went wrong (empty: all well)."""
    wrong: list[str] = []
    before = _snapshot(url)
    for name, (path, expected) in files.items():
        for mode in (["--dry-run"], []):
            code, output = _cli(capsys, "--database", url, "--user", "uji", "import", kind,
                                str(path), *mode)
            after = _snapshot(url)
            label = f"{kind}/{name}{' (dry run)' if mode else ''}"
            if code != expected:
                wrong.append(f"{label}: exit {code}, expected {expected}: {output[-300:]}")
            if any(word in output for word in BAD_WORDS):
                wrong.append(f"{label}: {output[-300:]}")
            if not output.strip():
                wrong.append(f"{label}: no message at all")
            if (code != 0 or mode) and after != before:
                wrong.append(f"{label}: the database changed although nothing was imported")
            before = after
    return wrong


@pytest.mark.parametrize("kind", IMPORT_KINDS)
def test_the_corpus_gets_clear_messages_and_never_exit_70_on_sqlite(
        kind: str, tmp_path: Path, bomb_200mb: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    url = str(tmp_path / "corpus.sqlite3")
    _seed(url)
    files = write_corpus(kind, tmp_path / "files")
    files["zip-bomb.xlsx"] = (bomb_200mb, 1)
    assert len(files) >= 45
    wrong = _run_corpus(url, kind, files, capsys)
    assert not wrong, "\n".join(wrong)
    print(f"{kind}: {len(files)} files, dry run and import, all as expected")


SUBSET = ("utf8.csv", "utf16le-bom-tab.txt", "cr-only.csv", "mixed-utf8-latin1.csv",
          "long-field.csv", "control-chars.csv", "unclosed-quote.csv", "duplicate-header.csv",
          "valid.xlsx", "dimension-bomb.xlsx", "xxe.xlsx", "billion-laughs.xlsx",
          "malformed-sheet.xlsx", "date-year-1.xlsx")


@pytest.mark.parametrize("kind", ["datasets", "visits"])
def test_a_corpus_subset_on_both_engines(kind: str, database_url: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    _seed(database_url)
    files = {n: f for n, f in write_corpus(kind, tmp_path / "files").items() if n in SUBSET}
    assert len(files) == len(SUBSET)
    wrong = _run_corpus(database_url, kind, files, capsys)
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------------- bounded
def test_the_dimension_bomb_is_refused_in_well_under_a_second_with_little_memory(
        tmp_path: Path) -> None:
    """The probe's 1.8 KB file took 6.2 GB and 54 s; measured in a fresh process."""
    bomb = dimension_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 2_500
    script = (
        "import time\n"
        "from desktop.cli import main\n"
        "started = time.perf_counter()\n"
        f"code = main(['--database', {str(tmp_path / 'db.sqlite3')!r}, 'import', 'apps', "
        f"{str(bomb)!r}, '--dry-run'])\n"
        "elapsed = time.perf_counter() - started\n"
        f"peak = {PEAK_KB} / 1024\n"
        "print(f'RESULT {code} {elapsed:.3f} {peak:.1f}')\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("RESULT")), None)
    assert line is not None, done.stdout + done.stderr[-3000:]
    code, elapsed, peak = line.split()[1:]
    print(f"dimension bomb refused in {float(elapsed):.3f} s, peak RSS {float(peak):.0f} MB")
    assert int(code) == 1
    assert "baris judul" in done.stderr and "Traceback" not in done.stderr
    assert float(elapsed) < 5.0  # a second on an idle machine; generous for a busy one
    assert float(peak) < 200


def test_a_zip_bomb_is_refused_from_its_directory_before_inflating(bomb_200mb: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(DeskError) as refused:
        read_sheet(bomb_200mb)
    elapsed = time.perf_counter() - started
    print(f"zip bomb ({bomb_200mb.stat().st_size:,} bytes) refused in {elapsed:.3f} s")
    assert "dimampatkan" in refused.value.message and "import_max_ratio" in refused.value.message
    assert elapsed < 2.0
    with pytest.raises(DeskError, match="import_max_expanded_mb"):
        read_sheet(bomb_200mb, ImportLimits(max_expanded_bytes=100 * 1024 * 1024,
                                            max_ratio=10_000))


def test_row_and_size_limits_are_settings_and_their_messages_name_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = ROWS["opd"][0]
    path = tmp_path / "opd.csv"
    lines = [",".join(header)] + [",".join([f"9.{n}", f"Dinas {n}", "dinas", "-"])
                                  for n in range(5)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_sheet(path).count == 5
    settings = Settings()
    settings.set(IMPORT_MAX_ROWS, 4)
    settings.save()
    url = str(tmp_path / "db.sqlite3")
    code, output = _cli(capsys, "--database", url, "import", "opd", str(path))
    assert code == 1
    assert "lebih dari 4 baris data" in output and "import_max_rows" in output
    settings.set(IMPORT_MAX_ROWS, 200_000)
    settings.set(IMPORT_MAX_FILE_MB, 1)
    settings.save()
    big = tmp_path / "besar.csv"
    big.write_text(",".join(header) + "\n" + ("x," * 300 + "\n") * 4000, encoding="utf-8")
    code, output = _cli(capsys, "--lang", "en", "--database", url, "import", "opd", str(big))
    assert code == 1
    assert "too large to import" in output and "import_max_file_mb" in output
    settings.set(IMPORT_MAX_EXPANDED_MB, 0)  # nonsense falls back to the default
    settings.save()
    assert ImportLimits.from_settings().max_expanded_bytes == ImportLimits().max_expanded_bytes
    assert Desk.open(url).opd.count() == 0


def test_a_million_gap_rows_are_streamed_not_listed(tmp_path: Path) -> None:
    """A header, one row, and one cell at XFD1048576 under a dimension of A1:XFD1048576:
    valid after all, read without a list of a million rows (peak RSS in a fresh process)."""
    from import_corpus import hand_made_xlsx, sheet_xml

    header, row = ROWS["opd"]
    cells = "".join(f'<c r="{chr(65 + i)}{{n}}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(header))
    rows_xml = (f'<row r="1">{cells.format(n=1)}</row>'
                + '<row r="2">' + "".join(
                    f'<c r="{chr(65 + i)}2" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(row)) + "</row>"
                + '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                  "</row>")
    path = hand_made_xlsx(tmp_path / "gap.xlsx", sheet_xml(rows_xml, "A1:XFD1048576"))
    script = ("from desktop.core.importing import read_sheet\n"
              f"s = read_sheet({str(path)!r})\n"
              "rows = list(s.numbered_rows())\n"
              "print('RESULT', s.count, len(rows), rows[0][0], "
              f"{PEAK_KB} // 1024)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert "RESULT" in done.stdout, done.stderr[-3000:]
    count, streamed, first, peak = done.stdout.split("RESULT")[1].split()
    assert (count, streamed, first) == ("1", "1", "2")
    assert int(peak) < 200


# ---------------------------------------------------------------------- encodings
def test_mixed_encodings_name_the_first_bad_row_and_whole_cp1252_is_accepted(
        tmp_path: Path) -> None:
    good = "Kode,Nama,Jenis\n1.01,Dinas Pendidikan dan Kébudayaan,dinas\n"
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(good.encode("utf-8") + "1.02,Dinas Kébudayaan,dinas\n".encode("latin-1")
                      + b"1.03,Dinas Perhubungan,dinas\n")
    with pytest.raises(DeskError) as refused:
        read_sheet(mixed)
    assert "baris 3 bukan UTF-8" in refused.value.message
    whole = tmp_path / "cp1252.csv"
    whole.write_bytes(good.encode("cp1252"))
    sheet = read_sheet(whole)
    assert sheet.sample[0][1] == "Dinas Pendidikan dan Kébudayaan"
    for codec, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                       ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")):
        path = tmp_path / f"{codec}.csv"
        path.write_bytes(bom + good.replace("\n", "\r").encode(codec))
        sheet = read_sheet(path)
        assert sheet.headers == ["Kode", "Nama", "Jenis"], codec
        assert [cells for _n, cells in sheet.numbered_rows()] == [
            ["1.01", "Dinas Pendidikan dan Kébudayaan", "dinas"]], codec


def test_an_over_long_field_gets_the_field_message(opd_file_desk: tuple[Desk, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    desk, folder = opd_file_desk
    path = folder / "long.csv"
    path.write_text("Kode,Nama,Jenis,Alamat\n1.01,Dinas,dinas," + "x" * 150_000 + "\n",
                    encoding="utf-8")
    code, output = _cli(capsys, "--database", str(folder / "db.sqlite3"), "import", "opd",
                        str(path))
    assert code == 1
    assert "Baris 2: Alamat: Terlalu panjang: 150000 karakter, paling banyak 1000." in output
    assert desk.opd.count() == 0


@pytest.fixture
def opd_file_desk(tmp_path: Path) -> Any:
    desk = Desk.open(str(tmp_path / "db.sqlite3"), user="uji")
    yield desk, tmp_path
    desk.close()


def test_duplicate_headers_are_refused_naming_the_header(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("Kode,Nama,Jenis,nama\n1.01,Dinas A,dinas,Dinas B\n", encoding="utf-8")
    with pytest.raises(DeskError) as refused:
        read_sheet(path)
    assert refused.value.message.startswith("Judul kolom “nama” ada dua kali (kolom B dan D)")


# ---------------------------------------------------------------------- small holes
def test_control_characters_are_refused_by_validation(sqlite_desk: Desk) -> None:
    for bad in ("Dinas\x1b[31mMerah", "Dinas\x07", "Dinas\x7f", "Dinas\x9b31m"):
        with pytest.raises(ValidationError) as refused:
            sqlite_desk.opd.create({"kode": "1.01", "nama": bad, "jenis": "dinas"})
        assert "karakter kendali" in refused.value.errors["nama"][0]
    made = sqlite_desk.opd.create({"kode": "1.01", "nama": "Dinas\tKominfo", "jenis": "dinas",
                                   "alamat": "Jl. Satu\r\nKota Dua"})
    assert made["alamat"] == "Jl. Satu\r\nKota Dua"


def test_stored_control_characters_are_never_printed_raw(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Records from before validation refused them (or written by other tools) may hold
    escapes: ``list`` and ``search`` show them escaped, in the table and in JSON."""
    url = str(tmp_path / "db.sqlite3")
    desk = Desk.open(url, user="uji")
    made = desk.opd.create({"kode": "1.01", "nama": "Dinas Merah", "jenis": "dinas"})
    raw = "Dinas \x1b[31mMerah\x9b2J\x07"
    with desk.db.session() as s:
        table = desk.opd.kind.model.__tablename__
        s.execute(text(f"UPDATE {table} SET nama = :n WHERE id = :i"),
                  {"n": raw, "i": made["id"]})
        s.execute(text("UPDATE search_entry SET judul = :n WHERE record_id = :i"),
                  {"n": raw, "i": made["id"]})
    desk.close()
    for argv in (["list", "opd"], ["search", "merah"]):
        code, output = _cli(capsys, "--database", url, *argv)
        assert code == 0
        assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
        assert "Dinas \\x1b[31mMerah\\x9b2J\\x07" in output, output
        code, output = _cli(capsys, "--database", url, *argv, "--json")
        assert "\x1b" not in output and "\x9b" not in output
        names = [r.get("nama") or r.get("title") for r in json.loads(output)]
        assert raw in names


@pytest.mark.parametrize("value", ["01/01/0001", "0001-01-01", "31/12/9999", "1900-05-01",
                                   "01/01/2101"])
def test_implausible_dates_are_refused(sqlite_desk: Desk, value: str) -> None:
    with pytest.raises(ValidationError) as refused:
        sqlite_desk.visits.create({"tanggal_mulai": value, "instansi": "Pemkab Contoh",
                                   "arah": "masuk"})
    assert "rentang yang masuk akal" in refused.value.errors["tanggal_mulai"][0]
    assert sqlite_desk.visits.count() == 0


def test_the_range_ends_are_accepted(sqlite_desk: Desk) -> None:
    for value in ("1945-01-01", "2100-12-31"):
        sqlite_desk.visits.create({"tanggal_mulai": value, "instansi": f"Pemkab {value}",
                                   "arah": "masuk"})
    assert sqlite_desk.visits.count() == 2


FORMULAS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_every_sheet_writer_neutralises_formulas(sqlite_desk: Desk, tmp_path: Path) -> None:
    """The template with rows left "=cmd|' /C calc'!A0" live in an OPD name (a reference)."""
    from desktop.core.export import write_csv, write_xlsx
    from desktop.core.importing.template import write_sheet
    from desktop.core.services import ListQuery

    opd = sqlite_desk.opd.create({"kode": "1.01", "nama": FORMULAS[0], "jenis": "dinas"})
    for n, value in enumerate(FORMULAS[1:4]):
        sqlite_desk.apps.create({"nama": value, "opd_pemilik_id": opd["id"], "jenis": "umum",
                                 "status": "operasional", "deskripsi": FORMULAS[n + 3]})
    written = []
    for suffix in (".xlsx", ".csv"):
        path = tmp_path / f"full{suffix}"
        write_sheet(sqlite_desk, "apps", path)
        written.append(path)
    write_xlsx(sqlite_desk.apps, ListQuery(), tmp_path / "list.xlsx")
    write_csv(sqlite_desk.apps, ListQuery(), tmp_path / "list.csv")
    written += [tmp_path / "list.xlsx", tmp_path / "list.csv"]
    for path in written:
        cells = _cells(path)
        texts = [c for c in cells if isinstance(c, str)]
        assert any(c == "'" + FORMULAS[0] for c in texts), path
        live = [c for c in texts if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert not live, (path, live)
    book = load_workbook(tmp_path / "full.xlsx")
    assert not [c for row in book.active.iter_rows() for c in row if c.data_type == "f"]


def _cells(path: Path) -> list[Any]:
    if path.suffix == ".csv":
        import csv

        with path.open(encoding="utf-8-sig", newline="") as fh:
            return [c for row in csv.reader(fh) for c in row]
    book = load_workbook(path, read_only=True)
    try:
        return [c for row in book.active.iter_rows(values_only=True) for c in row]
    finally:
        book.close()


def test_the_blank_template_is_still_only_a_header(sqlite_desk: Desk, tmp_path: Path) -> None:
    from desktop.core.importing.template import write_sheet

    path = tmp_path / "templat.xlsx"
    assert write_sheet(sqlite_desk, "datasets", path, with_rows=False) == 0
    sheet = read_sheet(path)
    assert "Dasar pengecualian" in sheet.headers and sheet.count == 0


@pytest.mark.parametrize(("name", "words"), [
    ("mixed-utf8-latin1.csv", "mixes encodings: mostly UTF-8, but line 3 is not UTF-8"),
    ("unclosed-quote.csv", "the quote is never closed"),
    ("duplicate-header.csv", "appears twice"),
    ("xxe.xlsx", "DOCTYPE/ENTITY declaration"),
    ("malformed-sheet.xlsx", "is not well-formed XML"),
    ("not-a-zip.xlsx", "is not a readable XLSX"),
])
def test_refusals_speak_english_with_lang_en(name: str, words: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path, expected = write_corpus("apps", tmp_path / "files")[name]
    assert expected == 1
    code, output = _cli(capsys, "--lang", "en", "--database", str(tmp_path / "db.sqlite3"),
                        "import", "apps", str(path), "--dry-run")
    assert code == 1
    assert words in output, output
    assert not any(word in output for word in BAD_WORDS)


def test_a_file_replaced_after_the_check_is_checked_again(sqlite_desk: Desk,
                                                          tmp_path: Path) -> None:
    """The dialog reads a sheet, the user clicks Impor later: a file swapped meanwhile for
    a crafted one is refused before openpyxl reads it, and nothing is written."""
    from desktop.core.importing import auto_map, import_rows

    files = write_corpus("opd", tmp_path / "files")
    target = tmp_path / "register.xlsx"
    target.write_bytes(files["valid.xlsx"][0].read_bytes())
    sheet = read_sheet(target)
    assert sheet.count == 1
    target.write_bytes(files["xxe.xlsx"][0].read_bytes())
    with pytest.raises(DeskError, match="DOCTYPE/ENTITY"):
        import_rows(sqlite_desk, "opd", sheet, auto_map("opd", sheet.headers), commit=True)
    assert sqlite_desk.opd.count() == 0


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le"])
def test_the_bad_line_is_named_exactly_in_a_file_of_several_chunks(
        tmp_path: Path, newline: str, codec: str) -> None:
    """Line breaks split between the 1 MiB chunks the check reads are counted once."""
    lines = ["Kode,Nama,Jenis"] + [f"{i},Dinas Kébudayaan {i:07d},dinas" for i in range(60_000)]
    sep = newline.encode(codec)
    head, tail = sep.join(x.encode(codec) for x in lines[:45_000]), \
        sep.join(x.encode(codec) for x in lines[45_000:])
    bad = "45000,Dinas Kébudayaan Lama,dinas".encode("latin-1") if codec == "utf-8" else \
        b"\x00\xd8A\x00"  # a lone surrogate in UTF-16
    path = tmp_path / "besar.csv"
    path.write_bytes((b"\xff\xfe" if codec != "utf-8" else b"") + head + sep + bad + sep + tail)
    assert path.stat().st_size > 2 * 1024 * 1024
    with pytest.raises(DeskError) as refused:
        read_sheet(path)
    assert "baris 45001 " in refused.value.message, refused.value.message


def test_control_characters_from_a_catalog_are_dropped_not_fatal() -> None:
    """A pulled record (``whole=True``) is stored without them; typed text is refused."""
    from desktop.core.kinds import KINDS
    from desktop.core.validation import clean_fields

    fields = tuple(f for f in KINDS["datasets"].fields if f.name in ("judul", "deskripsi"))
    data = {"judul": "Data\x1b[31m Curah\x0b Hujan", "deskripsi": "Baris satu\nBaris\x07 dua"}
    errors: dict[str, list[str]] = {}
    clean = clean_fields(fields, data, errors, whole=True)
    assert errors == {}
    assert clean == {"judul": "Data[31m Curah Hujan", "deskripsi": "Baris satu\nBaris dua"}
    clean_fields(fields, data, errors)
    assert set(errors) == {"judul", "deskripsi"}


def test_a_file_the_user_cannot_read_gets_a_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root here, who reads any file: the refusal is made by the OS call."""
    path = tmp_path / "rahasia.csv"
    path.write_text("Kode,Nama\n1,Dinas\n", encoding="utf-8")
    real_open = Path.open

    def denied(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    code, output = _cli(capsys, "--database", str(tmp_path / "db.sqlite3"), "import", "opd",
                        str(path))
    assert code == 1
    assert "Berkas rahasia.csv tidak dapat dibaca: Permission denied" in output


def test_a_directory_named_like_a_sheet_gets_a_message(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bukan.xlsx"
    folder.mkdir()
    code, output = _cli(capsys, "--database", str(tmp_path / "db.sqlite3"), "import", "opd",
                        str(folder))
    assert code == 1 and "Berkas tidak ditemukan" in output
