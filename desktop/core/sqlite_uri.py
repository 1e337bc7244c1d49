"""SQLite ``file:`` URIs for any path a user can pick, Windows ones included.

Why not ``Path.resolve().as_uri()``: on Windows ``resolve()`` turns a mapped drive
(``Z:\\cadangan\\x.sqlite3``) into its UNC target (``\\\\server\\share\\...``), and the
``as_uri()`` of a UNC path is ``file://server/share/...``. SQLite accepts only an empty
or ``localhost`` authority, refused that URI, and a restore from a network drive told
the user the file was "bukan cadangan basis data". Here a path is made absolute
without following links or drive mappings, then written the way SQLite reads it:

- ``Z:\\a b\\x.db``            → ``file:///Z:/a%20b/x.db``
- ``\\\\server\\share\\x.db`` → ``file:////server/share/x.db`` (empty authority; the
  path ``//server/share/x.db`` is a UNC path to Windows)
- ``/home/a#1/x.db``          → ``file:///home/a%231/x.db``

Every character outside the unreserved URI set (``%``, ``#``, ``?``, spaces,
non-ASCII) is percent-encoded as UTF-8, which SQLite decodes back to the file name.
The path flavour follows the path object, so the Windows forms are tested on Linux
with ``PureWindowsPath``.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote

_LONG_UNC = "\\\\?\\UNC\\"  # \\?\UNC\server\share\...: the long form of a UNC path
_LONG = "\\\\?\\"  # \\?\C:\...: the long form of a drive path


def absolute(path: str | os.PathLike[str]) -> PurePath:
    """``path`` made absolute against the working folder, links and mapped drives left
    as they are (``os.path.abspath``, never ``resolve()``). A pure path of the other
    platform's flavour (a test's ``PureWindowsPath`` on Linux) is only normalised."""
    if isinstance(path, PurePath) and not isinstance(path, Path):
        flavour = ntpath if isinstance(path, PureWindowsPath) else posixpath
        return type(path)(flavour.normpath(str(path)))
    return Path(os.path.abspath(path))


def _windows_uri_path(path: PureWindowsPath) -> str:
    text = str(path)
    if text.startswith(_LONG_UNC):
        text = "\\\\" + text[len(_LONG_UNC):]
    elif text.startswith(_LONG):
        text = text[len(_LONG):]
    text = text.replace("\\", "/")
    # a UNC path keeps its two slashes ("//server/share/..."); a drive path gets one
    return text if text.startswith("//") else "/" + text.lstrip("/")


def sqlite_uri(path: str | os.PathLike[str], *, read_only: bool = False) -> str:
    """The ``file:`` URI that opens ``path`` with ``sqlite3.connect(..., uri=True)``;
    ``read_only`` adds ``mode=ro`` (nothing written, not even a journal)."""
    full = absolute(path)
    if isinstance(full, PureWindowsPath):
        text = _windows_uri_path(full)
    else:
        text = "/" + str(full).lstrip("/")
    uri = "file://" + quote(text, safe="/:")
    return uri + "?mode=ro" if read_only else uri


def sqlalchemy_sqlite_url(path: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL of a SQLite file: the plain absolute file name (no URI, so no
    authority to refuse), the mapped drive as the user chose it.

    SQLAlchemy percent-decodes the database part and ends it at ``?``, so those two
    characters are encoded (a folder "Laporan 100%41" stays itself); every other
    character is left as typed, so the URL shown to the user reads as the path.
    """
    name = str(absolute(path)).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{name}"


def sqlite_file_of_url(url: str) -> Path | None:
    """The file of a URL :func:`sqlalchemy_sqlite_url` wrote; None for anything else
    (another engine, an in-memory database, a URL with options)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    name = url[len(prefix):].replace("%3F", "?").replace("%25", "%")
    return Path(name) if name and name != ":memory:" else None
