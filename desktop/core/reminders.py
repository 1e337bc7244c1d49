"""Reminders shown on start: what needs someone's attention soon.

Four groups: agreements about to expire, visit follow-ups due (or past due), datasets
overdue for an update, and SSL certificates of deployed applications running out. Each
item has a stable key that includes its due date, so dismissing "KB X ends on 1 March"
does not hide the reminder once the agreement is extended to a new date.

Dismissals belong to the person at this workstation, not to the shared database, so
they live in a small JSON file in the user's data folder (beside the database in
portable mode). A dismissal is either for good (``dismiss``) or until tomorrow
(``snooze``); ``hide_all_today`` silences the whole panel for the rest of the day.
The same file remembers which reminders the panel last showed (``seen``): on start the
panel opens by itself only when something new is due, not every morning for the same
list the person already read.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from desktop.core.dashboard import ACTIVE_AGREEMENT
from desktop.core.desk import Desk
from desktop.core.formatting import long_date
from desktop.core.freshness import freshness_clause, next_update_due
from desktop.core.i18n import t, tn
from desktop.core.kinds.kunjungan import OPEN_FOLLOW_UP
from desktop.core.models import Aplikasi, Dataset, Deployment, KerjaSama, Kunjungan
from desktop.core.models.kunjungan import TindakLanjut

log = logging.getLogger(__name__)

FOLLOW_UP_DAYS = 7  # follow-ups due within a week are worth a reminder
SSL_DAYS = 30  # certificates running out within a month
ITEMS_PER_GROUP = 25  # the panel lists this many per group and says how many more
CATEGORIES = ("agreements_expiring", "follow_ups_due", "ssl_expiring", "datasets_overdue")


@dataclass(frozen=True)
class Reminder:
    key: str  # "<category>:<record id>[:<child id>]:<due date>"
    category: str
    kind: str  # the page that shows the record
    record_id: str
    title: str
    detail: str
    due: date | None


@dataclass
class ReminderGroup:
    category: str
    title: str
    kind: str
    total: int  # all matching records, even beyond the items listed
    items: list[Reminder] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)  # the list of all of them


def _when(due: date | None, today: date) -> str:
    """ "in 5 days" / "today" / "3 days ago", after the date itself."""
    if due is None:
        return t("belum pernah diperbarui")
    days = (due - today).days
    if days == 0:
        relative = t("hari ini")
    elif days > 0:
        relative = tn("{n} hari lagi", days, n=days)
    else:
        relative = tn("lewat {n} hari", -days, n=-days)
    return f"{long_date(due)} ({relative})"


def collect(desk: Desk, today: date | None = None, expiry_days: int = 90,
            limit: int = ITEMS_PER_GROUP) -> list[ReminderGroup]:
    """Every reminder group with something in it, most urgent items first; only of the
    kinds the person may read (desktop.core.roles: a role's grants refuse the others)."""
    today = today or date.today()
    access = desk.access
    readable = access.read if access is not None else frozenset()
    builders = (
        ("agreements", lambda: _agreements(desk, today, expiry_days, limit)),
        ("visits", lambda: _follow_ups(desk, today, limit)),
        ("deployments", lambda: _ssl(desk, today, limit)),
        ("datasets", lambda: _datasets(desk, today, limit)),
    )
    groups = [build() for kind, build in builders if kind in readable]
    return [g for g in groups if g.total]


def _agreements(desk: Desk, today: date, days: int, limit: int) -> ReminderGroup:
    where = (KerjaSama.deleted_at.is_(None), KerjaSama.berlaku_sampai >= today,
             KerjaSama.berlaku_sampai <= today + timedelta(days=days),
             KerjaSama.status.in_(ACTIVE_AGREEMENT))
    group = ReminderGroup("agreements_expiring", t("Kerja sama segera berakhir"), "agreements",
                          0, filters={
                              "berlaku_sampai__gte": today.isoformat(),
                              "berlaku_sampai__lte": (today + timedelta(days=days)).isoformat(),
                              "status__in": list(ACTIVE_AGREEMENT)})
    with desk.db.read_session() as s:
        group.total = s.scalar(select(func.count()).select_from(KerjaSama).where(*where)) or 0
        rows = s.execute(select(KerjaSama.id, KerjaSama.jenis, KerjaSama.judul,
                                KerjaSama.berlaku_sampai).where(*where)
                         .order_by(KerjaSama.berlaku_sampai, KerjaSama.id).limit(limit))
        for rid, jenis, judul, ends in rows:
            group.items.append(Reminder(
                f"{group.category}:{rid}:{ends}", group.category, "agreements", rid,
                f"{jenis.upper()} {judul}", t("berakhir {when}", when=_when(ends, today)), ends))
    return group


def _follow_ups(desk: Desk, today: date, limit: int) -> ReminderGroup:
    where = (Kunjungan.deleted_at.is_(None), TindakLanjut.tenggat.is_not(None),
             TindakLanjut.tenggat <= today + timedelta(days=FOLLOW_UP_DAYS),
             TindakLanjut.status.in_(OPEN_FOLLOW_UP))
    group = ReminderGroup("follow_ups_due", t("Tindak lanjut kunjungan jatuh tempo"), "visits",
                          0, filters={"tindak_lanjut_terlambat": (
                              today + timedelta(days=FOLLOW_UP_DAYS + 1)).isoformat()})
    join = TindakLanjut.kunjungan_id == Kunjungan.id
    with desk.db.read_session() as s:
        group.total = s.scalar(select(func.count()).select_from(TindakLanjut)
                               .join(Kunjungan, join).where(*where)) or 0
        rows = s.execute(select(Kunjungan.id, TindakLanjut.id, Kunjungan.instansi,
                                TindakLanjut.uraian, TindakLanjut.tenggat)
                         .join(Kunjungan, join).where(*where)
                         .order_by(TindakLanjut.tenggat, TindakLanjut.id).limit(limit))
        for visit_id, item_id, instansi, uraian, due in rows:
            group.items.append(Reminder(
                f"{group.category}:{visit_id}:{item_id}:{due}", group.category, "visits",
                visit_id, _shorten(uraian), t("{instansi} · tenggat {when}", instansi=instansi,
                                              when=_when(due, today)), due))
    return group


def _ssl(desk: Desk, today: date, limit: int) -> ReminderGroup:
    """The newest deployment of each (application, environment, domain) decides: an old
    deployment's certificate was replaced by the next one, so it is not a reminder."""
    group = ReminderGroup("ssl_expiring", t("Sertifikat SSL segera berakhir"), "deployments",
                          0, filters={"ssl_berakhir__lte":
                                      (today + timedelta(days=SSL_DAYS)).isoformat()})
    with desk.db.read_session() as s:
        rows = s.execute(
            select(Deployment.id, Deployment.aplikasi_id, Deployment.lingkungan,
                   Deployment.domain, Deployment.ssl_berakhir, Deployment.tanggal, Aplikasi.nama)
            .join(Aplikasi, Aplikasi.id == Deployment.aplikasi_id)
            .where(Deployment.deleted_at.is_(None), Deployment.ssl_berakhir.is_not(None))
            .order_by(Deployment.tanggal.desc(), Deployment.id.desc()))
        latest: dict[tuple[str, str, str], tuple[str, date, str, str]] = {}
        for rid, app_id, env, domain, ends, _when_deployed, app in rows:
            latest.setdefault((app_id, env, (domain or "").lower()),
                              (rid, ends, domain or "", app))
    due = sorted((v for v in latest.values() if v[1] <= today + timedelta(days=SSL_DAYS)),
                 key=lambda v: (v[1], v[0]))
    group.total = len(due)
    for rid, ends, domain, app in due[:limit]:
        group.items.append(Reminder(
            f"{group.category}:{rid}:{ends}", group.category, "deployments", rid,
            domain or app, t("{app} · sertifikat berakhir {when}", app=app,
                             when=_when(ends, today)), ends))
    return group


def _datasets(desk: Desk, today: date, limit: int) -> ReminderGroup:
    late = freshness_clause("terlambat", Dataset.frekuensi, Dataset.terakhir_diperbarui, today)
    group = ReminderGroup("datasets_overdue", t("Dataset terlambat diperbarui"), "datasets", 0,
                          filters={"kesegaran": f"terlambat@{today.isoformat()}"})
    with desk.db.read_session() as s:
        group.total = s.scalar(select(func.count()).select_from(Dataset)
                               .where(Dataset.deleted_at.is_(None), late)) or 0
        # never updated first, then the oldest last update
        rows = s.execute(select(Dataset.id, Dataset.judul, Dataset.frekuensi,
                                Dataset.terakhir_diperbarui)
                         .where(Dataset.deleted_at.is_(None), late)
                         .order_by(Dataset.terakhir_diperbarui.is_not(None),
                                   Dataset.terakhir_diperbarui, Dataset.id)
                         .limit(limit)).all()
    for rid, judul, frek, last in rows:
        due = next_update_due(frek, last)
        group.items.append(Reminder(
            f"{group.category}:{rid}:{due}", group.category, "datasets", rid, judul,
            t("pembaruan jatuh tempo {when}", when=_when(due, today)), due))
    return group


def _shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------------------- dismissals
def dismissals_path() -> Path:
    from desktop.core.paths import user_data_dir

    override = os.environ.get("DISKOMINFO_DESK_REMINDERS")
    return Path(override) if override else user_data_dir() / "reminders.json"


class Dismissals:
    """What this person has put away: for good, until a given day, or the whole panel."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or dismissals_path()
        self.forever: set[str] = set()
        self.until: dict[str, date] = {}  # hidden while today < until
        self.panel_hidden_on: date | None = None
        self.seen: set[str] = set()  # the keys the panel showed the last time it was open
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.forever = {str(k) for k in data.get("forever", [])}
            self.until = {str(k): date.fromisoformat(v)
                          for k, v in dict(data.get("until", {})).items()}
            hidden = data.get("panel_hidden_on")
            self.panel_hidden_on = date.fromisoformat(hidden) if hidden else None
            self.seen = {str(k) for k in data.get("seen", [])}
        except FileNotFoundError:
            return
        except (OSError, ValueError, TypeError, AttributeError) as error:
            # a damaged file only brings reminders back; it must not stop the start
            log.warning("reminder dismissals unreadable (%s): %s", self.path, error)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"forever": sorted(self.forever),
                "until": {k: v.isoformat() for k, v in sorted(self.until.items())},
                "panel_hidden_on": self.panel_hidden_on.isoformat()
                if self.panel_hidden_on else None,
                "seen": sorted(self.seen)}
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
        tmp.replace(self.path)

    def dismiss(self, key: str) -> None:
        self.forever.add(key)
        self.save()

    def snooze(self, key: str, today: date) -> None:
        """Hidden for the rest of ``today``; back tomorrow."""
        self.until[key] = today + timedelta(days=1)
        self.save()

    def hide_all_today(self, today: date) -> None:
        self.panel_hidden_on = today
        self.save()

    def panel_hidden(self, today: date) -> bool:
        return self.panel_hidden_on == today

    def is_hidden(self, key: str, today: date) -> bool:
        return key in self.forever or (key in self.until and today < self.until[key])

    def new_since_seen(self, groups: Iterable[ReminderGroup], today: date) -> list[Reminder]:
        """The reminders to show that the panel has not shown before (a reminder whose
        due date moved has a new key, so it counts as new)."""
        return [r for g in self.visible(groups, today) for r in g.items if r.key not in self.seen]

    def mark_seen(self, groups: Iterable[ReminderGroup], today: date) -> None:
        """The panel shows these now; what is no longer shown is forgotten, so a reminder
        that comes back (after a snooze, say) counts as new again."""
        keys = {r.key for g in self.visible(groups, today) for r in g.items}
        if keys != self.seen:
            self.seen = keys
            self.save()

    def visible(self, groups: Iterable[ReminderGroup], today: date) -> list[ReminderGroup]:
        """The groups with only the items still to show (a group's total is kept)."""
        shown = []
        for group in groups:
            items = [r for r in group.items if not self.is_hidden(r.key, today)]
            if items:
                shown.append(ReminderGroup(group.category, group.title, group.kind,
                                           group.total, items, group.filters))
        return shown
