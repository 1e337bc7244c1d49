"""Entry point of the PyInstaller bundle: the same ``diskominfo-desk`` command as pip's.

If the program cannot even be loaded (a damaged or half-upgraded bundle), the windowed
``.exe`` has no console to say so: the failure is logged and shown in a message box
(``desktop.broken_start``) instead of the program silently never appearing.
"""

import sys


def _start() -> int:
    try:
        from desktop.cli import main
    except Exception as exc:
        from desktop.broken_start import report_broken_start

        return report_broken_start(exc)
    return main()


if __name__ == "__main__":
    sys.exit(_start())
