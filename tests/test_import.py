"""Spreadsheets in: mapping, per-row messages, one transaction, re-import updates."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.importing import auto_map, import_rows, load_mapping, read_sheet, save_mapping
from desktop.core.importing.template import write_sheet
from desktop.core.services import ListQuery

APP_HEADERS = ["Nama Aplikasi", "OPD pemilik", "Jenis aplikasi", "Status", "Tahun pembuatan",
               "Tanggal rekomendasi"]


def _xlsx(path: Path, rows: list[list[Any]], title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    if title is not None:  # a report title merged over the header, as offices do
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def opd_desk(desk: Desk) -> Desk:
    return _with_opds(desk)


def _with_opds(desk: Desk) -> Desk:
    for kode, nama, singkatan in [("2.16.01", "Dinas Komunikasi dan Informatika", "Diskominfo"),
                                  ("1.02.01", "Dinas Kesehatan", "Dinkes")]:
        desk.opd.create({"kode": kode, "nama": nama, "singkatan": singkatan, "jenis": "dinas"})
    return desk


def _run(desk: Desk, kind: str, path: Path, commit: bool = True, valid_only: bool = True):
    sheet = read_sheet(path)
    return import_rows(desk, kind, sheet, auto_map(kind, sheet.headers), commit=commit,
                       valid_only=valid_only)


def test_headers_map_in_either_language_whatever_the_spelling() -> None:
    headers = ["NAMA_APLIKASI", "owning opd", "Application type", " status ", "Catatan lain"]
    assert auto_map("apps", headers) == {0: "nama", 1: "opd_pemilik_id", 2: "jenis",
                                         3: "status"}


def test_a_corrected_mapping_is_remembered_per_kind() -> None:
    headers = ["Nama", "Instansi pemilik", "Jenis", "Status"]
    assert 1 not in auto_map("apps", headers)
    save_mapping("apps", headers, {0: "nama", 1: "opd_pemilik_id", 2: "jenis", 3: "status"})
    assert auto_map("apps", headers, load_mapping("apps"))[1] == "opd_pemilik_id"
    assert load_mapping("opd") == {}


def test_valid_rows_are_imported_with_names_and_labels_resolved(
        opd_desk: Desk, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "apps.xlsx", [
        APP_HEADERS,
        ["SIMPEG", "dinas komunikasi  dan informatika", "Aplikasi Umum", "Operasional", 2019,
         date(2019, 3, 1)],
        ["e-Puskesmas", "Dinkes", "khusus", "pengembangan", "2021", "15/07/2021"],
    ], title="DAFTAR APLIKASI OPD 2024")
    outcome = _run(opd_desk, "apps", path)
    assert (outcome.created, outcome.updated, outcome.failed) == (2, 0, 0)
    assert outcome.committed
    apps = {r["nama"]: opd_desk.apps.get(r["id"]) for r in opd_desk.apps.list().rows}
    assert apps["SIMPEG"]["jenis"] == "umum" and apps["SIMPEG"]["status"] == "operasional"
    assert apps["e-Puskesmas"]["rekomendasi_tanggal"] == date(2021, 7, 15)
    dinkes = next(r["id"] for r in opd_desk.opd.list().rows if r["singkatan"] == "Dinkes")
    assert apps["e-Puskesmas"]["opd_pemilik_id"] == dinkes
    assert [r.row for r in outcome.results] == [3, 4]  # numbered as in the spreadsheet


def test_bad_rows_get_messages_and_the_good_ones_still_import(
        opd_desk: Desk, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "apps.xlsx", [
        APP_HEADERS,
        ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, "31/02/2019"],
        ["Sistem Lain", "Dinas Pariwisata", "umum", "operasional", 2019, None],
        ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, None],
        ["", "Diskominfo", "umum", "operasional", 2019, None],
        ["e-Kinerja", "Diskominfo", "umum", "dihentikan", 2020, None],
    ])
    outcome = _run(opd_desk, "apps", path)
    by_row = {r.row: r for r in outcome.results}
    assert "Tanggal rekomendasi" in by_row[2].errors[0] and "31/02/2019" in by_row[2].errors[0]
    assert by_row[3].errors == ["OPD pemilik: Perangkat Daerah “Dinas Pariwisata” tidak "
                                "ditemukan."]
    assert by_row[4].action == "create"  # the first SIMPEG failed, so this one is the first
    assert "Wajib diisi" in " ".join(by_row[5].errors)
    assert by_row[6].action == "create"
    assert sorted(r["nama"] for r in opd_desk.apps.list().rows) == ["SIMPEG", "e-Kinerja"]
    assert opd_desk.apps.count() == 2


def test_a_sheet_repeating_a_row_flags_the_duplicate(opd_desk: Desk, tmp_path: Path) -> None:
    row = ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, None]
    outcome = _run(opd_desk, "apps", _xlsx(tmp_path / "a.xlsx", [APP_HEADERS, row, row]))
    assert [r.action for r in outcome.results] == ["create", "error"]
    assert outcome.results[1].errors == ["Sama dengan baris 2 (duplikat)."]
    assert opd_desk.apps.count() == 1


def test_all_or_nothing_imports_nothing_when_a_row_fails(opd_desk: Desk, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [APP_HEADERS,
                                       ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, None],
                                       ["X", "Tidak Ada", "umum", "operasional", 2019, None]])
    outcome = _run(opd_desk, "apps", path, valid_only=False)
    assert not outcome.committed and outcome.created == 1 and outcome.failed == 1
    assert "Tidak ada yang diimpor" in outcome.summary()
    assert opd_desk.apps.count() == 0
    assert opd_desk.apps.history  # the service is still usable
    preview = _run(opd_desk, "apps", path, commit=False)
    assert not preview.committed and opd_desk.apps.count() == 0


def test_missing_required_columns_are_named_before_anything_runs(
        opd_desk: Desk, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [["Nama Aplikasi", "Tahun"], ["SIMPEG", 2019]])
    with pytest.raises(DeskError) as raised:
        _run(opd_desk, "apps", path)
    # Status has a default, so only the owner is missing
    assert raised.value.message == "Kolom wajib tidak ada di lembar kerja: OPD pemilik."
    assert opd_desk.apps.count() == 0


def test_reimporting_the_same_sheet_updates_instead_of_duplicating(
        opd_desk: Desk, tmp_path: Path) -> None:
    rows = [APP_HEADERS, ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, None]]
    _run(opd_desk, "apps", _xlsx(tmp_path / "a.xlsx", rows))
    rows[1][3] = "dihentikan"
    rows[1][0] = "simpeg"  # the key matches whatever the case
    outcome = _run(opd_desk, "apps", _xlsx(tmp_path / "b.xlsx", rows))
    assert (outcome.created, outcome.updated) == (0, 1)
    assert opd_desk.apps.count() == 1
    assert opd_desk.apps.list().rows[0]["status"] == "dihentikan"


def test_a_semicolon_csv_from_a_windows_excel_imports(opd_desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "opd.csv"
    text = "Kode;Nama;Jenis;Alamat\n3.01;Dinas Pariwisata dan Kebudayaan;Dinas;Jl. Café 1\n"
    path.write_bytes(text.encode("cp1252"))
    outcome = _run(opd_desk, "opd", path)
    assert outcome.created == 1
    made = opd_desk.opd.get(outcome.results[0].record_id)
    assert made["alamat"] == "Jl. Café 1"


def test_files_that_are_not_sheets_are_refused_clearly(tmp_path: Path) -> None:
    fake = tmp_path / "data.xlsx"
    fake.write_text("<html>bukan excel</html>")
    with pytest.raises(DeskError, match="bukan lembar kerja XLSX"):
        read_sheet(fake)
    with pytest.raises(DeskError, match="tidak didukung"):
        read_sheet(tmp_path.joinpath("x.pdf").with_suffix(".pdf") if
                   tmp_path.joinpath("x.pdf").write_text("%PDF") else tmp_path / "x.pdf")
    lonely = _xlsx(tmp_path / "one.xlsx", [["Judul saja"], ["satu"]])
    with pytest.raises(DeskError, match="baris judul"):
        read_sheet(lonely)


@pytest.mark.parametrize("kind", ["opd", "apps", "datasets", "visits", "deployments"])
def test_a_full_sheet_imports_back_into_an_empty_database_unchanged(
        demo_desk: Desk, demo_url: str, tmp_path: Path, kind: str) -> None:
    desk, database_url = demo_desk, demo_url  # the demo, loaded once per session
    path = tmp_path / f"{kind}.xlsx"
    written = write_sheet(desk, kind, path)
    assert written == desk.service(kind).count()
    other_url = _empty_copy(desk, database_url, tmp_path)
    other = Desk.open(other_url, user="impor")
    try:
        for needed in {"opd": [], "apps": ["opd"], "datasets": ["opd"], "visits": [],
                       "deployments": ["opd", "apps"]}[kind]:
            assert _run(other, needed, _sheet_of(desk, needed, tmp_path)).failed == 0
        outcome = _run(other, kind, path)
        assert outcome.failed == 0, [r.errors for r in outcome.results if r.errors][:3]
        assert outcome.created == written
        assert _comparable(other, kind) == _comparable(desk, kind)
    finally:
        other.close()


def _sheet_of(desk: Desk, kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"dep-{kind}.xlsx"
    write_sheet(desk, kind, path)
    return path


def _empty_copy(desk: Desk, database_url: str, tmp_path: Path) -> str:
    if desk.db.dialect == "sqlite":
        return str(tmp_path / "kosong.sqlite3")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "impor_" + tmp_path.name.replace("-", "_")[-40:].lower()
    url = make_url(database_url)
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _comparable(desk: Desk, kind: str) -> list[dict[str, Any]]:
    from desktop.core.importing.mapping import importable_fields
    from desktop.core.kinds import KINDS

    service = desk.service(kind)
    fields = importable_fields(KINDS[kind])
    out = []
    for record_id in service.ids(ListQuery()):
        record = service.get(record_id)
        row = {}
        for fld in fields:
            value = record.get(fld.name)
            if fld.ref:  # ids differ between databases: compare what they point at
                value = desk.service(fld.ref).title(value) if value else None
            row[fld.name] = value
        out.append(row)
    return sorted(out, key=repr)


def test_a_large_sheet_with_some_bad_ones(sqlite_desk: Desk, tmp_path: Path) -> None:
    """2,000 rows on SQLite here; ``tests/benchmarks/bench_import.py 10000`` runs the
    10,000-row sheet and prints its speed (audited, indexed rows cost ~8 ms each, too
    slow to repeat on every engine in the quick suite)."""
    opd_desk = _with_opds(sqlite_desk)
    rows: list[list[Any]] = [APP_HEADERS]
    for n in range(2_000):
        opd = "Dinas Tidak Ada" if n % 100 == 7 else ("Diskominfo" if n % 2 else "Dinkes")
        rows.append([f"Aplikasi {n:05d}", opd, "umum", "operasional", 2000 + n % 25,
                     "99/99/2020" if n % 100 == 11 else None])
    outcome = _run(opd_desk, "apps", _xlsx(tmp_path / "besar.xlsx", rows))
    assert outcome.failed == 40 and outcome.created == 1_960
    assert opd_desk.apps.count() == 1_960
    bad = [r for r in outcome.results if r.action == "error"]
    assert {r.row for r in bad} == {n + 2 for n in range(2_000) if n % 100 in (7, 11)}
    assert all(len(r.errors) == 1 for r in bad)


def test_the_report_can_be_saved(opd_desk: Desk, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "a.xlsx", [APP_HEADERS,
                                       ["SIMPEG", "Diskominfo", "umum", "operasional", 2019, None],
                                       ["X", "Tidak Ada", "umum", "operasional", 2019, None]])
    outcome = _run(opd_desk, "apps", path)
    report = tmp_path / "laporan.csv"
    outcome.write_report(report)
    with report.open(encoding="utf-8-sig") as fh:
        lines = list(csv.reader(fh))
    assert lines[0] == ["Baris", "Hasil", "Keterangan"]
    assert lines[1][:2] == ["2", "ditambahkan"] and lines[2][:2] == ["3", "dilewati"]
    assert "Tidak Ada" in lines[2][2]


# ---------------------------------------------------------------------------- CLI
def test_cli_import_dry_run_then_import_with_a_report(database_url: str, tmp_path: Path,
                                                     capsys) -> None:
    from desktop.cli import main

    path = tmp_path / "opd.csv"
    path.write_text("Kode,Nama OPD,Jenis\n1.01,Dinas Pendidikan,Dinas\n1.02,,Dinas\n",
                    encoding="utf-8")
    base = ["--database", database_url, "--user", "impor"]
    assert main([*base, "import", "opd", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "Baris 3: Nama: Wajib diisi." in out and "Tidak ada yang diimpor" in out
    report = tmp_path / "laporan.csv"
    assert main([*base, "import", "opd", str(path), "--report", str(report)]) == 1
    assert "1 baris ditambahkan, 0 diperbarui, 1 dilewati." in capsys.readouterr().out
    assert report.read_text(encoding="utf-8-sig").splitlines()[1].startswith("2,ditambahkan")
    path.write_text("Kode,Nama OPD,Jenis\n1.01,Dinas Pendidikan dan Kebudayaan,Dinas\n",
                    encoding="utf-8")
    assert main([*base, "import", "opd", str(path)]) == 0
    assert "0 baris ditambahkan, 1 diperbarui" in capsys.readouterr().out
    desk = Desk.open(database_url)
    try:
        assert [r["nama"] for r in desk.opd.list().rows] == ["Dinas Pendidikan dan Kebudayaan"]
    finally:
        desk.close()


@pytest.mark.parametrize("kind", ["opd", "apps", "datasets", "visits", "deployments"])
def test_an_exported_list_imports_back_as_the_same_list(
        demo_desk: Desk, demo_url: str, tmp_path: Path, kind: str) -> None:
    """The spreadsheet a clerk gets from "Ekspor daftar" is one the import understands."""
    from desktop.core.export import write_xlsx

    desk, database_url = demo_desk, demo_url  # the demo, loaded once per session
    path = tmp_path / f"{kind}.xlsx"
    write_xlsx(desk.service(kind), ListQuery(), path)
    other = Desk.open(_empty_copy(desk, database_url, tmp_path), user="impor")
    try:
        for needed in {"opd": [], "apps": ["opd"], "datasets": ["opd"], "visits": [],
                       "deployments": ["opd", "apps"]}[kind]:
            assert _run(other, needed, _sheet_of(desk, needed, tmp_path)).failed == 0
        outcome = _run(other, kind, path)
        # A list shows no grounds for exempted datasets, which the rules require: those
        # rows are refused with that reason and everything else comes back.
        refused = desk.datasets.count(ListQuery(filters={"sifat_data": "dikecualikan"})) \
            if kind == "datasets" else 0
        assert outcome.failed == refused
        assert all(r.errors == ["Dasar pengecualian: Data yang dikecualikan wajib menyebut "
                                "dasar pengecualiannya."]
                   for r in outcome.results if r.action == "error")
        columns = [c.key for c in desk.service(kind).kind.columns]

        def shown(d: Desk) -> list[tuple[Any, ...]]:
            return sorted(tuple(repr(r.get(k)) for k in columns)
                          for r in d.service(kind).list().rows
                          if r.get("sifat_data") != "dikecualikan")

        assert shown(other) == shown(desk)
    finally:
        other.close()


def test_a_row_repeating_one_its_checks_refused_is_imported_and_then_repeated(
        opd_desk: Desk, tmp_path: Path) -> None:
    """New records are written a batch at a time: whether an earlier row with the same key
    was taken (here refused by the kind's rule) still decides whether a later one repeats it."""
    headers = ["Judul", "Produsen data (OPD)", "Sifat data", "Frekuensi"]
    path = _xlsx(tmp_path / "d.xlsx", [
        headers,
        ["Data Stunting", "Diskominfo", "dikecualikan", "tahunan"],  # no basis: refused
        ["Data Stunting", "Diskominfo", "terbuka", "tahunan"],  # so this is the first
        ["Data Stunting", "Diskominfo", "terbuka", "bulanan"],  # and this repeats it
        ["Data Gizi", "Dinkes", "terbuka", "tahunan"],
    ])
    outcome = _run(opd_desk, "datasets", path)
    assert [r.action for r in outcome.results] == ["error", "create", "error", "create"]
    assert "Dasar pengecualian" in outcome.results[0].errors[0]
    assert outcome.results[2].errors == ["Sama dengan baris 3 (duplikat)."]
    assert sorted(r["judul"] for r in opd_desk.datasets.list().rows) == ["Data Gizi",
                                                                         "Data Stunting"]
    assert opd_desk.datasets.get(outcome.results[1].record_id)["frekuensi"] == "tahunan"
    assert [h["aksi"] for h in opd_desk.datasets.history(outcome.results[3].record_id)] == [
        "create"]
