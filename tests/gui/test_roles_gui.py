"""People and roles in the window, on a real PostgreSQL: the Pengguna page driven with keys
and clicks (each change proven with psycopg), and windows logged in as a pimpinan and as
infrastruktur showing only what their role allows."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import psycopg
import pytest
from pg_logins import logins, plain_url, role_facts, unique_login, url_as
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from desktop.core import people
from desktop.core.desk import Desk
from desktop.ui.people_page import PeoplePage, PersonDialog
from desktop.ui.tasks import TaskManager

from .helpers import answer_next_box, settle


def _connects(url: str) -> bool:
    try:
        psycopg.connect(plain_url(url), connect_timeout=5).close()
    except psycopg.OperationalError:
        return False
    return True


@pytest.fixture
def made(postgres_database: str) -> Iterator[list[str]]:
    with logins(postgres_database) as made_logins:
        yield made_logins


def in_dialog(steps: Callable[[PersonDialog], None]) -> None:
    """Run ``steps`` on the next PersonDialog once it is up (it is modal: exec())."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PersonDialog):
            QTimer.singleShot(10, run)
            return
        steps(dialog)

    QTimer.singleShot(0, run)


def field(dialog: PersonDialog, name: str) -> QLineEdit:
    edit = dialog.findChild(QLineEdit, name)
    assert edit is not None, name
    return edit


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry with the keyboard: Home, then Down until it is shown."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_pengguna_page_adds_changes_resets_and_disables(
        qtbot, postgres_database: str, made: list[str]) -> None:
    login = unique_login("rina")
    made.append(login)
    desk = Desk.open(postgres_database, user="admin")
    tasks = TaskManager()
    page = PeoplePage(desk, tasks)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    settle(qtbot, tasks=tasks)
    assert not page.role_button.isEnabled()  # nothing selected yet
    said: list[str] = []

    def add(dialog: PersonDialog) -> None:
        qtbot.keyClicks(field(dialog, "login"), login)
        qtbot.keyClicks(field(dialog, "nama"), "Rina Kartika")
        choose(qtbot, dialog.findChild(QComboBox, "role"), "Kerja Sama")
        qtbot.keyClicks(field(dialog, "password"), "sandi-rina-1")
        qtbot.keyClicks(field(dialog, "passwordAgain"), "sandi-rina-2")
        assert field(dialog, "password").echoMode() == QLineEdit.EchoMode.Password
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())  # still open: typed differently twice
        assert dialog.isVisible()
        assert field(dialog, "nama").text() == "Rina Kartika"  # nothing lost
        field(dialog, "passwordAgain").clear()
        qtbot.keyClicks(field(dialog, "passwordAgain"), "sandi-rina-1")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    in_dialog(add)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks=tasks)
    assert said == ["Kedua sandi tidak sama."]
    assert role_facts(postgres_database, login) == (True, {"desk_kerjasama"})
    assert page.selected is not None and page.selected.login == login
    row = [p.login for p in page.people].index(login)
    assert [page.table.item(row, c).text() for c in range(4)] == [
        login, "Rina Kartika", "Kerja Sama", "Aktif"]

    def to_infrastructure(dialog: PersonDialog) -> None:
        choose(qtbot, dialog.findChild(QComboBox, "role"), "Infrastruktur")
        qtbot.keyClick(dialog.findChild(QComboBox, "role"), Qt.Key.Key_Return)

    in_dialog(to_infrastructure)
    qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks=tasks)
    assert role_facts(postgres_database, login) == (True, {"desk_infrastruktur"})

    def new_password(dialog: PersonDialog) -> None:
        assert "Rina Kartika" in [label.text() for label in dialog.findChildren(QLabel)]
        qtbot.keyClicks(field(dialog, "password"), "pendek")
        qtbot.keyClicks(field(dialog, "passwordAgain"), "pendek")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        said.append(dialog.error.text())
        for name in ("password", "passwordAgain"):
            field(dialog, name).clear()
            qtbot.keyClicks(field(dialog, name), "sandi-baru-99")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    in_dialog(new_password)
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks=tasks)
    assert said[-1] == "Sandi paling sedikit 8 karakter."
    assert _connects(url_as(postgres_database, login, "sandi-baru-99"))

    assert page.active_button.text().replace("&", "") == "Nonaktifkan"
    answer_next_box("Nonaktifkan")
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks=tasks)
    settle(qtbot, tasks=tasks)
    assert role_facts(postgres_database, login)[0] is False
    assert not _connects(url_as(postgres_database, login, "sandi-baru-99"))
    assert page.selected is not None and not page.selected.aktif
    assert page.active_button.text().replace("&", "") == "Aktifkan"
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    settle(qtbot, tasks=tasks)
    settle(qtbot, tasks=tasks)
    assert role_facts(postgres_database, login)[0] is True
    assert people.get_person(desk, login).aktif
    tasks.wait()
    desk.close()


