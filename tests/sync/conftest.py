"""Fixtures for the sync tests: a live test catalog, an in-memory keyring, quick clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import keyring
import pytest
from ckan_server.fixtures import CatalogWorld, ckan_server, ckan_world  # noqa: F401
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from desktop.core import secrets
from desktop.sync.backoff import RetryPolicy
from desktop.sync.client import CatalogClient
from desktop.sync.config import CatalogConfig
from desktop.sync.token import TOKEN_ENV

QUICK_RETRY = RetryPolicy(attempts=4, base_delay=0.001, max_delay=0.01, jitter=False)


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this process: tests never touch the real OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No stray token, and no proxy between the client and the catalog on 127.0.0.1."""
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost,::1")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets._session_only.clear()
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
        secrets._session_only.clear()


class SleepRecorder:
    """Stands in for ``time.sleep`` in the client: records the waits, waits for none."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def make_client(ckan_world: CatalogWorld) -> Iterator[Callable[..., CatalogClient]]:  # noqa: F811
    """A client for the world's catalog, as ``editor`` unless told otherwise, quick retries."""
    made: list[CatalogClient] = []

    def factory(token: str | None = "editor", *, user_name: str = "editor",
                sleep: Callable[[float], None] | None = None, **config: Any) -> CatalogClient:
        tokens = {"editor": ckan_world.editor_token, "outsider": ckan_world.outsider_token,
                  "admin": ckan_world.admin_token}
        settings: dict[str, Any] = {"retry": QUICK_RETRY, "write_interval": 0.0,
                                    "read_timeout": 5.0, **config}
        client = CatalogClient(CatalogConfig(ckan_world.server.url, user_name, **settings),
                               tokens.get(token or "", token),
                               **({"sleep": sleep} if sleep else {}))
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


@pytest.fixture
def catalog_client(make_client: Callable[..., CatalogClient]) -> CatalogClient:
    """The editor's client: member of ``diskominfo``, quick retries, no write pace."""
    return make_client()
