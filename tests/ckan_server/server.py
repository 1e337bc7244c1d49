"""A CKAN-compatible action API on 127.0.0.1, in a thread, for tests and benchmarks.

It answers as real CKAN does where naive clients break (see shared/CATALOG.md): the JSON
envelope and its error forms, 400 with a bare string for an unknown action or bad JSON,
an unknown token run as anonymous, the token read from one configured header. Tests arm
faults and seed data through this object, never over HTTP, and read the request log
(with token headers removed) to count round trips.
"""

from __future__ import annotations

import contextlib
import copy
import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from .actions import CORE_ACTIONS, WRITE_ACTIONS
from .context import Context, ServerOptions
from .errors import ActionError, BadRequest
from .faults import Fault, FaultKind, FaultPlan
from .showcase import SHOWCASE_ACTIONS, SHOWCASE_WRITES
from .store import Store

ACTION_PREFIXES = ("/api/3/action/", "/api/action/")
TOKEN_HEADERS = {"authorization", "x-ckan-api-key"}
PROXY_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body>"
              "<center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>"
              "</body></html>")


@dataclass(frozen=True)
class LoggedRequest:
    """One request as the server saw it; token headers are never kept."""

    action: str
    method: str
    path: str
    headers: dict[str, str]
    data: dict[str, Any]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go in two writes: no 40 ms ACK wait
    server: _HttpServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    # -- plumbing -------------------------------------------------------------------------
    def _send(self, status: int, body: str, content_type: str = "application/json",
              extra: dict[str, str] | None = None) -> None:
        payload = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type};charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    def _drop(self) -> None:
        """Close the socket without a word: the client sees a lost connection."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _read_data(self, query: str) -> dict[str, Any]:
        data: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if self.command == "POST" and raw:
            if "application/x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
                data.update(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
                return data
            try:
                body = json.loads(raw)
            except ValueError as exc:
                raise BadRequest(f"Bad request - JSON Error: {exc}") from None
            if not isinstance(body, dict):
                raise BadRequest("Bad request - JSON Error: Request data JSON decoded to "
                                 f"{body!r} but it needs to be a dictionary.")
            data.update(body)
        return data

    def _serve(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        prefix = next((p for p in ACTION_PREFIXES if parts.path.startswith(p)), None)
        if prefix is None:
            self._send(404, "<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return
        action = parts.path[len(prefix):].strip("/")
        try:
            data = self._read_data(parts.query)
        except BadRequest as exc:
            owner._log(action, self, {})
            self._send(400, json.dumps(exc.text))
            return
        owner._log(action, self, data)
        fault = owner.faults.take(action)
        if fault is not None and self._apply_fault(fault):
            return
        status, body = owner._dispatch(action, self.command, self._token(), data)
        if fault is not None and fault.kind is FaultKind.COMMIT_THEN_DROP:
            self._drop()
            return
        self._send(status, body)

    def _token(self) -> str | None:
        """2.9 and 2.10 read X-CKAN-API-Key, then Authorization; 2.11 one configured header."""
        options = self.server.owner.options
        if options.ckan_version.startswith(("2.9", "2.10")):
            return self.headers.get("X-CKAN-API-Key") or self.headers.get("Authorization")
        return self.headers.get(options.token_header)

    def _apply_fault(self, fault: Fault) -> bool:
        """Act out a fault; True when the request is finished with."""
        if fault.kind is FaultKind.DELAY:
            time.sleep(fault.seconds)
            return False
        if fault.kind is FaultKind.DROP:
            self._drop()
            return True
        if fault.kind is FaultKind.HTML:
            self._send(fault.status, PROXY_PAGE, "text/html")
            return True
        if fault.kind is FaultKind.REDIRECT:
            self._send(301, "", "text/html", {"Location": fault.location})
            return True
        if fault.kind is FaultKind.ENVELOPE:
            self._send(fault.status, json.dumps({"help": "", "success": False, "error": {
                "__type": fault.error_type, "message": fault.message}}))
            return True
        if fault.kind is FaultKind.STATUS:
            extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
            if fault.status == 500:
                body = json.dumps({"help": "", "success": False, "error": {
                    "__type": "Internal Server Error", "message": "Internal Server Error"}})
                self._send(500, body, extra=extra)
            else:
                self._send(fault.status, f"{fault.status} error", "text/plain", extra)
            return True
        return False


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    owner: CkanTestServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (timeout tests) is expected; stay quiet about it."""


