"""The command line ``diskominfo-desk``: one module per command group, the parser and
``main`` in :mod:`desktop.cli.entry`, what the groups share in :mod:`desktop.cli.common`.

``main`` is the console script's entry point (``pyproject.toml``), ``python -m desktop``'s
and the installed bundle's.
"""

from desktop.cli.entry import COMMANDS, main, utf8_streams

__all__ = ["COMMANDS", "main", "utf8_streams"]
