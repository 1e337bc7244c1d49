"""The real window, typed into and then killed; started again to get the typing back.

Run by ``tests/gui/test_draft_recovery.py`` in a subprocess, with the user folders
(XDG_*) and the database pointed at a temporary folder:

    python draft_crash_script.py type DATABASE      # types, waits for the autosave, waits
    python draft_crash_script.py restore DATABASE   # after the kill: the recovery offer

``type`` builds the main window as ``desktop.ui.app.run`` does, opens a new KB and types
its title and an article with key presses, edits an existing visit's peserta table, waits
until both recovery files are written, prints ``READY`` and keeps running until the test
kills it (SIGKILL: no clean-up runs). ``restore`` starts again, takes the offer the window
makes at start, restores both drafts with the dialog's buttons and prints, as JSON, what
the dialog listed and what the forms hold; then it saves the KB and lists the drafts left.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
from datetime import date
from typing import Any

faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.desk import Desk  # noqa: E402
from desktop.core.drafts import DraftStore  # noqa: E402
from desktop.ui.app import create_application, view_settings  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.tasks import TaskManager  # noqa: E402
from desktop.ui.widgets.fields import FieldEditor  # noqa: E402

KB_TITLE = "Kesepakatan Bersama tentang Pemulihan Draf Ketikan"
ARTICLE_TEXT = "Para Pihak sepakat bahwa ketikan yang belum disimpan tidak boleh hilang"
PESERTA = "Drs. Pemulih Ketikan, M.Si."
VISIT = {"instansi": "Dinas Kominfo Kota Contoh", "tanggal_mulai": date(2026, 11, 2)}


def settle(app: QApplication, win: MainWindow, rounds: int = 3) -> None:
    for _ in range(rounds):
        win.tasks.wait()
        app.processEvents()


def wait_until(app: QApplication, win: MainWindow, check: Any, seconds: float = 15.0) -> None:
    for _ in range(int(seconds * 20)):
        if check():
            return
        settle(app, win, 1)
        QTest.qWait(50)
    raise SystemExit(f"timed out waiting for {check}")


def start(database: str) -> tuple[QApplication, Desk, MainWindow]:
    app = create_application()
    desk = Desk.open(database, user="pengetik")
    win = MainWindow(desk, view_settings(), TaskManager(app))
    win.show()
    settle(app, win)
    return app, desk, win


def type_and_wait(database: str) -> int:
    setup = Desk.open(database, user="pengetik")
    visit = setup.visits.create(dict(VISIT))
    setup.close()
    app, _desk, win = start(database)
    store = DraftStore()

    page = win.show_kind("agreements")
    win.act_new.trigger()  # "Baru", as a user starts a KB: the office's template
    articles = page.form.collections["pasal"]
    wait_until(app, win, lambda: articles.tree.topLevelItemCount() > 0)  # the KB template
    judul = page.form.editors["judul"].focusProxy()
    judul.setFocus()
    QTest.keyClicks(judul, KB_TITLE)
    first_ayat = articles.tree.topLevelItem(0).child(0)
    articles.tree.setCurrentItem(first_ayat)
    articles.text.setFocus()
    QTest.keyClick(articles.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(articles.text, ARTICLE_TEXT)
    kb_key = page.drafts.key()

    visits = win.show_kind("visits")
    visits.open_record(visit["id"])
    wait_until(app, win, lambda: visits.current_id == visit["id"])
    peserta = visits.form.collections["peserta"]
    QTest.mouseClick(peserta.add_button, Qt.MouseButton.LeftButton)
    peserta.table.setCurrentCell(0, 0)
    app.processEvents()
    cell = peserta.table.visualItemRect(peserta.table.item(0, 0)).center()
    editor = next(w for w in peserta.table.findChildren(FieldEditor)
                  if w.isVisible() and w.geometry().contains(cell))
    QTest.keyClicks(editor.focusProxy(), PESERTA)
    visit_key = visits.drafts.key()

    # the autosave: a few seconds after the last key, with nothing else done
    wait_until(app, win, lambda: {d.key for d in store.list()} >= {kb_key, visit_key})
    drafts = {d.key: d for d in store.list()}
    assert drafts[kb_key].values["judul"] == KB_TITLE, drafts[kb_key].values["judul"]
    print(json.dumps({"ready": True, "kb_key": kb_key, "visit_key": visit_key,
                      "visit_id": visit["id"]}), flush=True)
    QTimer.singleShot(60_000, app.quit)  # the test kills it long before
    return app.exec()


def restore(database: str) -> int:
    app, desk, win = start(database)
    store = DraftStore()
    win.offer_drafts()  # what desktop.ui.app.run schedules once the window is up
    settle(app, win)
    dialog = win._dialogs.get("drafts")
    out: dict[str, Any] = {"offered": dialog.rows() if dialog is not None else []}
    if dialog is None:
        print(json.dumps(out), flush=True)
        return 0
    out["kinds"] = [d.kind for d in dialog.drafts]
    while dialog.drafts:
        dialog.table.selectRow(0)
        QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        settle(app, win)
    kb = win.pages["agreements"]
    wait_until(app, win, lambda: kb.form.editors["judul"].value() == KB_TITLE)
    articles = kb.form.values()["pasal"]
    out["kb"] = {"judul": kb.form.editors["judul"].value(),
                 "first_ayat": articles[0]["ayat"][0]["teks"],
                 "dirty": kb.form.is_dirty(), "title": kb.detail_title.text()}
    visits = win.pages["visits"]
    wait_until(app, win, lambda: bool(visits.form.values()["peserta"]))
    out["visit"] = {"id": visits.current_id, "peserta": visits.form.values()["peserta"],
                    "dirty": visits.form.is_dirty()}
    out["drafts_after_restore"] = sorted(d.key for d in store.list())
    visits.save()
    wait_until(app, win, lambda: not visits.form.is_dirty() and not visits.saving)
    out["saved_peserta"] = [p["nama"] for p in desk.visits.get(visits.current_id)["peserta"]]
    out["drafts_after_save"] = sorted(d.key for d in store.list())
    for page in win.pages.built().values():
        page.form.mark_clean()
    win.close()
    settle(app, win)
    out["drafts_after_close"] = sorted(d.key for d in store.list())
    print(json.dumps(out, default=str), flush=True)
    desk.close()
    return 0


if __name__ == "__main__":
    mode, database = sys.argv[1], sys.argv[2]
    sys.exit(type_and_wait(database) if mode == "type" else restore(database))
