"""A cheaper answer to PySide6's question "does this module use PySide?".

Importing PySide6 replaces ``builtins.__import__``; after every later import of a Python
module, shiboken asks ``shibokensupport.feature._mod_uses_pyside(module)``, which reads
the module's whole source (``inspect.getsource``) to look for the word "PySide6". The
answer only matters to modules that switch on ``from __feature__ import snake_case``
(this program has none), yet it is paid by each of the ~600 modules loaded after the
window's frame (SQLAlchemy, the models, Babel, the pages): measured at 15–20 % of the
database layer's import time, on the way to a filled window.

``install`` answers from the module's namespace instead (a PySide6 or shiboken6 module,
class or object in it), with no file read. Where PySide6 no longer has that hook (a
later release), it leaves everything as it is.
"""

from __future__ import annotations

import sys
from types import ModuleType

PYSIDE_OWNERS = ("PySide6", "shiboken6")


def uses_pyside(module: ModuleType) -> bool:
    """Does ``module`` hold anything of PySide6 (what the source search approximates)?"""
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            owner = value.__name__
        elif isinstance(value, type):
            owner = value.__module__
        else:
            owner = type(value).__module__
        if isinstance(owner, str) and owner.startswith(PYSIDE_OWNERS):
            return True
    return False


def install() -> bool:
    """Load PySide6 and put ``uses_pyside`` in place of shiboken's source search; False
    if there is none. Called before the rest of the window's modules are imported."""
    import PySide6.QtCore  # noqa: F401  (the hook exists once PySide6 is loaded)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