class CkanTestServer:
    """A CKAN catalog on ``http://127.0.0.1:<free port>``; use as a context manager."""

    def __init__(self, options: ServerOptions | None = None, *,
                 tls: tuple[str, str] | None = None, **overrides: Any) -> None:
        """``tls``: (certificate file, key file) to serve https instead of http."""
        self.options = replace(options or ServerOptions(), **overrides)
        self._tls = tls
        self.store = Store()
        self.faults = FaultPlan()
        self.requests: list[LoggedRequest] = []
        self._log_lock = threading.Lock()
        self._http: _HttpServer | None = None
        self._thread: threading.Thread | None = None

    # lifecycle ----------------------------------------------------------------------------
    def start(self) -> CkanTestServer:
        self._http = _HttpServer(("127.0.0.1", 0), _Handler)
        self._http.owner = self
        if self._tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*self._tls)
            self._http.socket = context.wrap_socket(self._http.socket, server_side=True)
        self._thread = threading.Thread(target=self._http.serve_forever,
                                        kwargs={"poll_interval": 0.05},
                                        name="ckan-test-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def __enter__(self) -> CkanTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._http is not None, "server not started"
        scheme = "https" if self._tls else "http"
        return f"{scheme}://127.0.0.1:{self._http.server_address[1]}"

    # data ---------------------------------------------------------------------------------
    def add_user(self, name: str, *, sysadmin: bool = False) -> str:
        """A user with one API token; returns the token."""
        return self.store.add_user(name, sysadmin=sysadmin)

    def add_organization(self, name: str, *, title: str | None = None,
                         members: dict[str, str] | None = None) -> dict[str, Any]:
        """``members`` maps user names to capacity: member, editor or admin."""
        return self.store.add_organization(name, title=title, members=members)

    def seed_organizations(self, count: int, *, prefix: str = "opd",
                           members: dict[str, str] | None = None) -> list[dict[str, Any]]:
        return [self.add_organization(f"{prefix}-{i:04d}", title=f"OPD {prefix} {i:04d}",
                                      members=members) for i in range(count)]

    def seed_packages(self, count: int, *, org: str, **kwargs: Any) -> list[str]:
        """Fast bulk datasets without HTTP or validation; see ``Store.seed_packages``."""
        return self.store.seed_packages(count, org=org, **kwargs)

    def package(self, ref: str) -> dict[str, Any] | None:
        """The stored dataset (by id or name) as package_show would give a sysadmin."""
        with self.store.lock:
            package = self.store.find_package(ref)
            return copy.deepcopy(package) if package else None

    def edit_package(self, ref: str, **changes: Any) -> dict[str, Any]:
        """Someone else edits the dataset in the web UI: fields change, modified moves on."""
        with self.store.lock:
            package = self.store.find_package(ref)
            assert package is not None, ref
            package.update(changes)
            package["metadata_modified"] = self.store.clock.now_iso()
            return copy.deepcopy(package)

    # faults -------------------------------------------------------------------------------
    def delay(self, seconds: float, *, times: int = 1, action: str | None = None) -> Fault:
        return self.faults.arm(Fault(FaultKind.DELAY, times, action, seconds=seconds))

    def fail(self, status: int = 500, *, times: int = 1, action: str | None = None,
             retry_after: str | None = None) -> Fault:
        """500 answers with CKAN's envelope; other statuses with a short text body."""
        return self.faults.arm(Fault(FaultKind.STATUS, times, action, status=status,
                                     retry_after=retry_after))

    def fail_with(self, error_type: str, status: int, message: str = "", *, times: int = 1,
                  action: str | None = None) -> Fault:
        """Answer with CKAN's error envelope of this ``__type`` (any status, even 200)."""
        return self.faults.arm(Fault(FaultKind.ENVELOPE, times, action, status=status,
                                     error_type=error_type, message=message))

    def redirect(self, location: str, *, times: int = 1, action: str | None = None) -> Fault:
        return self.faults.arm(Fault(FaultKind.REDIRECT, times, action, status=301,
                                     location=location))

    def proxy_html(self, status: int = 502, *, times: int = 1,
                   action: str | None = None) -> Fault:
        return self.faults.arm(Fault(FaultKind.HTML, times, action, status=status))

    def drop_connection(self, *, times: int = 1, action: str | None = None) -> Fault:
        return self.faults.arm(Fault(FaultKind.DROP, times, action))

    def commit_then_drop(self, *, times: int = 1, action: str | None = None) -> Fault:
        """Apply the write, then hang up: the client cannot know it succeeded."""
        return self.faults.arm(Fault(FaultKind.COMMIT_THEN_DROP, times, action))

    def clear_faults(self) -> None:
        self.faults.clear()

    # request log --------------------------------------------------------------------------
    def _log(self, action: str, handler: _Handler, data: dict[str, Any]) -> None:
        hidden = TOKEN_HEADERS | {self.options.token_header.lower()}
        headers = {k: v for k, v in handler.headers.items() if k.lower() not in hidden}
        entry = LoggedRequest(action, handler.command, handler.path, headers, data)
        with self._log_lock:
            self.requests.append(entry)

    def count(self, action: str | None = None) -> int:
        """Round trips so far (for one action, or all)."""
        with self._log_lock:
            return sum(1 for r in self.requests if action is None or r.action == action)

    def clear_log(self) -> None:
        with self._log_lock:
            self.requests.clear()

    # dispatch -----------------------------------------------------------------------------
    def _actions(self) -> dict[str, Any]:
        return {**CORE_ACTIONS, **(SHOWCASE_ACTIONS if self.options.showcase else {})}

    def _dispatch(self, action: str, method: str, token: str | None,
                  data: dict[str, Any]) -> tuple[int, str]:
        """Run an action; the (status, JSON body) CKAN would answer."""
        function = self._actions().get(action)
        if function is None:
            return 400, json.dumps(f"Bad request - Action name not known: {action}")
        if method == "GET" and action in WRITE_ACTIONS | SHOWCASE_WRITES:
            return 400, json.dumps("Bad request - JSON Error: Invalid request. Please use "
                                   "POST method for your request")
        help_url = f"{self.url}/api/3/action/help_show?name={action}"
        with self.store.lock:
            context = Context(self.store, self.store.user_for_token(token), self.options)
            try:
                result = function(context, data)
            except ActionError as exc:
                return exc.status, json.dumps({"help": help_url, "success": False,
                                               "error": exc.error_body()})
            return 200, json.dumps({"help": help_url, "success": True, "result": result})
