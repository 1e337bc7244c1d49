"""The cheap question every sync asks before deciding on a full deletion check: is any
dataset deleted here still linked to the catalog, with no delete waiting to go out and
nobody asked (``reconcile._stray_link``)? Both engines; each case changes one thing."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.desk import Desk
from desktop.core.models.sync import SyncConflict, SyncRecord
from desktop.sync.reconcile import _stray_link
from sync.engine_support import add_opd


def _linked_dataset(desk: Desk, *, deleted: bool, remote_id: str | None = "remote-1",
                    dirty: bool = False) -> str:
    record = desk.datasets.create({"judul": "Data Jalan", "opd_id": add_opd(desk)})
    if deleted:
        desk.datasets.delete(record["id"], expected_version=record["version"])
    with desk.db.session() as s:  # the link, as a pull or a push left it
        state = s.get(SyncRecord, ("datasets", record["id"]))
        if state is None:
            state = SyncRecord(kind="datasets", record_id=record["id"])
            s.add(state)
        state.remote_id, state.dirty = remote_id, dirty
    return str(record["id"])


def _stray(desk: Desk) -> bool:
    with desk.db.read_session() as s:
        return _stray_link(s)


def test_a_deleted_dataset_still_linked_with_no_delete_waiting_is_a_stray_link(
        desk: Desk) -> None:
    _linked_dataset(desk, deleted=True)
    assert _stray(desk)


@pytest.mark.parametrize("case", [
    {"deleted": False},  # a live linked dataset
    {"deleted": True, "dirty": True},  # its delete waits for the next push
    {"deleted": True, "remote_id": None},  # never linked
])
def test_these_are_not_stray_links(desk: Desk, case: dict[str, Any]) -> None:
    _linked_dataset(desk, **case)
    assert not _stray(desk)


def test_a_stray_link_someone_was_asked_about_is_not_asked_again(desk: Desk) -> None:
    record_id = _linked_dataset(desk, deleted=True)
    with desk.db.session() as s:
        s.add(SyncConflict(kind="datasets", record_id=record_id, field="_dihapus_lokal",
                           base_value={"v": None}, local_value={"v": None},
                           remote_value={"v": None}))
    assert not _stray(desk)
