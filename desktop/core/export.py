"""Writing a list, as shown (filter and sort), to CSV or XLSX, and describing its filter.

The PDF report is the documents layer's (``desktop.documents.list_report``), and
``desktop.documents.list_export.write_list`` picks the writer by the file's suffix: the
core knows nothing of reportlab.

Cells that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab, CR at
the start) are prefixed with an apostrophe: an exported register must never execute.
The importer strips that apostrophe again, so an export re-imports unchanged.

Every writer streams the rows in batches (a 100,000-row register never sits in memory
twice), writes to ``<name>.part`` and renames at the end: a cancelled or failed export
never leaves a half file that looks like a finished one. Cancelling is the progress
callback raising an exception (the GUI's dialog raises when the user clicks Cancel).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.formatting import display
from desktop.core.i18n import t, tn
from desktop.core.jobs import Progress
from desktop.core.safe_write import write_atomic
from desktop.core.services import ListQuery, RecordService
from desktop.core.xlsx_writer import ILLEGAL_XML, neutralise

if TYPE_CHECKING:
    from desktop.core.database import Database
    from desktop.core.kinds import RecordKind

BATCH = 1000
SUFFIXES = (".csv", ".xlsx", ".pdf")


def batches(service: RecordService, ids: Sequence[str], progress: Progress | None = None
            ) -> Iterator[list[dict[str, Any]]]:
    """The display rows of ``ids`` a batch at a time, reporting progress after each.

    Shared by every format so that they all stream, report and cancel the same way.
    """
    total = len(ids)
    for start in range(0, total, BATCH):
        yield service.rows(ids[start:start + BATCH])
        if progress is not None:
            progress(min(start + BATCH, total), total, "")


def _atomic(path: str | Path, write: Callable[[Path], None]) -> None:
    """Run ``write`` on ``<path>.part`` and rename it to ``path`` only if it succeeded
    (a file open in Excel: retried, then a clear message; see ``core.safe_write``)."""
    write_atomic(path, write)


# ------------------------------------------------------------------ CSV
def write_csv(service: RecordService, query: ListQuery, path: str | Path,
              progress: Progress | None = None, *, delimiter: str | None = None) -> int:
    """Write every row the query matches; return how many were written.

    ``delimiter``: ``,``, ``;`` or ``auto``; None takes the setting (see core.csv_format).
    """
    from desktop.core.csv_format import resolve_delimiter

    kind = service.kind
    separator = resolve_delimiter(delimiter)
    ids = service.ids(query)

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=separator)
            writer.writerow([str(c.label) for c in kind.columns])
            for rows in batches(service, ids, progress):
                for row in rows:
                    writer.writerow([neutralise(display(row.get(c.key), c.choices))
                                     for c in kind.columns])

    _atomic(path, write)
    return len(ids)


# ------------------------------------------------------------------ XLSX
def xlsx_value(value: Any, choices: Any = None) -> Any:
    """A list value as a spreadsheet cell holds it (and as a reader gets it back).

    Dates and numbers stay typed (so they sort, filter and sum in Excel); everything
    else becomes the text the list shows, neutralised against formula injection. The
    export hands ``_cell_value`` to the sheet writer, which cleans text itself.
    """
    cell = _cell_value(value, choices)
    return neutralise(ILLEGAL_XML.sub("", cell)) if isinstance(cell, str) else cell


def write_xlsx(service: RecordService, query: ListQuery, path: str | Path,
               progress: Progress | None = None) -> int:
    """Write every row the query matches to one sheet; return how many were written.

    The sheet is streamed by ``core.xlsx_writer`` (bold frozen header repeated on every
    printed page, autofilter, date cells, text never a formula).
    """
    from desktop.core.xlsx_writer import SheetWriter

    kind = service.kind
    columns = kind.columns
    ids = service.ids(query)
    headers = [str(c.label) for c in columns]
    chunks = batches(service, ids, progress)
    first = next(chunks, [])
    keys = [(c.key, c.choices) for c in columns]

    def write(tmp: Path) -> None:
        # widths go before the first row: the sheet streams, so the first batch decides
        with SheetWriter(tmp, str(kind.plural), headers, autofilter=True,
                         widths=_widths(headers, columns, first)) as sheet:
            for rows in _chained(first, chunks):
                for row in rows:
                    sheet.append([_cell_value(row.get(key), choices) for key, choices in keys])

    _atomic(path, write)
    return len(ids)


def _chained(first: list[dict[str, Any]], rest: Iterator[list[dict[str, Any]]]
             ) -> Iterator[list[dict[str, Any]]]:
    yield first
    yield from rest


def _cell_value(value: Any, choices: Any) -> Any:
    """The typed value or the list's text, before the sheet writer's text cleaning."""
    if value is None:
        return None
    if choices is None:
        if type(value) is str:
            return value
        if isinstance(value, datetime):
            return value.replace(tzinfo=None) if value.tzinfo else value  # Excel has no zones
        if isinstance(value, (date, int, float, Decimal)) and not isinstance(value, bool):
            return value
    return display(value, choices)


def _widths(headers: Sequence[str], columns: Sequence[Any], sample: Sequence[dict[str, Any]]
            ) -> list[float]:
    """Widths from the header and the first batch: streaming rules out measuring all rows."""
    widths = []
    for header, column in zip(headers, columns, strict=True):
        longest = len(header) + 3  # room for the autofilter button
        for row in sample:
            value = row.get(column.key)
            if isinstance(value, date):
                longest = max(longest, 11)
            elif value is not None:
                longest = max(longest, len(display(value, column.choices)))
        widths.append(float(min(max(longest + 1, 8), 60)))
    return widths


# ------------------------------------------------------------------ filter description
_SPECIAL_LABELS = {
    "terlambat": lambda: t("Terlambat diperbarui"),
    "berakhir_dalam": lambda: t("Berakhir dalam (hari)"),
    "tahun": lambda: t("Tahun"),
    "provinsi": lambda: t("Provinsi mitra"),
}


def describe_query(kind: RecordKind, query: ListQuery, db: Database | None = None) -> str:
    """The list's filter and search in words, for a printed report's subtitle.

    A reader of a printout cannot see the window's filter bar, so the report must say
    which records it shows: "Status: Operasional; pencarian: “data”". With ``db``,
    references (an OPD's id) and region codes are shown by name.
    """
    parts = [_describe_filter(kind, key, value, db) for key, value in query.filters.items()]
    if query.text and query.text.strip():
        parts.append(t("pencarian: “{text}”", text=query.text.strip()))
    if query.sort:
        parts.append(t("urut: {columns}", columns=", ".join(
            _sort_label(kind, key) for key in query.sort)))
    if query.include_deleted:
        parts.append(t("termasuk yang dihapus"))
    return "; ".join(parts) if parts else t("Semua data")


def _sort_label(kind: RecordKind, key: str) -> str:
    name = key.lstrip("-")
    label = _field_label(kind, name)
    return t("{column} (menurun)", column=label) if key.startswith("-") else label


def _field_label(kind: RecordKind, name: str) -> str:
    try:
        return str(kind.column(name).label)
    except KeyError:
        pass
    try:
        return str(kind.field(name).label)
    except KeyError:
        return name.replace("_", " ").capitalize()


def _describe_filter(kind: RecordKind, key: str, value: Any, db: Database | None) -> str:
    from desktop.core.fields import FieldType
    from desktop.core.validation import FieldProblem, coerce_value

    if key in kind.filters:
        label = _SPECIAL_LABELS.get(key, lambda: key.replace("_", " ").capitalize())()
        if key == "terlambat":
            overdue = str(value).lower() not in ("0", "false")
            return label if overdue else t("Tidak terlambat diperbarui")
        if key == "provinsi":
            value = _region_name(db, str(value).split(".")[0])
        return f"{label}: {value}"
    name, _, op = key.partition("__")
    if name == "id":
        count = 1 if op == "" else len(list(value))
        return tn("{count} data terpilih", count, count=count)
    try:
        fld = kind.field(name)
    except KeyError:
        return f"{key}: {value}"
    label = str(fld.label)

    def shown(v: Any) -> str:
        if v is None:
            return t("(kosong)")
        try:
            clean = coerce_value(fld, v)
        except FieldProblem:
            return str(v)
        if fld.type is FieldType.REF and db is not None and fld.ref:
            return _record_title(db, fld.ref, str(clean))
        if fld.type is FieldType.REGION and db is not None:
            return _region_name(db, str(clean))
        return display(clean, fld.choices)

    match op or "eq":
        case "eq":
            return f"{label}: {shown(value)}"
        case "ne":
            return f"{label} ≠ {shown(value)}"
        case "in":
            return f"{label}: {', '.join(shown(v) for v in value)}"
        case "gte":
            return f"{label} ≥ {shown(value)}"
        case "lte":
            return f"{label} ≤ {shown(value)}"
        case "isnull":
            return t("{field} kosong", field=label) if value else t("{field} terisi",
                                                                    field=label)
        case "contains":
            return t("{field} memuat “{text}”", field=label, text=value)
    return f"{label}: {value}"


def _record_title(db: Database, kind_name: str, record_id: str) -> str:
    from desktop.core.kinds import KINDS

    kind = KINDS.get(kind_name)
    if kind is None:
        return record_id
    with db.read_session() as s:
        obj = s.get(kind.model, record_id)
        return kind.title(obj) if obj is not None else record_id


def _region_name(db: Database | None, code: str) -> str:
    if db is None:
        return code
    from desktop.core.models import Region

    with db.read_session() as s:
        region = s.get(Region, code)
        return region.nama if region is not None else code
