"""What the Sinkronisasi page shows and does: pending changes, conflicts, their resolution.

Resolving a conflict edits the last-synced copy so the next sync does the right thing by
itself: *keep mine* makes the catalog's value the base (so ours reads as a local change
and is pushed); *take theirs* writes the catalog's value here; *edit* writes the typed
value here and pushes it. For "deleted there, edited here", keep mine re-publishes the
dataset and take theirs deletes it here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, select

from desktop.core.desk import Desk
from desktop.core.errors import DeskError, NotFoundError
from desktop.core.i18n import t
from desktop.core.models import Dataset, utcnow
from desktop.core.models.sync import SYNCED_KINDS, SyncConflict, SyncRecord
from desktop.sync.local import (
    DELETED_FIELD,
    KIND,
    apply_to_local,
    local_dataset,
    remote_session,
)


class Resolution(Enum):
    KEEP_MINE = "keep_mine"
    TAKE_THEIRS = "take_theirs"
    EDIT = "edit"


@dataclass(frozen=True)
class ConflictInfo:
    id: int
    kind: str
    record_id: str
    title: str
    field: str  # a dataset field name, or "__deleted__"
    base: Any
    local: Any
    remote: Any
    created_at: datetime


def field_label(field: str) -> str:
    """What a conflict is about, in the user's words: a dataset field's label, or what
    happened to the whole dataset for the special kinds (their ``field`` is a marker)."""
    special = _special(field)
    if special is not None:
        return special[0]
    from desktop.core.kinds import kind_named

    try:
        return f"{kind_named(KIND).field(field).label} ({field})"
    except (KeyError, StopIteration):
        return field


def is_whole_record(field: str) -> bool:
    """A conflict about the dataset as a whole (a deletion), not one of its fields."""
    return field in _markers() or field.startswith("_")


def side_text(field: str, side: str, value: Any) -> str:
    """One side's value for display; for a deletion conflict what happened on that side.

    ``side`` is ``"local"`` or ``"remote"``.
    """
    special = _special(field)
    if special is not None:
        said = special[1 if side == "local" else 2]
        if said is not None:
            return said
    return show_value(value)


def show_value(value: Any, limit: int = 200) -> str:
    if value is None or value == "" or value == []:
        return t("(kosong)")
    if isinstance(value, bool):
        return t("ya") if value else t("tidak")
    if isinstance(value, list) and all(not isinstance(v, dict) for v in value):
        text = ", ".join(str(v) for v in value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _markers() -> dict[str, tuple[str, str | None, str | None]]:
    """Label, local side and catalog side of each special conflict kind, by marker."""
    from desktop.sync import local

    deleted_here = getattr(local, "DELETED_HERE_FIELD", "_dihapus_lokal")
    used_by_apps = getattr(local, "USED_BY_APPS_FIELD", "_dihapus_katalog_dipakai")
    return {
        DELETED_FIELD: (t("dihapus di katalog, diubah di sini"), t("diubah di sini"),
                        t("dihapus di katalog")),
        deleted_here: (t("dihapus di sini, diubah di katalog"), t("dihapus di sini"),
                       t("diubah di katalog")),
        used_by_apps: (t("dihapus di katalog, masih dipakai aplikasi di sini"), None,
                       t("dihapus di katalog")),
    }


def _special(field: str) -> tuple[str, str | None, str | None] | None:
    known = _markers().get(field)
    if known is None and field.startswith("_"):
        return (field, None, None)
    return known


def resolution_words(field: str) -> tuple[str, ...]:
    """The words ``conflicts resolve`` takes for this conflict; ``VALUE``: any new value."""
    if field == DELETED_FIELD:
        return ("mine", "theirs")
    try:
        from desktop.sync.deletion_conflicts import WORDS
    except ImportError:  # pragma: no cover - the module ships with the special kinds
        WORDS = {}
    if field in WORDS:
        return tuple(WORDS[field])
    return ("mine", "theirs", "VALUE") if not is_whole_record(field) else ()


def conflict_dict(info: ConflictInfo) -> dict[str, Any]:
    """One conflict as plain JSON (``conflicts --json``)."""
    return {"id": info.id, "kind": info.kind, "record_id": info.record_id, "title": info.title,
            "field": info.field, "field_label": field_label(info.field),
            "whole_record": is_whole_record(info.field), "local": info.local,
            "catalog": info.remote, "base": info.base,
            "local_text": side_text(info.field, "local", info.local),
            "catalog_text": side_text(info.field, "remote", info.remote),
            "choices": list(resolution_words(info.field)),
            "created_at": info.created_at.isoformat(timespec="seconds")}


def pending_count(desk: Desk) -> int:
    """Local changes not yet in the catalog (offline edits included): datasets, and apps
    until a sync finds the catalog has no showcase plugin to send them to."""
    with desk.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncRecord).where(
            SyncRecord.kind.in_(SYNCED_KINDS), SyncRecord.dirty.is_(True))) or 0)


def open_count(desk: Desk) -> int:
    """Open conflicts: what every sync's summary and the status bar count."""
    with desk.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(SyncConflict).where(
            SyncConflict.resolved_at.is_(None))) or 0)


