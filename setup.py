"""The build as ``pyproject.toml`` declares it, plus one step: the gettext catalogues.

The English of the core/CLI messages lives in ``resources/locale/*/LC_MESSAGES/desk.po``
(text, kept in git, reviewed like code); what the program loads is the compiled ``.mo``,
a build output like the byte-code. ``build_py`` therefore compiles each ``.po`` into the
wheel (the ``.po`` itself is left out of it: ``exclude-package-data``). The PyInstaller
spec does the same for the bundle; a source checkout compiles in memory at first use
(``desktop.core.i18n.catalogue``).
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path(__file__).resolve().parent / "resources" / "locale"


class BuildPyWithCatalogues(build_py):
    """``build_py`` that also writes ``desktop/resources/locale/<lang>/LC_MESSAGES/*.mo``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads resources/ itself: compiled at first use
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        target = Path(self.build_lib, "desktop", "resources", "locale")
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            mo = target / po.relative_to(LOCALE).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source:
                catalogue = read_po(source, locale=po.parts[-3])
            with mo.open("wb") as compiled:
                write_mo(compiled, catalogue)


setup(cmdclass={"build_py": BuildPyWithCatalogues})
