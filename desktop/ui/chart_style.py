"""The colours of the Beranda's charts, by meaning, in the scheme in force.

Good, waiting, late and neutral have one colour each wherever a chart shows them (a
status, a sifat data, a freshness bucket, a deployment result); charts without such a
meaning take the series colours in order. Each colour is checked for 3:1 against the
chart's background, light and dark, in ``tests/gui/test_palette.py``. Read them at paint
time (these are functions, not constants) so a scheme switch repaints in the new ones.
"""

from __future__ import annotations

from desktop.ui.style import tokens


def segment_colours() -> dict[str, str]:
    """A segment's code (status, sifat, freshness, direction) → its colour, by meaning."""
    p = tokens()
    good, wait, bad, neutral = p.ok, p.warn_mark, p.bad, p.neutral
    return {
        "terkini": good, "segera": wait, "terlambat": bad, "tanpa_jadwal": neutral,
        "terbuka": good, "terbatas": wait, "dikecualikan": bad,
        "berhasil": good, "gagal": bad, "rollback": wait, "direncanakan": neutral,
        "masuk": p.chart[0], "keluar": p.chart[4],
    }


def series_colours() -> tuple[str, ...]:
    return tokens().chart
