"""The figures of the Beranda: what needs attention and how the office is doing.

Every figure is one grouped SQL query (fast at 100,000 datasets) and carries the list
filter that shows the same records, so a tile or a chart segment can open them. Dates
are judged against ``today`` given by the caller, so the figures are testable on any
day (end of month, leap day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.freshness import INTERVAL_DAYS, overdue_clause
from desktop.core.models import Aplikasi, Dataset, Deployment, KerjaSama, Kunjungan, Region
from desktop.core.models.kunjungan import TindakLanjut

DUE_SOON_DAYS = 30  # a dataset whose next update falls within this many days is "due"
RECENT_DAYS = 30  # deployments of the last month
OPEN_FOLLOW_UP = ("belum", "proses")
ENDED_AGREEMENT = ("berakhir", "dibatalkan")


@dataclass(frozen=True)
class Figure:
    """One count, and how to list the records it counts (page kind + filters)."""

    key: str
    count: int
    kind: str
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass
class Dashboard:
    today: date
    apps_by_status: dict[str, int]
    apps_by_opd: list[tuple[str, str, int]]  # (opd id, name, count), most first
    datasets_by_sifat: dict[str, int]
    datasets_by_freshness: dict[str, int]  # terkini / segera / terlambat / tanpa_jadwal
    agreements_by_status: dict[str, int]
    agreements_expiring: int
    visits_per_year: dict[int, dict[str, int]]  # year -> {masuk, keluar}
    visits_by_province: list[tuple[str, str, int]]  # (kode, name, count), most first
    follow_ups_overdue: int
    deployments_recent: dict[str, int]  # status -> count, last RECENT_DAYS days

    def tiles(self, expiry_days: int) -> list[Figure]:
        """The attention tiles, each with the filter of the list it opens."""
        return [
            Figure("datasets_overdue", self.datasets_by_freshness["terlambat"], "datasets",
                   {"terlambat": 1}),
            Figure("agreements_expiring", self.agreements_expiring, "agreements",
                   {"berakhir_dalam": expiry_days}),
            Figure("follow_ups_overdue", self.follow_ups_overdue, "visits", {}),
            Figure("deployments_failed", self.deployments_recent.get("gagal", 0),
                   "deployments", {"status": "gagal"}),
        ]


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def _grouped(session: Session, column: Any, model: Any, *where: Any) -> dict[Any, int]:
    stmt = select(column, func.count()).where(_live(model), *where).group_by(column)
    return {key: count for key, count in session.execute(stmt)}


def compute(desk: Desk, today: date | None = None, expiry_days: int = 90) -> Dashboard:
    today = today or date.today()
    with desk.db.session() as s:
        return Dashboard(
            today=today,
            apps_by_status=_grouped(s, Aplikasi.status, Aplikasi),
            apps_by_opd=_apps_by_opd(s),
            datasets_by_sifat=_grouped(s, Dataset.sifat_data, Dataset),
            datasets_by_freshness=_freshness(s, today),
            agreements_by_status=_grouped(s, KerjaSama.status, KerjaSama),
            agreements_expiring=_expiring(s, today, expiry_days),
            visits_per_year=_visits_per_year(s),
            visits_by_province=_visits_by_province(s),
            follow_ups_overdue=_follow_ups_overdue(s, today),
            deployments_recent=_grouped(
                s, Deployment.status, Deployment,
                Deployment.tanggal > today - timedelta(days=RECENT_DAYS),
                Deployment.tanggal <= today),
        )


def _apps_by_opd(s: Session) -> list[tuple[str, str, int]]:
    from desktop.core.models import PerangkatDaerah as Opd

    stmt = (select(Opd.id, Opd.nama, func.count(Aplikasi.id))
            .join(Aplikasi, Aplikasi.opd_pemilik_id == Opd.id)
            .where(_live(Aplikasi))
            .group_by(Opd.id, Opd.nama)
            .order_by(func.count(Aplikasi.id).desc(), Opd.nama))
    return [(i, n, c) for i, n, c in s.execute(stmt)]


def _freshness(s: Session, today: date) -> dict[str, int]:
    scheduled = Dataset.frekuensi.in_(tuple(INTERVAL_DAYS))
    overdue = overdue_clause(Dataset.frekuensi, Dataset.terakhir_diperbarui, today)
    # due soon: not overdue, and the next update falls within DUE_SOON_DAYS
    soon = or_(*(and_(Dataset.frekuensi == code,
                      Dataset.terakhir_diperbarui < today - timedelta(days=days - DUE_SOON_DAYS))
                 for code, days in INTERVAL_DAYS.items()))

    def count(*where: Any) -> int:
        return s.scalar(select(func.count()).select_from(Dataset).where(_live(Dataset),
                                                                        *where)) or 0

    late = count(overdue)
    due = count(scheduled, ~overdue, soon)
    total = count()
    unscheduled = count(~scheduled)
    return {"terlambat": late, "segera": due, "terkini": total - late - due - unscheduled,
            "tanpa_jadwal": unscheduled}


def _expiring(s: Session, today: date, days: int) -> int:
    stmt = select(func.count()).select_from(KerjaSama).where(
        _live(KerjaSama), KerjaSama.berlaku_sampai >= today,
        KerjaSama.berlaku_sampai <= today + timedelta(days=days),
        KerjaSama.status.not_in(ENDED_AGREEMENT))
    return s.scalar(stmt) or 0


def _visits_per_year(s: Session) -> dict[int, dict[str, int]]:
    stmt = select(Kunjungan.tanggal_mulai, Kunjungan.arah).where(_live(Kunjungan))
    years: dict[int, dict[str, int]] = {}
    for when, arah in s.execute(stmt):  # a few hundred rows a year: grouped here, portably
        year = when.year if isinstance(when, (date, datetime)) else int(str(when)[:4])
        bucket = years.setdefault(year, {"masuk": 0, "keluar": 0})
        bucket[arah] = bucket.get(arah, 0) + 1
    return dict(sorted(years.items()))


def _visits_by_province(s: Session) -> list[tuple[str, str, int]]:
    province = func.substr(Kunjungan.region_kode, 1, 2)
    stmt = (select(province, func.count()).where(_live(Kunjungan),
                                                 Kunjungan.region_kode.is_not(None))
            .group_by(province))
    counts = dict(s.execute(stmt).all())
    names = dict(s.execute(select(Region.kode, Region.nama).where(Region.kode.in_(counts))).all())
    return sorted(((k, names.get(k, k), c) for k, c in counts.items()),
                  key=lambda item: (-item[2], item[1]))


def _follow_ups_overdue(s: Session, today: date) -> int:
    stmt = (select(func.count()).select_from(TindakLanjut)
            .join(Kunjungan, TindakLanjut.kunjungan_id == Kunjungan.id)
            .where(_live(Kunjungan), TindakLanjut.tenggat < today,
                   TindakLanjut.status.in_(OPEN_FOLLOW_UP)))
    return s.scalar(stmt) or 0
