"""Is a SQLite file on a network (shared) folder? Then it must not use WAL.

WAL keeps its index in shared memory (the ``-shm`` file mapped by every process), which
only works between processes of one machine: over SMB or NFS two workstations each see
their own copy, and the result is lock errors or a corrupted register. The rollback
journal (``journal_mode=DELETE``) relies on file locks only, which network file systems
do honour, so with one workstation writing at a time it is safe there.

The decision is a pure function of the path, the platform and a lookup (the drive type
of a Windows drive letter, the mount table on Linux), so tests can hand in the answers a
Windows machine or a CIFS mount would give.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PureWindowsPath

DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
# file system types in /proc/mounts that live on another machine
NETWORK_FS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "lustre",
    "gpfs", "9p", "davfs", "fuse.sshfs", "sshfs", "fuse.glusterfs", "fuse.davfs2",
    "fuse.rclone", "fuse.cephfs", "fuse.s3fs", "fuse.smbnetfs",
})
Mount = tuple[str, str]  # (mount point, file system type)
DriveType = Callable[[str], int]
Mounts = Callable[[], Sequence[Mount]]


def windows_drive_type(root: str) -> int:
    """``GetDriveTypeW`` of a drive root such as ``Z:\\`` (Windows only)."""
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def linux_mounts() -> list[Mount]:
    """The mount table, mount points unescaped (``\\040`` is a space)."""
    try:
        text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    mounts = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), parts[1])
            mounts.append((point, parts[2]))
    return mounts


def this_platform() -> str:
    """``sys.platform``, behind a name tests can replace without touching ``sys``."""
    return sys.platform


def is_network_path(path: str | os.PathLike[str], *, platform: str | None = None,
                    drive_type: DriveType | None = None,
                    mounts: Mounts | None = None) -> bool:
    """True when ``path`` lives on another machine (UNC, mapped drive, NFS/CIFS mount).

    ``drive_type`` and ``mounts`` default to asking this machine; an answer that cannot
    be had (no such drive, no /proc) counts as local: the caller's default stays.
    """
    platform = platform or this_platform()
    if platform == "win32":
        return _windows_network(str(path), drive_type or windows_drive_type)
    if platform.startswith("linux"):
        return _linux_network(str(path), mounts or linux_mounts)
    return False


def _windows_network(raw: str, drive_type: DriveType) -> bool:
    text = raw.replace("/", "\\")
    if text.startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):  # long-path prefix before a drive letter
        text = text[4:]
    elif text.startswith("\\\\"):
        return True  # \\server\share\...
    drive = PureWindowsPath(text).drive
    if len(drive) != 2 or drive[1] != ":":
        return False  # a relative path: the current drive, which a program's data is not
    try:
        return drive_type(drive.upper() + "\\") == DRIVE_REMOTE
    except OSError:
        return False


def _linux_network(raw: str, mounts: Mounts) -> bool:
    real = os.path.realpath(raw)  # a symlink into /mnt/share counts as the share
    best, fs_type = "", ""
    for point, kind in mounts():
        inside = real == point or real.startswith(point.rstrip(os.sep) + os.sep)
        if inside and len(point) >= len(best):
            best, fs_type = point, kind
    return fs_type in NETWORK_FS or fs_type.startswith(("nfs", "fuse.sshfs"))
