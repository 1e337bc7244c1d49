"""Validating and importing rows: one transaction, written a batch at a time.

The preview and the import are the same run: every row goes through the services
(validation, references, audit, search index; new records a batch at a time through
``create_many``, see ``creates``, changed ones through ``update_many``, see
``updates``), so the preview's
messages are exactly what the import would meet. The preview then rolls everything
back; the import commits the valid rows, or nothing when the user asked for all or
nothing and a row failed. A row whose natural key (e.g. OPD code) matches a live record
updates it, so importing the same sheet twice does not duplicate.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.desk import Desk
from desktop.core.errors import DeskError
from desktop.core.fields import FieldType
from desktop.core.i18n import t
from desktop.core.importing.convert import Converter, normalise_name
from desktop.core.importing.creates import PendingCreates
from desktop.core.importing.mapping import IMPORT_KINDS, importable_fields
from desktop.core.importing.sheet import Sheet
from desktop.core.importing.updates import PendingUpdates
from desktop.core.jobs import Progress
from desktop.core.kinds import KINDS, RecordKind
from desktop.core.safe_write import write_atomic
from desktop.core.services.updating import Change
from desktop.core.validation import FieldProblem

# How a row finds the record it describes (so a re-import updates, not duplicates).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "opd": ("kode",),
    "apps": ("nama", "opd_pemilik_id"),
    "datasets": ("judul", "opd_id"),
    "visits": ("tanggal_mulai", "instansi"),
    "deployments": ("aplikasi_id", "lingkungan", "versi", "tanggal"),
}


@dataclass
class RowResult:
    row: int  # as numbered in the spreadsheet
    action: str  # "create", "update" or "error"
    errors: list[str] = field(default_factory=list)
    record_id: str | None = None


@dataclass
class ImportOutcome:
    results: list[RowResult]
    committed: bool

    def count(self, action: str) -> int:
        return sum(1 for r in self.results if r.action == action)

    @property
    def created(self) -> int:
        return self.count("create")

    @property
    def updated(self) -> int:
        return self.count("update")

    @property
    def failed(self) -> int:
        return self.count("error")

    def summary(self) -> str:
        if self.committed:
            return t("{created} baris ditambahkan, {updated} diperbarui, {failed} dilewati.",
                     created=self.created, updated=self.updated, failed=self.failed)
        return t("Tidak ada yang diimpor. {ok} baris siap ({created} baru, {updated} "
                 "diperbarui), {failed} bermasalah.", ok=self.created + self.updated,
                 created=self.created, updated=self.updated, failed=self.failed)

    def write_report(self, path: str | Path) -> None:
        """The per-row report as CSV (row, result, messages), for the office's records."""
        labels = {"create": t("ditambahkan"), "update": t("diperbarui"), "error": t("dilewati")}

        def write(part: Path) -> None:
            with part.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([t("Baris"), t("Hasil"), t("Keterangan")])
                for result in self.results:
                    writer.writerow([result.row, labels[result.action],
                                     "; ".join(result.errors)])

        write_atomic(path, write)  # a report still open in Excel: a clear message


def missing_required(kind_name: str, mapping: dict[int, str]) -> list[str]:
    """Labels of required fields no column is mapped to (the sheet cannot be imported)."""
    mapped = set(mapping.values())
    return [str(f.label) for f in importable_fields(KINDS[kind_name])
            if f.required and f.default is None and f.name not in mapped]


