"""Charts in the scheme's colours: the colour of each meaning (good, waiting, late,
neutral) and the series colours, each checked for 3:1 against the chart's background in
``tests/gui/test_palette.py``. The Beranda's charts (``desktop.ui.beranda_charts``) read
them, and the card and text colours from the tokens, each time they paint.
"""

from __future__ import annotations

from desktop.ui.style import tokens


def segment_colours() -> dict[str, str]:
    """A segment's code (status, sifat, freshness, direction) → its colour, by meaning."""
    p = tokens()
    good, wait, bad, neutral = p.ok, p.warn, p.bad, p.neutral
    return {
        "terkini": good, "segera": wait, "terlambat": bad, "tanpa_jadwal": neutral,
        "terbuka": good, "terbatas": wait, "dikecualikan": bad,
        "berhasil": good, "gagal": bad, "rollback": wait, "direncanakan": neutral,
        "masuk": p.chart[0], "keluar": p.chart[4],
    }


def series_colours() -> tuple[str, ...]:
    return tokens().chart
