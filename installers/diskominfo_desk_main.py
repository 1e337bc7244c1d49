"""Entry point of the PyInstaller bundle: the same ``diskominfo-desk`` command as pip's."""

from desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
