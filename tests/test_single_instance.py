"""One window per user and database; the Windows mutex the installer looks for.

The window's second start is a real subprocess (``python -m desktop``, offscreen Qt); the
first is either this test process (a real ``InstanceGuard`` and a real widget, driven by
pytest-qt) or another subprocess. The mutex is Windows-only: its calls are checked through
a stand-in ``windll`` that records them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.core import single_instance as core
from desktop.core.desk import Desk

ROOT = Path(__file__).resolve().parents[1]
NSIS_SCRIPT = ROOT / "installers" / "windows" / "diskominfo-desk.nsi"
SHOWN = "main window shown at"


# ------------------------------------------------------------------ Windows mutex
class _Func:
    def __init__(self, log: list[tuple[str, tuple[Any, ...]]], name: str, result: Any) -> None:
        self.log, self.name, self.result, self.restype = log, name, result, None

    def __call__(self, *args: Any) -> Any:
        self.log.append((self.name, args))
        return self.result


class FakeWindll:
    """Records kernel32/user32 calls the way ctypes.windll would receive them."""

    def __init__(self, handle: int = 0x1234) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.kernel32 = type("K", (), {})()
        self.kernel32.CreateMutexW = _Func(self.calls, "CreateMutexW", handle)
        self.kernel32.CloseHandle = _Func(self.calls, "CloseHandle", 1)
        self.user32 = type("U", (), {})()
        self.user32.AllowSetForegroundWindow = _Func(self.calls, "AllowSetForegroundWindow", 1)


def test_the_window_holds_the_named_mutex_and_releases_it_on_exit(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USERNAME", "budi.santoso")
    windll = FakeWindll(handle=0x1234)
    held = core.hold_program_mutex(windll)
    try:
        assert held.handle == 0x1234  # kept for the life of the window
        name = "Local\\DiskominfoDesk-budi.santoso"
        assert windll.calls == [("CreateMutexW", (None, False, name))]
        core.hold_program_mutex(windll)  # asked again: the same handle, no second mutex
        assert len(windll.calls) == 1
    finally:
        core.release_program_mutex()
    assert windll.calls[-1] == ("CloseHandle", (0x1234,))
    assert held.handle is None


def test_a_mutex_windows_refuses_leaves_nothing_to_release() -> None:
    windll = FakeWindll(handle=0)  # CreateMutexW failed (NULL)
    mutex = core.ProgramMutex(windll)
    assert mutex.acquire() is False
    mutex.release()
    assert [name for name, _ in windll.calls] == ["CreateMutexW"]


def test_no_mutex_off_windows() -> None:
    if sys.platform == "win32":
        pytest.skip("the real mutex is used on Windows")
    assert core.ProgramMutex().acquire() is False


def test_a_second_start_lets_the_running_window_take_the_foreground() -> None:
    windll = FakeWindll()
    core.allow_foreground_for_others(windll)
    assert windll.calls == [("AllowSetForegroundWindow", (-1,))]


def test_the_installer_looks_for_the_same_mutex_name() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8")
    match = re.search(r'!define MUTEX_PREFIX "([^"]+)"', script)
    assert match, "the NSIS script defines MUTEX_PREFIX"
    assert match.group(1) == core.MUTEX_PREFIX
    assert "ReadEnvStr" in script and "USERNAME" in script  # the same user part


# ------------------------------------------------------------------------ the key
def test_one_key_per_user_and_database(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert core.instance_key(str(a), user="budi") == core.instance_key(str(a), user="budi")
    assert core.instance_key(str(a), user="budi") != core.instance_key(str(b), user="budi")
    assert core.instance_key(str(a), user="budi") != core.instance_key(str(a), user="sari")
    # the same file named another way is the same window
    assert core.instance_key(str(tmp_path / "x" / ".." / "a.sqlite3"), user="budi") == \
        core.instance_key(str(a), user="budi")


def test_the_default_database_is_the_same_window_as_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.paths import default_database_path

    monkeypatch.delenv("DISKOMINFO_DESK_DATABASE", raising=False)
    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))
    assert core.instance_key(None) == core.instance_key(str(default_database_path()))


def test_a_postgresql_key_carries_no_password() -> None:
    with_pw = core.database_identity("postgresql://desk:rahasia@db.local:5432/register")
    assert "rahasia" not in with_pw
    assert with_pw == core.database_identity("postgresql://desk@db.local:5432/register")


# -------------------------------------------------------- second start, for real
@pytest.fixture
def database(tmp_path: Path) -> Path:
    """A register with one OPD: the window opens straight away (no welcome dialog)."""
    path = tmp_path / "kantor.sqlite3"
    desk = Desk.open(str(path))
    desk.opd.create({"kode": "1", "nama": "Diskominfo", "jenis": "dinas"})
    desk.close()
    return path


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QT_QPA_PLATFORM": "offscreen", "DISKOMINFO_DESK_PORTABLE_DIR": str(tmp_path),
                "DISKOMINFO_DESK_LANG": "id", "PYTHONPATH": str(ROOT)})
    env.pop("DISKOMINFO_DESK_DATABASE", None)
    env.update(extra)
    return env


def _start(database: Path, tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "desktop", "--database", str(database),
                             *args], env=_env(tmp_path, **env), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_start_raises_the_running_window_and_exits_0(
        qtbot: Any, database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.single_instance import Claim, InstanceGuard, bring_to_front

    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    guard = InstanceGuard(core.instance_key(str(database)))
    try:
        assert guard.claim() is Claim.FIRST
        asked: list[bool] = []
        guard.activation_requested.connect(lambda: (asked.append(True), bring_to_front(window)))
        # the second start, as the user's shortcut would: asked to quit once shown,
        # it would print SHOWN had it opened a window of its own
        second = _start(database, tmp_path, DISKOMINFO_DESK_EXIT_AFTER_SHOWN="1")
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert SHOWN not in out
        qtbot.waitUntil(lambda: asked == [True], timeout=5_000)
        assert not window.isMinimized()
        assert window.isVisible()
    finally:
        guard.release()


def test_a_second_start_before_the_first_listens_waits_and_is_answered(
        qtbot: Any, database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window takes the lock before its first paint and listens only after it (no
    QtNetwork on the way to the paint): a second start in between must neither open a
    window of its own nor give up, but be answered once the first listens."""
    from desktop.ui.single_instance import Claim, InstanceGuard

    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))
    guard = InstanceGuard(core.instance_key(str(database)))
    try:
        assert guard.claim(listen=False) is Claim.FIRST
        assert guard.server is None  # locked, not listening yet
        asked: list[bool] = []
        guard.activation_requested.connect(lambda: asked.append(True))
        second = _start(database, tmp_path, DISKOMINFO_DESK_EXIT_AFTER_SHOWN="1")
        qtbot.wait(1500)  # the second start is up and knocking by now
        assert second.poll() is None  # still waiting for an answer
        guard.listen()
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert SHOWN not in out
        qtbot.waitUntil(lambda: asked == [True], timeout=5_000)
    finally:
        guard.release()


