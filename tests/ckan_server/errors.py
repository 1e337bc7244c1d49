"""The error forms of CKAN's action API, as the test server raises them.

Each exception knows its HTTP status and its JSON body, so the request handler can
answer exactly what a real server answers: the envelope for typed errors, the field
dict for validation errors, and a bare JSON string for a bad request.
"""

from __future__ import annotations

from typing import Any


class ActionError(Exception):
    """An error CKAN reports inside the ``{"success": false, "error": ...}`` envelope."""

    status = 500
    type_name = "Internal Server Error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message

    def error_body(self) -> dict[str, Any]:
        return {"__type": self.type_name, "message": self.message}


class NotFound(ActionError):
    status = 404
    type_name = "Not Found Error"

    def __init__(self, message: str = "Not found") -> None:
        super().__init__(message)


class NotAuthorized(ActionError):
    status = 403
    type_name = "Authorization Error"

    def __init__(self, message: str) -> None:
        super().__init__(f"Access denied: {message}")


class SearchQueryError(ActionError):
    status = 400
    type_name = "Search Query Error"


class Invalid(ActionError):
    """A Validation Error: a dict of field -> messages, and no ``message`` of its own."""

    status = 409
    type_name = "Validation Error"

    def __init__(self, errors: dict[str, Any]) -> None:
        super().__init__("")
        self.errors = errors

    def error_body(self) -> dict[str, Any]:
        return {**self.errors, "__type": self.type_name}


class BadRequest(Exception):
    """CKAN answers 400 with a bare JSON string, no envelope (unknown action, bad JSON)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
