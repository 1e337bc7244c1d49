"""English counts are proper plurals ("1 record", "3 records": the issue saw "(1 items)"),
Indonesian counts keep their one form, and the KB has one English name everywhere.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.core import choices
from desktop.core.i18n import set_language, tn
from desktop.core.reminders import _when
from tests.catalogue import english_messages, english_singulars

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "desk_en.ts"
KB_ENGLISH = "Memorandum of Understanding (KB)"
MESSAGES_EN = english_messages()  # the gettext catalogue: plural forms
SINGULAR_EN = english_singulars()  # its singular forms


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("id")


def _tn_messages() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tn" and node.args):
                found[node.args[0].value] = f"{path.name}:{node.lineno}"  # type: ignore[attr-defined]
    return found


def test_every_counted_core_message_has_an_english_singular_and_plural() -> None:
    messages = _tn_messages()
    assert len(messages) >= 8  # the counts of the CLI, the reminders, exports, sync
    assert not {m: w for m, w in messages.items() if m not in SINGULAR_EN}, "no singular"
    assert not {m: w for m, w in messages.items() if m not in MESSAGES_EN}, "no plural"
    for source, singular in SINGULAR_EN.items():
        assert re.findall(r"\{\w+\}", singular) == re.findall(r"\{\w+\}", source), source


def test_english_counts_agree_with_their_number(english: None) -> None:
    assert tn("{shown} dari {total} baris", 1, shown=1, total=1) == "1 of 1 row"
    assert tn("{shown} dari {total} baris", 3, shown=3, total=3) == "3 of 3 rows"
    assert tn("{shown} dari {total} baris", 0, shown=0, total=0) == "0 of 0 rows"
    today = date(2026, 12, 4)
    assert _when(today + timedelta(days=1), today).endswith("(in 1 day)")
    assert _when(today - timedelta(days=1), today).endswith("(1 day ago)")
    assert _when(today - timedelta(days=130), today).endswith("(130 days ago)")


def test_indonesian_counts_have_one_form() -> None:
    set_language("id")
    assert tn("{shown} dari {total} baris", 1, shown=1, total=1) == "1 dari 1 baris"
    assert tn("{shown} dari {total} baris", 3, shown=3, total=3) == "3 dari 3 baris"
    today = date(2026, 12, 4)
    assert _when(today + timedelta(days=1), today).endswith("(1 hari lagi)")


def test_gui_counts_are_numerus_entries_with_a_singular_and_a_plural() -> None:
    """Every English GUI text with a count of things has both forms, and no English
    text outside them says "(1 items)" style plurals for a {n} that may be one."""
    root = ET.parse(TS).getroot()
    numerus = {m.findtext("source"): [f.text or "" for f in m.iter("numerusform")]
               for m in root.iter("message") if m.get("numerus") == "yes"}
    for source in ("{n} data", "{shown} dari {total} data", "{n} konflik",
                   "Kunjungan dengan tindak lanjut lewat tenggat ({n} butir)",
                   "{n} baris diekspor ke {path}", "{n} halaman",
                   "{n} perubahan lokal menunggu dikirim", "Berakhir dalam {n} hari"):
        assert source in numerus, source
        one, other = numerus[source]
        assert one and other and one != other, source
    assert numerus["{n} data"] == ["{n} record", "{n} records"]
    assert numerus["Kunjungan dengan tindak lanjut lewat tenggat ({n} butir)"][0].endswith(
        "({n} item)")


def test_the_kb_has_one_english_name_everywhere(english: None) -> None:
    assert str(choices.JENIS_KERJA_SAMA.label("kb")) == KB_ENGLISH
    assert MESSAGES_EN["Kesepakatan Bersama"] == KB_ENGLISH
    other_forms = re.compile(r"memorandum of understanding(?! \(KB\))|Memorandum of "
                             r"understanding|Kesepakatan Bersama \(KB, MoU\)|\bMoU\b")
    english_texts = [TS.read_text(encoding="utf-8").split("<translation")[1:],
                     list(MESSAGES_EN.values()), list(SINGULAR_EN.values()),
                     [(ROOT / "README.md").read_text(encoding="utf-8")],
                     [(ROOT / "desktop" / "core" / "choices.py").read_text(encoding="utf-8")]]
    offending = [text[:120] for group in english_texts for text in group
                 if other_forms.search(text)]
    assert not offending, offending
    translations = TS.read_text(encoding="utf-8")
    assert "<translation>Memorandum of Understanding (KB)</translation>" in translations
