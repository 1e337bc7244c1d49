"""Numbers in Indonesian words (terbilang), as official documents write them.

``num2words(n, lang="id")`` spells every group below a thousand correctly, but it
writes a lone thousand after a larger group as "satu ribu" ("satu juta satu ribu" for
1.001.000, where the usage is "satu juta seribu") and turns a float into "... koma nol".
So it is only ever given ``int`` groups below 1000, and the scale words (ribu, juta,
miliar, triliun) with the "seribu" rule are put together here.
"""

from __future__ import annotations

from num2words import num2words

_SCALES = ("", "ribu", "juta", "miliar", "triliun")
MAX = 10 ** (3 * len(_SCALES)) - 1  # 999 triliun ...: beyond any budget line


def _check_int(n: object) -> int:
    # bool is an int subclass; True must not read "satu"
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"terbilang needs an int, not {type(n).__name__}")
    return n


def terbilang(n: int) -> str:
    """``2017`` -> ``"dua ribu tujuh belas"``; ``0`` -> ``"nol"``; negatives read "minus"."""
    n = _check_int(n)
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"
    if n > MAX:
        raise ValueError(f"{n} is beyond {MAX:,}")
    words: list[str] = []
    for scale in range(len(_SCALES) - 1, -1, -1):
        group = (n // 10 ** (3 * scale)) % 1000
        if not group:
            continue
        if scale == 1 and group == 1:
            words.append("seribu")  # never "satu ribu"; but "satu juta", "satu miliar"
            continue
        words.append(num2words(group, lang="id"))
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return " ".join(words)


def angka(n: int) -> str:
    """``2500000`` -> ``"2.500.000"``: Indonesian grouping, whatever the OS locale."""
    n = _check_int(n)
    return f"{n:,}".replace(",", ".")


def jumlah(n: int, noun: str = "") -> str:
    """Figures then words in brackets: ``jumlah(2, "rangkap")`` -> ``"2 (dua) rangkap"``."""
    text = f"{angka(n)} ({terbilang(n)})"
    return f"{text} {noun}" if noun else text


def rupiah(amount: int) -> str:
    """``2500000`` -> ``"Rp2.500.000,00 (dua juta lima ratus ribu rupiah)"``."""
    amount = _check_int(amount)
    return f"Rp{angka(amount)},00 ({terbilang(amount)} rupiah)"
