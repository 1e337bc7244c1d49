"""Recovery files for unsaved edits (desktop/core/drafts.py), without Qt."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core import drafts
from desktop.core.drafts import Draft, DraftStore, new_record_key, record_key


def _draft(key: str = "agreements-new-1", **kw) -> Draft:
    values = {"judul": "Kesepakatan Bersama tentang Data", "tanggal": date(2026, 3, 4),
              "pasal": [{"judul": "Maksud", "ayat": [{"teks": "(1) …", "butir": []}]}],
              "pihak": [{"id": "p1", "penandatangan_nama": "Hj. Ratna, S.E., M.Si.",
                         "surat_kuasa_tanggal": None}],
              "aktif": True, "jumlah": 3}
    base = {"key": key, "kind": "agreements", "values": values, "title": "KB baru",
            "database": "sqlite:////x/desk.sqlite3"}
    base.update(kw)
    return Draft(**base)


def test_a_draft_comes_back_as_it_was_written(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    draft = _draft()
    store.save(draft)
    back = store.load(draft.key)
    assert back is not None
    assert back.values == draft.values  # dates stay dates, None stays None
    assert isinstance(back.values["tanggal"], date)
    assert (back.kind, back.title, back.record_id, back.database) == (
        "agreements", "KB baru", None, draft.database)
    assert back.is_new
    assert abs((back.saved_at - draft.saved_at).total_seconds()) < 1


def test_listing_is_per_database_and_newest_first(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    now = datetime.now(UTC)
    store.save(_draft("a", saved_at=now - timedelta(minutes=5)))
    store.save(_draft("b", saved_at=now))
    store.save(_draft("c", database="postgresql://lain/desk"))
    assert [d.key for d in store.list("sqlite:////x/desk.sqlite3")] == ["b", "a"]
    assert [d.key for d in store.list("postgresql://lain/desk")] == ["c"]
    assert {d.key for d in store.list()} == {"a", "b", "c"}


def test_saving_again_replaces_and_remove_forgets(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    key = record_key("visits", "0c1d")
    store.save(_draft(key, kind="visits", record_id="0c1d", version=4))
    store.save(_draft(key, kind="visits", record_id="0c1d", version=4, title="Kunjungan"))
    assert [d.title for d in store.list()] == ["Kunjungan"]
    assert store.remove(key) is True
    assert store.remove(key) is False
    assert store.list() == []
    assert list(tmp_path.iterdir()) == []  # no temporary files left behind


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_drafts_are_readable_by_the_user_only(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    path = store.save(_draft())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "drafts").stat().st_mode) == 0o700


def test_a_failed_write_keeps_the_previous_draft(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = DraftStore(tmp_path)
    store.save(_draft(title="versi pertama"))

    def power_cut(*_a: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(drafts.os, "replace", power_cut)
    with pytest.raises(OSError):
        store.save(_draft(title="versi kedua"))
    monkeypatch.undo()
    assert [d.title for d in store.list()] == ["versi pertama"]
    assert [p.name for p in tmp_path.iterdir()] == [store.path_of(_draft().key).name]


def test_a_damaged_file_is_skipped_not_fatal(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save(_draft("good"))
    (tmp_path / f"broken{drafts.SUFFIX}").write_text('{"key": "broken", "val', "utf-8")
    assert [d.key for d in store.list()] == ["good"]


def test_keys_never_escape_the_folder(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    path = store.save(_draft("../../etc/passwd"))
    assert path.parent == tmp_path / "drafts"
    assert store.load("../../etc/passwd") is not None


def test_new_record_keys_are_unique_per_form() -> None:
    first, second = new_record_key("agreements"), new_record_key("agreements")
    assert first != second and first.startswith("agreements-new-")


def test_the_folder_follows_the_data_folder_and_portable_mode(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert drafts.drafts_dir() == Path(os.environ["XDG_DATA_HOME"]) / "diskominfo-desk" / \
        "drafts"
    monkeypatch.setenv("DISKOMINFO_DESK_PORTABLE_DIR", str(tmp_path / "usb"))
    assert drafts.drafts_dir() == (tmp_path / "usb").resolve() / "data" / "drafts"
    assert DraftStore().folder == drafts.drafts_dir()


def test_only_drafts_whose_program_is_gone_are_left_behind(tmp_path: Path) -> None:
    """A second window on the same register must not be offered the first one's typing."""
    store = DraftStore(tmp_path)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead = int(finished.stdout)
    db = "sqlite:////x/desk.sqlite3"
    store.save(_draft("running"))  # this process: still typing
    store.save(_draft("crashed", pid=dead))
    store.save(_draft("elsewhere", host="laptop-lain"))  # a portable copy used elsewhere
    store.save(_draft("other-register", pid=dead, database="postgresql://lain/desk"))
    assert drafts.process_running(os.getpid())
    assert not drafts.process_running(dead)
    assert not drafts.process_running(0)
    assert sorted(d.key for d in store.left_behind(db)) == ["crashed", "elsewhere"]
    back = store.load("crashed")
    assert back is not None and back.pid == dead
