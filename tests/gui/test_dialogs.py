"""Settings, welcome and background-work dialogs, driven for real."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from desktop.core import secrets
from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.settings import DATABASE, LANGUAGE, USER_NAME, Settings, settings_path
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.tasks import PROGRESS_DELAY_MS, CancelToken, TaskManager
from desktop.ui.welcome import WelcomeDialog, needs_welcome
from desktop.ui.widgets.fields import PickEditor

from .helpers import settle

LEFT = Qt.MouseButton.LeftButton
PASSWORD = "Rahasia-123"
PG_URL = f"postgresql://desk:{PASSWORD}@db.kantor.local:5432/diskominfo"


def click_dialog_button(qtbot, dialog: QDialog, which: QDialogButtonBox.StandardButton) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(which), LEFT)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, desk: Desk, qsettings: QSettings) -> SettingsDialog:
    d = SettingsDialog(desk, qsettings)
    qtbot.addWidget(d)
    d.show()
    return d


# ---------------------------------------------------------------------------- settings
def test_settings_save_the_office_profile_and_the_user_name(
        qtbot, dialog: SettingsDialog, desk: Desk) -> None:
    assert desk.office.get() is None
    region = dialog.office_form.editors["region_kode"]
    assert isinstance(region, PickEditor)
    region.set_value("35.10")
    assert region.combo.currentText() == "Kabupaten Banyuwangi (35.10)"
    qtbot.keyClicks(dialog.office_form.editors["nama"].edit,  # type: ignore[attr-defined]
                    "Diskominfo Kabupaten Banyuwangi")
    qtbot.keyClicks(dialog.office_form.editors["kepala_nip"].edit,  # type: ignore[attr-defined]
                    "197001011990031001")
    qtbot.keyClicks(dialog.user_name, "Rina Wulandari")
    saved: list[dict[str, Any]] = []
    dialog.office_saved.connect(saved.append)
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.result() == QDialog.DialogCode.Accepted
    office = desk.office.get()
    assert office is not None
    assert (office["region_kode"], office["nama"], office["kepala_nip"]) == (
        "35.10", "Diskominfo Kabupaten Banyuwangi", "197001011990031001")
    assert saved and saved[0]["id"] == office["id"]
    assert Settings().get(USER_NAME) == "Rina Wulandari"
    assert "Rina Wulandari" in settings_path().read_text(encoding="utf-8")
    assert desk.saved_user == "Rina Wulandari"


def test_settings_reopened_show_what_was_saved(qtbot, dialog: SettingsDialog, desk: Desk,
                                               qsettings: QSettings) -> None:
    dialog.office_form.editors["region_kode"].set_value("33.13")
    qtbot.keyClicks(dialog.office_form.editors["nama"].edit,  # type: ignore[attr-defined]
                    "Diskominfo Karanganyar")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    languages: list[str] = []
    dialog.language_changed.connect(languages.append)
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert languages == ["en"]
    assert Settings().get(LANGUAGE) == "en"
    again = SettingsDialog(desk, qsettings)
    qtbot.addWidget(again)
    assert again.office_form.editors["region_kode"].value() == "33.13"
    assert again.office_form.editors["nama"].value() == "Diskominfo Karanganyar"
    assert again.language.currentData() == "en"
    # a second save updates the same profile, audited
    name = again.office_form.editors["nama"].edit  # type: ignore[attr-defined]
    name.selectAll()
    qtbot.keyClicks(name, "Diskominfo Kabupaten Karanganyar")
    click_dialog_button(qtbot, again, QDialogButtonBox.StandardButton.Save)
    office = desk.office.get()
    assert office is not None and office["nama"] == "Diskominfo Kabupaten Karanganyar"
    assert office["version"] == 2


def test_settings_refuse_an_incomplete_office_profile(qtbot, dialog: SettingsDialog,
                                                      desk: Desk) -> None:
    qtbot.keyClicks(dialog.office_form.editors["nama"].edit,  # type: ignore[attr-defined]
                    "Diskominfo Tanpa Daerah")
    qtbot.keyClicks(dialog.user_name, "Rina")
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentWidget() is dialog.office_form
    assert "Wajib diisi" in dialog.office_form.error_text("region_kode")
    assert desk.office.get() is None
    assert Settings().get(USER_NAME) == ""  # nothing saved at all


def test_settings_report_an_office_profile_changed_meanwhile(
        qtbot, desk: Desk, database_url: str, qsettings: QSettings, monkeypatch) -> None:
    desk.office.save({"region_kode": "35.10", "nama": "Diskominfo Banyuwangi"})
    dialog = SettingsDialog(desk, qsettings)
    qtbot.addWidget(dialog)
    other = Desk.open(database_url, user="lain")
    try:
        office = other.office.get()
        assert office is not None
        other.office.save({"telepon": "(0333) 111"}, expected_version=office["version"])
    finally:
        other.close()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a, **_k: warned.append(text))
    qtbot.keyClicks(dialog.office_form.editors["telepon"].edit,  # type: ignore[attr-defined]
                    "(0333) 222")
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert warned and "diubah oleh pengguna lain" in warned[0]
    assert desk.office.get()["telepon"] == "(0333) 111"  # type: ignore[index]
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_the_office_name_in_the_sidebar_follows_the_settings(
        qtbot, window: MainWindow, desk: Desk) -> None:
    assert window.office_label.text() == "Kantor belum diatur"
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.office_form.editors["region_kode"].set_value("35.10")
    qtbot.keyClicks(dialog.office_form.editors["nama"].edit,  # type: ignore[attr-defined]
                    "Diskominfo Banyuwangi")
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert window.office_label.text() == "Diskominfo Banyuwangi"


def _save_postgres_url(qtbot, dialog: SettingsDialog, url: str,
                       accepted: bool = True) -> None:
    qtbot.mouseClick(dialog.use_pg, LEFT)
    assert dialog.use_pg.isChecked()
    qtbot.keyClicks(dialog.pg_url, url)
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert (dialog.result() == QDialog.DialogCode.Accepted) == accepted


@pytest.fixture
def no_keyring(monkeypatch) -> Iterator[None]:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(secrets, "_session_only", {})
    yield
    keyring.set_keyring(previous)


def test_a_database_password_is_stored_in_the_keyring(
        qtbot, dialog: SettingsDialog, memory_keyring, monkeypatch) -> None:
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _p, _t, text, *_a, **_k: informed.append(text))
    _save_postgres_url(qtbot, dialog, PG_URL)
    assert informed == []  # the keyring took it: nothing to warn about
    assert memory_keyring.secrets == {
        ("diskominfo-desk", "db:desk@db.kantor.local:5432/diskominfo"): PASSWORD}
    # and the password comes back when the saved URL is used
    from desktop.core.database import resolve_database_url

    assert PASSWORD in resolve_database_url(Settings().get(DATABASE))


def test_without_a_keyring_a_password_is_refused_saying_where_to_put_it(
        qtbot, dialog: SettingsDialog, no_keyring: None, monkeypatch) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _p, _t, text, *_a, **_k: warned.append(text))
    before = Settings().get(DATABASE)
    _save_postgres_url(qtbot, dialog, PG_URL, accepted=False)
    assert warned and "tidak tersedia" in warned[0] and ".pgpass" in warned[0]
    assert secrets._session_only == {}  # neither kept for the session nor dropped silently
    assert Settings().get(DATABASE) == before
    assert not settings_path().exists() or PASSWORD not in settings_path().read_text(
        encoding="utf-8")


@pytest.mark.parametrize("url", [
    PG_URL,
    "postgresql://desk@db.kantor.local:5432/diskominfo?password=" + PASSWORD,
])
def test_a_database_password_never_reaches_the_settings_file(
        qtbot, dialog: SettingsDialog, qsettings: QSettings, memory_keyring,
        url: str) -> None:
    # (failed before ba62817: URL.set(password=None) kept the password in settings.ini;
    # a ?password= in the query string was saved as typed until issue 20)
    _save_postgres_url(qtbot, dialog, url)
    qsettings.sync()
    view = Path(qsettings.fileName())
    assert PASSWORD not in (view.read_text(encoding="utf-8") if view.exists() else "")
    assert PASSWORD not in settings_path().read_text(encoding="utf-8")
    assert Settings().get(DATABASE) == "postgresql://desk@db.kantor.local:5432/diskominfo"
    assert memory_keyring.secrets == {
        ("diskominfo-desk", "db:desk@db.kantor.local:5432/diskominfo"): PASSWORD}
    again = SettingsDialog(dialog.desk, qsettings)
    qtbot.addWidget(again)
    assert again.use_pg.isChecked()
    assert PASSWORD not in again.pg_url.text()


def test_the_settings_file_refuses_a_url_with_a_password_in_either_place() -> None:
    settings = Settings()
    for url in (PG_URL, "postgresql://desk@h/db?sslmode=require&password=" + PASSWORD):
        with pytest.raises(DeskError, match="memuat kata sandi"):
            settings.set(DATABASE, url)
    settings.set(DATABASE, "postgresql://desk@h/db?sslmode=require")
    assert Settings().get(DATABASE) != "postgresql://desk@h/db?sslmode=require"  # not saved
    settings.save()
    assert Settings().get(DATABASE) == "postgresql://desk@h/db?sslmode=require"


def test_a_malformed_postgresql_url_is_reported_not_raised(
        qtbot, dialog: SettingsDialog, memory_keyring, monkeypatch) -> None:
    warned: list[str] = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _p, _t, text, *_a, **_k: warned.append(text))
    dialog.use_pg.setChecked(True)
    qtbot.keyClicks(dialog.pg_url, "postgresql://desk:sandi@db.kantor.local:54x2/diskominfo")
    with qtbot.captureExceptions() as raised:
        click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert raised == []
    assert any("tidak dikenali" in text and "sandi" not in text for text in warned), warned
    assert dialog.isVisible()  # still open, to correct the address
    assert "sandi" not in (settings_path().read_text(encoding="utf-8")
                           if settings_path().exists() else "")


def test_test_connection_with_a_bad_location_shows_the_failure(
        qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    qtbot.mouseClick(dialog.use_sqlite, LEFT)
    dialog.sqlite_path.setText(str(tmp_path))  # a folder, not a database file
    button = dialog.findChild(QPushButton, "testConnectionButton")
    assert button is not None
    qtbot.mouseClick(button, LEFT)
    assert dialog.db_result.text().startswith("Gagal:")
    assert "folder" in dialog.db_result.text()


def test_test_connection_to_a_new_sqlite_file_does_not_create_it(
        qtbot, dialog: SettingsDialog, tmp_path: Path) -> None:
    folder = tmp_path / "baru"
    folder.mkdir()
    target = folder / "kantor-baru.db"
    qtbot.mouseClick(dialog.use_sqlite, LEFT)
    dialog.sqlite_path.setText(str(target))
    qtbot.mouseClick(dialog.findChild(QPushButton, "testConnectionButton"), LEFT)
    qtbot.waitUntil(lambda: "belum ada" in dialog.db_result.text(), timeout=5000)
    assert list(folder.iterdir()) == []


def test_test_connection_to_an_unreachable_server_hides_the_password(
        qtbot, window: MainWindow) -> None:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    dialog.use_pg.setChecked(True)
    dialog.pg_url.setText("postgresql://desk:JanganTampil@127.0.0.1:1/diskominfo")
    qtbot.mouseClick(dialog.findChild(QPushButton, "testConnectionButton"), LEFT)
    assert dialog.db_result.text() == "Menghubungi…"  # runs in the background
    qtbot.waitUntil(lambda: dialog.db_result.text().startswith("Gagal:"), timeout=15_000)
    assert "Tidak dapat terhubung" in dialog.db_result.text()
    assert "JanganTampil" not in dialog.db_result.text()
    dialog.reject()


def test_test_connection_to_the_open_database_succeeds(
        qtbot, window: MainWindow, database_url: str) -> None:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    if database_url.startswith("postgresql"):
        dialog.use_pg.setChecked(True)
        dialog.pg_url.setText(database_url)
    else:
        dialog.use_sqlite.setChecked(True)
        dialog.sqlite_path.setText(database_url)
    qtbot.mouseClick(dialog.findChild(QPushButton, "testConnectionButton"), LEFT)
    qtbot.waitUntil(lambda: dialog.db_result.text().startswith("Berhasil"), timeout=15_000)
    dialog.reject()


# ---------------------------------------------------------------------------- welcome
@pytest.fixture
def welcome(qtbot, desk: Desk) -> WelcomeDialog:
    assert needs_welcome(desk)
    dialog = WelcomeDialog(desk, TaskManager())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_welcome_start_without_a_region_shows_an_error_and_saves_nothing(
        qtbot, welcome: WelcomeDialog, desk: Desk) -> None:
    # as tall as its fields and buttons: no blank band above the buttons, no error yet
    assert not welcome.error.isVisible()
    gap = welcome.start_button.y() - (welcome.head.y() + welcome.head.height())
    assert gap < 3 * welcome.head.height(), gap
    qtbot.keyClicks(welcome.name, "Diskominfo Entah Di Mana")
    qtbot.mouseClick(welcome.start_button, LEFT)
    assert "Daerah" in welcome.error.text() and "Wajib diisi" in welcome.error.text()
    qtbot.waitUntil(welcome.error.isVisible)
    # the message shows whole, between the fields and the buttons
    error = welcome.error.geometry()
    assert error.top() > welcome.head.geometry().bottom()
    assert error.bottom() < welcome.start_button.y()
    assert error.height() >= welcome.error.heightForWidth(error.width())
    # the dialog grew for it: no field squeezed below its height
    for field in (welcome.region.combo, welcome.name, welcome.head):
        assert field.height() >= field.sizeHint().height(), field
    assert welcome.isVisible() and welcome.result() != QDialog.DialogCode.Accepted
    assert desk.office.get() is None
    assert needs_welcome(desk)


def test_welcome_with_region_and_name_saves_the_office_profile(
        qtbot, welcome: WelcomeDialog, desk: Desk) -> None:
    line = welcome.region.combo.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "Kabupaten Banyuwangi (35.10)")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert welcome.region.value() == "35.10"
    # the office name is suggested from the region
    assert welcome.name.text() == "Dinas Komunikasi dan Informatika Kabupaten Banyuwangi"
    qtbot.keyClicks(welcome.head, "Budi Santoso")
    qtbot.mouseClick(welcome.start_button, LEFT)
    assert welcome.result() == QDialog.DialogCode.Accepted
    office = desk.office.get()
    assert office is not None
    assert (office["region_kode"], office["nama"], office["kepala_nama"]) == (
        "35.10", "Dinas Komunikasi dan Informatika Kabupaten Banyuwangi", "Budi Santoso")
    assert not needs_welcome(desk)


def test_welcome_keeps_a_name_the_user_typed(qtbot, welcome: WelcomeDialog) -> None:
    qtbot.keyClicks(welcome.name, "Dinas Kominfo dan Statistik")
    welcome.region.set_value("33.13")
    assert welcome.name.text() == "Dinas Kominfo dan Statistik"


def test_welcome_demo_data_fills_the_database(qtbot, welcome: WelcomeDialog,
                                              desk: Desk) -> None:
    qtbot.mouseClick(welcome.demo_button, LEFT)
    assert not welcome.demo_button.isEnabled() and not welcome.start_button.isEnabled()
    qtbot.waitUntil(lambda: welcome.result() == QDialog.DialogCode.Accepted, timeout=30_000)
    welcome.tasks.wait()
    assert welcome.demo_loaded
    assert desk.opd.count() == 25 and desk.datasets.count() == 120
    assert not needs_welcome(desk)


# ---------------------------------------------------------------------------- tasks
@pytest.fixture
def host(qtbot) -> QWidget:
    widget = QWidget()
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _progress_dialog(host: QWidget) -> QProgressDialog | None:
    found = [d for d in host.findChildren(QProgressDialog) if d.isVisible()]
    return found[0] if found else None


def test_a_long_job_shows_a_progress_dialog_late_and_cancel_stops_it(
        qtbot, host: QWidget) -> None:
    tasks = TaskManager()
    steps: list[int] = []
    outcome: list[str] = []
    busy: list[bool] = []
    tasks.busy_changed.connect(busy.append)

    def job(token: CancelToken) -> str:
        for i in range(100):  # ~1 s unless cancelled
            time.sleep(0.01)
            token.progress(i + 1, 100, f"Langkah {i + 1}")
            steps.append(i)
        return "selesai"

    started = time.monotonic()
    task = tasks.run_db(job, on_done=outcome.append,
                        on_error=lambda exc: outcome.append(f"error {exc!r}"),
                        label="Mengolah data…", parent_widget=host, cancellable=True)
    task.signals.cancelled.connect(lambda: outcome.append("cancelled"))
    qtbot.waitUntil(lambda: _progress_dialog(host) is not None, timeout=3000)
    shown_after = time.monotonic() - started
    assert shown_after >= PROGRESS_DELAY_MS / 1000 - 0.05
    assert shown_after < 0.9
    dialog = _progress_dialog(host)
    assert dialog is not None
    assert dialog.windowTitle() == "Mengolah data…"
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=2000)
    assert dialog.maximum() == 100
    assert dialog.labelText().startswith("Langkah")
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
    assert cancel.text() == "Batal"
    qtbot.mouseClick(cancel, LEFT)
    assert tasks.wait(3000)
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=3000)
    assert len(steps) < 95  # it stopped early
    qtbot.waitUntil(lambda: _progress_dialog(host) is None, timeout=2000)
    qtbot.waitUntil(lambda: busy == [True, False], timeout=2000)


def test_a_quick_job_shows_no_progress_dialog(qtbot, host: QWidget) -> None:
    tasks = TaskManager()
    results: list[Any] = []
    tasks.run_db(lambda: time.sleep(0.05) or 42, on_done=results.append, label="Cepat…",
                 parent_widget=host, cancellable=True)
    qtbot.waitUntil(lambda: results == [42], timeout=2000)
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    assert _progress_dialog(host) is None
    assert host.findChildren(QProgressDialog) == []


def test_a_job_that_cannot_be_cancelled_has_no_cancel_button(qtbot, host: QWidget) -> None:
    tasks = TaskManager()
    release = threading.Event()
    tasks.run_db(lambda: release.wait(5), label="Menyimpan…", parent_widget=host)
    qtbot.waitUntil(lambda: _progress_dialog(host) is not None, timeout=3000)
    dialog = _progress_dialog(host)
    assert dialog is not None
    assert [b for b in dialog.findChildren(QPushButton) if b.isVisible()] == []
    release.set()
    assert tasks.wait(3000)
    qtbot.waitUntil(lambda: _progress_dialog(host) is None, timeout=2000)


def test_a_failing_job_reports_to_its_error_handler(qtbot) -> None:
    tasks = TaskManager()
    errors: list[Exception] = []

    def boom() -> None:
        raise RuntimeError("gagal di latar")

    tasks.run_db(boom, on_done=lambda _r: errors.append(AssertionError("done called")),
                 on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=2000)
    assert isinstance(errors[0], RuntimeError) and str(errors[0]) == "gagal di latar"


def test_database_jobs_run_one_at_a_time_in_order(qtbot) -> None:
    tasks = TaskManager()
    running = 0
    overlap: list[int] = []
    order: list[int] = []
    lock = threading.Lock()

    def job(n: int) -> int:
        nonlocal running
        with lock:
            running += 1
            overlap.append(running)
        time.sleep(0.01)
        with lock:
            running -= 1
        return n

    for n in range(8):
        tasks.run_db(functools.partial(job, n), on_done=order.append)
    assert tasks.wait(5000)
    qtbot.waitUntil(lambda: len(order) == 8, timeout=2000)
    assert order == list(range(8))
    assert max(overlap) == 1


def test_a_job_with_a_default_argument_keeps_its_default(qtbot) -> None:
    tasks = TaskManager()
    results: list[Any] = []
    for n in range(2):
        tasks.run_db(lambda n=n: n * 10, on_done=results.append, on_error=results.append)
    assert tasks.wait(3000)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=2000)
    assert results == [0, 10]


def test_saving_shows_busy_in_the_status_bar(qtbot, window: MainWindow) -> None:
    release = threading.Event()
    window.tasks.run_db(lambda: release.wait(5))
    qtbot.waitUntil(lambda: window.busy_label.text() == "Bekerja…", timeout=2000)
    release.set()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.busy_label.text() == "", timeout=2000)


def test_the_number_of_daily_backups_kept_is_a_setting(
        qtbot, dialog: SettingsDialog) -> None:
    from desktop.core.settings import BACKUP_KEEP, Settings

    assert dialog.backup_keep.value() == 7
    dialog.backup_keep.setValue(14)
    click_dialog_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
    assert Settings().get(BACKUP_KEEP) == 14
