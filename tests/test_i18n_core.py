"""Every message the core writes has an English translation, and switching works."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.core.i18n import Label, set_language, t
from desktop.core.messages_en import MESSAGES_EN

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"


def core_messages() -> dict[str, str]:
    """``t("...")`` literals outside the GUI layer, with where they stand."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("t", "tn") and node.args):
                arg = node.args[0]
                assert isinstance(arg, ast.Constant), f"t() needs a literal: {path}:{node.lineno}"
                found.setdefault(arg.value, f"{path.name}:{node.lineno}")
    return found


def test_every_core_message_has_an_english_translation() -> None:
    missing = {msg: where for msg, where in core_messages().items() if msg not in MESSAGES_EN}
    assert not missing, f"untranslated: {missing}"


def test_english_translations_keep_the_placeholders() -> None:
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for source, english in MESSAGES_EN.items():
        assert names(source) == names(english), source


def test_language_switch_changes_messages_and_labels() -> None:
    label = Label("Tanggal mulai", "Start date")
    set_language("en")
    assert t("Wajib diisi.") == "Required."
    assert str(label) == "Start date"
    set_language("id")
    assert t("Wajib diisi.") == "Wajib diisi."
    assert str(label) == "Tanggal mulai"


@pytest.mark.parametrize("unknown", ["fr", "", "EN"])
def test_unknown_language_falls_back_to_indonesian(unknown: str) -> None:
    set_language(unknown)
    assert t("Wajib diisi.") == "Wajib diisi."
