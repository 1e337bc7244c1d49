"""Pengaturan → Basis data: which database the next start opens (an SQLite file here or a
shared PostgreSQL server), what is open now and why, and "Uji koneksi".

Testing never creates a database file: it says where a new one would be. The chosen
address is checked and its password moved to the OS keyring (``checked_database``)
before anything is saved.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import DeskError
from desktop.core.paths import default_database_path

translate = QCoreApplication.translate


class DatabaseTab(QWidget):
    def __init__(self, db_url: str, setting: str, tasks: Any = None,
                 parent: QWidget | None = None) -> None:
        """``db_url``: the database open now; ``setting``: the settings file's choice;
        ``tasks``: the window's task manager, so the test runs off the GUI thread (None:
        run in place)."""
        super().__init__(parent)
        self.tasks = tasks
        layout = QVBoxLayout(self)
        self.db_in_use = QLabel(self._in_use_text(db_url), self)
        self.db_in_use.setObjectName("databaseInUse")
        self.db_in_use.setWordWrap(True)
        self.db_in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.db_in_use)
        self.use_sqlite = QRadioButton(
            translate("SettingsDialog", "Berkas SQLite di komputer ini"), self)
        self.use_pg = QRadioButton(translate(
            "SettingsDialog", "Server PostgreSQL bersama (beberapa komputer)"), self)
        group = QButtonGroup(self)
        group.addButton(self.use_sqlite)
        group.addButton(self.use_pg)
        self.sqlite_path = QLineEdit(self)
        self.sqlite_path.setObjectName("sqlitePathEdit")
        self.sqlite_path.setPlaceholderText(str(default_database_path()))
        browse = QPushButton(translate("SettingsDialog", "Pilih…"), self)
        browse.clicked.connect(self._browse)
        self.pg_url = QLineEdit(self)
        self.pg_url.setObjectName("postgresUrlEdit")
        self.pg_url.setPlaceholderText("postgresql://pengguna:sandi@server:5432/diskominfo")
        test = QPushButton(translate("SettingsDialog", "&Uji koneksi"), self)
        test.setObjectName("testConnectionButton")
        test.clicked.connect(self.test_connection)
        self.db_result = QLabel(self)
        self.db_result.setObjectName("connectionResult")
        self.db_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.sqlite_path, 1)
        row.addWidget(browse)
        layout.addWidget(self.use_sqlite)
        layout.addLayout(row)
        layout.addWidget(self.use_pg)
        layout.addWidget(self.pg_url)
        layout.addWidget(QLabel(translate(
            "SettingsDialog", "Kata sandi disimpan di brankas kunci sistem operasi, tidak di "
                              "berkas pengaturan."), self))
        layout.addWidget(test)
        layout.addWidget(self.db_result)
        layout.addWidget(QLabel(translate(
            "SettingsDialog", "Perubahan basis data berlaku saat aplikasi dibuka kembali."),
            self))
        layout.addStretch(1)
        if setting.startswith("postgres"):
            self.use_pg.setChecked(True)
            self.pg_url.setText(setting)
        else:
            self.use_sqlite.setChecked(True)
            self.sqlite_path.setText(setting)

    def _browse(self) -> None:
        # the file named (or the default one's folder): choosing a database is about that
        # file, not about the last export folder
        path, _ = QFileDialog.getSaveFileName(
            self, translate("SettingsDialog", "Berkas basis data"),
            self.sqlite_path.text() or str(default_database_path()),
            translate("SettingsDialog", "SQLite (*.sqlite3 *.db)"))
        if path:
            self.sqlite_path.setText(path)

    @staticmethod
    def _in_use_text(db_url: str) -> str:
        """The database open now and what chose it; when that is not the settings file's
        choice, that the fields below are the setting, used on a start without it."""
        from desktop.core.database_choice import ARGUMENT, in_use, source_text

        current = in_use(db_url)
        text = (translate("SettingsDialog", "Dipakai sekarang: {location} ({source})")
                .replace("{location}", current.location)
                .replace("{source}", source_text(current.source)))
        if current.overridden:
            text += "\n" + (translate(
                "SettingsDialog",
                "Pilihan di bawah disimpan di pengaturan dan dipakai saat aplikasi dibuka "
                "tanpa {override}.").replace(
                "{override}", "--database" if current.source == ARGUMENT
                else "DISKOMINFO_DESK_DATABASE"))
        return text

    def chosen_database(self) -> str:
        return self.pg_url.text().strip() if self.use_pg.isChecked() else \
            self.sqlite_path.text().strip()

    def checked_database(self) -> str:
        """The choice to save: a PostgreSQL address checked and its password moved to the
        keyring. Raises DeskError (a bad address, no keyring) with nothing saved."""
        database = self.chosen_database()
        if database.startswith("postgres"):
            from desktop.core.database import parse_database_url
            from desktop.core.secrets import split_database_password

            parse_database_url(database)
            database = split_database_password(database)
        return database

    def test_connection(self) -> None:
        from desktop.core.database import open_database

        target = self.chosen_database() or str(default_database_path())
        self.db_result.setText(translate("SettingsDialog", "Menghubungi…"))

        def job() -> str:
            if "://" not in target and not Path(target).expanduser().exists():
                # Testing must not create the file; saying where it will be is enough.
                folder = Path(target).expanduser().parent
                if folder.is_dir() and not os.access(folder, os.W_OK):
                    raise DeskError(translate("SettingsDialog",
                                              "Folder tidak dapat ditulisi: {path}")
                                    .replace("{path}", str(folder)))
                return translate("SettingsDialog", "{path} belum ada; berkas baru dibuat saat "
                                 "aplikasi dimulai ulang.").replace("{path}", target)
            db = open_database(target, upgrade=False)
            shown = db.display_url
            db.dispose()
            return translate("SettingsDialog", "Berhasil terhubung: {url}").replace(
                "{url}", shown)

        if self.tasks is None:
            try:
                self._tested(job())
            except Exception as exc:
                self._test_failed(exc)
            return
        self.tasks.run_net(job, on_done=self._tested, on_error=self._test_failed)

    def _tested(self, message: str) -> None:
        self.db_result.setText(message)

    def _test_failed(self, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DeskError) else str(exc)
        self.db_result.setText(translate("SettingsDialog", "Gagal: {message}")
                               .replace("{message}", message))
