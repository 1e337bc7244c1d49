"""A CKAN-compatible test catalog served over real HTTP on 127.0.0.1 (see server.py)."""

from .context import ServerOptions
from .faults import Fault, FaultKind
from .server import CkanTestServer, LoggedRequest

__all__ = ["CkanTestServer", "Fault", "FaultKind", "LoggedRequest", "ServerOptions"]
