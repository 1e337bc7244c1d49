"""Draft recovery: unsaved edits are kept in recovery files and offered back after a crash.

The first test kills the real window (SIGKILL, no clean-up) after it typed a new KB and
a visit's peserta, starts it again and restores both with the recovery dialog
(``draft_crash_script.py`` does the typing and the clicking in each process). The others
drive the window in-process: when files are written, and that saving, reverting,
discarding and the dialog's "Buang" remove them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.core.desk import Desk
from desktop.core.drafts import Draft, DraftStore
from desktop.ui import draft_recovery
from desktop.ui.main_window import MainWindow
from desktop.ui.record.page import RecordPage

from .helpers import answer_next_box, open_page, settle, wait_loaded

SCRIPT = Path(__file__).with_name("draft_crash_script.py")
LEFT = Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------------- kill
def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISKOMINFO_DESK_")}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    for var in ("DATA", "CONFIG", "STATE", "CACHE"):
        env[f"XDG_{var}_HOME"] = str(tmp_path / "home" / var.lower())
    return env


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_window_killed_mid_edit_offers_the_typing_back_on_restart(
        tmp_path: Path, database_url: str) -> None:
    env = _env(tmp_path)
    database = database_url  # an empty register, SQLite or PostgreSQL
    typing = subprocess.Popen([sys.executable, "-X", "faulthandler", str(SCRIPT), "type",
                               database], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert typing.stdout is not None
        line = typing.stdout.readline()  # printed once both autosaves are on disk
        deadline = time.monotonic() + 90
        while not line and typing.poll() is None and time.monotonic() < deadline:
            line = typing.stdout.readline()
        assert line, f"no READY line; stderr: {typing.stderr.read() if typing.stderr else ''}"
        ready = json.loads(line)
        assert ready["ready"]
        os.kill(typing.pid, signal.SIGKILL)  # a crash or a power cut: nothing runs after
        assert typing.wait(timeout=30) == -signal.SIGKILL
    finally:
        if typing.poll() is None:
            typing.kill()
            typing.wait()
    folder = tmp_path / "home" / "data" / "diskominfo-desk" / "drafts"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{key}.draft.json" for key in (ready["kb_key"], ready["visit_key"]))

    restart = subprocess.run([sys.executable, "-X", "faulthandler", str(SCRIPT), "restore",
                              database], env=env, capture_output=True, text=True,
                             timeout=120)
    assert restart.returncode == 0, restart.stderr[-3000:]
    result = json.loads(restart.stdout.strip().splitlines()[-1])
    offered = result["offered"]
    assert [row[:2] for row in offered] == [
        ["Kunjungan", "Dinas Kominfo Kota Contoh"],
        ["Kerja Sama (baru)", "Kesepakatan Bersama tentang Pemulihan Draf Ketikan"]]
    assert all(row[2] for row in offered)  # when it was typed
    kb = result["kb"]
    assert kb["judul"] == "Kesepakatan Bersama tentang Pemulihan Draf Ketikan"
    assert kb["first_ayat"] == ("Para Pihak sepakat bahwa ketikan yang belum disimpan tidak "
                                "boleh hilang")
    assert kb["dirty"] and kb["title"].endswith("(dipulihkan)")
    visit = result["visit"]
    assert visit["id"] == ready["visit_id"] and visit["dirty"]
    assert [p["nama"] for p in visit["peserta"]] == ["Drs. Pemulih Ketikan, M.Si."]
    # restored drafts stay on disk until saved or discarded; a save removes its own
    assert result["drafts_after_restore"] == sorted([ready["kb_key"], ready["visit_key"]])
    assert result["saved_peserta"] == ["Drs. Pemulih Ketikan, M.Si."]
    assert result["drafts_after_save"] == [ready["kb_key"]]
    assert result["drafts_after_close"] == []  # the KB was discarded on closing


# ---------------------------------------------------------------------------- in-process
@pytest.fixture
def quick_drafts(monkeypatch: pytest.MonkeyPatch) -> DraftStore:
    monkeypatch.setattr(draft_recovery, "DRAFT_DELAY_MS", 50)
    return DraftStore()


def _type(qtbot, page: RecordPage, name: str, text: str) -> None:
    edit = page.form.editors[name].focusProxy()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, text)


def _opd(qtbot, window: MainWindow) -> tuple[RecordPage, dict]:
    record = window.desk.opd.create({"kode": "OPD-7", "nama": "Dinas Pemulihan"})
    page = open_page(qtbot, window, "opd")
    page.open_record(record["id"])
    wait_loaded(qtbot, page, record["id"])
    return page, record


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def _keys(store: DraftStore) -> list[str]:
    return [d.key for d in store.list()]


def test_typing_writes_a_draft_shortly_after_and_saving_removes_it(
        qtbot, window: MainWindow, quick_drafts: DraftStore) -> None:
    page, record = _opd(qtbot, window)
    assert _keys(quick_drafts) == []
    with qtbot.waitSignal(page.drafts.written, timeout=3000):
        _type(qtbot, page, "nama", " Kota")
    [draft] = quick_drafts.list(window.desk.db.display_url)
    assert (draft.kind, draft.record_id, draft.version) == ("opd", record["id"],
                                                            record["version"])
    assert draft.values["nama"] == "Dinas Pemulihan Kota"
    assert draft.title == "Dinas Pemulihan Kota"
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    settle(qtbot, window)
    assert window.desk.opd.get(record["id"])["nama"] == "Dinas Pemulihan Kota"
    qtbot.wait(150)  # a pending autosave must not bring it back
    assert _keys(quick_drafts) == []


def test_reverting_removes_the_draft(qtbot, window: MainWindow,
                                     quick_drafts: DraftStore) -> None:
    page, _record = _opd(qtbot, window)
    with qtbot.waitSignal(page.drafts.written, timeout=3000):
        _type(qtbot, page, "nama", " X")
    qtbot.mouseClick(page.revert_button, LEFT)
    qtbot.wait(150)
    assert _keys(quick_drafts) == []
    assert page.form.editors["nama"].value() == "Dinas Pemulihan"


def test_discarding_when_leaving_removes_the_draft_of_a_new_record(
        qtbot, window: MainWindow, quick_drafts: DraftStore) -> None:
    page = open_page(qtbot, window, "opd")
    with qtbot.waitSignal(page.drafts.written, timeout=3000):
        _type(qtbot, page, "nama", "Badan Baru")
    [draft] = quick_drafts.list()
    assert draft.is_new and draft.key.startswith("opd-new-")
    answer_next_box("Buang perubahan")
    assert page.new_record(ask=True)
    qtbot.wait(150)
    assert _keys(quick_drafts) == []


def test_an_unchanged_form_writes_nothing(qtbot, window: MainWindow,
                                          quick_drafts: DraftStore) -> None:
    page, _record = _opd(qtbot, window)
    _type(qtbot, page, "nama", "x")
    qtbot.keyClick(page.form.editors["nama"].focusProxy(), Qt.Key.Key_Backspace)
    qtbot.wait(200)
    assert _keys(quick_drafts) == []


def test_the_dialog_restores_into_the_form_and_buang_deletes(
        qtbot, window: MainWindow, quick_drafts: DraftStore) -> None:
    desk: Desk = window.desk
    record = desk.opd.create({"kode": "OPD-8", "nama": "Dinas Asal"})
    db = desk.db.display_url
    gone = _dead_pid()  # written by a program that crashed
    quick_drafts.save(Draft(key=f"opd-{record['id']}", kind="opd", record_id=record["id"],
                            version=record["version"], database=db, title="Dinas Ubahan",
                            values={"kode": "OPD-8", "nama": "Dinas Ubahan"}, pid=gone))
    quick_drafts.save(Draft(key="opd-new-1", kind="opd", database=db, title="Badan Lupa",
                            values={"kode": "B-1", "nama": "Badan Lupa"}, pid=gone))
    quick_drafts.save(Draft(key="opd-new-2", kind="opd", database="postgresql://lain/db",
                            title="Register lain", values={"nama": "Register lain"},
                            pid=gone))
    # a draft of a window still open (this process): not a crash, not offered
    quick_drafts.save(Draft(key="opd-new-3", kind="opd", database=db, title="Masih diketik",
                            values={"nama": "Masih diketik"}))
    window.offer_drafts()
    dialog = window._dialogs["drafts"]
    assert sorted(row[1] for row in dialog.rows()) == ["Badan Lupa", "Dinas Ubahan"]
    forgotten = next(r for r, d in enumerate(dialog.drafts) if d.key == "opd-new-1")
    dialog.table.selectRow(forgotten)
    answer_next_box("Buang")
    qtbot.mouseClick(dialog.discard_button, LEFT)
    assert sorted(_keys(quick_drafts)) == sorted([f"opd-{record['id']}", "opd-new-2",
                                                  "opd-new-3"])
    assert [row[1] for row in dialog.rows()] == ["Dinas Ubahan"]
    qtbot.mouseClick(dialog.restore_button, LEFT)
    page = window.pages["opd"]
    qtbot.waitUntil(lambda: page.form.editors["nama"].value() == "Dinas Ubahan",
                    timeout=5000)
    assert page.current_id == record["id"]
    assert page.form.is_dirty()
    assert not dialog.isVisible()  # nothing left to offer
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    settle(qtbot, window)
    assert desk.opd.get(record["id"])["nama"] == "Dinas Ubahan"
    # another register's draft and the running window's are not touched
    assert sorted(_keys(quick_drafts)) == ["opd-new-2", "opd-new-3"]


def test_a_draft_of_a_record_changed_since_meets_the_stale_question(
        qtbot, window: MainWindow, quick_drafts: DraftStore) -> None:
    desk: Desk = window.desk
    record = desk.opd.create({"kode": "OPD-9", "nama": "Dinas Lama"})
    draft = Draft(key=f"opd-{record['id']}", kind="opd", record_id=record["id"],
                  version=record["version"], database=desk.db.display_url,
                  title="Dinas Draf", values={"kode": "OPD-9", "nama": "Dinas Draf"})
    desk.opd.update(record["id"], {"nama": "Dinas Orang Lain"},
                    expected_version=record["version"])
    window.restore_draft(draft)
    page = window.pages["opd"]
    qtbot.waitUntil(lambda: page.form.editors["nama"].value() == "Dinas Draf", timeout=5000)
    qtbot.mouseClick(page.save_button, LEFT)
    qtbot.waitUntil(lambda: not page.saving, timeout=5000)
    stale = [b for b in page.findChildren(QMessageBox, "staleBox") if b.isVisible()]
    assert stale, "saving over a newer version must ask, not overwrite"
    stale[0].close()
    assert desk.opd.get(record["id"])["nama"] == "Dinas Orang Lain"
    assert page.form.editors["nama"].value() == "Dinas Draf"  # the typing is kept
