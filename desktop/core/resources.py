"""Finding the files shipped in ``resources/`` (installed as ``desktop.resources``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The resources folder, whether installed as a package or run from a checkout."""
    try:
        import desktop.resources as pkg

        return Path(next(iter(pkg.__path__)))
    except (ImportError, StopIteration):
        return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