def find_conflict(desk: Desk, conflict_id: int) -> ConflictInfo | None:
    """One open conflict by id (None when there is none or it is resolved)."""
    return next((c for c in list_conflicts(desk) if c.id == conflict_id), None)


def list_conflicts(desk: Desk) -> list[ConflictInfo]:
    """Open conflicts, oldest first, with the dataset's title for display."""
    with desk.db.session() as s:
        rows = s.execute(select(SyncConflict, Dataset.judul)
                         .join(Dataset, Dataset.id == SyncConflict.record_id, isouter=True)
                         .where(SyncConflict.resolved_at.is_(None))
                         .order_by(SyncConflict.id)).all()
        return [ConflictInfo(c.id, c.kind, c.record_id, judul or "", c.field,
                             c.base_value.get("v"), c.local_value.get("v"),
                             c.remote_value.get("v"), c.created_at) for c, judul in rows]


MINE_WORDS = frozenset({"mine", "keep_mine", "punyaku", "lokal"})
THEIRS_WORDS = frozenset({"theirs", "take_theirs", "katalog"})


def _word(choice: Resolution | str) -> str:
    if isinstance(choice, Resolution):
        return choice.value
    return str(choice).strip()


def resolve_conflict(desk: Desk, conflict_id: int, choice: Resolution | str,
                     value: Any = None) -> None:
    """Settle one conflict with the user's word; the next sync carries the outcome.

    Field conflicts and "deleted there, edited here": ``mine`` (``keep_mine``), ``theirs``
    (``take_theirs``), or ``edit`` with ``value``; for a field conflict any other word is
    itself the value to set (``conflicts resolve ID "Judul baru"``). The whole-dataset
    kinds of ``deletion_conflicts`` take their own words (``mine``/``theirs`` for
    "deleted here, edited there", ``keep``/``delete`` for "deleted there, used by apps");
    any other word is refused with the ones that apply.
    """
    from desktop.sync.deletion_conflicts import (
        WORDS,
        is_deletion_conflict,
        resolve_deletion_conflict,
    )

    word = _word(choice)
    with desk.db.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        field = conflict.field if conflict is not None and conflict.resolved_at is None \
            else None
    if field is None:
        raise NotFoundError(t("Konflik tidak ditemukan atau sudah diselesaikan."))
    if is_deletion_conflict(field):
        if WORDS[field] == ("mine", "theirs") and word in MINE_WORDS | THEIRS_WORDS:
            word = "mine" if word in MINE_WORDS else "theirs"
        resolve_deletion_conflict(desk, conflict_id, word)
        return
    if word in MINE_WORDS:
        resolution = Resolution.KEEP_MINE
    elif word in THEIRS_WORDS:
        resolution = Resolution.TAKE_THEIRS
    elif word == Resolution.EDIT.value:
        resolution = Resolution.EDIT
    elif field == DELETED_FIELD or not word:
        raise DeskError(t("Pilihan \"{word}\" tidak berlaku untuk konflik ini; pilih "
                          "salah satu: {allowed}.", word=word, allowed="mine, theirs"))
    else:  # mine|theirs|VALUE: the word is the value
        resolution, value = Resolution.EDIT, word
    with remote_session(desk) as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise NotFoundError(t("Konflik tidak ditemukan atau sudah diselesaikan."))
        state = s.get(SyncRecord, (conflict.kind, conflict.record_id))
        record = local_dataset(desk, s, conflict.record_id)
        if state is None or record is None:
            raise NotFoundError(t("Konflik tidak ditemukan atau sudah diselesaikan."))
        if conflict.field == DELETED_FIELD:
            _resolve_deletion(desk, s, state, resolution)
        else:
            _resolve_field(desk, s, state, record, conflict, resolution, value)
        conflict.resolved_at = utcnow()
        conflict.resolution = resolution.value


def _resolve_field(desk: Desk, s: Any, state: SyncRecord, record: dict[str, Any],
                   conflict: SyncConflict, choice: Resolution, value: Any) -> None:
    remote = conflict.remote_value.get("v")
    if choice is Resolution.TAKE_THEIRS:
        apply_to_local(desk, s, record, {conflict.field: remote})
    elif choice is Resolution.EDIT:  # what the user typed is validated as typed
        desk.datasets.update(record["id"], {conflict.field: value},
                             expected_version=record["version"], session=s)
    state.base = {**(state.base or {}), conflict.field: remote}
    if choice is not Resolution.TAKE_THEIRS:
        state.dirty = True
        state.changed_at = utcnow()


def _resolve_deletion(desk: Desk, s: Any, state: SyncRecord, choice: Resolution) -> None:
    if choice is Resolution.TAKE_THEIRS:
        desk.datasets.delete(state.record_id, session=s)
        state.dirty = False
    elif choice is Resolution.KEEP_MINE:
        state.dirty = True  # pushed as a new dataset (the old name is free again)
        state.changed_at = utcnow()
    else:
        raise DeskError(t("Konflik penghapusan hanya dapat diselesaikan dengan memilih "
                          "salah satu sisi."))
    state.remote_id = state.remote_name = state.remote_modified = None
    state.base = None
