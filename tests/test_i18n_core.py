"""Every message the core writes has an English translation in the gettext catalogue
(resources/locale/en/LC_MESSAGES/desk.po), and switching works."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from desktop.core.i18n import Label, set_language, t
from tests.catalogue import PO, english_catalogue, english_messages, english_singulars, extracted

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
    english = english_messages()
    missing = {msg: where for msg, where in core_messages().items() if not english.get(msg)}
    assert not missing, f"untranslated: {missing}"


def test_every_extracted_message_has_an_english_translation() -> None:
    """What ``pybabel extract`` finds (t, tn and Label, the GUI's page specs too) has a
    non-empty, non-fuzzy English text, a ``Label(context=...)`` under its own ``msgctxt``:
    run pybabel update and translate the new entries."""
    found = extracted()
    assert len(found) > 500
    catalogue = english_catalogue()
    untranslated = {}
    for (msgid, context), where in found.items():
        entry = catalogue.get(msgid, context=context)
        strings = entry.string if entry and entry.pluralizable else [entry and entry.string]
        if entry is None or entry.fuzzy or not all(strings):
            untranslated[msgid] = where
    assert not untranslated, f"untranslated (resources/locale/README.md): {untranslated}"


def test_english_translations_keep_the_placeholders() -> None:
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for source, english in [*english_messages().items(), *english_singulars().items()]:
        assert names(source) == names(english), source


def test_language_switch_changes_messages_and_labels() -> None:
    label = Label("Tanggal mulai")
    set_language("en")
    assert t("Wajib diisi.") == "Required."
    assert str(label) == "Start date" == label.en
    assert label == Label("Tanggal mulai")
    set_language("id")
    assert t("Wajib diisi.") == "Wajib diisi."
    assert str(label) == "Tanggal mulai"


def test_a_label_context_gives_that_places_english() -> None:
    """One Indonesian text, two English ones: the catalogue holds the second under a
    gettext context, and a label without it keeps the plain entry's English."""
    plain, of_app = Label("Jenis"), Label("Jenis", context="aplikasi")
    plural = Label("Aplikasi", context="plural")
    set_language("en")
    assert (str(plain), str(of_app)) == ("Kind", "Type")
    assert (str(Label("Aplikasi")), str(plural)) == ("Application", "Applications")
    assert plain != of_app and of_app == Label("Jenis", context="aplikasi")
    assert hash(plain) == hash(of_app)  # same text: equal hashes are allowed, equality decides
    assert repr(of_app) == "Label('Jenis', context='aplikasi')" and repr(plain) == "Label('Jenis')"
    set_language("id")
    assert str(of_app) == str(plain) == "Jenis"
    assert t("Jenis") == "Jenis"


def test_english_is_not_written_in_the_code() -> None:
    """A label's English lives in the catalogue only: the old ``Label(id, en)`` form is
    refused rather than silently taken as something else."""
    with pytest.raises(TypeError):
        Label("Jenis", "Type")  # type: ignore[misc]
    set_language("en")
    assert t("Jenis") == "Kind"  # t() reads the entry without a context


@pytest.mark.parametrize("unknown", ["fr", "", "EN"])
def test_unknown_language_falls_back_to_indonesian(unknown: str) -> None:
    set_language(unknown)
    assert t("Wajib diisi.") == "Wajib diisi."


def test_pybabel_finds_every_literal_message() -> None:
    """A ``t()`` inside an f-string or inside another ``t()``'s arguments is invisible to
    ``pybabel extract`` and would lose its English at the next ``pybabel update``."""
    found = extracted()
    unseen = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("t", "tn", "Label") and node.args
                    and isinstance(node.args[0], ast.Constant)):
                context = next((k.value.value for k in node.keywords if k.arg == "context"
                                and isinstance(k.value, ast.Constant)), None)
                if (node.args[0].value, context) not in found:
                    unseen.append(f"{path.name}:{node.lineno}")
    assert not unseen, unseen


def test_the_compiled_catalogue_is_used_unless_its_po_is_newer(tmp_path: Path, monkeypatch) -> None:
    """An installed copy loads the .mo the build compiled; a checkout whose .po changed
    after a ``pybabel compile`` reads the .po, never the stale .mo."""
    import os

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from desktop.core import i18n

    folder = tmp_path / "locale" / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "desk.po"
    po.write_bytes(PO.read_bytes())
    with PO.open("rb") as source:
        stale = read_po(source, locale="en")
    stale["Wajib diisi."].string = "Required (stale)."
    with (folder / "desk.mo").open("wb") as compiled:
        write_mo(compiled, stale)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    load = i18n.catalogue.__wrapped__
    os.utime(po, (1_000_000, 1_000_000))  # the .mo is newer: used as built
    assert load("en").gettext("Wajib diisi.") == "Required (stale)."
    os.utime(po, None)
    os.utime(folder / "desk.mo", (1_000_000, 1_000_000))  # .po edited since
    assert load("en").gettext("Wajib diisi.") == "Required."
    assert load("en").ngettext("{n} data", "{n} data", 1) == "{n} record"
    po.unlink()  # a wheel or bundle: only the .mo
    assert load("en").gettext("Wajib diisi.") == "Required (stale)."


def test_a_role_is_named_apart_from_the_record_kind_it_works_on() -> None:
    """As a role "Kerja Sama" is the partnerships section; as a record kind an agreement."""
    from desktop.core.kinds import KINDS
    from desktop.core.roles import role_label

    set_language("en")
    try:
        assert [role_label(r) for r in ("admin", "sekretariat", "kerjasama", "infrastruktur",
                                        "pimpinan")] == [
            "Administrator", "Secretariat", "Partnerships", "Infrastructure", "Leadership"]
        assert str(KINDS["agreements"].label) == "Agreement"
    finally:
        set_language("id")
    assert role_label("kerjasama") == "Kerja Sama"
