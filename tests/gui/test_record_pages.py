"""Record pages driven like a clerk would: typing into forms, clicking save, filtering,
sorting, conflicting edits, unsaved-changes prompts, delete, history, related lists.

Every check reads real widget state and, independently, the database through the core
services. Runs on SQLite and, with DISKOMINFO_DESK_TEST_POSTGRES set, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QMessageBox, QTreeWidget

from desktop.core.desk import Desk
from desktop.core.errors import NotFoundError
from desktop.core.services import ListQuery
from desktop.core.settings import EXPIRY_DAYS, Settings
from desktop.ui import ask
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.page_specs import PAGES
from desktop.ui.record.page import RecordPage
from desktop.ui.widgets.collection import CollectionEditor
from desktop.ui.widgets.fields import (
    BoolEditor,
    ChoiceEditor,
    ChoicesEditor,
    FieldEditor,
    PickEditor,
)

from .helpers import (
    answer_next_box,
    build_window,
    buttons_named,
    message_boxes,
    open_page,
    select_row,
    settle,
    wait_loaded,
)

LEFT = Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------------- typing
def type_into(qtbot, editor: FieldEditor, text: str) -> None:
    """Type into a text, long-text or date editor as a user would."""
    widget = editor.edit  # type: ignore[attr-defined]
    widget.setFocus()
    for index, line in enumerate(text.split("\n")):  # QTest knows no "\n": press Return
        if index:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def choose(editor: FieldEditor, code: str) -> None:
    """Pick a choice from a combo as a user would (index change + ``activated``)."""
    assert isinstance(editor, ChoiceEditor)
    index = editor.combo.findData(code)
    assert index >= 0, f"{code} not offered by {editor.field.name}"
    editor.combo.setCurrentIndex(index)
    editor.combo.activated.emit(index)


def pick(qtbot, editor: FieldEditor, text: str) -> None:
    """Type an option's full text into a picker and press Enter."""
    assert isinstance(editor, PickEditor)
    line = editor.combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    if editor.combo.completer().popup().isVisible():
        editor.combo.completer().popup().hide()


