"""Values as people read them, in the chosen language (Babel, never the OS locale)."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from desktop.core.choices import ChoiceSet
from desktop.core.i18n import current_language, t

_LOCALES = {"id": "id_ID", "en": "en_GB"}


def locale() -> str:
    return _LOCALES.get(current_language(), "id_ID")


def short_date(value: date | None) -> str:
    """dd/mm/yyyy, the form Indonesian offices write and type."""
    return value.strftime("%d/%m/%Y") if value else ""


def long_date(value: date | None) -> str:
    """"20 April 2017" with month names in the current language."""
    return format_date(value, "d MMMM y", locale=locale()) if value else ""


def medium_date(value: date | None) -> str:
    """"18 Jan 2027": a date at the head of a short line (the reminders panel)."""
    return format_date(value, "d MMM y", locale=locale()) if value else ""


def long_date_id(value: date | None) -> str:
    """"20 April 2017" in Indonesian always: for document text, not for the interface."""
    return format_date(value, "d MMMM y", locale="id_ID") if value else ""


def date_time(value: datetime | None) -> str:
    return format_datetime(value, "d MMM y HH:mm", locale=locale()) if value else ""


def number(value: int | float | None) -> str:
    return _number(value, locale()) if value is not None else ""


@lru_cache(maxsize=4096)
def _number(value: int | float, in_locale: str) -> str:
    """Babel takes ~25 µs a number; the Beranda's charts format the same few hundred
    counts on every layout pass (2,000 calls, ~45 ms, as its figures fill in)."""
    return format_decimal(value, locale=in_locale)


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return t("Ya") if value else t("Tidak")


def display(value: Any, choices: ChoiceSet | None = None) -> str:
    """Any stored value as a table cell shows it."""
    if value is None:
        return ""
    if choices is not None:
        if isinstance(value, list):
            return ", ".join(choices.label(v) for v in value)
        return choices.label(value)
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, datetime):
        return date_time(value)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)
