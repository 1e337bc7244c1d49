"""A throwaway PostgreSQL cluster for the test session, where the server is installed.

The README's test command must run the PostgreSQL cases on a fresh machine too, not skip
a third of the suite: when ``DISKOMINFO_DESK_TEST_POSTGRES`` is unset and PostgreSQL's
server programs are found (Debian's ``/usr/lib/postgresql/*/bin``, or ``initdb`` on the
PATH), the controlling pytest process starts one cluster in a temporary folder on a
free port of 127.0.0.1 (as the ``postgres`` user when run as root: the server refuses
root), exports its URL for the xdist workers, and stops it at the end. ``.ci/run`` still
starts its own and sets the variable, so this never runs there.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path


def server_bin() -> Path | None:
    """The newest PostgreSQL server programs on this machine, if any."""
    def version(path: Path) -> tuple[int, ...]:
        parts = path.parent.name.split(".")
        return tuple(int(p) for p in parts if p.isdigit())

    found = sorted((Path(p).parent for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")),
                   key=version)
    if found:
        return found[-1]
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_cluster(bin_dir: Path) -> tuple[str, Callable[[], None]] | None:
    """Start a cluster; its admin URL and a function stopping and removing it, or None
    when it cannot be started here (say, root without a ``postgres`` user)."""
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="desk-test-pg-"))
    if as_root:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder, ignore_errors=True)
            return None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = folder / "data"

    def stop() -> None:
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, check=False, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)

    try:
        subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                        "-U", "postgres", "--no-sync"], capture_output=True, check=True,
                       timeout=120)
        subprocess.run([*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                        str(folder / "server.log"), "-w", "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c full_page_writes=off -c synchronous_commit=off "
                        "-c max_connections=200", "start"],
                       capture_output=True, check=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        stop()
        return None
    return f"postgresql://postgres@127.0.0.1:{port}/postgres", stop