def tick(qtbot, editor: FieldEditor, code: str | None = None) -> None:
    if isinstance(editor, BoolEditor):
        box = editor.box
    else:
        assert isinstance(editor, ChoicesEditor) and code is not None
        box = editor.boxes[code]
    qtbot.mouseClick(box, LEFT, pos=QPoint(4, box.height() // 2))


def click_save(qtbot, win: MainWindow, page: RecordPage) -> None:
    qtbot.mouseClick(page.save_button, LEFT)
    settle(qtbot, win)


# ---------------------------------------------------------------------------- fixtures
@pytest.fixture
def base_desk(desk: Desk) -> Desk:
    """One OPD and one application, so the pickers of the other forms have a choice."""
    opd = desk.opd.create({"kode": "2.16.01", "nama": "Dinas Komunikasi dan Informatika",
                           "singkatan": "Diskominfo", "jenis": "dinas"})
    desk.apps.create({"nama": "Aplikasi Dasar", "opd_pemilik_id": opd["id"]})
    return desk


@pytest.fixture
def base_window(qtbot, base_desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    win = build_window(qtbot, base_desk, tmp_path / "view.ini")
    yield win
    win.tasks.wait()


# ---------------------------------------------------------------------------- creating
def fill_opd(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    type_into(qtbot, e["kode"], "9.01.01")
    type_into(qtbot, e["nama"], "Badan Riset & Inovasi <Daerah>")
    type_into(qtbot, e["singkatan"], "BRIDA")
    choose(e["jenis"], "badan")
    type_into(qtbot, e["kepala_nip"], "19800101 200501 1 001")
    type_into(qtbot, e["alamat"], "Jl. Merdeka 1\nBanyuwangi")
    type_into(qtbot, e["email"], "brida@banyuwangikab.go.id")


def fill_app(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    type_into(qtbot, e["nama"], "Sistem Antrean Puskesmas")
    pick(qtbot, e["opd_pemilik_id"], "Dinas Komunikasi dan Informatika (Diskominfo)")
    choose(e["status"], "operasional")
    tick(qtbot, e["sasaran"], "G2C")
    tick(qtbot, e["platform"], "android")
    type_into(qtbot, e["url"], "https://antrean.banyuwangikab.go.id")
    type_into(qtbot, e["tahun"], "2023")
    tick(qtbot, e["boleh_direplikasi"])


def fill_dataset(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    type_into(qtbot, e["judul"], "Jumlah Menara Telekomunikasi per Kecamatan")
    pick(qtbot, e["opd_id"], "Dinas Komunikasi dan Informatika (Diskominfo)")
    choose(e["frekuensi"], "bulanan")
    type_into(qtbot, e["terakhir_diperbarui"], "15/03/2024")
    type_into(qtbot, e["tags"], "menara, bts ,  sinyal")
    tick(qtbot, e["format"], "CSV")


def fill_visit(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    choose(e["arah"], "keluar")
    type_into(qtbot, e["tanggal_mulai"], "20/04/2017")
    type_into(qtbot, e["tanggal_selesai"], "21/04/2017")
    pick(qtbot, e["region_kode"], "Kabupaten Karanganyar (33.13)")
    type_into(qtbot, e["instansi"], "Diskominfo Kabupaten Karanganyar")
    type_into(qtbot, e["jumlah_peserta"], "12")


def fill_agreement(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    choose(e["jenis"], "kb")
    type_into(qtbot, e["judul"], "Kerja Sama Pengembangan Smart Kampung")
    type_into(qtbot, e["tanggal_ttd"], "01/02/2024")
    type_into(qtbot, e["berlaku_mulai"], "01/02/2024")
    type_into(qtbot, e["berlaku_sampai"], "31/01/2029")
    choose(e["status"], "pelaksanaan")


def fill_deployment(qtbot, page: RecordPage) -> None:
    e = page.form.editors
    pick(qtbot, e["aplikasi_id"], "Aplikasi Dasar")
    type_into(qtbot, e["versi"], "1.2.0")
    choose(e["lingkungan"], "staging")
    type_into(qtbot, e["tanggal"], "05/06/2024")
    type_into(qtbot, e["domain"], "antrean.banyuwangikab.go.id")
    choose(e["status"], "berhasil")


CREATE_CASES: dict[str, tuple[Callable[..., None], dict[str, Any], tuple[int, str]]] = {
    # kind: (fill, expected stored values, (column shown in the table, its text))
    "opd": (fill_opd, {"kode": "9.01.01", "nama": "Badan Riset & Inovasi <Daerah>",
                       "singkatan": "BRIDA", "jenis": "badan",
                       "kepala_nip": "198001012005011001",
                       "alamat": "Jl. Merdeka 1\nBanyuwangi",
                       "email": "brida@banyuwangikab.go.id"},
            (1, "Badan Riset & Inovasi <Daerah>")),
    "apps": (fill_app, {"nama": "Sistem Antrean Puskesmas", "status": "operasional",
                        "jenis": "khusus", "sasaran": ["G2C"], "platform": ["android"],
                        "url": "https://antrean.banyuwangikab.go.id", "tahun": 2023,
                        "boleh_direplikasi": True},
             (2, "Dinas Komunikasi dan Informatika")),
    "datasets": (fill_dataset, {"judul": "Jumlah Menara Telekomunikasi per Kecamatan",
                                "frekuensi": "bulanan", "sifat_data": "terbuka",
                                "terakhir_diperbarui": date(2024, 3, 15),
                                "tags": ["menara", "bts", "sinyal"], "format": ["CSV"]},
                 (0, "Jumlah Menara Telekomunikasi per Kecamatan")),
    "visits": (fill_visit, {"arah": "keluar", "tanggal_mulai": date(2017, 4, 20),
                            "tanggal_selesai": date(2017, 4, 21), "region_kode": "33.13",
                            "instansi": "Diskominfo Kabupaten Karanganyar",
                            "jumlah_peserta": 12},
               (2, "Kabupaten Karanganyar")),
    "agreements": (fill_agreement, {"jenis": "kb",
                                    "judul": "Kerja Sama Pengembangan Smart Kampung",
                                    "tanggal_ttd": date(2024, 2, 1),
                                    "berlaku_sampai": date(2029, 1, 31),
                                    "status": "pelaksanaan", "rangkap": 2},
                   (1, "Kerja Sama Pengembangan Smart Kampung")),
    "deployments": (fill_deployment, {"versi": "1.2.0", "lingkungan": "staging",
                                      "tanggal": date(2024, 6, 5), "status": "berhasil",
                                      "domain": "antrean.banyuwangikab.go.id"},
                    (1, "Aplikasi Dasar")),
}


@pytest.mark.parametrize("kind", list(CREATE_CASES))
def test_a_record_typed_into_the_form_is_saved_and_listed(
        qtbot, base_window: MainWindow, base_desk: Desk, kind: str) -> None:
    fill, expected, (column, shown) = CREATE_CASES[kind]
    service = base_desk.service(kind)
    before = set(service.ids())
    page = open_page(qtbot, base_window, kind)
    assert page.new_record(ask=False)
    fill(qtbot, page)
    assert page.form.is_dirty()
    if kind == "agreements":  # saved as signed ("pelaksanaan"): asked for the scan
        answer_next_box("Nanti")
    click_save(qtbot, base_window, page)
    qtbot.waitUntil(lambda: page.current_id is not None, timeout=5000)
    assert all(page.form.error_text(f.name) == "" for f in page.kind.fields)
    new_ids = set(service.ids()) - before
    assert new_ids == {page.current_id}
    stored = service.get(page.current_id)
    assert {k: stored[k] for k in expected} == expected
    assert stored["version"] == page.current_version
    if kind == "apps":
        opd = base_desk.opd.list().rows[0]
        assert stored["opd_pemilik_id"] == opd["id"]
    if kind == "deployments":
        assert stored["aplikasi_id"] == base_desk.apps.list().rows[0]["id"]
    # the table lists it, selected, with the typed text in its column
    settle(qtbot, base_window)
    row = page.model.row_of(page.current_id)
    assert row >= 0
    assert page.model.index(row, column).data() == shown
    assert page.table.selectionModel().currentIndex().row() == row
    assert not page.form.is_dirty()
    assert page.detail_title.text() != ""


def test_saving_an_edit_updates_the_record_and_the_row(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    select_row(qtbot, page, 0)
    record_id = base_desk.opd.ids()[0]
    wait_loaded(qtbot, page, record_id)
    edit = page.form.editors["nama"].edit  # type: ignore[attr-defined]
    edit.selectAll()
    qtbot.keyClicks(edit, "Dinas Kominfo dan Persandian")
    assert page.revert_button.isEnabled()
    click_save(qtbot, base_window, page)
    assert base_desk.opd.get(record_id)["nama"] == "Dinas Kominfo dan Persandian"
    assert base_desk.opd.get(record_id)["version"] == 2
    assert page.current_version == 2
    assert page.model.index(0, 1).data() == "Dinas Kominfo dan Persandian"
    assert not page.revert_button.isEnabled()


def test_revert_restores_the_loaded_values(qtbot, base_window: MainWindow,
                                           base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    select_row(qtbot, page, 0)
    wait_loaded(qtbot, page, base_desk.opd.ids()[0])
    type_into(qtbot, page.form.editors["singkatan"], " baru")
    assert page.form.is_dirty() and page.revert_button.isEnabled()
    qtbot.mouseClick(page.revert_button, LEFT)
    assert page.form.editors["singkatan"].value() == "Diskominfo"
    assert not page.form.is_dirty()


# ---------------------------------------------------------------------------- collections
def test_visit_participants_edited_in_place_are_stored(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["tanggal_mulai"], "03/05/2024")
    type_into(qtbot, page.form.editors["instansi"], "Pemerintah Kota Batu")
    peserta = page.form.collections["peserta"]
    assert isinstance(peserta, CollectionEditor)
    people = [("Agus Santoso", "Kepala Dinas", "Diskominfo Kota Batu"),
              ("Dewi Lestari", "Pranata Komputer", "Diskominfo Kota Batu")]
    for r, person in enumerate(people):
        qtbot.mouseClick(peserta.add_button, LEFT)
        peserta.table.closePersistentEditor(peserta.table.item(r, 0))
        for c, value in enumerate(person):
            peserta.set_cell(r, c, value)
    assert peserta.table.item(1, 1).text() == "Pranata Komputer"
    click_save(qtbot, base_window, page)
    qtbot.waitUntil(lambda: page.current_id is not None, timeout=5000)
    stored = base_desk.visits.get(page.current_id)
    assert [(p["nama"], p["jabatan"], p["instansi"]) for p in stored["peserta"]] == people
    # rows keep their identity: a reorder then save keeps the same ids
    ids = [p["id"] for p in stored["peserta"]]
    peserta.table.setCurrentCell(1, 0)
    qtbot.mouseClick(peserta.up_button, LEFT)
    click_save(qtbot, base_window, page)
    again = base_desk.visits.get(page.current_id)["peserta"]
    assert [p["nama"] for p in again] == ["Dewi Lestari", "Agus Santoso"]
    assert [p["id"] for p in again] == ids[::-1]


def test_a_participant_row_without_a_name_is_reported_under_the_table(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["tanggal_mulai"], "03/05/2024")
    type_into(qtbot, page.form.editors["instansi"], "Pemerintah Kota Batu")
    peserta = page.form.collections["peserta"]
    qtbot.mouseClick(peserta.add_button, LEFT)
    peserta.table.closePersistentEditor(peserta.table.item(0, 0))
    peserta.set_cell(0, 1, "Staf")
    click_save(qtbot, base_window, page)
    assert peserta.error.isVisibleTo(page.form)
    assert "Baris 1" in peserta.error.text() and "Wajib diisi" in peserta.error.text()
    assert base_desk.visits.count() == 0
    assert page.current_id is None


def _type_participant(qtbot, page: RecordPage, name: str) -> Any:
    """Add a row and type into the cell editor the Add button opens."""
    peserta = page.form.collections["peserta"]
    qtbot.mouseClick(peserta.add_button, LEFT)  # opens the editor of the first cell
    qtbot.wait(10)
    editors = [w for w in peserta.table.viewport().findChildren(FieldEditor) if w.isVisible()]
    assert len(editors) == 1
    line = editors[0].edit  # type: ignore[attr-defined]
    qtbot.keyClicks(line, name)
    return line


def _new_visit(qtbot, page: RecordPage) -> None:
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["tanggal_mulai"], "03/05/2024")
    type_into(qtbot, page.form.editors["instansi"], "Pemerintah Kota Batu")


def test_a_participant_name_typed_into_the_cell_and_entered_is_saved(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "visits")
    _new_visit(qtbot, page)
    line = _type_participant(qtbot, page, "Agus Santoso")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form.collections["peserta"].rows()[0]["nama"] is not None,
                    timeout=2000)  # the delegate commits on Enter through a queued call
    click_save(qtbot, base_window, page)
    assert page.current_id is not None
    stored = base_desk.visits.get(page.current_id)
    assert [p["nama"] for p in stored["peserta"]] == ["Agus Santoso"]


@pytest.mark.parametrize("leave", ["click_save", "tab"])
def test_a_participant_name_typed_into_the_cell_is_saved_when_leaving_it(
        qtbot, base_window: MainWindow, base_desk: Desk, leave: str) -> None:
    page = open_page(qtbot, base_window, "visits")
    _new_visit(qtbot, page)
    line = _type_participant(qtbot, page, "Agus Santoso")
    if leave == "tab":
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        qtbot.wait(50)
    click_save(qtbot, base_window, page)
    assert page.form.collections["peserta"].error.text() == ""
    assert page.current_id is not None
    stored = base_desk.visits.get(page.current_id)
    assert [p["nama"] for p in stored["peserta"]] == ["Agus Santoso"]


# ---------------------------------------------------------------------------- validation
def test_empty_required_name_is_reported_next_to_the_field(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["kode"], "9.99")
    type_into(qtbot, page.form.editors["kepala_nip"], "12345")
    type_into(qtbot, page.form.editors["website"], "bukan url")
    click_save(qtbot, base_window, page)
    assert "Wajib diisi" in page.form.error_text("nama")
    assert "18 digit" in page.form.error_text("kepala_nip")
    assert "URL" in page.form.error_text("website")
    assert page.form.error_text("kode") == ""
    assert base_desk.opd.count() == 1  # only the fixture's OPD
    assert page.current_id is None
    assert page.form.editors["kode"].value() == "9.99"  # what was typed stays
    assert page.form.editors["kepala_nip"].value() == "12345"
    assert page.save_button.isEnabled()
    # fixing the fields clears the messages and saves
    type_into(qtbot, page.form.editors["nama"], "Dinas Uji")
    nip = page.form.editors["kepala_nip"].edit  # type: ignore[attr-defined]
    nip.clear()
    page.form.editors["website"].edit.clear()  # type: ignore[attr-defined]
    click_save(qtbot, base_window, page)
    assert page.form.error_text("nama") == ""
    assert page.form.error_text("kepala_nip") == ""
    assert base_desk.opd.count() == 2


def test_a_duplicate_opd_code_is_refused_on_the_code_field(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["kode"], "2.16.01")
    type_into(qtbot, page.form.editors["nama"], "Dinas Kembar")
    click_save(qtbot, base_window, page)
    assert "sudah dipakai" in page.form.error_text("kode")
    assert base_desk.opd.count() == 1


def test_an_impossible_date_on_a_visit_is_reported_on_that_field(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    date_editor = page.form.editors["tanggal_mulai"]
    type_into(qtbot, date_editor, "31/02/2024")
    assert date_editor.hint.text() == ""  # type: ignore[attr-defined]
    type_into(qtbot, page.form.editors["instansi"], "Diskominfo Kota Malang")
    type_into(qtbot, page.form.editors["jumlah_peserta"], "banyak")
    click_save(qtbot, base_window, page)
    assert "Tanggal tidak valid" in page.form.error_text("tanggal_mulai")
    assert "bilangan bulat" in page.form.error_text("jumlah_peserta")
    assert page.form.error_text("instansi") == ""
    assert base_desk.visits.count() == 0
    assert date_editor.value() == "31/02/2024"


def test_end_before_start_is_reported_on_the_end_date(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["tanggal_mulai"], "10/05/2024")
    assert "2024" in page.form.editors["tanggal_mulai"].hint.text()  # type: ignore[attr-defined]
    type_into(qtbot, page.form.editors["tanggal_selesai"], "09/05/2024")
    type_into(qtbot, page.form.editors["instansi"], "Diskominfo Kota Malang")
    click_save(qtbot, base_window, page)
    assert "sebelum tanggal mulai" in page.form.error_text("tanggal_selesai")
    assert page.form.error_text("tanggal_mulai") == ""
    assert base_desk.visits.count() == 0


def test_a_bad_nip_on_an_app_contact_saves_nothing(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "apps")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["nama"], "Aplikasi Baru")
    pick(qtbot, page.form.editors["opd_pemilik_id"],
         "Dinas Komunikasi dan Informatika (Diskominfo)")
    type_into(qtbot, page.form.editors["pic_nip"], "1980-01-01")
    click_save(qtbot, base_window, page)
    assert "NIP harus 18 digit" in page.form.error_text("pic_nip")
    assert base_desk.apps.count() == 1


# ---------------------------------------------------------------------------- search
def test_search_narrows_the_table_and_clearing_restores_it(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    total = demo_desk.datasets.count()
    assert page.model.rowCount() == total == 120
    assert page.count_label.text() == "120 data"
    qtbot.keyClicks(page.search, "penduduk miskin")
    qtbot.waitUntil(lambda: page.model.rowCount() != total, timeout=5000)
    settle(qtbot, demo_window)
    expected = demo_desk.datasets.ids(ListQuery(text="penduduk miskin"))
    assert 0 < len(expected) < total
    assert page.model.ids == expected
    assert page.count_label.text() == f"{len(expected)} dari 120 data"
    titles = {page.model.index(r, 0).data().lower() for r in range(page.model.rowCount())}
    assert all("miskin" in t for t in titles)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == total, timeout=5000)


def test_search_text_that_matches_nothing_empties_the_table(
        qtbot, demo_window: MainWindow) -> None:
    """The count beside the search says so with the first screen, before the list has
    settled (the kind's total is recounted with the rest of the ids), and after."""
    page = open_page(qtbot, demo_window, "apps")
    with_first_screen: list[str] = []
    page.model.first_rows.connect(lambda: with_first_screen.append(page.count_label.text()))
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClicks(page.search, "zzzz tidak ada")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5000)
    assert with_first_screen[-1] == "0 dari 40 data"
    assert page.count_label.text() == "0 dari 40 data"


def _apply_combo(qtbot, page: RecordPage, combo: QComboBox, index: int) -> None:
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        combo.setCurrentIndex(index)
        combo.activated.emit(index)


def _expected_flag(key: str) -> Any:
    return Settings().get(EXPIRY_DAYS) if key == "berakhir_dalam" else 1


def _check_flag(qtbot, page: RecordPage, service: Any, key: str, box: QCheckBox) -> None:
    total = service.count()
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.mouseClick(box, LEFT, pos=QPoint(4, box.height() // 2))
    assert box.isChecked()
    expected = service.ids(ListQuery(filters={key: _expected_flag(key)}))
    assert page.model.ids == expected, key
    assert 0 < len(expected) < total, key
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.mouseClick(box, LEFT, pos=QPoint(4, box.height() // 2))
    assert page.model.rowCount() == total


def _check_combo(qtbot, page: RecordPage, service: Any, key: str, combo: QComboBox) -> None:
    total = service.count()
    assert combo.itemData(0) is None  # "Semua: ..." first
    indexes = list(range(1, combo.count()))
    # every offered value, capped for the long year / province / OPD lists
    with_rows = [i for i in indexes if service.count(ListQuery(filters={key: combo.itemData(i)}))]
    narrowed = 0
    for index in sorted(set(indexes[:5]) | set(with_rows[:5])):
        _apply_combo(qtbot, page, combo, index)
        expected = service.ids(ListQuery(filters={key: combo.itemData(index)}))
        assert page.model.ids == expected, f"{key}={combo.itemText(index)}"
        narrowed += 0 < len(expected) < total
        if len(expected) < total:
            assert page.count_label.text() == f"{len(expected)} dari {total} data"
    assert narrowed, f"no value of {key} narrowed the list"
    _apply_combo(qtbot, page, combo, 0)
    assert page.model.rowCount() == total


@pytest.mark.parametrize("kind", [spec.kind for spec in PAGES])
def test_each_filter_of_the_page_narrows_to_what_the_core_finds(
        qtbot, demo_window: MainWindow, demo_desk: Desk, kind: str) -> None:
    page = open_page(qtbot, demo_window, kind)
    service = demo_desk.service(kind)
    spec = next(s for s in PAGES if s.kind == kind)
    assert list(page.filter_widgets) == [f.key for f in spec.filters]
    for key, widget in page.filter_widgets.items():
        if isinstance(widget, QCheckBox):
            _check_flag(qtbot, page, service, key, widget)
        else:
            assert isinstance(widget, QComboBox)
            _check_combo(qtbot, page, service, key, widget)


def test_two_filters_and_a_search_combine(qtbot, demo_window: MainWindow,
                                          demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    sifat = page.filter_widgets["sifat_data"]
    frekuensi = page.filter_widgets["frekuensi"]
    assert isinstance(sifat, QComboBox) and isinstance(frekuensi, QComboBox)
    _apply_combo(qtbot, page, sifat, sifat.findData("terbuka"))
    _apply_combo(qtbot, page, frekuensi, frekuensi.findData("tahunan"))
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClicks(page.search, "penduduk")
    expected = demo_desk.datasets.ids(ListQuery(
        text="penduduk", filters={"sifat_data": "terbuka", "frekuensi": "tahunan"}))
    assert page.model.ids == expected
    assert 0 < len(expected) < 120


# ---------------------------------------------------------------------------- sorting
def click_header(qtbot, page: RecordPage, section: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(x, header.height() // 2))


@pytest.mark.parametrize(("kind", "key"), [("apps", "tahun"), ("opd", "nama"),
                                           ("visits", "tanggal_mulai"),
                                           ("datasets", "opd")])
def test_clicking_a_header_sorts_and_clicking_again_reverses(
        qtbot, demo_window: MainWindow, demo_desk: Desk, kind: str, key: str) -> None:
    page = open_page(qtbot, demo_window, kind)
    section = [c.key for c in page.kind.columns].index(key)
    header = page.table.horizontalHeader()
    service = demo_desk.service(kind)
    click_header(qtbot, page, section)
    assert header.sortIndicatorSection() == section
    first = header.sortIndicatorOrder()
    sign = "-" if first == Qt.SortOrder.DescendingOrder else ""
    assert page.model.ids == service.ids(ListQuery(sort=(sign + key,)))
    values = [page.model.index(r, section).data(Qt.ItemDataRole.UserRole + 2)
              for r in range(page.model.rowCount())]
    present = [v.lower() if isinstance(v, str) else v for v in values if v is not None]
    assert present == sorted(present, reverse=bool(sign))
    click_header(qtbot, page, section)
    assert header.sortIndicatorOrder() != first
    other = "" if sign else "-"
    assert page.model.ids == service.ids(ListQuery(sort=(other + key,)))


def test_the_sort_survives_a_search_and_a_restart(qtbot, demo_window: MainWindow,
                                                  demo_desk: Desk, tmp_path: Path) -> None:
    page = open_page(qtbot, demo_window, "apps")
    click_header(qtbot, page, 5)  # tahun
    if page.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder:
        click_header(qtbot, page, 5)
    with qtbot.waitSignal(page.model.refreshed, timeout=5000):
        qtbot.keyClicks(page.search, "sistem")
    assert page.model.ids == demo_desk.apps.ids(ListQuery(text="sistem", sort=("-tahun",)))
    page.save_view_state()
    page.settings.sync()
    again = build_window(qtbot, demo_desk, Path(page.settings.fileName()))
    restored = open_page(qtbot, again, "apps")
    assert restored.model.ids == demo_desk.apps.ids(ListQuery(sort=("-tahun",)))


# ---------------------------------------------------------------------------- conflicts
def test_saving_over_another_users_newer_save_keeps_the_typed_text(
        qtbot, demo_window: MainWindow, demo_desk: Desk, demo_url: str) -> None:
    page = open_page(qtbot, demo_window, "apps")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    mine = page.form.editors["pic_nama"].edit  # type: ignore[attr-defined]
    mine.selectAll()
    qtbot.keyClicks(mine, "Nama dari saya")
    other = Desk.open(demo_url, user="lain")
    try:
        theirs = other.apps.get(record_id)
        other.apps.update(record_id, {"pic_nama": "Nama dari pengguna lain"},
                          expected_version=theirs["version"])
    finally:
        other.close()
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes(page, "staleBox")), timeout=5000)
    box = page.findChild(QMessageBox, "staleBox")
    assert box is not None and box.isVisible()
    assert "diubah oleh pengguna lain" in box.text()
    assert mine.text() == "Nama dari saya"
    assert page.form.is_dirty()
    stored = demo_desk.apps.get(record_id)
    assert stored["pic_nama"] == "Nama dari pengguna lain"
    history = demo_desk.apps.history(record_id)
    assert [h["pengguna"] for h in history if h["aksi"] == "update"] == ["lain"]
    assert page.save_button.isEnabled() and not page.saving
    # "stay here" keeps the text; "reload" then shows the other user's value
    qtbot.mouseClick(buttons_named(box)["Tetap di sini"], LEFT)
    assert mine.text() == "Nama dari saya"
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes(page, "staleBox")), timeout=5000)
    box = message_boxes(page, "staleBox")[0]
    qtbot.mouseClick(buttons_named(box)["Muat ulang (buang perubahan saya)"], LEFT)
    qtbot.waitUntil(lambda: mine.text() == "Nama dari pengguna lain", timeout=5000)
    assert page.current_version == stored["version"]
    assert not page.form.is_dirty()


def test_deleting_a_record_someone_else_just_changed_is_refused(
        qtbot, demo_window: MainWindow, demo_desk: Desk, demo_url: str, monkeypatch) -> None:
    page = open_page(qtbot, demo_window, "deployments")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    other = Desk.open(demo_url, user="lain")
    try:
        other.deployments.update(record_id, {"pelaksana": "Orang lain"},
                                 expected_version=other.deployments.get(record_id)["version"])
    finally:
        other.close()
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    qtbot.mouseClick(page.delete_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes(page, "staleBox")), timeout=5000)
    assert demo_desk.deployments.get(record_id)["pelaksana"] == "Orang lain"


# ---------------------------------------------------------------------------- unsaved changes
def _dirty_first_opd(qtbot, win: MainWindow, desk: Desk) -> tuple[RecordPage, str]:
    page = open_page(qtbot, win, "opd")
    select_row(qtbot, page, 0)
    first = page.model.id_at(0)
    assert first is not None
    wait_loaded(qtbot, page, first)
    edit = page.form.editors["kepala_nama"].edit  # type: ignore[attr-defined]
    edit.selectAll()
    qtbot.keyClicks(edit, "Kepala Baru")
    assert page.form.is_dirty()
    return page, first


def test_choosing_another_row_with_unsaved_changes_and_cancelling_keeps_them(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, first = _dirty_first_opd(qtbot, demo_window, demo_desk)
    seen: list[str] = []
    answer_next_box("Batal", seen)
    select_row(qtbot, page, 3)
    settle(qtbot, demo_window)
    assert seen and seen[0].startswith("unsavedBox|")
    assert page.current_id == first
    assert page.form.editors["kepala_nama"].value() == "Kepala Baru"
    assert page.table.selectionModel().currentIndex().row() == 0
    assert demo_desk.opd.get(first)["kepala_nama"] != "Kepala Baru"


def test_choosing_another_row_and_discarding_opens_it(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, first = _dirty_first_opd(qtbot, demo_window, demo_desk)
    answer_next_box("Buang perubahan")
    select_row(qtbot, page, 3)
    target = page.model.id_at(3)
    assert target is not None
    wait_loaded(qtbot, page, target)
    assert page.form.editors["nama"].value() == demo_desk.opd.get(target)["nama"]
    assert demo_desk.opd.get(first)["kepala_nama"] != "Kepala Baru"
    assert not page.form.is_dirty()


def test_choosing_another_row_and_saving_stores_then_opens_it(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, first = _dirty_first_opd(qtbot, demo_window, demo_desk)
    answer_next_box("Simpan")
    select_row(qtbot, page, 3)
    target = page.model.id_at(3)
    assert target is not None
    wait_loaded(qtbot, page, target)
    settle(qtbot, demo_window)
    assert demo_desk.opd.get(first)["kepala_nama"] == "Kepala Baru"
    assert page.current_id == target
    assert page.form.editors["nama"].value() == demo_desk.opd.get(target)["nama"]


def test_new_record_with_unsaved_changes_asks_first(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, first = _dirty_first_opd(qtbot, demo_window, demo_desk)
    seen: list[str] = []
    answer_next_box("Batal", seen)
    assert not page.new_record()
    assert seen and page.current_id == first
    assert page.form.editors["kepala_nama"].value() == "Kepala Baru"


# ---------------------------------------------------------------------------- delete
def test_delete_soft_deletes_after_confirmation(
        qtbot, demo_window: MainWindow, demo_desk: Desk, monkeypatch) -> None:
    page = open_page(qtbot, demo_window, "deployments")
    total = page.model.rowCount()
    select_row(qtbot, page, 2)
    record_id = page.model.id_at(2)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    asked: list[str] = []
    answer_next_box("Hapus", asked)  # the real box, with its Indonesian buttons
    assert page.delete_button.isEnabled()
    qtbot.mouseClick(page.delete_button, LEFT)
    qtbot.waitUntil(lambda: page.current_id is None, timeout=5000)
    settle(qtbot, demo_window)
    assert len(asked) == 1 and asked[0].startswith("deleteBox|Hapus “")
    assert page.detail_title.text().endswith("baru")
    with pytest.raises(NotFoundError):
        demo_desk.deployments.get(record_id)
    tomb = demo_desk.deployments.get(record_id, include_deleted=True)
    assert tomb["deleted_at"] is not None
    assert page.model.rowCount() == total - 1
    assert page.model.row_of(record_id) == -1
    assert not page.delete_button.isEnabled()
    assert demo_desk.deployments.history(record_id)[0]["aksi"] == "delete"  # newest first


def test_answering_no_deletes_nothing(qtbot, demo_window: MainWindow, demo_desk: Desk,
                                      monkeypatch) -> None:
    page = open_page(qtbot, demo_window, "deployments")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: False)
    qtbot.mouseClick(page.delete_button, LEFT)
    settle(qtbot, demo_window)
    assert demo_desk.deployments.get(record_id)["deleted_at"] is None
    assert page.current_id == record_id


def test_an_opd_still_used_by_apps_cannot_be_deleted(
        qtbot, demo_window: MainWindow, demo_desk: Desk, monkeypatch) -> None:
    page = open_page(qtbot, demo_window, "opd")
    used = demo_desk.apps.list().rows[0]
    opd_id = demo_desk.apps.get(used["id"])["opd_pemilik_id"]
    page.open_record(opd_id)
    wait_loaded(qtbot, page, opd_id)
    monkeypatch.setattr(ask, "confirm", lambda *_a, **_k: True)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a, **_k: warned.append(text))
    qtbot.mouseClick(page.delete_button, LEFT)
    qtbot.waitUntil(lambda: bool(warned), timeout=5000)
    assert "tidak dapat dihapus" in warned[0] and "Aplikasi" in warned[0]
    assert demo_desk.opd.get(opd_id)["deleted_at"] is None
    assert page.current_id == opd_id


# ---------------------------------------------------------------------------- history
def test_history_dialog_lists_the_audit_entries(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    assert not page.history_button.isEnabled()  # nothing to show for a new record
    select_row(qtbot, page, 0)
    record_id = base_desk.opd.ids()[0]
    wait_loaded(qtbot, page, record_id)
    edit = page.form.editors["telepon"].edit  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, "(0333) 424172")
    choose(page.form.editors["jenis"], "badan")
    click_save(qtbot, base_window, page)
    assert page.history_button.isEnabled()
    qtbot.mouseClick(page.history_button, LEFT)
    dialog = page.findChild(HistoryDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    assert "Dinas Komunikasi dan Informatika" in dialog.windowTitle()
    tree = dialog.findChild(QTreeWidget)
    assert tree is not None
    audit = base_desk.opd.history(record_id)
    assert tree.topLevelItemCount() == len(audit) == 2
    tops = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    assert sorted(t.text(2) for t in tops) == ["Dibuat", "Diubah"]
    assert {t.text(1) for t in tops} == {"penguji"}
    update = next(t for t in tops if t.text(2) == "Diubah")
    changes = {update.child(i).text(0): (update.child(i).text(1), update.child(i).text(2))
               for i in range(update.childCount())}
    assert changes["Telepon"] == ("—", "(0333) 424172")
    assert changes["Jenis"] == ("Dinas", "Badan")  # labels, not the stored codes
    dialog.close()


# ---------------------------------------------------------------------------- related lists
@pytest.mark.parametrize(("button", "kind", "key"), [(0, "apps", "opd_pemilik_id"),
                                                     (1, "datasets", "opd_id")])
def test_related_button_opens_the_other_page_filtered(
        qtbot, demo_window: MainWindow, demo_desk: Desk, button: int, kind: str,
        key: str) -> None:
    opd_id = next(r["id"] for r in demo_desk.opd.list().rows if r["singkatan"] == "Diskominfo")
    page = open_page(qtbot, demo_window, "opd")
    row = page.model.row_of(opd_id)
    select_row(qtbot, page, row)
    wait_loaded(qtbot, page, opd_id)
    related = page.related_buttons[button]
    assert related.isEnabled()
    target = demo_window.pages[kind]
    with qtbot.waitSignal(target.model.refreshed, timeout=5000):
        qtbot.mouseClick(related, LEFT)
    settle(qtbot, demo_window)
    assert demo_window.page is target
    assert demo_window.navigation.currentItem().data(Qt.ItemDataRole.UserRole) == kind
    expected = demo_desk.service(kind).ids(ListQuery(filters={key: opd_id}))
    assert 0 < len(expected) < demo_desk.service(kind).count()
    assert target.model.ids == expected
    assert target.chip.isVisibleTo(target)
    assert "Dinas Komunikasi" in target.chip.text()
    # the chip clears the filter again
    with qtbot.waitSignal(target.model.refreshed, timeout=5000):
        qtbot.mouseClick(target.chip, LEFT)
    assert target.model.rowCount() == demo_desk.service(kind).count()
    assert not target.chip.isVisibleTo(target)


def test_related_datasets_of_an_app_are_the_linked_ones(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    app = next(demo_desk.apps.get(i) for i in demo_desk.apps.ids()
               if demo_desk.apps.get(i)["datasets"])
    page = open_page(qtbot, demo_window, "apps")
    select_row(qtbot, page, page.model.row_of(app["id"]))
    wait_loaded(qtbot, page, app["id"])
    button = page.related_buttons[1]
    assert button.isEnabled()
    target = demo_window.pages["datasets"]
    with qtbot.waitSignal(target.model.refreshed, timeout=5000):
        qtbot.mouseClick(button, LEFT)
    linked = {d["dataset_id"] for d in app["datasets"]}
    assert set(target.model.ids) == linked
    assert demo_window.page is target


def test_a_filter_added_on_top_of_a_related_filter_keeps_both(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    opd_id = next(r["id"] for r in demo_desk.opd.list().rows if r["singkatan"] == "Diskominfo")
    demo_window.open_filtered("apps", {"filters": {"opd_pemilik_id": opd_id},
                                       "description": "Diskominfo"})
    page = demo_window.pages["apps"]
    settle(qtbot, demo_window)
    status = page.filter_widgets["status"]
    assert isinstance(status, QComboBox)
    _apply_combo(qtbot, page, status, status.findData("operasional"))
    expected = demo_desk.apps.ids(ListQuery(filters={"opd_pemilik_id": opd_id,
                                                     "status": "operasional"}))
    assert page.model.ids == expected


# ---------------------------------------------------------------------------- pickers
def test_an_opd_created_in_the_gui_can_be_picked_on_the_apps_page(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    opd_page = open_page(qtbot, base_window, "opd")
    opd_page.new_record(ask=False)
    type_into(qtbot, opd_page.form.editors["kode"], "1.02.01")
    type_into(qtbot, opd_page.form.editors["nama"], "Dinas Kesehatan")
    click_save(qtbot, base_window, opd_page)
    new_opd = opd_page.current_id
    assert new_opd is not None
    page = open_page(qtbot, base_window, "apps")
    page.new_record(ask=False)
    owner = page.form.editors["opd_pemilik_id"]
    assert isinstance(owner, PickEditor)
    offered = [owner.combo.itemData(i) for i in range(owner.combo.count())]
    filter_offered = [page.filter_widgets["opd_pemilik_id"].itemData(i)  # type: ignore[attr-defined]
                      for i in range(page.filter_widgets["opd_pemilik_id"].count())]  # type: ignore[attr-defined]
    assert new_opd in offered
    assert new_opd in filter_offered


def test_the_table_model_reports_no_index_for_missing_rows(demo_window: MainWindow) -> None:
    page = demo_window.pages["opd"]
    assert page.model.data(QModelIndex()) is None
    assert page.model.id_at(-1) is None and page.model.id_at(10_000) is None


# ---------------------------------------------------------------------------- more behaviour
def test_a_double_click_on_save_creates_one_record(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "opd")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["kode"], "9.02")
    type_into(qtbot, page.form.editors["nama"], "Dinas Sekali Simpan")
    qtbot.mouseClick(page.save_button, LEFT)
    assert not page.save_button.isEnabled()  # while the save runs
    qtbot.mouseClick(page.save_button, LEFT)
    page.save()  # Ctrl+S while saving is ignored too
    settle(qtbot, base_window)
    assert base_desk.opd.count() == 2  # the fixture's OPD and this one
    assert page.save_button.isEnabled()
    assert base_window.statusBar().currentMessage() == "Tersimpan."


def test_the_selection_follows_the_open_record_after_a_sort(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "opd")
    select_row(qtbot, page, 0)
    record_id = page.model.id_at(0)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    click_header(qtbot, page, 0)
    if page.model.id_at(0) == record_id:
        click_header(qtbot, page, 0)
    row = page.model.row_of(record_id)
    assert row > 0
    assert page.table.selectionModel().currentIndex().row() == row
    assert page.current_id == record_id


def test_fast_typing_in_search_shows_the_last_text_only(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "datasets")
    for text in ("guru", "puskesmas", "jalan"):
        page.search.setText(text)
        page.apply_query()  # each a query of its own, overtaking the previous ones
    qtbot.keyClicks(page.search, " kabupaten")
    qtbot.waitUntil(lambda: page.model.query.text == "jalan kabupaten", timeout=5000)
    settle(qtbot, demo_window)
    assert page.model.ids == demo_desk.datasets.ids(ListQuery(text="jalan kabupaten"))


def test_picking_a_date_from_the_calendar_fills_the_field(
        qtbot, base_window: MainWindow) -> None:
    from PySide6.QtCore import QDate

    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    editor = page.form.editors["tanggal_mulai"]
    editor.calendar.clicked.emit(QDate(2024, 5, 3))  # type: ignore[attr-defined]
    assert editor.value() == "03/05/2024"
    assert editor.hint.text() == "3 Mei 2024"  # type: ignore[attr-defined]
    assert page.form.is_dirty()


def test_linked_apps_of_a_visit_are_added_and_removed(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    from desktop.ui.widgets.fields import RefsEditor

    page = open_page(qtbot, base_window, "visits")
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["tanggal_mulai"], "03/05/2024")
    type_into(qtbot, page.form.editors["instansi"], "Pemerintah Kota Batu")
    refs = page.form.editors["aplikasi_ids"]
    assert isinstance(refs, RefsEditor)
    pick(qtbot, refs.picker, "Aplikasi Dasar")
    add = next(b for b in refs.findChildren(type(page.save_button)) if b.text() == "Tambah")
    qtbot.mouseClick(add, LEFT)
    assert refs.list.count() == 1 and refs.list.item(0).text() == "Aplikasi Dasar"
    qtbot.mouseClick(add, LEFT)  # the same app again: still once
    assert refs.list.count() == 1
    click_save(qtbot, base_window, page)
    app_id = base_desk.apps.ids()[0]
    assert page.current_id is not None
    assert base_desk.visits.get(page.current_id)["aplikasi_ids"] == [app_id]
    # the related button of the visit now leads to that app
    button = page.related_buttons[1]
    assert button.isEnabled()
    assert not page.related_buttons[0].isEnabled()  # no agreements linked
    refs.list.setCurrentRow(0)
    remove = next(b for b in refs.findChildren(type(page.save_button)) if b.text() == "Hapus")
    qtbot.mouseClick(remove, LEFT)
    click_save(qtbot, base_window, page)
    assert base_desk.visits.get(page.current_id)["aplikasi_ids"] == []


def test_choosing_save_in_the_unsaved_box_with_bad_input_stays_on_the_record(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page = open_page(qtbot, demo_window, "opd")
    select_row(qtbot, page, 0)
    first = page.model.id_at(0)
    assert first is not None
    wait_loaded(qtbot, page, first)
    page.form.editors["nama"].edit.clear()  # type: ignore[attr-defined]
    type_into(qtbot, page.form.editors["kepala_nama"], "x")
    answer_next_box("Simpan")
    select_row(qtbot, page, 2)
    settle(qtbot, demo_window)
    assert page.current_id == first
    assert "Wajib diisi" in page.form.error_text("nama")
    assert page.table.selectionModel().currentIndex().row() == 0
    assert demo_desk.opd.get(first)["nama"] != ""


def test_closing_the_window_with_unsaved_changes_asks_and_can_stay(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    page, _first = _dirty_first_opd(qtbot, demo_window, demo_desk)
    demo_window.show_kind("apps")
    seen: list[str] = []
    answer_next_box("Batal", seen)
    demo_window.close()
    assert seen and seen[0].startswith("unsavedBox|")
    assert demo_window.isVisible()
    assert demo_window.page is page  # the page whose changes were asked about
    assert page.form.editors["kepala_nama"].value() == "Kepala Baru"
    answer_next_box("Buang perubahan")
    demo_window.close()
    assert not demo_window.isVisible()
    settings = demo_window.settings
    settings.sync()
    assert settings.value("window/page") == "opd"
    assert settings.value("view/opd/header") is not None


def test_export_writes_the_filtered_list(qtbot, demo_window: MainWindow, demo_desk: Desk,
                                         tmp_path: Path, monkeypatch) -> None:
    import csv

    from PySide6.QtWidgets import QFileDialog

    page = open_page(qtbot, demo_window, "apps")
    status = page.filter_widgets["status"]
    assert isinstance(status, QComboBox)
    _apply_combo(qtbot, page, status, status.findData("operasional"))
    target = tmp_path / "aplikasi.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "CSV (*.csv)"))
    demo_window.act_export.trigger()
    qtbot.waitUntil(target.exists, timeout=5000)
    settle(qtbot, demo_window)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    expected = demo_desk.apps.rows(demo_desk.apps.ids(ListQuery(
        filters={"status": "operasional"})))
    assert rows[0] == [str(c.label) for c in page.kind.columns]
    assert [r[0] for r in rows[1:]] == [r["nama"] for r in expected]
    assert f"{len(expected)} baris diekspor" in demo_window.statusBar().currentMessage()


@pytest.mark.parametrize("chosen", ["Excel (*.xlsx)", "Laporan PDF (*.pdf)"])
def test_export_to_xlsx_or_a_pdf_report_from_the_window(
        qtbot, demo_window: MainWindow, demo_desk: Desk, tmp_path: Path, monkeypatch,
        chosen: str) -> None:
    from PySide6.QtWidgets import QFileDialog

    page = open_page(qtbot, demo_window, "datasets")
    sifat = page.filter_widgets["sifat_data"]
    assert isinstance(sifat, QComboBox)
    _apply_combo(qtbot, page, sifat, sifat.findData("terbuka"))
    target = tmp_path / "dataset"  # no suffix typed: the chosen format adds it
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), chosen))
    demo_window.act_export.trigger()
    written = target.with_suffix(".xlsx" if "xlsx" in chosen else ".pdf")
    qtbot.waitUntil(written.exists, timeout=15_000)
    settle(qtbot, demo_window)
    expected = demo_desk.datasets.rows(demo_desk.datasets.ids(page.model.query))
    if written.suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(written, read_only=True).worksheets[0]
        values = [row for row in sheet.iter_rows(values_only=True)]
        assert [v[0] for v in values[1:]] == [r["judul"] for r in expected]
    else:
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(written).pages)
        assert "Sifat" in text and "Halaman 1 dari" in text
        assert all(r["judul"][:20] in " ".join(text.split()) for r in expected[:5])
    assert f"{len(expected)} baris diekspor" in demo_window.statusBar().currentMessage()


def test_rows_that_need_attention_are_tinted_with_a_note(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    from desktop.core.settings import EXPIRY_DAYS

    datasets = open_page(qtbot, demo_window, "datasets")
    overdue = set(demo_desk.datasets.ids(ListQuery(filters={"terlambat": 1})))
    assert overdue
    for row in range(datasets.model.rowCount()):
        tinted = datasets.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
        assert tinted == (datasets.model.id_at(row) in overdue)
    row = datasets.model.row_of(next(iter(overdue)))
    assert "Terlambat diperbarui" in datasets.model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole)
    agreements = open_page(qtbot, demo_window, "agreements")
    expiring = set(demo_desk.agreements.ids(ListQuery(
        filters={"berakhir_dalam": Settings().get(EXPIRY_DAYS)})))
    tinted = {agreements.model.id_at(r) for r in range(agreements.model.rowCount())
              if agreements.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)}
    assert expiring and expiring <= tinted


def test_renaming_an_opd_updates_the_owner_shown_in_the_apps_table(
        qtbot, demo_window: MainWindow, demo_desk: Desk) -> None:
    apps = open_page(qtbot, demo_window, "apps")
    column = [c.key for c in apps.kind.columns].index("opd")
    shown = {apps.model.index(r, column).data() for r in range(apps.model.rowCount())}
    assert "Dinas Komunikasi, Informatika dan Persandian" in shown
    opd_id = next(r["id"] for r in demo_desk.opd.list().rows if r["singkatan"] == "Diskominfo")
    page = open_page(qtbot, demo_window, "opd")
    select_row(qtbot, page, page.model.row_of(opd_id))
    wait_loaded(qtbot, page, opd_id)
    name = page.form.editors["nama"].edit  # type: ignore[attr-defined]
    name.selectAll()
    qtbot.keyClicks(name, "Dinas Kominfo Baru")
    click_save(qtbot, demo_window, page)
    assert demo_desk.opd.get(opd_id)["nama"] == "Dinas Kominfo Baru"
    demo_window.show_kind("apps")
    settle(qtbot, demo_window)
    shown = {apps.model.index(r, column).data() for r in range(apps.model.rowCount())}
    assert "Dinas Kominfo Baru" in shown
    assert "Dinas Komunikasi, Informatika dan Persandian" not in shown


@pytest.mark.parametrize("kind", [spec.kind for spec in PAGES])
def test_opening_and_saving_untouched_records_changes_nothing(
        qtbot, demo_window: MainWindow, demo_desk: Desk, kind: str, monkeypatch) -> None:
    """Every field survives the round trip through the form: no spurious prompt, no edit."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    page = open_page(qtbot, demo_window, kind)
    service = demo_desk.service(kind)
    rows = page.model.rowCount()
    for row in sorted({0, rows // 2, rows - 1}):
        record_id = page.model.id_at(row)
        assert record_id is not None
        select_row(qtbot, page, row)
        wait_loaded(qtbot, page, record_id)
        assert not page.form.is_dirty(), f"{kind} row {row} dirty right after loading"
        before = service.get(record_id)
        history = len(service.history(record_id))
        click_save(qtbot, demo_window, page)
        shown = {n: page.form.error_text(n) for n in page.form.editors
                 if page.form.error_text(n)}
        assert shown == {}, f"{kind} row {row}: {shown}"
        after = service.get(record_id)
        assert after["version"] == before["version"], service.history(record_id)[0]
        assert len(service.history(record_id)) == history
    assert asked == []


def test_saving_a_record_another_user_deleted_says_so_and_keeps_the_text(
        qtbot, demo_window: MainWindow, demo_desk: Desk, demo_url: str) -> None:
    page = open_page(qtbot, demo_window, "deployments")
    select_row(qtbot, page, 1)
    record_id = page.model.id_at(1)
    assert record_id is not None
    wait_loaded(qtbot, page, record_id)
    type_into(qtbot, page.form.editors["pelaksana"], " (revisi)")
    typed = page.form.editors["pelaksana"].value()
    other = Desk.open(demo_url, user="lain")
    try:
        other.deployments.delete(record_id)
    finally:
        other.close()
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: bool(message_boxes(page, "errorBox")), timeout=5000)
    box = message_boxes(page, "errorBox")[0]
    assert "sudah dihapus" in box.text()
    assert page.form.editors["pelaksana"].value() == typed
    assert page.save_button.isEnabled()
    box.close()


# ---------------------------------------------------------------------------- agreements
def _new_agreement(qtbot, page: RecordPage) -> None:
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["judul"], "Kerja Sama Layanan Data")


def test_articles_and_parties_of_an_agreement_are_stored(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "agreements")
    _new_agreement(qtbot, page)
    parties = page.form.collections["pihak"]
    for r, (kode, name) in enumerate([("35.10", "Pemerintah Kabupaten Banyuwangi"),
                                      ("33.13", "Pemerintah Kabupaten Karanganyar")]):
        qtbot.mouseClick(parties.add_button, LEFT)
        parties.table.closePersistentEditor(parties.table.item(r, 0))
        parties.set_cell(r, 0, kode)
        parties.set_cell(r, 1, name)
    assert parties.table.item(1, 0).text() == "Kabupaten Karanganyar (33.13)"
    articles = page.form.collections["pasal"]
    qtbot.mouseClick(articles.add_pasal, LEFT)
    articles.text.selectAll()
    qtbot.keyClicks(articles.text, "Ruang Lingkup")
    qtbot.mouseClick(articles.add_ayat, LEFT)
    qtbot.keyClicks(articles.text, "Ruang lingkup kerja sama ini meliputi:")
    qtbot.mouseClick(articles.add_butir, LEFT)
    qtbot.keyClicks(articles.text, "pertukaran data")
    qtbot.mouseClick(articles.add_butir, LEFT)
    qtbot.keyClicks(articles.text, "pendampingan teknis")
    qtbot.mouseClick(articles.up, LEFT)  # "pendampingan teknis" becomes butir a
    top = articles.tree.topLevelItem(0)
    assert top.text(0) == "Pasal 1  RUANG LINGKUP"
    assert top.child(0).child(0).text(0) == "a. pendampingan teknis"
    qtbot.mouseClick(articles.add_pasal, LEFT)
    articles.text.selectAll()
    qtbot.keyClicks(articles.text, "Jangka Waktu")
    click_save(qtbot, base_window, page)
    assert page.current_id is not None, page.form.collections["pasal"].error.text()
    stored = base_desk.agreements.get(page.current_id)
    assert [(p["region_kode"], p["nama_instansi"]) for p in stored["pihak"]] == [
        ("35.10", "Pemerintah Kabupaten Banyuwangi"),
        ("33.13", "Pemerintah Kabupaten Karanganyar")]
    assert [p["judul"] for p in stored["pasal"]] == ["Ruang Lingkup", "Jangka Waktu"]
    ayat = stored["pasal"][0]["ayat"]
    assert [a["teks"] for a in ayat] == ["Ruang lingkup kerja sama ini meliputi:"]
    assert [b["teks"] for b in ayat[0]["butir"]] == ["pendampingan teknis", "pertukaran data"]
    assert page.model.index(page.model.row_of(page.current_id), 2).data() == (
        "Pemerintah Kabupaten Karanganyar")


def test_a_party_outside_an_autonomous_region_is_reported_by_row(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "agreements")
    _new_agreement(qtbot, page)
    parties = page.form.collections["pihak"]
    qtbot.mouseClick(parties.add_button, LEFT)
    parties.table.closePersistentEditor(parties.table.item(0, 0))
    parties.set_cell(0, 0, "31.71")  # Kota Administrasi Jakarta Pusat
    parties.set_cell(0, 1, "Kota Administrasi Jakarta Pusat")
    click_save(qtbot, base_window, page)
    assert "Baris 1" in parties.error.text() and "bukan daerah otonom" in parties.error.text()
    assert base_desk.agreements.count() == 0


def test_an_empty_article_heading_is_reported_in_words(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    page = open_page(qtbot, base_window, "agreements")
    _new_agreement(qtbot, page)
    articles = page.form.collections["pasal"]
    qtbot.mouseClick(articles.add_pasal, LEFT)
    articles.text.selectAll()
    qtbot.keyClick(articles.text, Qt.Key.Key_Delete)
    click_save(qtbot, base_window, page)
    assert base_desk.agreements.count() == 0
    assert "Wajib diisi" in articles.error.text()
    assert "pasal[" not in articles.error.text()
    assert "Pasal 1" in articles.error.text()


# ---------------------------------------------------------------------------- shortcuts
def test_keyboard_shortcuts_save_search_and_switch_pages(
        qtbot, base_window: MainWindow, base_desk: Desk) -> None:
    ctrl = Qt.KeyboardModifier.ControlModifier
    page = open_page(qtbot, base_window, "opd")
    base_window.activateWindow()
    qtbot.waitActive(base_window)
    page.new_record(ask=False)
    type_into(qtbot, page.form.editors["kode"], "3.01")
    type_into(qtbot, page.form.editors["nama"], "Dinas Pintasan")
    qtbot.keyClick(page.form.editors["nama"].edit, Qt.Key.Key_S, ctrl)  # type: ignore[attr-defined]
    settle(qtbot, base_window)
    assert base_desk.opd.count() == 2
    qtbot.keyClick(page.form.editors["nama"].edit, Qt.Key.Key_F, ctrl)  # type: ignore[attr-defined]
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_N, ctrl)
    assert page.current_id is None and page.detail_title.text() == "Perangkat Daerah baru"
    qtbot.keyClick(page.search, Qt.Key.Key_3, ctrl)  # Ctrl+1 is the Beranda
    assert base_window.page is base_window.pages["datasets"]
    qtbot.keyClick(base_window.pages["datasets"].search, Qt.Key.Key_1, ctrl)
    assert base_window.page is None and base_window.current_key == "beranda"