def test_an_existing_login_is_said_in_the_dialog(
        qtbot, postgres_database: str, made: list[str]) -> None:
    login = unique_login("dobel")
    made.append(login)
    desk = Desk.open(postgres_database)
    people.add_person(desk, login, "Pertama", "pimpinan", "12345678")
    tasks = TaskManager()
    page = PeoplePage(desk, tasks)
    qtbot.addWidget(page)
    said: list[str] = []

    def add(dialog: PersonDialog) -> None:
        qtbot.keyClicks(field(dialog, "login"), login)
        qtbot.keyClicks(field(dialog, "nama"), "Kedua")
        for name in ("password", "passwordAgain"):
            qtbot.keyClicks(field(dialog, name), "12345678")
        qtbot.keyClick(field(dialog, "passwordAgain"), Qt.Key.Key_Return)
        said.append(dialog.error.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    in_dialog(add)
    page.add_person()
    assert said == [f"Login {login} sudah ada di server basis data."]
    assert [p.nama for p in people.list_people(desk) if p.login == login] == ["Pertama"]
    tasks.wait()
    desk.close()



# ------------------------------------------------------------------ the window and the role
@pytest.fixture
def role_desk(postgres_database: str, made: list[str]) -> Callable[[str], Desk]:
    """A Desk logged in as a new login holding ``role`` (made through core/people.py),
    closed at the end."""
    opened: list[Desk] = []

    def open_as(role: str) -> Desk:
        login = unique_login(role[:6])
        made.append(login)
        with Desk.open(postgres_database) as owner:
            people.add_person(owner, login, f"Uji {role}", role, "sandi-uji-123")
        desk = Desk.open(url_as(postgres_database, login, "sandi-uji-123"))
        opened.append(desk)
        return desk

    yield open_as  # type: ignore[misc]
    for desk in opened:
        desk.close()


def test_sync_page_and_pickers_read_nothing_a_pimpinan_may_not(
        qtbot, role_desk: Callable[[str], Desk], postgres_database: str) -> None:
    """The sync tables are the sync roles': the page builds, starts and refreshes without
    asking PostgreSQL (which would refuse); a picker of a kind the role may not read is
    empty instead of refused."""
    from desktop.ui.hub import DataHub
    from desktop.ui.lookups import RecordLookup
    from desktop.ui.sync.page import SyncPage

    desk = role_desk("pimpinan")
    tasks = TaskManager()
    from PySide6.QtCore import QSettings

    page = SyncPage(desk, tasks, DataHub(), QSettings())
    qtbot.addWidget(page)
    assert not page.allowed
    page.start()
    page.refresh_state()
    settle(qtbot, tasks=tasks)
    from PySide6.QtWidgets import QMessageBox

    assert not [box.text() for box in QApplication.topLevelWidgets()
                if isinstance(box, QMessageBox) and box.isVisible()]
    assert not page.pinger.isActive()
    clerk = role_desk("kerjasama")
    assert RecordLookup(clerk, "apps").all() == []
    assert RecordLookup(clerk, "apps").find("a") == []
    with Desk.open(postgres_database) as owner:  # the session's database may hold OPDs
        assert RecordLookup(clerk, "opd").all() == RecordLookup(owner, "opd").all()
    tasks.wait()


def _nav_keys(win) -> list[str]:  # type: ignore[no-untyped-def]
    nav = win.navigation
    return [nav.item(row).data(Qt.ItemDataRole.UserRole) for row in range(nav.count())]


def _no_error_boxes() -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    return [box.text() for box in QApplication.topLevelWidgets()
            if isinstance(box, QMessageBox) and box.isVisible()]


def test_a_pimpinan_window_reads_everything_and_changes_nothing(
        qtbot, role_desk: Callable[[str], Desk], tmp_path) -> None:
    from .helpers import build_window, open_page

    desk = role_desk("pimpinan")
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    assert _nav_keys(win) == ["beranda", "apps", "datasets", "visits", "agreements",
                              "deployments", "opd"]  # no Sinkronisasi, no Pengguna
    page = open_page(qtbot, win, "apps")
    why = "Peran Anda (Pimpinan) tidak boleh mengubah Aplikasi."
    assert not page.save_button.isEnabled() and page.save_button.toolTip() == why
    assert not page.delete_button.isEnabled()
    assert not page.form.isEnabled() and page.form.toolTip() == why
    for name in ("act_new", "act_save", "act_delete", "act_import"):
        action = win.action_table[name]
        assert not action.isEnabled(), name
        assert action.toolTip() == why, name
    for name in ("act_sync", "act_backup", "act_restore"):
        assert not win.action_table[name].isEnabled(), name
        assert win.action_table[name].toolTip() == (
            "Peran Anda (Pimpinan) tidak mengizinkan tindakan ini.")
    assert win.action_table["act_report"].isEnabled()  # pimpinan: reports
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.current_id is None and not page.form.isEnabled()
    win.show_page("beranda")
    settle(qtbot, win)
    assert _no_error_boxes() == []


def test_an_infrastruktur_window_has_no_kerja_sama_page(
        qtbot, role_desk: Callable[[str], Desk], tmp_path) -> None:
    from .helpers import build_window, open_page

    desk = role_desk("infrastruktur")
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    assert _nav_keys(win) == ["beranda", "apps", "deployments", "opd"]
    assert "agreements" not in win.pages and "visits" not in win.pages
    deployments = open_page(qtbot, win, "deployments")
    assert deployments.form.isEnabled() and deployments.save_button.isEnabled()
    assert win.action_table["act_new"].isEnabled()
    apps = open_page(qtbot, win, "apps")
    assert not apps.save_button.isEnabled()
    assert not win.action_table["act_new"].isEnabled()
    # a link to an unreadable kind (the Beranda, a reminder) is not followed
    win.open_filtered("agreements", {"filters": {}})
    assert win.current_key == "apps"
    win.show_page("beranda")
    win.beranda.refresh()
    settle(qtbot, win)
    assert {key for key, tile in win.beranda.tiles.items() if tile.isVisible()} == {
        "deployments_failed", "apps"}
    assert {view.chart.kind for view in win.beranda.chart_views.values()} <= {
        "apps", "deployments"}
    assert _no_error_boxes() == []


def test_an_admin_window_on_postgresql_has_the_pengguna_page(
        qtbot, role_desk: Callable[[str], Desk], tmp_path) -> None:
    from .helpers import build_window

    desk = role_desk("admin")
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    assert _nav_keys(win)[-2:] == ["sync", "people"]
    win.show_page("people")
    settle(qtbot, win)
    assert win.stack.currentWidget() is win.people_page
    logins = [p.login for p in win.people_page.people]
    assert desk.db.engine.url.username in logins  # the admin sees themself listed
