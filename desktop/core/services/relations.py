"""Which relationships of a model point at one other record (an app's OPD, a
deployment's app): what a record's title and search text may read through a key a save
changed, and what a bulk update loads with its records."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm.interfaces import MANYTOONE

_TO_ONE: dict[type, list[str]] = {}


def many_to_one(model: type) -> list[str]:
    """The model's many-to-one relationships, worked out once per model."""
    keys = _TO_ONE.get(model)
    if keys is None:
        keys = _TO_ONE[model] = [rel.key for rel in inspect(model).relationships
                                 if rel.direction is MANYTOONE]
    return keys
