"""Putting a finished file in place, also over one that another program holds open.

Every user-visible output (exports, reports, PDF and DOCX saves, the import report and
template, backups) is written to ``<name>.part`` beside the target and then renamed
over it, so a failed or cancelled write never leaves half a file under the chosen name.

On Windows that rename fails while the old file is open in Excel or a PDF reader
(``WinError 5``/``32``, a ``PermissionError``), and an antivirus scanner holds a file it
has just seen for a moment. So the rename is tried a few times over about a second;
when it still fails the ``.part`` is removed, the old file is left as it was, and the
user is told to close the file or save under another name instead of getting the
generic "unexpected error" box.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import DeskError
from desktop.core.i18n import t

PART = ".part"
# pauses between the five tries of a rename: about a second in all, what an antivirus
# scan of a fresh file takes; a file open in Excel stays locked and fails after it
RETRY_DELAYS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4)


class FileInUseError(DeskError):
    """The target is held open by another program (Windows); nothing was replaced."""


def part_path(target: Path) -> Path:
    """The sibling a new version of ``target`` is written to first."""
    return target.with_name(target.name + PART)


def discard(path: Path) -> None:
    """Remove a temporary file, retrying briefly (a scanner may still hold it); a file
    that cannot be removed is left, never a reason to hide the real error."""
    for delay in (*RETRY_DELAYS, None):
        try:
            path.unlink(missing_ok=True)
            return
        except PermissionError:
            if delay is None:
                return
            time.sleep(delay)
        except OSError:
            return


def in_use_message(target: Path) -> str:
    return t("Berkas {name} sedang dibuka program lain (mis. Excel). Tutup berkas itu lalu "
             "coba lagi, atau simpan dengan nama lain.", name=target.name)


def move_into_place(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target``, retrying while it is held; on failure
    ``source`` is removed and ``target`` is untouched (a DeskError says why)."""
    for delay in (*RETRY_DELAYS, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if delay is None:
                discard(source)
                raise FileInUseError(in_use_message(target)) from exc
            time.sleep(delay)
        except OSError as exc:  # the target is a folder, the drive went away, ...
            discard(source)
            raise DeskError(t("{name} tidak dapat disimpan: {error}", name=target.name,
                              error=exc.strerror or exc)) from exc


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Run ``write`` on ``<path>.part`` and move it over ``path`` only if it succeeded.

    A cancelled or failed write (any exception) leaves no ``.part``; a folder that
    cannot be written to gives a DeskError naming it. Returns the target.
    """
    target = Path(path)
    part = part_path(target)
    try:
        write(part)
    except OSError as exc:
        discard(part)
        raise DeskError(t("{name} tidak dapat disimpan di {folder}: {error}",
                          name=target.name, folder=target.parent,
                          error=exc.strerror or exc)) from exc
    except BaseException:
        discard(part)
        raise
    move_into_place(part, target)
    return target


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """``data`` as the whole content of ``path``, written as :func:`write_atomic` does."""
    return write_atomic(path, lambda part: part.write_bytes(data))


def write_text_atomic(path: str | os.PathLike[str], text: str,
                      encoding: str = "utf-8") -> Path:
    return write_atomic(path, lambda part: part.write_text(text, encoding=encoding))

