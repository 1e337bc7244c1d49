"""The process's one ``Settings``: read once, again only when the file changed.

Why these tests: a dozen places read a setting; they used to parse settings.ini each time,
which is what made a value saved in the Settings dialog (or by the CLI) take effect at
once. The cache must keep that, and must not hand a stale file to the next reader.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from desktop.core import settings as settings_module
from desktop.core.settings import EXPIRY_DAYS, USER_NAME, Settings, current, reload


def test_the_settings_are_read_once_while_the_file_stays_the_same() -> None:
    first = current()
    assert current() is first and first.get(EXPIRY_DAYS) == 90
    editor = Settings()
    editor.set(EXPIRY_DAYS, 30)
    editor.save()
    after_save = current()
    assert after_save is not first and after_save is not editor
    assert after_save.get(EXPIRY_DAYS) == 30
    assert current() is after_save


def test_a_file_written_by_another_program_is_read_again(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.ini"
    monkeypatch.setenv("DISKOMINFO_DESK_CONFIG", str(path))
    assert current().get(USER_NAME) == ""  # no file yet: the defaults
    path.write_text("[desk]\nuser_name = Rina\n", encoding="utf-8")
    assert current().get(USER_NAME) == "Rina"
    path.write_text("[desk]\nuser_name = Budi Santoso\n", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # even with a clock that did not move: the size differs
    assert current().get(USER_NAME) == "Budi Santoso"
    path.unlink()
    assert current().get(USER_NAME) == ""


def test_another_settings_file_is_another_current(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    default = current()
    (tmp_path / "other.ini").write_text("[desk]\nexpiry_days = 14\n", encoding="utf-8")
    monkeypatch.setenv("DISKOMINFO_DESK_CONFIG", str(tmp_path / "other.ini"))
    assert current().get(EXPIRY_DAYS) == 14 and current() is not default
    monkeypatch.delenv("DISKOMINFO_DESK_CONFIG")
    assert current().path == default.path and current().get(EXPIRY_DAYS) == 90


def test_reload_reads_the_file_again_and_readers_on_threads_agree() -> None:
    before = current()
    assert reload() is not before
    seen: list[int] = []
    threads = [threading.Thread(target=lambda: seen.append(current().get(EXPIRY_DAYS)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert seen == [90] * 8


def test_the_cache_never_holds_a_value_set_but_not_saved() -> None:
    """Editing goes through an editor of its own: the dialog's Cancel leaves readers alone."""
    editor = Settings()
    editor.set(EXPIRY_DAYS, 7)  # never saved
    assert current().get(EXPIRY_DAYS) == 90
    assert settings_module.current() is current()
