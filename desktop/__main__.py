"""Allow ``python -m desktop`` (and ``pythonw -m desktop``, which has no console).

A program that cannot even be loaded says so in a message box, as the bundle's entry
point does (``desktop.broken_start``).
"""

import sys


def _start() -> int:
    try:
        from desktop.cli import main
    except Exception as exc:
        from desktop.broken_start import report_broken_start

        return report_broken_start(exc)
    return main()


sys.exit(_start())
