"""Field declarations: every editable field of every record kind, declared once.

Validation, the CLI's JSON, imports/exports and the GUI's forms all read these, so a
field's label, type and limits live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.core.choices import ChoiceSet
from desktop.core.i18n import Label


class FieldType(StrEnum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # paragraphs
    INT = "int"
    YEAR = "year"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"  # one code of a ChoiceSet
    CHOICES = "choices"  # several codes of a ChoiceSet
    TAGS = "tags"  # free words
    TEXTLIST = "textlist"  # ordered paragraphs (premises)
    REF = "ref"  # id of another record kind
    REFS = "refs"  # ids of other records (many-to-many)
    REGION = "region"  # Kemendagri code
    URL = "url"
    EMAIL = "email"
    NIP = "nip"  # 18-digit civil servant number


LONGTEXT_LIMIT = 20_000
TEXT_LIMIT = 200
STORED_TEXT_LIMIT = 1_000_000  # a TEXT column: a guard against absurd input, not a limit


@dataclass(frozen=True)
class Field:
    name: str
    label: Label
    type: FieldType = FieldType.TEXT
    required: bool = False
    max_length: int | None = None
    choices: ChoiceSet | None = None
    ref: str | None = None  # record kind name for REF/REFS
    minimum: int | None = None
    maximum: int | None = None
    default: Any = None
    # the longest value the column holds: a value that came whole from elsewhere (a catalog
    # pull) or that is kept unchanged is stored whole; only newly typed text gets ``limit``
    stored_length: int | None = None

    @property
    def stored_limit(self) -> int | None:
        """Longest text stored when it was not typed here (None: same as ``limit``)."""
        return self.stored_length or self.limit

    @property
    def limit(self) -> int | None:
        """Longest text accepted; None for non-text fields."""
        if self.max_length is not None:
            return self.max_length
        if self.type == FieldType.LONGTEXT:
            return LONGTEXT_LIMIT
        if self.type in (FieldType.TEXT, FieldType.EMAIL):
            return TEXT_LIMIT
        if self.type == FieldType.URL:
            return 500
        return None


@dataclass(frozen=True)
class Collection:
    """Rows owned by a record and edited with it (participants, parties, articles)."""

    name: str
    label: Label
    model: type
    parent_key: str  # the child's column pointing at its parent
    fields: tuple[Field, ...]
    children: tuple[Collection, ...] = field(default=())
    attribute: str | None = None  # the relationship, when it is not named like the collection

    @property
    def attr(self) -> str:
        return self.attribute or self.name

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)
