"""A sheet with every importable field of a kind: the blank template a clerk fills in, or
the full records (names for OPDs, labels for choices) that import back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from desktop.core.desk import Desk
from desktop.core.export import neutralise
from desktop.core.fields import Field, FieldType
from desktop.core.importing.convert import NAME_COLUMNS
from desktop.core.importing.mapping import importable_fields
from desktop.core.kinds import KINDS
from desktop.core.services import ListQuery

BATCH = 1000


def write_sheet(desk: Desk, kind_name: str, path: str | Path,
                query: ListQuery | None = None, *, with_rows: bool = True) -> int:
    """Write an XLSX with one column per importable field; returns the rows written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    kind = KINDS[kind_name]
    fields = importable_fields(kind)
    service = desk.service(kind_name)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(kind.plural)[:31])
    sheet.freeze_panes = "A2"
    header = []
    for fld in fields:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=str(fld.label))
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    ids = service.ids(query or ListQuery()) if with_rows else []
    names: dict[str, dict[str, str]] = {}
    for start in range(0, len(ids), BATCH):
        for record in (service.get(i) for i in ids[start:start + BATCH]):
            sheet.append([_cell(desk, fld, record.get(fld.name), names) for fld in fields])
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    book.save(tmp)
    tmp.replace(target)
    return len(ids)


def _cell(desk: Desk, fld: Field, value: Any, names: dict[str, dict[str, str]]) -> Any:
    if value is None or value == [] or value == "":
        return None
    if fld.type == FieldType.REF and fld.ref:
        return _name_of(desk, fld.ref, value, names)
    if fld.type == FieldType.CHOICE and fld.choices is not None:
        return fld.choices.label(value)
    if fld.type in (FieldType.CHOICES, FieldType.TAGS) and isinstance(value, list):
        labels = [fld.choices.label(v) for v in value] if fld.choices is not None else value
        return neutralise(", ".join(map(str, labels)))
    if fld.type == FieldType.BOOL:
        return "ya" if value else "tidak"
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return neutralise(value)
    return value


def _name_of(desk: Desk, kind_name: str, record_id: str,
             names: dict[str, dict[str, str]]) -> str:
    if kind_name not in names:
        column = NAME_COLUMNS[kind_name][0]
        service = desk.service(kind_name)
        names[kind_name] = {r["id"]: r[column] for r in
                            (service.get(i) for i in service.ids(ListQuery()))}
    return names[kind_name].get(record_id, record_id)