def import_rows(desk: Desk, kind_name: str, sheet: Sheet, mapping: dict[int, str], *,
                commit: bool, valid_only: bool = True,
                progress: Progress | None = None) -> ImportOutcome:
    """Run every row; commit when ``commit`` (and, unless ``valid_only``, all rows passed)."""
    if kind_name not in IMPORT_KINDS:
        raise DeskError(t("Impor tidak tersedia untuk {kind}.", kind=kind_name))
    missing = missing_required(kind_name, mapping)
    if missing:
        raise DeskError(t("Kolom wajib tidak ada di lembar kerja: {fields}.",
                          fields=", ".join(missing)))
    kind = KINDS[kind_name]
    service = desk.service(kind_name)
    results: list[RowResult] = []
    fields = {f.name: f for f in importable_fields(kind)}
    with desk.db.session() as session:
        converter = Converter(session)
        seen: dict[tuple[Any, ...], int] = {}
        existing_keys = _existing_keys(session, kind)
        creates = PendingCreates(session, service, seen, existing_keys)
        updates = PendingUpdates(session, service, seen)
        total = sheet.count
        for index, (number, cells) in enumerate(sheet.numbered_rows()):
            if index >= total:  # the file grew since it was read and counted
                raise DeskError(t("Berkas {name} berubah sejak dibaca; pilih berkasnya lagi.",
                                  name=sheet.name))
            result = _one_row(kind, converter, fields, mapping, cells, number, seen,
                              existing_keys, creates, updates)
            results.append(result)
            if progress is not None and (index % 100 == 99 or index == total - 1):
                progress(index + 1, total, "")
        creates.flush()
        updates.flush()
        outcome = ImportOutcome(results, committed=False)
        if commit and (valid_only or outcome.failed == 0) and \
                outcome.created + outcome.updated > 0:
            outcome.committed = True  # the session commits on leaving the block
        else:
            session.rollback()
    return outcome


def _one_row(kind: RecordKind, converter: Converter, fields: dict[str, Any],
             mapping: dict[int, str], cells: list[Any], number: int,
             seen: dict[tuple[Any, ...], int],
             existing_keys: dict[tuple[Any, ...], tuple[str, int]],
             creates: PendingCreates, updates: PendingUpdates) -> RowResult:
    data: dict[str, Any] = {}
    problems: list[str] = []
    for column, name in mapping.items():
        fld = fields[name]
        cell = cells[column] if column < len(cells) else None
        try:
            value = converter.value(fld, cell)
        except FieldProblem as problem:
            problems.append(f"{fld.label}: {problem}")
            continue
        if value is not None or fld.type == FieldType.BOOL:
            data[name] = value
    if problems:
        return RowResult(number, "error", problems)
    key = _natural_key(kind, data)
    if key is not None and key in creates.keys:
        creates.flush()  # whether the earlier row is taken decides whether this one repeats it
    if key is not None and key in updates.keys:
        updates.flush()  # (the same for an earlier row that changes the record)
    if key is not None and key in seen:
        return RowResult(number, "error", [t("Sama dengan baris {row} (duplikat).",
                                             row=seen[key])])
    existing = existing_keys.get(key) if key is not None else None
    if existing is None:
        result = RowResult(number, "create")  # its id or messages when its batch is written
        creates.add(result, data, key)
        return result
    record_id, version = existing
    result = RowResult(number, "update", record_id=record_id)  # or its messages, once written
    updates.add(result, Change(record_id, data, version), key)
    return result


def _natural_key(kind: RecordKind, data: dict[str, Any]) -> tuple[Any, ...] | None:
    names = NATURAL_KEYS[kind.name]
    if not data.get(names[0]):
        return None
    return tuple(normalise_name(data[n]) if isinstance(data.get(n), str) else data.get(n)
                 for n in names)


def _existing_keys(session: Session, kind: RecordKind) -> dict[tuple[Any, ...], tuple[str, int]]:
    """Every live record by natural key, read once (a query per row would grow with the
    table and make a 10,000-row sheet quadratic)."""
    model = kind.model
    names = NATURAL_KEYS[kind.name]
    stmt = select(model.id, model.version, *(getattr(model, n) for n in names)).where(
        model.deleted_at.is_(None))
    found: dict[tuple[Any, ...], tuple[str, int]] = {}
    for record_id, version, *values in session.execute(stmt):
        key = tuple(normalise_name(v) if isinstance(v, str) else v for v in values)
        found.setdefault(key, (record_id, version))
    return found
