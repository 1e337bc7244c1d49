"""Fixtures for the GUI tests: real windows over real databases, driven with pytest-qt.

* ``window`` / ``demo_window``: a MainWindow over an empty / a demo-filled database, on
  SQLite and on PostgreSQL (the demo database is filled once per session and copied:
  a file copy for SQLite, ``CREATE DATABASE ... TEMPLATE`` for PostgreSQL).
* A watchdog closes any modal dialog left blocking (``exec()``) for more than a few
  seconds and fails the test, so a forgotten message box never hangs the suite.
* ``memory_keyring``: an in-memory keyring backend, so secrets can be inspected.
* The pages a window builds while the user is idle (``window_start.IDLE_BUILD_MS``) are
  built here only when a test opens them: six pages of ~80 ms each, built during every
  test's waits, were a third of a typical window test. ``tests/test_gui_window.py``
  (outside this folder) tests the idle building itself.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from ckan_server.fixtures import ckan_server, ckan_world  # noqa: F401  (the test catalog)
from conftest import opened_desk
from keyring.backend import KeyringBackend
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.core.desk import Desk
from desktop.ui import window_start
from desktop.ui.main_window import MainWindow

from .helpers import build_window

MODAL_PATIENCE_S = 4.0


# ---------------------------------------------------------------------------- keyring
class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict (what the tests inspect)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# ---------------------------------------------------------------------------- watchdog
class ModalWatchdog:
    """Rejects a modal dialog that stays up too long (a nested exec() nobody answers)."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}
        self.closed: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            self.seen.clear()
            return
        first = self.seen.setdefault(id(modal), time.monotonic())
        if time.monotonic() - first < MODAL_PATIENCE_S:
            return
        text = modal.text() if isinstance(modal, QMessageBox) else modal.windowTitle()
        if isinstance(modal, QMessageBox) and modal.detailedText():
            text += "\n" + modal.detailedText()  # an unexpected error's traceback
        self.closed.append(f"{type(modal).__name__} {modal.objectName()!r}: {text}")
        self.seen.pop(id(modal), None)
        if isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()


@pytest.fixture(autouse=True)
def modal_watchdog(qapp) -> Iterator[ModalWatchdog]:
    dog = ModalWatchdog()
    yield dog
    dog.timer.stop()
    assert not dog.closed, f"a modal dialog was left blocking: {dog.closed}"


@pytest.fixture(autouse=True)
def _pages_built_when_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_start, "IDLE_BUILD_MS", 3_600_000)


@pytest.fixture
def window(qtbot, desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    win = build_window(qtbot, desk, tmp_path / "view.ini")
    yield win
    win.tasks.wait()


# ---------------------------------------------------------------------------- demo data
# ``demo_url`` (a fresh copy of the demo register, of each engine) is tests/conftest.py's
@pytest.fixture
def demo_desk(demo_url: str) -> Iterator[Desk]:
    yield from opened_desk(demo_url)


@pytest.fixture
def demo_window(qtbot, demo_desk: Desk, tmp_path: Path) -> Iterator[MainWindow]:
    win = build_window(qtbot, demo_desk, tmp_path / "view.ini")
    yield win
    win.tasks.wait()

