"""A sheet with every importable field of a kind: the blank template a clerk fills in, or
the full records (names for OPDs, labels for choices) that import back unchanged.

The full export is what a move to another database needs: the list export shows the
list's columns, which leave out fields the rules require (an exempted dataset's grounds),
so its rows cannot all come back. This one carries every importable field, as XLSX or
CSV, and ``tests/test_export_import_roundtrip.py`` proves that nothing is lost. Every
text cell is neutralised against formulas, as in the list export.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.export import _atomic, neutralise
from desktop.core.fields import Field, FieldType
from desktop.core.i18n import t
from desktop.core.importing.convert import NAME_COLUMNS
from desktop.core.importing.mapping import importable_fields
from desktop.core.jobs import Progress
from desktop.core.kinds import KINDS
from desktop.core.services import ListQuery

BATCH = 1000
FULL_SUFFIXES = (".xlsx", ".csv")


def write_sheet(desk: Desk, kind_name: str, path: str | Path,
                query: ListQuery | None = None, *, with_rows: bool = True,
                progress: Progress | None = None, delimiter: str | None = None) -> int:
    """Write an XLSX (or, by suffix, a CSV) with one column per importable field.

    Returns the rows written; without ``with_rows`` only the header (the blank template).
    ``delimiter``: the CSV's column separator (None: the setting, see core.csv_format).
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FULL_SUFFIXES:
        raise DeskError(t("Ekspor lengkap hanya ke .xlsx atau .csv, bukan {suffix}.",
                          suffix=suffix or target.name))
    kind = KINDS[kind_name]
    fields = importable_fields(kind)
    ids = desk.service(kind_name).ids(query or ListQuery()) if with_rows else []
    headers = [str(fld.label) for fld in fields]
    if suffix == ".csv":
        from desktop.core.csv_format import resolve_delimiter

        separator = resolve_delimiter(delimiter)
        _atomic(target, lambda tmp: _write_csv(tmp, headers, _records(desk, kind_name, fields,
                                                                       ids, progress),
                                               separator))
    else:
        _atomic(target, lambda tmp: _write_xlsx(tmp, str(kind.plural), headers,
                                                _records(desk, kind_name, fields, ids,
                                                         progress)))
    return len(ids)


def _records(desk: Desk, kind_name: str, fields: tuple[Field, ...], ids: list[str],
             progress: Progress | None) -> Iterator[list[Any]]:
    service = desk.service(kind_name)
    names: dict[str, dict[str, str]] = {}
    for start in range(0, len(ids), BATCH):
        for record in (service.get(i) for i in ids[start:start + BATCH]):
            yield [_cell(desk, fld, record.get(fld.name), names) for fld in fields]
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids), "")


def _write_xlsx(tmp: Path, title: str, headers: list[str], rows: Iterator[list[Any]]) -> None:
    from desktop.core.xlsx_writer import SheetWriter

    with SheetWriter(tmp, title, headers) as sheet:
        for row in rows:
            sheet.append(row)


def _write_csv(tmp: Path, headers: list[str], rows: Iterator[list[Any]],
               delimiter: str = ",") -> None:
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_text(value) for value in row])


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")  # as the import reads it, whatever the locale
    return neutralise(str(value))


def _cell(desk: Desk, fld: Field, value: Any, names: dict[str, dict[str, str]]) -> Any:
    """The cell the import reads back as ``value``; any text neutralised against formulas."""
    if value is None or value == [] or value == "":
        return None
    if fld.type == FieldType.REF and fld.ref:
        return neutralise(_name_of(desk, fld.ref, value, names))
    if fld.type == FieldType.CHOICE and fld.choices is not None:
        return neutralise(fld.choices.label(value))
    if fld.type in (FieldType.CHOICES, FieldType.TAGS) and isinstance(value, list):
        labels = [fld.choices.label(v) for v in value] if fld.choices is not None else value
        return neutralise(", ".join(map(str, labels)))
    if fld.type == FieldType.BOOL:
        return "ya" if value else "tidak"
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, list):
        return neutralise(", ".join(map(str, value)))
    return value


def _name_of(desk: Desk, kind_name: str, record_id: str,
             names: dict[str, dict[str, str]]) -> str:
    if kind_name not in names:
        column = NAME_COLUMNS[kind_name][0]
        service = desk.service(kind_name)
        names[kind_name] = {r["id"]: r[column] for r in
                            (service.get(i) for i in service.ids(ListQuery()))}
    return names[kind_name].get(record_id, record_id)
