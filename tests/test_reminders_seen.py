"""The reminders panel opens by itself only for what it has not shown before (issue 16):
``Dismissals.seen`` remembers, per workstation, the reminders it last showed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop.core.desk import Desk
from desktop.core.reminders import Dismissals, collect

TODAY = date(2026, 12, 4)


def _agreement(desk: Desk, title: str, ends: date) -> str:
    return desk.agreements.create({
        "jenis": "kb", "judul": title, "status": "pelaksanaan",
        "berlaku_mulai": TODAY - timedelta(days=300), "berlaku_sampai": ends})["id"]


def test_only_what_was_not_shown_before_is_new(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    first = _agreement(desk, "KB Satu Data", TODAY + timedelta(days=20))
    store = Dismissals(path)
    groups = collect(desk, TODAY)
    assert [r.record_id for r in store.new_since_seen(groups, TODAY)] == [first]
    store.mark_seen(groups, TODAY)
    # the next start (a new store reads the file): the same list is not new
    again = Dismissals(path)
    assert again.new_since_seen(collect(desk, TODAY), TODAY) == []
    # a second agreement comes due: that one is new, the first is not
    second = _agreement(desk, "KB Jaringan", TODAY + timedelta(days=40))
    assert [r.record_id for r in again.new_since_seen(collect(desk, TODAY), TODAY)] == [second]
    # an agreement extended to a new date is a new reminder (its key holds the date)
    version = desk.agreements.get(first)["version"]
    desk.agreements.update(first, {"berlaku_sampai": TODAY + timedelta(days=60)},
                           expected_version=version)
    new = {r.record_id for r in again.new_since_seen(collect(desk, TODAY), TODAY)}
    assert new == {first, second}


def test_a_snoozed_reminder_is_new_again_when_it_comes_back(desk: Desk,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "reminders.json"
    rid = _agreement(desk, "KB Satu Data", TODAY + timedelta(days=20))
    store = Dismissals(path)
    groups = collect(desk, TODAY)
    store.mark_seen(groups, TODAY)
    key = groups[0].items[0].key
    store.snooze(key, TODAY)
    store.mark_seen(collect(desk, TODAY), TODAY)  # shown again today, without it
    assert key not in Dismissals(path).seen
    tomorrow = TODAY + timedelta(days=1)
    back = Dismissals(path).new_since_seen(collect(desk, tomorrow), tomorrow)
    assert [r.record_id for r in back] == [rid]
    # a dismissed one never counts as new
    store.dismiss(key)
    assert Dismissals(path).new_since_seen(collect(desk, tomorrow), tomorrow) == []
