"""Numbers and dates in Indonesian words, as DOMAIN.md "Numbers and dates in words" has them."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest

from desktop.documents.tanggal import hari, kalimat_tanggal, tanggal_angka, tanggal_panjang
from desktop.documents.terbilang import angka, jumlah, rupiah, terbilang


@pytest.mark.parametrize(("n", "words"), [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (19, "sembilan belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (100, "seratus"),
    (101, "seratus satu"),
    (111, "seratus sebelas"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (1100, "seribu seratus"),
    (2000, "dua ribu"),
    (2017, "dua ribu tujuh belas"),
    (11000, "sebelas ribu"),
    (201000, "dua ratus satu ribu"),
    (1000000, "satu juta"),
    (1001000, "satu juta seribu"),  # num2words alone says "satu juta satu ribu"
    (2500000, "dua juta lima ratus ribu"),
    (1000000000, "satu miliar"),
    (5000001999, "lima miliar seribu sembilan ratus sembilan puluh sembilan"),
    (1000000000000, "satu triliun"),
    (1000000001000, "satu triliun seribu"),
])
def test_terbilang_follows_indonesian_usage(n: int, words: str) -> None:
    assert terbilang(n) == words


_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _reference(n: int) -> str:
    """An independent spelling of the rules (se- for one: sebelas, seratus, seribu)."""
    def small(x: int) -> list[str]:
        out: list[str] = []
        hundreds, rest = divmod(x, 100)
        if hundreds:
            out.append("seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus")
        if rest == 10:
            out.append("sepuluh")
        elif rest == 11:
            out.append("sebelas")
        elif 12 <= rest < 20:
            out.append(f"{_ONES[rest - 10]} belas")
        elif rest >= 20:
            tens, ones = divmod(rest, 10)
            out += [f"{_ONES[tens]} puluh", *([_ONES[ones]] if ones else [])]
        elif rest:
            out.append(_ONES[rest])
        return out

    if n == 0:
        return "nol"
    words: list[str] = []
    for power, scale in ((12, "triliun"), (9, "miliar"), (6, "juta"), (3, "ribu"), (0, "")):
        group = n // 10 ** power % 1000
        if group == 1 and power == 3:
            words.append("seribu")
        elif group:
            words += [*small(group), *([scale] if scale else [])]
    return " ".join(words)


def test_terbilang_agrees_with_an_independent_spelling() -> None:
    rnd = random.Random(2017)
    numbers = [*range(0, 3000), *(rnd.randrange(10 ** 15) for _ in range(3000)),
               *(rnd.randrange(1000) * 10 ** 6 + 1000 + rnd.randrange(1000) for _ in range(500))]
    wrong = [(n, terbilang(n)) for n in numbers if terbilang(n) != _reference(n)]
    assert not wrong[:5]


@pytest.mark.parametrize("bad", [2.0, True, "12", None])
def test_terbilang_takes_only_integers(bad: object) -> None:
    # a float would read "dua koma nol", True would read "satu"
    with pytest.raises(TypeError):
        terbilang(bad)  # type: ignore[arg-type]


def test_terbilang_limits_and_negatives() -> None:
    assert terbilang(-5) == "minus lima"
    with pytest.raises(ValueError):
        terbilang(10 ** 15)


def test_money_and_counts_are_in_figures_then_words() -> None:
    assert rupiah(2_500_000) == "Rp2.500.000,00 (dua juta lima ratus ribu rupiah)"
    assert rupiah(1_000) == "Rp1.000,00 (seribu rupiah)"
    assert rupiah(0) == "Rp0,00 (nol rupiah)"
    assert jumlah(2, "rangkap") == "2 (dua) rangkap"
    assert jumlah(5, "tahun") == "5 (lima) tahun"
    assert jumlah(14) == "14 (empat belas)"
    assert angka(1234567) == "1.234.567"


def test_weekday_comes_from_the_date() -> None:
    assert hari(date(2017, 4, 20)) == "Kamis"
    week = [hari(date(2017, 4, d)) for d in range(17, 24)]
    assert week == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def test_long_date_does_not_pad_the_day() -> None:
    assert tanggal_panjang(date(2017, 4, 20)) == "20 April 2017"
    assert tanggal_panjang(date(2017, 4, 5)) == "5 April 2017"
    assert tanggal_panjang("2017-08-01") == "1 Agustus 2017"
    assert tanggal_panjang(None) == ""
    assert tanggal_angka(date(2017, 4, 5)) == "05-04-2017"


def test_opening_date_in_words() -> None:
    assert kalimat_tanggal(date(2017, 4, 20)) == (
        "hari Kamis tanggal dua puluh bulan April tahun dua ribu tujuh belas (20-04-2017)")
    assert kalimat_tanggal(datetime(2017, 4, 20, 9, 30)).startswith("hari Kamis tanggal dua")


def test_opening_date_in_title_case() -> None:
    assert kalimat_tanggal(date(2017, 4, 20), title_case=True) == (
        "Hari Kamis Tanggal Dua Puluh Bulan April Tahun Dua Ribu Tujuh Belas (20-04-2017)")


def test_leap_day() -> None:
    assert kalimat_tanggal(date(2024, 2, 29)) == (
        "hari Kamis tanggal dua puluh sembilan bulan Februari tahun dua ribu dua puluh empat "
        "(29-02-2024)")
    assert kalimat_tanggal("2024-02-29") == kalimat_tanggal(date(2024, 2, 29))


def test_first_of_the_month_and_friday() -> None:
    assert kalimat_tanggal(date(2021, 1, 1)) == (
        "hari Jumat tanggal satu bulan Januari tahun dua ribu dua puluh satu (01-01-2021)")
