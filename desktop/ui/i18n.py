"""Interface language: Indonesian (the source language) or English via compiled .qm files.

Qt's own strings (dialog buttons) follow with qtbase translations; the core's messages
follow through ``desktop.core.i18n.set_language``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.core.i18n import set_language
from desktop.core.resources import resource_path

_installed: list[QTranslator] = []


def install_language(lang: str) -> bool:
    """Switch every translator to ``lang``; True if the English catalogue was found."""
    app = QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    set_language(lang)
    locale = QLocale(QLocale.Language.English if lang == "en" else QLocale.Language.Indonesian,
                     QLocale.Country.UnitedKingdom if lang == "en" else QLocale.Country.Indonesia)
    QLocale.setDefault(locale)
    if lang != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(locale, "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        else:  # Qt has no Indonesian catalogue: our words for the Qt strings shown
            from desktop.ui.qt_words import QtWords

            words = QtWords(app)
            app.installTranslator(words)
            _installed.append(words)
        return True
    own = QTranslator(app)
    found = own.load(str(resource_path("translations", "desk_en.qm")))
    if found:
        app.installTranslator(own)
        _installed.append(own)
    return found
