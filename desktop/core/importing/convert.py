"""Cells to field values: what a clerk typed, in the words the register understands.

A choice may be written as its code or its label in either language; an OPD, an
application or a dataset by its name (or code / short name), case-insensitively; a region
by its Kemendagri code or its name. Dates, numbers and yes/no are left to the core's
validation, which already accepts the usual spellings and gives the messages.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.choices import ChoiceSet
from desktop.core.fields import Field, FieldType
from desktop.core.i18n import t
from desktop.core.importing.mapping import normalise
from desktop.core.kinds import KINDS
from desktop.core.models import Region
from desktop.core.validation import FieldProblem
from desktop.core.xlsx_writer import FORMULA_START

# The columns a record of each kind is known by in a sheet.
NAME_COLUMNS: dict[str, tuple[str, ...]] = {
    "opd": ("nama", "singkatan", "kode"),
    "apps": ("nama", "singkatan"),
    "datasets": ("judul",),
    "visits": ("instansi",),
    "agreements": ("judul",),
    "deployments": ("domain",),
}


class NameIndex:
    """Records of one kind by every name they are known by; ambiguous names remembered."""

    def __init__(self, session: Session, kind_name: str) -> None:
        kind = KINDS[kind_name]
        model = kind.model
        columns = [getattr(model, c) for c in NAME_COLUMNS[kind_name]]
        stmt = select(model.id, *columns).where(model.deleted_at.is_(None))
        self.ids: dict[str, str] = {}
        self.ambiguous: set[str] = set()
        for record_id, *names in session.execute(stmt):
            for name in {normalise_name(n) for n in names if n}:
                if name in self.ids and self.ids[name] != record_id:
                    self.ambiguous.add(name)
                self.ids.setdefault(name, record_id)

    def find(self, text: str, label: str) -> str:
        key = normalise_name(text)
        if key in self.ambiguous:
            raise FieldProblem(t("“{name}” cocok dengan lebih dari satu {kind}; tulis nama "
                                 "lengkap atau kodenya.", name=text, kind=label))
        if key not in self.ids:
            raise FieldProblem(t("{kind} “{name}” tidak ditemukan.", kind=label, name=text))
        return self.ids[key]


class RegionIndex:
    def __init__(self, session: Session) -> None:
        self.by_code: set[str] = set()
        self.by_name: dict[str, list[str]] = {}
        for kode, nama in session.execute(select(Region.kode, Region.nama)):
            self.by_code.add(kode)
            for name in {normalise_name(nama),
                         normalise_name(nama.split(" ", 1)[1]) if " " in nama else ""}:
                if name:
                    self.by_name.setdefault(name, []).append(kode)

    def find(self, text: str) -> str:
        raw = text.strip()
        if raw in self.by_code:
            return raw
        codes = self.by_name.get(normalise_name(raw), [])
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            raise FieldProblem(t("Daerah “{name}” ada lebih dari satu; tulis \"Kabupaten ...\" "
                                 "atau \"Kota ...\", atau kode Kemendagri.", name=raw))
        raise FieldProblem(t("Daerah “{name}” tidak dikenal.", name=raw))


def normalise_name(text: Any) -> str:
    return " ".join(str(text).split()).casefold()


def cell_text(value: Any) -> Any:
    """A cell as the services expect it: text trimmed, an exported "'=..." undone."""
    if isinstance(value, str):
        text = value.strip()
        if len(text) > 1 and text[0] == "'" and text[1].startswith(FORMULA_START):
            text = text[1:]  # our own export neutralised it; the text itself is wanted
        return text
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 2017.0 from a spreadsheet is the year 2017
    return value


def choice_code(choices: ChoiceSet, value: Any) -> Any:
    """A code from its code or its label in either language; unknown text passes through
    for validation to report."""
    text = str(value).strip()
    wanted = normalise(text)
    for choice in choices:
        if wanted in (normalise(choice.code), normalise(choice.label.id),
                      normalise(choice.label.en)):
            return choice.code
    return text


class Converter:
    """Turns one row's cells into field values; remembers name indexes per import."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._names: dict[str, NameIndex] = {}
        self._regions: RegionIndex | None = None
        # a sheet repeats a handful of choice texts thousands of times; finding one walks
        # every choice's labels in both languages (a third of a 10,000-row import's checks)
        self._choice_codes: dict[tuple[ChoiceSet, str], Any] = {}

    def names(self, kind_name: str) -> NameIndex:
        if kind_name not in self._names:
            self._names[kind_name] = NameIndex(self.session, kind_name)
        return self._names[kind_name]

    def regions(self) -> RegionIndex:
        if self._regions is None:
            self._regions = RegionIndex(self.session)
        return self._regions

    def choice(self, choices: ChoiceSet, value: Any) -> Any:
        """``choice_code``, remembered per text for the rest of the import."""
        key = (choices, str(value))
        if key not in self._choice_codes:
            self._choice_codes[key] = choice_code(choices, value)
        return self._choice_codes[key]

    def value(self, fld: Field, cell: Any) -> Any:
        value = cell_text(cell)
        if value is None or value == "":
            return None
        if fld.type == FieldType.DATE and isinstance(value, datetime):
            return value.date()
        if fld.type == FieldType.DATE and isinstance(value, date):
            return value
        if fld.type == FieldType.CHOICE and fld.choices is not None:
            return self.choice(fld.choices, value)
        if fld.type == FieldType.CHOICES and fld.choices is not None:
            return [self.choice(fld.choices, v) for v in str(value).split(",") if v.strip()]
        if fld.type == FieldType.REF and fld.ref:
            return self.names(fld.ref).find(str(value), str(KINDS[fld.ref].label))
        if fld.type == FieldType.REGION:
            return self.regions().find(str(value))
        if fld.type in (FieldType.TEXT, FieldType.LONGTEXT, FieldType.NIP) and \
                not isinstance(value, str):
            return str(value)  # a NIP typed as a number, a phone number
        return value
