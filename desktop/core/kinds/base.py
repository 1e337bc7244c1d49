"""What a record kind is: its model, fields, owned rows, list columns and rules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from desktop.core.choices import ChoiceSet
from desktop.core.fields import Collection, Field
from desktop.core.i18n import Label
from desktop.core.validation import Errors


@dataclass(frozen=True)
class ListColumn:
    """A column of a list: its SQL expression is used for the value and for sorting."""

    key: str
    label: Label
    expr: Callable[[], ColumnElement[Any]]
    choices: ChoiceSet | None = None
    # A related record's name shown here (``expr`` looks it up): the required REF field
    # and the related model's name column, so a sort by it can read its first screen
    # related record by related record (services/related_sort.py)
    sort_via: tuple[str, Any] | None = None


ExtraRule = Callable[[Session, dict[str, Any], Errors, Any], None]
SpecialFilter = Callable[[Any], ColumnElement[bool]]


@dataclass(frozen=True)
class RecordKind:
    name: str  # stable code: CLI argument, audit log, search index
    label: Label
    plural: Label
    model: type
    fields: tuple[Field, ...]
    columns: tuple[ListColumn, ...]
    title: Callable[[Any], str]
    search_text: Callable[[Any], str]
    subtitle: Callable[[Any], str] = lambda _r: ""
    collections: tuple[Collection, ...] = ()
    rules: tuple[ExtraRule, ...] = ()
    default_sort: tuple[str, ...] = ()
    aliases: tuple[str, ...] = field(default=())
    # Filters that are not one field's value: "overdue", "expiring within N days", a year.
    filters: dict[str, SpecialFilter] = field(default_factory=dict)
    # The required text field the list opens sorted by, when its search entries keep a
    # copy of it (``search_entry.urutan``): a search then reads its first screen in order
    # off an index. Only the big lists have one (migration 0009 backfills the same pairs).
    search_sort: str | None = None

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def sort_value(self, record: Any) -> str | None:
        """The value kept as the record's search entry's sort key (see ``search_sort``)."""
        return getattr(record, self.search_sort) if self.search_sort else None

    def column(self, key: str) -> ListColumn:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)


def words(*parts: object) -> str:
    """Join the non-empty parts of a record into its searchable text."""
    return " ".join(str(p) for p in parts if p not in (None, "", [], ()))