def test_the_cli_runs_beside_the_window(
        qtbot: Any, database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui.single_instance import Claim, InstanceGuard

    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path))
    guard = InstanceGuard(core.instance_key(str(database)))
    try:
        assert guard.claim() is Claim.FIRST
        cli = _start(database, tmp_path, "list", "opd", "--json")
        qtbot.waitUntil(lambda: cli.poll() is not None, timeout=30_000)
        out, err = cli.communicate()
        assert cli.returncode == 0, err
        assert '"nama": "Diskominfo"' in out
    finally:
        guard.release()


def _wait_for_lock(database: Path, tmp_path: Path, proc: subprocess.Popen[str]) -> None:
    """Until the first window holds its lock (and so listens), or it died."""
    lock = core.instance_dir() / f"{_key_in(tmp_path, database)}.lock"
    deadline = time.monotonic() + 30
    while not lock.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the first window never took its lock"
        time.sleep(0.1)
    time.sleep(0.3)  # lock taken, listen() is the next call


def _key_in(tmp_path: Path, database: Path) -> str:
    saved = os.environ.get("DISKOMINFO_DESK_PORTABLE_DIR")
    os.environ["DISKOMINFO_DESK_PORTABLE_DIR"] = str(tmp_path)
    try:
        return core.instance_key(str(database))
    finally:
        if saved is None:
            os.environ.pop("DISKOMINFO_DESK_PORTABLE_DIR", None)
        else:
            os.environ["DISKOMINFO_DESK_PORTABLE_DIR"] = saved


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 of the first window")
def test_two_real_starts_then_a_crash_leaves_nothing_blocking(
        database: Path, tmp_path: Path) -> None:
    first = _start(database, tmp_path)
    try:
        _wait_for_lock(database, tmp_path, first)
        second = _start(database, tmp_path, DISKOMINFO_DESK_EXIT_AFTER_SHOWN="1")
        out, err = second.communicate(timeout=30)
        assert second.returncode == 0, err
        assert SHOWN not in out  # no second window on the same database
        assert first.poll() is None  # the first one still runs
        # another database is another window
        other = tmp_path / "lain.sqlite3"
        Desk.open(str(other)).close()
        desk = Desk.open(str(other))
        desk.opd.create({"kode": "2", "nama": "Bappeda", "jenis": "badan"})
        desk.close()
        third = _start(other, tmp_path, DISKOMINFO_DESK_EXIT_AFTER_SHOWN="1")
        out, err = third.communicate(timeout=60)
        assert third.returncode == 0, err
        assert SHOWN in out
    finally:
        first.kill()  # a crash: the lock file and the socket stay behind
        first.communicate()
    # the dead window's lock and socket do not keep the next start from opening
    again = _start(database, tmp_path, DISKOMINFO_DESK_EXIT_AFTER_SHOWN="1")
    out, err = again.communicate(timeout=60)
    assert again.returncode == 0, err
    assert SHOWN in out


def test_a_window_that_holds_the_lock_but_does_not_answer_is_reported(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first window stuck before it listens: the second start must not open a second
    window on the same database; it says so instead (claim_window shows the message)."""
    from PySide6.QtCore import QLockFile

    from desktop.ui import single_instance as ui

    monkeypatch.setattr(ui, "CONNECT_WAIT_S", 0.5)
    key = core.instance_key(str(tmp_path / "macet.sqlite3"))
    held = QLockFile(str(core.instance_dir() / f"{key}.lock"))
    held.setStaleLockTime(0)
    assert held.tryLock(0)  # alive (this process), never listening
    try:
        guard = ui.InstanceGuard(key)
        assert guard.claim() is ui.Claim.NOT_ANSWERING
        assert guard.server is None and not guard.lock.isLocked()
    finally:
        held.unlock()
    again = ui.InstanceGuard(key)
    try:
        assert again.claim() is ui.Claim.FIRST  # lock freed: the next start opens
    finally:
        again.release()
