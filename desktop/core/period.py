"""What happened in a period, for the "Laporan Kegiatan" (activity report).

Offices report per month, quarter and year. The report lists the visits received and
made, the agreements signed (with their status today), the applications registered
(their recommendation letter dated in the period, or, lacking one, entered into the
register in the period) and deployed, the datasets released in the period, and the
datasets overdue at the period's end, per OPD. Everything here is plain data, so the
PDF layer only lays it out and the tests can compare the two.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from desktop.core.choices import (
    JENIS_KERJA_SAMA,
    LINGKUNGAN,
    SIFAT_DATA,
    STATUS_APLIKASI,
    STATUS_DEPLOYMENT,
    STATUS_KERJA_SAMA,
)
from desktop.core.desk import Desk
from desktop.core.errors import QueryError
from desktop.core.freshness import INTERVAL_DAYS, freshness_clause
from desktop.core.i18n import t
from desktop.core.models import (
    Aplikasi,
    Dataset,
    Deployment,
    KerjaSama,
    Kunjungan,
    PerangkatDaerah,
    Region,
)
from desktop.core.models.kerjasama import PihakKerjaSama

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str  # "Triwulan I 2026", "Maret 2026", "Tahun 2026", "1 Mei 2026 – 3 Juni 2026"


def _month_name(month: int) -> str:
    from desktop.core.i18n import current_language

    return (MONTHS_EN if current_language() == "en" else MONTHS_ID)[month - 1]


def month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, monthrange(year, month)[1]),
                  f"{_month_name(month)} {year}")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    return Period(date(year, first, 1), date(year, first + 2, monthrange(year, first + 2)[1]),
                  t("Triwulan {q} {year}", q=ROMAN[quarter - 1], year=year))


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), t("Tahun {year}", year=year))


def range_period(start: date, end: date) -> Period:
    """Any range; a range that is exactly a month, quarter or year gets that name."""
    if end < start:
        raise QueryError(t("Akhir periode ({end}) sebelum awalnya ({start}).",
                          end=end.isoformat(), start=start.isoformat()))
    candidates = [year_period(start.year), month_period(start.year, start.month),
                  quarter_period(start.year, (start.month - 1) // 3 + 1)]
    for candidate in candidates:
        if (candidate.start, candidate.end) == (start, end):
            return candidate
    from desktop.core.formatting import long_date

    return Period(start, end, f"{long_date(start)} – {long_date(end)}")


def parse_period(text: str) -> Period:
    """``2026``, ``2026-Q1`` / ``2026-T1`` (triwulan) or ``2026-03``."""
    value = text.strip().upper()
    try:
        if re.fullmatch(r"\d{4}", value):
            return year_period(int(value))
        if m := re.fullmatch(r"(\d{4})-[QT]([1-4])", value):
            return quarter_period(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            return month_period(int(m[1]), int(m[2]))
    except ValueError:
        pass
    raise QueryError(t("Periode tidak dikenal: {text}. Contoh: 2026, 2026-Q1, 2026-03.",
                      text=text))


@dataclass
class PeriodReport:
    period: Period
    visits_in: list[dict[str, Any]] = field(default_factory=list)
    visits_out: list[dict[str, Any]] = field(default_factory=list)
    agreements_signed: list[dict[str, Any]] = field(default_factory=list)
    agreements_by_status: dict[str, int] = field(default_factory=dict)  # all, as of now
    apps_registered: list[dict[str, Any]] = field(default_factory=list)
    deployments: list[dict[str, Any]] = field(default_factory=list)
    datasets_released: list[dict[str, Any]] = field(default_factory=list)
    overdue_by_opd: list[tuple[str, int, int]] = field(default_factory=list)  # opd, late, all
    visits_per_month: list[tuple[str, int, int]] = field(default_factory=list)  # label, in, out
    overdue_as_of: date | None = None  # the period's end, or today for a period not over

    @property
    def datasets_overdue(self) -> int:
        return sum(late for _opd, late, _all in self.overdue_by_opd)


def gather(desk: Desk, period: Period) -> PeriodReport:
    report = PeriodReport(period)
    start, end = period.start, period.end
    with desk.db.read_session() as s:
        region = select(Region.nama).where(Region.kode == Kunjungan.region_kode) \
            .scalar_subquery()
        visits = s.execute(
            select(Kunjungan.arah, Kunjungan.tanggal_mulai, Kunjungan.tanggal_selesai,
                   Kunjungan.instansi, region, Kunjungan.topik, Kunjungan.jumlah_peserta)
            .where(Kunjungan.deleted_at.is_(None), Kunjungan.tanggal_mulai.between(start, end))
            .order_by(Kunjungan.tanggal_mulai, Kunjungan.instansi, Kunjungan.id))
        for arah, mulai, selesai, instansi, daerah, topik, peserta in visits:
            row = {"tanggal": mulai, "selesai": selesai, "instansi": instansi,
                   "daerah": daerah or "", "topik": topik or "", "peserta": peserta}
            (report.visits_in if arah == "masuk" else report.visits_out).append(row)

        signed = s.execute(
            select(KerjaSama.id, KerjaSama.tanggal_ttd, KerjaSama.jenis, KerjaSama.judul,
                   KerjaSama.status, KerjaSama.berlaku_sampai)
            .where(KerjaSama.deleted_at.is_(None), KerjaSama.tanggal_ttd.between(start, end))
            .order_by(KerjaSama.tanggal_ttd, KerjaSama.id)).all()
        office = desk.office.get() or {}
        parties: dict[str, list[str]] = {}
        for kerjasama_id, name in s.execute(
                select(PihakKerjaSama.kerjasama_id, PihakKerjaSama.nama_instansi)
                .where(PihakKerjaSama.kerjasama_id.in_([r[0] for r in signed]))
                .order_by(PihakKerjaSama.urutan)):
            if name != office.get("nama"):  # the partners, not ourselves
                parties.setdefault(kerjasama_id, []).append(name)
        for rid, ttd, jenis, judul, status, sampai in signed:
            report.agreements_signed.append({
                "tanggal": ttd, "jenis": JENIS_KERJA_SAMA.label(jenis).split(" (")[0],
                "judul": judul, "mitra": ", ".join(parties.get(rid, [])),
                "status": STATUS_KERJA_SAMA.label(status), "berlaku_sampai": sampai})
        report.agreements_by_status = {
            STATUS_KERJA_SAMA.label(code): n for code, n in s.execute(
                select(KerjaSama.status, func.count()).where(KerjaSama.deleted_at.is_(None))
                .group_by(KerjaSama.status).order_by(KerjaSama.status))}

        owner = select(PerangkatDaerah.nama).where(
            PerangkatDaerah.id == Aplikasi.opd_pemilik_id).scalar_subquery()
        entered = Aplikasi.created_at.between(datetime.combine(start, time.min),
                                              datetime.combine(end, time.max))
        apps = s.execute(
            select(Aplikasi.nama, owner, Aplikasi.status, Aplikasi.rekomendasi_tanggal,
                   Aplikasi.created_at)
            .where(Aplikasi.deleted_at.is_(None),
                   or_(Aplikasi.rekomendasi_tanggal.between(start, end),
                       and_(Aplikasi.rekomendasi_tanggal.is_(None), entered)))
            .order_by(func.coalesce(Aplikasi.rekomendasi_tanggal, Aplikasi.created_at),
                      Aplikasi.nama))
        for nama, opd, status, rekomendasi, created in apps:
            report.apps_registered.append({
                "nama": nama, "opd": opd or "", "status": STATUS_APLIKASI.label(status),
                "tanggal": rekomendasi or _as_date(created)})

        deployed = s.execute(
            select(Deployment.tanggal, Aplikasi.nama, Deployment.versi, Deployment.lingkungan,
                   Deployment.status)
            .join(Aplikasi, Aplikasi.id == Deployment.aplikasi_id)
            .where(Deployment.deleted_at.is_(None), Deployment.tanggal.between(start, end))
            .order_by(Deployment.tanggal, Aplikasi.nama, Deployment.id))
        for tanggal, app, versi, lingkungan, status in deployed:
            report.deployments.append({
                "tanggal": tanggal, "aplikasi": app, "versi": versi or "",
                "lingkungan": LINGKUNGAN.label(lingkungan),
                "status": STATUS_DEPLOYMENT.label(status)})

        producer = select(PerangkatDaerah.nama).where(
            PerangkatDaerah.id == Dataset.opd_id).scalar_subquery()
        released = s.execute(
            select(Dataset.tanggal_rilis, Dataset.judul, producer, Dataset.sifat_data)
            .where(Dataset.deleted_at.is_(None), Dataset.tanggal_rilis.between(start, end))
            .order_by(Dataset.tanggal_rilis, Dataset.judul, Dataset.id))
        for tanggal, judul, opd, sifat in released:
            report.datasets_released.append({
                "tanggal": tanggal, "judul": judul, "opd": opd or "",
                "sifat": SIFAT_DATA.label(sifat).split(" (")[0]})

        # a period not yet over is judged today: the future has not been missed yet
        report.overdue_as_of = as_of = min(end, date.today())
        late = freshness_clause("terlambat", Dataset.frekuensi, Dataset.terakhir_diperbarui,
                                as_of)
        # judged at the period's end, leaving out datasets released only after it
        existed = or_(Dataset.tanggal_rilis.is_(None), Dataset.tanggal_rilis <= as_of)
        per_opd = s.execute(
            select(func.coalesce(PerangkatDaerah.nama, ""),
                   func.sum(case((late, 1), else_=0)), func.count(Dataset.id))
            .select_from(Dataset)
            .outerjoin(PerangkatDaerah, PerangkatDaerah.id == Dataset.opd_id)
            .where(Dataset.deleted_at.is_(None), existed,
                   Dataset.frekuensi.in_(tuple(INTERVAL_DAYS)))
            .group_by(PerangkatDaerah.nama))
        report.overdue_by_opd = sorted(((opd or t("(tanpa OPD)"), int(n_late or 0), int(n))
                                        for opd, n_late, n in per_opd if n_late),
                                       key=lambda r: (-r[1], r[0]))
    report.visits_per_month = _per_month(period, report.visits_in, report.visits_out)
    return report


def _as_date(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


def _per_month(period: Period, visits_in: list[dict[str, Any]],
               visits_out: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    months: list[tuple[int, int]] = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    counts = {ym: [0, 0] for ym in months}
    for index, rows in enumerate((visits_in, visits_out)):
        for row in rows:
            counts[(row["tanggal"].year, row["tanggal"].month)][index] += 1
    short = len({y for y, _m in months}) == 1
    return [(_month_name(m)[:3] + ("" if short else f" {y % 100:02d}"), *counts[(y, m)])
            for y, m in months]
