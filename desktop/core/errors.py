"""Errors the core raises with a message a person can read (already translated)."""

from __future__ import annotations


class DeskError(Exception):
    """Base of every error whose message is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class QueryError(DeskError):
    """A request phrased wrongly (unknown kind, filter, column or period): the command
    line answers it as a usage error (exit 2), a window as any other message."""


class DatabaseOpenError(DeskError):
    """The database cannot be opened: missing server, corrupt file, wrong permissions."""


class DatabaseDamagedError(DatabaseOpenError):
    """The SQLite file is damaged; the message names the newest backup to restore."""


class DatabaseTooNewError(DatabaseOpenError):
    """The database was upgraded by a newer version of the application."""


class DatabaseBusyError(DeskError):
    """Another process kept the database's write lock longer than we wait; nothing saved."""


class SecretTooLongError(DeskError):
    """The OS keyring cannot hold a secret this long (Windows: 2,560 bytes); not stored."""


class NotFoundError(DeskError):
    """The record does not exist (or was deleted)."""


class StaleRecordError(DeskError):
    """Someone else saved the record since it was loaded; nothing was overwritten."""

    def __init__(self, message: str, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class ValidationError(DeskError):
    """Field-level problems; ``errors`` maps a field name to its messages."""

    def __init__(self, errors: dict[str, list[str]], message: str | None = None) -> None:
        from desktop.core.i18n import t

        self.errors = errors
        first = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in errors.items())
        super().__init__(message or t("Data belum valid: {detail}", detail=first))


class PermissionRefusedError(DeskError):
    """PostgreSQL refused a change the person's role does not allow (SQLSTATE 42501:
    a missing grant or a row-level policy); nothing was saved. ``kind`` names the record
    kind (``opd``, ``apps``, …) when the refused table is known."""

    def __init__(self, message: str, kind: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
