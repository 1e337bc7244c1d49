"""The "Laporan Kegiatan": a period's activity as an A4 report for the head of office.

Laid out from ``desktop.core.period.PeriodReport`` (plain data): the office header, a
summary, two small charts, then one table per activity, each with its header row
repeated on every page, and "Halaman x dari y" in the footer. Tables have ruled cells,
which also lets a reader (or a test) pull them back out of the PDF as tables. Every text
a person typed is escaped before it reaches a Paragraph.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.formatting import long_date, number
from desktop.core.i18n import t
from desktop.core.period import PeriodReport
from desktop.documents.list_report import (
    HEADER_FILL,
    RULE,
    ZEBRA,
    FooterCanvas,
    Rule,
    report_styles,
)
from desktop.documents.pdf import FONT, FONT_BOLD, esc

MARGIN = 2.0 * cm
IN_COLOUR, OUT_COLOUR = colors.HexColor("#1565c0"), colors.HexColor("#ef6c00")
STATUS_COLOURS = [colors.HexColor(c) for c in ("#1565c0", "#00897b", "#7cb342", "#f9a825",
                                               "#ef6c00", "#8e24aa", "#5c6bc0", "#90a4ae")]


def _short_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class _Builder:
    def __init__(self, report: PeriodReport, width: float) -> None:
        self.report = report
        self.width = width
        self.styles = report_styles()
        self.cell = ParagraphStyle("pcell", parent=self.styles["cell"], fontSize=8.5,
                                   leading=10.5)
        self.head = ParagraphStyle("phead", parent=self.styles["head"], fontSize=8.5,
                                   leading=10.5)
        self.h1 = ParagraphStyle("h1", fontName=FONT_BOLD, fontSize=11.5, leading=15,
                                 spaceBefore=12, spaceAfter=5)
        self.h2 = ParagraphStyle("h2", fontName=FONT_BOLD, fontSize=9.5, leading=13,
                                 spaceBefore=6, spaceAfter=3)
        self.note = ParagraphStyle("note", parent=self.styles["meta"], fontSize=8.5,
                                   textColor=colors.Color(0.35, 0.35, 0.35))
        self.title = ParagraphStyle("ptitle", fontName=FONT_BOLD, fontSize=15, leading=19,
                                    alignment=TA_CENTER, spaceBefore=10)
        self.subtitle = ParagraphStyle("psub", fontName=FONT, fontSize=10.5, leading=14,
                                       alignment=TA_CENTER, spaceAfter=8)

    # ------------------------------------------------------------------ pieces
    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
              widths: Sequence[float], numeric: Sequence[int] = ()) -> Flowable:
        """Numbered rows under a repeated header; ``widths`` are fractions of the frame."""
        if not rows:
            return Paragraph(esc(t("Tidak ada.")), self.note)
        data: list[list[Any]] = [[Paragraph(esc(h), self.head) for h in (t("No."), *headers)]]
        for index, row in enumerate(rows, 1):
            data.append([str(index), *(str(v) if column in numeric  # short: never wraps
                                       else Paragraph(esc(str(v)), self.cell)
                                       for column, v in enumerate(row))])
        number_width = 1.0 * cm
        rest = self.width - number_width
        table = LongTable(data, colWidths=[number_width, *(rest * w for w in widths)],
                          repeatRows=1)
        style = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
            ("GRID", (0, 0), (-1, -1), 0.4, RULE),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        style += [("ALIGN", (c + 1, 1), (c + 1, -1), "RIGHT") for c in numeric]
        table.setStyle(TableStyle(style))
        return table

    def header(self, office: Mapping[str, Any] | None, logo: str | Path | None
               ) -> list[Flowable]:
        if not office:
            return []
        lines = [Paragraph(esc(office.get("nama") or ""), self.styles["office"])]
        contact = " · ".join(str(office[k]) for k in ("alamat", "telepon", "email", "website")
                             if office.get(k))
        if contact:
            lines.append(Paragraph(esc(contact), self.styles["address"]))
        picture = _logo(logo)
        if picture is None:
            return [*lines, Spacer(1, 3), Rule()]
        head = Table([[picture, lines]], colWidths=[1.9 * cm, self.width - 1.9 * cm])
        head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return [head, Spacer(1, 3), Rule()]

    def summary(self) -> Flowable:
        r = self.report
        done = sum(1 for d in r.deployments if d["status"] == _label_of("berhasil"))
        failed = sum(1 for d in r.deployments if d["status"] == _label_of("gagal"))
        rows = [
            (t("Kunjungan diterima"), number(len(r.visits_in))),
            (t("Kunjungan dilakukan"), number(len(r.visits_out))),
            (t("Kerja sama ditandatangani"), number(len(r.agreements_signed))),
            (t("Aplikasi terdaftar"), number(len(r.apps_registered))),
            (t("Deployment (berhasil / gagal)"),
             f"{number(len(r.deployments))} ({number(done)} / {number(failed)})"),
            (t("Dataset dirilis"), number(len(r.datasets_released))),
            (t("Dataset terlambat diperbarui pada akhir periode"),
             number(r.datasets_overdue)),
        ]
        return self.table([t("Uraian"), t("Jumlah")], rows, (0.75, 0.25), numeric=(1,))

    def charts(self) -> Flowable:
        half = (self.width - 0.5 * cm) / 2
        table = Table([[_visits_chart(self.report, half), _status_chart(self.report, half)]],
                      colWidths=[half + 0.25 * cm, half + 0.25 * cm])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        return table

    # ------------------------------------------------------------------ story
    def story(self, office: Mapping[str, Any] | None, logo: str | Path | None
              ) -> list[Flowable]:
        r = self.report
        p = r.period
        out: list[Flowable] = self.header(office, logo)
        out += [
            Paragraph(esc(t("LAPORAN KEGIATAN")), self.title),
            Paragraph(esc(p.label), self.subtitle),
            Paragraph(esc(t("Periode {start} s.d. {end} · dicetak {today}",
                            start=long_date(p.start), end=long_date(p.end),
                            today=long_date(date.today()))), self.note),
            Paragraph(esc(t("Ringkasan")), self.h1), self.summary(), Spacer(1, 8),
            KeepTogether([self.charts()]),
        ]
        visit_headers = [t("Tanggal"), t("Instansi"), t("Daerah"), t("Topik"), t("Peserta")]
        visit_widths = (0.14, 0.29, 0.15, 0.30, 0.12)

        def visit_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
            return [[_short_date(v["tanggal"]), v["instansi"], v["daerah"], v["topik"],
                     "" if v["peserta"] is None else number(v["peserta"])] for v in rows]

        out += [
            Paragraph(esc(t("1. Kunjungan kerja")), self.h1),
            Paragraph(esc(t("a. Kunjungan diterima (daerah lain berkunjung)")), self.h2),
            self.table(visit_headers, visit_rows(r.visits_in), visit_widths, numeric=(4,)),
            Paragraph(esc(t("b. Kunjungan dilakukan (kami berkunjung)")), self.h2),
            self.table(visit_headers, visit_rows(r.visits_out), visit_widths, numeric=(4,)),
            Paragraph(esc(t("2. Kerja sama")), self.h1),
            Paragraph(esc(t("a. Naskah ditandatangani dalam periode ini")), self.h2),
            self.table([t("Tanggal"), t("Jenis"), t("Judul"), t("Mitra"), t("Berlaku s.d."),
                        t("Status")],
                       [[_short_date(a["tanggal"]), a["jenis"], a["judul"], a["mitra"],
                         _short_date(a["berlaku_sampai"]), a["status"]]
                        for a in r.agreements_signed],
                       (0.15, 0.12, 0.28, 0.2, 0.13, 0.12)),
            Paragraph(esc(t("b. Status seluruh kerja sama saat ini")), self.h2),
            self.table([t("Status"), t("Jumlah")],
                       [[status, number(n)] for status, n in r.agreements_by_status.items()],
                       (0.75, 0.25), numeric=(1,)),
            Paragraph(esc(t("3. Aplikasi")), self.h1),
            Paragraph(esc(t("a. Aplikasi terdaftar (tanggal surat rekomendasi, atau tanggal "
                            "dicatat)")), self.h2),
            self.table([t("Tanggal"), t("Nama aplikasi"), t("OPD pemilik"), t("Status")],
                       [[_short_date(a["tanggal"]), a["nama"], a["opd"], a["status"]]
                        for a in r.apps_registered], (0.15, 0.35, 0.34, 0.16)),
            Paragraph(esc(t("b. Deployment")), self.h2),
            self.table([t("Tanggal"), t("Aplikasi"), t("Versi"), t("Lingkungan"), t("Hasil")],
                       [[_short_date(d["tanggal"]), d["aplikasi"], d["versi"],
                         d["lingkungan"], d["status"]] for d in r.deployments],
                       (0.15, 0.39, 0.12, 0.17, 0.17)),
            Paragraph(esc(t("4. Data (Satu Data Indonesia)")), self.h1),
            Paragraph(esc(t("a. Dataset dirilis")), self.h2),
            self.table([t("Tanggal rilis"), t("Judul"), t("Produsen data"), t("Sifat")],
                       [[_short_date(d["tanggal"]), d["judul"], d["opd"], d["sifat"]]
                        for d in r.datasets_released], (0.15, 0.45, 0.27, 0.13)),
            Paragraph(esc(t("b. Dataset terlambat diperbarui per {date}, menurut OPD",
                            date=long_date(r.overdue_as_of or p.end))), self.h2),
            self.table([t("OPD"), t("Terlambat"), t("Dataset terjadwal")],
                       [[opd, number(late), number(total)]
                        for opd, late, total in r.overdue_by_opd], (0.6, 0.2, 0.2),
                       numeric=(1, 2)),
        ]
        return out


def _label_of(code: str) -> str:
    from desktop.core.choices import STATUS_DEPLOYMENT

    return STATUS_DEPLOYMENT.label(code)


def _logo(path: str | Path | None) -> Flowable | None:
    if not path:
        return None
    try:
        return Image(str(Path(path).expanduser()), width=1.6 * cm, height=1.6 * cm,
                     kind="proportional")
    except OSError:  # a moved logo must not stop the report
        return None


def _visits_chart(report: PeriodReport, width: float) -> Drawing:
    height = 5.2 * cm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, t("Kunjungan per bulan"), fontName=FONT_BOLD,
                       fontSize=9))
    months = report.visits_per_month
    chart = VerticalBarChart()
    chart.x, chart.y = 22, 30
    chart.width, chart.height = width - 30, height - 52
    chart.data = [[m[1] for m in months] or [0], [m[2] for m in months] or [0]]
    chart.categoryAxis.categoryNames = [m[0] for m in months] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5 if len(months) > 6 else 7.5
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((max(m[1], m[2]) for m in months), default=0)
    chart.valueAxis.valueMax = max(2, top + 1)
    chart.valueAxis.valueStep = max(1, (top + 1) // 4 or 1)
    chart.bars[0].fillColor = IN_COLOUR
    chart.bars[1].fillColor = OUT_COLOUR
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 24, 12
    legend.fontName, legend.fontSize = FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 90
    legend.colorNamePairs = [(IN_COLOUR, t("Diterima")), (OUT_COLOUR, t("Dilakukan"))]
    drawing.add(legend)
    return drawing


def _status_chart(report: PeriodReport, width: float) -> Drawing:
    """Agreements by status as horizontal bars (a pie is unreadable with 8 statuses)."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    height = 5.2 * cm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, t("Kerja sama menurut status"), fontName=FONT_BOLD,
                       fontSize=9))
    items = list(report.agreements_by_status.items()) or [("", 0)]
    chart = HorizontalBarChart()
    chart.x, chart.y = 112, 14
    chart.width, chart.height = width - 124, height - 34
    chart.data = [[n for _s, n in reversed(items)]]
    chart.categoryAxis.categoryNames = [s[:24] for s, _n in reversed(items)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(n for _s, n in items)
    chart.valueAxis.valueMax = max(2, top + 1)
    chart.valueAxis.valueStep = max(1, (top + 1) // 4 or 1)
    chart.bars[0].fillColor = STATUS_COLOURS[1]
    chart.bars.strokeColor = None
    drawing.add(chart)
    return drawing


def render_period_report(report: PeriodReport, *, office: Mapping[str, Any] | None = None,
                         logo: str | Path | None = None) -> bytes:
    """The report as PDF bytes (A4 portrait)."""
    buffer = BytesIO()
    title = t("Laporan Kegiatan") + f" {report.period.label}"  # t() outside: pybabel finds it
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=1.6 * cm, bottomMargin=1.8 * cm, title=title,
                          author=(office or {}).get("nama") or "Diskominfo Desk",
                          creator="Diskominfo Desk")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="report", frames=[frame])])
    footer_left = " · ".join(x for x in ((office or {}).get("nama"), title) if x)

    def canvasmaker(*args: Any, **kwargs: Any) -> FooterCanvas:
        return FooterCanvas(*args, footer_left=footer_left, **kwargs)

    doc.build(_Builder(report, doc.width).story(office, logo), canvasmaker=canvasmaker)
    return buffer.getvalue()


def write_period_report(desk: Any, period: Any, path: str | Path) -> PeriodReport:
    """Gather, lay out and write the report (through a temporary file: a failure never
    leaves half a PDF under the chosen name). Returns the data it printed."""
    from desktop.core.period import gather
    from desktop.core.safe_write import write_bytes_atomic
    from desktop.core.settings import OFFICE_LOGO, current

    target = Path(path)
    report = gather(desk, period)
    logo = str(current().get(OFFICE_LOGO) or "").strip() or None
    pdf = render_period_report(report, office=desk.office.get(), logo=logo)
    write_bytes_atomic(target, pdf)  # a file open in a PDF reader: a clear message
    return report
