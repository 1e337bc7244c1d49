"""The Beranda's figures as values, and how they read: tiles, totals, charts.

Apart from the queries (``desktop.core.dashboard``) because it needs no database layer:
the start-up fills the Beranda from a plain ``sqlite3`` reading (``dashboard_quick``)
before SQLAlchemy is loaded, and both readings end in :func:`assemble`, so the figures
are the same whichever way they were read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from desktop.core.choices import (
    ARAH_KUNJUNGAN,
    SIFAT_DATA,
    STATUS_APLIKASI,
    STATUS_DEPLOYMENT,
    STATUS_KERJA_SAMA,
)
from desktop.core.formatting import number
from desktop.core.freshness import DUE_SOON_DAYS, STATES, states_from_ranges
from desktop.core.i18n import Label, t, tn

__all__ = ["BOARD_KINDS", "DUE_SOON_DAYS", "QUERY_KINDS", "RECENT_DAYS", "Chart",
           "Dashboard", "Figure", "Segment", "assemble"]

BOARD_KINDS = ("apps", "datasets", "agreements", "visits", "deployments")

RECENT_DAYS = 30  # deployments of the last month
ENDED_AGREEMENT = ("berakhir",)
ACTIVE_AGREEMENT = tuple(c for c in STATUS_KERJA_SAMA.codes if c not in ENDED_AGREEMENT)
IN_FORCE_AGREEMENT = ("pelaksanaan", "monev")  # signed and running
TOP = 8  # bars in the "by OPD" and "by province" charts; the rest is summed up

FRESHNESS_LABELS = {
    "terkini": Label("Terkini"),
    "segera": Label("Segera diperbarui"),
    "terlambat": Label("Terlambat"),
    "tanpa_jadwal": Label("Tanpa jadwal"),
}


@dataclass(frozen=True)
class Figure:
    """One count, and how to list the records it counts (page kind + filters)."""

    key: str
    count: int
    kind: str
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Segment:
    """A bar or a slice: ``count`` records listed by the chart's kind + ``filters``.

    ``series`` names the bar group for grouped charts (visits: masuk/keluar); empty for a
    single series. ``filters`` is None for a segment that opens nothing.

    "The rest" of a top-N chart ("Lainnya (17 OPD)") names the groups it sums up in
    ``members`` and comes last. It is drawn as a bar (``bar``) only when it is no longer
    than the smallest bar shown: a sum of seventeen OPDs must not look like the biggest
    OPD, so otherwise it is a line of text with its figure and no bar.
    """

    label: str
    count: int
    filters: dict[str, Any] | None
    series: str = ""
    detail: str = ""  # the full name where ``label`` is an abbreviation
    members: tuple[str, ...] = ()  # the groups "the rest" holds, most first
    bar: bool = True

    @property
    def is_rest(self) -> bool:
        return bool(self.members)


@dataclass(frozen=True)
class Chart:
    """One chart of the Beranda.

    ``style`` is "pie" (parts of a whole, two parts or more), "hbar" (categorical counts,
    horizontal bars sorted as they should read), "grouped" (bars per series: visits per
    year, masuk/keluar) or "single": one category holds every record, which a pie or a
    lone bar would only restate, so ``summary`` says it in words ("Semua 4 deployment:
    Berhasil") and the one segment still opens its list.
    """

    key: str
    title: str
    kind: str
    style: str
    segments: tuple[Segment, ...]
    summary: str = ""


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
    follow_ups_overdue: int  # follow-up items past their deadline
    visits_with_overdue_follow_ups: int  # the visits those items belong to
    deployments_recent: dict[str, int]  # status -> count, last RECENT_DAYS days
    expiry_days: int = 90
    opd_abbreviations: dict[str, str] = field(default_factory=dict)  # id -> singkatan
    province_regions: dict[str, list[str]] = field(default_factory=dict)  # kode -> regions
    # the kinds the person may read (desktop.core.roles): only their figures are shown
    readable: frozenset[str] = frozenset(BOARD_KINDS)

    # ------------------------------------------------------------------ filters
    def _recent(self) -> dict[str, Any]:
        return {"tanggal__gte": (self.today - timedelta(days=RECENT_DAYS - 1)).isoformat(),
                "tanggal__lte": self.today.isoformat()}

    def _expiring(self) -> dict[str, Any]:
        return {"berlaku_sampai__gte": self.today.isoformat(),
                "berlaku_sampai__lte":
                    (self.today + timedelta(days=self.expiry_days)).isoformat(),
                "status__in": list(ACTIVE_AGREEMENT)}

    def _fresh(self, state: str) -> dict[str, Any]:
        return {"kesegaran": f"{state}@{self.today.isoformat()}"}

    # ------------------------------------------------------------------ views
    def tiles(self) -> list[Figure]:
        """The attention tiles, each with the filter of the list showing the same count."""
        return [figure for figure in self._tiles() if figure.kind in self.readable]

    def _tiles(self) -> list[Figure]:
        return [
            Figure("datasets_overdue", self.datasets_by_freshness["terlambat"], "datasets",
                   self._fresh("terlambat")),
            Figure("agreements_expiring", self.agreements_expiring, "agreements",
                   self._expiring()),
            Figure("follow_ups_overdue", self.visits_with_overdue_follow_ups, "visits",
                   {"tindak_lanjut_terlambat": self.today.isoformat()}),
            Figure("deployments_failed", self.deployments_recent.get("gagal", 0),
                   "deployments", {"status": "gagal", **self._recent()}),
        ]

    def summary(self) -> list[Figure]:
        """The totals row: how big the register is, each opening its whole list."""
        return [figure for figure in self._summary() if figure.kind in self.readable]

    def _summary(self) -> list[Figure]:
        this_year = self.visits_per_year.get(self.today.year, {})
        return [
            Figure("apps", sum(self.apps_by_status.values()), "apps", {}),
            Figure("datasets", sum(self.datasets_by_sifat.values()), "datasets", {}),
            Figure("agreements_in_force",
                   sum(self.agreements_by_status.get(c, 0) for c in IN_FORCE_AGREEMENT),
                   "agreements", {"status__in": list(IN_FORCE_AGREEMENT)}),
            Figure("visits_this_year", sum(this_year.values()), "visits",
                   {"tahun": self.today.year}),
        ]

    def charts(self, top: int = TOP) -> list[Chart]:
        """Every chart of the Beranda; each segment opens the list it counts.

        In pairs of about the same height, as the Beranda puts them side by side: the
        applications, the datasets, the visits, then agreements and deployments.

        ``top``: bars of the "by OPD" and "by province" charts before "the rest"."""
        apps = tuple(Segment(STATUS_APLIKASI.label(code), self.apps_by_status[code],
                             {"status": code})
                     for code in STATUS_APLIKASI.codes if self.apps_by_status.get(code))
        sifat = tuple(Segment(SIFAT_DATA.label(code).split(" (")[0],
                              self.datasets_by_sifat[code], {"sifat_data": code})
                      for code in SIFAT_DATA.codes if self.datasets_by_sifat.get(code))
        fresh = tuple(Segment(str(FRESHNESS_LABELS[state]), self.datasets_by_freshness[state],
                              self._fresh(state))
                      for state in STATES if self.datasets_by_freshness.get(state))
        agreements = tuple(
            Segment(STATUS_KERJA_SAMA.label(code), self.agreements_by_status[code],
                    {"status": code})
            for code in STATUS_KERJA_SAMA.codes if self.agreements_by_status.get(code))
        visits = tuple(
            Segment(str(year), counts.get(arah, 0), {"tahun": year, "arah": arah},
                    series=arah)
            for year, counts in self.visits_per_year.items() for arah in ARAH_KUNJUNGAN.codes)
        deployments = tuple(
            Segment(STATUS_DEPLOYMENT.label(code), self.deployments_recent[code],
                    {"status": code, **self._recent()})
            for code in STATUS_DEPLOYMENT.codes if self.deployments_recent.get(code))
        return [_single(chart) for chart in self._charts(apps, sifat, fresh, visits,
                                                         agreements, deployments, top)
                if chart.kind in self.readable]

    def _charts(self, apps: tuple[Segment, ...], sifat: tuple[Segment, ...],
                fresh: tuple[Segment, ...], visits: tuple[Segment, ...],
                agreements: tuple[Segment, ...], deployments: tuple[Segment, ...],
                top: int) -> tuple[Chart, ...]:
        return (
            Chart("apps_by_status", t("Aplikasi menurut status"), "apps", "hbar", apps),
            Chart("apps_by_opd", t("Aplikasi menurut OPD"), "apps", "hbar",
                  _top(self.apps_by_opd, "opd_pemilik_id", t("Lainnya ({n} OPD)"), top,
                       self.opd_abbreviations)),
            Chart("datasets_by_sifat", t("Dataset menurut sifat data"), "datasets", "pie",
                  sifat),
            Chart("datasets_by_freshness", t("Kesegaran dataset"), "datasets", "pie", fresh),
            Chart("visits_per_year", t("Kunjungan per tahun"), "visits", "grouped", visits),
            Chart("visits_by_province", t("Kunjungan menurut provinsi mitra"), "visits",
                  "hbar", _top(self.visits_by_province, "provinsi",
                               t("Lainnya ({n} provinsi)"), top,
                               rest_filter=self._regions_of)),
            Chart("agreements_by_status", t("Kerja sama menurut status"), "agreements",
                  "hbar", agreements),
            # a status, not a part of a whole that matters: bars, like the other statuses
            Chart("deployments_recent", t("Deployment {n} hari terakhir", n=RECENT_DAYS),
                  "deployments", "hbar", deployments),
        )

    def _regions_of(self, provinces: list[str]) -> dict[str, Any]:
        """The list filter of the visits in these provinces (the "rest" of the chart)."""
        codes = [code for p in provinces for code in self.province_regions.get(p, [])]
        return {"region_kode__in": sorted(codes)}


SINGLE_SUMMARY = {  # per kind: tn() needs the literal message to find its English forms
    "apps": lambda c, what: tn("Semua {n} aplikasi: {what}", c, n=number(c), what=what),
    "datasets": lambda c, what: tn("Semua {n} dataset: {what}", c, n=number(c), what=what),
    "agreements": lambda c, what: tn("Semua {n} kerja sama: {what}", c, n=number(c), what=what),
    "visits": lambda c, what: tn("Semua {n} kunjungan: {what}", c, n=number(c), what=what),
    "deployments": lambda c, what: tn("Semua {n} deployment: {what}", c, n=number(c), what=what),
}


def _single(chart: Chart) -> Chart:
    """A chart whose records all fall in one category says so in words (see Chart)."""
    if chart.style == "grouped" or len(chart.segments) != 1 or chart.segments[0].is_rest:
        return chart
    only = chart.segments[0]
    summary = SINGLE_SUMMARY[chart.kind](only.count, only.detail or only.label)
    return replace(chart, style="single", summary=summary)


def _top(rows: list[tuple[str, str, int]], filter_key: str, rest_label: str, top: int,
         short: dict[str, str] | None = None,
         rest_filter: Callable[[list[str]], dict[str, Any]] | None = None,
         ) -> tuple[Segment, ...]:
    """The ``top`` biggest groups, most first, then "the rest" (see Segment).

    Long names give way to their abbreviation (OPD singkatan), the full name kept as
    detail. One group left over is shown as itself: "Lainnya (1 OPD)" would hide a name
    for nothing. The rest opens the list of all it holds (``<filter_key>__in``, or
    ``rest_filter`` where the key is not a column).
    """
    short = short or {}
    rows = sorted(rows, key=lambda row: -row[2])  # stable: the query's name order stays
    if len(rows) == top + 1:
        top += 1
    shown = [Segment(short.get(key) or name, count, {filter_key: key}, detail=name)
             for key, name, count in rows[:top]]
    rest = rows[top:]
    if rest:
        keys = [key for key, _n, _c in rest]
        count = sum(c for _k, _n, c in rest)
        filters = rest_filter(keys) if rest_filter else {f"{filter_key}__in": keys}
        smallest = min((s.count for s in shown), default=0)
        shown.append(Segment(rest_label.format(n=len(rest)), count, filters,
                             members=tuple(name for _k, name, _c in rest),
                             bar=count <= smallest))
    return tuple(shown)


# ---------------------------------------------------------------------------- assembly
# each query of the Beranda (``dashboard.statements``), by the kind a person must be
# allowed to read for it to run; None: always (the OPDs' abbreviations)
QUERY_KINDS: dict[str, str | None] = {
    "apps_by_status": "apps",
    "apps_by_opd": "apps",
    "datasets_by_sifat": "datasets",
    "datasets_by_freshness": "datasets",
    "agreements_by_status": "agreements",
    "agreements_expiring": "agreements",
    "visit_starts": "visits",
    "visits_by_region": "visits",
    "province_names": "visits",
    "follow_ups_overdue": "visits",
    "visits_with_overdue_follow_ups": "visits",
    "deployments_recent": "deployments",
    "opd_abbreviations": None,
}

Rows = Mapping[str, Sequence[Sequence[Any]]]


def _sifat(found: Sequence[Sequence[Any]] | None) -> dict[str, int]:
    """The live datasets by sifat from their total and a count per known code; a code
    the register holds but the program does not know (an older or newer program wrote
    it) is kept as "" so the total still counts it."""
    if not found:
        return {}
    total, *per_code = (int(n or 0) for n in found[0])
    counts = {code: n for code, n in zip(SIFAT_DATA.codes, per_code, strict=True) if n}
    if total > sum(counts.values()):
        counts[""] = total - sum(counts.values())
    return counts


def assemble(rows: Rows, today: date, readable: frozenset[str],
             expiry_days: int = 90) -> Dashboard:
    """The Dashboard from the rows of the queries the person may run (``QUERY_KINDS``);
    a kind not readable keeps its empty figures."""
    def grouped(name: str) -> dict[Any, int]:
        return {key: int(count) for key, count in rows.get(name, ())}

    def scalar(name: str) -> int:
        found = rows.get(name)
        return int(found[0][0] or 0) if found else 0

    freshness = rows.get("datasets_by_freshness")
    sifat = _sifat(rows.get("datasets_by_sifat"))
    provinces, province_regions = _provinces(rows.get("visits_by_region", ()),
                                             dict(rows.get("province_names", ())))
    return Dashboard(
        today=today,
        apps_by_status=grouped("apps_by_status"),
        apps_by_opd=[(i, n, int(c)) for i, n, c in rows.get("apps_by_opd", ())],
        datasets_by_sifat=sifat,
        datasets_by_freshness=(states_from_ranges(freshness[0], sum(sifat.values()))
                               if freshness else dict.fromkeys(STATES, 0)),
        agreements_by_status=grouped("agreements_by_status"),
        agreements_expiring=scalar("agreements_expiring"),
        visits_per_year=_per_year(rows.get("visit_starts", ())),
        visits_by_province=provinces,
        follow_ups_overdue=scalar("follow_ups_overdue"),
        visits_with_overdue_follow_ups=scalar("visits_with_overdue_follow_ups"),
        deployments_recent=grouped("deployments_recent"),
        readable=frozenset(readable),
        expiry_days=expiry_days,
        opd_abbreviations={i: a for i, a in rows.get("opd_abbreviations", ()) if a},
        province_regions=province_regions,
    )


def _per_year(starts: Sequence[Sequence[Any]]) -> dict[int, dict[str, int]]:
    """Visits per year and direction; a few hundred rows a year: grouped here, portably
    (a date, or the text SQLite keeps)."""
    years: dict[int, dict[str, int]] = {}
    for when, arah in starts:
        year = when.year if isinstance(when, (date, datetime)) else int(str(when)[:4])
        bucket = years.setdefault(year, {"masuk": 0, "keluar": 0})
        bucket[arah] = bucket.get(arah, 0) + 1
    return dict(sorted(years.items()))


def _provinces(by_region: Sequence[Sequence[Any]], names: Mapping[str, str]
               ) -> tuple[list[tuple[str, str, int]], dict[str, list[str]]]:
    """Visits per partner province, most first; and the region codes seen per province
    (the filter of "the rest" of the chart lists the visits of several provinces)."""
    counts: dict[str, int] = {}
    regions: dict[str, list[str]] = {}
    for code, count in by_region:  # a few hundred partner regions at most
        province = str(code)[:2]
        counts[province] = counts.get(province, 0) + int(count)
        regions.setdefault(province, []).append(str(code))
    return (sorted(((k, names.get(k, k), c) for k, c in counts.items()),
                   key=lambda item: (-item[2], item[1])),
            {k: sorted(v) for k, v in regions.items()})
