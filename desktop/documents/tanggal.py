"""Dates as Indonesian documents write them, names from Babel (``id_ID``).

Never ``strftime``: the OS rarely has the id_ID locale. Babel's ``full`` pattern pads the
day ("Kamis, 05 ..." in some versions), so the text is assembled here from Babel's
weekday and month names. The weekday always comes from the date itself, never typed.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import get_day_names, get_month_names

from desktop.documents.terbilang import terbilang

LOCALE = "id_ID"


def _as_date(d: date | str) -> date:
    if isinstance(d, datetime):
        return d.date()
    if isinstance(d, date):
        return d
    return date.fromisoformat(str(d))


def hari(d: date | str) -> str:
    """The weekday: ``2017-04-20`` -> ``"Kamis"`` (Friday is "Jumat")."""
    return str(get_day_names("wide", locale=LOCALE)[_as_date(d).weekday()])


def bulan(d: date | str) -> str:
    """The month name: ``"April"``."""
    return str(get_month_names("wide", locale=LOCALE)[_as_date(d).month])


def tanggal_panjang(d: date | str | None) -> str:
    """``"20 April 2017"`` (day unpadded); an empty string for no date."""
    if d is None or d == "":
        return ""
    d = _as_date(d)
    return f"{d.day} {bulan(d)} {d.year}"


def tanggal_angka(d: date | str) -> str:
    """``"20-04-2017"``: the figures that follow the date in words."""
    d = _as_date(d)
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def kalimat_tanggal(d: date | str, title_case: bool = False) -> str:
    """The date of an opening clause, in words, with the figures in brackets.

    ``"hari Kamis tanggal dua puluh bulan April tahun dua ribu tujuh belas (20-04-2017)"``;
    with ``title_case`` every word capitalised ("Hari Kamis Tanggal Dua Puluh ...").
    """
    d = _as_date(d)
    words = (f"hari {hari(d)} tanggal {terbilang(d.day)} bulan {bulan(d)} "
             f"tahun {terbilang(d.year)}")
    if title_case:
        words = " ".join(w[:1].upper() + w[1:] for w in words.split(" "))
    return f"{words} ({tanggal_angka(d)})"
