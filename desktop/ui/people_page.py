"""The Pengguna page: the office's people on a shared PostgreSQL database (admin only).

A list (login, name, role, active) and four buttons: Tambah, Ubah peran, Atur ulang
sandi, Nonaktifkan/Aktifkan. Everything is done by ``desktop.core.people`` (the same
core as ``diskominfo-desk user``); the window only asks. A dialog checks what was typed
(and runs the change) before it closes: a refused login name or a password typed
differently twice is said inside the dialog, and nothing typed is lost. Passwords are
typed hidden, twice, and never kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import people
from desktop.core.desk import Desk
from desktop.core.errors import DeskError, ValidationError
from desktop.core.roles import ROLES, role_label
from desktop.ui import ask
from desktop.ui.tasks import TaskManager

Submit = Callable[[], Any]


class PersonDialog(QDialog):
    """A small form whose OK runs ``submit`` and closes only when it succeeded."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("personDialog")
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("personError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: palette(bright-text); font-weight: 600;")
        self.error.hide()
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(self.tr("Simpan"),
                                         QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.submit: Submit | None = None
        self.result_value: Any = None
        self.setMinimumWidth(420)

    def add_password_rows(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(self), QLineEdit(self)
        for edit, name in ((first, "password"), (second, "passwordAgain")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.form.addRow(self.tr("Sandi"), first)
        self.form.addRow(self.tr("Ulangi sandi"), second)
        return first, second

    def role_combo(self, current: str | None = None) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("role")
        for role in ROLES:
            combo.addItem(role_label(role), role)
        if current in ROLES:
            combo.setCurrentIndex(ROLES.index(current))
        return combo

    def say(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def check_passwords(self, first: QLineEdit, second: QLineEdit) -> str:
        if first.text() != second.text():
            raise DeskError(self.tr("Kedua sandi tidak sama."))
        return people.check_password(first.text())

    def accept(self) -> None:
        """Run the change; on a refusal say why here and keep everything typed."""
        if self.submit is None:
            super().accept()
            return
        try:
            self.result_value = self.submit()
        except ValidationError as exc:
            self.say(" ".join(m for messages in exc.errors.values() for m in messages))
            return
        except DeskError as exc:
            self.say(exc.message)
            return
        super().accept()


class PeoplePage(QWidget):
    """The people of the office; see the module's docstring."""

    COLUMNS = ("login", "nama", "peran", "status")

    def __init__(self, desk: Desk, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        self.desk = desk
        self.tasks = tasks
        self.people: list[people.Person] = []
        title = QLabel(self.tr("Pengguna"), self)
        title.setObjectName("pageTitle")
        note = QLabel(self.tr(
            "Setiap orang masuk dengan login PostgreSQL-nya sendiri; perannya menentukan apa "
            "yang boleh dibaca dan diubah, dan basis data sendiri yang menegakkannya."), self)
        note.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setObjectName("peopleTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Login"), self.tr("Nama"), self.tr("Peran"), self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.change_role())
        self.add_button = self._button(self.tr("&Tambah…"), "addPerson", self.add_person)
        self.role_button = self._button(self.tr("Ubah &peran…"), "changeRole", self.change_role)
        self.password_button = self._button(self.tr("Atur ulang &sandi…"), "resetPassword",
                                            self.reset_password)
        self.active_button = self._button(self.tr("&Nonaktifkan"), "toggleActive",
                                          self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.password_button,
                       self.active_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ------------------------------------------------------------------ the list
    def refresh(self, select: str | None = None) -> None:
        keep = select or (self.selected.login if self.selected else None)
        self.tasks.run_db(lambda: people.list_people(self.desk),
                          on_done=lambda found: self._show(found, keep))

    def _show(self, found: list[people.Person], select: str | None) -> None:
        self.people = list(found)
        self.table.setRowCount(len(self.people))
        for row, person in enumerate(self.people):
            state = self.tr("Aktif") if person.aktif else self.tr("Nonaktif")
            for column, value in enumerate((person.login, person.nama, person.role_label,
                                            state)):
                item = QTableWidgetItem(value)
                if not person.aktif:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)  # plus room, so a login does not touch its name
        self.table.setColumnWidth(0, self.table.columnWidth(0) + 16)
        logins = [p.login for p in self.people]
        if select in logins:
            self.table.selectRow(logins.index(select))
        self._update_buttons()

    @property
    def selected(self) -> people.Person | None:
        rows = self.table.selectionModel().selectedRows()
        return self.people[rows[0].row()] if rows and rows[0].row() < len(self.people) else None

    def _update_buttons(self) -> None:
        person = self.selected
        for button in (self.role_button, self.password_button, self.active_button):
            button.setEnabled(person is not None)
        self.active_button.setText(self.tr("&Aktifkan") if person is not None
                                   and not person.aktif else self.tr("&Nonaktifkan"))

    # ------------------------------------------------------------------ actions
    def add_person(self) -> None:
        dialog = PersonDialog(self.tr("Tambah pengguna"), self)
        login, name = QLineEdit(dialog), QLineEdit(dialog)
        login.setObjectName("login")
        name.setObjectName("nama")
        login.setPlaceholderText(self.tr("huruf kecil, angka, garis bawah"))
        role = dialog.role_combo("pimpinan")
        dialog.form.addRow(self.tr("Login"), login)
        dialog.form.addRow(self.tr("Nama"), name)
        dialog.form.addRow(self.tr("Peran"), role)
        first, second = dialog.add_password_rows()

        def submit() -> people.Person:
            checked = people.check_login(login.text()), people.check_name(name.text())
            password = dialog.check_passwords(first, second)
            return people.add_person(self.desk, *checked, role.currentData(), password)

        self._run(dialog, submit)

    def change_role(self) -> None:
        person = self.selected
        if person is None:
            return
        dialog = PersonDialog(self.tr("Ubah peran {login}").replace("{login}", person.login),
                              self)
        dialog.form.addRow(self.tr("Nama"), QLabel(person.nama, dialog))
        role = dialog.role_combo(person.role)
        dialog.form.addRow(self.tr("Peran"), role)
        self._run(dialog, lambda: people.set_role(self.desk, person.login, role.currentData()))

    def reset_password(self) -> None:
        person = self.selected
        if person is None:
            return
        dialog = PersonDialog(self.tr("Atur ulang sandi {login}")
                              .replace("{login}", person.login), self)
        dialog.form.addRow(self.tr("Nama"), QLabel(person.nama, dialog))
        first, second = dialog.add_password_rows()

        def submit() -> None:
            people.reset_password(self.desk, person.login, dialog.check_passwords(first, second))

        if self._run(dialog, submit):
            self._status(self.tr("Sandi {login} diatur ulang.").replace("{login}", person.login))

    def toggle_active(self) -> None:
        person = self.selected
        if person is None:
            return
        if person.aktif:
            if not ask.confirm(self, self.tr("Nonaktifkan login"), self.tr(
                    "Nonaktifkan {login} ({name})? Ia tidak dapat masuk lagi dan sesinya yang "
                    "terbuka diakhiri. Catatannya tetap ada.").replace("{login}", person.login)
                    .replace("{name}", person.nama), self.tr("Nonaktifkan"),
                    name="disableBox"):
                return
            job = lambda: people.disable(self.desk, person.login)  # noqa: E731
        else:
            job = lambda: people.enable(self.desk, person.login)  # noqa: E731
        self.tasks.run_db(job, on_done=lambda p: self.refresh(select=p.login))

    def _run(self, dialog: PersonDialog, submit: Submit) -> bool:
        dialog.submit = submit
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        done = dialog.result_value
        self.refresh(select=done.login if isinstance(done, people.Person) else None)
        return True

    def _status(self, text: str) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, 6000)


__all__ = ["PeoplePage", "PersonDialog"]
