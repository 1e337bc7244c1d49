"""Numbers as people read them, in the chosen language: remembered per language, so a
language switch never shows the other language's separators."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.core.formatting import number
from desktop.core.i18n import set_language


@pytest.fixture(autouse=True)
def _indonesian_again() -> Iterator[None]:
    yield
    set_language("id")


def test_numbers_follow_the_language_each_time_they_are_asked_for() -> None:
    set_language("id")
    assert (number(1234567), number(2.5), number(0), number(None)) == ("1.234.567", "2,5", "0", "")
    set_language("en")
    assert (number(1234567), number(2.5)) == ("1,234,567", "2.5")
    set_language("id")
    assert number(1234567) == "1.234.567"
