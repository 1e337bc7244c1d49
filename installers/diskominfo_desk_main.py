"""Entry point of the PyInstaller bundle: the same ``diskominfo-desk`` command as pip's.

If the program cannot even be loaded (a damaged or half-upgraded bundle), the windowed
``.exe`` has no console to say so: the failure is logged and shown in a message box
(``desktop.core.early_failure``) instead of the program silently never appearing.
"""

import sys


def _start() -> int:
    try:
        from desktop.cli import main
    except Exception as exc:
        from desktop.core.early_failure import report_broken_start

        return report_broken_start(exc)
    return main()


if __name__ == "__main__":
    sys.exit(_start())
